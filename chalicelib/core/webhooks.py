"""Webhooks (#22 part 5): an account's HTTPS endpoints get signed workflow events, retried.

- Registration, rotation, enabling, deletion and the deliveries' listing are for an account's
  admins (`admin_of`, the one check, to be routed through the policy module).
- `fan_out` runs from the workflows table's stream (app.py's `push_events`): one delivery per
  matching endpoint, recorded, then queued; nothing is sent from the stream.
- `deliver_messages` is the queue's consumer: it signs and sends one attempt, records it, and
  queues the next attempt with its backoff, or ends the delivery FAILED and counts it against the
  endpoint, which turns FAILING after `failing_after` deliveries failed in a row.
- `redeliver` (an admin, by hand) reopens a FAILED or dead-lettered delivery for one more attempt,
  queued for the same worker; a repeated request queues nothing more (a conditional write).

Streams and queues deliver at least once: a delivery's id is its event's and endpoint's, an
attempt is recorded only if it is the next one, so a repeated message sends nothing twice unless a
worker died between sending and recording (then a receiver sees the same delivery id twice,
which the signature recipe tells it to ignore). docs/adr/0021-webhooks.md.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import random
import re
import secrets
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from chalicelib.core import policy, tenancy, webhook_signing
from chalicelib.core.errors import ConflictError, ForbiddenError, InvalidRequestError, NotFoundError
from chalicelib.core.events import Event, EventType
from chalicelib.core.models import Workflow, iso, utc_now
from chalicelib.core.ports import ConditionFailed, NotFound, Ports
from chalicelib.core.webhook_models import (
    CreateWebhookRequest,
    DeliveryAttempt,
    DeliveryStatus,
    EndpointStatus,
    Redelivery,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from chalicelib.core.webhook_ports import HttpAnswer, SealedSecrets, UnsafeDestination
from chalicelib.logs import logger
from chalicelib.settings import get_settings

ENDPOINT_ID_PATTERN = re.compile(r"^wh_[0-9a-f]{16}$")
DELIVERY_ID_PATTERN = re.compile(r"^dlv_[0-9]{13}[0-9a-f]{16}$")
MAX_ENDPOINTS_PER_ACCOUNT = 10
MAX_LISTED_DELIVERIES = 100
SNIPPET_CHARS = 200
SQS_MAX_DELAY_SECONDS = 900
USER_AGENT = "RestoreAssist-Webhooks/1"
# A delivery still PENDING this long after its next attempt was due is stuck: its message went to
# the dead-letter queue (5 receives x the queue's 6-minute visibility timeout) or was lost. A
# person may send it again, as a FAILED one.
STALLED_AFTER = timedelta(hours=1)
# A request to redeliver this soon after the last one is that request again (a double click, a
# client's retry): it answers the redelivery under way and queues nothing.
REPEAT_WINDOW = timedelta(seconds=10)

# The progress events a webhook carries, by the webhook event they become.
FROM_PROGRESS: dict[EventType, WebhookEvent] = {
    EventType.WORKFLOW_COMPLETE: WebhookEvent.WORKFLOW_COMPLETED,
    EventType.REVIEW_REQUIRED: WebhookEvent.WORKFLOW_NEEDS_REVIEW,
    EventType.SIGNED: WebhookEvent.WORKFLOW_SIGNED,
    EventType.WORKFLOW_FAILED: WebhookEvent.WORKFLOW_FAILED,
}


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int
    base_seconds: float
    factor: float
    failing_after: int
    previous_secret_hours: float

    @classmethod
    def from_settings(cls) -> RetryPolicy:
        s = get_settings()
        return cls(
            s.webhook_max_attempts,
            s.webhook_retry_base_seconds,
            s.webhook_retry_factor,
            s.webhook_failing_after,
            s.webhook_previous_secret_hours,
        )

    def backoff(self, failed_attempt: int, jitter: Callable[[], float] = random.random) -> float:
        """Seconds to wait after attempt `failed_attempt` (1-based) failed: exponential, +-10%."""
        return self.base_seconds * self.factor ** (failed_attempt - 1) * (0.9 + 0.2 * jitter())


# --- who may: one check, for the policy module to take over --------------------------------


def admin_of(ports: Ports, user_id: str) -> tenancy.Membership:
    """The caller's account, if the policy table lets them manage its webhooks (an owner or a
    manager)."""
    membership = tenancy.membership_of(ports, user_id)
    if not policy.member_may(membership, policy.Action.MANAGE_WEBHOOKS):
        raise ForbiddenError(
            "Only the account's owner or a manager may manage its webhooks", code="WEBHOOKS_ADMIN_ONLY"
        )
    return membership


# --- the endpoints ------------------------------------------------------------------------------


def check_url(ports: Ports, url: str) -> None:
    """https, no credentials, a public host: refused here and again at every delivery."""
    allow_local = get_settings().webhooks_allow_local_receivers
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise InvalidRequestError("The URL is not valid", code="INVALID_WEBHOOK_URL") from None
    if parts.scheme != "https" and not (allow_local and parts.scheme == "http"):
        raise InvalidRequestError("The URL must start with https://", code="INVALID_WEBHOOK_URL")
    if parts.username or parts.password or not parts.hostname:
        raise InvalidRequestError("The URL must name a host, without credentials", code="INVALID_WEBHOOK_URL")
    try:
        literal = ipaddress.ip_address(parts.hostname)
    except ValueError:
        literal = None
    if literal is not None and not literal.is_global and not (allow_local and literal.is_loopback):
        raise InvalidRequestError("The URL's address is not a public one", code="UNSAFE_WEBHOOK_URL")
    try:
        ports.webhook_sender.check(url)
    except UnsafeDestination as refused:
        raise InvalidRequestError(str(refused), code="UNSAFE_WEBHOOK_URL") from None


def _context(org_id: str, endpoint_id: str) -> dict[str, str]:
    """What a sealed secret is bound to: it opens for its own endpoint only."""
    return {"purpose": "webhook-signing-secret", "orgId": org_id, "endpointId": endpoint_id}


def create_endpoint(ports: Ports, user_id: str, request: CreateWebhookRequest) -> dict[str, Any]:
    """Register an endpoint; its secret is in this answer and never again."""
    account = admin_of(ports, user_id)
    check_url(ports, request.url)
    if len(ports.webhooks.list_endpoints(account.org_id)) >= MAX_ENDPOINTS_PER_ACCOUNT:
        raise ConflictError(
            f"An account has at most {MAX_ENDPOINTS_PER_ACCOUNT} webhook endpoints", code="WEBHOOK_LIMIT"
        )
    now = utc_now()
    endpoint = WebhookEndpoint(
        id=f"wh_{secrets.token_hex(8)}",
        org_id=account.org_id,
        url=request.url,
        events=request.events,
        description=request.description,
        created_by=user_id,
        created_at=now,
        secret_created_at=now,
    )
    secret = webhook_signing.new_secret()
    sealed = ports.secret_box.seal(secret, _context(endpoint.org_id, endpoint.id))
    ports.webhooks.put_endpoint(endpoint, SealedSecrets(current=sealed))
    return {"webhook": endpoint.model_dump(mode="json"), "secret": secret}


def list_endpoints(ports: Ports, user_id: str) -> list[WebhookEndpoint]:
    return ports.webhooks.list_endpoints(admin_of(ports, user_id).org_id)


def _owned(ports: Ports, org_id: str, endpoint_id: str) -> tuple[WebhookEndpoint, SealedSecrets]:
    found = (
        ports.webhooks.get_endpoint(org_id, endpoint_id)
        if ENDPOINT_ID_PATTERN.fullmatch(endpoint_id)
        else None
    )
    if found is None:
        raise NotFoundError("No such webhook", code="WEBHOOK_NOT_FOUND")
    return found


def delete_endpoint(ports: Ports, user_id: str, endpoint_id: str) -> None:
    """Its queued deliveries end FAILED when they come up; its deliveries' records expire."""
    account = admin_of(ports, user_id)
    _owned(ports, account.org_id, endpoint_id)
    ports.webhooks.delete_endpoint(account.org_id, endpoint_id)


