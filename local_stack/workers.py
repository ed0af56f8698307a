"""Lambda invocations in worker processes: every core works, as Lambda runs containers.

In one process every handler, moto and the API shared one GIL: 100 TEXT workflows at once kept
1.05 of 2 cores busy for 120-150 s (#19). Here each invocation runs in a worker process, one
invocation at a time per worker, as one Lambda container serves one request at a time:

- warm: a worker imports `app.py` (and the phase modules) once, then serves invocations until
  the stack stops;
- bounded: `size` workers (`make run`: 2 per core); an invocation waits for a free one (the
  wait counts against its Task's TimeoutSeconds, 60-960 s, as a throttled retry would on AWS);
- the same path to AWS: a worker's boto3 clients reach moto over HTTP at `AWS_ENDPOINT_URL`, as
  the handlers always have (the stack's environment is the workers' environment);
- Lambda's answers: an unhandled error is `{errorMessage, errorType, stackTrace}`; a worker that
  dies (a crash, an OOM kill) answers its invocation with Runtime.ExitError and is replaced; an
  invocation past the function's timeout (.chalice/config.json) is killed with its worker and
  answers Sandbox.Timedout; a worker that died while idle is replaced before anything ran on it.

A worker ends when its request pipe closes (the stack stops), or when the stack's process is gone
(it polls its parent's pid: a SIGKILLed stack leaves no worker behind). It ignores SIGINT, which
a terminal sends to the whole process group: the stack decides when its workers stop.

The protocol is one JSON document per line each way, on a pipe pair of the worker's own (its
stdout and stderr stay the terminal's, for the handlers' logs).
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import select
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from local_stack.lambda_runtime import (
    LambdaContext,
    Outcome,
    StoppedError,
    run_handler,
    runtime_exit,
    timed_out,
)

ROOT = Path(__file__).resolve().parent.parent
# A worker imports the app before its first invocation (about a second; more on a busy machine).
READY_SECONDS = 120.0
DEFAULT_TIMEOUT_SECONDS = 900.0  # Lambda's ceiling, when the config names none
PARENT_POLL_SECONDS = 0.5
# A phase spends most of its time waiting on moto (8 workers used about half the CPU the stack's
# process did, bench/throughput.py), or on Claude: one worker per core would leave cores idle. Two,
# not four: 2 and 8 workers finished 100 workflows alike, and each worker costs a start (an import
# of app.py) and ~70 MB.
WORKERS_PER_CORE = 2
STOP_SECONDS = 2.0  # then the workers still running are killed
# chalicelib.wiring.AwsPorts' adapters the phases use (one client each: DynamoDB, S3, Step Functions,
# the WebSocket management API).
WARM_ADAPTERS = ("workflows", "connections", "blobs", "engine", "pusher")


def default_lambda_workers() -> int:
    """`make run`'s pool: WORKERS_PER_CORE for each core this process may run on."""
    return WORKERS_PER_CORE * len(os.sched_getaffinity(0))


def function_timeouts(config_file: Path = ROOT / ".chalice" / "config.json") -> dict[str, float]:
    """Each function's timeout from Chalice's config; "" holds the default for the others."""
    config = json.loads(config_file.read_text())
    timeouts = {"": float(config.get("lambda_timeout", DEFAULT_TIMEOUT_SECONDS))}
    for name, settings in config.get("lambda_functions", {}).items():
        if "lambda_timeout" in settings:
            timeouts[name] = float(settings["lambda_timeout"])
    return timeouts


