"""Analytics and /stats from aggregates (core/analytics.py): the maths, a hand-computed set of
workflows through the in-memory write path, the same set through the DynamoDB adapter (moto),
the CSV, and the range and permission checks."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace
from typing import Any, cast

import boto3
import pytest
from moto import mock_aws

from chalicelib.aws.workflow_records import DynamoWorkflowRecords
from chalicelib.core import analytics, tenancy, workflows
from chalicelib.core.errors import ForbiddenError, InvalidRequestError
from chalicelib.core.models import (
    ACTIVE_STATUSES,
    PHASE_ORDER,
    InputMethod,
    OrchestratorPhase,
    Review,
    ReviewReason,
    Workflow,
    WorkflowStatus,
)
from chalicelib.core.ports import Ports, WorkflowRecords
from local_stack import dynamodb_transactions
from local_stack.provision import table_properties
from tests.memory_ports import MemoryPorts, MemoryWorkflowRecords

D1, D2, D3, D4 = (date(2026, 11, day) for day in (2, 3, 4, 5))
INIT, PROC, QA, OUT = PHASE_ORDER


# --- the maths ----------------------------------------------------------------------------------


def test_every_time_falls_in_the_bucket_reported_for_it() -> None:
    # Given times from a millisecond to beyond the last edge, and each edge itself
    samples = [0.0, 0.001, 0.999, 1.0, 1.5, 59.9, 60.0, 3600.0, 86400.0 * 60, *analytics.EDGES]
    for seconds in samples:
        # When its bucket is found / Then the bucket's range holds it, low included, high not
        low, high = analytics.bucket_range(analytics.bucket_of(seconds))
        assert low <= seconds and (high is None or seconds < high), seconds
    # And buckets are a factor 2^(1/4) wide, so the midpoint is within 9.05 % of any value in one
    assert analytics.EDGES[1] / analytics.EDGES[0] == pytest.approx(2**0.25)
    assert analytics.BUCKETS == 90


def test_percentiles_are_the_nearest_rank_buckets_of_merged_histograms() -> None:
    # Given two days' histograms of 4 and 6 times
    times_one, times_two = [3.0, 10.0, 100.0, 1000.0], [5.0, 7.0, 11.0, 12.0, 400.0, 900.0]
    histograms = [_histogram(times_one), _histogram(times_two)]
    merged: dict[int, int] = {}
    for histogram in histograms:
        for bucket, count in histogram.items():
            merged[bucket] = merged.get(bucket, 0) + count
    everything = sorted(times_one + times_two)
    # When the percentiles are read from the merged histogram
    for fraction in (0.5, 0.9, 1.0, 0.01):
        bucket = analytics.percentile_bucket(merged, fraction)
        assert bucket is not None
        # Then the nearest-rank value of all the times falls in the bucket reported
        exact = everything[math.ceil(fraction * len(everything)) - 1]
        assert bucket == analytics.bucket_of(exact)
    assert analytics.percentile_bucket({}, 0.5) is None


def _histogram(times: list[float]) -> dict[int, int]:
    found: dict[int, int] = {}
    for seconds in times:
        found[analytics.bucket_of(seconds)] = found.get(analytics.bucket_of(seconds), 0) + 1
    return found


def test_a_status_change_moves_one_count_and_a_repeated_write_moves_nothing() -> None:
    # Given a counted IN_PROGRESS workflow
    before = _workflow("wf_" + "1" * 32, D1, InputMethod.TEXT, status=WorkflowStatus.IN_PROGRESS)
    before.aggregated = True
    after = before.model_copy(deep=True)
    after.status = WorkflowStatus.CANCELLED
    # When it is cancelled
    updates = analytics.aggregate_updates(before, after)
    # Then each of its four items loses an IN_PROGRESS and gains a CANCELLED, nothing else
    assert len(updates) == 4
    user_day = next(u for u in updates if u.pk == "STATS#USER#alice" and u.sk == "DAY#2026-11-02")
    assert user_day.add["*|st.IN_PROGRESS"] == -1 and user_day.add["*|st.CANCELLED"] == 1
    assert "*|n" not in user_day.add  # still one workflow
    assert user_day.add["s=IN_PROGRESS|n"] == -1 and user_day.add["s=CANCELLED|n"] == 1
    account_all = next(u for u in updates if u.pk == "STATS#ACCOUNT#personal-alice" and u.sk == "ALL")
    assert set(account_all.add) == {"*|st.IN_PROGRESS", "*|st.CANCELLED"}
    # And a write that changes nothing counted (a repeated delivery of the same result) adds nothing
    again = after.model_copy(deep=True)
    again.aggregated = True
    assert analytics.aggregate_updates(again, again.model_copy(deep=True)) == []
    # And a record written before aggregates existed adds its whole contribution, once
    legacy = after.model_copy(deep=True, update={"aggregated": False})
    first = analytics.aggregate_updates(legacy, again)
    assert {u.add.get("*|n") for u in first} == {Decimal(1)}


# --- a hand-computed set, through the write path ---------------------------------------------------


def _workflow(
    workflow_id: str,
    day: date,
    method: InputMethod,
    *,
    user: str = "alice",
    org: str | None = None,
    status: WorkflowStatus = WorkflowStatus.PENDING,
) -> Workflow:
    created = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
    return Workflow(
        id=workflow_id,
        user_id=user,
        org_id=org,
        title="job",
        input_method=method,
        status=status,
        created_at=created,
        updated_at=created,
    )


def _usage(tokens_in: int, tokens_out: int, cost: float) -> dict[str, Any]:
    return {"usage": {"inputTokens": tokens_in, "outputTokens": tokens_out}, "costUsd": cost}


def _complete(
    seconds: float, phases: dict[OrchestratorPhase, float], paused: float = 0.0
) -> Callable[[Workflow], None]:
    def complete(workflow: Workflow) -> None:
        workflow.status = WorkflowStatus.COMPLETED
        workflow.completed_at = workflow.created_at + timedelta(seconds=seconds + paused)
        workflow.paused_seconds = paused
        workflow.phase_durations = dict(phases)

    return complete


def _set(**fields: Any) -> Callable[[Workflow], None]:
    def change(workflow: Workflow) -> None:
        for name, value in fields.items():
            setattr(workflow, name, value)

    return change


def _review(requested: float, approved: float | None) -> Callable[[Workflow], None]:
    def change(workflow: Workflow) -> None:
        start = workflow.created_at
        workflow.review = Review(
            reason=ReviewReason.QA_ERRORS,
            requested_at=start + timedelta(seconds=requested),
            approved_at=None if approved is None else start + timedelta(seconds=approved),
            approved_by=None if approved is None else "alice",
        )

    return change


RUNNING = _set(status=WorkflowStatus.IN_PROGRESS)


def _known_set(store: WorkflowRecords) -> None:
    """alice's workflows, each created, moved through its life and (one) deleted, as the
    phases and the API would write them; and one of bob's, who must not count for alice."""
    one, two, three, four, five, six, seven, eight, nine = ("wf_" + str(n) * 32 for n in range(1, 10))
    lives: list[tuple[Workflow, list[Callable[[Workflow], None]]]] = [
        # D1: two TEXT workflows completed in 100 s, and in 150 s after 50 s paused; Claude used
        (
            _workflow(one, D1, InputMethod.TEXT),
            [
                RUNNING,
                _set(analysis={"attempts": {"1": _usage(1000, 500, 0.02)}}),
                _complete(100, {INIT: 10, PROC: 50, QA: 20, OUT: 15}),
            ],
        ),
        (
            _workflow(two, D1, InputMethod.TEXT),
            [
                RUNNING,
                _set(analysis={"attempts": {"1": _usage(1000, 400, 0.01), "2": _usage(1000, 400, 0.01)}}),
                _complete(150, {INIT: 20, PROC: 60, QA: 30, OUT: 25}, paused=50),
            ],
        ),
        # D2: a PDF that failed QA, waited 240 s in review and completed in 400 s; a WORD that failed
        (
            _workflow(three, D2, InputMethod.PDF),
            [
                RUNNING,
                _set(qa_failures=["MISSING_CAUSE"]),
                _set(status=WorkflowStatus.NEEDS_REVIEW),
                _review(100, None),
                _review(100, 340),
                RUNNING,
                _complete(400, {INIT: 5, PROC: 100, QA: 10, OUT: 30}),
            ],
        ),
        (
            _workflow(four, D2, InputMethod.WORD),
            [
                RUNNING,
                _set(status=WorkflowStatus.FAILED, retries=0),
                _set(status=WorkflowStatus.IN_PROGRESS, retries=1),
                _set(qa_failures=["MISSING_CAUSE", "NO_READINGS"]),
                _set(status=WorkflowStatus.FAILED),
            ],
        ),
        # D3: one running, one cancelled, one in review, one completed then deleted
        (_workflow(five, D3, InputMethod.API), [RUNNING]),
        (_workflow(six, D3, InputMethod.TEXT), [RUNNING, _set(status=WorkflowStatus.CANCELLED)]),
        (_workflow(seven, D3, InputMethod.TEXT), [RUNNING, _complete(50, {INIT: 1, PROC: 1, QA: 1, OUT: 1})]),
        (
            _workflow(nine, D3, InputMethod.IMAGE),
            [RUNNING, _set(status=WorkflowStatus.NEEDS_REVIEW), _review(60, None)],
        ),
        # bob's
        (_workflow(eight, D1, InputMethod.TEXT, user="bob"), [RUNNING, _complete(10, {INIT: 10})]),
    ]
    for workflow, changes in lives:
        store.create(workflow)
        for change in changes:
            store.update(workflow.id, change)
    gone = store.get(seven)
    assert gone is not None
    store.delete_with_history(seven, version=gone.version)


