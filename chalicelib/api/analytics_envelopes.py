"""GET /analytics in the OpenAPI document: its answer's models and its query parameters
(`core/analytics.py` builds the answer as a dict). Imported only when the document is built."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field
from pydantic.json_schema import JsonSchemaValue

from chalicelib.core.analytics import FORMATS, MAX_RANGE_DAYS, SCOPES
from chalicelib.core.models import ApiModel, InputMethod, OrchestratorPhase, WorkflowStatus


class _Envelope(ApiModel):
    model_config = ConfigDict(extra="forbid")


class HistogramBucket(_Envelope):
    """A histogram bucket of times: [low, high) seconds, 4 buckets per doubling (high is null for
    the last, open bucket from 2^22 s)."""

    low: float
    high: float | None


class TimeFigures(_Envelope):
    count: int
    mean: float | None = Field(description="Seconds, exact")
    median: float | None = Field(description="Seconds: the midpoint of `medianBucket` (within 9.05 %)")
    p90: float | None = Field(description="Seconds: the midpoint of `p90Bucket` (within 9.05 %)")
    median_bucket: HistogramBucket | None
    p90_bucket: HistogramBucket | None


class PhaseFigures(_Envelope):
    count: int
    mean: float | None = Field(description="Seconds")


class QaFailureFigures(_Envelope):
    workflows: int = Field(description="Workflows whose QA found an error at least once")
    reasons: dict[str, int] = Field(description="QA error code -> workflows that failed with it, most first")


class ClaudeFigures(_Envelope):
    input_tokens: int
    output_tokens: int
    cache_creation_input_tokens: int
    cache_read_input_tokens: int
    total_tokens: int
    cost_usd: float


class Figures(_Envelope):
    """The figures of a set of workflows (each counted in the UTC day it was created), as they
    stand now: a workflow's status, times and costs move with it."""

    workflows: int
    by_status: dict[WorkflowStatus, int]
    by_input_method: dict[InputMethod, int]
    completed: int
    failed: int
    error_rate: float | None = Field(description="failed / (completed + failed); null when neither")
    retries: int
    completion_seconds: TimeFigures = Field(description="Created to COMPLETED, less time paused")
    phase_seconds: dict[OrchestratorPhase, PhaseFigures] = Field(description="Of COMPLETED workflows")
    review_wait_seconds: TimeFigures = Field(description="Review requested to approved")
    qa_failures: QaFailureFigures
    claude: ClaudeFigures


class GroupFigures(Figures):
    key: str = Field(
        description="The day (YYYY-MM-DD), ISO week (YYYY-Www), month (YYYY-MM), input method or status"
    )


class Analytics(_Envelope):
    scope: Literal["user", "account"]
    id: str = Field(description="The user's id, or the account's (`orgId`)")
    from_: str = Field(alias="from", description="The first day, YYYY-MM-DD (UTC)")
    to: str = Field(description="The last day, included")
    time_zone: Literal["UTC"]
    group_by: Literal["day", "week", "month", "inputMethod", "status"]
    totals: Figures
    groups: list[GroupFigures]


class AnalyticsResponse(_Envelope):
    """Workflows by status and input method, completion time (mean, median, p90), time per phase,
    time waiting in review, QA failure reasons, error rate, Claude tokens and cost, by day, week,
    month, input method or status. Each workflow counts in the UTC day it was created, with its
    figures as they stand now. Read from aggregates kept as workflows change: at most one item per
    day of the range, however many workflows there are."""

    analytics: Analytics


ANALYTICS_ERRORS: dict[int, tuple[str, ...]] = {
    400: (
        "INVALID_DATE",
        "INVALID_RANGE",
        "RANGE_TOO_LONG",
        "INVALID_GROUP_BY",
        "INVALID_SCOPE",
        "INVALID_FORMAT",
    ),
    403: ("ANALYTICS_FORBIDDEN",),
}

ANALYTICS_QUERY: tuple[JsonSchemaValue, ...] = (
    {
        "name": "from",
        "in": "query",
        "required": False,
        "description": "The first day (UTC), included; by default 29 days before `to`.",
        "schema": {"type": "string", "format": "date"},
    },
    {
        "name": "to",
        "in": "query",
        "required": False,
        "description": "The last day (UTC), included; by default today. "
        f"At most {MAX_RANGE_DAYS} days from `from` (`400 RANGE_TOO_LONG`).",
        "schema": {"type": "string", "format": "date"},
    },
    {
        "name": "groupBy",
        "in": "query",
        "required": False,
        "description": "The groups: a series by day, ISO week or month (every one in the range, "
        "empty ones included), or a breakdown by input method or status.",
        "schema": {
            "type": "string",
            "enum": ["day", "week", "month", "inputMethod", "status"],
            "default": "day",
        },
    },
    {
        "name": "scope",
        "in": "query",
        "required": False,
        "description": "`user`: the caller's own workflows; `account`: every workflow of the caller's "
        "account (an owner or manager only, `403 ANALYTICS_FORBIDDEN` otherwise).",
        "schema": {"type": "string", "enum": list(SCOPES), "default": "user"},
    },
    {
        "name": "format",
        "in": "query",
        "required": False,
        "description": "`csv`: the groups then the totals as `text/csv`, one column per figure.",
        "schema": {"type": "string", "enum": list(FORMATS), "default": "json"},
    },
)
