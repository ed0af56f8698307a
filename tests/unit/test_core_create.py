"""POST /workflows in the domain, with in-memory ports: what it reads and writes (#19 item 6)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from chalicelib.core import ratelimit, workflows
from chalicelib.core.errors import ForbiddenError
from chalicelib.core.identity import Principal
from chalicelib.core.models import CreateWorkflowRequest, UserSettings
from chalicelib.core.org_models import Member
from chalicelib.core.tenancy import Role
from tests.memory_ports import MemoryPorts

pytestmark = pytest.mark.unit

TEXT = {"inputMethod": "TEXT", "inputData": {"text": "Kitchen 12x14 ft, vinyl wet. Cause: burst pipe."}}


def _request() -> CreateWorkflowRequest:
    return CreateWorkflowRequest.model_validate(TEXT)


def test_the_creator_is_read_once_and_their_defaults_and_account_apply() -> None:
    # Given a member of an organisation whose settings ask for review
    ports = MemoryPorts()
    ports.organisations.members_["alice"] = Member(
        user_id="alice", org_id="org-1", role=Role.TECHNICIAN, joined_at=datetime.now(UTC)
    )
    ports.user_settings.settings["alice"] = UserSettings(review_required=True)

    # When she is authorized and creates a TEXT workflow
    creator = workflows.authorized_creator(ports, Principal("alice"))
    created = workflows.create(ports, creator, _request())

    # Then her settings and membership were one read, and the record has both
    assert ports.user_settings.reads == 1
    workflow = ports.workflows.get(created.response["workflowId"])
    assert workflow is not None and workflow.org_id == "org-1" and workflow.review_required is True
    # And its first activity entry was written with it
    assert created.feed_entry is not None
    assert ports.activity.entries[workflow.id] == [created.feed_entry]


def test_a_viewer_is_refused_before_anything_is_written() -> None:
    # Given a viewer of an organisation
    ports = MemoryPorts()
    ports.organisations.members_["val"] = Member(
        user_id="val", org_id="org-1", role=Role.VIEWER, joined_at=datetime.now(UTC)
    )

    # When she asks to create, she is refused, and nothing exists
    with pytest.raises(ForbiddenError):
        workflows.authorized_creator(ports, Principal("val"))
    assert ports.workflows.workflows == {}


def test_a_new_bucket_is_made_without_reading_it_and_a_refill_reads_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given a limiter whose reads are counted
    ports = MemoryPorts()
    reads: list[str] = []
    get = ports.rate_buckets.get
    monkeypatch.setattr(ports.rate_buckets, "get", lambda key: reads.append(key) or get(key))
    clock = [1_000_000]
    monkeypatch.setattr(ratelimit, "now_ms", lambda: clock[0])
    monkeypatch.setattr(ratelimit, "limit_for", lambda principal: ratelimit.Limit(1, 2))

    # When a new caller takes tokens, runs out, and comes back after the refill
    ratelimit.take(ports, Principal("bob"))
    ratelimit.take(ports, Principal("bob"))
    clock[0] += 2000
    ratelimit.take(ports, Principal("bob"))

    # Then the bucket was made already debited, refilled, and never read on its own
    assert reads == []
    assert ports.rate_buckets.buckets["USER#bob"].tokens == 1
