"""DynamoDB served by a moto process of its own (`make run`), off the GIL of the stack's process.

With the Lambda handlers and the HTTP API in processes of their own, the stack's process still
served all of moto on one GIL: DynamoDB (about 70% of the requests, and half of that process's
busy samples under 100 workflows at once, py-spy --gil), S3, Step Functions and its interpreter.
A POST's DynamoDB writes queued behind every phase's S3 reads and the interpreter's work. Here a
child process runs moto for DynamoDB alone, with the same patches (dynamodb_transactions,
moto_speedups), on a port of its own that every client is pointed at (`AWS_ENDPOINT_URL_DYNAMODB`,
which boto3 and chalicelib.settings read); the AWS port forwards DynamoDB requests there too, for
clients that only know it.

Durability (ADR 0015) is the child's: it journals each acknowledged DynamoDB write before
answering, in `<data dir>/dynamodb/` (its own journal, snapshots and lock), and replays them when
it starts. A data directory from before the split holds DynamoDB's records in the stack's own
files: the child replays those once and writes them as its first snapshot, before the stack's
store (which from then on keeps S3 only) may compact them away.

The workflows table's stream is read in the child (moto appends to it inside the write) and each
record the event source mapping's filter passes is sent to the stack on a pipe, one JSON line
each, in the order moto wrote them; the stack hands them to its LocalStream as before.

The child ends with the stack: terminated by `stop()`, or on its own within half a second of the
stack's process going away (workers.exit_with). If it dies while the stack runs (a crash, an OOM
kill), the stack starts another on the same port: with a data directory it replays what was
acknowledged; without one its data is gone (the tables are made again, empty).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from local_stack.workers import exit_with

logger = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent.parent
START_SECONDS = 120.0  # a replay of a large journal takes seconds; more on a busy machine
STOP_SECONDS = 2.0
SUBDIRECTORY = "dynamodb"


@dataclass
class DynamoDbConfig:
    host: str
    account_id: str
    region: str
    data_dir: str | None = None  # the stack's; the child keeps its files in data_dir/dynamodb
    compact_floor_bytes: int = 8 * 1024 * 1024
    # table -> {"arn": stream ARN, "filter": the event source mapping's filter}
    streams: dict[str, dict[str, Any]] = field(default_factory=dict)


class DynamoDbProcess:
    """Starts the child, waits until it listens (`port`), restarts it if it dies."""

    def __init__(
        self,
        config: DynamoDbConfig,
        on_record: Callable[[dict[str, Any]], None],
        on_restart: Callable[[], None] | None = None,
    ) -> None:
        self._config = config
        self._on_record = on_record
        self.on_restart = on_restart
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self.port = 0
        self.restarts = 0
        self._process = self._start()
        self._watcher = threading.Thread(target=self._watch, daemon=True, name="local-dynamodb-watch")
        self._watcher.start()

    @property
    def endpoint(self) -> str:
        return f"http://{self._config.host}:{self.port}"

    @property
    def pid(self) -> int:
        return self._process.pid

    def _start(self) -> subprocess.Popen[bytes]:
        ready_read, ready_write = os.pipe()
        records_read, records_write = os.pipe()
        try:
            process = subprocess.Popen(
                [
                    *(sys.executable, "-m", __name__, str(self.port), str(os.getpid())),
                    *(str(ready_write), str(records_write), json.dumps(asdict(self._config))),
                ],
                pass_fds=(ready_write, records_write),
                stdin=subprocess.DEVNULL,
                cwd=ROOT,
            )
        finally:
            os.close(ready_write)
            os.close(records_write)
        try:
            self.port = _await_port(ready_read, process)
        except BaseException:
            os.close(records_read)
            _end(process)
            raise
        finally:
            os.close(ready_read)
        threading.Thread(
            target=self._read_records, args=(records_read,), daemon=True, name="local-dynamodb-stream"
        ).start()
        return process

    def _read_records(self, fd: int) -> None:
        """The child's stream records, until it ends (its end of the pipe closes)."""
        with os.fdopen(fd, "rb") as lines:
            for line in lines:
                try:
                    self._on_record(json.loads(line))
                except Exception:  # one record's trouble must not stop the stream
                    logger.exception("A DynamoDB stream record could not be handed on")

    def _watch(self) -> None:
        while True:
            code = self._process.wait()
            if self._stopping.is_set():
                return
            logger.error("DynamoDB's process ended (exit %s): starting it again on port %d", code, self.port)
            with self._lock:
                if self._stopping.is_set():
                    return
                try:
                    self._process = self._start()
                except Exception:  # a port taken meanwhile, say: try again shortly
                    logger.exception("DynamoDB's process did not start again")
                    time.sleep(1)
                    continue
                self.restarts += 1
            if self._config.data_dir is None:
                logger.warning("DynamoDB's data was in memory only: it is gone")
            if self.on_restart is not None:
                self.on_restart()

    def stop(self) -> None:
        self._stopping.set()
        with self._lock:
            _end(self._process)
        self._watcher.join(timeout=STOP_SECONDS)


