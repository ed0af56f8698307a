"""The multipart/form-data body of an S3 POST Object: the fields before the file, then the file.

The body is read as it arrives (werkzeug's sans-IO decoder), so an oversized file is counted, not
held, and fields past S3's 20 KB pre-data limit are refused before the file is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import IO

from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.sansio.multipart import NEED_DATA, Data, Epilogue, Event, Field, File, MultipartDecoder

from local_stack.s3_post_errors import S3Error, malformed_post

MAX_PRE_DATA_BYTES = 20_480  # S3: the fields before the file may not exceed 20 KB
READ_CHUNK = 64 * 1024


@dataclass
class PostForm:
    """The fields before the file part (S3 ignores the ones after it), in the order sent."""

    fields: list[tuple[str, str]] = field(default_factory=list)
    has_file: bool = False
    filename: str | None = None  # the file part's `filename` parameter, None when it has none

    def get(self, name: str) -> str | None:
        """Field names are case-insensitive; a repeated field is one comma-separated value."""
        values = [value for sent, value in self.fields if sent.lower() == name]
        return ",".join(values) if values else None

    def names(self) -> list[str]:
        """Each field's name once, lower-cased, in the order first sent."""
        return list(dict.fromkeys(sent.lower() for sent, _ in self.fields))

    def values(self, bucket: str) -> dict[str, str]:
        """What the conditions are matched against: ${filename} expanded, `bucket` from the URL."""
        expanded = {name: _expand(self.get(name) or "", self.filename) for name in self.names()}
        expanded["bucket"] = bucket
        return expanded


def _expand(value: str, filename: str | None) -> str:
    # S3 keeps "${filename}" literally when the file part has no filename parameter, and uses
    # only the text after the last slash or backslash of a client-supplied path.
    if filename is None:
        return value
    return value.replace("${filename}", re.split(r"[/\\]", filename)[-1])


class MultipartBody:
    """Reads a multipart/form-data body as it arrives, so an oversized file is never held whole."""

    def __init__(self, stream: IO[bytes], boundary: bytes) -> None:
        self._stream = stream
        self._decoder = MultipartDecoder(boundary, max_parts=1000)
        self._received = 0

    def read_fields(self) -> PostForm:
        form = PostForm()
        name: str | None = None
        value = bytearray()
        while True:
            event = self._next()
            if isinstance(event, Epilogue):
                return form
            if isinstance(event, Field | File):
                if not event.name:
                    raise malformed_post()
                if event.name.lower() == "file":
                    form.has_file = True
                    form.filename = _filename(event) if isinstance(event, File) else None
                    self._check_pre_data()
                    return form
                name, value = event.name, bytearray()
            elif isinstance(event, Data) and name is not None:
                value += event.data
                if not event.more_data:
                    form.fields.append((name, value.decode("utf-8", "replace")))
                    name = None
            self._check_pre_data()

    def read_file(self, keep_at_most: int) -> tuple[bytes, int]:
        """The file's bytes (empty once over `keep_at_most`) and its full size."""
        body = bytearray()
        size = 0
        while True:
            event = self._next()
            if isinstance(event, Epilogue):
                raise malformed_post()
            if isinstance(event, Data):
                size += len(event.data)
                if size <= keep_at_most:
                    body += event.data
                elif body:
                    body = bytearray()  # too large: keep counting for ProposedSize, stop keeping
                if not event.more_data:
                    return bytes(body), size

    def further_file_parts(self) -> int:
        """Reads to the end of the body; how many more parts are named `file`."""
        count = 0
        while not isinstance(event := self._next(), Epilogue):
            if isinstance(event, Field | File) and (event.name or "").lower() == "file":
                count += 1
        return count

    def _next(self) -> Event:
        while True:
            try:
                event = self._decoder.next_event()
            except (ValueError, RequestEntityTooLarge) as exc:  # unparsable, or ended mid-part
                raise malformed_post() from exc
            if event is not NEED_DATA:
                return event
            chunk = self._stream.read(READ_CHUNK)
            self._received += len(chunk)
            self._decoder.receive_data(chunk or None)

    def _check_pre_data(self) -> None:
        consumed = self._received - len(self._decoder.buffer)
        if consumed > MAX_PRE_DATA_BYTES:
            # S3's code and (misspelt) message, as users have quoted them.
            raise S3Error(
                400,
                "MaxPostPreDataLengthExceeded",
                "Your POST request fields preceeding the upload file was too large.",
                ("MaxPostPreDataLengthBytes", str(MAX_PRE_DATA_BYTES)),
            )


def _filename(part: File) -> str:
    """The file part's filename as a browser sent it.

    Browsers escape only '"', CR and LF (as %22, %0D, %0A) and send backslashes raw, so a Windows
    path keeps its separators; werkzeug would read them as RFC 9110 escapes and drop them.
    """
    raw = re.search(r';\s*filename="([^"]*)"', part.headers.get("Content-Disposition", ""))
    if raw is None:
        return part.filename
    return raw[1].replace("%22", '"').replace("%0D", "\r").replace("%0A", "\n")


def drain(stream: IO[bytes]) -> None:
    """Read what the client still sends, so it sees our answer rather than a reset connection."""
    try:
        while stream.read(READ_CHUNK):
            pass
    except (OSError, HTTPException):  # the client went away (werkzeug's ClientDisconnected)
        pass