def _ports(store: WorkflowRecords) -> Ports:
    return cast("Ports", SimpleNamespace(workflows=store))


def test_the_figures_are_those_of_a_hand_computed_set() -> None:
    # Given the known set, written through the in-memory adapter
    ports = MemoryPorts()
    _known_set(ports.workflows)

    # When alice asks for the four days D1..D4
    found = analytics.get_analytics(ports, "alice", {"from": "2026-11-02", "to": "2026-11-05"})

    # Then the totals are what a person counts by hand (the deleted workflow and bob's not counted)
    totals = found["totals"]
    assert totals["workflows"] == 7
    assert totals["byStatus"] == {
        "PENDING": 0,
        "IN_PROGRESS": 1,
        "COMPLETED": 3,
        "FAILED": 1,
        "CANCELLED": 1,
        "PAUSED": 0,
        "NEEDS_REVIEW": 1,
    }
    assert totals["byInputMethod"] == {"TEXT": 3, "PDF": 1, "WORD": 1, "API": 1, "IMAGE": 1}
    assert totals["errorRate"] == 0.25  # 1 failed of 4 finished with or without a report
    assert totals["retries"] == 1
    completion = totals["completionSeconds"]
    assert completion["count"] == 3 and completion["mean"] == pytest.approx(650 / 3, abs=0.001)
    # median and p90 of [100, 150, 400] by nearest rank: 150 and 400, each inside its bucket
    _holds(completion["medianBucket"], 150)
    _holds(completion["p90Bucket"], 400)
    assert completion["median"] == pytest.approx(150, rel=0.0905)
    phases = totals["phaseSeconds"]
    assert phases["INITIATION"] == {"count": 3, "mean": pytest.approx(35 / 3, abs=0.001)}
    assert phases["PROCESSING"] == {"count": 3, "mean": 70.0}
    assert phases["QA"] == {"count": 3, "mean": 20.0}
    assert phases["OUTPUT"] == {"count": 3, "mean": pytest.approx(70 / 3, abs=0.001)}
    review = totals["reviewWaitSeconds"]
    assert (review["count"], review["mean"]) == (1, 240.0)
    _holds(review["medianBucket"], 240)
    assert totals["qaFailures"] == {"workflows": 2, "reasons": {"MISSING_CAUSE": 2, "NO_READINGS": 1}}
    assert totals["claude"] == {
        "inputTokens": 3000,
        "outputTokens": 1300,
        "cacheCreationInputTokens": 0,
        "cacheReadInputTokens": 0,
        "totalTokens": 4300,
        "costUsd": 0.04,
    }
    # And the daily series has every day of the range, the empty one too
    series = {group["key"]: group for group in found["groups"]}
    assert [series[d.isoformat()]["workflows"] for d in (D1, D2, D3, D4)] == [2, 2, 3, 0]
    assert series["2026-11-02"]["completionSeconds"]["count"] == 2
    assert series["2026-11-03"]["qaFailures"]["workflows"] == 2
    assert series["2026-11-05"]["errorRate"] is None


