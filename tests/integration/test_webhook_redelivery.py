"""`POST /webhooks/{id}/deliveries/{deliveryId}/redeliver`, through Chalice's test client on the
session's stack (moto, its SQS polled by the stack's delivery worker, a receiver on localhost):
a FAILED or dead-lettered delivery gets one new attempt, made by the worker like every attempt
and listed after the earlier ones; a double click (or requests racing) makes one attempt and one
audit entry, the DynamoDB condition deciding the race; outsiders get 404."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest

from chalicelib.core import webhooks
from chalicelib.core.errors import ConflictError
from chalicelib.core.models import utc_now
from chalicelib.core.ports import ConditionFailed
from chalicelib.core.webhook_models import DeliveryStatus, Redelivery, WebhookDelivery, WebhookEvent
from chalicelib.settings import get_settings
from chalicelib.wiring import ports
from local_stack.stack import LocalStack
from tests.chalice_client import ChaliceApi, chalice_client, join_organisation
from tests.conftest import Api
from tests.integration.test_webhooks import Receiver

RUN = uuid.uuid4().hex[:8]


@pytest.fixture
def one_attempt(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A delivery fails for good at its first failed attempt (the stack's worker runs here)."""
    monkeypatch.setenv("WEBHOOK_MAX_ATTEMPTS", "1")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.fixture
def owner(stack: LocalStack, one_attempt: None) -> Iterator[ChaliceApi]:
    with chalice_client() as client:
        yield ChaliceApi(client, f"redeliver-{RUN}-{uuid.uuid4().hex[:6]}-owner")


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    found = Receiver([500, 200])  # the first POST fails, every later one succeeds
    yield found
    found.close()


def _register(owner: ChaliceApi, receiver: Receiver) -> str:
    created = owner.post("/webhooks", {"url": receiver.url, "events": ["workflow.completed"]})
    assert created.status == 201, created.body
    receiver.secret = created.body["secret"]
    return str(created.body["webhook"]["id"])


def _delivery(owner: ChaliceApi, webhook_id: str, delivery_id: str) -> dict[str, Any]:
    listed = owner.get(f"/webhooks/{webhook_id}/deliveries")
    assert listed.status == 200, listed.body
    (found,) = [d for d in listed.body["deliveries"] if d["id"] == delivery_id]
    return dict(found)


def _wait(
    owner: ChaliceApi, webhook_id: str, delivery_id: str, until: Callable[[dict[str, Any]], bool]
) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    while not until(delivery := _delivery(owner, webhook_id, delivery_id)):
        assert time.monotonic() < deadline, delivery
        time.sleep(0.2)
    return delivery


def _failed_test_delivery(owner: ChaliceApi, webhook_id: str) -> str:
    queued = owner.post(f"/webhooks/{webhook_id}/test")
    assert queued.status == 202, queued.body
    delivery_id = str(queued.body["delivery"]["id"])
    failed = _wait(owner, webhook_id, delivery_id, lambda d: d["status"] != "PENDING")
    assert failed["status"] == "FAILED" and [a["statusCode"] for a in failed["attempts"]] == [500]
    return delivery_id


def _redeliveries(owner: ChaliceApi) -> list[dict[str, Any]]:
    entries = owner.get("/audit?limit=100").body["auditEntries"]
    return [e for e in entries if e["action"] == "WEBHOOK_REDELIVER"]


def test_a_failed_delivery_is_sent_once_more_and_listed_as_its_next_attempt(
    owner: ChaliceApi, receiver: Receiver
) -> None:
    # Given a delivery that failed for good (its receiver answered 500)
    webhook_id = _register(owner, receiver)
    delivery_id = _failed_test_delivery(owner, webhook_id)

    # When an admin redelivers it
    reply = owner.post(f"/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver")

    # Then it is queued as its second attempt
    assert reply.status == 202, reply.body
    queued = reply.body["delivery"]
    assert queued["id"] == delivery_id and queued["status"] == "PENDING"
    assert queued["redelivery"]["attempt"] == 2 and queued["redelivery"]["requestedBy"] == owner.user_id
    # and the worker sends it as it sends every attempt: the same delivery, signed afresh
    received = receiver.wait_for(2)
    assert [r["genuine"] for r in received] == [True, True]
    assert received[1]["body"] == received[0]["body"] and received[1]["body"]["id"] == delivery_id
    # and records it after the first, by hand, and final
    done = _wait(owner, webhook_id, delivery_id, lambda d: d["status"] != "PENDING")
    assert done["status"] == "SUCCEEDED"
    assert [(a["attempt"], a["statusCode"], a["manual"]) for a in done["attempts"]] == [
        (1, 500, False),
        (2, 200, True),
    ]
    assert done["attempts"][1]["nextAttemptAt"] is None
    # and the audit log has it once
    assert [(e["targetId"], e["details"]) for e in _redeliveries(owner)] == [
        (webhook_id, {"deliveryId": delivery_id, "attempt": 2})
    ]

    # When it is asked for again after it succeeded (past the double-click window)
    later = utc_now() + webhooks.REPEAT_WINDOW + timedelta(seconds=1)
    with pytest.raises(ConflictError) as refused:
        webhooks.redeliver(ports(), owner.user_id, webhook_id, delivery_id, now=later)
    # Then it is refused: nothing failed
    assert refused.value.code == "DELIVERY_SUCCEEDED"


