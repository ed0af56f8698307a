"""The contracts of organisations (#22): the organisation, a membership, an invitation, a
person's certification on file, a workflow's collaborator; and the requests that change them.

Apart from `models` (already near its size limit); the roles themselves are `tenancy.Role`.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, StringConstraints, model_validator

from chalicelib.core.api_model import RequestModel
from chalicelib.core.audit_models import AuditAction
from chalicelib.core.models import TimestampedModel
from chalicelib.core.tenancy import Role

ORG_ID_PATTERN = re.compile(r"^org_[0-9a-f]{32}$")
INVITATION_ID_PATTERN = re.compile(r"^inv_[0-9a-f]{32}$")
# A user id as the credentials carry it (a Cognito `sub`, a development token's user).
USER_ID_PATTERN = re.compile(r"^[A-Za-z0-9_.@:+-]{1,128}$")

OrgName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=120)]
UserId = Annotated[str, StringConstraints(pattern=USER_ID_PATTERN.pattern)]
Email = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, to_lower=True, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
    ),
]
CertificationNumber = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}$")
]


def new_org_id() -> str:
    return f"org_{uuid.uuid4().hex}"


def new_invitation_id() -> str:
    return f"inv_{uuid.uuid4().hex}"


class Organisation(TimestampedModel):
    id: str
    name: str
    created_by: str
    created_at: datetime
    updated_at: datetime
    # Kept with the organisation so that "never remove the last owner" is one condition on one
    # item, which two owners demoting each other at once cannot both pass.
    owner_count: int = 1


class Member(TimestampedModel):
    """A user's membership: one organisation per user at a time (docs/adr: organisations)."""

    user_id: str
    org_id: str
    role: Role
    joined_at: datetime
    invited_by: str | None = None


class InvitationStatus(StrEnum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"
    REVOKED = "REVOKED"


class Invitation(TimestampedModel):
    id: str
    org_id: str
    role: Role
    # Exactly one of the two: a known user, or an email address (accepted with the code
    # answered once to whoever invited, which they send on).
    user_id: str | None = None
    email: str | None = None
    invited_by: str
    created_at: datetime
    expires_at: datetime
    status: InvitationStatus = InvitationStatus.PENDING
    responded_at: datetime | None = None
    responded_by: str | None = None


class InvitationForYou(Invitation):
    """An invitation as its invitee lists it: with the organisation's name, which they cannot read
    otherwise (they are not a member yet)."""

    organisation_name: str | None = Field(
        default=None,
        description="The organisation's name as it is now (it may have been renamed since the invitation)",
    )


class CertificationCategory(StrEnum):
    """IICRC certifications a restoration report is signed under."""

    WRT = "WRT"  # Water Damage Restoration Technician
    ASD = "ASD"  # Applied Structural Drying
    AMRT = "AMRT"  # Applied Microbial Remediation Technician
    FSRT = "FSRT"  # Fire and Smoke Restoration Technician
    CDS = "CDS"  # Commercial Drying Specialist


class Certification(TimestampedModel):
    """A person's certification on file: what a signature prints, and what signing requires."""

    user_id: str
    scheme: str = "IICRC"
    number: str
    categories: list[CertificationCategory]
    expires_on: date
    updated_by: str
    updated_at: datetime

    def is_current(self, today: date) -> bool:
        return self.expires_on >= today

    def printed(self) -> str:
        """As the signature block prints it, e.g. "IICRC WRT, ASD #123456 (expires 2027-06-30)"."""
        categories = ", ".join(self.categories)
        return f"{self.scheme} {categories} #{self.number} (expires {self.expires_on.isoformat()})"


class CollaboratorRole(StrEnum):
    """What a named person outside the organisation may do with one shared workflow."""

    VIEWER = "viewer"
    ESTIMATOR = "estimator"


class Collaborator(TimestampedModel):
    """A named person outside the organisation, and their role on one workflow."""

    workflow_id: str
    user_id: str
    role: CollaboratorRole
    shared_by: str
    shared_at: datetime


class Share(Collaborator):
    """A collaborator as stored."""

    # The workflow's listing sort key (`<createdAt>#<id>`): "shared with me" lists newest first.
    workflow_sort_key: str

    def view(self) -> dict[str, object]:
        return Collaborator.model_validate(self.model_dump(exclude={"workflow_sort_key"})).model_dump(
            mode="json"
        )


class ActivityEntry(TimestampedModel):
    """One entry of a workflow's activity feed (`core/activity.py`): who did what, when."""

    id: str
    workflow_id: str
    actor_id: str
    api_key_id: str | None = None
    action: AuditAction
    at: datetime
    text: str | None = None  # a comment's
    details: dict[str, Any] | None = None


# --- requests --------------------------------------------------------------------------------


class CreateOrganisationRequest(RequestModel):
    name: OrgName = Field(description="The company's name")


class RenameOrganisationRequest(RequestModel):
    name: OrgName


# Who may be invited as what: an owner is made by an owner, from a member (PATCH the member).
INVITABLE_ROLES = (Role.MANAGER, Role.ESTIMATOR, Role.TECHNICIAN, Role.VIEWER)


class CreateInvitationRequest(RequestModel):
    user_id: UserId | None = Field(default=None, description="Invite a user by their id")
    email: Email | None = Field(default=None, description="Or by email: the answer's `code` goes to them")
    role: Role

    @model_validator(mode="after")
    def _one_invitee(self) -> CreateInvitationRequest:
        if (self.user_id is None) == (self.email is None):
            raise ValueError("name the invitee by exactly one of userId and email")
        if self.role not in INVITABLE_ROLES:
            raise ValueError("an invitation's role is manager, estimator, technician or viewer")
        return self


class RespondToInvitationRequest(RequestModel):
    code: Annotated[str, StringConstraints(max_length=100)] | None = Field(
        default=None, description="An email invitation's code"
    )


class ChangeRoleRequest(RequestModel):
    role: Role


class CertificationRequest(RequestModel):
    scheme: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=20)] = "IICRC"
    number: CertificationNumber
    categories: list[CertificationCategory] = Field(min_length=1, max_length=5)
    expires_on: date


class ShareRequest(RequestModel):
    role: CollaboratorRole