class _Worker:
    """One worker process and the stack's ends of its two pipes."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        request_read, self._requests = os.pipe()
        self._responses, response_write = os.pipe()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", __name__, str(request_read), str(response_write), str(os.getpid())],
                pass_fds=(request_read, response_write),
                stdin=subprocess.DEVNULL,
                env=env,
                cwd=cwd,
            )
        except BaseException:
            os.close(self._requests)
            os.close(self._responses)
            raise
        finally:
            # The worker's ends are the worker's: once it has them, only its exit closes them.
            os.close(request_read)
            os.close(response_write)
        self.ready = False
        self._buffer = bytearray()

    @property
    def pid(self) -> int:
        return self.process.pid

    def send(self, message: dict[str, Any]) -> None:
        """Raises BrokenPipeError when the worker is gone."""
        data = memoryview(json.dumps(message).encode() + b"\n")
        while data:
            data = data[os.write(self._requests, data) :]

    def receive(self, seconds: float) -> dict[str, Any] | None:
        """The worker's next line, parsed; None when `seconds` pass first. EOFError: it died."""
        deadline = time.monotonic() + seconds
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self._responses], [], [], remaining)[0]:
                return None
            chunk = os.read(self._responses, 1 << 16)
            if not chunk:
                raise EOFError
            self._buffer += chunk
        line, _, rest = self._buffer.partition(b"\n")
        self._buffer = bytearray(rest)
        parsed: dict[str, Any] = json.loads(line)
        return parsed

    def exit_reason(self) -> str:
        """How the process ended, in the words Lambda uses ("signal: killed", "exit status 1")."""
        try:
            code = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()
            code = self.process.wait()
        if code < 0:
            name = signal.Signals(-code).name.removeprefix("SIG").lower()
            return "signal: killed" if name == "kill" else f"signal: {name}"
        return f"exit status {code}"

    def close(self) -> None:
        """No more requests: an idle worker exits at once."""
        with contextlib.suppress(OSError):
            os.close(self._requests)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()

    def release(self) -> None:
        """After the process has ended: the stack's ends of the pipes."""
        self.close()
        with contextlib.suppress(OSError):
            os.close(self._responses)


class WorkerPool:
    """`Invoke` on a bounded pool of warm worker processes (see the module's docstring)."""

    def __init__(
        self,
        size: int,
        name_prefix: str,
        env: dict[str, str] | None = None,
        timeouts: dict[str, float] | None = None,
        cwd: Path = ROOT,
    ) -> None:
        if size < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.size = size
        self._prefix = name_prefix
        self._env = dict(os.environ if env is None else env)
        self._timeouts = timeouts if timeouts is not None else function_timeouts()
        self._cwd = cwd
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        # What happened to the workers, for the tests and the bench.
        self.replaced = 0

    def start(self) -> None:
        """Starts the workers; they import the app in the background (see `wait_ready`)."""
        for _ in range(self.size):
            self._idle.put(self._spawn())

    def wait_ready(self, timeout: float = READY_SECONDS) -> None:
        """Blocks until every idle worker has imported the app (the bench measures warm workers)."""
        deadline = time.monotonic() + timeout
        taken = [self._take() for _ in range(self.size)]
        try:
            for worker in taken:
                self._ready(worker, deadline - time.monotonic())
        finally:
            for worker in taken:
                self._give_back(worker)

    def pids(self) -> list[int]:
        with self._lock:
            return sorted(worker.pid for worker in self._workers)

    def __call__(self, name: str, event: dict[str, Any], *, die: bool = False) -> Outcome:
        request_id = str(uuid.uuid4())
        message = {
            "function": name,
            "functionName": self._prefix + name,
            "requestId": request_id,
            "event": event,
            "die": die,
        }
        # A worker found dead before it ran anything is replaced and the next one tried; Lambda
        # would not tell the caller about a container it never gave the request to.
        for _ in range(self.size + 1):
            worker = self._take()
            try:
                self._ready(worker, READY_SECONDS)
                worker.send(message)
            except (EOFError, BrokenPipeError, TimeoutError):
                self._replace(worker)
                continue
            return self._answer(worker, request_id, self._timeouts.get(name, self._timeouts[""]))
        return Outcome(error=runtime_exit(request_id, "no worker could start"))

    def _answer(self, worker: _Worker, request_id: str, timeout: float) -> Outcome:
        try:
            answer = worker.receive(timeout)
        except EOFError:
            if self._stopping.is_set():
                raise StoppedError from None
            reason = worker.exit_reason()
            self._replace(worker)
            return Outcome(error=runtime_exit(request_id, reason))
        if answer is None:
            worker.kill()
            self._replace(worker)
            return Outcome(error=timed_out(request_id, timeout))
        self._give_back(worker)
        return Outcome(result=answer.get("result"), error=answer.get("error"))

    def stop(self) -> None:
        """Every worker ends: idle ones at once (their pipe closes), busy ones are terminated."""
        with self._lock:
            self._stopping.set()
            workers = list(self._workers)
        for worker in workers:
            worker.close()
            with contextlib.suppress(ProcessLookupError):
                worker.process.terminate()
        deadline = time.monotonic() + STOP_SECONDS
        for worker in workers:
            try:
                worker.process.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.process.wait()
            worker.release()

    # --- the pool ---------------------------------------------------------------------------

    def _spawn(self) -> _Worker:
        # Under the lock that stop() takes its list under: no worker starts after that list.
        with self._lock:
            if self._stopping.is_set():
                raise StoppedError
            worker = _Worker(self._env, self._cwd)
            self._workers.add(worker)
        return worker

    def _take(self) -> _Worker:
        while True:
            if self._stopping.is_set():
                raise StoppedError
            with contextlib.suppress(queue.Empty):
                return self._idle.get(timeout=0.5)

    def _give_back(self, worker: _Worker) -> None:
        self._idle.put(worker)

    def _ready(self, worker: _Worker, seconds: float) -> None:
        if worker.ready:
            return
        if worker.receive(max(0.0, seconds)) is None:
            raise TimeoutError(f"worker {worker.pid} did not start within {seconds:.0f} s")
        worker.ready = True

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        worker.process.wait()
        worker.release()
        with self._lock:
            self._workers.discard(worker)
        self._give_back(self._spawn())  # StoppedError once the pool stops
        self.replaced += 1


