"""Withdrawn access ends live subscriptions at once (ADR 0023, core/revocation.py), on the local
stack: real sockets, the HTTP API, the table's stream pushing progress, and DynamoDB (moto)
under the adapters' conditions.

A member removed from the organisation, or a collaborator whose share is taken away, gets an
`ERROR` (`ACCESS_REVOKED`) on each channel they watched and nothing more from it, while everyone
else still gets every event; subscribing again is refused as for anyone who may not see it. A
subscribe racing the removal never ends with the subscription live."""

from __future__ import annotations

import json
import random
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

import pytest
from websockets.sync.client import ClientConnection, connect

from local_stack.stack import LocalStack
from tests.conftest import Api, token_for

API = "/api/orchestrator"
RUN = uuid.uuid4().hex[:6]  # the session's stack is shared: people of this module's own


class Watcher:
    """One person's socket and what it has received."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws

    def send(self, message: dict[str, Any]) -> None:
        self.ws.send(json.dumps(message))

    def next(self, timeout: float = 30) -> dict[str, Any]:
        return dict(json.loads(self.ws.recv(timeout=timeout)))

    def subscribe(self, channel: str) -> dict[str, Any]:
        self.send({"action": "subscribe", "channel": channel})
        reply = self.next()
        if reply.get("type") == "SUBSCRIBED" and channel.endswith(":progress"):
            assert self.next()["type"] == "SNAPSHOT"
        return reply

    def until(self, channel: str, kind: str, timeout: float = 30) -> list[dict[str, Any]]:
        """Every message up to and including the first of `kind` on `channel` (the stream's push
        may take a while on a loaded machine)."""
        deadline = time.monotonic() + timeout
        received: list[dict[str, Any]] = []
        while not received or (received[-1].get("channel"), received[-1].get("type")) != (channel, kind):
            received.append(self.next(timeout=max(0.1, deadline - time.monotonic())))
        return received

    def drain(self, seconds: float) -> list[dict[str, Any]]:
        """Everything that arrives within `seconds` of the last message."""
        received: list[dict[str, Any]] = []
        while True:
            try:
                received.append(self.next(timeout=seconds))
            except TimeoutError:
                return received


@contextmanager
def watchers(stack: LocalStack, *users: str) -> Iterator[list[Watcher]]:
    with ExitStack() as opened:
        yield [
            Watcher(
                opened.enter_context(connect(f"{stack.websocket_url}/?token={token_for(u)}", open_timeout=10))
            )
            for u in users
        ]


def _people(stack: LocalStack, http_pool: Any, *names: str) -> list[Api]:
    return [Api(stack.api_url, http_pool, token_for(f"rv-{RUN}-{name}")) for name in names]


def _org_with(owner: Api, members: dict[Api, str]) -> str:
    created = owner.post(f"{API}/organisations", {"name": "Revocations Pty Ltd"})
    assert created.status == 201, created.body
    org_id = str(created.body["organisation"]["id"])
    for member, role in members.items():
        invited = owner.post(
            f"{API}/organisations/{org_id}/invitations", {"userId": member.workflow_owner(), "role": role}
        )
        assert invited.status == 201, invited.body
        assert member.post(f"{API}/invitations/{invited.body['invitation']['id']}/accept").status == 200
    return org_id


def _progress(workflow_id: str) -> str:
    return f"workflow:{workflow_id}:progress"


def _activity(workflow_id: str) -> str:
    return f"workflow:{workflow_id}:activity"


def _move(api: Api, workflow_id: str, percentage: int) -> None:
    """A progress event for the workflow (its PATCH writes one)."""
    reply = api.patch(f"{API}/workflows/{workflow_id}", {"progress": {"progressPercentage": percentage}})
    assert reply.status == 200, reply.body


def _revoked(messages: list[dict[str, Any]]) -> list[str]:
    return sorted(
        m["channel"] for m in messages if m.get("type") == "ERROR" and m["error"]["code"] == "ACCESS_REVOKED"
    )


def _events(messages: list[dict[str, Any]], channel: str) -> list[dict[str, Any]]:
    return [m for m in messages if m.get("channel") == channel and m.get("type") not in ("ERROR",)]


@pytest.fixture
def team(stack: LocalStack, http_pool: Any, request: pytest.FixtureRequest) -> dict[str, Any]:
    """An organisation: an owner, Alex (a technician) and Bea (a viewer); a workflow of theirs
    waiting for its upload (its PATCHes make progress events); Alex's own from before he joined."""
    tag = uuid.uuid4().hex[:6]
    owner, alex, bea = _people(stack, http_pool, f"{tag}-owner", f"{tag}-alex", f"{tag}-bea")
    personal = alex.create_pending()  # made in his personal account: his whatever happens
    org_id = _org_with(owner, {alex: "technician", bea: "viewer"})
    return {
        "owner": owner,
        "alex": alex,
        "bea": bea,
        "org_id": org_id,
        "workflow_id": owner.create_pending(),
        "personal": personal,
    }


