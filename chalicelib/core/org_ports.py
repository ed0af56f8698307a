"""The organisations' ports: organisations with their members, invitations and certifications; the
workflows shared with people outside them; each workflow's activity feed. Kept apart from
ports.py so that each stays small; `Ports` names them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from chalicelib.core.org_models import ActivityEntry, Certification, Invitation, Member, Organisation, Share


class OrganisationRecords(Protocol):
    """Organisations, their members and invitations, and people's certifications on file.

    Every write that two people could race is conditional: ConditionFailed says the record was
    no longer as the caller read it (the domain reads again to say why)."""

    def create(self, organisation: Organisation, owner: Member) -> None:
        """The organisation and its first owner at once; ConditionFailed if the owner is a
        member of an organisation already."""
        ...

    def get(self, org_id: str) -> Organisation | None: ...

    def rename(self, org_id: str, name: str, at: str) -> Organisation:
        """NotFound if there is no such organisation."""
        ...

    def member(self, user_id: str) -> Member | None:
        """The user's membership (strongly consistent): None without an organisation."""
        ...

    def members(self, org_id: str) -> list[Member]: ...

    def change_role(self, member: Member, role: str) -> None:
        """Only if the member is still in that organisation with that role; an owner's demotion
        only if another owner remains (ConditionFailed otherwise)."""
        ...

    def remove(self, member: Member) -> None:
        """As `change_role`: never the last owner."""
        ...

    def put_invitation(self, invitation: Invitation, code_hash: str | None) -> None: ...

    def invitation(self, invitation_id: str) -> tuple[Invitation, str | None] | None:
        """The invitation and its code's hash (email invitations)."""
        ...

    def invitations(self, org_id: str) -> list[Invitation]: ...

    def invitations_for(self, user_id: str) -> list[Invitation]: ...

    def accept(self, invitation: Invitation, member: Member, at: str) -> None:
        """Single use: only a PENDING invitation not expired at `at`, only if the user is in no
        organisation and the organisation still exists, all at once (ConditionFailed otherwise)."""
        ...

    def settle(self, invitation: Invitation, status: str, by: str, at: str) -> None:
        """Decline or revoke a PENDING invitation (ConditionFailed if it is not pending)."""
        ...

    def certification(self, user_id: str) -> Certification | None: ...

    def put_certification(self, certification: Certification) -> None: ...


class ShareRecords(Protocol):
    """A workflow's collaborators outside its organisation, kept in the workflow's partition
    (deleted with it) and listed per collaborator newest workflow first."""

    def put(self, share: Share) -> None:
        """Create or replace; NotFound if the workflow is gone."""
        ...

    def get(self, workflow_id: str, user_id: str) -> Share | None: ...

    def for_workflow(self, workflow_id: str) -> list[Share]: ...

    def remove(self, workflow_id: str, user_id: str) -> bool:
        """True if there was such a share."""
        ...

    def newest_shared_with(self, user_id: str, *, before: str | None, page: int) -> Iterator[Share]: ...


class ActivityRecords(Protocol):
    """A workflow's activity feed, kept in its partition (deleted with it)."""

    def append(self, entry: ActivityEntry) -> None: ...

    def list_for_workflow(
        self, workflow_id: str, *, limit: int, before: str | None
    ) -> tuple[list[ActivityEntry], str | None]:
        """Newest first; the cursor is the last entry's sort key."""
        ...
