"""Durable local data: every DynamoDB and S3 write moto acknowledges survives a restart or a crash.

moto keeps its state in memory. This WSGI middleware sits directly in front of moto: a request
that changes DynamoDB or S3 is applied under its service's lock, and if moto answered 2xx the
request (with anything moto drew at random or from the clock while applying it) is appended to
the journal; the journal is synced before the answer leaves. So whatever a client was told
happened is on disk, in the order it was applied: a conditional write that failed was never
acknowledged and is not journaled, and two writes that depend on each other cannot be journaled
out of order (the lock spans the apply and the append).

At start the newest snapshot and the journals after it are replayed into moto in-process, before
the server listens. S3 version ids, multipart upload ids and Last-Modified come from the recorded
tape, so they are the ones clients saw (records keep version ids); ETags are the body's MD5 and
come out the same by themselves.

Compaction keeps start-up bounded: once the journal has a quarter as many records as the last
snapshot (and at least a floor), the
whole state is captured under both locks, appends switch to the next generation's journal, and
the snapshot is written beside and renamed into place (`local_stack/journal.py`). A snapshot is
the journal re-serialised: the bucket and table definitions as the requests that made them, then
one record per item and per S3 key (with every version).

Not journaled: Step Functions (its executions cannot be resumed mid-task; the stack re-drives the
workflows instead, `chalicelib/core/recover.py`), Lambda invocations, moto's own API. ADR 0015.
"""

from __future__ import annotations

import io
import json
import logging
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from werkzeug.wsgi import get_input_stream

from local_stack.journal import (
    DirectoryLock,
    Journal,
    Layout,
    Record,
    read_records,
    sync_directory,
    write_atomically,
)
from local_stack.wsgi_call import call_wsgi

logger = logging.getLogger(__name__)
StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