def rotate_secret(ports: Ports, user_id: str, endpoint_id: str) -> dict[str, Any]:
    """A new secret, shown this once; the old one signs beside it for `previous_secret_hours`."""
    account = admin_of(ports, user_id)
    endpoint, sealed = _owned(ports, account.org_id, endpoint_id)
    policy = RetryPolicy.from_settings()
    now = utc_now()
    secret = webhook_signing.new_secret()
    keep_previous = policy.previous_secret_hours > 0
    endpoint.secret_created_at = now
    endpoint.previous_secret_expires_at = (
        now + timedelta(hours=policy.previous_secret_hours) if keep_previous else None
    )
    new = SealedSecrets(
        current=ports.secret_box.seal(secret, _context(account.org_id, endpoint_id)),
        previous=sealed.current if keep_previous else None,
    )
    try:
        ports.webhooks.replace_secrets(endpoint, new)
    except NotFound:
        raise NotFoundError("No such webhook", code="WEBHOOK_NOT_FOUND") from None
    return {"webhook": endpoint.model_dump(mode="json"), "secret": secret}


def enable_endpoint(ports: Ports, user_id: str, endpoint_id: str) -> WebhookEndpoint:
    """A FAILING endpoint gets new deliveries again (its failed ones stay failed)."""
    account = admin_of(ports, user_id)
    _owned(ports, account.org_id, endpoint_id)
    try:
        return ports.webhooks.set_status(account.org_id, endpoint_id, EndpointStatus.ACTIVE)
    except NotFound:
        raise NotFoundError("No such webhook", code="WEBHOOK_NOT_FOUND") from None


