"""The domain through the in-memory ports: workflows, control, API keys, rate limits and live
progress, without moto or a stack (tests/memory_ports.py)."""

from __future__ import annotations

import pytest

from chalicelib.core import api_keys, control, live_progress, ratelimit, workflows
from chalicelib.core.documents import input_text_key
from chalicelib.core.errors import (
    ConflictError,
    NotFoundError,
    RateLimitedError,
    VersionConflictError,
    WorkflowNotFoundError,
)
from chalicelib.core.identity import Principal
from chalicelib.core.models import (
    CreateApiKeyRequest,
    CreateWorkflowRequest,
    ListWorkflowsQuery,
    PatchWorkflowRequest,
    WorkflowStatus,
)
from chalicelib.core.ports import ConditionFailed
from tests.memory_ports import MemoryPorts, load

NOTES = "Kitchen: dishwasher leak, laminate wet over 6 m2. Readings 28% at the dishwasher."


def _create(ports: MemoryPorts, user: str = "alice", text: str = NOTES) -> str:
    request = CreateWorkflowRequest.model_validate({"inputMethod": "TEXT", "inputData": {"text": text}})
    return str(workflows.create_workflow(ports, user, request)["workflowId"])


def test_a_text_workflow_stores_its_input_then_its_record_then_starts() -> None:
    # Given empty ports
    ports = MemoryPorts()
    # When a TEXT workflow is created
    workflow_id = _create(ports)
    # Then the notes are stored, the record is PENDING, and one execution was started
    assert ports.blobs.get_text(input_text_key("alice", workflow_id)) == NOTES
    record = ports.workflows.get(workflow_id)
    assert record is not None and record.status is WorkflowStatus.PENDING
    assert [s["workflowId"] for s in ports.engine.started] == [workflow_id]


def test_another_users_workflow_is_not_found_like_a_missing_one() -> None:
    ports = MemoryPorts()
    workflow_id = _create(ports, "alice")
    with pytest.raises(WorkflowNotFoundError):
        load(ports, "bob", workflow_id)
    with pytest.raises(WorkflowNotFoundError):
        load(ports, "alice", "wf_" + "0" * 32)


def test_listing_pages_newest_first_and_filters_by_status() -> None:
    # Given three workflows, one cancelled
    ports = MemoryPorts()
    ids = [_create(ports) for _ in range(3)]
    control.cancel_workflow(ports, load(ports, "alice", ids[0]))
    # When they are listed two at a time, then by status
    first = workflows.list_workflows(ports, "alice", ListWorkflowsQuery.model_validate({"limit": 2}))
    rest = workflows.list_workflows(
        ports, "alice", ListWorkflowsQuery.model_validate({"limit": 2, "nextToken": first["nextToken"]})
    )
    active = workflows.list_workflows(ports, "alice", ListWorkflowsQuery.model_validate({"status": "active"}))
    # Then every one appears once, and "active" leaves the cancelled one out
    listed = [w["id"] for w in first["workflows"] + rest["workflows"]]
    assert sorted(listed) == sorted(ids) and rest["nextToken"] is None
    assert {w["id"] for w in active["workflows"]} == set(ids[1:])


def test_a_stale_if_match_is_a_version_conflict_and_nothing_is_written() -> None:
    # Given a workflow at version 1, patched once
    ports = MemoryPorts()
    workflow_id = _create(ports)
    patch = PatchWorkflowRequest.model_validate({"progress": {"progressPercentage": 10}})
    assert workflows.patch_workflow(ports, load(ports, "alice", workflow_id), patch, '"1"').version == 2
    # When a second patch names version 1
    later = PatchWorkflowRequest.model_validate({"progress": {"progressPercentage": 20}})
    with pytest.raises(VersionConflictError):
        workflows.patch_workflow(ports, load(ports, "alice", workflow_id), later, '"1"')
    # Then the record still has the first patch's value
    record = ports.workflows.get(workflow_id)
    assert record is not None and record.progress_percentage == 10 and record.version == 2


def test_progress_cannot_go_backwards() -> None:
    ports = MemoryPorts()
    workflow_id = _create(ports)
    forward = PatchWorkflowRequest.model_validate({"progress": {"progressPercentage": 50}})
    workflows.patch_workflow(ports, load(ports, "alice", workflow_id), forward, None)
    back = PatchWorkflowRequest.model_validate({"progress": {"progressPercentage": 40}})
    with pytest.raises(ConflictError) as refused:
        workflows.patch_workflow(ports, load(ports, "alice", workflow_id), back, None)
    assert refused.value.code == "PROGRESS_BACKWARDS"


def test_the_report_is_not_ready_until_completed() -> None:
    ports = MemoryPorts()
    workflow_id = _create(ports)
    with pytest.raises(ConflictError) as refused:
        workflows.get_report(ports, load(ports, "alice", workflow_id), "json")
    assert refused.value.code == "REPORT_NOT_READY"


def test_delete_cancels_a_running_workflow_and_deletes_a_finished_one_with_its_documents() -> None:
    # Given a running workflow
    ports = MemoryPorts()
    workflow_id = _create(ports)
    # When it is deleted once, it is cancelled (its execution stopped); twice, it is gone
    assert workflows.delete_workflow(ports, load(ports, "alice", workflow_id)) is True
    assert ports.engine.stopped == [workflow_id]
    assert workflows.delete_workflow(ports, load(ports, "alice", workflow_id)) is False
    # Then nothing of it is left
    assert ports.workflows.get(workflow_id) is None
    assert not any(workflow_id in key for key in ports.blobs.documents)


