"""Withdrawn access ends live subscriptions (core/revocation.py), in memory: what ends and what
stays, a role that may not VIEW, repeats, and a subscribe or a replay overtaken by a removal."""

from __future__ import annotations

from typing import Any

import pytest

from chalicelib.core import activity, live_progress, organisations, policy, revocation, sharing, workflows
from chalicelib.core.errors import WorkflowNotFoundError
from chalicelib.core.identity import Principal
from chalicelib.core.models import CreateWorkflowRequest, PatchWorkflowRequest
from chalicelib.core.org_models import (
    ChangeRoleRequest,
    CreateInvitationRequest,
    CreateOrganisationRequest,
    ShareRequest,
)
from chalicelib.core.ports import Connection
from chalicelib.core.tenancy import Role
from tests.memory_ports import MemoryPorts

NOTES = "Laundry: burst hose, vinyl wet over 4 m2. Readings 30% at the wall."


def _workflow(ports: MemoryPorts, user: str) -> str:
    request = CreateWorkflowRequest.model_validate({"inputMethod": "TEXT", "inputData": {"text": NOTES}})
    return str(workflows.create_workflow(ports, user, request)["workflowId"])


def _move(ports: MemoryPorts, workflow_id: str, percentage: int) -> None:
    workflow = ports.workflows.get(workflow_id)
    assert workflow is not None
    patch = PatchWorkflowRequest.model_validate({"progress": {"progressPercentage": percentage}})
    workflows.patch_workflow(ports, workflow, patch, None)


def _connect(ports: MemoryPorts, connection_id: str, user: str) -> Connection:
    ports.connections.add_connection(connection_id, user, "now")
    connection = ports.connections.get_connection(connection_id)
    assert connection is not None
    return connection


def _watch(ports: MemoryPorts, connection_id: str, *channels: str) -> None:
    for channel in channels:
        connection = ports.connections.get_connection(connection_id)
        assert connection is not None
        live_progress.subscribe(ports, connection, channel, None)


def _progress(workflow_id: str) -> str:
    return f"workflow:{workflow_id}:progress"


def _sent(ports: MemoryPorts, connection_id: str) -> list[dict[str, Any]]:
    return list(ports.pusher.sent.get(connection_id, []))


def _revoked(messages: list[dict[str, Any]]) -> list[str]:
    return sorted(m["channel"] for m in messages if m.get("error", {}).get("code") == "ACCESS_REVOKED")


@pytest.fixture
def org() -> tuple[MemoryPorts, str, str]:
    """Olivia's organisation with Sam, a technician, who made `personal` before joining; and a
    workflow of the organisation's."""
    ports = MemoryPorts()
    personal = _workflow(ports, "sam")
    created, _ = organisations.create(ports, "olivia", CreateOrganisationRequest(name="Acme"))
    invite = CreateInvitationRequest.model_validate({"userId": "sam", "role": "technician"})
    organisations.accept(
        ports,
        Principal("sam"),
        organisations.invite(ports, Principal("olivia"), created.id, invite)[0].id,
        None,
    )
    ports.personal = personal  # type: ignore[attr-defined]
    return ports, created.id, _workflow(ports, "olivia")


def test_removal_ends_the_organisations_channels_only_and_says_why(org: tuple[MemoryPorts, str, str]) -> None:
    # Given Sam watching the organisation's workflow (progress and activity) on two sockets, and
    # his own personal one; Olivia watching too
    ports, org_id, workflow_id = org
    personal = ports.personal  # type: ignore[attr-defined]
    _connect(ports, "phone", "sam")
    _connect(ports, "laptop", "sam")
    _connect(ports, "office", "olivia")
    _watch(ports, "phone", _progress(workflow_id), activity.channel_for(workflow_id), _progress(personal))
    _watch(ports, "laptop", _progress(workflow_id))
    _watch(ports, "office", _progress(workflow_id))
    # When Olivia removes him
    organisations.remove(ports, Principal("olivia"), org_id, "sam")
    # Then each of his sockets is told, for the organisation's channels, and nothing else
    assert _revoked(_sent(ports, "phone")) == sorted(
        [_progress(workflow_id), activity.channel_for(workflow_id)]
    )
    assert _revoked(_sent(ports, "laptop")) == [_progress(workflow_id)]
    told = next(m for m in _sent(ports, "phone") if m.get("type") == "ERROR")
    assert told["error"]["message"] == revocation.REVOKED["message"]
    # And the next events reach Olivia and his personal channel, not the organisation's for him
    counts = {c: len(_sent(ports, c)) for c in ("phone", "laptop", "office")}
    _move(ports, workflow_id, 10)
    _move(ports, personal, 10)
    assert [m["type"] for m in _sent(ports, "office")[counts["office"] :]] == ["PROGRESS_UPDATE"]
    assert [(m["channel"], m["type"]) for m in _sent(ports, "phone")[counts["phone"] :]] == [
        (_progress(personal), "PROGRESS_UPDATE")
    ]
    assert _sent(ports, "laptop")[counts["laptop"] :] == []
    # And a repeat ends nothing more and tells nobody twice
    assert revocation.withdraw(ports, "sam") == 0
    with pytest.raises(WorkflowNotFoundError):
        _watch(ports, "phone", _progress(workflow_id))


