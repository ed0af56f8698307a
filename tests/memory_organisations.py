"""Organisations (members, invitations, certifications) and workflow shares in memory, keeping the
conditions their DynamoDB adapters write with.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from chalicelib.core.org_models import (
    Certification,
    Invitation,
    InvitationStatus,
    Member,
    Organisation,
    Share,
)
from chalicelib.core.ports import ConditionFailed, NotFound
from chalicelib.core.tenancy import Role
from tests.memory_workflows import MemoryWorkflowRecords


def _newest_first(invitations: list[Invitation]) -> list[Invitation]:
    # As the adapter's indexes sort them, backwards: by when they were made, then by id.
    return sorted(invitations, key=lambda i: (i.created_at, i.id), reverse=True)


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
        # As the adapter's index sorts them: by when they joined, then by user id.
        found = (m for m in self.members_.values() if m.org_id == org_id)
        return sorted(found, key=lambda m: (m.joined_at, m.user_id))

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
        return _newest_first(found)

    def invitations_for(self, user_id: str) -> list[Invitation]:
        found = [i for i, _ in self.invitations_.values() if i.user_id == user_id]
        return _newest_first(found)

    def _respond(self, invitation: Invitation, status: str, by: str, at: str) -> None:
        from datetime import datetime

        if invitation.id not in self.invitations_:  # the adapter's condition fails on no item
            raise ConditionFailed(invitation.id)
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
            if invitation.id not in self.invitations_:
                raise ConditionFailed(invitation.id)
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
