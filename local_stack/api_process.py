"""The HTTP API in a process of its own, so it does not wait on the GIL of moto's process.

With the Lambda handlers in worker processes (workers.py), the stack's process still served
moto, its Step Functions interpreter and the HTTP API on one GIL; each API request's own Python
(routing, tokens, validation, and the client side of its AWS calls) waited there behind moto's.
Here the API runs Chalice's local gateway (the same one, `api_gateway.create_gateway`) in a
child process with the stack's environment, reaching moto over HTTP as the Lambda handlers do:
as on AWS, where API Gateway's Lambda is not the Step Functions service.

The child tells its port on a pipe once it listens, ignores SIGINT (the stack decides when it
stops), and ends with the stack: terminated by `stop()`, or on its own within half a second of
the stack's process going away.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from local_stack.workers import exit_with

ROOT = Path(__file__).resolve().parent.parent
START_SECONDS = 120.0  # the child imports the app first (seconds on a busy machine)
STOP_SECONDS = 2.0


class ApiProcess:
    """Starts the child and waits until it listens; `port` is where."""

    def __init__(self, host: str, port: int, page_config: dict[str, Any] | None = None) -> None:
        ready_read, ready_write = os.pipe()
        page = json.dumps(page_config) if page_config is not None else ""
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", __name__, host, str(port), str(os.getpid()), str(ready_write), page],
                pass_fds=(ready_write,),
                stdin=subprocess.DEVNULL,
                cwd=ROOT,
            )
        finally:
            os.close(ready_write)
        try:
            self.port = self._await_port(ready_read)
        except BaseException:
            self.stop()
            raise
        finally:
            os.close(ready_read)

    def _await_port(self, fd: int) -> int:
        if not select.select([fd], [], [], START_SECONDS)[0]:
            raise TimeoutError(f"the HTTP API did not start within {START_SECONDS:.0f} s")
        line = os.read(fd, 64)
        if not line:
            raise RuntimeError(f"the HTTP API's process ended at start (exit {self._process.wait()})")
        return int(line)

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self._process.terminate()
        try:
            self._process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


def serve(host: str, port: int, parent: int, ready_fd: int, page_config: str = "") -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with(parent)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import app as app_module
    from local_stack.api_gateway import create_gateway
    from local_stack.web import WebPage

    page = WebPage(json.loads(page_config)) if page_config else None
    server = create_gateway(app_module.app, host, port, page)
    os.write(ready_fd, f"{server.server.server_address[1]}\n".encode())
    os.close(ready_fd)
    server.server.serve_forever()


if __name__ == "__main__":
    serve(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), *sys.argv[5:6])
