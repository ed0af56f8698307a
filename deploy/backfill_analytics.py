"""Count the workflows written before the analytics aggregates existed (ADR 0022), once.

    python deploy/backfill_analytics.py TABLE [--endpoint-url http://127.0.0.1:5000]

A workflow record adds its contribution to the aggregates on its first write after the
aggregates shipped (`aggregated` is then set on it); a finished one may never be written again.
This one-off migration scans the table for workflow records without `aggregated` (the only scan
anywhere: an operator's command, never a route) and writes each once through the adapter with
no change of its own: the write's transaction adds its contribution and sets `aggregated`, on the
condition of its version, so a racing write or a second run of this script counts nothing twice.
Run it after the deploy that ships the aggregates; it prints how many it counted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from boto3.dynamodb.conditions import Attr

from chalicelib.aws.dynamo import pages
from chalicelib.aws.workflow_records import WORKFLOW_SK, DynamoWorkflowRecords
from chalicelib.core.models import Workflow
from chalicelib.core.ports import NotFound


def backfill(table: Any) -> int:
    """Count every uncounted workflow of `table` (a boto3 Table); answers how many."""
    store = DynamoWorkflowRecords(table)
    counted = 0
    scan = pages(
        table.scan,
        FilterExpression=Attr("sk").eq(WORKFLOW_SK)
        & (Attr("aggregated").not_exists() | Attr("aggregated").eq(False)),
        ProjectionExpression="pk, sk",  # moto filters after projecting: the filter's key stays
    )
    for page in scan:
        for item in page.get("Items", []):
            workflow_id = str(item["pk"]).removeprefix("WF#")
            try:
                written = store.update(workflow_id, _unchanged)
            except NotFound:
                continue  # deleted meanwhile
            counted += written.aggregated
    return counted


def _unchanged(workflow: Workflow) -> None:
    """No change of its own: the write only adds the record's contribution (a second run finds
    the record counted and adds nothing)."""


def main() -> None:
    import boto3

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("table", help="the workflows table's name (the stack's WorkflowsTable)")
    parser.add_argument("--endpoint-url", help="a local stack's DynamoDB, e.g. http://127.0.0.1:5000")
    args = parser.parse_args()
    local = {"region_name": "us-east-1", "aws_access_key_id": "local", "aws_secret_access_key": "local"}
    options = {"endpoint_url": args.endpoint_url, **local} if args.endpoint_url else {}
    table = boto3.resource("dynamodb", **options).Table(args.table)
    print(f"Counted {backfill(table)} workflows written before the analytics aggregates")


if __name__ == "__main__":
    main()
