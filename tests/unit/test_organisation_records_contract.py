"""The memory double of the organisation store answers as the DynamoDB adapter does: the same calls
made on each (moto's DynamoDB behind the adapter) give the same organisations, members, owner
counts, invitations, certifications, order and refusals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from chalicelib.aws.organisation_records import DynamoOrganisationRecords
from chalicelib.core.models import iso
from chalicelib.core.org_models import (
    Certification,
    CertificationCategory,
    Invitation,
    InvitationStatus,
    Member,
    Organisation,
)
from chalicelib.core.org_ports import OrganisationRecords
from chalicelib.core.tenancy import Role
from tests.aws_answers import workflows_table
from tests.memory_organisations import MemoryOrganisationRecords
from tests.store_contract import assert_double_answers_as_adapter, outcome

pytestmark = pytest.mark.unit

START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
ORG = "org_0123456789abcdef"


@contextmanager
def _memory() -> Iterator[OrganisationRecords]:
    yield MemoryOrganisationRecords()


@contextmanager
def _dynamodb() -> Iterator[OrganisationRecords]:
    with workflows_table() as table:
        yield DynamoOrganisationRecords(table)


STORES: dict[str, Callable[[], AbstractContextManager[OrganisationRecords]]] = {
    "memory": _memory,
    "dynamodb": _dynamodb,
}


def _organisation(org_id: str = ORG) -> Organisation:
    return Organisation(
        id=org_id, name="Harbour Restorations", created_by="olive", created_at=START, updated_at=START
    )


def _member(user: str, role: Role, *, minutes: int, org_id: str = ORG) -> Member:
    return Member(
        user_id=user,
        org_id=org_id,
        role=role,
        joined_at=START + timedelta(minutes=minutes),
        invited_by="olive",
    )


def _invitation(n: int, *, user: str | None = None, minutes: int, org_id: str = ORG) -> Invitation:
    made = START + timedelta(minutes=minutes)
    return Invitation(
        id=f"inv_{n:016x}",
        org_id=org_id,
        role=Role.TECHNICIAN,
        user_id=user,
        email=None if user else f"tech{n}@example.com",
        invited_by="olive",
        created_at=made,
        expires_at=made + timedelta(days=7),
    )


def _transcript(store: OrganisationRecords) -> dict[str, Any]:
    said: dict[str, Any] = {}
    owner = _member("olive", Role.OWNER, minutes=0)
    store.create(_organisation(), owner)
    said["second organisation, same owner"] = outcome(
        lambda: store.create(_organisation("org_ffffffffffffffff"), owner)
    )
    said["renamed"] = store.rename(ORG, "Harbour Restorations Pty Ltd", iso(START + timedelta(days=1)))
    said["rename a missing organisation"] = outcome(lambda: store.rename("org_ffff", "x", iso(START)))
    # Two people who joined in the same minute list by user id; the others by when they joined.
    invitations = [
        _invitation(1, user="zed", minutes=1),
        _invitation(2, user="amy", minutes=1),
        _invitation(3, minutes=2),
        _invitation(4, user="bea", minutes=3),
    ]
    for invitation in invitations:
        store.put_invitation(invitation, "hash-3" if invitation.email else None)
    said["same invitation again"] = outcome(lambda: store.put_invitation(invitations[0], None))
    said["invitations"] = [i.id for i in store.invitations(ORG)]
    said["zed's"] = [i.id for i in store.invitations_for("zed")]
    said["by code"] = store.invitation(invitations[2].id)
    at = iso(START + timedelta(hours=1))
    zed, amy = _member("zed", Role.TECHNICIAN, minutes=5), _member("amy", Role.TECHNICIAN, minutes=5)
    store.accept(invitations[0], zed, at)
    store.accept(invitations[1], amy, at)
    said["accepted twice"] = outcome(lambda: store.accept(invitations[0], zed, at))
    late = iso(START + timedelta(days=30))
    said["accepted after expiry"] = outcome(
        lambda: store.accept(invitations[3], _member("bea", Role.TECHNICIAN, minutes=9), late)
    )
    store.settle(invitations[2], InvitationStatus.REVOKED.value, "olive", at)
    said["settled twice"] = outcome(
        lambda: store.settle(invitations[2], InvitationStatus.DECLINED.value, "olive", at)
    )
    gone = _invitation(9, user="cal", minutes=4)
    said["answer a missing invitation"] = (
        outcome(lambda: store.settle(gone, InvitationStatus.DECLINED.value, "cal", at)),
        outcome(lambda: store.accept(gone, _member("cal", Role.TECHNICIAN, minutes=9), at)),
    )
    said["after answers"] = [(i.id, i.status.value, i.responded_by) for i in store.invitations(ORG)]
    said["members"] = [(m.user_id, m.role.value) for m in store.members(ORG)]
    # The last owner stays; a second owner makes the first's demotion possible.
    said["demote the last owner"] = outcome(lambda: store.change_role(owner, Role.MANAGER.value))
    said["remove the last owner"] = outcome(lambda: store.remove(owner))
    store.change_role(zed, Role.OWNER.value)
    said["owners"] = store.get(ORG).owner_count  # type: ignore[union-attr]
    said["as read before"] = outcome(lambda: store.change_role(zed, Role.VIEWER.value))
    store.change_role(owner, Role.MANAGER.value)
    store.remove(amy)
    said["removed twice"] = outcome(lambda: store.remove(amy))
    said["after changes"] = [(m.user_id, m.role.value) for m in store.members(ORG)]
    said["organisation"] = store.get(ORG)
    said["amy"] = store.member("amy")
    certification = Certification(
        user_id="zed",
        number="123456",
        categories=[CertificationCategory.WRT, CertificationCategory.ASD],
        expires_on=date(2027, 6, 30),
        updated_by="zed",
        updated_at=START,
    )
    store.put_certification(certification)
    store.put_certification(certification.model_copy(update={"number": "654321"}))
    said["certification"] = (store.certification("zed"), store.certification("amy"))
    return said


@pytest.mark.parametrize("name", sorted(STORES))
def test_store_answers_as_the_port_promises(name: str) -> None:
    with STORES[name]() as store:
        said = _transcript(store)

    assert said["second organisation, same owner"] == "ConditionFailed"
    assert said["renamed"].name == "Harbour Restorations Pty Ltd"
    assert said["rename a missing organisation"] == "NotFound"
    assert said["same invitation again"] == "ConditionFailed"
    # newest first; two made in the same minute in one order, every time
    assert said["invitations"] == [
        "inv_0000000000000004",
        "inv_0000000000000003",
        "inv_0000000000000002",
        "inv_0000000000000001",
    ]
    assert said["zed's"] == ["inv_0000000000000001"]
    assert said["by code"][1] == "hash-3"
    assert said["accepted twice"] == "ConditionFailed"
    assert said["accepted after expiry"] == "ConditionFailed"
    assert said["settled twice"] == "ConditionFailed"
    assert said["answer a missing invitation"] == ("ConditionFailed", "ConditionFailed")
    assert said["members"] == [("olive", "owner"), ("amy", "technician"), ("zed", "technician")]
    assert said["demote the last owner"] == "ConditionFailed"
    assert said["remove the last owner"] == "ConditionFailed"
    assert said["owners"] == 2
    assert said["as read before"] == "ConditionFailed"
    assert said["removed twice"] == "ConditionFailed"
    assert said["after changes"] == [("olive", "manager"), ("zed", "owner")]
    assert said["organisation"].owner_count == 1
    assert said["amy"] is None
    assert said["certification"][0].number == "654321" and said["certification"][1] is None


def test_memory_double_answers_as_the_dynamodb_adapter() -> None:
    assert_double_answers_as_adapter(STORES, _transcript)