def _holds(bucket: dict[str, Any], seconds: float) -> None:
    assert bucket["low"] <= seconds and (bucket["high"] is None or seconds < bucket["high"]), (
        bucket,
        seconds,
    )


def test_figures_by_input_method_status_week_and_month() -> None:
    ports = MemoryPorts()
    _known_set(ports.workflows)
    query = {"from": "2026-11-02", "to": "2026-11-05"}

    by_method = {
        g["key"]: g
        for g in analytics.get_analytics(ports, "alice", {**query, "groupBy": "inputMethod"})["groups"]
    }
    assert {key: g["workflows"] for key, g in by_method.items()} == {
        "TEXT": 3,
        "PDF": 1,
        "WORD": 1,
        "API": 1,
        "IMAGE": 1,
    }
    assert by_method["TEXT"]["completed"] == 2 and by_method["TEXT"]["claude"]["costUsd"] == 0.04
    assert by_method["PDF"]["reviewWaitSeconds"]["count"] == 1

    by_status = {
        g["key"]: g for g in analytics.get_analytics(ports, "alice", {**query, "groupBy": "status"})["groups"]
    }
    assert by_status["COMPLETED"]["workflows"] == 3
    assert by_status["COMPLETED"]["claude"]["costUsd"] == 0.04
    assert by_status["COMPLETED"]["completionSeconds"]["count"] == 0  # times: in the totals, by method
    assert by_status["FAILED"]["qaFailures"]["reasons"] == {"MISSING_CAUSE": 1, "NO_READINGS": 1}
    assert by_status["PAUSED"]["workflows"] == 0

    # 2026-11-02 is a Monday: the four days are one ISO week, and one month
    weeks = analytics.get_analytics(ports, "alice", {**query, "groupBy": "week"})["groups"]
    assert [(g["key"], g["workflows"]) for g in weeks] == [("2026-W45", 7)]
    months = analytics.get_analytics(
        ports, "alice", {"from": "2026-10-30", "to": "2026-11-05", "groupBy": "month"}
    )
    assert [(g["key"], g["workflows"]) for g in months["groups"]] == [("2026-10", 0), ("2026-11", 7)]


