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


def membership_of(ports: Ports, user_id: str) -> Membership:
    """The account the user works in now. Without an organisation: their own, as its owner."""
    del ports  # organisations are looked up here once they exist
    return Membership(user_id=user_id, org_id=personal_org_id(user_id), role=Role.OWNER)
