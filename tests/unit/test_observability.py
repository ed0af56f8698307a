"""Operations: every log line of an invocation carries its request and workflow ids (and loses
them when it ends); a phase run prints the EMF metrics the template's alarms and dashboard read;
the phases and handlers are traced where tracing is on."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from chalice.app import LambdaFunctionEvent, Request

from chalicelib import observability
from chalicelib.analysis import analyze_text
from chalicelib.analysis.claude import AnalysisOutcome
from chalicelib.analysis.claude_pricing import Usage
from chalicelib.core.documents import WorkFile, work_key
from chalicelib.core.errors import PauseRequestedError
from chalicelib.core.models import InputMethod, Workflow, WorkflowStatus, utc_now
from chalicelib.logs import REDACTED, logger
from chalicelib.phases import initiation, processing, qa
from chalicelib.phases.failure import record_failure
from chalicelib.settings import get_settings
from tests.memory_ports import MemoryPorts

WORKFLOW_ID = "wf_" + "c" * 32
OTHER_WORKFLOW_ID = "wf_" + "d" * 32
NOTES = "Cause: burst supply line under the sink.\nKitchen 12x14 ft, vinyl floor wet.\nSubfloor 32%MC.\n"
NAMESPACE = "RestoreAssistTest"
INPUT_KEY = f"inputs/alice/{WORKFLOW_ID}/text.txt"
EVENT = {"workflowId": WORKFLOW_ID, "userId": "alice", "attempt": 1}


class Context:
    """The attributes of Lambda's context that the invocation keys read."""

    def __init__(self, request_id: str, function_name: str = "restoreassist-dev-phase_processing") -> None:
        self.aws_request_id = request_id
        self.function_name = function_name


@pytest.fixture
def log_output() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logger.registered_formatter)
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


def _lines(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.startswith("{")]


