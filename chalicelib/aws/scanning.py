"""The malware-scan port: every uploaded file is scanned before anything parses it.

Three adapters of `MalwareScanner`, chosen by settings (`wiring.AwsPorts.scanner`):

- **ClamAV** (`CLAMD_ADDRESS=host:port`): the file's bytes are streamed to clamd
  (`zINSTREAM`) and its verdict read back. Synchronous; used wherever a clamd runs.
- **GuardDuty Malware Protection for S3** (`MALWARE_SCAN=guardduty`, set by the template):
  GuardDuty scans each object under `uploads/` when it lands and tags it
  `GuardDutyMalwareScanStatus`. The scan is asynchronous, so an untagged object is PENDING:
  INITIATION raises `ScanPendingError` and the state machine retries it with backoff (so it
  does when clamd cannot be reached).
- **Off** (the local default): every file passes. A deployment sets one of the two above.

What a verdict means for the upload is the domain's (`core/scanning.py`).
"""

from __future__ import annotations

import socket
import struct
from typing import Protocol

from chalicelib.core.ports import ScanResult, Verdict

GUARDDUTY_TAG = "GuardDutyMalwareScanStatus"
CLAMD_CHUNK_BYTES = 64 * 1024


class NoScanner:
    """Scanning off: for the local stack and tests that are not about scanning."""

    def scan(self, key: str, data: bytes, version_id: str | None = None) -> ScanResult:
        return ScanResult(Verdict.CLEAN, "scanning is off")


class TagReader(Protocol):
    def tags_of(self, key: str, version_id: str | None = None) -> dict[str, str]: ...


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

    def scan(self, key: str, data: bytes, version_id: str | None = None) -> ScanResult:
        # GuardDuty tags the version it scanned: the one read, not whatever is current now.
        status = self._tags.tags_of(key, version_id).get(GUARDDUTY_TAG)
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

    def scan(self, key: str, data: bytes, version_id: str | None = None) -> ScanResult:
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
            return ScanResult(Verdict.PENDING, f"scanner unreachable ({error.__class__.__name__})")
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
