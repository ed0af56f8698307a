"""GET /stats and GET /analytics read a bounded number of DynamoDB items, whatever the table
holds: the same with 10 workflows as with 10,000 (moto, every item any call returned or
scanned counted from botocore's responses)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace
from typing import Any, cast

from chalicelib.aws.organisation_records import DynamoOrganisationRecords
from chalicelib.aws.workflow_records import DynamoWorkflowRecords
from chalicelib.core import analytics, workflows
from chalicelib.core.models import PHASE_ORDER, InputMethod, Workflow, WorkflowStatus
from chalicelib.core.ports import Ports
from tests.aws_answers import workflows_table

DAYS = 10
FIRST_DAY = date(2026, 11, 1)
STATUSES = (
    WorkflowStatus.COMPLETED,
    WorkflowStatus.COMPLETED,
    WorkflowStatus.FAILED,
    WorkflowStatus.IN_PROGRESS,
)


class ItemsRead:
    """Counts what DynamoDB read for each call: a GetItem's item, a Query's or Scan's scanned items
    (a Select=COUNT query reads every item it counts), a BatchGetItem's items."""

    def __init__(self) -> None:
        self.items = 0
        self.calls = 0

    def __call__(self, http_response: Any, parsed: dict[str, Any], model: Any, **_: Any) -> None:
        name = model.name
        if name == "GetItem":
            self.items += 1 if "Item" in parsed else 0
        elif name in ("Query", "Scan"):
            self.items += int(parsed.get("ScannedCount", 0))
        elif name == "BatchGetItem":
            self.items += sum(len(found) for found in parsed.get("Responses", {}).values())
        else:
            return
        self.calls += 1


def _workflow(n: int) -> Workflow:
    """The n-th of alice's workflows: one of 10 days, one of 4 statuses, a completion time."""
    created = datetime(FIRST_DAY.year, FIRST_DAY.month, FIRST_DAY.day, 9, tzinfo=UTC) + timedelta(
        days=n % DAYS, seconds=n
    )
    status = STATUSES[n % len(STATUSES)]
    done = status is WorkflowStatus.COMPLETED
    return Workflow(
        id=f"wf_{n:032x}",
        user_id="alice",
        title=f"job {n}",
        input_method=list(InputMethod)[n % len(InputMethod)],
        status=status,
        created_at=created,
        updated_at=created,
        completed_at=created + timedelta(seconds=30 + n % 600) if done else None,
        phase_durations=dict.fromkeys(PHASE_ORDER, 5.0) if done else {},
        aggregated=True,
    )


def _seed(table: Any, count: int) -> None:
    """`count` workflow records as the adapter writes them, and the aggregates their creations and
    transitions would have added (summed here, written once per item: quick for 10,000)."""
    store = DynamoWorkflowRecords(table)
    totals: dict[tuple[str, str], dict[str, Decimal]] = {}
    with table.batch_writer() as batch:
        for n in range(count):
            workflow = _workflow(n)
            batch.put_item(Item=store._workflow_item(workflow))
            for update in analytics.aggregate_updates(None, workflow):
                item = totals.setdefault((update.pk, update.sk), {})
                for name, value in update.add.items():
                    item[name] = item.get(name, Decimal(0)) + value
        for (pk, sk), counters in totals.items():
            batch.put_item(Item={"pk": pk, "sk": sk, **counters})


def _reads(table: Any, count: int) -> dict[str, Any]:
    _seed(table, count)
    store = DynamoWorkflowRecords(table)
    # (the caller's membership is one more item read: their organisation, or none)
    ports = cast("Ports", SimpleNamespace(workflows=store, organisations=DynamoOrganisationRecords(table)))
    counter = ItemsRead()
    table.meta.client.meta.events.register("after-call.dynamodb", counter)
    read: dict[str, Any] = {}

    def measure(name: str, action: Any) -> Any:
        counter.items = counter.calls = 0
        answer = action()
        read[name] = (counter.items, counter.calls)
        return answer

    stats = measure("stats", lambda: workflows.get_stats(ports, "alice"))
    last = FIRST_DAY + timedelta(days=DAYS - 1)
    query = {"from": FIRST_DAY.isoformat(), "to": last.isoformat()}
    found = measure("analytics", lambda: analytics.get_analytics(ports, "alice", query))
    measure("account", lambda: analytics.get_analytics(ports, "alice", {**query, "scope": "account"}))
    measure(
        "year", lambda: analytics.get_analytics(ports, "alice", {"from": "2026-01-01", "to": "2026-12-31"})
    )
    # What /stats did before the aggregates, in part: the COUNT of one status (it made 7, then read
    # every COMPLETED workflow)
    measure("before", lambda: store.count_by_status("alice", WorkflowStatus.COMPLETED))
    table.meta.client.meta.events.unregister("after-call.dynamodb", counter)
    assert stats.total_workflows == count and found["totals"]["workflows"] == count
    return read


def test_stats_and_analytics_read_the_same_few_items_with_10_and_with_10000_workflows() -> None:
    # Given a table with 10 of alice's workflows, and another with 10,000, over the same 10 days
    read = {}
    for count in (10, 10_000):
        with workflows_table() as table:
            read[count] = _reads(table, count)

    # Then /stats reads one item, and analytics one per day of the range that has workflows
    for count in (10, 10_000):
        assert read[count]["stats"] == (1, 1)
        assert read[count]["analytics"] == (DAYS, 1)
        # (the account's figures take one more call: the caller's membership, no organisation here)
        assert read[count]["account"] == (DAYS, 2)
        assert read[count]["year"] == (DAYS, 1)  # a 365-day range: the days that have an item
    # And the read of every workflow it replaced grew with the table
    assert read[10]["before"][0] < 10 and read[10_000]["before"][0] >= 5_000