def send_test(ports: Ports, user_id: str, endpoint_id: str) -> WebhookDelivery:
    """Queue a `webhook.test` delivery, whatever the endpoint subscribed to and even if FAILING:
    it is how an admin checks a fix. It does not count for or against the endpoint."""
    account = admin_of(ports, user_id)
    endpoint, _ = _owned(ports, account.org_id, endpoint_id)
    now = utc_now()
    event_id = f"test:{secrets.token_hex(8)}"
    delivery = _new_delivery(endpoint, WebhookEvent.TEST, event_id, None, {"webhookId": endpoint.id}, now)
    ports.webhooks.create_delivery(delivery)
    ports.webhook_queue.send(_message(delivery, 1))
    return delivery


def list_deliveries(ports: Ports, user_id: str, endpoint_id: str) -> list[WebhookDelivery]:
    account = admin_of(ports, user_id)
    _owned(ports, account.org_id, endpoint_id)
    return ports.webhooks.list_deliveries(endpoint_id, MAX_LISTED_DELIVERIES)


# --- redelivery: one more attempt, by hand -------------------------------------------------------


def redeliver(
    ports: Ports, user_id: str, endpoint_id: str, delivery_id: str, now: datetime | None = None
) -> tuple[WebhookDelivery, bool]:
    """Send a FAILED (or dead-lettered) delivery once more: one attempt, queued and made by the
    delivery worker exactly as every attempt is (signed afresh, same id and body), recorded after
    the earlier ones. The delivery as it stands, and whether an attempt was queued: a repeat of
    the request (a double click, or two people at once) queues nothing and answers the one under
    way. Even to a FAILING endpoint, like a test: it is how an admin checks a fix."""
    account = admin_of(ports, user_id)
    _owned(ports, account.org_id, endpoint_id)
    found = (
        ports.webhooks.get_delivery(endpoint_id, delivery_id)
        if DELIVERY_ID_PATTERN.fullmatch(delivery_id)
        else None
    )
    if found is None or found.org_id != account.org_id:
        raise NotFoundError("No such delivery of this webhook", code="DELIVERY_NOT_FOUND")
    now = now or utc_now()
    asked = found.redelivery
    if (
        asked is not None
        and asked.attempt >= len(found.attempts)
        and now - asked.requested_at < REPEAT_WINDOW
    ):
        return found, False
    _check_redeliverable(found, now)
    attempt = len(found.attempts) + 1
    reopened = found.model_copy(
        deep=True,
        update={
            "status": DeliveryStatus.PENDING,
            "completed_at": None,
            "redelivery": Redelivery(attempt=attempt, requested_by=user_id, requested_at=now),
        },
    )
    try:
        ports.webhooks.reopen_delivery(reopened, found)
    except ConditionFailed:
        # Another request reopened it between our read and our write: that one is under way.
        return ports.webhooks.get_delivery(endpoint_id, delivery_id) or found, False
    ports.webhook_queue.send(_message(reopened, attempt, manual=True))
    return reopened, True


