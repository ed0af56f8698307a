"""`GET /invitations`: the invitee, not yet a member, sees which organisation invites them by its
name (as it is now), through Chalice's test client on the session's stack (moto)."""

from __future__ import annotations

import uuid

from local_stack.stack import LocalStack
from tests.chalice_client import ChaliceApi, chalice_client

RUN = uuid.uuid4().hex[:8]


def test_the_invitees_listing_names_the_organisation(stack: LocalStack) -> None:
    with chalice_client() as client:
        # Given an organisation that invites sam by user id, then is renamed
        owner = ChaliceApi(client, f"names-{RUN}-owner")
        sam = owner.as_user(f"names-{RUN}-sam")
        created = owner.post("/organisations", {"name": "Banksia Restorations"})
        assert created.status == 201, created.body
        org_id = created.body["organisation"]["id"]
        invited = owner.post(
            f"/organisations/{org_id}/invitations", {"userId": sam.user_id, "role": "technician"}
        )
        assert invited.status == 201, invited.body
        assert "organisationName" not in invited.body["invitation"]  # the inviter's shapes are as they were
        renamed = owner.call("PATCH", f"/organisations/{org_id}", {"name": "Banksia Restorations NSW"})
        assert renamed.status == 200, renamed.body
        # When sam lists their invitations
        mine = sam.get("/invitations")
        # Then it carries the organisation's id and its name as it is now
        assert mine.status == 200, mine.body
        [invitation] = mine.body["invitations"]
        assert (invitation["orgId"], invitation["organisationName"]) == (org_id, "Banksia Restorations NSW")
        assert (invitation["role"], invitation["invitedBy"]) == ("technician", owner.user_id)
        # and once accepted it is listed no more
        assert sam.post(f"/invitations/{invitation['id']}/accept").status == 200
        assert sam.get("/invitations").body["invitations"] == []
