"""Kill points: every phase survives a fault injected once (the Lambda service failing the
invoke, a timeout after the work was done, a duplicate delivery) with the same report and no
duplicate steps; and a soak of many workflows with random faults, where every one ends."""

from __future__ import annotations

import concurrent.futures
import os
import random
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from local_stack.faults import DELIVERY_FAULTS, Fault, OncePerFunction, RandomFaults
from local_stack.stack import LocalStack
from tests.conftest import TERMINAL, Api

NOTES = (
    "Claim: CLM-77\nCause: dishwasher supply hose split.\n"
    "Kitchen 12x14 ft, vinyl floor wet.\nKitchen subfloor 31%MC, dry standard 11%MC in the hall."
)
PHASES = ["phase_initiation", "phase_processing", "phase_qa", "phase_output"]


@pytest.fixture
def faults(stack: LocalStack) -> Iterator[LocalStack]:
    yield stack
    stack.inject_faults(None)


def _report_findings(api: Api, workflow_id: str) -> dict[str, Any]:
    findings: dict[str, Any] = api.get(f"/api/orchestrator/workflows/{workflow_id}/report").body["report"][
        "findings"
    ]
    return findings


@pytest.fixture(scope="module")
def clean_findings(stack: LocalStack, http_pool: Any) -> dict[str, Any]:
    from tests.conftest import token_for

    api = Api(stack.api_url, http_pool, token_for("fault-baseline"))
    workflow = api.wait_for(api.create_text(NOTES))
    assert workflow["status"] == "COMPLETED"
    return _report_findings(api, workflow["id"])


# A timed-out analysis is not run again by the state machine (it could run for an hour and pay
# Claude each time): that case has its own test below.
SURVIVED = [
    (function, fault)
    for function in PHASES
    for fault in DELIVERY_FAULTS
    if (function, fault) != ("phase_processing", Fault.TIMEOUT_AFTER_WORK)
]


@pytest.mark.parametrize(("function", "fault"), SURVIVED)
def test_a_phase_survives_a_fault_once(
    api: Api, faults: LocalStack, clean_findings: dict[str, Any], function: str, fault: Fault
) -> None:
    # Given the fault injected the first time this phase's Lambda is invoked
    faults.inject_faults(OncePerFunction(function, fault))

    # When a workflow runs
    workflow = api.wait_for(api.create_text(NOTES))

    # Then it completed with the report a clean run gives, every phase recorded once
    assert workflow["status"] == "COMPLETED", workflow
    assert [s["phase"] for s in workflow["steps"]] == ["INITIATION", "PROCESSING", "QA", "OUTPUT"]
    assert all(step["status"] == "COMPLETED" for step in workflow["steps"])
    assert _report_findings(api, workflow["id"]) == clean_findings


def test_a_timed_out_analysis_fails_without_a_second_run_and_a_retry_completes_it(
    api: Api, faults: LocalStack, clean_findings: dict[str, Any]
) -> None:
    # Given PROCESSING's Lambda timing out once
    faults.inject_faults(OncePerFunction("phase_processing", Fault.TIMEOUT_AFTER_WORK))

    # When a workflow runs
    workflow_id = api.create_text(NOTES)
    failed = api.wait_for(workflow_id)

    # Then it FAILED at once with a message for people (no Lambda or state machine internals)
    assert failed["status"] == "FAILED", failed
    assert failed["errorCode"] == "PHASE_TIMED_OUT"
    assert failed["errorMessage"].startswith("The PROCESSING phase ran out of time. Retry")

    # And the user's retry completes it with the report a clean run gives
    assert api.post(f"/api/orchestrator/workflows/{workflow_id}/retry").status == 200
    done = api.wait_for(workflow_id)
    assert done["status"] == "COMPLETED", done
    assert _report_findings(api, workflow_id) == clean_findings


# Its own xdist group: `make test` runs it on one worker while the other runs the rest.
@pytest.mark.xdist_group("soak")
@pytest.mark.timeout(900)
def test_soak_every_workflow_ends(api: Api, faults: LocalStack, capsys: pytest.CaptureFixture[str]) -> None:
    # Given Lambda invocations failing at random (seeded), and users cancelling some workflows
    plan = RandomFaults(rate=0.08, seed=20261124)
    faults.inject_faults(plan)
    chooser = random.Random(7)
    count = int(os.environ.get("SOAK_WORKFLOWS", "300"))
    cancel = set(chooser.sample(range(count), count // 20))

    def one(index: int) -> str:
        workflow_id = api.create_text(f"Run {index}\n{NOTES}")
        if index in cancel:
            time.sleep(chooser.random() * 0.5)
            api.delete(f"/api/orchestrator/workflows/{workflow_id}")
        # Polled gently: the pollers would otherwise be most of the load.
        return str(api.wait_for(workflow_id, timeout=600, interval=1.0)["status"])

    # When SOAK_WORKFLOWS of them (300; make test runs 40) go through the local stack, 12 at a time
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=12) as pool:
        statuses = Counter(pool.map(one, range(count)))
    elapsed = time.monotonic() - started

    # Then every one ended: COMPLETED, FAILED with a reason, or CANCELLED; none is left running
    with capsys.disabled():
        injected = {fault.value: n for fault, n in plan.injected.items()}
        print(f"\nsoak: {count} workflows in {elapsed:.0f} s: {dict(statuses)}; faults injected: {injected}")
    assert sum(statuses.values()) == count
    assert set(statuses) <= TERMINAL
    # (a timed-out analysis is not run again: its workflow is FAILED, retryable, by design)
    analyses_timed_out = plan.injected_into.get(("phase_processing", Fault.TIMEOUT_AFTER_WORK), 0)
    assert statuses["COMPLETED"] >= count - len(cancel) - analyses_timed_out - 10
    failed = api.get("/api/orchestrator/workflows?status=FAILED&limit=100").body["workflows"]
    assert all(w["errorMessage"] for w in failed)
    assert sum(plan.injected.values()) > 0