def _await_port(fd: int, process: subprocess.Popen[bytes]) -> int:
    if not select.select([fd], [], [], START_SECONDS)[0]:
        raise TimeoutError(f"DynamoDB's process did not start within {START_SECONDS:.0f} s")
    line = os.read(fd, 64)
    if not line:
        raise RuntimeError(f"DynamoDB's process ended at start (exit {process.wait()})")
    return int(line)


def _end(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        process.terminate()  # the child closes its journal and exits
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- the child --------------------------------------------------------------------------------


def serve(port: int, parent: int, ready_fd: int, records_fd: int, config: DynamoDbConfig) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with(parent)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
    from werkzeug.serving import make_server

    from local_stack import (
        dynamodb_direct,
        dynamodb_transactions,
        dynamodb_updates,
        moto_requests,
        moto_speedups,
    )
    from local_stack.durable import DurableStore
    from local_stack.keep_alive import KeepAliveRequestHandler
    from local_stack.streams import ForwardedStream

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    dynamodb_transactions.install()
    dynamodb_updates.install(lock=dynamodb_transactions.write_lock())
    moto_speedups.install()
    moto_requests.install()
    moto_app = DomainDispatcherApplication(create_backend_app)
    durable = None
    if config.data_dir is not None:
        stack_dir = Path(config.data_dir)
        durable = DurableStore(
            stack_dir / SUBDIRECTORY,
            config.account_id,
            config.region,
            config.compact_floor_bytes,
            services=frozenset({"dynamodb"}),
            legacy=stack_dir,
            backend_wrapper=lambda service, backend: (
                dynamodb_direct.wrap(backend) if service == "dynamodb" else backend
            ),
        )
    # DynamoDB's requests past Flask (dynamodb_direct.py): within the journal's middleware, if any
    app = durable.middleware(moto_app) if durable is not None else dynamodb_direct.wrap(moto_app)
    # keep-alive: the API's and the workers' clients reuse their connections (keep_alive.py)
    server = make_server(config.host, port, app, threaded=True, request_handler=KeepAliveRequestHandler)
    if durable is not None:
        durable.recover(moto_app)  # before the stream is read: replayed writes are not new events

    write_lock = threading.Lock()

    def send(record: dict[str, Any]) -> None:
        data = memoryview(json.dumps(record, default=str).encode() + b"\n")
        with write_lock:
            while data:
                data = data[os.write(records_fd, data) :]

    for table, stream in config.streams.items():
        ForwardedStream(table, stream["arn"], stream["filter"], send).start()

    def on_term(_signum: int, _frame: object) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, on_term)
    os.write(ready_fd, f"{server.server_address[1]}\n".encode())
    os.close(ready_fd)
    try:
        server.serve_forever()
    finally:
        if durable is not None:
            durable.close()  # every acknowledged write was synced already; this frees the directory
        # Not the interpreter's finalisation: tearing down moto's modules took seconds under load,
        # which a stop cannot wait for, and there is nothing left to flush.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


if __name__ == "__main__":
    serve(
        int(sys.argv[1]),
        int(sys.argv[2]),
        int(sys.argv[3]),
        int(sys.argv[4]),
        DynamoDbConfig(**json.loads(sys.argv[5])),
    )