def test_pause_then_resume_sends_the_stored_task_token_back() -> None:
    # Given a running workflow that paused at a phase boundary with a task token
    ports = MemoryPorts()
    workflow_id = _create(ports)
    paused = control.pause_workflow(ports, load(ports, "alice", workflow_id))
    assert paused.pause_requested

    def at_the_boundary(current: object) -> None:
        current.status = WorkflowStatus.PAUSED  # type: ignore[attr-defined]
        current.task_token = "token-1"  # type: ignore[attr-defined]

    ports.workflows.update(workflow_id, at_the_boundary)  # type: ignore[arg-type]
    # When it is resumed
    resumed = control.resume_workflow(ports, load(ports, "alice", workflow_id))
    # Then it runs again and the engine got its token back
    assert resumed.status is WorkflowStatus.IN_PROGRESS and resumed.task_token is None
    assert ports.engine.resumed == ["token-1"]


def test_only_a_failed_workflow_is_retried() -> None:
    ports = MemoryPorts()
    workflow_id = _create(ports)
    with pytest.raises(ConflictError) as refused:
        control.retry_workflow(ports, load(ports, "alice", workflow_id))
    assert refused.value.code == "NOT_FAILED"


def test_an_api_key_verifies_until_it_is_revoked_and_only_its_owner_may_revoke_it() -> None:
    # Given a key of alice's
    ports = MemoryPorts()
    created = api_keys.create_api_key(ports, "alice", CreateApiKeyRequest.model_validate({"name": "tablet"}))
    secret, key_id = created["secret"], created["apiKey"]["id"]
    # When it is checked, revoked by someone else, then by alice
    assert (verified := api_keys.verify_api_key(ports, secret)) is not None and verified.user_id == "alice"
    with pytest.raises(NotFoundError):
        api_keys.revoke_api_key(ports, "bob", key_id)
    api_keys.revoke_api_key(ports, "alice", key_id)
    # Then it no longer verifies, and a wrong secret never did
    assert api_keys.verify_api_key(ports, secret) is None
    assert api_keys.verify_api_key(ports, secret[:-1] + ("A" if secret[-1] != "A" else "B")) is None


def test_a_caller_past_the_burst_is_rate_limited_with_a_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a burst of 3 and a slow refill
    monkeypatch.setattr(ratelimit, "limit_for", lambda principal: ratelimit.Limit(0.5, 3))
    ports = MemoryPorts()
    alice = Principal("alice")
    # When alice makes four requests at once
    for _ in range(3):
        ratelimit.take(ports, alice)
    # Then the fourth waits, and bob is not affected
    with pytest.raises(RateLimitedError) as limited:
        ratelimit.take(ports, alice)
    assert limited.value.retry_after_seconds >= 1
    ratelimit.take(ports, Principal("bob"))


def test_a_subscriber_gets_a_snapshot_then_every_event_once_in_order() -> None:
    # Given alice connected and subscribed to her workflow
    ports = MemoryPorts()
    workflow_id = _create(ports)
    ports.connections.add_connection("c1", "alice", "now")
    connection = ports.connections.get_connection("c1")
    assert connection is not None
    live_progress.subscribe(ports, connection, f"workflow:{workflow_id}:progress", None)
    # When the workflow changes twice
    for percentage in (10, 20):
        patch = PatchWorkflowRequest.model_validate({"progress": {"progressPercentage": percentage}})
        workflows.patch_workflow(ports, load(ports, "alice", workflow_id), patch, None)
    # Then the socket got SUBSCRIBED, the SNAPSHOT, then the events with seqs in order, no repeat
    sent = ports.pusher.sent["c1"]
    assert [m.get("type") for m in sent[:2]] == ["SUBSCRIBED", "SNAPSHOT"]
    seqs = [m["seq"] for m in sent[2:]]
    assert seqs == sorted(set(seqs)) and len(seqs) >= 2


def test_nobody_subscribes_to_another_users_workflow() -> None:
    ports = MemoryPorts()
    workflow_id = _create(ports, "alice")
    ports.connections.add_connection("c2", "bob", "now")
    connection = ports.connections.get_connection("c2")
    assert connection is not None
    with pytest.raises(WorkflowNotFoundError):
        live_progress.subscribe(ports, connection, f"workflow:{workflow_id}:progress", None)


def test_the_memory_records_keep_the_adapters_contract() -> None:
    # Given a record at version 1
    ports = MemoryPorts()
    workflow_id = _create(ports)
    # When a write names a stale version, or deletes a running workflow
    with pytest.raises(ConditionFailed):
        ports.workflows.update(workflow_id, lambda w: None, expected_version=7)
    with pytest.raises(ConditionFailed):
        ports.workflows.delete_with_history(workflow_id, version=1)
    # Then the record is unchanged
    record = ports.workflows.get(workflow_id)
    assert record is not None and record.version == 1


def test_downloads_are_named_after_the_job_not_the_workflow_id() -> None:
    ports = MemoryPorts()
    workflow = load(ports, "alice", _create(ports))
    done = workflow.model_copy(update={"output_data": {"claimNumber": "QBE 77/120"}})
    assert workflows.download_name(done, "pdf").startswith("QBE-77-120_")
    assert workflows.download_name(done, "pdf", suffix="DRAFT").endswith("_DRAFT.pdf")
    untitled = workflow.model_copy(update={"title": "Nakamura kitchen, 14 Banksia St"})
    name = workflows.download_name(untitled, "docx")
    assert name.startswith("Nakamura-kitchen-14-Banksia-St_") and workflow.id not in name
