"""Operations: the log context, traces and metrics of every invocation, behind a few calls.

- **Logs.** `invocation()` (app.py's middleware wraps every entry point in it) puts the Lambda
  request id (`function_request_id`), API Gateway's request id (`correlation_id`, HTTP and
  WebSocket events), the function's name, `cold_start` and the workflow id (`workflowId`, when the
  event names a valid one) on every line the handler logs, and clears them when it ends. The keys
  are Powertools' thread-safe (context-variable) keys, so the local gateway's threads never mix
  one request's ids into another's. Lines still go through `logs.RedactingFormatter`.
- **Traces.** On Lambda (not with `POWERTOOLS_TRACE_DISABLED=true`, nor locally), each
  invocation is an X-Ray subsegment `## <function>` and each phase's work one more,
  `## phase <PHASE>`, annotated with the workflow id (Powertools Tracer; boto3 is patched when
  the wiring builds its first client). `aws_xray_sdk` is imported only then: the API's cold
  start does not pay for it.
- **Metrics.** CloudWatch EMF lines (Powertools), namespace `POWERTOOLS_METRICS_NAMESPACE`
  (default `RestoreAssist`), dimension `service` = `restoreassist-orchestrator` on every metric:
  `WorkflowsStarted`, `WorkflowsCompleted`, `WorkflowsFailed`, `WorkflowsInReview` (Count);
  `PhaseDuration` (Milliseconds, + `phase`); `QaOutcome` (Count, + `outcome`: passed | retry |
  review); `ClaudeTokens` (Count) and `ClaudeCostUsd` (None). Each is printed when it happens,
  so a Lambda that dies later has already reported it. `POWERTOOLS_METRICS_DISABLED=true` mutes
  them (Powertools' own switch).

The workflow transitions are counted from the progress events a committed write made (the
wiring passes them to `count_transitions`), so every path that completes, fails or sends a
workflow to review is counted once, whichever function wrote it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any

from chalicelib.core.events import Event, EventType
from chalicelib.core.models import WORKFLOW_ID_PATTERN
from chalicelib.logs import logger
from chalicelib.settings import get_settings

if TYPE_CHECKING:
    from aws_lambda_powertools import Tracer

SERVICE = "restoreassist-orchestrator"

WORKFLOWS_STARTED = "WorkflowsStarted"
WORKFLOWS_COMPLETED = "WorkflowsCompleted"
WORKFLOWS_FAILED = "WorkflowsFailed"
WORKFLOWS_IN_REVIEW = "WorkflowsInReview"
PHASE_DURATION = "PhaseDuration"
QA_OUTCOME = "QaOutcome"
CLAUDE_TOKENS = "ClaudeTokens"
CLAUDE_COST_USD = "ClaudeCostUsd"
PHASE_ERRORS = "PhaseErrors"
TRANSITIONS = {
    EventType.WORKFLOW_COMPLETE: WORKFLOWS_COMPLETED,
    EventType.WORKFLOW_FAILED: WORKFLOWS_FAILED,
    EventType.REVIEW_REQUIRED: WORKFLOWS_IN_REVIEW,
}

_cold_start = True


# --- metrics -------------------------------------------------------------------------------


def put_metric(name: str, value: float, unit: str = "Count", **dimensions: str) -> None:
    """One EMF line now: `name` with `service` and `dimensions` as its dimensions."""
    from aws_lambda_powertools.metrics import EphemeralMetrics  # deferred: the phases pay for it

    # Its own metric set per line: Powertools' shared `Metrics` would merge the dimensions of
    # metrics that need different ones (a phase, an outcome).
    metrics = EphemeralMetrics(namespace=get_settings().powertools_metrics_namespace, service=SERVICE)
    for dimension, dimension_value in dimensions.items():
        metrics.add_dimension(name=dimension, value=dimension_value)
    metrics.add_metric(name=name, unit=unit, value=value)
    metrics.flush_metrics()


def count_transitions(events: Iterable[Event]) -> None:
    """WorkflowsCompleted / WorkflowsFailed / WorkflowsInReview, from a committed write's events."""
    for event in events:
        name = TRANSITIONS.get(event.type)
        if name is not None:
            put_metric(name, 1)


def workflow_started() -> None:
    put_metric(WORKFLOWS_STARTED, 1)


def phase_error(phase: str) -> None:
    """A phase failed with an error that does not steer the workflow: a fault worth an alarm."""
    put_metric(PHASE_ERRORS, 1, phase=phase)


def qa_outcome(*, passed: bool, retry: bool, review: bool) -> None:
    outcome = "retry" if retry else "review" if review else "passed" if passed else "rejected"
    put_metric(QA_OUTCOME, 1, outcome=outcome)


def claude_usage(tokens: int, cost_usd: float | None) -> None:
    put_metric(CLAUDE_TOKENS, tokens)
    if cost_usd is not None:
        put_metric(CLAUDE_COST_USD, cost_usd, unit="None")


# --- traces --------------------------------------------------------------------------------


