"""Analytics and stats from aggregates kept as workflows change, never from a read of every
workflow (#22; docs/adr/0022-analytics-aggregates.md).

What a workflow adds to the figures is a set of counters, `contribution(workflow)`: one for the
workflow, one for its status and its input method, its completion time (a histogram bucket, a
sum and a count) once COMPLETED, its phase times, its review wait once approved, the QA error
codes it ever failed with, its retries, Claude's tokens and cost. The counters go to four
aggregate items: the creator's and the account's, each all-time (`ALL`) and for the UTC day
the workflow was created (`DAY#YYYY-MM-DD`).

Every write of a workflow adds `contribution(after) - contribution(before)` to those items in
the same DynamoDB transaction as the write itself (`aggregate_changes`): a status change moves
one count from the old status to the new, a retried write recomputes its delta on the fresh
record, and nothing is ever counted twice because nothing is applied outside the transaction
that changes the record. The record carries `aggregated` (its contribution is in the items):
a record written before aggregates existed adds its whole contribution on its next write.

Percentiles cannot be summed, so times are kept as histograms of fixed log-spaced buckets,
4 per doubling from 1 s to 2^22 s (48.5 days); merged histograms give the median and p90 as a
bucket (a factor of 2^(1/4) = 1.19 wide: the midpoint reported is within 9.05 % of any value in
it). Nothing here does I/O; the routes read at most one item per day of the range per key.
"""

from __future__ import annotations

import csv
import io
import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from chalicelib.core import policy
from chalicelib.core.errors import ForbiddenError, InvalidRequestError
from chalicelib.core.models import (
    ACTIVE_STATUSES,
    PHASE_ORDER,
    InputMethod,
    OrchestratorStats,
    PhaseDurationStats,
    Workflow,
    WorkflowStatus,
)
from chalicelib.core.ports import AggregateUpdate, Ports
from chalicelib.core.tenancy import Membership, membership_of, personal_org_id

Counters = dict[str, Decimal]

# --- where the counters live ------------------------------------------------------------------

USER_PREFIX = "STATS#USER#"
ACCOUNT_PREFIX = "STATS#ACCOUNT#"
ALL_SK = "ALL"
DAY_SK_PREFIX = "DAY#"

# The slices of a day's counters: every workflow, by input method, by status (for groupBy; no
# times). The all-time item keeps the first only (/stats needs no more).
EVERY = "*"


def _method_slice(method: InputMethod) -> str:
    return f"m={method.value}"


def _status_slice(status: WorkflowStatus) -> str:
    return f"s={status.value}"


def user_key(user_id: str) -> str:
    return f"{USER_PREFIX}{user_id}"


def account_key(org_id: str) -> str:
    return f"{ACCOUNT_PREFIX}{org_id}"


def day_sk(day: date) -> str:
    return f"{DAY_SK_PREFIX}{day.isoformat()}"


def account_of(workflow: Workflow) -> str:
    """The account a workflow counts for: its own, or (made before accounts) its creator's."""
    return workflow.org_id or personal_org_id(workflow.user_id)


def created_day(workflow: Workflow) -> date:
    return workflow.created_at.astimezone(UTC).date()


# --- histograms ---------------------------------------------------------------------------------

BUCKETS_PER_DOUBLING = 4
TOP_EXPONENT = 22  # 2**22 s: 48.5 days; longer times share the last, open bucket
# Bucket 0 holds [0, 1 s); bucket k (1..88) [EDGES[k-1], EDGES[k]); bucket 89 [EDGES[88], inf).
EDGES: tuple[float, ...] = tuple(
    2 ** (k / BUCKETS_PER_DOUBLING) for k in range(BUCKETS_PER_DOUBLING * TOP_EXPONENT + 1)
)
BUCKETS = len(EDGES) + 1


def bucket_of(seconds: float) -> int:
    return bisect_right(EDGES, max(seconds, 0.0))


def bucket_range(bucket: int) -> tuple[float, float | None]:
    """[low, high) of a bucket; high is None for the last, open one."""
    low = 0.0 if bucket == 0 else EDGES[bucket - 1]
    high = EDGES[bucket] if bucket < len(EDGES) else None
    return low, high


