"""Whose account a user works in, and with what role.

A restoration company is an organisation of members with roles (#22). Until a user joins one,
they work in their own personal account, where they are the owner. Everything that belongs to
an account rather than to one person (templates, webhooks, analytics, a workflow's `orgId`) is
keyed by `Membership.org_id`; who may do what with it is decided by the policy module from the
role. This module is the one seam between those features and the organisations themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chalicelib.core.models import UserSettings
    from chalicelib.core.org_models import Member
    from chalicelib.core.ports import Ports

PERSONAL_PREFIX = "personal-"


class Role(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    ESTIMATOR = "estimator"
    TECHNICIAN = "technician"
    VIEWER = "viewer"


# Who may change what the whole account shares (templates, webhooks, members).
ADMIN_ROLES = frozenset({Role.OWNER, Role.MANAGER})


@dataclass(frozen=True)
class Membership:
    user_id: str
    org_id: str
    role: Role

    @property
    def is_admin(self) -> bool:
        return self.role in ADMIN_ROLES

    @property
    def is_personal(self) -> bool:
        return self.org_id == personal_org_id(self.user_id)


def personal_org_id(user_id: str) -> str:
    return f"{PERSONAL_PREFIX}{user_id}"


def is_personal_org(org_id: str | None) -> bool:
    return org_id is None or org_id.startswith(PERSONAL_PREFIX)


def personal_membership(user_id: str) -> Membership:
    return Membership(user_id=user_id, org_id=personal_org_id(user_id), role=Role.OWNER)


def membership_of(ports: Ports, user_id: str) -> Membership:
    """The account the user works in now: their organisation (one at a time), with their role
    in it; without one, their own personal account, as its owner. One strongly consistent read."""
    return _membership(user_id, ports.organisations.member(user_id))


def membership_and_settings(ports: Ports, user_id: str) -> tuple[Membership, UserSettings]:
    """`membership_of` and the user's settings (defaults when they have none), in one read."""
    from chalicelib.core.models import UserSettings  # (models imports this module's Role)

    settings, member = ports.user_settings.get_with_member(user_id)
    return _membership(user_id, member), settings or UserSettings()


def _membership(user_id: str, member: Member | None) -> Membership:
    if member is None:
        return personal_membership(user_id)
    return Membership(user_id=user_id, org_id=member.org_id, role=member.role)