@pytest.fixture
def metrics_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("POWERTOOLS_METRICS_DISABLED", "POWERTOOLS_DEV", "ANTHROPIC_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("POWERTOOLS_METRICS_NAMESPACE", NAMESPACE)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _emf(captured: str) -> list[dict[str, Any]]:
    """The EMF blobs printed: one JSON object per line with an `_aws` key."""
    blobs = []
    for line in captured.splitlines():
        if line.startswith("{") and '"_aws"' in line:
            blobs.append(json.loads(line))
    return blobs


def _metric(blobs: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    found = []
    for blob in blobs:
        (directive,) = blob["_aws"]["CloudWatchMetrics"]
        if any(metric["Name"] == name for metric in directive["Metrics"]):
            found.append({"directive": directive, "blob": blob})
    return found


def _ports_with_text(status: WorkflowStatus = WorkflowStatus.IN_PROGRESS) -> MemoryPorts:
    ports = MemoryPorts()
    now = utc_now()
    ports.workflows.create(
        Workflow(
            id=WORKFLOW_ID,
            user_id="alice",
            title="Kitchen leak",
            input_method=InputMethod.TEXT,
            status=status,
            input_data={"textKey": INPUT_KEY},
            created_at=now,
            updated_at=now,
        )
    )
    ports.blobs.put_text(INPUT_KEY, NOTES)
    ports.blobs.put_text(work_key("alice", WORKFLOW_ID, WorkFile.TEXT), NOTES)
    return ports


# --- logs ------------------------------------------------------------------------------------


def test_a_phase_invocations_lines_carry_its_workflow_and_request_ids_until_it_ends(
    log_output: io.StringIO,
) -> None:
    # Given a phase Lambda's event and context
    event = LambdaFunctionEvent(dict(EVENT), Context("1234-5678-9012-3456"))

    # When it logs, with nothing but a message, during the invocation and after it
    with observability.invocation(event):
        logger.warning("Something happened to jane@example.com")
    logger.info("Between invocations")

    during, after = _lines(log_output)
    # Then the line inside has both ids (a request id's digits are no phone number), and the
    # redaction still applies to everything else
    assert during["workflowId"] == WORKFLOW_ID
    assert during["function_request_id"] == "1234-5678-9012-3456"
    assert during["function_name"] == "restoreassist-dev-phase_processing"
    assert "jane@example.com" not in during["message"] and REDACTED in during["message"]
    assert "cold_start" in during
    # And the one after carries neither
    assert "workflowId" not in after and "function_request_id" not in after


def test_an_api_requests_lines_carry_api_gateways_request_id_and_the_paths_workflow(
    log_output: io.StringIO,
) -> None:
    import app

    def request(workflow_id: str, gateway_request_id: str, lambda_request_id: str) -> Request:
        return Request(
            {
                "multiValueQueryStringParameters": None,
                "headers": {},
                "pathParameters": {"workflow_id": workflow_id},
                "requestContext": {
                    "httpMethod": "GET",
                    "resourcePath": "/api/orchestrator/workflows/{workflow_id}",
                    "requestId": gateway_request_id,
                },
                "body": None,
                "stageVariables": None,
            },
            Context(lambda_request_id, "restoreassist-dev"),
        )

    def handler(event: Any) -> str:
        logger.info("Handling")
        return "done"

    # When app.py's middleware runs two requests, one naming a workflow, one a path that is not
    assert app.observed(request(WORKFLOW_ID, "gw-req-1", "lambda-req-1"), handler) == "done"
    assert app.observed(request("jane@example.com", "gw-req-2", "lambda-req-2"), handler) == "done"

    first, second = _lines(log_output)
    assert (first["workflowId"], first["correlation_id"], first["function_request_id"]) == (
        WORKFLOW_ID,
        "gw-req-1",
        "lambda-req-1",
    )
    # Nothing of the first request is left on the second; a path that is no workflow id is not
    # logged as one
    assert second["correlation_id"] == "gw-req-2" and "workflowId" not in second
    assert "jane@example.com" not in json.dumps(second)


def test_a_phase_runs_lines_carry_the_workflow_even_from_deep_inside(
    log_output: io.StringIO, metrics_on: None
) -> None:
    ports = _ports_with_text()
    ports.claude_key.unavailable = "Secrets Manager answered AccessDeniedException"
    with observability.invocation(LambdaFunctionEvent(dict(EVENT), Context("req-77"))):
        processing.handle(ports, dict(EVENT))

    lines = _lines(log_output)
    warning = next(line for line in lines if line["message"].startswith("Claude API key unavailable"))
    assert warning["workflowId"] == WORKFLOW_ID and warning["function_request_id"] == "req-77"
    assert warning["phase"] == "PROCESSING"
    assert all(line["function_request_id"] == "req-77" for line in lines)


# --- metrics ---------------------------------------------------------------------------------


def test_a_workflows_phases_print_emf_metrics_with_their_names_and_dimensions(
    metrics_on: None, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a pending TEXT workflow whose text is in place
    ports = _ports_with_text(WorkflowStatus.PENDING)
    capsys.readouterr()

    # When INITIATION, PROCESSING and QA run
    state = dict(EVENT)
    for phase in (initiation, processing, qa):
        state = phase.handle(ports, state)
    blobs = _emf(capsys.readouterr().out)

    # Then every blob is in our namespace with the service dimension
    assert blobs
    for blob in blobs:
        (directive,) = blob["_aws"]["CloudWatchMetrics"]
        assert directive["Namespace"] == NAMESPACE
        assert blob["service"] == "restoreassist-orchestrator"
        assert all("service" in dimensions for dimensions in directive["Dimensions"])
    # One start, one duration per phase (in ms, by phase), one QA outcome
    (started,) = _metric(blobs, "WorkflowsStarted")
    assert started["blob"]["WorkflowsStarted"] in (1, [1])
    durations = _metric(blobs, "PhaseDuration")
    assert sorted(d["blob"]["phase"] for d in durations) == ["INITIATION", "PROCESSING", "QA"]
    for duration in durations:
        assert [sorted(d) for d in duration["directive"]["Dimensions"]] == [["phase", "service"]]
        assert duration["directive"]["Metrics"] == [{"Name": "PhaseDuration", "Unit": "Milliseconds"}]
    (outcome,) = _metric(blobs, "QaOutcome")
    assert [sorted(d) for d in outcome["directive"]["Dimensions"]] == [["outcome", "service"]]
    # (these notes pass QA: the state machine goes on to OUTPUT)
    assert (state["qaPassed"], state["retry"], state["reviewRequired"]) == (True, False, False)
    assert outcome["blob"]["outcome"] == "passed"
    assert not _metric(blobs, "ClaudeTokens")  # the offline analyzer costs nothing


def test_completion_failure_and_review_are_counted_once_from_the_committed_write(
    metrics_on: None, capsys: pytest.CaptureFixture[str]
) -> None:
    ports = _ports_with_text()
    capsys.readouterr()
    failure = {**EVENT, "error": {"Error": "States.Timeout", "Cause": "Task timed out"}}
    record_failure(ports, failure)
    record_failure(ports, failure)  # a second delivery changes nothing, counts nothing
    blobs = _emf(capsys.readouterr().out)
    assert [blob["blob"]["WorkflowsFailed"] for blob in _metric(blobs, "WorkflowsFailed")] in ([1], [[1]])
    assert not _metric(blobs, "WorkflowsCompleted")

    def complete(workflow: Workflow) -> None:
        workflow.status = WorkflowStatus.COMPLETED

    done = MemoryPorts()
    now = utc_now()
    done.workflows.create(
        Workflow(
            id=OTHER_WORKFLOW_ID,
            user_id="bob",
            title="t",
            input_method=InputMethod.TEXT,
            status=WorkflowStatus.IN_PROGRESS,
            created_at=now,
            updated_at=now,
        )
    )
    done.workflows.update(OTHER_WORKFLOW_ID, complete)
    assert len(_metric(_emf(capsys.readouterr().out), "WorkflowsCompleted")) == 1


def test_claude_tokens_and_cost_are_metered(
    metrics_on: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test")
    get_settings.cache_clear()

    class Analyzer:
        def analyze(
            self, text: str, *, qa_feedback: list[str] | None = None, received: date | None = None
        ) -> AnalysisOutcome:
            findings = analyze_text(text, received=received)
            usage = Usage(
                input_tokens=100,
                output_tokens=50,
                cache_creation_input_tokens=0,
                cache_read_input_tokens=1000,
            )
            return AnalysisOutcome(
                findings=findings,
                analyzer="claude",
                model="claude-sonnet-5-5",
                usage=usage,
                cost_usd=0.0123,
                attempts=1,
                fell_back=False,
                fallback_reason=None,
            )

    monkeypatch.setattr(processing, "claude_analyzer", lambda settings: Analyzer())
    ports = _ports_with_text()
    capsys.readouterr()
    processing.handle(ports, dict(EVENT))
    blobs = _emf(capsys.readouterr().out)
    (tokens,) = _metric(blobs, "ClaudeTokens")
    (cost,) = _metric(blobs, "ClaudeCostUsd")
    assert tokens["blob"]["ClaudeTokens"] in (1150, [1150])
    assert cost["blob"]["ClaudeCostUsd"] in (0.0123, [0.0123])
    assert tokens["directive"]["Dimensions"] == [["service"]]


# --- traces ----------------------------------------------------------------------------------


class FakeProvider:
    """Records the subsegments and patches Powertools' X-Ray provider would make."""

    def __init__(self) -> None:
        self.subsegments: list[tuple[str, dict[str, Any]]] = []
        self.patched: list[list[str]] = []

    @contextmanager
    def in_subsegment(self, name: str) -> Iterator[Any]:
        annotations: dict[str, Any] = {}
        self.subsegments.append((name, annotations))

        class Subsegment:
            def put_annotation(self, key: str, value: Any) -> None:
                annotations[key] = value

        yield Subsegment()

    def patch(self, modules: list[str]) -> None:
        self.patched.append(modules)


def test_where_tracing_is_on_each_handler_and_phase_is_a_subsegment(
    monkeypatch: pytest.MonkeyPatch, metrics_on: None
) -> None:
    provider = FakeProvider()

    class FakeTracer:
        pass

    fake = FakeTracer()
    fake.provider = provider  # type: ignore[attr-defined]
    monkeypatch.setattr(observability, "tracer", lambda: fake)
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "restoreassist-dev-phase_processing")
    monkeypatch.delenv("POWERTOOLS_TRACE_DISABLED", raising=False)
    assert observability.tracing_enabled()

    ports = _ports_with_text()
    with observability.invocation(LambdaFunctionEvent(dict(EVENT), Context("req-1"))):
        processing.handle(ports, dict(EVENT))
    observability.patch_aws_sdk()

    names = [name for name, _ in provider.subsegments]
    assert names == ["## restoreassist-dev-phase_processing", "## phase PROCESSING"]
    handler, phase = (annotations for _, annotations in provider.subsegments)
    assert handler["workflowId"] == WORKFLOW_ID and handler["Service"] == "restoreassist-orchestrator"
    assert isinstance(handler["ColdStart"], bool)
    assert phase == {"workflowId": WORKFLOW_ID, "phase": "PROCESSING"}
    assert provider.patched == [["botocore"]]

    # POWERTOOLS_TRACE_DISABLED (the local stack, tests) turns it all off
    monkeypatch.setenv("POWERTOOLS_TRACE_DISABLED", "true")
    assert not observability.tracing_enabled()


def test_each_upload_in_an_sqs_batch_logs_with_its_own_workflow(log_output: io.StringIO) -> None:
    from chalicelib.core import uploads

    ports = MemoryPorts()  # no workflow owns these uploads: each is logged and ignored
    keys = [f"uploads/alice/{WORKFLOW_ID}/notes.pdf", f"uploads/bob/{OTHER_WORKFLOW_ID}/job.docx"]
    records = [
        {"eventName": "ObjectCreated:Post", "s3": {"object": {"key": key, "size": 10}}} for key in keys
    ]
    with observability.invocation(LambdaFunctionEvent({"Records": []}, Context("sqs-req"))):
        uploads.handle_notification(ports, json.dumps({"Records": records}))
        logger.info("Batch done")

    first, second, done = _lines(log_output)
    assert (first["workflowId"], second["workflowId"]) == (WORKFLOW_ID, OTHER_WORKFLOW_ID)
    assert "workflowId" not in done and done["function_request_id"] == "sqs-req"


def test_only_a_phases_unexpected_errors_are_counted_as_phase_errors(
    metrics_on: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a workflow whose PROCESSING is asked to pause (it raises to steer the state machine)
    ports = _ports_with_text(WorkflowStatus.PENDING)
    state = initiation.handle(ports, dict(EVENT))
    ports.workflows.update(WORKFLOW_ID, lambda current: setattr(current, "pause_requested", True))
    capsys.readouterr()
    with pytest.raises(PauseRequestedError):
        processing.handle(ports, state)
    # Then no PhaseErrors: the operators' alarm must not page on a pause
    assert not _metric(_emf(capsys.readouterr().out), "PhaseErrors")

    # And a fault inside the analysis is counted once, by phase
    ports.workflows.update(WORKFLOW_ID, lambda current: setattr(current, "pause_requested", False))

    def broken(text: str, **_: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(processing, "analyze_text", broken)
    with pytest.raises(RuntimeError):
        processing.handle(ports, state)
    (counted,) = _metric(_emf(capsys.readouterr().out), "PhaseErrors")
    assert counted["blob"]["phase"] == "PROCESSING"


def test_processing_reads_the_notes_against_the_day_they_were_received(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given a workflow whose notes are analysed offline
    ports = _ports_with_text(WorkflowStatus.PENDING)
    state = initiation.handle(ports, dict(EVENT))
    seen: dict[str, Any] = {}
    real = processing.analyze_text

    def recording(text: str, **kwargs: Any) -> Any:
        seen.update(kwargs)
        return real(text, **kwargs)

    monkeypatch.setattr(processing, "analyze_text", recording)
    processing.handle(ports, state)
    # Then the analyzer was given the workflow's creation day, not the clock's
    workflow = ports.workflows.get(WORKFLOW_ID)
    assert workflow is not None
    assert seen["received"] == workflow.created_at.date()