def bucket_estimate(bucket: int) -> float:
    """The value reported for a bucket: its geometric midpoint (0.5 s for [0, 1 s), the lower
    edge for the open one)."""
    low, high = bucket_range(bucket)
    if high is None:
        return low
    return 0.5 if bucket == 0 else math.sqrt(low * high)


def percentile_bucket(histogram: Mapping[int, int], fraction: float) -> int | None:
    """The bucket holding the nearest-rank percentile: the value at rank ceil(fraction * n)."""
    total = sum(histogram.values())
    if total <= 0:
        return None
    rank = max(1, math.ceil(fraction * total))
    seen = 0
    for bucket in sorted(histogram):
        seen += histogram[bucket]
        if seen >= rank:
            return bucket
    return max(histogram)


# --- what one workflow adds ---------------------------------------------------------------------

QA_CODE = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")
MAX_QA_CODES = 20  # per workflow: an aggregate item stays small whatever QA reports
TOKEN_FIELDS = {
    "inputTokens": "tok.input",
    "outputTokens": "tok.output",
    "cacheCreationInputTokens": "tok.cacheWrite",
    "cacheReadInputTokens": "tok.cacheRead",
}
ONE = Decimal(1)
# The counters of times (completion, phases, review wait): kept for every workflow and by input
# method, not by status.
TIMED_COUNTERS = ("ct.", "ph.", "rw.")


def _seconds(value: float) -> Decimal:
    return Decimal(str(round(max(value, 0.0), 3)))


def completion_seconds(workflow: Workflow) -> float | None:
    """Created to COMPLETED, less the time it was paused (the user's time, not the pipeline's)."""
    if workflow.status is not WorkflowStatus.COMPLETED or workflow.completed_at is None:
        return None
    return (workflow.completed_at - workflow.created_at).total_seconds() - workflow.paused_seconds


def review_wait_seconds(workflow: Workflow) -> float | None:
    """From the review's start to its approval (the current revision's review)."""
    review = workflow.review
    if review is None or review.approved_at is None:
        return None
    return (review.approved_at - review.requested_at).total_seconds()


def claude_usage(workflow: Workflow) -> tuple[dict[str, int], Decimal]:
    """Tokens summed over every analysis attempt, and their cost in USD."""
    analysis = workflow.analysis or {}
    attempts = analysis.get("attempts") or {"1": analysis}
    tokens = dict.fromkeys(TOKEN_FIELDS, 0)
    cost = Decimal(0)
    for attempt in attempts.values() if isinstance(attempts, dict) else ():
        usage = (attempt or {}).get("usage") or {}
        for name in TOKEN_FIELDS:
            value = usage.get(name)
            if isinstance(value, int) and value > 0:
                tokens[name] += value
        spent = (attempt or {}).get("costUsd")
        if isinstance(spent, int | float) and spent > 0:
            cost += Decimal(str(round(spent, 6)))
    return tokens, cost


def _counters(workflow: Workflow) -> Counters:
    """The counters of one workflow, unsliced."""
    counters: Counters = {
        "n": ONE,
        f"st.{workflow.status.value}": ONE,
        f"im.{workflow.input_method.value}": ONE,
    }
    seconds = completion_seconds(workflow)
    if seconds is not None:
        counters.update({"ct.n": ONE, "ct.sum": _seconds(seconds), f"ct.h{bucket_of(seconds)}": ONE})
        for phase, phase_seconds in workflow.phase_durations.items():
            counters[f"ph.{phase.value}.n"] = ONE
            counters[f"ph.{phase.value}.sum"] = _seconds(phase_seconds)
    waited = review_wait_seconds(workflow)
    if waited is not None:
        counters.update({"rw.n": ONE, "rw.sum": _seconds(waited), f"rw.h{bucket_of(waited)}": ONE})
    codes = [code for code in workflow.qa_failures if QA_CODE.match(code)][:MAX_QA_CODES]
    if codes:
        counters["qa.failed"] = ONE
        counters.update({f"qa.{code}": ONE for code in codes})
    if workflow.retries:
        counters["retries"] = Decimal(workflow.retries)
    tokens, cost = claude_usage(workflow)
    for name, value in tokens.items():
        if value:
            counters[TOKEN_FIELDS[name]] = Decimal(value)
    if cost:
        counters["cost"] = cost
    return counters


