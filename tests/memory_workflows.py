"""The workflow records in memory, with each workflow's activity feed and photo records.

`MemoryWorkflowRecords` keeps the workflow table adapter's contract: conditional writes raise
ConditionFailed, a missing workflow NotFound, a write's events are numbered from the record's
`lastEventSeq` and handed to `on_events` as the table's stream would hand them on.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal

from chalicelib.core.analytics import aggregate_changes, aggregate_updates
from chalicelib.core.events import Event, record_change
from chalicelib.core.models import (
    FINISHED_STATUSES,
    OrchestratorPhase,
    Photo,
    PhotoStatus,
    StepStatus,
    Workflow,
    WorkflowStatus,
    WorkflowStep,
    utc_now,
)
from chalicelib.core.org_models import ActivityEntry
from chalicelib.core.ports import (
    AggregateUpdate,
    ConditionFailed,
    EventsCommitted,
    Mutation,
    NotFound,
    StepChanges,
)


class MemoryWorkflowRecords:
    def __init__(self, on_events: EventsCommitted | None = None) -> None:
        self.workflows: dict[str, Workflow] = {}
        self.steps: dict[str, dict[int, WorkflowStep]] = {}
        self.events: dict[str, list[Event]] = {}
        self.phase_totals: dict[str, dict[OrchestratorPhase, tuple[float, int]]] = {}
        # (pk, sk) -> counters: the analytics aggregates, moved with each write (as one transaction)
        self.aggregate_items: dict[tuple[str, str], dict[str, Decimal]] = {}
        # How many aggregate items the reads returned (the routes must read a bounded number).
        self.aggregate_reads = 0
        self.on_events = on_events
        self.activity: MemoryActivityRecords | None = None  # set by MemoryPorts
        self._lock = threading.Lock()

    def _add(self, updates: list[AggregateUpdate]) -> None:
        for update in updates:
            item = self.aggregate_items.setdefault((update.pk, update.sk), {})
            for name, value in update.add.items():
                item[name] = item.get(name, Decimal(0)) + value

    def create(self, workflow: Workflow, *, activity: ActivityEntry | None = None) -> None:
        with self._lock:
            if workflow.id in self.workflows:
                raise ConditionFailed(workflow.id)
            added = aggregate_changes(None, workflow)
            self.workflows[workflow.id] = workflow.model_copy(deep=True, update={"steps": []})
            self._add(added)
            if activity is not None:  # written with the record, as the DynamoDB adapter does
                assert self.activity is not None, "MemoryPorts links the activity records"
                self.activity.append(activity)

    def get(self, workflow_id: str) -> Workflow | None:
        found = self.workflows.get(workflow_id)
        return found.model_copy(deep=True) if found else None

    def update(
        self,
        workflow_id: str,
        mutate: Mutation,
        *,
        expected_version: int | None = None,
        steps: StepChanges | None = None,
        read: Workflow | None = None,
    ) -> Workflow:
        with self._lock:
            current = self.get(workflow_id)
            if current is None:
                raise NotFound(workflow_id)
            if expected_version is not None and current.version != expected_version:
                raise ConditionFailed(f"at version {current.version}")
            updated = current.model_copy(deep=True)
            mutate(updated)
            changed = list(steps(updated)) if steps is not None else []
            made = record_change(current, updated, changed)
            self._add(aggregate_changes(current, updated))
            self.workflows[workflow_id] = updated.model_copy(deep=True)
            for step in changed:
                self.steps.setdefault(workflow_id, {})[step.step_number] = step.model_copy(deep=True)
            self.events.setdefault(workflow_id, []).extend(made)
        if made and self.on_events is not None:
            self.on_events(updated, made)
        return updated

    def events_after(self, workflow_id: str, seq: int, *, through: int | None = None) -> list[Event]:
        return [
            e
            for e in self.events.get(workflow_id, [])
            if e.seq > seq and (through is None or e.seq <= through)
        ]

    def phase_times(self, user_id: str) -> dict[OrchestratorPhase, tuple[float, int]]:
        return dict(self.phase_totals.get(user_id, {}))

    def add_phase_times(self, user_id: str, durations: Mapping[OrchestratorPhase, float]) -> None:
        with self._lock:
            totals = self.phase_totals.setdefault(user_id, {})
            for phase, seconds in durations.items():
                total, count = totals.get(phase, (0.0, 0))
                totals[phase] = (total + seconds, count + 1)

    def aggregate(self, pk: str, sk: str) -> dict[str, Decimal]:
        item = self.aggregate_items.get((pk, sk))
        self.aggregate_reads += item is not None
        return dict(item or {})

    def aggregates(self, pk: str, first_sk: str, last_sk: str) -> list[tuple[str, dict[str, Decimal]]]:
        found = sorted(
            (sk, dict(item))
            for (item_pk, sk), item in self.aggregate_items.items()
            if item_pk == pk and first_sk <= sk <= last_sk
        )
        self.aggregate_reads += len(found)
        return found

    def open_workflow_ids(self, created_before: str) -> Iterator[str]:
        opened = sorted(
            (w.model_dump(mode="json")["createdAt"], w.id)
            for w in self.workflows.values()
            if w.status not in FINISHED_STATUSES
        )
        return iter([workflow_id for created, workflow_id in opened if created < created_before])

    def delete_with_history(self, workflow_id: str, *, version: int) -> None:
        with self._lock:
            current = self.workflows.get(workflow_id)
            if current is None or current.version != version or current.status not in FINISHED_STATUSES:
                raise ConditionFailed(workflow_id)
            self._add(aggregate_updates(current, None))
            del self.workflows[workflow_id]
            self.steps.pop(workflow_id, None)
            self.events.pop(workflow_id, None)

    def _mine(self, user_id: str, statuses: Iterable[WorkflowStatus] | None) -> list[Workflow]:
        wanted = set(statuses) if statuses is not None else None
        found = [
            w.model_copy(deep=True)
            for w in self.workflows.values()
            if w.user_id == user_id and (wanted is None or w.status in wanted)
        ]
        return sorted(found, key=lambda w: w.listing_key, reverse=True)

    def list_for_user(
        self,
        user_id: str,
        *,
        statuses: Iterable[WorkflowStatus] | None,
        limit: int,
        cursor: str | None,
    ) -> tuple[list[Workflow], str | None]:
        found = [w for w in self._mine(user_id, statuses) if cursor is None or w.listing_key < cursor]
        page = found[:limit]
        return page, (page[-1].listing_key if len(found) > limit else None)

    def newest_for_user(
        self, user_id: str, *, statuses: Iterable[WorkflowStatus] | None, before: str | None, page: int
    ) -> Iterator[Workflow]:
        yield from (w for w in self._mine(user_id, statuses) if before is None or w.listing_key < before)

    def newest_for_org(
        self, org_id: str, *, statuses: Iterable[WorkflowStatus] | None, before: str | None, page: int
    ) -> Iterator[Workflow]:
        from chalicelib.core.tenancy import is_personal_org

        wanted = set(statuses) if statuses is not None else None
        found = [
            w.model_copy(deep=True)
            for w in list(self.workflows.values())
            if w.org_id == org_id
            and not is_personal_org(org_id)
            and (wanted is None or w.status in wanted)
            and (before is None or w.listing_key < before)
        ]
        yield from sorted(found, key=lambda w: w.listing_key, reverse=True)

    def count_by_status(self, user_id: str, status: WorkflowStatus) -> int:
        return len(self._mine(user_id, [status]))

    def iter_by_status(self, user_id: str, status: WorkflowStatus) -> Iterator[Workflow]:
        yield from self._mine(user_id, [status])

    def get_step(self, workflow_id: str, step_number: int) -> WorkflowStep | None:
        step = self.steps.get(workflow_id, {}).get(step_number)
        return step.model_copy(deep=True) if step else None

    def list_steps(self, workflow_id: str) -> list[WorkflowStep]:
        return [s.model_copy(deep=True) for _, s in sorted(self.steps.get(workflow_id, {}).items())]

    def failing_running_steps(self, message: str) -> StepChanges:
        def failed(workflow: Workflow) -> list[WorkflowStep]:
            now = utc_now()
            return [
                step.model_copy(
                    update={"status": StepStatus.FAILED, "completed_at": now, "error_message": message}
                )
                for step in self.steps.get(workflow.id, {}).values()
                if step.status is StepStatus.IN_PROGRESS
            ]

        return failed


class MemoryActivityRecords:
    def __init__(self, workflows: MemoryWorkflowRecords) -> None:
        self._workflows = workflows
        self.entries: dict[str, list[ActivityEntry]] = {}

    def append(self, entry: ActivityEntry) -> None:
        self.entries.setdefault(entry.workflow_id, []).append(entry)

    def list_for_workflow(
        self, workflow_id: str, *, limit: int, before: str | None
    ) -> tuple[list[ActivityEntry], str | None]:
        if workflow_id not in self._workflows.workflows:
            return [], None  # deleted with its workflow
        found = sorted(self.entries.get(workflow_id, []), key=lambda e: e.id, reverse=True)
        found = [e for e in found if before is None or f"ACTIVITY#{e.id}" < before]
        page = found[:limit]
        return page, (f"ACTIVITY#{page[-1].id}" if len(found) > limit else None)


class MemoryPhotoRecords:
    """Photos live in their workflow's partition: deleting the workflow deletes them with it. (A
    photo is only ever asked for on a workflow that exists: the route checks it first.)"""

    def __init__(self, workflows: MemoryWorkflowRecords) -> None:
        self._workflows = workflows
        self.photos: dict[tuple[str, str], Photo] = {}
        self._lock = threading.Lock()

    def _forget_deleted(self) -> None:
        for key in [key for key in self.photos if key[0] not in self._workflows.workflows]:
            del self.photos[key]

    def create(self, photo: Photo) -> None:
        with self._lock:
            if (photo.workflow_id, photo.id) in self.photos:
                raise ConditionFailed(photo.id)
            self.photos[(photo.workflow_id, photo.id)] = photo.model_copy(deep=True)

    def get(self, workflow_id: str, photo_id: str) -> Photo | None:
        self._forget_deleted()
        found = self.photos.get((workflow_id, photo_id))
        return found.model_copy(deep=True) if found else None

    def list_for_workflow(self, workflow_id: str) -> list[Photo]:
        self._forget_deleted()
        mine = [p for (wf, _), p in self.photos.items() if wf == workflow_id]
        return [p.model_copy(deep=True) for p in sorted(mine, key=lambda p: (p.created_at, p.id))]

    def settle(self, photo: Photo) -> None:
        with self._lock:
            self._forget_deleted()
            current = self.photos.get((photo.workflow_id, photo.id))
            if current is None or current.status is not PhotoStatus.PENDING:
                raise ConditionFailed(photo.id)
            self.photos[(photo.workflow_id, photo.id)] = photo.model_copy(deep=True)
