"""The local stack's files on disk: framed records, appended and synced, read back until torn.

A data directory holds, by generation `g`:

- `snapshot-<g>.bin`: the whole state at the moment generation `g` began (absent for 0);
- `journal-<g>.bin`: every acknowledged write since then, in the order it was applied;
- `LOCK`: held (flock) by the one stack that uses the directory.

The state is the newest complete snapshot followed by its journal and any later ones (a
compaction switches to journal `g+1` first and renames `snapshot-<g+1>` into place last, so a
crash in between leaves journals `g` and `g+1` after snapshot `g`: both are read).

A record is `MAGIC | header length (4) | body length (8) | CRC-32 (4) | header (JSON) | body`.
A record cut short by a crash was never acknowledged (the answer waits for the sync), so reading
stops at the first incomplete or damaged record and the file is cut back to the records before it.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import struct
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAGIC = b"RJ"
FRAME = struct.Struct(">2sIQI")
SNAPSHOT = re.compile(r"^snapshot-(\d+)\.bin$")
JOURNAL = re.compile(r"^journal-(\d+)\.bin$")


class DataDirInUse(RuntimeError):
    """Another local stack holds the directory: two writers would interleave their journals."""


@dataclass(frozen=True)
class Record:
    header: dict[str, Any]
    body: bytes = b""


def encode(record: Record) -> bytes:
    header = json.dumps(record.header, separators=(",", ":")).encode()
    crc = zlib.crc32(record.body, zlib.crc32(header))
    return FRAME.pack(MAGIC, len(header), len(record.body), crc) + header + record.body


def read_records(path: Path, *, repair: bool = False) -> Iterator[Record]:
    """Every whole record of the file; with `repair`, a torn tail is cut off the file."""
    good_end = 0
    with path.open("rb") as file:
        while True:
            frame = file.read(FRAME.size)
            if len(frame) < FRAME.size:
                break
            magic, header_length, body_length, crc = FRAME.unpack(frame)
            if magic != MAGIC:
                break
            header = file.read(header_length)
            body = file.read(body_length)
            if len(header) < header_length or len(body) < body_length:
                break
            if zlib.crc32(body, zlib.crc32(header)) != crc:
                break
            good_end = file.tell()
            yield Record(json.loads(header), body)
        torn = file.tell() != good_end or bool(file.read(1))
    if torn and repair:
        with path.open("r+b") as file:
            file.truncate(good_end)
            os.fsync(file.fileno())


class Journal:
    """An append-only file. `append` orders records (callers hold their own lock around the
    write they journal, so the file's order is the order writes were applied); `sync` makes
    everything appended so far durable, one fsync serving every caller waiting at the time."""

    def __init__(self, path: Path, records: int = 0) -> None:
        self.path = path
        self.records = records  # in the file, those already there included
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self._lock = threading.Lock()
        self._sync_lock = threading.Lock()
        self._appended = 0
        self._synced = 0
        self.size = os.fstat(self._fd).st_size

    def append(self, record: Record) -> int:
        data = encode(record)
        with self._lock:
            view = memoryview(data)
            while view:
                written = os.write(self._fd, view)
                view = view[written:]
            self._appended += 1
            self.records += 1
            self.size += len(data)
            return self._appended

    def sync(self, upto: int) -> None:
        with self._sync_lock:
            if self._synced >= upto:
                return  # another caller's fsync covered this record
            with self._lock:
                target = self._appended
            os.fdatasync(self._fd)
            self._synced = target

    def close(self) -> None:
        with self._sync_lock, self._lock:
            if self._fd >= 0:
                os.fsync(self._fd)
                os.close(self._fd)
                self._fd = -1
                self._synced = self._appended  # a writer still to call sync() has nothing to wait for


def write_atomically(path: Path, records: Iterator[Record]) -> None:
    """The whole file or nothing: written beside, synced, renamed over, directory synced."""
    scratch = path.with_suffix(".tmp")
    with scratch.open("wb") as file:
        for record in records:
            file.write(encode(record))
        file.flush()
        os.fsync(file.fileno())
    os.replace(scratch, path)
    sync_directory(path.parent)


def sync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Layout:
    """Which files make up the state of a data directory."""

    directory: Path

    def snapshot(self, generation: int) -> Path:
        return self.directory / f"snapshot-{generation}.bin"

    def journal(self, generation: int) -> Path:
        return self.directory / f"journal-{generation}.bin"

    def newest_snapshot(self) -> int:
        generations = [int(m[1]) for p in self.directory.iterdir() if (m := SNAPSHOT.match(p.name))]
        return max(generations, default=0)

    def journals_from(self, generation: int) -> list[int]:
        found = [int(m[1]) for p in self.directory.iterdir() if (m := JOURNAL.match(p.name))]
        return sorted(g for g in found if g >= generation)

    def remove_before(self, generation: int) -> None:
        """Files a complete snapshot `generation` has made redundant (and stray scratch files)."""
        for path in self.directory.iterdir():
            match = SNAPSHOT.match(path.name) or JOURNAL.match(path.name)
            if (match and int(match[1]) < generation) or path.suffix == ".tmp":
                path.unlink(missing_ok=True)


class DirectoryLock:
    """One stack per data directory, released by the kernel when the process dies (SIGKILL too)."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(directory / "LOCK", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._fd)
            raise DataDirInUse(f"Another local stack is using {directory}") from None

    def release(self) -> None:
        if self._fd >= 0:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = -1
