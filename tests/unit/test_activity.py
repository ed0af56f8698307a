"""A workflow's activity feed (#22 part 2) in memory: comments and audited actions are entries,
listed newest first in pages, pushed to the activity channel's subscribers only, and seen only
by whoever may see the workflow."""

from __future__ import annotations

import time

import pytest

from chalicelib.core import activity, live_progress, workflows
from chalicelib.core.audit_models import AuditAction
from chalicelib.core.errors import WorkflowNotFoundError
from chalicelib.core.identity import Principal
from chalicelib.core.models import CreateWorkflowRequest
from tests.memory_ports import MemoryPorts, load

NOTES = "Laundry: burst hose, vinyl wet over 4 m2. Readings 30% at the wall."


def _workflow(ports: MemoryPorts) -> str:
    request = CreateWorkflowRequest.model_validate({"inputMethod": "TEXT", "inputData": {"text": NOTES}})
    return str(workflows.create_workflow(ports, "alice", request)["workflowId"])


def _connect(ports: MemoryPorts, connection_id: str, user: str) -> object:
    ports.connections.add_connection(connection_id, user, "now")
    connection = ports.connections.get_connection(connection_id)
    assert connection is not None
    return connection


def test_comments_and_actions_are_listed_newest_first_in_pages() -> None:
    ports = MemoryPorts()
    workflow = load(ports, "alice", _workflow(ports))
    alice = Principal("alice")
    activity.comment(ports, alice, workflow, activity.CommentRequest(text="Meter re-read: 18%"))
    time.sleep(0.001)  # each its own millisecond: newest first is the order they were made
    activity.record(
        ports,
        Principal("bob", api_key_id="key_1"),
        workflow.id,
        AuditAction.REPORT_DOWNLOAD,
        details={"format": "pdf"},
    )
    time.sleep(0.001)
    activity.comment(ports, alice, workflow, activity.CommentRequest(text="  Client called  "))
    first = activity.feed(ports, workflow, activity.ListActivityQuery(limit=2))
    rest = activity.feed(ports, workflow, activity.ListActivityQuery(limit=2, next_token=first["nextToken"]))
    entries = first["activity"] + rest["activity"]
    assert [(e["action"], e.get("text")) for e in entries] == [
        ("COMMENT_ADD", "Client called"),
        ("REPORT_DOWNLOAD", None),
        ("COMMENT_ADD", "Meter re-read: 18%"),
        ("WORKFLOW_CREATE", None),  # written with the workflow's record
    ]
    assert entries[1]["actorId"] == "bob" and entries[1]["apiKeyId"] == "key_1"
    assert entries[1]["details"] == {"format": "pdf"} and rest["nextToken"] is None


def test_an_entry_is_pushed_to_the_activity_channel_only() -> None:
    # Given one connection on the progress channel and one on the activity channel
    ports = MemoryPorts()
    workflow_id = _workflow(ports)
    progress = _connect(ports, "progress", "alice")
    feed = _connect(ports, "feed", "alice")
    live_progress.subscribe(ports, progress, f"workflow:{workflow_id}:progress", None)  # type: ignore[arg-type]
    live_progress.subscribe(ports, feed, activity.channel_for(workflow_id), None)  # type: ignore[arg-type]
    before = len(ports.pusher.sent["progress"])
    # When someone comments
    activity.comment(
        ports, Principal("alice"), load(ports, "alice", workflow_id), activity.CommentRequest(text="Hi")
    )
    # Then the feed's subscriber got SUBSCRIBED then the ACTIVITY entry, without a seq; progress got nothing
    sent = ports.pusher.sent["feed"]
    assert [m["type"] for m in sent] == ["SUBSCRIBED", "ACTIVITY"]
    assert sent[1]["data"]["text"] == "Hi" and "seq" not in sent[1]
    assert len(ports.pusher.sent["progress"]) == before
    # And after unsubscribing nothing more comes
    connection = ports.connections.get_connection("feed")
    live_progress.unsubscribe(ports, connection, activity.channel_for(workflow_id))  # type: ignore[arg-type]
    activity.record(ports, Principal("alice"), workflow_id, AuditAction.WORKFLOW_PAUSE)
    assert [m["type"] for m in ports.pusher.sent["feed"]][-1] == "UNSUBSCRIBED"


def test_a_stranger_cannot_watch_the_feed() -> None:
    ports = MemoryPorts()
    workflow_id = _workflow(ports)
    mallory = _connect(ports, "m", "mallory")
    with pytest.raises(WorkflowNotFoundError):
        live_progress.subscribe(ports, mallory, activity.channel_for(workflow_id), None)  # type: ignore[arg-type]
    assert ports.connections.subscriptions(activity.subscription_key(workflow_id)) == []


def test_oversized_details_are_trimmed() -> None:
    ports = MemoryPorts()
    workflow_id = _workflow(ports)
    entry = activity.record(
        ports,
        Principal("alice"),
        workflow_id,
        AuditAction.FINDINGS_EDIT,
        details={"changes": ["x" * 5000], "n": 1},
    )
    assert entry.details == {"n": 1, "truncated": True}