def test_stats_keep_their_answer_and_equal_a_read_of_every_workflow() -> None:
    # Given the known set
    ports = MemoryPorts()
    _known_set(ports.workflows)

    # When /stats is answered from the aggregate
    stats = workflows.get_stats(ports, "alice")

    # Then it is what reading every workflow (the old way) gives
    assert stats == _stats_by_reading_every_workflow(ports.workflows, "alice")
    assert stats.total_workflows == 7 and stats.active_workflows == 2 and stats.completed_workflows == 3
    assert stats.average_completion_seconds == pytest.approx(216.667)
    assert stats.phase_durations[OrchestratorPhase.QA].count == 3
    assert workflows.get_stats(ports, "carol").total_workflows == 0
    # And it read one item
    ports.workflows.aggregate_reads = 0
    workflows.get_stats(ports, "alice")
    assert ports.workflows.aggregate_reads == 1


def _stats_by_reading_every_workflow(store: MemoryWorkflowRecords, user: str) -> Any:
    """What GET /stats computed before the aggregates (7 counts and a read of every completed one)."""
    from chalicelib.core.models import OrchestratorStats, PhaseDurationStats

    by_status = {s: store.count_by_status(user, s) for s in WorkflowStatus}
    seconds: list[float] = []
    phases: dict[OrchestratorPhase, list[float]] = {p: [] for p in PHASE_ORDER}
    for workflow in store.iter_by_status(user, WorkflowStatus.COMPLETED):
        assert workflow.completed_at is not None
        seconds.append(
            (workflow.completed_at - workflow.created_at).total_seconds() - workflow.paused_seconds
        )
        for phase, value in workflow.phase_durations.items():
            phases[phase].append(value)

    def mean(values: list[float]) -> float | None:
        return round(sum(values) / len(values), 3) if values else None

    return OrchestratorStats(
        total_workflows=sum(by_status.values()),
        active_workflows=sum(by_status[s] for s in ACTIVE_STATUSES),
        by_status=by_status,
        completed_workflows=by_status[WorkflowStatus.COMPLETED],
        average_completion_seconds=mean(seconds),
        phase_durations={
            p: PhaseDurationStats(count=len(v), average_seconds=mean(v) or 0.0) for p, v in phases.items()
        },
    )