DYNAMODB_PREFIX = "DynamoDB_20120810."
# Writes to items (whose effect a snapshot captures as the items themselves) ...
DYNAMODB_DATA = frozenset(
    {
        "PutItem",
        "UpdateItem",
        "DeleteItem",
        "BatchWriteItem",
        "TransactWriteItems",
        "ExecuteStatement",
        "BatchExecuteStatement",
        "ExecuteTransaction",
    }
)
# ... and to tables, which a snapshot keeps as the requests themselves.
DYNAMODB_SCHEMA = frozenset(
    {"CreateTable", "UpdateTable", "DeleteTable", "UpdateTimeToLive", "TagResource", "UntagResource"}
)
S3_WRITES = frozenset({"PUT", "POST", "DELETE"})
# The environ entries a request is replayed from (the rest belong to the connection).
KEPT_ENVIRON = frozenset(
    {"REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "CONTENT_TYPE", "SERVER_NAME"}
    | {"SERVER_PORT", "SERVER_PROTOCOL", "RAW_URI", "REQUEST_URI"}
)
# When to compact. A journal replays record by record through moto's HTTP handling (1 to 5 ms
# each here, whatever their size: most are small rate-bucket and workflow writes), a snapshot's
# items and keys go straight into moto (about 0.3 ms each); capturing the state holds the writes
# for about 0.1 ms per item. So: once the journal has a quarter as many records as the snapshot
# (a start then replays at most about twice what the snapshot alone costs, and each write pays
# about 0.5 ms of capture on average), and at least COMPACT_FLOOR_RECORDS; or, for large S3
# bodies, once it is as large as the snapshot and at least COMPACT_FLOOR_BYTES.
COMPACT_FLOOR_RECORDS = 500
SNAPSHOT_SHARE = 0.25
COMPACT_FLOOR_BYTES = 8 * 1024 * 1024


def _service(environ: dict[str, Any]) -> str | None:
    if str(environ.get("HTTP_X_AMZ_TARGET", "")).startswith(DYNAMODB_PREFIX):
        return "dynamodb"
    scope = str(environ.get("HTTP_AUTHORIZATION", "")) + str(environ.get("QUERY_STRING", ""))
    if "/s3/aws4_request" in scope or "%2Fs3%2Faws4_request" in scope:
        return "s3"
    return None


def classify(environ: dict[str, Any], body: bytes) -> tuple[str, bool] | None:
    """(service, is-schema) for a request that may change DynamoDB or S3; None for the rest."""
    service = _service(environ)
    if service == "dynamodb":
        action = str(environ["HTTP_X_AMZ_TARGET"])[len(DYNAMODB_PREFIX) :]
        if action in DYNAMODB_SCHEMA:
            return service, True
        if action == "ExecuteStatement" and _is_select(body):
            return None
        return (service, False) if action in DYNAMODB_DATA else None
    if service == "s3" and environ.get("REQUEST_METHOD") in S3_WRITES:
        path = str(environ.get("PATH_INFO", "")).strip("/")
        query = parse_qs(str(environ.get("QUERY_STRING", "")), keep_blank_values=True)
        # `/bucket` (and `/bucket?cors` ...) configures the bucket; `?delete` removes keys.
        return service, "/" not in path and "delete" not in query
    return None


def _is_select(body: bytes) -> bool:
    try:
        return str(json.loads(body or b"{}").get("Statement", "")).lstrip().upper().startswith("SELECT")
    except ValueError:
        return False


# --- the tape: what moto draws at random or from the clock while it applies a write --------


class _Tape(threading.local):
    recording: list[list[Any]] | None = None
    playing: deque[list[Any]] | None = None


_TAPE = _Tape()
_tape_installed = False


def _encode(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return {"uuid": str(value)}
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and "uuid" in value:
        return uuid.UUID(value["uuid"])
    if isinstance(value, dict) and "datetime" in value:
        return datetime.fromisoformat(value["datetime"])
    return value


def _taped(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        playing = _TAPE.playing
        if playing and playing[0][0] == name:
            return _decode(playing.popleft()[1])
        result = real(*args, **kwargs)
        if _TAPE.recording is not None:
            _TAPE.recording.append([name, _encode(result)])
        return result

    return call


class _TapedModule:
    """A module whose functions go through the tape (moto's `mock_random` as S3 uses it)."""

    def __init__(self, real: Any, prefix: str) -> None:
        self._real = real
        self._prefix = prefix

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._real, name)
        return _taped(f"{self._prefix}.{name}", attr) if callable(attr) else attr


def install_tape() -> None:
    """S3 draws version ids, upload ids and Last-Modified as it applies a write: record them."""
    global _tape_installed
    if _tape_installed:
        return
    from moto.s3 import models

    models.random = _TapedModule(models.random, "random")  # type: ignore[attr-defined,assignment]
    models.utcnow = _taped("utcnow", models.utcnow)  # type: ignore[attr-defined]
    _tape_installed = True


# --- the store ---------------------------------------------------------------------------


class DurableStore:
    """The journal, its replay and its compaction, for one data directory."""

    def __init__(
        self,
        directory: Path,
        account_id: str,
        region: str,
        compact_floor_bytes: int = COMPACT_FLOOR_BYTES,
        services: frozenset[str] = frozenset({"dynamodb", "s3"}),
        legacy: Path | None = None,
        backend_wrapper: Callable[[str, WsgiApp], WsgiApp] | None = None,
    ) -> None:
        """`services`: what this store's moto serves, and so replays (DynamoDB may be another
        process's: local_stack/dynamodb_process.py). `legacy`: a directory whose files held every
        service's data before it was split; a store that finds nothing of its own replays its
        services' records from there once, and writes them as its first snapshot.
        `backend_wrapper(service, app)`: what serves a service's requests in place of moto's app
        for it, writes and replays alike (DynamoDB's process: local_stack/dynamodb_direct.py)."""
        self.directory = directory.resolve()
        self._services = services
        self._legacy = Layout(legacy.resolve()) if legacy is not None else None
        self._account_id = account_id
        self._region = region
        self._compact_floor = compact_floor_bytes
        self._layout = Layout(self.directory)
        self._dir_lock: DirectoryLock | None = None
        self._journal: Journal | None = None
        self._generation = 0
        self._snapshot_bytes = 0
        self._snapshot_records = 0
        self._schema: list[Record] = []
        self._locks = {"dynamodb": threading.RLock(), "s3": threading.RLock()}
        self._compacting = threading.Lock()
        self._compactor: threading.Thread | None = None
        self.replayed = 0
        self.refused_on_replay = 0
        self._closed = False
        self._backends: dict[str, WsgiApp] = {}
        self._backend_wrapper = backend_wrapper

    # -- start and stop

    def recover(self, moto_app: WsgiApp) -> None:
        """Lock the directory, replay it into moto, open the journal to append to."""
        install_tape()
        self.lock()
        layout = self._layout
        snapshot = layout.newest_snapshot()
        sources = [layout.snapshot(snapshot)] if snapshot else []
        journals = layout.journals_from(snapshot) or [snapshot]
        sources += [layout.journal(g) for g in journals if layout.journal(g).exists()]
        migrating = not sources and self._legacy is not None and self._legacy.directory.is_dir()
        if migrating:
            assert self._legacy is not None
            # Read only: the legacy directory is its owner's, who drops these records itself.
            old = self._legacy.newest_snapshot()
            sources = [self._legacy.snapshot(old)] if old else []
            sources += [self._legacy.journal(g) for g in self._legacy.journals_from(old)]
        counts = {"snapshot": 0, "journal": 0}
        for path in sources:
            kind = "journal" if path.name.startswith("journal-") else "snapshot"
            for record in read_records(path, repair=kind == "journal" and not migrating):
                if self._serves(record):
                    self._apply(moto_app, record)
                    counts[kind] += 1
        self._generation = journals[-1]
        self._snapshot_bytes = layout.snapshot(snapshot).stat().st_size if snapshot else 0
        self._snapshot_records = counts["snapshot"]
        # (after a compaction cut short, two journals: both count towards the next start's replay)
        self._journal = Journal(layout.journal(self._generation), records=counts["journal"])
        sync_directory(self.directory)
        layout.remove_before(snapshot)
        if self.refused_on_replay:
            logger.warning("%d journaled writes were refused on replay", self.refused_on_replay)
        if migrating and counts["snapshot"] + counts["journal"]:
            self.compact()  # before anyone may drop the legacy files: the data is ours now
        self._maybe_compact()

    def _serves(self, record: Record) -> bool:
        kind = record.header.get("k")
        service = record.header.get("s") if kind == "http" else {"ddb": "dynamodb"}.get(str(kind), kind)
        return service in self._services

    def lock(self) -> None:
        """Hold the directory (DataDirInUse if another stack does); `recover` takes it if not yet."""
        if self._dir_lock is None:
            self._dir_lock = DirectoryLock(self.directory)

    def close(self) -> None:
        """Every acknowledged write is synced already: close the journal, free the directory."""
        with self._locks["dynamodb"], self._locks["s3"]:
            self._closed = True
            if self._journal is not None:
                self._journal.close()
                self._journal = None
        if self._dir_lock is not None:
            self._dir_lock.release()
            self._dir_lock = None

    # -- serving

    def middleware(self, moto_app: WsgiApp) -> WsgiApp:
        def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
            return self._serve(moto_app, environ, start_response)

        return app

    def _serve(
        self, moto_app: WsgiApp, environ: dict[str, Any], start_response: StartResponse
    ) -> Iterable[bytes]:
        service = _service(environ)
        if service is None:
            return moto_app(environ, start_response)
        backend = self._backend(moto_app, service, environ)
        body = get_input_stream(environ, max_content_length=None).read()
        _replace_body(environ, body)
        kind = classify(environ, body)
        if kind is None:
            return backend(environ, start_response)
        schema = kind[1]
        with self._locks[service]:
            if self._closed:
                # Stopping: a write applied now could not be journaled, so it is not applied.
                return _unavailable(start_response)
            _TAPE.recording = []
            try:
                status, headers, chunks = call_wsgi(backend, environ)
            finally:
                tape, _TAPE.recording = _TAPE.recording, None
            journal = self._journal
            position = 0
            if status.startswith("2") and journal is not None:
                record = Record(
                    {"k": "http", "s": service, "t": time.time(), "env": _kept(environ), "tape": tape}, body
                )
                position = journal.append(record)
                if schema:
                    self._schema.append(record)
        if position:
            assert journal is not None
            journal.sync(position)  # acknowledged = durable: the answer waits for this
            self._maybe_compact()
        start_response(status, headers)
        return chunks

    def _backend(self, moto_app: Any, service: str, environ: dict[str, Any]) -> WsgiApp:
        """moto's app for the service, found once: moto's dispatcher works it out again for every
        request (listing its own modules on disk, under one lock), which a replay of thousands
        of writes, and every DynamoDB and S3 call after it, can do without."""
        backend = self._backends.get(service)
        if backend is None:
            backend = moto_app.get_application(environ)
            if self._backend_wrapper is not None:
                backend = self._backend_wrapper(service, backend)
            self._backends[service] = backend
        return backend

    # -- replay

    def _apply(self, moto_app: WsgiApp, record: Record) -> None:
        kind = record.header.get("k")
        if kind == "http":
            self._replay_request(moto_app, record)
        elif kind == "ddb":
            self._dynamodb().put_item(record.header["table"], record.header["item"])
        elif kind == "s3":
            _restore_key(self._s3(), self._account_id, self._region, record)
        self.replayed += 1

    def _replay_request(self, moto_app: WsgiApp, record: Record) -> None:
        environ: dict[str, Any] = {
            **record.header["env"],
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.errors": io.StringIO(),
            "wsgi.multithread": False,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
            "REMOTE_ADDR": "127.0.0.1",
        }
        _replace_body(environ, record.body)
        backend = self._backend(moto_app, str(record.header.get("s")), environ)
        _TAPE.playing = deque(record.header.get("tape") or [])
        try:
            status, _, _ = call_wsgi(backend, environ)
        finally:
            _TAPE.playing = None
        if not status.startswith("2"):
            self.refused_on_replay += 1
            logger.warning("A journaled write was refused on replay: %s", status)
        if record.header.get("s") in ("dynamodb", "s3") and classify(environ, record.body) == (
            record.header["s"],
            True,
        ):
            self._schema.append(record)

    # -- compaction

    def _maybe_compact(self) -> None:
        journal = self._journal
        if journal is None:
            return
        many = journal.records >= max(COMPACT_FLOOR_RECORDS, self._snapshot_records * SNAPSHOT_SHARE)
        large = journal.size >= max(self._compact_floor, self._snapshot_bytes)
        if not (many or large):
            return
        if self._compactor is not None and self._compactor.is_alive():
            return
        self._compactor = threading.Thread(target=self.compact, daemon=True, name="local-compaction")
        self._compactor.start()

    def compact(self) -> None:
        """Capture the state, switch to the next journal, write the snapshot, drop the old files."""
        if not self._compacting.acquire(blocking=False):
            return
        try:
            with self._locks["dynamodb"], self._locks["s3"]:
                if self._journal is None:
                    return  # closed
                records = [*self._schema, *self._dynamodb_records(), *self._s3_records()]
                old, generation = self._journal, self._generation + 1
                self._journal = Journal(self._layout.journal(generation))
                self._generation = generation
                sync_directory(self.directory)
            old.close()
            snapshot = self._layout.snapshot(generation)
            write_atomically(snapshot, iter(records))
            self._snapshot_bytes = snapshot.stat().st_size
            self._snapshot_records = len(records)
            self._layout.remove_before(generation)
        finally:
            self._compacting.release()

    def _dynamodb(self) -> Any:
        from moto.dynamodb.models import dynamodb_backends

        return dynamodb_backends[self._account_id][self._region]

    def _s3(self) -> Any:
        from moto.s3.models import s3_backends

        return s3_backends[self._account_id]["aws"]

    def _dynamodb_records(self) -> Iterator[Record]:
        from moto.dynamodb.models.utilities import dynamo_json_dump

        for name, table in list(self._dynamodb().tables.items()):
            for item in list(table.all_items()):
                attributes = json.loads(dynamo_json_dump(item.to_json()))["Attributes"]
                yield Record({"k": "ddb", "table": name, "item": attributes})

    def _s3_records(self) -> Iterator[Record]:
        for bucket in list(self._s3().buckets.values()):
            for name, versions in bucket.keys.iterlists():
                yield _capture_key(bucket.name, name, versions)


def _capture_key(bucket: str, name: str, versions: list[Any]) -> Record:
    described: list[dict[str, Any]] = []
    bodies: list[bytes] = []
    for version in versions:
        if not hasattr(version, "value"):  # a delete marker
            described.append(
                {"marker": True, "version": version.version_id, "modified": version.last_modified.isoformat()}
            )
            continue
        value = version.value
        bodies.append(value)
        described.append(
            {
                "version": version._version_id,
                "modified": version.last_modified.isoformat(),
                "etag": version.etag.strip('"'),
                "size": len(value),
                "metadata": dict(version.metadata),
                "storage": version._storage_class,
                "encryption": version.encryption,
                "kmsKeyId": version.kms_key_id,
                "bucketKey": version.bucket_key_enabled,
                "checksum": [version.checksum_algorithm, version.checksum_value, version.checksum_type],
                "redirect": version.website_redirect_location,
            }
        )
    return Record({"k": "s3", "bucket": bucket, "name": name, "versions": described}, b"".join(bodies))


def _restore_key(backend: Any, account_id: str, region: str, record: Record) -> None:
    from moto.s3.models import FakeDeleteMarker, FakeKey

    header = record.header
    bucket = backend.get_bucket(header["bucket"])
    rebuilt: list[Any] = []
    offset = 0
    for version in header["versions"]:
        modified = datetime.fromisoformat(version["modified"])
        if version.get("marker"):
            shadowed = rebuilt[-1] if rebuilt else FakeKey(header["name"], b"", account_id, region)
            marker = FakeDeleteMarker(shadowed)
            marker._version_id = version["version"]
            marker.last_modified = modified
            rebuilt.append(marker)
            continue
        value = record.body[offset : offset + version["size"]]
        offset += version["size"]
        algorithm, checksum, checksum_type = version["checksum"]
        key = FakeKey(
            header["name"],
            value,
            account_id,
            region,
            storage=version["storage"],
            etag=version["etag"],
            is_versioned=bucket.is_versioned,
            version_id=version["version"],
            bucket_name=bucket.name,
            encryption=version["encryption"],
            kms_key_id=version["kmsKeyId"],
            bucket_key_enabled=version["bucketKey"],
            checksum_value=checksum,
            checksum_type=checksum_type,
        )
        key.last_modified = modified
        key.checksum_algorithm = algorithm
        key.website_redirect_location = version["redirect"]
        key.metadata.clear()
        key.metadata.update(version["metadata"])
        rebuilt.append(key)
    bucket.keys.setlist(header["name"], rebuilt)


def _unavailable(start_response: StartResponse) -> list[bytes]:
    body = b'{"__type": "ServiceUnavailable", "message": "The local stack is stopping"}'
    start_response(
        "503 Service Unavailable",
        [("Content-Type", "application/x-amz-json-1.0"), ("Content-Length", str(len(body)))],
    )
    return [body]


def _replace_body(environ: dict[str, Any], body: bytes) -> None:
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
    environ.pop("HTTP_TRANSFER_ENCODING", None)
    environ.pop("wsgi.input_terminated", None)


def _kept(environ: dict[str, Any]) -> dict[str, str]:
    return {
        name: value
        for name, value in environ.items()
        if isinstance(value, str)
        and (name in KEPT_ENVIRON or (name.startswith("HTTP_") and name != "HTTP_TRANSFER_ENCODING"))
    }
