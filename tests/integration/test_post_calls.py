"""What one TEXT workflow POST asks of AWS (#19 item 6: a burst of POSTs is bound by the CPU
each costs, and most of it is per request): the requests, in order, and what they still do."""

from __future__ import annotations

from collections import Counter

from tests.aws_calls import route_calls
from tests.conftest import Api

WORKFLOWS = "/api/orchestrator/workflows"
TEXT = {"inputMethod": "TEXT", "inputData": {"text": "Kitchen 12x14 ft, vinyl floor wet. Cause: burst pipe."}}

# A caller's later POSTs: the rate bucket's decrement, the membership and the settings (one
# batch), the input in S3, the record with its first activity entry (one transaction), the
# execution, the audit entry, the activity channel's subscribers.
STEADY = [
    "dynamodb:UpdateItem",
    "dynamodb:BatchGetItem",
    "s3:PutObject",
    "dynamodb:TransactWriteItems",
    "stepfunctions:StartExecution",
    "dynamodb:ExecuteStatement",
    "dynamodb:Query",
]


def test_a_callers_first_post_creates_its_rate_bucket_without_reading_it(api: Api) -> None:
    # Given a caller with no rate bucket yet
    # When they POST a TEXT workflow
    with route_calls() as calls:
        reply = api.post(WORKFLOWS, TEXT)

    # Then the refused decrement says there is no bucket, and one conditional put makes it
    # (already debited): no read of the bucket (there were three requests for it, now two)
    assert reply.status == 201, reply.body
    assert calls.names == ["dynamodb:UpdateItem", "dynamodb:PutItem", *STEADY[1:]]


def test_a_later_post_makes_one_request_per_thing_it_must_do(api: Api) -> None:
    # Given a caller whose bucket exists
    api.get("/api/orchestrator/stats")

    # When they POST a TEXT workflow
    with route_calls() as calls:
        reply = api.post(WORKFLOWS, TEXT)

    # Then: seven requests (there were ten: the membership twice, the settings on their own, the
    # activity entry on its own)
    assert reply.status == 201, reply.body
    assert calls.names == STEADY
    assert Counter(calls.names)["dynamodb:PutItem"] == 0


def test_the_created_workflow_has_its_activity_and_audit_entries(api: Api) -> None:
    # When a TEXT workflow is created
    reply = api.post(WORKFLOWS, TEXT)
    workflow_id = reply.body["workflowId"]

    # Then its feed says so once (written with the record), and so does the audit log
    feed = api.get(f"{WORKFLOWS}/{workflow_id}/activity").body["activity"]
    created = [e for e in feed if e["action"] == "WORKFLOW_CREATE"]
    assert len(created) == 1
    assert created[0]["details"] == {"inputMethod": "TEXT"}
    audit = api.get("/api/orchestrator/audit").body["auditEntries"]
    assert [e["targetId"] for e in audit if e["action"] == "WORKFLOW_CREATE"] == [workflow_id]
