"""The audit log lives in its own table (AuditTable): the local stack makes it from the template,
entries are appended with a PartiQL INSERT (never PutItem), and an entry recorded twice stays one
entry, never replaced."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import boto3
import pytest
from moto import mock_aws

from chalicelib.aws.audit_log import DynamoAuditLog
from chalicelib.core.audit_models import AuditAction, AuditEntry
from local_stack import dynamodb_transactions
from local_stack.provision import table_properties


@pytest.fixture
def audit_table() -> Iterator[Any]:
    # moto takes no parameters in a PartiQL INSERT; the local stack's patch applies them as AWS does
    dynamodb_transactions.install()
    with mock_aws():
        dynamodb = boto3.resource("dynamodb", region_name="us-east-1")
        # The same keys the template's AuditTable has
        yield dynamodb.create_table(TableName="audit", **table_properties("AuditTable"))


def entry(details: dict[str, Any]) -> AuditEntry:
    return AuditEntry(
        id="2026-12-05T05:00:00Z#req-1#WORKFLOW_DELETE",
        user_id="alice",
        action=AuditAction.WORKFLOW_DELETE,
        target_id="wf_1",
        at=datetime(2026, 12, 5, 5, tzinfo=UTC),
        request_id="req-1",
        details=details,
    )


def test_the_audit_table_keeps_the_first_of_two_entries_with_one_key(audit_table: Any) -> None:
    # Given an entry appended to the audit table
    log = DynamoAuditLog(audit_table)
    log.append(entry({"title": "first"}))

    # When an entry with the same key is appended again (a retried delivery, or a forgery)
    log.append(entry({"title": "second"}))

    # Then the first stands, alone
    entries, cursor = log.list_for_user("alice", limit=10, cursor=None)
    assert [e.details for e in entries] == [{"title": "first"}]
    assert cursor is None
    assert audit_table.scan()["Count"] == 1


def test_an_audit_entry_is_appended_with_an_insert_never_a_put(audit_table: Any) -> None:
    # Given the table's client, recording the operations the adapter calls
    client = audit_table.meta.client
    calls: list[str] = []
    client.meta.events.register("before-call.dynamodb.*", lambda model, **_: calls.append(model.name))

    # When an entry is appended
    DynamoAuditLog(audit_table).append(entry({"title": "first"}))

    # Then it was an ExecuteStatement INSERT (IAM: dynamodb:PartiQLInsert), which never replaces
    assert calls == ["ExecuteStatement"]
