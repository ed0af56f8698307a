"""DynamoDB Streams -> Lambda, locally: the workflows table's stream delivered to `push_events`.

On AWS the table streams NEW_IMAGE records, and Lambda's event source mapping polls the stream
(records of one partition key in order, one batch at a time per shard), drops what its filter
does not pass and invokes the function with a batch. moto 5.2.5 keeps a stream per table
(`StreamShard`, appended to by every write once the table has a `StreamSpecification`) but
invokes nothing for a function it does not host. Here each record moto appends is handed,
filtered by the template's own pattern, to a few worker threads: a record goes to the worker
its partition key hashes to, so one workflow's events stay in order, as on one shard (the
mapping's ParallelizationFactor). A worker sends what has queued, up to the batch size, in
one invocation; the write that made a record is answered without waiting for it.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import zlib
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from moto.dynamodb.models.table import StreamShard

from local_stack.lambda_runtime import LambdaContext

logger = logging.getLogger(__name__)
Handler = Callable[[dict[str, Any], Any], Any]
# deploy/package.py's mapping: BatchSize and MaximumRetryAttempts.
BATCH_SIZE = 100
MAX_RETRIES = 2
WORKERS = 4

_listeners: dict[str, LocalStream | ForwardedStream] = {}  # table name -> its stream's mapping
_installed = False
_install_lock = threading.Lock()


def install() -> None:
    """Make moto's stream shards hand each new record to the table's listener (idempotent)."""
    global _installed
    with _install_lock:
        if _installed:
            return
        original = StreamShard.add

        def add(self: StreamShard, old: Any, new: Any) -> None:
            listener = _listeners.get(self.table.name)
            if (
                listener is not None
                and listener.early is not None
                and not self.table.lambda_event_source_mappings
                and not listener.early(self.table, old, new)
            ):
                # The record would be built (both images as JSON, a JSON dump for its size, an
                # event id), handed on, dropped by the filter and cleared: most of a burst's writes.
                return
            original(self, old, new)
            if listener is not None and self.items:
                listener.receive(self.items[-1].to_json())
                # Consumed, as moto does for the mappings it hosts: the shard does not grow for ever.
                self.items = []

        StreamShard.add = add  # type: ignore[method-assign]
        _installed = True


def matches(pattern: Mapping[str, Any], record: Mapping[str, Any]) -> bool:
    """Lambda's event filter, for what the templates use: nested keys, lists of exact values
    and `{"prefix": ...}`."""
    for name, wanted in pattern.items():
        value = record.get(name)
        if isinstance(wanted, Mapping):
            if not isinstance(value, Mapping) or not matches(wanted, value):
                return False
        elif not any(
            (isinstance(option, Mapping) and isinstance(value, str) and value.startswith(option["prefix"]))
            or option == value
            for option in wanted
        ):
            return False
    return True


EARLY_FIELDS = frozenset({"eventName", "dynamodb"})
Early = Callable[[Any, Any, Any], bool]


def early_filter(pattern: Mapping[str, Any]) -> Early | None:
    """For a pattern that names only the event's name and its keys (the template's does), the
    filter's verdict from a write's old and new items, before moto builds the record: the same
    verdict as on the whole record, as those fields are the same in both. None for any other."""
    change = pattern.get("dynamodb", {})
    if not set(pattern) <= EARLY_FIELDS or not isinstance(change, Mapping) or set(change) - {"Keys"}:
        return None

    def passes(table: Any, old: Any, new: Any) -> bool:
        # As moto's StreamShard.add and StreamRecord name the event and write its keys.
        event_name = "INSERT" if old is None else "REMOVE" if new is None else "MODIFY"
        item = old if old is not None else new
        keys = {table.hash_key_attr: item.hash_key.to_json()}
        if table.range_key_attr is not None:
            keys[table.range_key_attr] = item.range_key.to_json()
        return matches(pattern, {"eventName": event_name, "dynamodb": {"Keys": keys}})

    return passes


class LocalStream:
    """One table's stream feeding one function, as an event source mapping would."""

    def __init__(
        self,
        table: str,
        stream_arn: str,
        handler: Callable[[], Handler],
        function_name: str,
        filter_pattern: Mapping[str, Any],
        workers: int = WORKERS,
    ) -> None:
        # The handler is looked up at each invocation, so a test may replace what it calls.
        self._table = table
        self._stream_arn = stream_arn
        self._handler = handler
        self._function_name = function_name
        self._filter = filter_pattern
        self.early = early_filter(filter_pattern)
        self._queues: list[queue.Queue[dict[str, Any] | None]] = [queue.Queue() for _ in range(workers)]
        self._threads = [
            threading.Thread(target=self._work, args=(q,), daemon=True, name=f"local-stream-{i}")
            for i, q in enumerate(self._queues)
        ]
        self.invocations = 0

    def start(self) -> None:
        install()
        for thread in self._threads:
            thread.start()
        _listeners[self._table] = self

    def receive(self, record: dict[str, Any]) -> None:
        """Called by moto, inside the write: queue the record and return."""
        record = _as_lambda_record(record, self._stream_arn)
        if matches(self._filter, record):
            self.enqueue(record)

    def enqueue(self, record: dict[str, Any]) -> None:
        """A record as Lambda gets it, that the filter passed (from DynamoDB's own process)."""
        # moto writes the hash key first: one workflow's records all go to one worker, in order.
        partition = str(next(iter(record["dynamodb"]["Keys"].values())))
        self._queues[zlib.crc32(partition.encode()) % len(self._queues)].put(record)

    def drain(self, timeout: float = 30) -> bool:
        """Wait until every record received so far has been handled (tests, and shutdown)."""
        done = threading.Event()
        remaining = [len(self._queues)]
        lock = threading.Lock()

        def one_done() -> None:
            with lock:
                remaining[0] -= 1
                if remaining[0] == 0:
                    done.set()

        for q in self._queues:
            q.put({"drained": one_done})
        return done.wait(timeout)

    def stop(self, timeout: float = 10) -> None:
        """Stop taking records, hand over what is queued, within `timeout` in all (the workers
        are daemons: one stuck in a push does not hold the stack's stop)."""
        deadline = time.monotonic() + timeout
        if _listeners.get(self._table) is self:
            del _listeners[self._table]
        self.drain(timeout)
        for q in self._queues:
            q.put(None)
        for thread in self._threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))

    def _work(self, records: queue.Queue[dict[str, Any] | None]) -> None:
        while True:
            first = records.get()
            if first is None:
                return
            batch = [first]
            while len(batch) < BATCH_SIZE:
                try:
                    more = records.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    records.put(None)  # stop after this batch
                    break
                batch.append(more)
            markers = [r["drained"] for r in batch if "drained" in r]
            events = [r for r in batch if "drained" not in r]
            if events:
                self._invoke(events)
            for marker in markers:
                marker()

    def _invoke(self, batch: list[dict[str, Any]]) -> None:
        for attempt in range(MAX_RETRIES + 1):
            try:
                self.invocations += 1
                self._handler()({"Records": batch}, LambdaContext(self._function_name))
                return
            except Exception:  # the mapping retries the batch, then moves on (its on-failure destination)
                logger.exception("%s failed (attempt %d)", self._function_name, attempt + 1)
        logger.error("%s gave up on a batch of %d stream records", self._function_name, len(batch))


