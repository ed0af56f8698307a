"""The malware-scan port, its adapters (aws/scanning.py) and the upload policy (core/scanning.py)."""

from __future__ import annotations

import socket

import pytest

from chalicelib.aws.scanning import GUARDDUTY_TAG, ClamdScanner, GuardDutyTags, NoScanner, parse_clamd_reply
from chalicelib.core.errors import InputRejectedError, ScanPendingError
from chalicelib.core.ports import ScanResult, Verdict
from chalicelib.core.scanning import check_upload
from tests.fake_clamd import EICAR, FakeClamd


def test_clamd_passes_a_clean_file_and_names_the_signature_it_finds() -> None:
    with FakeClamd() as clamd:
        scanner = ClamdScanner(clamd.address, timeout_seconds=5)
        # Big enough to cross several INSTREAM chunks
        assert scanner.scan("k", b"%PDF-1.7 clean " * 20_000).verdict is Verdict.CLEAN
        infected = scanner.scan("k", b"%PDF-1.7 " + b"x" * 70_000 + EICAR)
        assert infected == ScanResult(Verdict.INFECTED, "Eicar-Test-Signature")
        assert clamd.scanned == 2


def test_a_file_clamd_cannot_scan_is_unscannable_not_clean() -> None:
    with FakeClamd(max_stream_bytes=1000) as clamd:
        result = ClamdScanner(clamd.address, timeout_seconds=5).scan("k", b"a" * 5000)
    assert result.verdict is Verdict.UNSCANNABLE and "ERROR" in result.detail


def test_an_unreachable_clamd_is_retried_later_not_a_verdict() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = ClamdScanner(f"127.0.0.1:{port}", timeout_seconds=2).scan("k", b"data")
    assert result.verdict is Verdict.PENDING and "unreachable" in result.detail
    with pytest.raises(ScanPendingError):
        check_upload(ClamdScanner(f"127.0.0.1:{port}", timeout_seconds=2), "k", b"data")


def test_clamd_address_must_be_host_and_port() -> None:
    for bad in ("clamd", "clamd:", ":3310", "clamd:port"):
        with pytest.raises(ValueError):
            ClamdScanner(bad, timeout_seconds=1)


@pytest.mark.parametrize(
    ("reply", "verdict"),
    [
        ("stream: OK", Verdict.CLEAN),
        ("stream: Win.Test.EICAR_HDB-1 FOUND", Verdict.INFECTED),
        ("INSTREAM size limit exceeded. ERROR", Verdict.UNSCANNABLE),
        ("", Verdict.UNSCANNABLE),
    ],
)
def test_clamd_replies(reply: str, verdict: Verdict) -> None:
    assert parse_clamd_reply(reply).verdict is verdict


class Tags:
    def __init__(self, tags: dict[str, str]) -> None:
        self.tags = tags

    def tags_of(self, key: str, version_id: str | None = None) -> dict[str, str]:
        return self.tags


@pytest.mark.parametrize(
    ("status", "verdict"),
    [
        (None, Verdict.PENDING),
        ("NO_THREATS_FOUND", Verdict.CLEAN),
        ("THREATS_FOUND", Verdict.INFECTED),
        ("UNSUPPORTED", Verdict.UNSCANNABLE),
        ("ACCESS_DENIED", Verdict.UNSCANNABLE),
        ("FAILED", Verdict.UNSCANNABLE),
        ("SOMETHING_NEW", Verdict.UNSCANNABLE),
    ],
)
def test_guardduty_tags_are_read_as_verdicts(status: str | None, verdict: Verdict) -> None:
    tags = {"other": "x"} if status is None else {GUARDDUTY_TAG: status}
    assert GuardDutyTags(Tags(tags)).scan("uploads/u/wf/file.pdf", b"").verdict is verdict


def test_only_a_clean_file_passes_the_check() -> None:
    check_upload(NoScanner(), "k", EICAR)  # scanning off: everything passes
    check_upload(GuardDutyTags(Tags({GUARDDUTY_TAG: "NO_THREATS_FOUND"})), "k", b"")
    with pytest.raises(ScanPendingError):
        check_upload(GuardDutyTags(Tags({})), "k", b"")
    with pytest.raises(InputRejectedError) as infected:
        check_upload(GuardDutyTags(Tags({GUARDDUTY_TAG: "THREATS_FOUND"})), "k", b"")
    assert infected.value.code == "MALWARE_DETECTED"
    with pytest.raises(InputRejectedError) as unscannable:
        check_upload(GuardDutyTags(Tags({GUARDDUTY_TAG: "FAILED"})), "k", b"")
    assert unscannable.value.code == "UNSCANNABLE_FILE"