def test_a_role_that_may_not_view_ends_the_subscriptions(
    org: tuple[MemoryPorts, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a policy in which a viewer may not VIEW (no such role today: every role may), and
    # Sam watching the organisation's workflow
    ports, org_id, workflow_id = org
    _connect(ports, "phone", "sam")
    _watch(ports, "phone", _progress(workflow_id))
    # When his role changes to one that keeps VIEW, nothing ends
    organisations.change_role(
        ports, Principal("olivia"), org_id, "sam", ChangeRoleRequest(role=Role.ESTIMATOR)
    )
    assert _revoked(_sent(ports, "phone")) == []
    # When it changes to one that may not, his subscription ends at once
    monkeypatch.setitem(policy.MEMBER_ALLOWS, Role.VIEWER, frozenset({policy.Action.VIEW_MEMBERS}))
    organisations.change_role(ports, Principal("olivia"), org_id, "sam", ChangeRoleRequest(role=Role.VIEWER))
    assert _revoked(_sent(ports, "phone")) == [_progress(workflow_id)]
    assert ports.connections.subscriptions(workflow_id) == []


def test_unsharing_ends_that_workflows_channels_and_a_repeat_finishes_the_job(
    org: tuple[MemoryPorts, str, str],
) -> None:
    ports, _, workflow_id = org
    other = _workflow(ports, "olivia")
    for shared in (workflow_id, other):
        workflow = ports.workflows.get(shared)
        assert workflow is not None
        sharing.share(ports, workflow, "carol", "olivia", ShareRequest.model_validate({"role": "viewer"}))
    _connect(ports, "carol-phone", "carol")
    _watch(ports, "carol-phone", _progress(workflow_id), _progress(other))
    workflow = ports.workflows.get(workflow_id)
    assert workflow is not None
    # When the share is taken away but (say) the request failed before its revocation ran
    ports.shares.remove(workflow_id, "carol")
    assert len(ports.connections.subscriptions(workflow_id)) == 1
    # Then the repeat of the request (404: she is no collaborator now) ends it
    with pytest.raises(sharing.CollaboratorNotFoundError):
        sharing.unshare(ports, workflow, "carol")
    assert _revoked(_sent(ports, "carol-phone")) == [_progress(workflow_id)]
    assert [s.user_id for s in ports.connections.subscriptions(other)] == ["carol"]


def test_an_activity_subscribe_overtaken_by_a_removal_sends_nothing(
    org: tuple[MemoryPorts, str, str],
) -> None:
    # Given Sam's activity subscribe, whose first policy check passed, and the removal landing
    # just before its write: it writes, asks again, ends itself
    ports, org_id, workflow_id = org
    connection = _connect(ports, "phone", "sam")
    real = ports.connections.subscribe

    def removed_first(*args: Any) -> bool:
        organisations.remove(ports, Principal("olivia"), org_id, "sam")
        return real(*args)

    ports.connections.subscribe = removed_first  # type: ignore[method-assign]
    with pytest.raises(WorkflowNotFoundError):
        live_progress.subscribe(ports, connection, activity.channel_for(workflow_id), None)
    ports.connections.subscribe = real  # type: ignore[method-assign]
    # Then no SUBSCRIBED was sent, nothing is held, and the feed's next entry does not reach him
    activity.comment(
        ports, Principal("olivia"), ports.workflows.get(workflow_id), activity.CommentRequest(text="hi")
    )  # type: ignore[arg-type]
    assert _sent(ports, "phone") == []
    assert ports.connections.subscriptions(activity.subscription_key(workflow_id)) == []


def test_a_replay_stops_sending_once_the_subscription_is_revoked(org: tuple[MemoryPorts, str, str]) -> None:
    # Given history to replay, and Sam removed while his subscribe replays it
    ports, org_id, workflow_id = org
    for percentage in (10, 20, 30):
        _move(ports, workflow_id, percentage)
    connection = _connect(ports, "phone", "sam")
    send = ports.pusher.send
    revoked: list[bool] = []

    def sending(connection_id: str, message: dict[str, Any]) -> None:
        send(connection_id, message)
        if message.get("type") == "PROGRESS_UPDATE" and not revoked:
            revoked.append(True)
            organisations.remove(ports, Principal("olivia"), org_id, "sam")
            _move(ports, workflow_id, 40)  # written after the removal

    ports.pusher.send = sending  # type: ignore[method-assign]
    live_progress.subscribe(ports, connection, _progress(workflow_id), 0)
    # Then nothing written after the removal reached him, and he was told
    seqs = [m["seq"] for m in _sent(ports, "phone") if m.get("type") not in ("SUBSCRIBED", "ERROR")]
    newest = ports.workflows.get(workflow_id).last_event_seq  # type: ignore[union-attr]
    assert newest not in seqs
    assert _revoked(_sent(ports, "phone")) == [_progress(workflow_id)]
    assert ports.connections.subscriptions(workflow_id) == []


def test_a_subscribe_whose_second_ask_fails_leaves_nothing_to_go_live(
    org: tuple[MemoryPorts, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the membership unreadable (throttled) just when the subscribe asks again
    from chalicelib.core.ports import Throttled

    ports, _, workflow_id = org
    connection = _connect(ports, "phone", "sam")
    real = ports.connections.subscribe

    def then_throttled(*args: Any) -> bool:
        written = real(*args)
        monkeypatch.setattr(
            ports.organisations, "member", lambda user_id: (_ for _ in ()).throw(Throttled("busy"))
        )
        return written

    ports.connections.subscribe = then_throttled  # type: ignore[method-assign]
    # When it subscribes, the error goes to the edge (which says TRY_AGAIN) and nothing is held
    with pytest.raises(Throttled):
        live_progress.subscribe(ports, connection, _progress(workflow_id), None)
    assert ports.connections.subscriptions(workflow_id) == []
    assert _sent(ports, "phone") == []
