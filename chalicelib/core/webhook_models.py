"""The webhook contracts (#22 part 5): an account's endpoints, their deliveries and attempts.

Apart from `models` (already near the size limit), as `company_models` is. docs/adr/0021-webhooks.md
says why each field is there.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import Field, field_validator

from chalicelib.core.api_model import RequestModel
from chalicelib.core.models import TimestampedModel


class WebhookEvent(StrEnum):
    """What an endpoint may subscribe to: the moments an integration acts on."""

    WORKFLOW_COMPLETED = "workflow.completed"
    WORKFLOW_NEEDS_REVIEW = "workflow.needs_review"
    WORKFLOW_SIGNED = "workflow.signed"
    WORKFLOW_FAILED = "workflow.failed"
    # Sent only by `POST /webhooks/{id}/test`, to any endpoint whatever it subscribed to.
    TEST = "webhook.test"


SUBSCRIBABLE_EVENTS = tuple(event for event in WebhookEvent if event is not WebhookEvent.TEST)


class EndpointStatus(StrEnum):
    ACTIVE = "ACTIVE"
    # Its last deliveries all failed: it gets no new ones until an admin enables it again.
    FAILING = "FAILING"


class DeliveryStatus(StrEnum):
    PENDING = "PENDING"  # queued, or waiting for its next attempt
    SUCCEEDED = "SUCCEEDED"  # a 2xx answer
    FAILED = "FAILED"  # every attempt failed (or the endpoint became unsafe or was deleted)


class WebhookEndpoint(TimestampedModel):
    """A registered endpoint. Its signing secret is never part of it: it is sealed apart."""

    id: str
    org_id: str
    url: str
    events: list[WebhookEvent]
    description: str = ""
    status: EndpointStatus = EndpointStatus.ACTIVE
    # Deliveries that failed for good since the last one that succeeded.
    consecutive_failures: int = 0
    failing_since: datetime | None = None
    created_by: str
    created_at: datetime
    secret_created_at: datetime
    # While a rotated-out secret still signs beside the new one (receivers switch over).
    previous_secret_expires_at: datetime | None = None


class DeliveryAttempt(TimestampedModel):
    """One try: what came back, never the body beyond a short snippet."""

    attempt: int
    at: datetime
    duration_ms: int
    status_code: int | None = None
    # Why it failed, as a class: HTTP_503, TIMEOUT, CONNECTION_ERROR, TLS_ERROR, UNSAFE_DESTINATION...
    error: str | None = None
    response_snippet: str | None = Field(default=None, description="At most 200 characters of the answer")
    next_attempt_at: datetime | None = None
    # Sent by hand (`POST .../redeliver`): one attempt, never retried on its own.
    manual: bool = False


class Redelivery(TimestampedModel):
    """A person's request to send a FAILED (or dead-lettered) delivery once more."""

    attempt: int = Field(description="The attempt it asked for: the one after the last recorded")
    requested_by: str
    requested_at: datetime


class WebhookDelivery(TimestampedModel):
    """One event for one endpoint, with its attempts."""

    id: str
    endpoint_id: str
    org_id: str
    event: WebhookEvent
    event_id: str
    workflow_id: str | None = None
    status: DeliveryStatus = DeliveryStatus.PENDING
    created_at: datetime
    completed_at: datetime | None = None
    attempts: list[DeliveryAttempt] = Field(default_factory=list)
    # The latest manual redelivery asked for, if any (its attempt is in `attempts` once made).
    redelivery: Redelivery | None = None
    # Exactly what is sent (every attempt sends the same body; only the signature's time moves).
    payload: dict[str, Any]


MAX_URL_LENGTH = 2048


class CreateWebhookRequest(RequestModel):
    url: str = Field(min_length=9, max_length=MAX_URL_LENGTH, description="An https:// URL")
    events: list[WebhookEvent] = Field(min_length=1, max_length=len(SUBSCRIBABLE_EVENTS))
    description: str = Field(default="", max_length=200)

    @field_validator("events")
    @classmethod
    def _subscribable_once_each(cls, events: list[WebhookEvent]) -> list[WebhookEvent]:
        if WebhookEvent.TEST in events:
            raise ValueError("webhook.test is sent by the test route only; it cannot be subscribed to")
        if len(set(events)) != len(events):
            raise ValueError("each event at most once")
        return events