def _due(delivery: WebhookDelivery) -> datetime:
    """When a PENDING delivery's next attempt should have been made."""
    asked = delivery.redelivery
    if asked is not None and asked.attempt == len(delivery.attempts) + 1:
        return asked.requested_at
    if delivery.attempts:
        last = delivery.attempts[-1]
        return last.next_attempt_at or last.at
    return delivery.created_at


def _check_redeliverable(delivery: WebhookDelivery, now: datetime) -> None:
    if delivery.status is DeliveryStatus.SUCCEEDED:
        raise ConflictError(
            "This delivery succeeded; send a test to check the endpoint again", code="DELIVERY_SUCCEEDED"
        )
    if delivery.status is DeliveryStatus.PENDING and now - _due(delivery) < STALLED_AFTER:
        raise ConflictError(
            f"This delivery is still being retried (its next attempt is due {iso(_due(delivery))})",
            code="DELIVERY_PENDING",
        )


# --- fan-out: from the table's stream ----------------------------------------------------------


def fan_out(ports: Ports, events: Sequence[Event]) -> int:
    """Record and queue one delivery per (event, subscribed active endpoint); how many queued.

    Reads nothing for a batch without a webhook event (most batches are progress). Idempotent: a
    repeated batch finds its deliveries recorded and queues only those not yet attempted."""
    wanted = [(event, FROM_PROGRESS[event.type]) for event in events if event.type in FROM_PROGRESS]
    if not wanted:
        return 0
    workflows: dict[str, Workflow | None] = {}
    endpoints: dict[str, list[WebhookEndpoint]] = {}
    queued = 0
    for event, kind in wanted:
        if event.workflow_id not in workflows:
            workflows[event.workflow_id] = ports.workflows.get(event.workflow_id)
        workflow = workflows[event.workflow_id]
        if workflow is None:  # deleted since
            continue
        org_id = workflow.org_id or tenancy.personal_org_id(workflow.user_id)
        if org_id not in endpoints:
            endpoints[org_id] = ports.webhooks.list_endpoints(org_id)
        for endpoint in endpoints[org_id]:
            if endpoint.status is not EndpointStatus.ACTIVE or kind not in endpoint.events:
                continue
            data = payload_data(kind, workflow, event.data)
            delivery = _new_delivery(
                endpoint, kind, f"{event.workflow_id}:{event.seq}", workflow.id, data, event.at
            )
            if not ports.webhooks.create_delivery(delivery):
                existing = ports.webhooks.get_delivery(endpoint.id, delivery.id)
                if existing is None or existing.attempts:
                    continue  # already under way: its worker queues what follows
            ports.webhook_queue.send(_message(delivery, 1))
            queued += 1
    return queued


def payload_data(kind: WebhookEvent, workflow: Workflow, event_data: Mapping[str, Any]) -> dict[str, Any]:
    """What a receiver is told: the workflow's id, title and status and what the event adds;
    never its owner, its storage keys, its findings or its task token."""
    data: dict[str, Any] = {
        "workflowId": workflow.id,
        "title": workflow.title,
        "status": workflow.status.value,
    }
    if kind is WebhookEvent.WORKFLOW_NEEDS_REVIEW:
        data["reason"] = event_data.get("reason")
        data["qaErrors"] = len(event_data.get("qaErrors") or [])
    elif kind is WebhookEvent.WORKFLOW_SIGNED:
        data.update(revision=event_data.get("revision"), signedBy=event_data.get("name"))
    elif kind is WebhookEvent.WORKFLOW_FAILED:
        data.update(
            phase=event_data.get("phase"),
            errorCode=event_data.get("errorCode"),
            errorMessage=event_data.get("errorMessage"),
        )
    return data