def test_a_removed_member_gets_no_more_events_and_is_told(stack: LocalStack, team: dict[str, Any]) -> None:
    # Given Alex and Bea watching the organisation's workflow (progress and activity), and Alex
    # his own personal one too
    owner, alex, bea = team["owner"], team["alex"], team["bea"]
    workflow_id = team["workflow_id"]
    with watchers(stack, alex.workflow_owner(), bea.workflow_owner()) as (alex_ws, bea_ws):
        for ws in (alex_ws, bea_ws):
            assert ws.subscribe(_progress(workflow_id))["type"] == "SUBSCRIBED"
            assert ws.subscribe(_activity(workflow_id))["type"] == "SUBSCRIBED"
        assert alex_ws.subscribe(_progress(team["personal"]))["type"] == "SUBSCRIBED"
        # When the owner removes Alex
        removed = owner.delete(f"{API}/organisations/{team['org_id']}/members/{alex.workflow_owner()}")
        assert removed.status == 200, removed.body
        # Then his socket is told, on each of the organisation's channels, why it ends
        told = alex_ws.drain(1.0)
        assert _revoked(told) == sorted([_activity(workflow_id), _progress(workflow_id)]), told
        assert "Traceback" not in json.dumps(told) and "CHAN#" not in json.dumps(told)
        # And the next progress event and activity reach Bea but not Alex
        _move(owner, workflow_id, 10)
        assert (
            owner.post(f"{API}/workflows/{workflow_id}/comments", {"text": "Alex has left us."}).status == 201
        )
        got = bea_ws.until(_progress(workflow_id), "PROGRESS_UPDATE")
        got += bea_ws.until(_activity(workflow_id), "ACTIVITY") + bea_ws.drain(1.0)
        assert [m["type"] for m in _events(got, _progress(workflow_id))] == ["PROGRESS_UPDATE"], got
        assert [m["data"]["action"] for m in _events(got, _activity(workflow_id))][-1] == "COMMENT_ADD"
        assert alex_ws.drain(1.0) == []
        # ... while his personal workflow is still his to watch
        _move(alex, team["personal"], 10)
        assert [m["type"] for m in alex_ws.until(_progress(team["personal"]), "PROGRESS_UPDATE")] == [
            "PROGRESS_UPDATE"
        ]
        # And subscribing again is refused as for anyone who may not see it
        for channel in (_progress(workflow_id), _activity(workflow_id)):
            reply = alex_ws.subscribe(channel)
            assert reply["type"] == "ERROR" and reply["error"]["code"] == "WORKFLOW_NOT_FOUND", reply
    # And a repeat of the removal (404: not a member) ends nothing more
    again = owner.delete(f"{API}/organisations/{team['org_id']}/members/{alex.workflow_owner()}")
    assert again.status == 404


def test_leaving_the_organisation_ends_ones_own_subscriptions(
    stack: LocalStack, team: dict[str, Any]
) -> None:
    owner, bea, workflow_id = team["owner"], team["bea"], team["workflow_id"]
    with watchers(stack, bea.workflow_owner(), owner.workflow_owner()) as (bea_ws, owner_ws):
        for ws in (bea_ws, owner_ws):
            assert ws.subscribe(_progress(workflow_id))["type"] == "SUBSCRIBED"
        assert (
            bea.delete(f"{API}/organisations/{team['org_id']}/members/{bea.workflow_owner()}").status == 200
        )
        assert _revoked(bea_ws.drain(1.0)) == [_progress(workflow_id)]
        _move(owner, workflow_id, 20)
        owner_ws.until(_progress(workflow_id), "PROGRESS_UPDATE")  # pushed: to the owner, not to her
        assert bea_ws.drain(1.0) == []