def contribution(workflow: Workflow) -> dict[tuple[str, str], Counters]:
    """What the workflow adds to each aggregate item it counts in, by (pk, sk)."""
    counters = _counters(workflow)
    every = {f"{EVERY}|{name}": value for name, value in counters.items()}
    by_method = {f"{_method_slice(workflow.input_method)}|{name}": value for name, value in counters.items()}
    # By status, no times: they are the COMPLETED ones' (and the totals'), and a workflow's move
    # from status to status moves only these few.
    by_status = {
        f"{_status_slice(workflow.status)}|{name}": value
        for name, value in counters.items()
        if not name.startswith(TIMED_COUNTERS)
    }
    sliced = {**every, **by_method, **by_status}
    day = day_sk(created_day(workflow))
    return {
        (user_key(workflow.user_id), ALL_SK): every,
        (user_key(workflow.user_id), day): sliced,
        (account_key(account_of(workflow)), ALL_SK): every,
        (account_key(account_of(workflow)), day): dict(sliced),
    }


def aggregate_updates(before: Workflow | None, after: Workflow | None) -> list[AggregateUpdate]:
    """The ADDs that take the aggregates from counting `before` to counting `after` (either None:
    created, deleted). A record not yet `aggregated` counted nothing."""
    old = contribution(before) if before is not None and before.aggregated else {}
    new = contribution(after) if after is not None else {}
    updates: list[AggregateUpdate] = []
    for key in sorted(set(old) | set(new)):
        was, now = old.get(key, {}), new.get(key, {})
        delta = {name: now.get(name, Decimal(0)) - was.get(name, Decimal(0)) for name in set(was) | set(now)}
        delta = {name: value for name, value in sorted(delta.items()) if value != 0}
        if delta:
            updates.append(AggregateUpdate(pk=key[0], sk=key[1], add=delta))
    return updates


def aggregate_changes(current: Workflow | None, updated: Workflow) -> list[AggregateUpdate]:
    """For a write of `updated` over `current` (None: a new workflow): marks `updated` as
    counted and answers the ADDs its transaction must carry. Every WorkflowRecords adapter
    calls this, so their aggregates agree."""
    updated.aggregated = True
    return aggregate_updates(current, updated)


def merge(items: Iterable[Mapping[str, Decimal]]) -> Counters:
    merged: Counters = {}
    for item in items:
        for name, value in item.items():
            merged[name] = merged.get(name, Decimal(0)) + value
    return merged


# --- figures from counters --------------------------------------------------------------------


def _slice(counters: Mapping[str, Decimal], slice_name: str) -> dict[str, Decimal]:
    prefix = f"{slice_name}|"
    return {name[len(prefix) :]: value for name, value in counters.items() if name.startswith(prefix)}


def _int(counters: Mapping[str, Decimal], name: str) -> int:
    return int(counters.get(name, 0))


def _mean(total: Decimal, count: int) -> float | None:
    return round(float(total) / count, 3) if count else None


def _histogram(counters: Mapping[str, Decimal], prefix: str) -> dict[int, int]:
    found: dict[int, int] = {}
    for name, value in counters.items():
        if name.startswith(prefix) and name[len(prefix) :].isdigit() and int(value) > 0:
            found[int(name[len(prefix) :])] = int(value)
    return found


def _bucket_view(bucket: int | None) -> dict[str, Any] | None:
    if bucket is None:
        return None
    low, high = bucket_range(bucket)
    return {"low": round(low, 3), "high": None if high is None else round(high, 3)}


def _times(counters: Mapping[str, Decimal], name: str) -> dict[str, Any]:
    count = _int(counters, f"{name}.n")
    histogram = _histogram(counters, f"{name}.h")
    median, p90 = percentile_bucket(histogram, 0.5), percentile_bucket(histogram, 0.9)
    return {
        "count": count,
        "mean": _mean(counters.get(f"{name}.sum", Decimal(0)), count),
        "median": None if median is None else round(bucket_estimate(median), 3),
        "p90": None if p90 is None else round(bucket_estimate(p90), 3),
        "medianBucket": _bucket_view(median),
        "p90Bucket": _bucket_view(p90),
    }