def tracing_enabled() -> bool:
    """What Powertools' Tracer decides, without importing it: on Lambda only (not SAM or
    Chalice local), unless POWERTOOLS_TRACE_DISABLED says otherwise."""
    if os.environ.get("POWERTOOLS_TRACE_DISABLED", "").lower() in ("1", "true", "yes", "on"):
        return False
    if os.environ.get("AWS_SAM_LOCAL") or os.environ.get("AWS_CHALICE_CLI_MODE"):
        return False
    return bool(os.environ.get("AWS_LAMBDA_FUNCTION_NAME"))


@cache
def tracer() -> Tracer:
    from aws_lambda_powertools import Tracer

    # No auto-patching: it would import boto3 at the first invocation of every function;
    # `patch_aws_sdk` patches botocore when the wiring builds its first client instead.
    return Tracer(service=SERVICE, auto_patch=False)


def patch_aws_sdk() -> None:
    """Trace boto3's calls (the wiring calls this before it builds its first client)."""
    if tracing_enabled():
        tracer().provider.patch(["botocore"])


@contextmanager
def traced(name: str, **annotations: str | bool) -> Iterator[None]:
    """An X-Ray subsegment `name` with `annotations` (searchable), where tracing is on."""
    if not tracing_enabled():
        yield
        return
    with tracer().provider.in_subsegment(name) as subsegment:
        for key, value in annotations.items():
            subsegment.put_annotation(key=key, value=value)
        yield


# --- one invocation, one phase -------------------------------------------------------------


def valid_workflow_id(value: Any) -> str | None:
    """A workflow id from an event or a path, only if it is one (anything else stays out of the
    log keys, which are not redacted)."""
    return value if isinstance(value, str) and WORKFLOW_ID_PATTERN.fullmatch(value) else None


def _invocation_keys(event: Any) -> dict[str, Any]:
    """The log keys of a Chalice event: a Request (HTTP), a WebsocketEvent, or a Lambda,
    SQS or other event (`.context` is the Lambda context there)."""
    context = getattr(event, "lambda_context", None) or getattr(event, "context", None)
    keys: dict[str, Any] = {}
    request_id = getattr(context, "aws_request_id", None)
    if request_id:
        keys["function_request_id"] = request_id
        keys["function_name"] = getattr(context, "function_name", None)
    raw = _raw_event(event)
    request_context = raw.get("requestContext")
    if isinstance(request_context, dict) and request_context.get("requestId"):
        keys["correlation_id"] = request_context["requestId"]
    params = getattr(event, "uri_params", None) or {}
    workflow_id = valid_workflow_id(raw.get("workflowId")) or valid_workflow_id(params.get("workflow_id"))
    if workflow_id:
        keys["workflowId"] = workflow_id
    return keys


def _raw_event(event: Any) -> dict[str, Any]:
    if hasattr(event, "to_original_event"):  # an HTTP Request
        original = event.to_original_event()
        return original if isinstance(original, dict) else {}
    to_dict = getattr(event, "to_dict", None)
    raw = to_dict() if callable(to_dict) else None
    return raw if isinstance(raw, dict) else {}


@contextmanager
def invocation(event: Any) -> Iterator[None]:
    """Around one Lambda invocation: its log keys and its trace subsegment."""
    global _cold_start
    cold, _cold_start = _cold_start, False
    keys = _invocation_keys(event)
    logger.thread_safe_clear_keys()  # nothing of the previous invocation survives
    logger.thread_safe_append_keys(cold_start=cold, **keys)
    annotations: dict[str, str | bool] = {"ColdStart": cold, "Service": SERVICE}
    if "workflowId" in keys:
        annotations["workflowId"] = keys["workflowId"]
    try:
        with traced(f"## {keys.get('function_name') or 'handler'}", **annotations):
            yield
    finally:
        logger.thread_safe_clear_keys()


@contextmanager
def about_workflow(workflow_id: str | None) -> Iterator[None]:
    """Lines logged inside carry `workflowId` (one record of a batch: an SQS message's upload)."""
    if workflow_id is None:
        yield
        return
    logger.thread_safe_append_keys(workflowId=workflow_id)
    try:
        yield
    finally:
        logger.thread_safe_remove_keys(["workflowId"])


def workflow_in_key(key: str) -> str | None:
    """The workflow id an S3 key names (`uploads/<user>/<workflowId>/...`), if any."""
    return next((part for part in key.split("/") if valid_workflow_id(part)), None)


@contextmanager
def phase(name: str, workflow_id: str) -> Iterator[None]:
    """Around a phase's own work: its trace subsegment and its `PhaseDuration`, also when it
    fails (a slow failure is worth seeing too)."""
    logger.thread_safe_append_keys(workflowId=workflow_id, phase=name)
    started = time.perf_counter()
    try:
        with traced(f"## phase {name}", workflowId=workflow_id, phase=name):
            yield
    finally:
        logger.thread_safe_remove_keys(["phase"])  # the workflow id stays for the invocation
        elapsed_ms = (time.perf_counter() - started) * 1000
        put_metric(PHASE_DURATION, round(elapsed_ms, 3), unit="Milliseconds", phase=name)
