"""What belongs to a user or an account, in memory: API keys, settings, report templates, the
audit log and the rate-limit buckets.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import TypeAdapter

from chalicelib.core.audit_models import AuditEntry
from chalicelib.core.models import ApiKey, UserSettings, iso
from chalicelib.core.org_models import Member
from chalicelib.core.ports import ConditionFailed, RateBucket, TokenTaken
from chalicelib.core.template_models import ReportTemplate, TemplateHead
from tests.memory_organisations import MemoryOrganisationRecords

# A time as the store is given it (an ISO string), read back as the record's datetime, as DynamoDB's
# adapter reads it: a model_copy(update=...) would keep the string.
_INSTANT = TypeAdapter(datetime)


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
        # (newest first, the id breaking a tie, as the adapter's index sorts "<createdAt>#<id>")
        return sorted(mine, key=lambda k: (k.created_at, k.id), reverse=True)

    def revoke(self, key_id: str, user_id: str, at: str) -> None:
        found = self.keys.get(key_id)
        if found is None or found[0].user_id != user_id or found[0].revoked_at is not None:
            raise ConditionFailed(key_id)
        self.keys[key_id] = (
            found[0].model_copy(update={"revoked_at": _INSTANT.validate_python(at)}),
            found[1],
        )

    def touch(self, key_id: str, at: str, not_since: str) -> bool:
        found = self.keys.get(key_id)
        if found is None:
            return False
        last = found[0].last_used_at
        if last is not None and iso(last) >= not_since:
            return False
        self.keys[key_id] = (
            found[0].model_copy(update={"last_used_at": _INSTANT.validate_python(at)}),
            found[1],
        )
        return True


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

    def _head(self, template_id: str) -> TemplateHead:
        # The adapter's updates are conditional on the head being there.
        if template_id not in self.heads:
            raise ConditionFailed(template_id)
        return self.heads[template_id]

    def retire(self, template_id: str) -> None:
        self.heads[template_id] = self._head(template_id).model_copy(update={"retired": True})

    def share(self, template_id: str, org_id: str) -> None:
        head = self._head(template_id)
        shared = sorted({*head.shared_with, org_id})
        self.heads[template_id] = head.model_copy(update={"shared_with": shared})
        self.by_org.setdefault(org_id, set()).add(template_id)

    def unshare(self, template_id: str, org_id: str) -> bool:
        head = self._head(template_id)
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
