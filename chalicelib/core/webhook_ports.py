"""The webhooks' ports: their records, the secrets sealed for them, the queue of deliveries and
the HTTP sender. Kept apart from ports.py so that each stays small; `Ports` names them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from chalicelib.core.webhook_models import EndpointStatus, WebhookDelivery, WebhookEndpoint


@dataclass(frozen=True)
class SealedSecrets:
    """An endpoint's signing secrets as stored: sealed by the `SecretBox`, never in the clear."""

    current: str
    previous: str | None = None  # the rotated-out one, while it still signs beside the new


class WebhookRecords(Protocol):
    """An account's endpoints, and each endpoint's deliveries with their attempts."""

    def put_endpoint(self, endpoint: WebhookEndpoint, secrets: SealedSecrets) -> None:
        """ConditionFailed if the id is taken."""
        ...

    def get_endpoint(self, org_id: str, endpoint_id: str) -> tuple[WebhookEndpoint, SealedSecrets] | None: ...

    def list_endpoints(self, org_id: str) -> list[WebhookEndpoint]: ...

    def delete_endpoint(self, org_id: str, endpoint_id: str) -> None: ...

    def replace_secrets(self, endpoint: WebhookEndpoint, secrets: SealedSecrets) -> None:
        """Store new secrets and the endpoint's secret fields; NotFound if it was deleted."""
        ...

    def set_status(self, org_id: str, endpoint_id: str, status: EndpointStatus) -> WebhookEndpoint:
        """ACTIVE resets the count of failed deliveries; NotFound if there is no such endpoint."""
        ...

    def note_outcome(self, org_id: str, endpoint_id: str, succeeded: bool, failing_after: int) -> None:
        """A delivery ended: a success resets the count of consecutive failures; a failure adds
        one, and the endpoint turns FAILING when the count reaches `failing_after`. Atomic."""
        ...

    def create_delivery(self, delivery: WebhookDelivery) -> bool:
        """False (and nothing written) if a delivery with its id exists already."""
        ...

    def get_delivery(self, endpoint_id: str, delivery_id: str) -> WebhookDelivery | None: ...

    def record_attempt(self, delivery: WebhookDelivery) -> None:
        """Write the delivery's attempts, status and completion, only if the stored delivery has
        one attempt fewer (ConditionFailed otherwise: another worker recorded this attempt)."""
        ...

    def list_deliveries(self, endpoint_id: str, limit: int) -> list[WebhookDelivery]:
        """Newest first."""
        ...

    def reopen_delivery(self, delivery: WebhookDelivery, seen: WebhookDelivery) -> None:
        """Write `delivery` (reopened for a manual attempt) only if the stored one is still as
        `seen` was read: its status, its number of attempts and its last redelivery. Of two
        requests racing to reopen it one wins; the other gets ConditionFailed."""
        ...


class SecretBox(Protocol):
    """Seals a secret for storage (KMS on AWS); `context` binds it to its record: a sealed value
    copied to another record does not open."""

    def seal(self, plaintext: str, context: Mapping[str, str]) -> str: ...

    def open(self, sealed: str, context: Mapping[str, str]) -> str: ...


class WebhookQueue(Protocol):
    def send(self, message: Mapping[str, Any], delay_seconds: float = 0) -> None:
        """Queue a delivery message, visible after `delay_seconds` (at most 900 on SQS)."""
        ...


class UnsafeDestination(Exception):
    """The URL is not https, or its host is (or resolves to) a private, loopback, link-local or
    otherwise non-public address. The message says which, for the person registering it."""


@dataclass(frozen=True)
class HttpAnswer:
    """What one POST got: a status, or the class of the error that stopped it."""

    duration_ms: int
    status_code: int | None = None
    error: str | None = None  # TIMEOUT, CONNECTION_REFUSED, TLS_ERROR, DNS_ERROR, ...
    snippet: str | None = None  # the start of the answer's body, at most 200 characters


class WebhookSender(Protocol):
    def check(self, url: str) -> None:
        """Resolve the URL's host; UnsafeDestination unless every address is public."""
        ...

    def post(self, url: str, body: bytes, headers: Mapping[str, str]) -> HttpAnswer:
        """POST to the address checked at this moment (resolved once, connected to by IP, no
        redirects followed), with a timeout. UnsafeDestination as `check`."""
        ...


# --- all of them ------------------------------------------------------------------------------
