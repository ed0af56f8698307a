"""Every port of `chalicelib/core/ports.py` in memory: the domain, control and the phase runner
tested in milliseconds, without moto or a stack.

Each keeps the contract its AWS adapter keeps (conditional writes raise ConditionFailed, a
missing workflow NotFound, a write's events are numbered from the record's `lastEventSeq`), so
a test that passes here says something about the real thing. `tests/unit/test_memory_ports.py`
holds them to it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from chalicelib.aws.scanning import NoScanner
from chalicelib.core.analytics import aggregate_changes, aggregate_updates
from chalicelib.core.audit_models import AuditEntry
from chalicelib.core.events import Event, record_change
from chalicelib.core.models import (
    FINISHED_STATUSES,
    ApiKey,
    OrchestratorPhase,
    Photo,
    PhotoStatus,
    StepStatus,
    UserSettings,
    Workflow,
    WorkflowStatus,
    WorkflowStep,
    iso,
    utc_now,
)
from chalicelib.core.org_models import (
    ActivityEntry,
    Certification,
    Invitation,
    InvitationStatus,
    Member,
    Organisation,
    Share,
)
from chalicelib.core.ports import (
    AggregateUpdate,
    ConditionFailed,
    Connection,
    ConnectionGone,
    EventsCommitted,
    MalwareScanner,
    Mutation,
    NotFound,
    RateBucket,
    StepChanges,
    Subscription,
    TaskGone,
    TokenTaken,
)
from chalicelib.core.template_models import ReportTemplate, TemplateHead
from chalicelib.core.tenancy import Role
from chalicelib.unicode_text import json_text, utf8
from tests.memory_webhooks import (
    MemorySecretBox,
    MemoryWebhookQueue,
    MemoryWebhookRecords,
    MemoryWebhookSender,
)


def _sort_key(workflow: Workflow) -> str:
    return f"{workflow.model_dump(mode='json')['createdAt']}#{workflow.id}"


class MemoryWorkflowRecords:
    def __init__(self, on_events: EventsCommitted | None = None) -> None:
        self.workflows: dict[str, Workflow] = {}
        self.steps: dict[str, dict[int, WorkflowStep]] = {}
        self.events: dict[str, list[Event]] = {}
        self.phase_totals: dict[str, dict[OrchestratorPhase, tuple[float, int]]] = {}
        # (pk, sk) -> counters: the analytics aggregates, moved with each write (as one transaction)
        self.aggregate_items: dict[tuple[str, str], dict[str, Decimal]] = {}
        # How many aggregate items the reads returned (the routes must read a bounded number).
        self.aggregate_reads = 0
        self.on_events = on_events
        self.activity: MemoryActivityRecords | None = None  # set by MemoryPorts
        self._lock = threading.Lock()

    def _add(self, updates: list[AggregateUpdate]) -> None:
        for update in updates:
            item = self.aggregate_items.setdefault((update.pk, update.sk), {})
            for name, value in update.add.items():
                item[name] = item.get(name, Decimal(0)) + value

    def create(self, workflow: Workflow, *, activity: ActivityEntry | None = None) -> None:
        with self._lock:
            if workflow.id in self.workflows:
                raise ConditionFailed(workflow.id)
            added = aggregate_changes(None, workflow)
            self.workflows[workflow.id] = workflow.model_copy(deep=True, update={"steps": []})
            self._add(added)
            if activity is not None:  # written with the record, as the DynamoDB adapter does
                assert self.activity is not None, "MemoryPorts links the activity records"
                self.activity.append(activity)

    def get(self, workflow_id: str) -> Workflow | None:
        found = self.workflows.get(workflow_id)
        return found.model_copy(deep=True) if found else None

    def update(
        self,
        workflow_id: str,
        mutate: Mutation,
        *,
        expected_version: int | None = None,
        steps: StepChanges | None = None,
        read: Workflow | None = None,
    ) -> Workflow:
        with self._lock:
            current = self.get(workflow_id)
            if current is None:
                raise NotFound(workflow_id)
            if expected_version is not None and current.version != expected_version:
                raise ConditionFailed(f"at version {current.version}")
            updated = current.model_copy(deep=True)
            mutate(updated)
            changed = list(steps(updated)) if steps is not None else []
            made = record_change(current, updated, changed)
            self._add(aggregate_changes(current, updated))
            self.workflows[workflow_id] = updated.model_copy(deep=True)
            for step in changed:
                self.steps.setdefault(workflow_id, {})[step.step_number] = step.model_copy(deep=True)
            self.events.setdefault(workflow_id, []).extend(made)
        if made and self.on_events is not None:
            self.on_events(updated, made)
        return updated

    def events_after(self, workflow_id: str, seq: int, *, through: int | None = None) -> list[Event]:
        return [
            e
            for e in self.events.get(workflow_id, [])
            if e.seq > seq and (through is None or e.seq <= through)
        ]

    def phase_times(self, user_id: str) -> dict[OrchestratorPhase, tuple[float, int]]:
        return dict(self.phase_totals.get(user_id, {}))

    def add_phase_times(self, user_id: str, durations: Mapping[OrchestratorPhase, float]) -> None:
        with self._lock:
            totals = self.phase_totals.setdefault(user_id, {})
            for phase, seconds in durations.items():
                total, count = totals.get(phase, (0.0, 0))
                totals[phase] = (total + seconds, count + 1)

    def aggregate(self, pk: str, sk: str) -> dict[str, Decimal]:
        item = self.aggregate_items.get((pk, sk))
        self.aggregate_reads += item is not None
        return dict(item or {})

    def aggregates(self, pk: str, first_sk: str, last_sk: str) -> list[tuple[str, dict[str, Decimal]]]:
        found = sorted(
            (sk, dict(item))
            for (item_pk, sk), item in self.aggregate_items.items()
            if item_pk == pk and first_sk <= sk <= last_sk
        )
        self.aggregate_reads += len(found)
        return found

    def open_workflow_ids(self, created_before: str) -> Iterator[str]:
        opened = sorted(
            (w.model_dump(mode="json")["createdAt"], w.id)
            for w in self.workflows.values()
            if w.status not in FINISHED_STATUSES
        )
        return iter([workflow_id for created, workflow_id in opened if created < created_before])

    def delete_with_history(self, workflow_id: str, *, version: int) -> None:
        with self._lock:
            current = self.workflows.get(workflow_id)
            if current is None or current.version != version or current.status not in FINISHED_STATUSES:
                raise ConditionFailed(workflow_id)
            self._add(aggregate_updates(current, None))
            del self.workflows[workflow_id]
            self.steps.pop(workflow_id, None)
            self.events.pop(workflow_id, None)

    def _mine(self, user_id: str, statuses: Iterable[WorkflowStatus] | None) -> list[Workflow]:
        wanted = set(statuses) if statuses is not None else None
        found = [
            w.model_copy(deep=True)
            for w in self.workflows.values()
            if w.user_id == user_id and (wanted is None or w.status in wanted)
        ]
        return sorted(found, key=_sort_key, reverse=True)

    def list_for_user(
        self,
        user_id: str,
        *,
        statuses: Iterable[WorkflowStatus] | None,
        limit: int,
        cursor: str | None,
    ) -> tuple[list[Workflow], str | None]:
        found = [w for w in self._mine(user_id, statuses) if cursor is None or _sort_key(w) < cursor]
        page = found[:limit]
        return page, (_sort_key(page[-1]) if len(found) > limit else None)

    def newest_for_user(
        self, user_id: str, *, statuses: Iterable[WorkflowStatus] | None, before: str | None, page: int
    ) -> Iterator[Workflow]:
        yield from (w for w in self._mine(user_id, statuses) if before is None or _sort_key(w) < before)

    def newest_for_org(
        self, org_id: str, *, statuses: Iterable[WorkflowStatus] | None, before: str | None, page: int
    ) -> Iterator[Workflow]:
        from chalicelib.core.tenancy import is_personal_org

        wanted = set(statuses) if statuses is not None else None
        found = [
            w.model_copy(deep=True)
            for w in list(self.workflows.values())
            if w.org_id == org_id
            and not is_personal_org(org_id)
            and (wanted is None or w.status in wanted)
            and (before is None or _sort_key(w) < before)
        ]
        yield from sorted(found, key=_sort_key, reverse=True)

    def count_by_status(self, user_id: str, status: WorkflowStatus) -> int:
        return len(self._mine(user_id, [status]))

    def iter_by_status(self, user_id: str, status: WorkflowStatus) -> Iterator[Workflow]:
        yield from self._mine(user_id, [status])

    def get_step(self, workflow_id: str, step_number: int) -> WorkflowStep | None:
        step = self.steps.get(workflow_id, {}).get(step_number)
        return step.model_copy(deep=True) if step else None

    def list_steps(self, workflow_id: str) -> list[WorkflowStep]:
        return [s.model_copy(deep=True) for _, s in sorted(self.steps.get(workflow_id, {}).items())]

    def failing_running_steps(self, message: str) -> StepChanges:
        def failed(workflow: Workflow) -> list[WorkflowStep]:
            now = utc_now()
            return [
                step.model_copy(
                    update={"status": StepStatus.FAILED, "completed_at": now, "error_message": message}
                )
                for step in self.steps.get(workflow.id, {}).values()
                if step.status is StepStatus.IN_PROGRESS
            ]

        return failed


class MemoryOrganisationRecords:
    """`OrganisationRecords` in memory: each conditional write checks and writes under one lock,
    as a DynamoDB transaction does."""

    def __init__(self) -> None:
        self.orgs: dict[str, Organisation] = {}
        self.members_: dict[str, Member] = {}
        self.invitations_: dict[str, tuple[Invitation, str | None]] = {}
        self.certifications: dict[str, Certification] = {}
        self._lock = threading.Lock()

    def create(self, organisation: Organisation, owner: Member) -> None:
        with self._lock:
            if organisation.id in self.orgs or owner.user_id in self.members_:
                raise ConditionFailed(owner.user_id)
            self.orgs[organisation.id] = organisation.model_copy(update={"owner_count": 1})
            self.members_[owner.user_id] = owner

    def get(self, org_id: str) -> Organisation | None:
        return self.orgs.get(org_id)

    def rename(self, org_id: str, name: str, at: str) -> Organisation:
        from datetime import datetime

        with self._lock:
            if org_id not in self.orgs:
                raise NotFound(org_id)
            renamed = self.orgs[org_id].model_copy(
                update={"name": name, "updated_at": datetime.fromisoformat(at)}
            )
            self.orgs[org_id] = renamed
            return renamed

    def member(self, user_id: str) -> Member | None:
        return self.members_.get(user_id)

    def members(self, org_id: str) -> list[Member]:
        return sorted((m for m in self.members_.values() if m.org_id == org_id), key=lambda m: m.joined_at)

    def _still(self, member: Member) -> None:
        now = self.members_.get(member.user_id)
        if now is None or now.org_id != member.org_id or now.role is not member.role:
            raise ConditionFailed(member.user_id)

    def _owners(self, org_id: str, delta: int) -> None:
        org = self.orgs.get(org_id)
        if org is None or (delta < 0 and org.owner_count <= 1):
            raise ConditionFailed(org_id)
        self.orgs[org_id] = org.model_copy(update={"owner_count": org.owner_count + delta})

    def change_role(self, member: Member, role: str) -> None:
        with self._lock:
            self._still(member)
            was_owner, is_owner = member.role is Role.OWNER, role == Role.OWNER.value
            if was_owner != is_owner:
                self._owners(member.org_id, 1 if is_owner else -1)
            self.members_[member.user_id] = member.model_copy(update={"role": Role(role)})

    def remove(self, member: Member) -> None:
        with self._lock:
            self._still(member)
            if member.role is Role.OWNER:
                self._owners(member.org_id, -1)
            del self.members_[member.user_id]

    def put_invitation(self, invitation: Invitation, code_hash: str | None) -> None:
        with self._lock:
            if invitation.id in self.invitations_:
                raise ConditionFailed(invitation.id)
            self.invitations_[invitation.id] = (invitation, code_hash)

    def invitation(self, invitation_id: str) -> tuple[Invitation, str | None] | None:
        return self.invitations_.get(invitation_id)

    def invitations(self, org_id: str) -> list[Invitation]:
        found = [i for i, _ in self.invitations_.values() if i.org_id == org_id]
        return sorted(found, key=lambda i: i.created_at, reverse=True)

    def invitations_for(self, user_id: str) -> list[Invitation]:
        found = [i for i, _ in self.invitations_.values() if i.user_id == user_id]
        return sorted(found, key=lambda i: i.created_at, reverse=True)

    def _respond(self, invitation: Invitation, status: str, by: str, at: str) -> None:
        from datetime import datetime

        current, code_hash = self.invitations_[invitation.id]
        if current.status is not InvitationStatus.PENDING:
            raise ConditionFailed(invitation.id)
        responded = current.model_copy(
            update={
                "status": InvitationStatus(status),
                "responded_by": by,
                "responded_at": datetime.fromisoformat(at),
            }
        )
        self.invitations_[invitation.id] = (responded, code_hash)

    def accept(self, invitation: Invitation, member: Member, at: str) -> None:
        from datetime import datetime

        with self._lock:
            current, _ = self.invitations_[invitation.id]
            if (
                current.expires_at <= datetime.fromisoformat(at)
                or member.user_id in self.members_
                or invitation.org_id not in self.orgs
            ):
                raise ConditionFailed(invitation.id)
            self._respond(invitation, "ACCEPTED", member.user_id, at)
            self.members_[member.user_id] = member

    def settle(self, invitation: Invitation, status: str, by: str, at: str) -> None:
        with self._lock:
            self._respond(invitation, status, by, at)

    def certification(self, user_id: str) -> Certification | None:
        return self.certifications.get(user_id)

    def put_certification(self, certification: Certification) -> None:
        self.certifications[certification.user_id] = certification


class MemoryShareRecords:
    def __init__(self, workflows: MemoryWorkflowRecords) -> None:
        self._workflows = workflows
        self.shares: dict[tuple[str, str], Share] = {}

    def _live(self) -> list[Share]:
        # Deleting a workflow deletes its partition, shares included.
        return [s for s in list(self.shares.values()) if s.workflow_id in self._workflows.workflows]

    def put(self, share: Share) -> None:
        if share.workflow_id not in self._workflows.workflows:
            raise NotFound(share.workflow_id)
        self.shares[(share.workflow_id, share.user_id)] = share

    def get(self, workflow_id: str, user_id: str) -> Share | None:
        found = self.shares.get((workflow_id, user_id))
        return found if found is not None and workflow_id in self._workflows.workflows else None

    def for_workflow(self, workflow_id: str) -> list[Share]:
        return [s for s in self._live() if s.workflow_id == workflow_id]

    def remove(self, workflow_id: str, user_id: str) -> bool:
        return self.shares.pop((workflow_id, user_id), None) is not None

    def newest_shared_with(self, user_id: str, *, before: str | None, page: int) -> Iterator[Share]:
        found = [
            s
            for s in self._live()
            if s.user_id == user_id and (before is None or s.workflow_sort_key < before)
        ]
        yield from sorted(found, key=lambda s: s.workflow_sort_key, reverse=True)


class MemoryActivityRecords:
    def __init__(self, workflows: MemoryWorkflowRecords) -> None:
        self._workflows = workflows
        self.entries: dict[str, list[ActivityEntry]] = {}

    def append(self, entry: ActivityEntry) -> None:
        self.entries.setdefault(entry.workflow_id, []).append(entry)

    def list_for_workflow(
        self, workflow_id: str, *, limit: int, before: str | None
    ) -> tuple[list[ActivityEntry], str | None]:
        if workflow_id not in self._workflows.workflows:
            return [], None  # deleted with its workflow
        found = sorted(self.entries.get(workflow_id, []), key=lambda e: e.id, reverse=True)
        found = [e for e in found if before is None or f"ACTIVITY#{e.id}" < before]
        page = found[:limit]
        return page, (f"ACTIVITY#{page[-1].id}" if len(found) > limit else None)


class MemoryApiKeyRecords:
    def __init__(self) -> None:
        self.keys: dict[str, tuple[ApiKey, str]] = {}

    def put(self, key: ApiKey, secret_hash: str) -> None:
        if key.id in self.keys:
            raise ConditionFailed(key.id)
        self.keys[key.id] = (key.model_copy(), secret_hash)

    def get(self, key_id: str) -> tuple[ApiKey, str] | None:
        found = self.keys.get(key_id)
        return (found[0].model_copy(), found[1]) if found else None

    def list_for_user(self, user_id: str) -> list[ApiKey]:
        mine = [k for k, _ in self.keys.values() if k.user_id == user_id]
        return sorted(mine, key=lambda k: k.created_at, reverse=True)

    def revoke(self, key_id: str, user_id: str, at: str) -> None:
        found = self.keys.get(key_id)
        if found is None or found[0].user_id != user_id or found[0].revoked_at is not None:
            raise ConditionFailed(key_id)
        self.keys[key_id] = (found[0].model_copy(update={"revoked_at": at}), found[1])

    def touch(self, key_id: str, at: str, not_since: str) -> bool:
        found = self.keys.get(key_id)
        if found is None:
            return False
        last = found[0].last_used_at
        if last is not None and iso(last) >= not_since:
            return False
        self.keys[key_id] = (found[0].model_copy(update={"last_used_at": at}), found[1])
        return True


class MemoryPhotoRecords:
    def __init__(self) -> None:
        self.photos: dict[tuple[str, str], Photo] = {}
        self._lock = threading.Lock()

    def create(self, photo: Photo) -> None:
        with self._lock:
            if (photo.workflow_id, photo.id) in self.photos:
                raise ConditionFailed(photo.id)
            self.photos[(photo.workflow_id, photo.id)] = photo.model_copy(deep=True)

    def get(self, workflow_id: str, photo_id: str) -> Photo | None:
        found = self.photos.get((workflow_id, photo_id))
        return found.model_copy(deep=True) if found else None

    def list_for_workflow(self, workflow_id: str) -> list[Photo]:
        mine = [p for (wf, _), p in self.photos.items() if wf == workflow_id]
        return [p.model_copy(deep=True) for p in sorted(mine, key=lambda p: (p.created_at, p.id))]

    def settle(self, photo: Photo) -> None:
        with self._lock:
            current = self.photos.get((photo.workflow_id, photo.id))
            if current is None or current.status is not PhotoStatus.PENDING:
                raise ConditionFailed(photo.id)
            self.photos[(photo.workflow_id, photo.id)] = photo.model_copy(deep=True)


class MemoryUserSettings:
    def __init__(self) -> None:
        self.settings: dict[str, UserSettings] = {}
        self.organisations: MemoryOrganisationRecords | None = None  # set by MemoryPorts
        self.reads = 0  # one per read of the store, a batch counting once

    def get(self, user_id: str) -> UserSettings | None:
        self.reads += 1
        return self.settings.get(user_id)

    def get_with_member(self, user_id: str) -> tuple[UserSettings | None, Member | None]:
        assert self.organisations is not None, "MemoryPorts links the organisations"
        self.reads += 1
        return self.settings.get(user_id), self.organisations.member(user_id)

    def put(self, user_id: str, settings: UserSettings) -> None:
        self.settings[user_id] = settings


class MemoryTemplateRecords:
    """Versions are kept once (a second put of one is ConditionFailed); heads move forward only."""

    def __init__(self) -> None:
        self.heads: dict[str, TemplateHead] = {}
        self.versions: dict[tuple[str, int], ReportTemplate] = {}
        self.by_org: dict[str, set[str]] = {}

    def get_head(self, template_id: str) -> TemplateHead | None:
        head = self.heads.get(template_id)
        return head.model_copy(deep=True) if head else None

    def get_version(self, template_id: str, version: int) -> ReportTemplate | None:
        found = self.versions.get((template_id, version))
        return found.model_copy(deep=True) if found else None

    def latest_version(self, template_id: str) -> int:
        return max((number for tid, number in self.versions if tid == template_id), default=0)

    def add_version(self, template: ReportTemplate, head: TemplateHead) -> None:
        if (template.id, template.version) in self.versions:
            raise ConditionFailed(f"{template.id} v{template.version}")
        self.versions[(template.id, template.version)] = template.model_copy(deep=True)
        current = self.heads.get(head.id)
        if current is None:
            self.heads[head.id] = head.model_copy(deep=True)
        elif current.latest_version < head.latest_version:
            self.heads[head.id] = current.model_copy(
                update={
                    "latest_version": head.latest_version,
                    "name": head.name,
                    "loss_types": head.loss_types,
                    "updated_at": head.updated_at,
                }
            )
        if head.org_id is not None:
            self.by_org.setdefault(head.org_id, set()).add(head.id)

    def retire(self, template_id: str) -> None:
        self.heads[template_id] = self.heads[template_id].model_copy(update={"retired": True})

    def share(self, template_id: str, org_id: str) -> None:
        head = self.heads[template_id]
        shared = sorted({*head.shared_with, org_id})
        self.heads[template_id] = head.model_copy(update={"shared_with": shared})
        self.by_org.setdefault(org_id, set()).add(template_id)

    def unshare(self, template_id: str, org_id: str) -> bool:
        head = self.heads[template_id]
        shared = org_id in head.shared_with
        kept = [org for org in head.shared_with if org != org_id]
        self.heads[template_id] = head.model_copy(update={"shared_with": kept})
        if head.org_id != org_id:
            self.by_org.get(org_id, set()).discard(template_id)
        return shared

    def list_for_org(self, org_id: str) -> list[TemplateHead]:
        return [
            self.heads[template_id].model_copy(deep=True)
            for template_id in sorted(self.by_org.get(org_id, ()))
        ]


class MemoryAuditLog:
    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], AuditEntry] = {}

    def append(self, entry: AuditEntry) -> None:
        self.entries.setdefault((entry.user_id, entry.id), entry)

    def list_for_user(
        self, user_id: str, *, limit: int, cursor: str | None
    ) -> tuple[list[AuditEntry], str | None]:
        mine = sorted(
            (e for (u, i), e in self.entries.items() if u == user_id), key=lambda e: e.id, reverse=True
        )
        mine = [e for e in mine if cursor is None or e.id < cursor]
        page = mine[:limit]
        return page, (page[-1].id if len(mine) > limit else None)


class MemoryRateBuckets:
    def __init__(self) -> None:
        self.buckets: dict[str, RateBucket] = {}

    def get(self, key: str) -> RateBucket | None:
        return self.buckets.get(key)

    def take_token(self, key: str, refilled_since_ms: int) -> TokenTaken:
        bucket = self.buckets.get(key)
        if bucket is None or bucket.tokens < 1 or bucket.refilled_at_ms < refilled_since_ms:
            return TokenTaken(False, bucket)
        self.buckets[key] = RateBucket(bucket.tokens - 1, bucket.refilled_at_ms, bucket.version + 1)
        return TokenTaken(True)

    def put(
        self, key: str, tokens: float, now_ms: int, *, previous: RateBucket | None, expires_at: int
    ) -> None:
        if self.buckets.get(key) != previous:
            raise ConditionFailed(key)
        self.buckets[key] = RateBucket(round(tokens, 6), now_ms, (previous.version if previous else 0) + 1)


class MemoryBlobs:
    def __init__(self) -> None:
        self.documents: dict[str, tuple[bytes, str]] = {}
        self.tags: dict[str, dict[str, str]] = {}

    def put_text(self, key: str, text: str, content_type: str = "text/plain; charset=utf-8") -> None:
        self.put_bytes(key, utf8(text), content_type)

    def put_bytes(self, key: str, data: bytes, content_type: str) -> None:
        self.documents[key] = (bytes(data), content_type)

    def put_json(self, key: str, document: Any) -> None:
        self.put_text(key, json_text(document, indent=2), "application/json")

    def get_text(self, key: str) -> str:
        return self.get_bytes(key).decode("utf-8")

    def get_json(self, key: str) -> Any:
        return json.loads(self.get_text(key))

    def get_bytes(self, key: str, version_id: str | None = None) -> bytes:
        # One version per key here: a named version is the current one.
        if key not in self.documents:
            raise NotFound(key)
        return self.documents[key][0]

    def delete_version(self, key: str, version_id: str) -> None:
        self.documents.pop(key, None)

    def delete_prefix(self, prefix: str) -> int:
        doomed = [k for k in self.documents if k.startswith(prefix)]
        for key in doomed:
            del self.documents[key]
        return len(doomed)

    def tags_of(self, key: str, version_id: str | None = None) -> dict[str, str]:
        return dict(self.tags.get(key, {}))

    def size_of(self, key: str, version_id: str | None = None) -> int | None:
        found = self.documents.get(key)
        return len(found[0]) if found else None

    def upload_form(self, key: str, content_type: str, max_bytes: int, expires_in: int) -> dict[str, Any]:
        fields = {"key": key, "Content-Type": content_type}
        return {"url": "memory://uploads", "fields": fields, "expiresIn": expires_in}

    def download_url(self, key: str, expires_in: int, file_name: str) -> str:
        return f"memory://{key}?filename={file_name}&expires={expires_in}"


@dataclass
class MemoryEngine:
    """Records what the domain asked of the engine; runs nothing."""

    started: list[dict[str, Any]] = field(default_factory=list)
    stopped: list[str] = field(default_factory=list)
    resumed: list[str] = field(default_factory=list)
    abandoned: list[str] = field(default_factory=list)

    def start(
        self,
        workflow_id: str,
        user_id: str,
        *,
        execution_name: str | None = None,
        resume_from: str | None = None,
        attempt: int = 1,
        extra: Mapping[str, Any] | None = None,
    ) -> str:
        name = execution_name or workflow_id
        if all(s["name"] != name for s in self.started):  # a second start is a no-op
            self.started.append(
                {
                    "name": name,
                    "workflowId": workflow_id,
                    "userId": user_id,
                    "resumeFrom": resume_from,
                    "attempt": attempt,
                }
            )
        return f"memory:execution:{name}"

    def stop(self, execution_name: str, cause: str) -> None:
        self.stopped.append(execution_name)

    # Execution name -> status; a started one is RUNNING until a test says otherwise.
    statuses: dict[str, str] = field(default_factory=dict)
    # Tokens whose task is over: resume raises TaskGone for them.
    gone_tokens: set[str] = field(default_factory=set)

    def resume(self, task_token: str) -> None:
        if task_token in self.gone_tokens:
            raise TaskGone(task_token)
        self.resumed.append(task_token)

    def describe(self, execution_name: str) -> str | None:
        if execution_name in self.statuses:
            return self.statuses[execution_name]
        return "RUNNING" if any(s["name"] == execution_name for s in self.started) else None

    def abandon(self, task_token: str, cause: str) -> None:
        self.abandoned.append(task_token)


class MemoryConnections:
    def __init__(self, workflows: MemoryWorkflowRecords) -> None:
        self.connections: dict[str, Connection] = {}
        self.subscriptions_: dict[tuple[str, str], Subscription] = {}
        self._workflows = workflows  # go_live checks the workflow's newest event
        self._lock = threading.Lock()

    def add_connection(
        self,
        connection_id: str,
        user_id: str,
        connected_at: str,
        *,
        api_key_id: str | None = None,
        credential_expires_at: int | None = None,
    ) -> None:
        self.connections[connection_id] = Connection(
            connection_id, user_id, frozenset(), api_key_id, credential_expires_at
        )

    def connections_of_key(self, api_key_id: str) -> list[str]:
        return [c.connection_id for c in self.connections.values() if c.api_key_id == api_key_id]

    def expired_connections(self, now: int, limit: int) -> list[str]:
        expired = sorted(
            (c.credential_expires_at, c.connection_id)
            for c in self.connections.values()
            if c.credential_expires_at is not None and c.credential_expires_at <= now
        )
        return [connection_id for _, connection_id in expired[:limit]]

    def get_connection(self, connection_id: str) -> Connection | None:
        return self.connections.get(connection_id)

    def remove_connection(self, connection_id: str) -> None:
        connection = self.connections.pop(connection_id, None)
        for workflow_id in connection.channels if connection else ():
            self.subscriptions_.pop((workflow_id, connection_id), None)

    def remove_connections(self, connection_ids: Sequence[str]) -> None:
        for connection_id in connection_ids:
            self.remove_connection(connection_id)

    def subscribe(
        self, workflow_id: str, connection: Connection, after_seq: int, replaying_until: int
    ) -> bool:
        with self._lock:
            held = self.subscriptions_.get((workflow_id, connection.connection_id))
            if held is not None and (held.replaying_until or 0) >= _now_ms():
                return False
            self.subscriptions_[(workflow_id, connection.connection_id)] = Subscription(
                workflow_id,
                connection.connection_id,
                connection.user_id,
                after_seq,
                replaying_until,
                connection.credential_expires_at,
            )
            current = self.connections[connection.connection_id]
            self.connections[connection.connection_id] = replace(
                current, channels=current.channels | {workflow_id}
            )
            return True

    def go_live(self, workflow_id: str, connection: Connection, after_seq: int, replaying_until: int) -> bool:
        with self._lock:
            workflow = self._workflows.get(workflow_id)
            held = self.subscriptions_.get((workflow_id, connection.connection_id))
            if workflow is None or workflow.last_event_seq != after_seq:
                return False
            if held is None or held.replaying_until != replaying_until:
                return False
            self.subscriptions_[(workflow_id, connection.connection_id)] = replace(
                held, live_after=after_seq, replaying_until=None
            )
            return True

    def holds(self, workflow_id: str, connection_id: str, replaying_until: int) -> bool:
        held = self.subscriptions_.get((workflow_id, connection_id))
        return held is not None and held.replaying_until == replaying_until

    def activate(self, workflow_id: str, connection: Connection, replaying_until: int) -> bool:
        with self._lock:
            held = self.subscriptions_.get((workflow_id, connection.connection_id))
            if held is None or held.replaying_until != replaying_until:
                return False
            self.subscriptions_[(workflow_id, connection.connection_id)] = replace(
                held, live_after=0, replaying_until=None
            )
            return True

    def connections_of_user(self, user_id: str) -> list[Connection]:
        return sorted(
            (c for c in list(self.connections.values()) if c.user_id == user_id),
            key=lambda c: c.connection_id,
        )

    def unsubscribe(self, workflow_id: str, connection_id: str) -> bool:
        with self._lock:
            held = self.subscriptions_.pop((workflow_id, connection_id), None)
            current = self.connections.get(connection_id)
            if current is not None:
                self.connections[connection_id] = replace(current, channels=current.channels - {workflow_id})
            return held is not None

    def subscriptions(self, workflow_id: str) -> list[Subscription]:
        return [s for (wf, _), s in list(self.subscriptions_.items()) if wf == workflow_id]


def _now_ms() -> int:
    import time

    return int(time.time() * 1000)


@dataclass
class MemoryPusher:
    """What each connection was sent, in order; `gone` connections raise ConnectionGone."""

    sent: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    gone: set[str] = field(default_factory=set)

    def send(self, connection_id: str, message: dict[str, Any]) -> None:
        if connection_id in self.gone:
            raise ConnectionGone(connection_id)
        self.sent.setdefault(connection_id, []).append(json.loads(json.dumps(message)))

    def disconnect(self, connection_id: str) -> None:
        self.gone.add(connection_id)


class MemoryClaudeKey:
    """`ApiKeySource` from the settings, as without a secret; a test sets `unavailable` to make
    reading a configured secret fail."""

    def __init__(self) -> None:
        self.unavailable: str | None = None
        self.reads = 0

    def api_key(self) -> str | None:
        from chalicelib.core.ports import SecretUnavailableError
        from chalicelib.settings import get_settings

        self.reads += 1
        if self.unavailable is not None:
            raise SecretUnavailableError(self.unavailable)
        return get_settings().anthropic_api_key or None


class MemoryOcr:
    """`Ocr` in memory: every page of every file reads as `pages` says (page -> lines with their
    confidence); a PDF job answers "still running" to its first `pending_polls` polls."""

    def __init__(
        self, pages: Mapping[int, list[tuple[str, float]]] | None = None, pending_polls: int = 0
    ) -> None:
        self.pages = dict(pages or {})
        self.pending_polls = pending_polls
        self.started: list[tuple[str, str | None, tuple[int, ...]]] = []
        self.polls = 0
        self.images: list[bytes] = []

    def _result(self, numbers: Iterable[int]) -> Any:
        from chalicelib.core.ports import OcrLine, OcrPage, OcrResult

        read = []
        for number in numbers:
            lines = tuple(OcrLine(text, confidence) for text, confidence in self.pages.get(number, []))
            mean = round(sum(line.confidence for line in lines) / len(lines), 1) if lines else 0.0
            read.append(OcrPage(page=number, lines=lines, confidence=mean))
        return OcrResult(engine="memory", pages=tuple(read), pages_billed=len(read))

    def read_image(self, image: bytes) -> Any:
        self.images.append(image)
        return self._result([1])

    def start_pdf(self, key: str, version_id: str | None, pages: Iterable[int]) -> str:
        self.started.append((key, version_id, tuple(pages)))
        return f"job-{len(self.started)}"

    def pdf_result(self, job_id: str) -> Any:
        self.polls += 1
        if self.polls <= self.pending_polls:
            return None
        return self._result(self.started[int(job_id.removeprefix("job-")) - 1][2])


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
        self.photos = MemoryPhotoRecords()
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
