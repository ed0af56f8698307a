"""The HTTP API in a process of its own, so it does not wait on the GIL of moto's process.

With the Lambda handlers in worker processes (workers.py), the stack's process still served
moto, its Step Functions interpreter and the HTTP API on one GIL; each API request's own Python
(routing, tokens, validation, and the client side of its AWS calls) waited there behind moto's.
Here the API runs Chalice's local gateway (the same one, `api_gateway.create_gateway`) in a
child process with the stack's environment, reaching moto over HTTP as the Lambda handlers do:
as on AWS, where API Gateway's Lambda is not the Step Functions service.

One process per core (#19 item 6: a burst of 100 POSTs needed about 1.1 CPU-s of the API's own
Python, on one GIL). The stack binds the listening socket itself and every child inherits it
(`pass_fds`): the kernel hands each new connection to whichever child accepts first, so no port
is shared by chance (as with SO_REUSEPORT, where another program could bind it too) and the
URL `make run` prints is the socket's. Chalice's handler speaks HTTP/1.1, so a client's
connection is kept open across requests (keep-alive) and stays with the child that accepted it.

Each child tells the stack it listens on a pipe, ignores SIGINT (the stack decides when it
stops), and ends with the stack: terminated by `stop()`, or on its own within half a second of
the stack's process going away.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from local_stack.api_gateway import LISTEN_BACKLOG
from local_stack.workers import exit_with

ROOT = Path(__file__).resolve().parent.parent
START_SECONDS = 120.0  # the child imports the app first (seconds on a busy machine)
STOP_SECONDS = 2.0


def default_api_processes() -> int:
    """One per core this process may run on."""
    return max(1, len(os.sched_getaffinity(0)))


class ApiProcess:
    """Binds the API's socket, starts `processes` children that serve it and waits until each
    listens; `port` is where."""

    def __init__(
        self, host: str, port: int, page_config: dict[str, Any] | None = None, processes: int = 1
    ) -> None:
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as http.server does
        self._listener.bind((host, port))
        self._listener.listen(LISTEN_BACKLOG)
        self.port: int = self._listener.getsockname()[1]
        self._processes: list[subprocess.Popen[bytes]] = []
        try:
            for _ in range(max(1, processes)):
                self._processes.append(self._start(host, page_config))
        except BaseException:
            self.stop()
            raise

    @property
    def pids(self) -> list[int]:
        return [process.pid for process in self._processes]

    def _start(self, host: str, page_config: dict[str, Any] | None) -> subprocess.Popen[bytes]:
        ready_read, ready_write = os.pipe()
        page = json.dumps(page_config) if page_config is not None else ""
        listener = self._listener.fileno()
        try:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    __name__,
                    host,
                    str(listener),
                    str(os.getpid()),
                    str(ready_write),
                    page,
                ],
                pass_fds=(ready_write, listener),
                stdin=subprocess.DEVNULL,
                cwd=ROOT,
            )
        finally:
            os.close(ready_write)
        try:
            _await_ready(ready_read, process)
        finally:
            os.close(ready_read)
        return process

    def stop(self) -> None:
        for process in self._processes:
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
        deadline = time.monotonic() + STOP_SECONDS
        for process in self._processes:
            try:
                process.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._listener.close()


def _await_ready(fd: int, process: subprocess.Popen[bytes]) -> None:
    if not select.select([fd], [], [], START_SECONDS)[0]:
        process.kill()
        process.wait()
        raise TimeoutError(f"the HTTP API did not start within {START_SECONDS:.0f} s")
    if not os.read(fd, 64):
        raise RuntimeError(f"the HTTP API's process ended at start (exit {process.wait()})")


# The adapters a TEXT POST uses (the limiter, the member and settings, the input's bucket, the
# record, the execution, the audit entry, the activity feed and its push), built before the child
# says it listens, as a Lambda worker builds its own (workers.py). Each builds its boto3 client,
# loading its service model: without this the first requests paid it, and a burst of 100 POSTs
# at a fresh stack cost the API's processes 0.93 CPU-s against 0.44 once warm; warmed, 0.37 (ADR 0025).
WARM_ADAPTERS = (
    "rate_buckets",
    "user_settings",
    "blobs",
    "workflows",
    "engine",
    "audit",
    "activity",
    "connections",
    "pusher",
)


def warm() -> None:
    """Do before listening what the first requests would each do once (no request is made):
    build the adapters they use, import what the token's check imports, and build the pydantic
    models declared `defer_build` (so that `import app` stays cheap for a Lambda's cold start).
    Under a burst, the first requests on a fresh process did all this at once, on many threads."""
    import jwt  # noqa: F401  # (chalicelib.api.auth imports it in the first request's check)
    from pydantic import BaseModel

    from chalicelib import wiring

    ports = wiring.ports()
    for adapter in WARM_ADAPTERS:
        if hasattr(type(ports), adapter):
            getattr(ports, adapter)
    for model in _subclasses(BaseModel):
        if not model.__pydantic_complete__:
            model.model_rebuild(raise_errors=False)


def _subclasses(cls: type[Any]) -> list[type[Any]]:
    found: list[type[Any]] = []
    sub: type[Any]
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def serve(host: str, listener: int, parent: int, ready_fd: int, page_config: str = "") -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with(parent)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import app as app_module
    from local_stack.api_gateway import create_gateway
    from local_stack.web import WebPage

    page = WebPage(json.loads(page_config)) if page_config else None
    warm()
    server = create_gateway(app_module.app, host, 0, page, listening=socket.socket(fileno=listener))
    os.write(ready_fd, f"{server.server.server_address[1]}\n".encode())
    os.close(ready_fd)
    server.server.serve_forever()


if __name__ == "__main__":
    serve(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), *sys.argv[5:6])