def figures(counters: Mapping[str, Decimal]) -> dict[str, Any]:
    """The figures of one slice's counters, as the API shows them."""
    by_status = {status.value: _int(counters, f"st.{status.value}") for status in WorkflowStatus}
    completed, failed = by_status[WorkflowStatus.COMPLETED], by_status[WorkflowStatus.FAILED]
    phases = {}
    for phase in PHASE_ORDER:
        count = _int(counters, f"ph.{phase.value}.n")
        phases[phase.value] = {
            "count": count,
            "mean": _mean(counters.get(f"ph.{phase.value}.sum", Decimal(0)), count),
        }
    reasons = {
        name[3:]: int(value)
        for name, value in counters.items()
        if name.startswith("qa.") and name != "qa.failed" and int(value) > 0
    }
    tokens = {field: _int(counters, name) for field, name in TOKEN_FIELDS.items()}
    return {
        "workflows": _int(counters, "n"),
        "byStatus": by_status,
        "byInputMethod": {method.value: _int(counters, f"im.{method.value}") for method in InputMethod},
        "completed": completed,
        "failed": failed,
        # Of the workflows that finished with or without a report: the share that failed.
        "errorRate": round(failed / (completed + failed), 4) if completed + failed else None,
        "retries": _int(counters, "retries"),
        "completionSeconds": _times(counters, "ct"),
        "phaseSeconds": phases,
        "reviewWaitSeconds": _times(counters, "rw"),
        "qaFailures": {
            "workflows": _int(counters, "qa.failed"),
            "reasons": dict(sorted(reasons.items(), key=lambda item: (-item[1], item[0]))),
        },
        "claude": {
            **tokens,
            "totalTokens": sum(tokens.values()),
            "costUsd": float(round(counters.get("cost", Decimal(0)), 6)),
        },
    }


# --- GET /stats ---------------------------------------------------------------------------


def stats_from(counters: Mapping[str, Decimal]) -> OrchestratorStats:
    """/stats as it always answered, from the user's all-time item."""
    every = _slice(counters, EVERY)
    by_status = {status: _int(every, f"st.{status.value}") for status in WorkflowStatus}
    return OrchestratorStats(
        total_workflows=sum(by_status.values()),
        active_workflows=sum(by_status[s] for s in ACTIVE_STATUSES),
        by_status=by_status,
        completed_workflows=by_status[WorkflowStatus.COMPLETED],
        average_completion_seconds=_mean(every.get("ct.sum", Decimal(0)), _int(every, "ct.n")),
        phase_durations={phase: _phase_stats(every, phase.value) for phase in PHASE_ORDER},
    )


def _phase_stats(counters: Mapping[str, Decimal], phase: str) -> PhaseDurationStats:
    count = _int(counters, f"ph.{phase}.n")
    return PhaseDurationStats(
        count=count, average_seconds=_mean(counters.get(f"ph.{phase}.sum", Decimal(0)), count) or 0.0
    )


def get_stats(ports: Ports, user_id: str) -> OrchestratorStats:
    return stats_from(ports.workflows.aggregate(user_key(user_id), ALL_SK))


# --- GET /analytics -----------------------------------------------------------------------

MAX_RANGE_DAYS = 366
DEFAULT_RANGE_DAYS = 30
GROUP_BY = ("day", "week", "month", "inputMethod", "status")
SCOPES = ("user", "account")
FORMATS = ("json", "csv")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


def may_see_account_figures(membership: Membership) -> bool:
    """Who may read the whole account's figures: as the policy table says (its admins)."""
    return policy.member_may(membership, policy.Action.VIEW_ORG_ANALYTICS)


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidRequestError(f"{name} must be a date, YYYY-MM-DD (UTC)", code="INVALID_DATE") from None