def test_a_double_click_makes_one_attempt(owner: ChaliceApi) -> None:
    # Given a failed delivery to a receiver that keeps failing
    receiver = Receiver([500])
    try:
        webhook_id = _register(owner, receiver)
        delivery_id = _failed_test_delivery(owner, webhook_id)
        path = f"/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver"

        # When the button is pressed twice, at once
        first, second = owner.post(path), owner.post(path)

        # Then both are answered with the same redelivery
        assert (first.status, second.status) == (202, 202), (first.body, second.body)
        assert first.body["delivery"]["redelivery"] == second.body["delivery"]["redelivery"]
        # and exactly one more attempt was made, and audited
        done = _wait(owner, webhook_id, delivery_id, lambda d: d["status"] != "PENDING")
        time.sleep(1.5)  # a second attempt, if one had been queued, would be on its way by now
        assert len(receiver.received) == 2
    finally:
        receiver.close()
    assert done["status"] == "FAILED"
    assert [
        (a["statusCode"], a["manual"]) for a in _delivery(owner, webhook_id, delivery_id)["attempts"]
    ] == [
        (500, False),
        (500, True),
    ]
    assert len(_redeliveries(owner)) == 1


def test_requests_racing_make_one_attempt_the_condition_decides(owner: ChaliceApi, api: Api) -> None:
    # Given a failed delivery
    receiver = Receiver([500])
    try:
        webhook_id = _register(owner, receiver)
        delivery_id = _failed_test_delivery(owner, webhook_id)
        http = api.as_user(owner.user_id)
        path = f"/api/orchestrator/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver"

        # When several requests arrive together (over the stack's HTTP API, concurrently)
        with ThreadPoolExecutor(max_workers=6) as pool:
            replies = list(pool.map(lambda _: http.post(path), range(6)))

        # Then all are answered with the one redelivery, which made one attempt
        assert {r.status for r in replies} == {202}, [r.body for r in replies]
        assert len({r.body["delivery"]["redelivery"]["requestedAt"] for r in replies}) == 1
        _wait(owner, webhook_id, delivery_id, lambda d: d["status"] != "PENDING")
        time.sleep(1.5)
        assert len(receiver.received) == 2
    finally:
        receiver.close()
    assert len(_redeliveries(owner)) == 1

    # And the condition itself: a request that read the delivery before another reopened it
    # cannot reopen it again (the DynamoDB adapter, on the stack's moto)
    records = ports().webhooks
    seen = records.get_delivery(webhook_id, delivery_id)
    assert seen is not None and seen.status is DeliveryStatus.FAILED
    mine = _reopened(seen, "first")
    theirs = _reopened(seen, "second")
    records.reopen_delivery(mine, seen)
    with pytest.raises(ConditionFailed):
        records.reopen_delivery(theirs, seen)
    stored = records.get_delivery(webhook_id, delivery_id)
    assert stored is not None and stored.redelivery is not None
    assert stored.redelivery.requested_by == "first"


def _reopened(seen: WebhookDelivery, who: str) -> WebhookDelivery:
    return seen.model_copy(
        deep=True,
        update={
            "status": DeliveryStatus.PENDING,
            "completed_at": None,
            "redelivery": Redelivery(
                attempt=len(seen.attempts) + 1, requested_by=who, requested_at=utc_now()
            ),
        },
    )


