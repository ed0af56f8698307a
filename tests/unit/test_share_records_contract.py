"""The memory double of the share store answers as the DynamoDB adapter does: the same calls made
on each (moto's DynamoDB behind the adapter, beside the workflow store whose partitions the shares
live in) give the same shares, order, refusals and deletions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from chalicelib.aws.share_records import DynamoShareRecords
from chalicelib.aws.workflow_records import DynamoWorkflowRecords
from chalicelib.core.models import InputMethod, Workflow, WorkflowStatus
from chalicelib.core.org_models import CollaboratorRole, Share
from chalicelib.core.org_ports import ShareRecords
from chalicelib.core.ports import NotFound, WorkflowRecords
from tests.aws_answers import workflows_table
from tests.memory_organisations import MemoryShareRecords
from tests.memory_workflows import MemoryWorkflowRecords
from tests.store_contract import assert_double_answers_as_adapter

pytestmark = pytest.mark.unit

START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
Stores = tuple[WorkflowRecords, ShareRecords]


@contextmanager
def _memory() -> Iterator[Stores]:
    workflows = MemoryWorkflowRecords()
    yield workflows, MemoryShareRecords(workflows)


@contextmanager
def _dynamodb() -> Iterator[Stores]:
    with workflows_table() as table:
        yield DynamoWorkflowRecords(table), DynamoShareRecords(table)


STORES: dict[str, Callable[[], AbstractContextManager[Stores]]] = {"memory": _memory, "dynamodb": _dynamodb}


def _workflow(n: int, *, seconds: int | None = None) -> Workflow:
    created = START + timedelta(seconds=n if seconds is None else seconds)
    return Workflow(
        id=f"wf_{n:032x}",
        user_id="owner",
        title=f"Job {n}",
        input_method=InputMethod.TEXT,
        created_at=created,
        updated_at=created,
    )


def _share(workflow: Workflow, user: str, role: CollaboratorRole = CollaboratorRole.VIEWER) -> Share:
    return Share(
        workflow_id=workflow.id,
        user_id=user,
        role=role,
        shared_by="owner",
        shared_at=START + timedelta(days=1),
        workflow_sort_key=workflow.listing_key,
    )


def _transcript(stores: Stores) -> dict[str, Any]:
    workflows, shares = stores
    said: dict[str, Any] = {}
    jobs = [_workflow(0), _workflow(1), _workflow(3, seconds=2), _workflow(2, seconds=2)]
    for job in jobs:
        workflows.create(job)
        shares.put(_share(job, "carol"))
    shares.put(_share(jobs[0], "dave"))
    try:
        shares.put(_share(_workflow(9), "carol"))
        said["share of a missing workflow"] = "done"
    except NotFound:
        said["share of a missing workflow"] = "NotFound"
    # Replacing a share changes its role
    shares.put(_share(jobs[1], "carol", CollaboratorRole.ESTIMATOR))
    said["got"] = shares.get(jobs[1].id, "carol")
    said["missing"] = shares.get(jobs[1].id, "erin")
    said["for workflow 0"] = sorted(s.user_id for s in shares.for_workflow(jobs[0].id))
    said["carol's"] = [s.workflow_id[-2:] for s in shares.newest_shared_with("carol", before=None, page=2)]
    older = shares.newest_shared_with("carol", before=jobs[2].listing_key, page=2)
    said["carol's older than 3"] = [s.workflow_id[-2:] for s in older]
    said["removed"] = (shares.remove(jobs[0].id, "dave"), shares.remove(jobs[0].id, "dave"))
    # Deleting a finished workflow deletes its shares with it
    workflows.update(jobs[3].id, lambda w: setattr(w, "status", WorkflowStatus.COMPLETED))
    deleted = workflows.get(jobs[3].id)
    assert deleted is not None
    workflows.delete_with_history(jobs[3].id, version=deleted.version)
    said["after delete"] = (
        shares.get(jobs[3].id, "carol"),
        [s.workflow_id[-2:] for s in shares.newest_shared_with("carol", before=None, page=10)],
    )
    return said


@pytest.mark.parametrize("name", sorted(STORES))
def test_store_answers_as_the_port_promises(name: str) -> None:
    with STORES[name]() as stores:
        said = _transcript(stores)

    assert said["share of a missing workflow"] == "NotFound"
    assert said["got"] is not None and said["got"].role is CollaboratorRole.ESTIMATOR
    assert said["missing"] is None
    assert said["for workflow 0"] == ["carol", "dave"]
    # newest workflow first; two made in the same millisecond in one order, every time
    assert said["carol's"] == ["03", "02", "01", "00"]
    assert said["carol's older than 3"] == ["02", "01", "00"]
    assert said["removed"] == (True, False)
    assert said["after delete"] == (None, ["03", "01", "00"])


def test_memory_double_answers_as_the_dynamodb_adapter() -> None:
    assert_double_answers_as_adapter(STORES, _transcript)