def date_range(start: str | None, end: str | None, today: date) -> tuple[date, date]:
    """The days asked for, both included: by default the 30 days ending today (UTC)."""
    last = _date(end, "to") or today
    # (no earlier than year 1's first day)
    back = min(DEFAULT_RANGE_DAYS - 1, (last - date.min).days)
    first = _date(start, "from") or last - timedelta(days=back)
    if first > last:
        raise InvalidRequestError("from must not be after to", code="INVALID_RANGE")
    if (last - first).days + 1 > MAX_RANGE_DAYS:
        raise InvalidRequestError(
            f"A range covers at most {MAX_RANGE_DAYS} days; ask for several", code="RANGE_TOO_LONG"
        )
    return first, last


def _choice(value: str | None, allowed: tuple[str, ...], default: str, name: str, code: str) -> str:
    if value is None:
        return default
    if value not in allowed:
        raise InvalidRequestError(f"{name} must be one of: {', '.join(allowed)}", code=code)
    return value


def _group_of(day: date, group_by: str) -> str:
    if group_by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if group_by == "month":
        return f"{day.year}-{day.month:02d}"
    return day.isoformat()


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def analytics_of(
    days: Mapping[date, Mapping[str, Decimal]], first: date, last: date, group_by: str
) -> dict[str, Any]:
    """Totals and groups from the day items of a range (days with no item count nothing)."""
    merged = merge(days.values())
    if group_by in ("day", "week", "month"):
        grouped: dict[str, list[Mapping[str, Decimal]]] = {}
        for day in _days(first, last):
            grouped.setdefault(_group_of(day, group_by), []).append(days.get(day, {}))
        groups = [{"key": key, **figures(_slice(merge(items), EVERY))} for key, items in grouped.items()]
    elif group_by == "inputMethod":
        groups = [{"key": m.value, **figures(_slice(merged, _method_slice(m)))} for m in InputMethod]
    else:
        groups = [{"key": s.value, **figures(_slice(merged, _status_slice(s)))} for s in WorkflowStatus]
    return {"totals": figures(_slice(merged, EVERY)), "groups": groups}


def get_analytics(
    ports: Ports, user_id: str, query: Mapping[str, str], *, today: date | None = None
) -> dict[str, Any]:
    """The caller's figures, or (`scope=account`, an admin only) their account's, over a range."""
    first, last = date_range(query.get("from"), query.get("to"), today or datetime.now(UTC).date())
    group_by = _choice(query.get("groupBy"), GROUP_BY, "day", "groupBy", "INVALID_GROUP_BY")
    scope = _choice(query.get("scope"), SCOPES, "user", "scope", "INVALID_SCOPE")
    _choice(query.get("format"), FORMATS, "json", "format", "INVALID_FORMAT")
    if scope == "account":
        membership = membership_of(ports, user_id)
        if not may_see_account_figures(membership):
            raise ForbiddenError(
                "Only an owner or manager of the account may read its figures", code="ANALYTICS_FORBIDDEN"
            )
        owner, key = membership.org_id, account_key(membership.org_id)
    else:
        owner, key = user_id, user_key(user_id)
    items = ports.workflows.aggregates(key, day_sk(first), day_sk(last))
    days = {date.fromisoformat(sk.removeprefix(DAY_SK_PREFIX)): counters for sk, counters in items}
    return {
        "scope": scope,
        "id": owner,
        "from": first.isoformat(),
        "to": last.isoformat(),
        "timeZone": "UTC",
        "groupBy": group_by,
        **analytics_of(days, first, last, group_by),
    }


def wants_csv(query: Mapping[str, str]) -> bool:
    return query.get("format") == "csv"


def _flatten(value: Any, prefix: str, row: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for name, inner in value.items():
            _flatten(inner, f"{prefix}.{name}" if prefix else name, row)
    else:
        row[prefix] = "" if value is None else value


def to_csv(analytics: Mapping[str, Any]) -> str:
    """One row per group, then the totals (key `total`); nested figures as dotted columns."""
    rows: list[dict[str, Any]] = []
    for group in [*analytics["groups"], {"key": "total", **analytics["totals"]}]:
        row: dict[str, Any] = {}
        _flatten(group, "", row)
        rows.append(row)
    columns: list[str] = []
    for row in rows:
        columns += [name for name in row if name not in columns]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, restval=0, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def csv_name(analytics: Mapping[str, Any]) -> str:
    return f"analytics-{analytics['scope']}-{analytics['from']}-{analytics['to']}-{analytics['groupBy']}.csv"