def _links(workflow_id: str | None) -> dict[str, str]:
    if workflow_id is None:
        return {}
    base = get_settings().public_api_url.rstrip("/") or "/api/orchestrator"
    return {"workflow": f"{base}/workflows/{workflow_id}", "report": f"{base}/workflows/{workflow_id}/report"}


def delivery_id(event_id: str, endpoint_id: str, at: datetime) -> str:
    """Time-ordered (listed newest first), and the same for the same event and endpoint."""
    digest = hashlib.sha256(f"{event_id}|{endpoint_id}".encode()).hexdigest()[:16]
    return f"dlv_{int(at.timestamp() * 1000):013d}{digest}"


def _new_delivery(
    endpoint: WebhookEndpoint,
    kind: WebhookEvent,
    event_id: str,
    workflow_id: str | None,
    data: dict[str, Any],
    at: datetime,
) -> WebhookDelivery:
    identifier = delivery_id(event_id, endpoint.id, at)
    payload = {
        "id": identifier,
        "type": kind.value,
        "createdAt": iso(at),
        "data": data,
        "links": _links(workflow_id),
    }
    return WebhookDelivery(
        id=identifier,
        endpoint_id=endpoint.id,
        org_id=endpoint.org_id,
        event=kind,
        event_id=event_id,
        workflow_id=workflow_id,
        created_at=at,
        payload=payload,
    )


def _message(
    delivery: WebhookDelivery, attempt: int, not_before: float | None = None, *, manual: bool = False
) -> dict[str, Any]:
    message: dict[str, Any] = {
        "deliveryId": delivery.id,
        "endpointId": delivery.endpoint_id,
        "orgId": delivery.org_id,
        "attempt": attempt,
    }
    if not_before is not None:
        message["notBefore"] = not_before
    if manual:
        message["manual"] = True  # a person's redelivery: this one attempt, never retried
    return message


def _queue(ports: Ports, message: dict[str, Any], now: float) -> None:
    """Queue a message for its `notBefore`; a wait past SQS's 15 minutes is made in hops."""
    wait = max(0.0, float(message.get("notBefore", now)) - now)
    ports.webhook_queue.send(message, min(wait, SQS_MAX_DELAY_SECONDS))


# --- the delivery worker: the queue's consumer --------------------------------------------------


def deliver_messages(
    ports: Ports, sqs_event: Mapping[str, Any], policy: RetryPolicy | None = None
) -> dict[str, Any]:
    """An SQS batch: each message one attempt. Only an error of ours (a throttled table, say) is
    reported back for SQS to redeliver; a receiver's failure is an attempt, recorded."""
    policy = policy or RetryPolicy.from_settings()
    failures = []
    for record in sqs_event.get("Records", []):
        try:
            message = json.loads(record["body"])
            redelivered = int(record.get("attributes", {}).get("ApproximateReceiveCount", "1")) > 1
            deliver(ports, message, policy, redelivered=redelivered)
        except Exception:  # noqa: BLE001 - SQS redelivers it; then its dead-letter queue keeps it
            logger.exception(
                "A webhook delivery message failed", extra={"messageId": record.get("messageId")}
            )
            failures.append({"itemIdentifier": record.get("messageId", "")})
    return {"batchItemFailures": failures}