def test_a_role_change_that_keeps_view_keeps_the_subscription(
    stack: LocalStack, team: dict[str, Any]
) -> None:
    # Every role may VIEW today (core/policy.py): a change of role ends nothing (the unit tests
    # end it for a role that may not, tests/unit/test_revocation.py)
    owner, alex, workflow_id = team["owner"], team["alex"], team["workflow_id"]
    with watchers(stack, alex.workflow_owner()) as (alex_ws,):
        assert alex_ws.subscribe(_progress(workflow_id))["type"] == "SUBSCRIBED"
        changed = owner.patch(
            f"{API}/organisations/{team['org_id']}/members/{alex.workflow_owner()}", {"role": "viewer"}
        )
        assert changed.status == 200, changed.body
        _move(owner, workflow_id, 30)
        assert [m["type"] for m in alex_ws.until(_progress(workflow_id), "PROGRESS_UPDATE")] == [
            "PROGRESS_UPDATE"
        ]


def test_an_unshared_collaborator_gets_no_more_events_and_is_told(
    stack: LocalStack, http_pool: Any, team: dict[str, Any]
) -> None:
    # Given an outsider watching two of the organisation's workflows shared with her
    owner, bea, workflow_id = team["owner"], team["bea"], team["workflow_id"]
    (carol,) = _people(stack, http_pool, f"carol-{uuid.uuid4().hex[:6]}")
    other = owner.create_pending()
    for shared in (workflow_id, other):
        reply = owner.put(
            f"{API}/workflows/{shared}/collaborators/{carol.workflow_owner()}", {"role": "viewer"}
        )
        assert reply.status == 200, reply.body
    with watchers(stack, carol.workflow_owner(), bea.workflow_owner()) as (carol_ws, bea_ws):
        for channel in (_progress(workflow_id), _activity(workflow_id), _progress(other)):
            assert carol_ws.subscribe(channel)["type"] == "SUBSCRIBED"
        assert bea_ws.subscribe(_progress(workflow_id))["type"] == "SUBSCRIBED"
        # When the owner takes the first share away
        unshared = owner.delete(f"{API}/workflows/{workflow_id}/collaborators/{carol.workflow_owner()}")
        assert unshared.status == 200, unshared.body
        # Then she is told for that workflow's channels only
        assert _revoked(carol_ws.drain(1.0)) == sorted([_activity(workflow_id), _progress(workflow_id)])
        # And its next event reaches Bea, not her; the other workflow's still reaches her
        _move(owner, workflow_id, 40)
        _move(owner, other, 40)
        bea_ws.until(_progress(workflow_id), "PROGRESS_UPDATE")
        got = carol_ws.until(_progress(other), "PROGRESS_UPDATE") + carol_ws.drain(1.0)
        assert [(m["channel"], m["type"]) for m in got] == [(_progress(other), "PROGRESS_UPDATE")], got
        # And subscribing again is refused
        reply = carol_ws.subscribe(_progress(workflow_id))
        assert reply["type"] == "ERROR" and reply["error"]["code"] == "WORKFLOW_NOT_FOUND", reply


# --- the race, on the DynamoDB adapters (the stack's moto) ---------------------------------------


@pytest.fixture
def race_ports(stack: LocalStack) -> Any:
    """The AWS ports against the stack's moto, with sockets in memory (the connections are made
    up: the gateway would answer that they are gone)."""
    from chalicelib import wiring
    from chalicelib.settings import get_settings
    from tests.memory_ports import MemoryPusher

    ports = wiring.AwsPorts(get_settings())
    ports.pusher = MemoryPusher()  # type: ignore[misc, assignment]
    return ports


