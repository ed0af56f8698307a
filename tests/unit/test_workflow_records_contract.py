"""The memory double of the workflow store answers as the DynamoDB adapter does: the same calls
made on each (moto's DynamoDB behind the adapter) give the same records, pages, cursors, events
and refusals. The unit tests trust the double; this is what earns it that trust."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from chalicelib.aws.workflow_records import DynamoWorkflowRecords
from chalicelib.core.models import InputMethod, Workflow, WorkflowStatus
from chalicelib.core.ports import ConditionFailed, NotFound, WorkflowRecords
from tests.aws_answers import workflows_table
from tests.memory_workflows import MemoryWorkflowRecords
from tests.store_contract import assert_double_answers_as_adapter

pytestmark = pytest.mark.unit

START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@contextmanager
def _memory() -> Iterator[WorkflowRecords]:
    yield MemoryWorkflowRecords()


@contextmanager
def _dynamodb() -> Iterator[WorkflowRecords]:
    with workflows_table() as table:
        yield DynamoWorkflowRecords(table)


STORES: dict[str, Callable[[], AbstractContextManager[WorkflowRecords]]] = {
    "memory": _memory,
    "dynamodb": _dynamodb,
}


def _workflow(n: int, *, user: str = "alice", seconds: int | None = None) -> Workflow:
    created = START + timedelta(seconds=n if seconds is None else seconds)
    return Workflow(
        id=f"wf_{n:032x}",
        user_id=user,
        title=f"Job {n}",
        input_method=InputMethod.TEXT,
        created_at=created,
        updated_at=created,
    )


def _refusal(action: Callable[[], Any]) -> str:
    try:
        action()
    except ConditionFailed:
        return "ConditionFailed"
    except NotFound:
        return "NotFound"
    return "done"


def _transcript(store: WorkflowRecords) -> dict[str, Any]:
    """Every answer a fixed series of calls gets from `store`, without what each run makes anew
    (the times of writes)."""
    said: dict[str, Any] = {}
    # Seven of alice's jobs (two created in the same millisecond) and one of bob's
    for n in range(6):
        store.create(_workflow(n))
    store.create(_workflow(6, seconds=5))
    store.create(_workflow(7, user="bob"))
    said["create again"] = _refusal(lambda: store.create(_workflow(0)))
    said["get missing"] = store.get("wf_missing")
    said["update missing"] = _refusal(lambda: store.update("wf_missing", lambda w: None))

    def start(workflow: Workflow) -> None:
        workflow.status = WorkflowStatus.IN_PROGRESS
        workflow.progress_percentage = 25

    def finish(workflow: Workflow) -> None:
        workflow.status = WorkflowStatus.COMPLETED
        workflow.progress_percentage = 100

    said["stale version"] = _refusal(lambda: store.update(_workflow(1).id, start, expected_version=7))
    for n in (1, 2, 3):
        store.update(_workflow(n).id, start, expected_version=1)
    store.update(_workflow(2).id, finish)
    changed = store.get(_workflow(2).id)
    assert changed is not None
    said["version"] = changed.version
    said["status"] = changed.status.value
    said["events"] = [(e.seq, e.type) for e in store.events_after(_workflow(2).id, 0)]
    said["events after 1"] = [e.seq for e in store.events_after(_workflow(2).id, 1)]

    # Pages of alice's list, newest first, each cursor passed back for the next
    pages, cursor = [], None
    for _ in range(5):  # (a cursor that does not move on would page forever)
        page, cursor = store.list_for_user("alice", statuses=None, limit=3, cursor=cursor)
        pages.append(([w.id[-2:] for w in page], cursor))
        if cursor is None:
            break
    said["pages"] = pages
    in_progress, _ = store.list_for_user(
        "alice", statuses=[WorkflowStatus.IN_PROGRESS], limit=10, cursor=None
    )
    said["in progress"] = [w.id[-2:] for w in in_progress]
    newest = store.newest_for_user("alice", statuses=None, before=_workflow(4).listing_key, page=2)
    said["older than 4"] = [w.id[-2:] for w in newest]
    said["open before 09:00:04"] = sorted(store.open_workflow_ids((START + timedelta(seconds=4)).isoformat()))

    # Deleting: only a finished one, at its version, with its events
    said["delete unfinished"] = _refusal(lambda: store.delete_with_history(_workflow(1).id, version=1))
    said["delete stale"] = _refusal(lambda: store.delete_with_history(_workflow(2).id, version=1))
    store.delete_with_history(_workflow(2).id, version=changed.version)
    said["deleted"] = (store.get(_workflow(2).id), store.events_after(_workflow(2).id, 0))
    return said


@pytest.mark.parametrize("name", sorted(STORES))
def test_store_answers_as_expected(name: str) -> None:
    # Given each store, when the same calls are made on it
    with STORES[name]() as store:
        said = _transcript(store)

    # Then the answers are those the port promises
    assert said["create again"] == "ConditionFailed"
    assert said["get missing"] is None and said["update missing"] == "NotFound"
    assert said["stale version"] == "ConditionFailed"
    assert said["version"] == 3 and said["status"] == "COMPLETED"
    assert [seq for seq, _ in said["events"]] == list(range(1, len(said["events"]) + 1))
    # (6 was created in the same millisecond as 5: the id breaks the tie, every time)
    assert [ids for ids, _ in said["pages"]] == [["06", "05", "04"], ["03", "02", "01"], ["00"]]
    assert said["in progress"] == ["03", "01"]
    assert said["older than 4"] == ["03", "02", "01", "00"]
    assert said["delete unfinished"] == "ConditionFailed" and said["delete stale"] == "ConditionFailed"
    assert said["deleted"] == (None, [])


def test_memory_double_answers_as_the_dynamodb_adapter() -> None:
    # Every answer is the same, cursors included (a page token made by one is read by both)
    assert_double_answers_as_adapter(STORES, _transcript)
