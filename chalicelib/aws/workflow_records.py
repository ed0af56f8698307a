"""DynamoDB adapter for workflows, their steps and their progress events (`WorkflowRecords`).

One table, keyed by workflow so a workflow and its steps share a partition:

    pk = WF#<id>  sk = WF           the workflow record (with a `version` for optimistic locking)
    pk = WF#<id>  sk = STEP#<nnnn>  its steps, in step order
    pk = WF#<id>  sk = EVENT#<seq>  its progress events, numbered by the record's `lastEventSeq`

Two global secondary indexes serve the user's listings, newest first:

    UserStatusIndex   gsi1pk = USER#<userId>#STATUS#<status>   gsi1sk = <createdAt>#<id>
    UserCreatedIndex  gsi2pk = USER#<userId>                   gsi2sk = <createdAt>#<id>

Analytics aggregates (`core/analytics.py`), each updated with ADD in the transaction of the
workflow write that changes them, never scanned:

    pk = STATS#USER#<userId> | STATS#ACCOUNT#<orgId>   sk = ALL | DAY#<YYYY-MM-DD>

a sparse one for an organisation's listing (#22), set only on a real organisation's workflows
(never on a personal account's, whose listing is its creator's):

    OrgCreatedIndex   gsi4pk = ORG#<orgId>                     gsi2sk = <createdAt>#<id>

and a sparse one, for the reconciler (`core/reconcile.py`), that holds unfinished workflows only:

    OpenWorkflowsIndex  gsi3pk = OPEN                          gsi2sk = <createdAt>#<id>

Its keys are set while a workflow is not COMPLETED, FAILED or CANCELLED and removed when it is:
the reconciler queries the few open ones instead of scanning the table. KEYS_ONLY and a sort key
that never changes: DynamoDB writes the index twice per workflow (in, out), not on every update.

The same table holds API keys, audit entries and rate buckets, each with an adapter of its own
(`api_key_records.py`, `audit_log.py`, `rate_buckets.py`). The key schema itself lives in
`deploy/resources.json`; the local stack and the tests create their tables from that file.
"""

from __future__ import annotations

import heapq
import json
import random
import time
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from boto3.dynamodb.conditions import Attr, ConditionExpressionBuilder, Key

