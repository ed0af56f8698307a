"""GET /stats and GET /analytics with 10 and with 1,000 workflows, in one run: their time as a
ratio of the small table's, and of a single GET of a workflow, beside /stats as it was before
the aggregates (7 COUNT queries and a read of every completed workflow; #22 measured it at 86x a
single GET with 1,000 workflows).

Each size gets a fresh in-process moto DynamoDB (the local stack's, with its transaction patch)
and the table of the template; its workflows are written through the real adapter
(`DynamoWorkflowRecords`): created, started, and three in four completed, over 30 days, so the
aggregates are those the write path keeps (past `--through-writes` workflows, which moto takes
minutes to write, as the records and the aggregates those writes add up to). Each route body is
then timed `--repeat` times and the median kept, and the items and attributes DynamoDB returned
for it counted. Absolute times swing with the machine's load; the ratios, measured seconds
apart in one run, are the figures to compare.

    python bench/stats.py [--sizes 10,1000] [--repeat 15] [--through-writes 100]
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import boto3  # noqa: E402
from moto import mock_aws  # noqa: E402

from chalicelib.aws.workflow_records import DynamoWorkflowRecords  # noqa: E402
from chalicelib.core import analytics, workflows  # noqa: E402
from chalicelib.core.models import PHASE_ORDER, InputMethod, Workflow, WorkflowStatus  # noqa: E402
from chalicelib.core.ports import Ports  # noqa: E402
from local_stack import dynamodb_transactions  # noqa: E402
from local_stack.provision import table_properties  # noqa: E402

DAYS = 30
TODAY = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def _workflow(n: int) -> Workflow:
    created = TODAY - timedelta(days=n % DAYS) + timedelta(seconds=n)
    done = n % 4 != 0
    return Workflow(
        id=f"wf_{n:032x}",
        user_id="alice",
        title=f"job {n}",
        input_method=list(InputMethod)[n % len(InputMethod)],
        status=WorkflowStatus.COMPLETED if done else WorkflowStatus.IN_PROGRESS,
        created_at=created,
        updated_at=created,
        completed_at=created + timedelta(seconds=30 + n % 300) if done else None,
        phase_durations=dict.fromkeys(PHASE_ORDER, 5.0 + n % 7) if done else {},
    )


def _seed(store: DynamoWorkflowRecords, table: Any, count: int, through_writes: bool) -> str:
    """Through the write path (create, start, complete: each a transaction with its ADDs), or, for
    big tables, the records as the adapter writes them and the aggregates those writes add up to
    (the same items: tests/unit/test_analytics.py holds the write path to that)."""
    if through_writes:
        for n in range(count):
            final = _workflow(n)
            store.create(final.model_copy(update={"status": WorkflowStatus.PENDING, "completed_at": None}))
            store.update(final.id, lambda w: setattr(w, "status", WorkflowStatus.IN_PROGRESS))
            if final.status is WorkflowStatus.COMPLETED:
                store.update(final.id, functools.partial(_finish, final=final))
        return _workflow(0).id
    totals: dict[tuple[str, str], dict[str, Decimal]] = {}
    with table.batch_writer() as batch:
        for n in range(count):
            workflow = _workflow(n)
            workflow.aggregated = True
            batch.put_item(Item=store._workflow_item(workflow))
            for update in analytics.aggregate_updates(None, workflow):
                item = totals.setdefault((update.pk, update.sk), {})
                for name, value in update.add.items():
                    item[name] = item.get(name, Decimal(0)) + value
        for (pk, sk), counters in totals.items():
            batch.put_item(Item={"pk": pk, "sk": sk, **counters})
    return _workflow(0).id


def _finish(workflow: Workflow, final: Workflow) -> None:
    workflow.status = final.status
    workflow.completed_at = final.completed_at
    workflow.phase_durations = dict(final.phase_durations)


def _old_stats(store: DynamoWorkflowRecords) -> None:
    """GET /stats before the aggregates: a COUNT per status, then every COMPLETED workflow."""
    for status in WorkflowStatus:
        store.count_by_status("alice", status)
    for _ in store.iter_by_status("alice", WorkflowStatus.COMPLETED):
        pass


class Reads:
    """Items and attributes DynamoDB returned or scanned, from botocore's parsed answers."""

    def __init__(self) -> None:
        self.items = self.attributes = 0

    def __call__(self, parsed: dict[str, Any], model: Any, **_: Any) -> None:
        if model.name == "GetItem" and "Item" in parsed:
            self.items += 1
            self.attributes += len(parsed["Item"])
        elif model.name == "Query":
            self.items += int(parsed.get("ScannedCount", 0))
            self.attributes += sum(len(item) for item in parsed.get("Items", []))


Row = tuple[float, int, int]  # median ms, items read, attributes read


def _measure(table: Any, action: Callable[[], Any], repeat: int) -> Row:
    reads = Reads()
    events = table.meta.client.meta.events
    events.register("after-call.dynamodb", reads)
    action()
    events.unregister("after-call.dynamodb", reads)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), reads.items, reads.attributes


def measure(count: int, repeat: int, through_writes: int) -> dict[str, Row]:
    dynamodb_transactions.install()
    with mock_aws():
        dynamodb = boto3.resource("dynamodb", region_name="us-east-1")
        properties = {
            k: v for k, v in table_properties("WorkflowsTable").items() if k != "StreamSpecification"
        }
        table = dynamodb.create_table(TableName="workflows", **properties)
        store = DynamoWorkflowRecords(table)
        started = time.perf_counter()
        some_id = _seed(store, table, count, through_writes=count <= through_writes)
        print(f"  {count} workflows written in {time.perf_counter() - started:.1f} s", flush=True)
        ports = cast("Ports", SimpleNamespace(workflows=store))
        last = TODAY.date()
        query = {"from": (last - timedelta(days=DAYS - 1)).isoformat(), "to": last.isoformat()}
        assert workflows.get_stats(ports, "alice").total_workflows == count
        return {
            "GET one workflow": _measure(table, lambda: store.get(some_id), repeat),
            "GET /stats": _measure(table, lambda: workflows.get_stats(ports, "alice"), repeat),
            "GET /analytics (30 days)": _measure(
                table, lambda: analytics.get_analytics(ports, "alice", query), repeat
            ),
            "GET /analytics?format=csv": _measure(
                table, lambda: analytics.to_csv(analytics.get_analytics(ports, "alice", query)), repeat
            ),
            "/stats before (7 COUNTs + reads)": _measure(
                table, lambda: _old_stats(store), max(3, repeat // 5)
            ),
        }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10,1000")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--through-writes",
        type=int,
        default=100,
        help="tables up to this size are written through the write path (slow in moto), bigger ones "
        "as the records and the aggregates those writes add up to",
    )
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    results = {size: measure(size, args.repeat, args.through_writes) for size in sizes}
    small, large = sizes[0], sizes[-1]
    print()
    print(
        "| route | "
        + " | ".join(f"{size} wf: ms, items, attributes" for size in sizes)
        + f" | ms {large} / {small} | x one GET at {large} |"
    )
    print("|---" * (len(sizes) + 3) + "|")
    for name in results[small]:
        cells = [
            f"{ms:.2f}, {items}, {attributes}" for ms, items, attributes in (results[s][name] for s in sizes)
        ]
        ratio = results[large][name][0] / results[small][name][0]
        versus_get = results[large][name][0] / results[large]["GET one workflow"][0]
        print(f"| {name} | " + " | ".join(cells) + f" | {ratio:.2f} | {versus_get:.1f} |")


if __name__ == "__main__":
    main()
