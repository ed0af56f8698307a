"""Every uploaded file is scanned for malware before anything parses it; what a verdict means.

A file that could not be scanned (too big for clamd, encrypted archive, scan failed) is
refused, not waved through: fail closed.
"""

from __future__ import annotations

from chalicelib.core.errors import InputRejectedError, ScanPendingError
from chalicelib.core.ports import MalwareScanner, Verdict


def check_upload(scanner: MalwareScanner, key: str, data: bytes, version_id: str | None = None) -> None:
    """Raise unless the file is clean: rejected for malware or if it cannot be scanned, and
    ScanPendingError (retried by the state machine) while the verdict is not in yet."""
    result = scanner.scan(key, data, version_id)
    if result.verdict is Verdict.CLEAN:
        return
    if result.verdict is Verdict.PENDING:
        raise ScanPendingError("The malware scan of the upload has not finished yet")
    if result.verdict is Verdict.INFECTED:
        raise InputRejectedError("MALWARE_DETECTED", "The file contains malware and was not processed")
    raise InputRejectedError(
        "UNSCANNABLE_FILE", "The file could not be scanned for malware, so it was not processed"
    )