def test_the_account_counts_every_member_and_only_its_admins_may_read_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given alice's personal workflows (orgId None: her personal account) and two in org-1
    ports = MemoryPorts()
    _known_set(ports.workflows)
    for n, user in enumerate(("alice", "bob"), start=1):
        ports.workflows.create(_workflow(f"wf_{'a' * 31}{n}", D1, InputMethod.TEXT, user=user, org="org-1"))
    query = {"from": "2026-11-02", "to": "2026-11-05", "scope": "account"}

    # Then her personal account holds her 7 (the one in org-1 is that account's, not this one's)
    personal = analytics.get_analytics(ports, "alice", query)
    assert (personal["id"], personal["totals"]["workflows"]) == ("personal-alice", 7)
    mine = analytics.get_analytics(ports, "alice", {**query, "scope": "user"})
    assert mine["totals"]["workflows"] == 8  # her own, in every account

    # When she is a manager of org-1, she reads both members' workflows there
    def member(role: tenancy.Role) -> Callable[[Any, str], tenancy.Membership]:
        return lambda _ports, user: tenancy.Membership(user_id=user, org_id="org-1", role=role)

    monkeypatch.setattr(analytics, "membership_of", member(tenancy.Role.MANAGER))
    assert analytics.get_analytics(ports, "alice", query)["totals"]["workflows"] == 2

    # And a technician may not
    monkeypatch.setattr(analytics, "membership_of", member(tenancy.Role.TECHNICIAN))
    with pytest.raises(ForbiddenError) as refused:
        analytics.get_analytics(ports, "alice", query)
    assert refused.value.code == "ANALYTICS_FORBIDDEN"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ({"from": "2025-11-04", "to": "2026-11-05"}, "RANGE_TOO_LONG"),  # 367 days
        ({"from": "2026-11-06", "to": "2026-11-05"}, "INVALID_RANGE"),
        ({"from": "5 Nov"}, "INVALID_DATE"),
        ({"to": "2026-02-30"}, "INVALID_DATE"),
        ({"to": "\uff12\uff10\uff12\uff16-11-05"}, "INVALID_DATE"),  # full-width digits
        ({"to": ""}, "INVALID_DATE"),
        ({"groupBy": "hour"}, "INVALID_GROUP_BY"),
        ({"groupBy": ""}, "INVALID_GROUP_BY"),
        ({"scope": "everyone"}, "INVALID_SCOPE"),
        ({"format": "xml"}, "INVALID_FORMAT"),
    ],
)
def test_a_bad_query_is_refused_with_its_code(query: dict[str, str], code: str) -> None:
    with pytest.raises(InvalidRequestError) as refused:
        analytics.get_analytics(MemoryPorts(), "alice", query, today=D4)
    assert refused.value.code == code


