"""Run a parse in a child process with a CPU-time limit: a work budget that does not depend on
how busy the machine is, and that can stop work nothing else can interrupt.

A wall-clock deadline checked between operations failed both ways: on a loaded machine a file
that reads in 6 s was refused at 20 s, and a check between operations cannot stop pypdf while it
counts pages or parses one content stream (one file was refused only after 62 s). CPU time
counts only the work itself, and the kernel enforces it anywhere: the child gets
`RLIMIT_CPU` = the budget (SIGXCPU, which ends it) and a hard limit one second later (SIGKILL).

Why `os.fork` and a pipe. Lambda has no /dev/shm, so `multiprocessing.Pool` and `Queue` (which
need POSIX semaphores) fail there; a fork and a pipe need neither, and the child starts with
pypdf already imported (no second interpreter to start). The child returns its result pickled
through the pipe, then leaves with `os._exit` (no atexit handlers, no flushing of buffers it
shares with the parent). It writes nothing to stdout or stderr and logs nothing itself: a lock
another thread of the parent held at the fork (the local stack runs phases on threads) could
then never be released in the child. The log records of the loggers named in `forward_logs`
are collected and re-emitted by the parent instead.

A child stuck without using CPU (the only way past the CPU limit: a lock it can never take) is
killed once its CPU time has not moved for `STUCK_CHECKS` checks `STUCK_CHECK_SECONDS` apart
(read from /proc; where there is none, there is no such guard). A child that works, however
slowly a busy machine lets it, is never stopped this way, so the guard does not decide a file's
outcome by the machine's load; it only ends a hang.

Where `os.fork` does not exist the work runs in this process, without the limit.
"""

from __future__ import annotations

import logging
import os
import pickle
import resource
import select
import signal
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

STUCK_CHECK_SECONDS = 10.0
STUCK_CHECKS = 6
_CHUNK = 1024 * 1024


class CpuBudgetSpent(Exception):
    """The child used its whole CPU-time budget (or was stuck) and was stopped."""


class ChildFailed(Exception):
    """The child died in another way (a crash in native code, out of memory), or raised."""


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()[:1000]))


def run_with_cpu_limit(work: Callable[[], T], cpu_seconds: int, *, forward_logs: tuple[str, ...] = ()) -> T:
    """`work()`'s result, computed in a child limited to `cpu_seconds` of CPU time.

    An exception `work` raises comes back re-raised if it pickles (`ChildFailed` otherwise);
    `CpuBudgetSpent` when the budget ran out."""
    if not hasattr(os, "fork"):
        return work()
    reader, writer = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12 warns about forking a threaded process; the child is written for it (above).
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; its outcome is asserted through the parent
        os.close(reader)
        _child(writer, work, cpu_seconds, forward_logs)
    os.close(writer)
    result: T = _parent(pid, reader, cpu_seconds)  # what `work` returned, unpickled
    return result


def _child(writer: int, work: Callable[[], Any], cpu_seconds: int, forward_logs: tuple[str, ...]) -> None:
    try:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
        warnings.simplefilter("ignore")
        collector = _Collector()
        for name in forward_logs:
            logger = logging.getLogger(name)
            logger.handlers, logger.propagate = [collector], False
        try:
            outcome: tuple[str, Any] = ("ok", work())
        except Exception as error:  # noqa: BLE001  # handed to the parent, which re-raises it
            outcome = ("raised", error)
        payload = _pickled(outcome, collector.records)
        view = memoryview(payload)
        while view:
            view = view[os.write(writer, view) :]
    finally:
        os._exit(0)


def _pickled(outcome: tuple[str, Any], logs: list[tuple[str, int, str]]) -> bytes:
    try:
        return pickle.dumps((outcome, logs))
    except Exception as error:  # noqa: BLE001  # an exception that does not pickle
        return pickle.dumps((("failed", f"{type(outcome[1]).__name__}: {error}"), logs))


def _parent(pid: int, reader: int, cpu_seconds: int) -> Any:
    chunks: list[bytes] = []
    stuck, still, last = False, 0, _cpu_ticks(pid)
    try:
        while True:
            ready, _, _ = select.select([reader], [], [], STUCK_CHECK_SECONDS)
            if ready:
                chunk = os.read(reader, _CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
                continue
            ticks = _cpu_ticks(pid)
            still = still + 1 if ticks is not None and ticks == last else 0
            last = ticks
            if still >= STUCK_CHECKS:
                stuck = True
                os.kill(pid, signal.SIGKILL)
                break
    finally:
        os.close(reader)
        _, status, usage = os.wait4(pid, 0)
    used = usage.ru_utime + usage.ru_stime
    signalled = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    # SIGXCPU at the soft limit; SIGKILL at the hard one (a child that ignored SIGXCPU), or from
    # elsewhere (the out-of-memory killer) when it had not used its budget: then it failed.
    if stuck or signalled == signal.SIGXCPU or (signalled == signal.SIGKILL and used >= cpu_seconds):
        raise CpuBudgetSpent(f"stopped after {used:.1f} s of CPU" + (" (stuck)" if stuck else ""))
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0 or not chunks:
        raise ChildFailed(f"the child ended with status {status} after {used:.1f} s of CPU")
    try:
        (kind, value), logs = pickle.loads(b"".join(chunks))
    except Exception as error:  # an exception whose class does not rebuild from its pickle
        raise ChildFailed(f"unreadable result: {type(error).__name__}: {error}") from error
    for name, level, message in logs:
        logging.getLogger(name).log(level, message)
    if kind == "ok":
        return value
    if kind == "raised":
        raise value
    raise ChildFailed(value)


def _cpu_ticks(pid: int) -> int | None:
    """The child's user + system CPU time in clock ticks (/proc/<pid>/stat), or None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime: fields 14 and 15 of the line
    except (OSError, IndexError, ValueError):
        return None