def test_a_dead_lettered_delivery_may_be_sent_again_but_one_still_retrying_may_not(
    owner: ChaliceApi, receiver: Receiver
) -> None:
    # Given a delivery left PENDING two hours after it was due (its message dead-lettered), and
    # one created a moment ago (its first attempt still to come)
    webhook_id = _register(owner, receiver)
    org_id = owner.get("/organisations/current").body["membership"]["orgId"]
    stuck, fresh = (
        WebhookDelivery(
            id=webhooks.delivery_id(f"wf_{RUN}:{n}", webhook_id, at),
            endpoint_id=webhook_id,
            org_id=org_id,
            event=WebhookEvent.WORKFLOW_COMPLETED,
            event_id=f"wf_{RUN}:{n}",
            created_at=at,
            payload={"id": "set below", "type": "workflow.completed", "data": {"n": n}},
        )
        for n, at in ((1, utc_now() - timedelta(hours=2)), (2, utc_now()))
    )
    for delivery in (stuck, fresh):
        delivery.payload["id"] = delivery.id
        assert ports().webhooks.create_delivery(delivery)

    # When an admin redelivers each
    sent = owner.post(f"/webhooks/{webhook_id}/deliveries/{stuck.id}/redeliver")
    refused = owner.post(f"/webhooks/{webhook_id}/deliveries/{fresh.id}/redeliver")

    # Then the stuck one is sent (its first attempt, by hand) and the other is left to its retries
    assert sent.status == 202, sent.body
    assert refused.status == 409 and refused.body["error"]["code"] == "DELIVERY_PENDING"
    (got,) = receiver.wait_for(1)
    assert got["genuine"] and got["body"]["id"] == stuck.id
    done = _wait(owner, webhook_id, stuck.id, lambda d: d["status"] != "PENDING")
    assert done["status"] == "FAILED"  # the receiver's first answer is a 500; no retry follows
    assert [(a["attempt"], a["manual"], a["nextAttemptAt"]) for a in done["attempts"]] == [(1, True, None)]
    # a FAILED delivery's redelivery failing counts nothing against the endpoint
    (endpoint,) = owner.get("/webhooks").body["webhooks"]
    assert endpoint["consecutiveFailures"] == 0 and endpoint["status"] == "ACTIVE"


def test_outsiders_get_404_and_members_who_may_not_manage_webhooks_403(
    owner: ChaliceApi, receiver: Receiver
) -> None:
    # Given an organisation's webhook with a failed delivery, a technician of it, an admin of
    # another account with a webhook of their own, and the owner's API key
    technician = owner.as_user(f"{owner.user_id}-technician")
    join_organisation(owner, technician, "technician")
    webhook_id = _register(owner, receiver)
    delivery_id = _failed_test_delivery(owner, webhook_id)
    stranger = owner.as_user(f"{owner.user_id}-stranger")
    other_receiver = Receiver([200])
    try:
        theirs = _register(stranger, other_receiver)
    finally:
        other_receiver.close()
    key = owner.post("/api-keys", {"name": "field app"}).body["secret"]
    path = f"/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver"

    # When each asks for a redelivery
    answers = {
        "stranger": stranger.post(path),
        "stranger, through their own webhook": stranger.post(
            f"/webhooks/{theirs}/deliveries/{delivery_id}/redeliver"
        ),
        "technician": technician.post(path),
        "api key": owner.with_token(key).post(path),
        "unknown delivery": owner.post(f"/webhooks/{webhook_id}/deliveries/dlv_{'0' * 29}/redeliver"),
        "malformed delivery": owner.post(f"/webhooks/{webhook_id}/deliveries/not-one/redeliver"),
        "unknown webhook": owner.post(f"/webhooks/wh_{'0' * 16}/deliveries/{delivery_id}/redeliver"),
    }

    # Then outsiders are told nothing exists; a member who may not manage webhooks is refused
    assert {who: (r.status, r.body["error"]["code"]) for who, r in answers.items()} == {
        "stranger": (404, "WEBHOOK_NOT_FOUND"),
        "stranger, through their own webhook": (404, "DELIVERY_NOT_FOUND"),
        "technician": (403, "WEBHOOKS_ADMIN_ONLY"),
        "api key": (403, "USER_TOKEN_REQUIRED"),
        "unknown delivery": (404, "DELIVERY_NOT_FOUND"),
        "malformed delivery": (404, "DELIVERY_NOT_FOUND"),
        "unknown webhook": (404, "WEBHOOK_NOT_FOUND"),
    }
    # and nothing was sent or changed
    time.sleep(1)
    assert len(receiver.received) == 1
    assert _delivery(owner, webhook_id, delivery_id)["status"] == "FAILED"
    assert _redeliveries(owner) == [] and _redeliveries(stranger) == [] and _redeliveries(technician) == []