def test_a_range_is_at_most_366_days_and_by_default_the_last_30() -> None:
    found = analytics.get_analytics(
        MemoryPorts(), "alice", {"from": "2025-11-05", "to": "2026-11-05"}, today=D4
    )
    assert len(found["groups"]) == 366
    default = analytics.get_analytics(MemoryPorts(), "alice", {}, today=D4)
    assert (default["from"], default["to"], len(default["groups"])) == ("2026-10-07", "2026-11-05", 30)
    earliest = analytics.get_analytics(MemoryPorts(), "alice", {"to": "0001-01-05"}, today=D4)
    assert (earliest["from"], len(earliest["groups"])) == ("0001-01-01", 5)
    latest = analytics.get_analytics(MemoryPorts(), "alice", {"from": "9999-12-31", "to": "9999-12-31"})
    assert [g["key"] for g in latest["groups"]] == ["9999-12-31"]


def test_the_csv_opens_with_the_csv_module() -> None:
    # Given the known set's figures by day
    ports = MemoryPorts()
    _known_set(ports.workflows)
    found = analytics.get_analytics(
        ports, "alice", {"from": "2026-11-02", "to": "2026-11-05", "format": "csv"}
    )

    # When they are written as CSV and read back with the csv module
    rows = list(csv.DictReader(io.StringIO(analytics.to_csv(found), newline="")))

    # Then there is a row per day and one of totals, one column per figure
    assert [row["key"] for row in rows] == ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "total"]
    total = rows[-1]
    assert total["workflows"] == "7" and total["byStatus.COMPLETED"] == "3"
    assert total["qaFailures.reasons.MISSING_CAUSE"] == "2"
    assert rows[0]["qaFailures.reasons.MISSING_CAUSE"] == "0"  # a reason absent that day is 0
    assert total["claude.costUsd"] == "0.04" and total["errorRate"] == "0.25"
    assert (
        float(total["completionSeconds.medianBucket.low"])
        <= 150
        < float(total["completionSeconds.medianBucket.high"])
    )
    assert rows[3]["completionSeconds.median"] == ""  # none that day
    assert analytics.csv_name(found) == "analytics-user-2026-11-02-2026-11-05-day.csv"


# --- the same through DynamoDB (moto) -----------------------------------------------------------------


@pytest.fixture
def table() -> Iterator[Any]:
    dynamodb_transactions.install()
    with mock_aws():
        dynamodb = boto3.resource("dynamodb", region_name="us-east-1")
        # The template's keys and indexes (its stream is the local stack's business, not this test's)
        properties = {
            k: v for k, v in table_properties("WorkflowsTable").items() if k != "StreamSpecification"
        }
        yield dynamodb.create_table(TableName="workflows", **properties)


def test_dynamodb_keeps_the_same_aggregates_as_memory_in_the_writes_transactions(table: Any) -> None:
    # Given the known set written through both adapters
    memory = MemoryWorkflowRecords()
    dynamo = DynamoWorkflowRecords(table)
    _known_set(memory)
    _known_set(dynamo)

    # Then every aggregate item holds the same counters (zeros left by moves aside)
    stored = {
        (item["pk"], item["sk"]): {k: v for k, v in item.items() if k not in ("pk", "sk") and v != 0}
        for item in table.scan()["Items"]
        if item["pk"].startswith("STATS#")
    }
    expected = {key: {k: v for k, v in c.items() if v != 0} for key, c in memory.aggregate_items.items()}
    assert stored == expected
    assert analytics.get_analytics(_ports(dynamo), "alice", {"from": "2026-11-02", "to": "2026-11-05"}) == (
        analytics.get_analytics(_ports(memory), "alice", {"from": "2026-11-02", "to": "2026-11-05"})
    )


