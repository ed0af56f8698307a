"""Every port of `chalicelib/core/ports.py` in memory: the domain, control and the phase runner
tested in milliseconds, without moto or a stack. `MemoryPorts` wires them together; the ports live
by topic in `memory_workflows`, `memory_organisations`, `memory_accounts`, `memory_services` and
`memory_webhooks`, and are re-exported here for the tests that build one on its own.

Each keeps the contract its AWS adapter keeps (conditional writes raise ConditionFailed, a
missing workflow NotFound, a write's events are numbered from the record's `lastEventSeq`), so
a test that passes here says something about the real thing. The stores are checked side by side
with their DynamoDB adapters on moto (`tests/unit/test_*_records_contract.py`: workflows, API keys,
shares, photos, templates, webhooks, organisations): a change to an adapter's contract goes into its
contract test's transcript, and the double follows.
"""

from __future__ import annotations

from typing import Any

from chalicelib.aws.scanning import NoScanner
from chalicelib.core.events import Event
from chalicelib.core.models import Workflow, utc_now
from chalicelib.core.ports import MalwareScanner
from tests.memory_accounts import (
    MemoryApiKeyRecords,
    MemoryAuditLog,
    MemoryRateBuckets,
    MemoryTemplateRecords,
    MemoryUserSettings,
)
from tests.memory_organisations import MemoryOrganisationRecords, MemoryShareRecords
from tests.memory_services import (
    MemoryBlobs,
    MemoryClaudeKey,
    MemoryConnections,
    MemoryEngine,
    MemoryOcr,
    MemoryPusher,
)
from tests.memory_webhooks import (
    MemorySecretBox,
    MemoryWebhookQueue,
    MemoryWebhookRecords,
    MemoryWebhookSender,
)
from tests.memory_workflows import MemoryActivityRecords, MemoryPhotoRecords, MemoryWorkflowRecords

__all__ = [
    "MemoryActivityRecords",
    "MemoryApiKeyRecords",
    "MemoryAuditLog",
    "MemoryBlobs",
    "MemoryClaudeKey",
    "MemoryConnections",
    "MemoryEngine",
    "MemoryOcr",
    "MemoryOrganisationRecords",
    "MemoryPhotoRecords",
    "MemoryPorts",
    "MemoryPusher",
    "MemoryRateBuckets",
    "MemoryShareRecords",
    "MemoryTemplateRecords",
    "MemoryUserSettings",
    "MemoryWorkflowRecords",
    "certify",
    "load",
]


class MemoryPorts:
    """`core.ports.Ports` in memory, with live progress wired as `wiring.AwsPorts` wires it."""

    def __init__(self, scanner: MalwareScanner | None = None) -> None:
        from chalicelib import observability
        from chalicelib.core import live_progress, webhooks

        # The table's stream, in memory: the push runs as the write commits.
        def committed(workflow: Workflow, events: list[Event]) -> None:
            observability.count_transitions(events)
            live_progress.push(self, events)
            webhooks.fan_out(self, events)

        self.workflows = MemoryWorkflowRecords(on_events=committed)
        self.api_keys = MemoryApiKeyRecords()
        self.audit = MemoryAuditLog()
        self.user_settings = MemoryUserSettings()
        self.organisations = MemoryOrganisationRecords()
        self.user_settings.organisations = self.organisations
        self.shares = MemoryShareRecords(self.workflows)
        self.activity = MemoryActivityRecords(self.workflows)
        self.workflows.activity = self.activity
        self.photos = MemoryPhotoRecords(self.workflows)
        self.templates = MemoryTemplateRecords()
        self.rate_buckets = MemoryRateBuckets()
        self.blobs = MemoryBlobs()
        self.engine = MemoryEngine()
        self.connections = MemoryConnections(self.workflows)
        self.pusher = MemoryPusher()
        self.scanner: MalwareScanner = scanner or NoScanner()
        self.claude_key = MemoryClaudeKey()
        self.ocr = MemoryOcr()
        self.webhooks = MemoryWebhookRecords()
        self.secret_box = MemorySecretBox()
        self.webhook_queue = MemoryWebhookQueue()
        self.webhook_sender: Any = MemoryWebhookSender()


def load(ports: MemoryPorts, user_id: str, workflow_id: str) -> Workflow:
    """The workflow as a route would have it from `policy.authorize` (VIEW) for `user_id`."""
    from chalicelib.core.identity import Principal
    from chalicelib.core.policy import Action, authorize

    return authorize(ports, Principal(user_id), Action.VIEW, workflow_id)


def certify(ports: MemoryPorts, user_id: str, expires_on: str = "2099-12-31") -> None:
    """Put a current certification on file for `user_id` (signing requires one)."""
    from datetime import date

    from chalicelib.core.org_models import Certification, CertificationCategory

    ports.organisations.put_certification(
        Certification(
            user_id=user_id,
            number="123456",
            categories=[CertificationCategory.WRT],
            expires_on=date.fromisoformat(expires_on),
            updated_by=user_id,
            updated_at=utc_now(),
        )
    )