def _race_org(ports: Any, tag: str) -> tuple[str, str, str, str]:
    """An organisation (owner, member) and a workflow of it waiting for its upload (no execution
    runs, so nothing but this test touches its subscriptions), through the domain."""
    from chalicelib.core import organisations, workflows
    from chalicelib.core.identity import Principal
    from chalicelib.core.models import CreateWorkflowRequest
    from chalicelib.core.org_models import CreateInvitationRequest, CreateOrganisationRequest

    owner, member = f"race-{RUN}-{tag}-owner", f"race-{RUN}-{tag}-member"
    org, _ = organisations.create(ports, owner, CreateOrganisationRequest(name="Race Co"))
    invite = CreateInvitationRequest.model_validate({"userId": member, "role": "technician"})
    invitation = organisations.invite(ports, Principal(owner), org.id, invite)[0]
    organisations.accept(ports, Principal(member), invitation.id, None)
    pdf = {"fileName": "notes.pdf", "contentType": "application/pdf", "size": 1000}
    request = CreateWorkflowRequest.model_validate({"inputMethod": "PDF", "inputData": pdf})
    workflow_id = str(workflows.create_workflow(ports, owner, request)["workflowId"])
    return org.id, owner, member, workflow_id


def _subscribed(ports: Any, connection_id: str, workflow_id: str) -> bool:
    connection = ports.connections.get_connection(connection_id)
    held = any(s.connection_id == connection_id for s in ports.connections.subscriptions(workflow_id))
    return held or (connection is not None and workflow_id in connection.channels)


def _race(ports: Any, moment: str, tag: str) -> list[str]:
    """One member's subscribe and their removal, the removal landing at `moment`; what the
    subscribe answered."""
    from chalicelib.core import live_progress, organisations
    from chalicelib.core.errors import AppError
    from chalicelib.core.identity import Principal

    org_id, owner, member, workflow_id = _race_org(ports, tag)
    connection_id = f"race-{uuid.uuid4().hex[:12]}"
    ports.connections.add_connection(connection_id, member, "now")
    connection = ports.connections.get_connection(connection_id)
    real_subscribe = ports.connections.subscribe
    outcome: list[str] = []

    def remove() -> None:
        organisations.remove(ports, Principal(owner), org_id, member)

    def subscribe_then(*args: Any, **kwargs: Any) -> bool:
        # The removal lands between the subscribe's policy check and its write, or just after its
        # write; with threads anywhere (a little jitter widens the windows)
        if moment == "before the write":
            remove()
        elif moment == "threads":
            time.sleep(random.uniform(0, 0.01))
        written = bool(real_subscribe(*args, **kwargs))
        if moment == "after the write":
            remove()
        return written

    def subscribe() -> None:
        try:
            live_progress.subscribe(ports, connection, _progress(workflow_id), None)
            outcome.append("subscribed")
        except AppError as refused:
            outcome.append(refused.code)

    def later_remove() -> None:
        start.wait()
        time.sleep(random.uniform(0, 0.02))
        remove()

    def later_subscribe() -> None:
        start.wait()
        subscribe()

    ports.connections.subscribe = subscribe_then
    start = threading.Barrier(2)
    try:
        if moment == "threads":
            jobs = [threading.Thread(target=later_subscribe), threading.Thread(target=later_remove)]
            for job in jobs:
                job.start()
            for job in jobs:
                job.join()
        else:
            subscribe()
    finally:
        del ports.connections.subscribe
    # Whatever the subscribe answered, the member is not subscribed
    assert not _subscribed(ports, connection_id, workflow_id), (moment, outcome)
    # ... and the workflow's next event reaches nobody on that socket
    from chalicelib.core import workflows
    from chalicelib.core.models import PatchWorkflowRequest

    patch = PatchWorkflowRequest.model_validate({"progress": {"progressPercentage": 5}})
    workflows.patch_workflow(ports, ports.workflows.get(workflow_id), patch, None)
    before = len(ports.pusher.sent.get(connection_id, []))
    assert live_progress.push(ports, ports.workflows.events_after(workflow_id, 0)).messages == 0
    assert len(ports.pusher.sent.get(connection_id, [])) == before
    return outcome


@pytest.mark.parametrize("moment", ["before the write", "after the write", "threads"])
def test_a_subscribe_racing_the_removal_never_ends_subscribed(race_ports: Any, moment: str) -> None:
    # Given a member about to subscribe to the organisation's workflow, when the owner removes
    # them at that moment (12 times at random with threads), then they never end subscribed
    outcomes = [
        _race(race_ports, moment, f"{moment[:5]}{n}") for n in range(12 if moment == "threads" else 1)
    ]
    if moment == "before the write":
        assert outcomes == [["WORKFLOW_NOT_FOUND"]]