# --- the worker process ---------------------------------------------------------------------


def exit_with(parent: int) -> None:
    """Ends this process once `parent` is gone (a SIGKILLed stack closes no pipe in time)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _requests(fd: int) -> Iterator[dict[str, Any]]:
    with os.fdopen(fd, "rb") as lines:
        for line in lines:
            yield json.loads(line)


def _load_handlers() -> dict[str, Any]:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import importlib
    import pkgutil

    import app as app_module
    from chalicelib import phases, wiring

    # Warm: the phase modules load inside their handlers (a Lambda's cold start); here once.
    for module in pkgutil.iter_modules(phases.__path__):
        importlib.import_module(f"{phases.__name__}.{module.name}")
    # And the AWS clients the phases use, built once (no request is made): each loads its service
    # model, about a second of CPU in all, which the first invocations would otherwise pay.
    ports = wiring.ports()
    for adapter in WARM_ADAPTERS:
        if hasattr(type(ports), adapter):
            getattr(ports, adapter)
    handlers: dict[str, Any] = app_module.app.handler_map
    return handlers


def serve(request_fd: int, response_fd: int, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with(parent)
    handlers = _load_handlers()

    def reply(document: dict[str, Any]) -> None:
        data = memoryview(json.dumps(document).encode() + b"\n")
        while data:
            data = data[os.write(response_fd, data) :]

    reply({"ready": os.getpid()})
    for message in _requests(request_fd):
        if message.get("die"):
            os.kill(os.getpid(), signal.SIGKILL)
        context = LambdaContext(message["functionName"], message["requestId"])
        outcome = run_handler(handlers[message["function"]], message["event"], context)
        try:
            reply({"result": outcome.result, "error": outcome.error})
        except (TypeError, ValueError) as exc:
            marshal = {"errorType": "Runtime.MarshalError", "errorMessage": f"Unable to marshal: {exc}"}
            reply({"error": marshal})


if __name__ == "__main__":
    serve(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