from chalicelib.aws.dynamo import call, from_dynamo, pages, to_dynamo
from chalicelib.core.analytics import aggregate_changes, aggregate_updates
from chalicelib.core.events import Event, record_change
from chalicelib.core.models import (
    FINISHED_STATUSES,
    OrchestratorPhase,
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
from chalicelib.core.tenancy import is_personal_org

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table

USER_STATUS_INDEX = "UserStatusIndex"
USER_CREATED_INDEX = "UserCreatedIndex"
OPEN_INDEX = "OpenWorkflowsIndex"
ORG_CREATED_INDEX = "OrgCreatedIndex"
OPEN_PK = "OPEN"
# pk = USER#<userId>: the user's aggregate of measured phase durations (core/eta.py).
PHASE_TIMES_SK = "PHASE_TIMES"
WORKFLOW_SK = "WF"
STEP_SK_PREFIX = "STEP#"
EVENT_SK_PREFIX = "EVENT#"
# Enough for dozens of writers racing on one workflow; each retry re-reads the record.
MAX_WRITE_ATTEMPTS = 40


def workflow_pk(workflow_id: str) -> str:
    return f"WF#{workflow_id}"


ACTIVITY_SK_PREFIX = "ACTIVITY#"


def activity_item(entry: ActivityEntry) -> dict[str, Any]:
    """An activity entry as it is stored in its workflow's partition (aws/activity_records.py)."""
    item = entry.model_dump(mode="json", exclude_none=True)
    item.update(pk=workflow_pk(entry.workflow_id), sk=f"{ACTIVITY_SK_PREFIX}{entry.id}")
    return to_dynamo(item)  # type: ignore[no-any-return]


def step_sk(step_number: int) -> str:
    return f"{STEP_SK_PREFIX}{step_number:04d}"


def event_sk(seq: int) -> str:
    return f"{EVENT_SK_PREFIX}{seq:010d}"


class DynamoWorkflowRecords:
    def __init__(self, table: Table, on_events: EventsCommitted | None = None) -> None:
        self._table = table
        self._client = table.meta.client
        self._on_events = on_events

    # --- workflows ---------------------------------------------------------------------

    def _workflow_item(self, workflow: Workflow) -> dict[str, Any]:
        # Defaults are left out (reading fills them in): on-demand writes are billed per started KB,
        # on the table and on both ALL-projection indexes, and a plain workflow fits in one.
        # `version` and `status` always stay: the conditional writes test them.
        item = workflow.model_dump(mode="json", exclude={"steps"}, exclude_none=True, exclude_defaults=True)
        item.update(version=workflow.version, status=workflow.status.value)
        sort_key = workflow.listing_key
        item.update(
            pk=workflow_pk(workflow.id),
            sk=WORKFLOW_SK,
            gsi1pk=f"USER#{workflow.user_id}#STATUS#{workflow.status.value}",
            gsi1sk=sort_key,
            gsi2pk=f"USER#{workflow.user_id}",
            gsi2sk=sort_key,
        )
        if not is_personal_org(workflow.org_id):
            item.update(gsi4pk=f"ORG#{workflow.org_id}")
        if workflow.status not in FINISHED_STATUSES:
            item.update(gsi3pk=OPEN_PK)  # sorted by gsi2sk, which every workflow has
        return to_dynamo(item)  # type: ignore[no-any-return]

    def create(self, workflow: Workflow, *, activity: ActivityEntry | None = None) -> None:
        added = aggregate_changes(None, workflow)
        condition = ConditionExpressionBuilder().build_expression(Attr("pk").not_exists())
        put = {
            "Put": {
                "TableName": self._table.name,
                "Item": self._workflow_item(workflow),
                "ConditionExpression": condition.condition_expression,
                "ExpressionAttributeNames": condition.attribute_name_placeholders,
            }
        }
        # The first activity entry rides in the record's own transaction: one request, not two.
        # (Its key is new: a workflow that does not exist yet has no entries.)
        feed = [{"Put": {"TableName": self._table.name, "Item": activity_item(activity)}}] if activity else []
        call(self._client.transact_write_items, TransactItems=[put, *feed, *self._aggregate_items(added)])

    def get(self, workflow_id: str) -> Workflow | None:
        response = call(
            self._table.get_item,
            Key={"pk": workflow_pk(workflow_id), "sk": WORKFLOW_SK},
            ConsistentRead=True,
        )
        item = response.get("Item")
        return Workflow.model_validate(from_dynamo(item)) if item else None

    def update(
        self,
        workflow_id: str,
        mutate: Mutation,
        *,
        expected_version: int | None = None,
        steps: StepChanges | None = None,
        read: Workflow | None = None,
    ) -> Workflow:
        """Read, apply `mutate`, write back only if nobody wrote in between.

        Without `expected_version` a lost race is retried on the fresh record, so concurrent
        writers never lose one another's changes. With it (an HTTP `If-Match`), a stale
        version is the caller's conflict to resolve. `mutate` may raise to refuse the change.

        The steps `steps` returns and the progress events the change makes are written in the
        same transaction: a watcher never sees a step or an event the workflow does not.

        `read` is the record as the caller just read it: the first attempt starts from it
        instead of reading again (if it is stale, the write fails and the next attempt reads).
        """
        for attempt in range(MAX_WRITE_ATTEMPTS):
            current = read if attempt == 0 and read is not None else self.get(workflow_id)
            if current is None:
                raise NotFound(workflow_id)
            if expected_version is not None and current.version != expected_version:
                raise ConditionFailed(f"Workflow is at version {current.version}, not {expected_version}")
            updated = current.model_copy(deep=True)
            mutate(updated)
            changed_steps = list(steps(updated)) if steps is not None else []
            events = record_change(current, updated, changed_steps)
            added = aggregate_changes(current, updated)
            try:
                self._write(updated, current.version, changed_steps, events, added)
            except ConditionFailed:
                if expected_version is not None:
                    raise
                # Full jitter keeps racing writers from retrying in lockstep.
                time.sleep(random.uniform(0, min(0.25, 0.005 * 2**attempt)))
                continue
            if events and self._on_events is not None:
                self._on_events(updated, events)
            return updated
        raise ConditionFailed("Too many concurrent updates")

    def _write(
        self,
        workflow: Workflow,
        read_version: int,
        steps: list[WorkflowStep],
        events: list[Event],
        added: list[AggregateUpdate],
    ) -> None:
        item = self._workflow_item(workflow)
        if not steps and not events and not added:
            call(self._table.put_item, Item=item, ConditionExpression=Attr("version").eq(read_version))
            return
        # The resource's client serializes plain values, but a condition inside TransactItems
        # must come built, with its placeholders.
        condition = ConditionExpressionBuilder().build_expression(Attr("version").eq(read_version))
        puts: list[dict[str, Any]] = [
            {
                "Put": {
                    "TableName": self._table.name,
                    "Item": item,
                    "ConditionExpression": condition.condition_expression,
                    "ExpressionAttributeNames": condition.attribute_name_placeholders,
                    "ExpressionAttributeValues": condition.attribute_value_placeholders,
                }
            }
        ]
        puts += [{"Put": {"TableName": self._table.name, "Item": self._step_item(s)}} for s in steps]
        # The seq comes from the version-checked record, so no two writers make the same event.
        puts += [{"Put": {"TableName": self._table.name, "Item": self._event_item(e)}} for e in events]
        # In the same transaction: the aggregates move exactly when the record does, once.
        puts += self._aggregate_items(added)
        call(self._client.transact_write_items, TransactItems=puts)

    # --- analytics aggregates ----------------------------------------------------------

    def _aggregate_items(self, updates: list[AggregateUpdate]) -> list[dict[str, Any]]:
        items = []
        for update in updates:
            names = {f"#a{n}": name for n, name in enumerate(update.add)}
            values = {f":a{n}": value for n, value in enumerate(update.add.values())}
            items.append(
                {
                    "Update": {
                        "TableName": self._table.name,
                        "Key": {"pk": update.pk, "sk": update.sk},
                        # ADD is atomic and starts from 0: no read, and racing writers both count.
                        "UpdateExpression": "ADD " + ", ".join(f"#a{n} :a{n}" for n in range(len(names))),
                        "ExpressionAttributeNames": names,
                        "ExpressionAttributeValues": values,
                    }
                }
            )
        return items

    @staticmethod
    def _counters(item: dict[str, Any]) -> dict[str, Decimal]:
        return {k: v for k, v in item.items() if k not in ("pk", "sk") and isinstance(v, Decimal)}

    def aggregate(self, pk: str, sk: str) -> dict[str, Decimal]:
        response = call(self._table.get_item, Key={"pk": pk, "sk": sk})
        return self._counters(response.get("Item") or {})

    def aggregates(self, pk: str, first_sk: str, last_sk: str) -> list[tuple[str, dict[str, Decimal]]]:
        found = []
        condition = Key("pk").eq(pk) & Key("sk").between(first_sk, last_sk)
        for page in self._pages(KeyConditionExpression=condition):
            found += [(str(item["sk"]), self._counters(item)) for item in page.get("Items", [])]
        return found

    # --- events ------------------------------------------------------------------------

    @staticmethod
    def _event_item(event: Event) -> dict[str, Any]:
        item = event.model_dump(mode="json")
        # As JSON text: a null the client expects stays a null, and numbers need no Decimal.
        item.update(pk=workflow_pk(event.workflow_id), sk=event_sk(event.seq), data=json.dumps(item["data"]))
        return item

    def events_after(self, workflow_id: str, seq: int, *, through: int | None = None) -> list[Event]:
        """The workflow's events with a seq above `seq` (and at most `through`), in order."""
        upper = event_sk(through) if through is not None else f"{EVENT_SK_PREFIX}~"
        events: list[Event] = []
        for page in self._pages(
            KeyConditionExpression=Key("pk").eq(workflow_pk(workflow_id))
            & Key("sk").between(event_sk(seq + 1), upper),
            ConsistentRead=True,
        ):
            for item in page["Items"]:
                events.append(Event.model_validate({**from_dynamo(item), "data": json.loads(item["data"])}))
        return events

    def phase_times(self, user_id: str) -> dict[OrchestratorPhase, tuple[float, int]]:
        """One small item (eventually consistent: an estimate can be a workflow behind)."""
        response = call(self._table.get_item, Key={"pk": f"USER#{user_id}", "sk": PHASE_TIMES_SK})
        item = from_dynamo(response.get("Item") or {})
        return {
            phase: (float(item[f"sum{phase.value}"]), int(item[f"n{phase.value}"]))
            for phase in OrchestratorPhase
            if f"n{phase.value}" in item
        }

    def add_phase_times(self, user_id: str, durations: Mapping[OrchestratorPhase, float]) -> None:
        if not durations:
            return
        names: dict[str, str] = {}
        values: dict[str, Any] = {":one": 1}
        adds = []
        for index, (phase, seconds) in enumerate(sorted(durations.items())):
            names[f"#s{index}"], names[f"#n{index}"] = f"sum{phase.value}", f"n{phase.value}"
            values[f":s{index}"] = Decimal(str(round(seconds, 3)))
            adds.append(f"#s{index} :s{index}, #n{index} :one")
        # ADD is atomic: two workflows completing at once both count, with no read first.
        call(
            self._table.update_item,
            Key={"pk": f"USER#{user_id}", "sk": PHASE_TIMES_SK},
            UpdateExpression="ADD " + ", ".join(adds),
            ExpressionAttributeNames=names,
            ExpressionAttributeValues=values,
        )

    def open_workflow_ids(self, created_before: str) -> Iterator[str]:
        """Unfinished workflows created before `created_before` (an ISO time), oldest first."""
        for page in self._pages(
            IndexName=OPEN_INDEX,
            KeyConditionExpression=Key("gsi3pk").eq(OPEN_PK) & Key("gsi2sk").lt(created_before),
        ):
            for item in page.get("Items", []):
                yield str(item["pk"]).removeprefix("WF#")

    def delete_with_history(self, workflow_id: str, *, version: int) -> None:
        """Delete the record (only if still at `version`), then its steps and events. Its
        contribution leaves the aggregates in the delete's transaction."""
        current = self.get(workflow_id)
        if current is None or current.version != version:
            raise ConditionFailed(workflow_id)
        condition = ConditionExpressionBuilder().build_expression(
            Attr("version").eq(version) & Attr("status").is_in([s.value for s in FINISHED_STATUSES])
        )
        delete = {
            "Delete": {
                "TableName": self._table.name,
                "Key": {"pk": workflow_pk(workflow_id), "sk": WORKFLOW_SK},
                "ConditionExpression": condition.condition_expression,
                "ExpressionAttributeNames": condition.attribute_name_placeholders,
                "ExpressionAttributeValues": condition.attribute_value_placeholders,
            }
        }
        removed = self._aggregate_items(aggregate_updates(current, None))
        call(self._client.transact_write_items, TransactItems=[delete, *removed])
        pages = self._pages(
            KeyConditionExpression=Key("pk").eq(workflow_pk(workflow_id)),
            ProjectionExpression="pk, sk",
        )
        with self._table.batch_writer() as batch:
            for page in pages:
                for key in page.get("Items", []):
                    batch.delete_item(Key={"pk": key["pk"], "sk": key["sk"]})

    # --- listings ----------------------------------------------------------------------

    def list_for_user(
        self,
        user_id: str,
        *,
        statuses: Iterable[WorkflowStatus] | None,
        limit: int,
        cursor: str | None,
    ) -> tuple[list[Workflow], str | None]:
        """Newest first. Several statuses are merged from their index partitions by sort key."""
        if statuses is None:
            partitions = [(USER_CREATED_INDEX, "gsi2pk", "gsi2sk", f"USER#{user_id}")]
        else:
            partitions = [
                (USER_STATUS_INDEX, "gsi1pk", "gsi1sk", f"USER#{user_id}#STATUS#{s.value}")
                for s in sorted(statuses)
            ]
        pages = [
            self._query_page(index, pk_name, sk_name, pk_value, cursor, limit + 1)
            for index, pk_name, sk_name, pk_value in partitions
        ]
        merged = list(heapq.merge(*pages, key=lambda item: item[0], reverse=True))
        taken = merged[:limit]
        next_cursor = taken[-1][0] if len(merged) > limit else None
        workflows = [Workflow.model_validate(from_dynamo(item)) for _, item in taken]
        return workflows, next_cursor

    def _query_page(
        self,
        index: str,
        pk_name: str,
        sk_name: str,
        pk_value: str,
        cursor: str | None,
        limit: int,
    ) -> list[tuple[str, dict[str, Any]]]:
        condition = Key(pk_name).eq(pk_value)
        if cursor is not None:
            condition = condition & Key(sk_name).lt(cursor)
        response = call(
            self._table.query,
            IndexName=index,
            KeyConditionExpression=condition,
            ScanIndexForward=False,
            Limit=limit,
        )
        return [(item[sk_name], item) for item in response.get("Items", [])]

    def _newest(
        self,
        index: str,
        pk_name: str,
        sk_name: str,
        pk_value: str,
        before: str | None,
        page: int,
        **extra: Any,
    ) -> Iterator[tuple[str, Workflow]]:
        condition = Key(pk_name).eq(pk_value)
        if before is not None:
            condition = condition & Key(sk_name).lt(before)
        for found in self._pages(
            IndexName=index, KeyConditionExpression=condition, ScanIndexForward=False, Limit=page, **extra
        ):
            for item in found.get("Items", []):
                yield item[sk_name], Workflow.model_validate(from_dynamo(item))

    def newest_for_user(
        self, user_id: str, *, statuses: Iterable[WorkflowStatus] | None, before: str | None, page: int
    ) -> Iterator[Workflow]:
        """From the user's status partitions merged (or their created index), read as iterated."""
        if statuses is None:
            partitions = [
                self._newest(USER_CREATED_INDEX, "gsi2pk", "gsi2sk", f"USER#{user_id}", before, page)
            ]
        else:
            partitions = [
                self._newest(
                    USER_STATUS_INDEX, "gsi1pk", "gsi1sk", f"USER#{user_id}#STATUS#{s.value}", before, page
                )
                for s in sorted(statuses)
            ]
        for _, workflow in heapq.merge(*partitions, key=lambda pair: pair[0], reverse=True):
            yield workflow

    def newest_for_org(
        self, org_id: str, *, statuses: Iterable[WorkflowStatus] | None, before: str | None, page: int
    ) -> Iterator[Workflow]:
        """One partition of OrgCreatedIndex; a status filter is applied by DynamoDB as it reads
        (one index for the organisation: CloudFormation adds one index per table update)."""
        extra: dict[str, Any] = {}
        if statuses is not None:
            extra["FilterExpression"] = Attr("status").is_in([s.value for s in statuses])
        for _, workflow in self._newest(
            ORG_CREATED_INDEX, "gsi4pk", "gsi2sk", f"ORG#{org_id}", before, page, **extra
        ):
            yield workflow

    def count_by_status(self, user_id: str, status: WorkflowStatus) -> int:
        total = 0
        for page in self._pages(
            IndexName=USER_STATUS_INDEX,
            KeyConditionExpression=Key("gsi1pk").eq(f"USER#{user_id}#STATUS#{status.value}"),
            Select="COUNT",
        ):
            total += int(page.get("Count", 0))
        return total

    def iter_by_status(self, user_id: str, status: WorkflowStatus) -> Iterator[Workflow]:
        for page in self._pages(
            IndexName=USER_STATUS_INDEX,
            KeyConditionExpression=Key("gsi1pk").eq(f"USER#{user_id}#STATUS#{status.value}"),
        ):
            for item in page.get("Items", []):
                yield Workflow.model_validate(from_dynamo(item))

    def _pages(self, **kwargs: Any) -> Iterator[dict[str, Any]]:
        return pages(self._table.query, **kwargs)

    # --- steps -------------------------------------------------------------------------

    @staticmethod
    def _step_item(step: WorkflowStep) -> dict[str, Any]:
        item = step.model_dump(mode="json", exclude_none=True)
        item.update(pk=workflow_pk(step.workflow_id), sk=step_sk(step.step_number))
        return to_dynamo(item)  # type: ignore[no-any-return]

    def get_step(self, workflow_id: str, step_number: int) -> WorkflowStep | None:
        response = call(
            self._table.get_item,
            Key={"pk": workflow_pk(workflow_id), "sk": step_sk(step_number)},
            ConsistentRead=True,
        )
        item = response.get("Item")
        return WorkflowStep.model_validate(from_dynamo(item)) if item else None

    def failing_running_steps(self, message: str) -> StepChanges:
        """For `update(steps=...)`: close the steps still IN_PROGRESS (the phase died, failed or
        was cancelled). Read on each attempt, so a step started by a racing write is closed too."""

        def failed(workflow: Workflow) -> list[WorkflowStep]:
            now = utc_now()
            return [
                step.model_copy(
                    update={"status": StepStatus.FAILED, "completed_at": now, "error_message": message}
                )
                for step in self.list_steps(workflow.id)
                if step.status is StepStatus.IN_PROGRESS
            ]

        return failed

    def list_steps(self, workflow_id: str) -> list[WorkflowStep]:
        steps: list[WorkflowStep] = []
        for page in self._pages(
            KeyConditionExpression=Key("pk").eq(workflow_pk(workflow_id))
            & Key("sk").begins_with(STEP_SK_PREFIX),
            ConsistentRead=True,
        ):
            steps.extend(WorkflowStep.model_validate(from_dynamo(i)) for i in page["Items"])
        return steps