def test_a_lost_race_is_retried_on_the_fresh_record_and_counted_once(table: Any) -> None:
    # Given a running workflow and a writer holding a stale read of it
    store = DynamoWorkflowRecords(table)
    store.create(_workflow("wf_" + "c" * 32, D1, InputMethod.TEXT))
    stale = store.get("wf_" + "c" * 32)
    store.update("wf_" + "c" * 32, RUNNING)

    # When the stale writer cancels it (its first transaction fails, the retry reads afresh)
    store.update("wf_" + "c" * 32, _set(status=WorkflowStatus.CANCELLED), read=stale)

    # Then the counts moved PENDING -> IN_PROGRESS -> CANCELLED exactly once each
    counters = store.aggregate("STATS#USER#alice", "ALL")
    assert {k: v for k, v in counters.items() if k.startswith("*|st.")} == {
        "*|st.PENDING": 0,
        "*|st.IN_PROGRESS": 0,
        "*|st.CANCELLED": 1,
    }


def test_a_qa_phase_keeps_the_codes_it_failed_with_and_a_repeated_delivery_counts_nothing_more() -> None:
    from chalicelib.phases.runner import ExecutionState, PhaseResult, run_phase

    # Given a running workflow, counted
    ports = MemoryPorts()
    workflow = _workflow("wf_" + "d" * 32, D1, InputMethod.TEXT)
    ports.workflows.create(workflow)
    event = {"workflowId": workflow.id, "userId": "alice", "attempt": 1}

    def qa(_ports: Any, _workflow: Workflow, _state: ExecutionState) -> PhaseResult:
        return PhaseResult(outcome={"qaPassed": False}, qa_failures=["NO_READINGS", "MISSING_CAUSE"])

    # When QA runs, and Step Functions delivers the same task again
    run_phase(ports, OrchestratorPhase.QA, event, qa)
    counted = {key: dict(item) for key, item in ports.workflows.aggregate_items.items()}
    run_phase(ports, OrchestratorPhase.QA, event, qa)

    # Then the record keeps the codes, the aggregates count them once, and the repeat added nothing
    record = ports.workflows.get(workflow.id)
    assert record is not None and record.qa_failures == ["MISSING_CAUSE", "NO_READINGS"]
    day = ports.workflows.aggregate_items[("STATS#USER#alice", "DAY#2026-11-02")]
    assert (day["*|qa.failed"], day["*|qa.NO_READINGS"], day["*|qa.MISSING_CAUSE"]) == (1, 1, 1)
    assert ports.workflows.aggregate_items == counted


def test_workflows_written_before_the_aggregates_are_counted_once_by_the_backfill(table: Any) -> None:
    from deploy.backfill_analytics import backfill

    # Given a completed workflow written before the aggregates (no `aggregated`, no counters)
    store = DynamoWorkflowRecords(table)
    legacy = _workflow("wf_" + "e" * 32, D1, InputMethod.TEXT)
    _complete(100, {INIT: 10})(legacy)
    table.put_item(Item=store._workflow_item(legacy))
    ports = _ports(store)
    assert workflows.get_stats(ports, "alice").total_workflows == 0

    # When the backfill runs, twice
    first, second = backfill(table), backfill(table)

    # Then it was counted once, as the write path would have
    assert (first, second) == (1, 0)
    stats = workflows.get_stats(ports, "alice")
    assert (stats.total_workflows, stats.completed_workflows, stats.average_completion_seconds) == (
        1,
        1,
        100.0,
    )