def deliver(
    ports: Ports,
    message: Mapping[str, Any],
    policy: RetryPolicy,
    *,
    redelivered: bool = False,
    now: Callable[[], float] = time.time,
) -> str:
    """One attempt of one delivery; what happened, as a word (for logs and tests)."""
    started = now()
    if float(message.get("notBefore", 0)) > started + 1:
        _queue(ports, dict(message), started)  # not yet: another hop
        return "deferred"
    attempt = int(message["attempt"])
    delivery = ports.webhooks.get_delivery(message["endpointId"], message["deliveryId"])
    if delivery is None:
        return "gone"
    if delivery.status is not DeliveryStatus.PENDING or len(delivery.attempts) != attempt - 1:
        # A repeat. If this message's worker recorded a failed attempt and died before queueing
        # the next, its redelivery queues it now (the next worker drops a second copy).
        last = delivery.attempts[-1] if delivery.attempts else None
        lost_retry = (
            redelivered and delivery.status is DeliveryStatus.PENDING and len(delivery.attempts) == attempt
        )
        if lost_retry and last is not None and last.next_attempt_at is not None:
            _queue(ports, _message(delivery, attempt + 1, last.next_attempt_at.timestamp()), started)
        return "duplicate"
    found = ports.webhooks.get_endpoint(delivery.org_id, delivery.endpoint_id)
    if found is None:
        _finish(ports, delivery, HttpAnswer(0, error="ENDPOINT_DELETED"), attempt, started, None)
        return "failed"
    endpoint, sealed = found
    manual = bool(message.get("manual"))
    answer = _send(ports, endpoint, sealed, delivery, started)
    succeeded = answer.status_code is not None and 200 <= answer.status_code < 300
    final = manual or succeeded or attempt >= policy.max_attempts or answer.error == "UNSAFE_DESTINATION"
    retry_at = None if final else started + policy.backoff(attempt)
    try:
        _finish(ports, delivery, answer, attempt, started, retry_at, manual=manual)
    except ConditionFailed:
        return "duplicate"  # another worker recorded this attempt: it goes on from there
    if retry_at is not None:
        _queue(ports, _message(delivery, attempt + 1, retry_at), started)
        return "retrying"
    # A redelivery that failed counts nothing more: its delivery counted when it first failed.
    if delivery.event is not WebhookEvent.TEST and (succeeded or not manual):
        ports.webhooks.note_outcome(delivery.org_id, delivery.endpoint_id, succeeded, policy.failing_after)
    return "succeeded" if succeeded else "failed"


def _send(
    ports: Ports, endpoint: WebhookEndpoint, sealed: SealedSecrets, delivery: WebhookDelivery, now: float
) -> HttpAnswer:
    context = _context(endpoint.org_id, endpoint.id)
    keys = [ports.secret_box.open(sealed.current, context)]
    previous_until = endpoint.previous_secret_expires_at
    if sealed.previous and previous_until is not None and previous_until.timestamp() > now:
        keys.append(ports.secret_box.open(sealed.previous, context))
    body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        webhook_signing.SIGNATURE_HEADER: webhook_signing.signature_header(keys, int(now), body),
        webhook_signing.DELIVERY_HEADER: delivery.id,
        webhook_signing.EVENT_HEADER: delivery.event.value,
    }
    try:
        return ports.webhook_sender.post(endpoint.url, body, headers)
    except UnsafeDestination:
        # Its name now resolves somewhere private: never sent, never retried.
        return HttpAnswer(0, error="UNSAFE_DESTINATION")


def _finish(
    ports: Ports,
    delivery: WebhookDelivery,
    answer: HttpAnswer,
    attempt: int,
    started: float,
    retry_at: float | None,
    *,
    manual: bool = False,
) -> None:
    error = answer.error
    if error is None and answer.status_code is not None and not 200 <= answer.status_code < 300:
        error = f"HTTP_{answer.status_code}"
    snippet = answer.snippet[:SNIPPET_CHARS] if answer.snippet else None
    delivery.attempts.append(
        DeliveryAttempt(
            attempt=attempt,
            at=datetime.fromtimestamp(started, UTC),
            duration_ms=answer.duration_ms,
            status_code=answer.status_code,
            error=error,
            response_snippet=snippet,
            next_attempt_at=datetime.fromtimestamp(retry_at, UTC) if retry_at is not None else None,
            manual=manual,
        )
    )
    if retry_at is None:
        delivery.status = DeliveryStatus.SUCCEEDED if error is None else DeliveryStatus.FAILED
        delivery.completed_at = utc_now()
    ports.webhooks.record_attempt(delivery)
