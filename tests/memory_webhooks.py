"""The webhook ports in memory (`tests/memory_ports.py` gives them to `MemoryPorts`).

Each keeps its AWS adapter's contract: a delivery id is created once, an attempt is recorded only
over one attempt fewer (ConditionFailed otherwise), a sealed secret opens only for the context it
was sealed with, and the queue keeps each message with its delay for the test to run.
"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from chalicelib.core.models import utc_now
from chalicelib.core.ports import ConditionFailed, NotFound, SecretUnavailableError
from chalicelib.core.webhook_models import EndpointStatus, WebhookDelivery, WebhookEndpoint
from chalicelib.core.webhook_ports import HttpAnswer, SealedSecrets, UnsafeDestination


class MemoryWebhookRecords:
    def __init__(self) -> None:
        self.endpoints: dict[tuple[str, str], tuple[WebhookEndpoint, SealedSecrets]] = {}
        self.deliveries: dict[tuple[str, str], WebhookDelivery] = {}
        self._lock = threading.Lock()

    def put_endpoint(self, endpoint: WebhookEndpoint, secrets: SealedSecrets) -> None:
        with self._lock:
            key = (endpoint.org_id, endpoint.id)
            if key in self.endpoints:
                raise ConditionFailed(endpoint.id)
            self.endpoints[key] = (endpoint.model_copy(deep=True), secrets)

    def get_endpoint(self, org_id: str, endpoint_id: str) -> tuple[WebhookEndpoint, SealedSecrets] | None:
        found = self.endpoints.get((org_id, endpoint_id))
        return (found[0].model_copy(deep=True), found[1]) if found else None

    def list_endpoints(self, org_id: str) -> list[WebhookEndpoint]:
        mine = [e.model_copy(deep=True) for (org, _), (e, _s) in self.endpoints.items() if org == org_id]
        return sorted(mine, key=lambda e: e.created_at)

    def delete_endpoint(self, org_id: str, endpoint_id: str) -> None:
        self.endpoints.pop((org_id, endpoint_id), None)

    def replace_secrets(self, endpoint: WebhookEndpoint, secrets: SealedSecrets) -> None:
        with self._lock:
            key = (endpoint.org_id, endpoint.id)
            if key not in self.endpoints:
                raise NotFound(endpoint.id)
            stored = self.endpoints[key][0]
            stored.secret_created_at = endpoint.secret_created_at
            # As the adapter: the old secret's expiry is kept only beside an old secret.
            keeps_previous = secrets.previous and endpoint.previous_secret_expires_at is not None
            stored.previous_secret_expires_at = (
                endpoint.previous_secret_expires_at if keeps_previous else None
            )
            if not keeps_previous:
                secrets = SealedSecrets(secrets.current)
            self.endpoints[key] = (stored, secrets)

    def set_status(self, org_id: str, endpoint_id: str, status: EndpointStatus) -> WebhookEndpoint:
        with self._lock:
            if (org_id, endpoint_id) not in self.endpoints:
                raise NotFound(endpoint_id)
            endpoint = self.endpoints[(org_id, endpoint_id)][0]
            endpoint.status = status
            endpoint.consecutive_failures = 0
            if status is EndpointStatus.ACTIVE:
                endpoint.failing_since = None
            return endpoint.model_copy(deep=True)

    def note_outcome(self, org_id: str, endpoint_id: str, succeeded: bool, failing_after: int) -> None:
        with self._lock:
            found = self.endpoints.get((org_id, endpoint_id))
            if found is None:
                return
            endpoint = found[0]
            if succeeded:
                endpoint.consecutive_failures = 0
                return
            endpoint.consecutive_failures += 1
            if endpoint.consecutive_failures >= failing_after and endpoint.status is EndpointStatus.ACTIVE:
                endpoint.status = EndpointStatus.FAILING
                endpoint.failing_since = utc_now()

    def create_delivery(self, delivery: WebhookDelivery) -> bool:
        with self._lock:
            key = (delivery.endpoint_id, delivery.id)
            if key in self.deliveries:
                return False
            self.deliveries[key] = delivery.model_copy(deep=True)
            return True

    def get_delivery(self, endpoint_id: str, delivery_id: str) -> WebhookDelivery | None:
        found = self.deliveries.get((endpoint_id, delivery_id))
        return found.model_copy(deep=True) if found else None

    def record_attempt(self, delivery: WebhookDelivery) -> None:
        with self._lock:
            key = (delivery.endpoint_id, delivery.id)
            stored = self.deliveries.get(key)
            if stored is None or len(stored.attempts) != len(delivery.attempts) - 1:
                raise ConditionFailed(delivery.id)
            self.deliveries[key] = delivery.model_copy(deep=True)

    def list_deliveries(self, endpoint_id: str, limit: int) -> list[WebhookDelivery]:
        mine = [d.model_copy(deep=True) for (e, _), d in self.deliveries.items() if e == endpoint_id]
        return sorted(mine, key=lambda d: d.id, reverse=True)[:limit]

    def reopen_delivery(self, delivery: WebhookDelivery, seen: WebhookDelivery) -> None:
        with self._lock:
            key = (delivery.endpoint_id, delivery.id)
            stored = self.deliveries.get(key)
            if stored is None or (stored.status, len(stored.attempts), stored.redelivery) != (
                seen.status,
                len(seen.attempts),
                seen.redelivery,
            ):
                raise ConditionFailed(delivery.id)
            self.deliveries[key] = delivery.model_copy(deep=True)


class MemorySecretBox:
    """Not encryption: a reversible wrapping that, like KMS, refuses another context."""

    def seal(self, plaintext: str, context: Mapping[str, str]) -> str:
        wrapped = json.dumps({"p": plaintext, "c": dict(sorted(context.items()))})
        return "memory:" + base64.b64encode(wrapped.encode()).decode()

    def open(self, sealed: str, context: Mapping[str, str]) -> str:
        wrapped = json.loads(base64.b64decode(sealed.removeprefix("memory:")))
        if wrapped["c"] != dict(sorted(context.items())):
            raise SecretUnavailableError("sealed for another context")
        return str(wrapped["p"])


@dataclass
class QueuedMessage:
    message: dict[str, Any]
    delay_seconds: float


class MemoryWebhookQueue:
    def __init__(self) -> None:
        self.messages: list[QueuedMessage] = []
        self.sent: list[QueuedMessage] = []  # everything ever sent, for the test to read

    def send(self, message: Mapping[str, Any], delay_seconds: float = 0) -> None:
        queued = QueuedMessage(dict(message), delay_seconds)
        self.messages.append(queued)
        self.sent.append(queued)

    def take(self) -> QueuedMessage | None:
        return self.messages.pop(0) if self.messages else None


@dataclass
class MemoryWebhookSender:
    """Answers each POST with the next of `answers` (then 200s), and keeps what was posted."""

    answers: list[HttpAnswer] = field(default_factory=list)
    posts: list[tuple[str, bytes, dict[str, str]]] = field(default_factory=list)
    unsafe_hosts: set[str] = field(default_factory=set)

    def check(self, url: str) -> None:
        if any(host in url for host in self.unsafe_hosts):
            raise UnsafeDestination("The host resolves to an address that is not public")

    def post(self, url: str, body: bytes, headers: Mapping[str, str]) -> HttpAnswer:
        self.check(url)
        self.posts.append((url, body, dict(headers)))
        return self.answers.pop(0) if self.answers else HttpAnswer(3, status_code=200)
