"""The malware-scan port: every uploaded file is scanned before anything parses it.

Three adapters, chosen by settings (`services.get_scanner`):

- **ClamAV** (`CLAMD_ADDRESS=host:port`): the file's bytes are streamed to clamd
  (`zINSTREAM`) and its verdict read back. Synchronous; used wherever a clamd runs.
- **GuardDuty Malware Protection for S3** (`MALWARE_SCAN=guardduty`, set by the template):
  GuardDuty scans each object under `uploads/` when it lands and tags it
  `GuardDutyMalwareScanStatus`. The scan is asynchronous, so an untagged object is PENDING:
  INITIATION raises `ScanPendingError` and the state machine retries it with backoff.
- **Off** (the local default): every file passes. A deployment sets one of the two above.

A file that could not be scanned (too big for clamd, encrypted archive, scan failed) is
refused, not waved through: fail closed.
"""

from __future__ import annotations

import socket
import struct
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from chalicelib.errors import InputRejectedError, ScanPendingError

GUARDDUTY_TAG = "GuardDutyMalwareScanStatus"
CLAMD_CHUNK_BYTES = 64 * 1024


class Verdict(StrEnum):
    CLEAN = "CLEAN"
    INFECTED = "INFECTED"
    PENDING = "PENDING"
    UNSCANNABLE = "UNSCANNABLE"


@dataclass(frozen=True)
class ScanResult:
    verdict: Verdict
    # What the scanner said: a signature name, a GuardDuty status, an error.
    detail: str = ""


class MalwareScanner(Protocol):
    def scan(self, key: str, data: bytes) -> ScanResult: ...


class NoScanner:
    """Scanning off: for the local stack and tests that are not about scanning."""

    def scan(self, key: str, data: bytes) -> ScanResult:
        return ScanResult(Verdict.CLEAN, "scanning is off")


class TagReader(Protocol):
    def tags_of(self, key: str) -> dict[str, str]: ...


# GuardDuty's statuses: https://docs.aws.amazon.com/guardduty/latest/ug/monitor-with-s3-object-scan-status.html
GUARDDUTY_VERDICTS = {
    "NO_THREATS_FOUND": Verdict.CLEAN,
    "THREATS_FOUND": Verdict.INFECTED,
    "UNSUPPORTED": Verdict.UNSCANNABLE,
    "ACCESS_DENIED": Verdict.UNSCANNABLE,
    "FAILED": Verdict.UNSCANNABLE,
}


class GuardDutyTags:
    """Reads the verdict GuardDuty Malware Protection for S3 tagged the object with."""

    def __init__(self, tags: TagReader) -> None:
        self._tags = tags

    def scan(self, key: str, data: bytes) -> ScanResult:
        status = self._tags.tags_of(key).get(GUARDDUTY_TAG)
        if status is None:
            return ScanResult(Verdict.PENDING, "not scanned yet")
        return ScanResult(GUARDDUTY_VERDICTS.get(status, Verdict.UNSCANNABLE), status)


class ClamdScanner:
    """clamd's INSTREAM command over TCP: chunks prefixed with their length, then a zero length."""

    def __init__(self, address: str, timeout_seconds: float) -> None:
        host, _, port = address.rpartition(":")
        if not host or not port.isdigit():
            raise ValueError(f"CLAMD_ADDRESS must be host:port, not {address!r}")
        self._address = (host, int(port))
        self._timeout = timeout_seconds

    def scan(self, key: str, data: bytes) -> ScanResult:
        try:
            with socket.create_connection(self._address, timeout=self._timeout) as connection:
                connection.sendall(b"zINSTREAM\0")
                for start in range(0, len(data), CLAMD_CHUNK_BYTES):
                    chunk = data[start : start + CLAMD_CHUNK_BYTES]
                    connection.sendall(struct.pack("!L", len(chunk)) + chunk)
                connection.sendall(struct.pack("!L", 0))
                reply = _read_reply(connection)
        except OSError as error:
            # clamd down or unreachable: worth another try, not a verdict on the file.
            raise ScanPendingError(
                f"The malware scanner is unreachable ({error.__class__.__name__})"
            ) from error
        return parse_clamd_reply(reply)


def _read_reply(connection: socket.socket) -> str:
    received = b""
    while not received.endswith(b"\0"):
        chunk = connection.recv(4096)
        if not chunk:
            break
        received += chunk
    return received.rstrip(b"\0").decode("utf-8", "replace")


def parse_clamd_reply(reply: str) -> ScanResult:
    """`stream: OK`, `stream: <signature> FOUND`, or `... ERROR` (e.g. size limit exceeded)."""
    verdict = reply.partition(": ")[2] if ": " in reply else reply
    if verdict == "OK":
        return ScanResult(Verdict.CLEAN, "OK")
    if verdict.endswith(" FOUND"):
        return ScanResult(Verdict.INFECTED, verdict.removesuffix(" FOUND"))
    return ScanResult(Verdict.UNSCANNABLE, verdict or "no answer")


def check_upload(scanner: MalwareScanner, key: str, data: bytes) -> None:
    """Raise unless the file is clean: rejected for malware or if it cannot be scanned, and
    ScanPendingError (retried by the state machine) while the verdict is not in yet."""
    result = scanner.scan(key, data)
    if result.verdict is Verdict.CLEAN:
        return
    if result.verdict is Verdict.PENDING:
        raise ScanPendingError("The malware scan of the upload has not finished yet")
    if result.verdict is Verdict.INFECTED:
        raise InputRejectedError("MALWARE_DETECTED", "The file contains malware and was not processed")
    raise InputRejectedError(
        "UNSCANNABLE_FILE", "The file could not be scanned for malware, so it was not processed"
    )