class ForwardedStream:
    """In DynamoDB's own process (dynamodb_process.py): the table's stream records that pass the
    filter, as Lambda gets them, handed to `send` in the order moto wrote them. `send` runs on a
    thread of its own, so a slow reader never holds up a write (which moto makes under a lock)."""

    def __init__(
        self,
        table: str,
        stream_arn: str,
        filter_pattern: Mapping[str, Any],
        send: Callable[[dict[str, Any]], None],
    ) -> None:
        self._table = table
        self._stream_arn = stream_arn
        self._filter = filter_pattern
        self.early = early_filter(filter_pattern)
        self._send = send
        self._queue: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._forward, daemon=True, name=f"stream-{table}").start()

    def start(self) -> None:
        install()
        _listeners[self._table] = self

    def receive(self, record: dict[str, Any]) -> None:
        record = _as_lambda_record(record, self._stream_arn)
        if matches(self._filter, record):
            self._queue.put(record)

    def _forward(self) -> None:
        while True:
            self._send(self._queue.get())


def _as_lambda_record(record: dict[str, Any], stream_arn: str) -> dict[str, Any]:
    """moto's record as Lambda delivers it: a number for the time, and the stream's ARN."""
    change = dict(record["dynamodb"])
    created = change.get("ApproximateCreationDateTime")
    if isinstance(created, datetime):
        change["ApproximateCreationDateTime"] = int(created.timestamp())
    return {**record, "dynamodb": change, "eventSourceARN": stream_arn}
