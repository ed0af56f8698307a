"""The child process a PDF is read in: its result or its exception comes back; the CPU budget,
not the clock, stops it; a child stuck without working is ended; a crash is a failure."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from chalicelib.extract import isolation
from chalicelib.extract.errors import DocumentRejectedError, NeedsOcrError, RejectionCode
from chalicelib.extract.isolation import ChildFailed, CpuBudgetSpent, run_with_cpu_limit


def test_the_result_and_a_refusal_come_back_from_the_child() -> None:
    # Given work that returns a value, and work that refuses with the OCR kind
    def refuse() -> None:
        raise NeedsOcrError(RejectionCode.PDF_NO_TEXT, (1, 2), detail="no text")

    # When each runs in the child / Then the value, and the same refusal (kind, code, pages), return
    assert run_with_cpu_limit(lambda: {"pages": [(1, "Kitchen")]}, 5) == {"pages": [(1, "Kitchen")]}
    with pytest.raises(NeedsOcrError) as caught:
        run_with_cpu_limit(refuse, 5)
    assert caught.value.code == RejectionCode.PDF_NO_TEXT
    assert caught.value.pages == (1, 2)
    assert isinstance(caught.value, DocumentRejectedError)


def test_work_past_its_cpu_budget_is_stopped() -> None:
    # Given work that would never end
    def spin() -> None:
        while True:
            pass

    # When it runs under a 1 s CPU budget / Then the kernel stops it and the budget is said spent
    with pytest.raises(CpuBudgetSpent):
        run_with_cpu_limit(spin, 1)


def test_a_child_stuck_without_working_is_ended(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given work blocked on a lock it can never take (as after a fork with the lock held), and
    # the stuck guard checking often
    monkeypatch.setattr(isolation, "STUCK_CHECK_SECONDS", 0.05)
    monkeypatch.setattr(isolation, "STUCK_CHECKS", 3)
    lock = threading.Lock()
    lock.acquire()
    try:
        # When it runs / Then it is ended as stuck, not waited on for ever
        with pytest.raises(CpuBudgetSpent, match="stuck"):
            run_with_cpu_limit(lock.acquire, 5)
    finally:
        lock.release()


def test_a_crash_in_the_child_is_a_failure_not_a_spent_budget() -> None:
    # Given work that dies from a signal at once, as a crash in native code does (SIGTERM: no
    # core file)
    # When it runs / Then it is a failure of the child
    with pytest.raises(ChildFailed):
        run_with_cpu_limit(lambda: os.kill(os.getpid(), signal.SIGTERM), 5)
