"""PROCESSING: analyse the prepared text into structured findings.

With a Claude API key (`ports.claude_key`: the Secrets Manager secret named by
ANTHROPIC_API_KEY_SECRET_ARN, or ANTHROPIC_API_KEY), Claude analyses, falling back to the offline
analyzer, and saying so in the findings' notes, when the API stays unavailable or the secret cannot
be read; with no key configured, the offline rules analyzer does. On a QA retry
the previous QA errors go back to Claude as feedback.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from chalicelib import observability
from chalicelib.analysis import Findings, analyze_text
from chalicelib.analysis.citations import with_pages
from chalicelib.analysis.source_notes import ocr_note, source_note
from chalicelib.core import templates
from chalicelib.core.documents import WorkFile, work_key
from chalicelib.core.models import UPLOADED_INPUTS, OrchestratorPhase, Workflow
from chalicelib.core.ports import Ports, SecretUnavailableError
from chalicelib.logs import logger
from chalicelib.phases.runner import ExecutionState, PhaseResult, run_phase
from chalicelib.settings import Settings, get_settings


def handle(ports: Ports, event: dict[str, Any]) -> dict[str, Any]:
    return run_phase(ports, OrchestratorPhase.PROCESSING, event, analyse)


def analyse(ports: Ports, workflow: Workflow, state: ExecutionState) -> PhaseResult:
    blobs = ports.blobs
    text = blobs.get_text(work_key(workflow.user_id, workflow.id, WorkFile.TEXT))
    settings = get_settings()
    try:
        api_key = ports.claude_key.api_key()
        unavailable = None
    except SecretUnavailableError as error:
        api_key, unavailable = None, str(error)
    if api_key:
        settings = settings.model_copy(update={"anthropic_api_key": api_key})
        feedback = _qa_feedback(ports, workflow, state)
        findings, analysis = _claude_analysis(settings, text, feedback, workflow.received_on)
    elif unavailable is not None:
        findings, analysis = _without_key(text, unavailable, settings, workflow.received_on)
    else:
        findings = analyze_text(text, received=workflow.received_on)
        analysis = {"analyzer": findings.analyzer, "version": findings.analyzer_version, "costUsd": None}
    if workflow.input_method in UPLOADED_INPUTS:
        pages = blobs.get_json(work_key(workflow.user_id, workflow.id, WorkFile.PAGES))
        findings = with_pages(findings, pages["linePages"], pages.get("lineConfidences"))
        # What extraction left out (a damaged page...) and pages OCR was unsure of: in the notes,
        # which QA shows as warnings.
        left_out = [source_note(str(warning)) for warning in pages.get("warnings", [])]
        left_out += [ocr_note(str(warning)) for warning in pages.get("ocrWarnings", [])]
        if left_out:
            findings = findings.model_copy(update={"notes": [*findings.notes, *left_out]})
    blobs.put_json(
        work_key(workflow.user_id, workflow.id, WorkFile.FINDINGS), findings.model_dump(mode="json")
    )
    return PhaseResult(
        outcome={
            "analyzer": findings.analyzer,
            "affectedAreas": len(findings.affected_areas),
            "moistureReadings": len(findings.moisture_readings),
            "undetermined": list(findings.undetermined),
        },
        analysis=analysis,
        # A workflow that named no template gets its loss type's built-in (core/templates.py).
        template=None if workflow.template else templates.inferred(findings.damage_type),
    )


def claude_analyzer(settings: Settings) -> Any:
    """The Claude analyzer (a seam: tests give it a fake HTTP transport)."""
    from chalicelib.analysis.claude import DEFAULT_MODEL, ClaudeAnalyzer  # deferred: anthropic

    return ClaudeAnalyzer(
        settings.anthropic_api_key,
        settings.anthropic_model or DEFAULT_MODEL,
        max_retries=settings.anthropic_max_retries,
        timeout_seconds=settings.anthropic_timeout_seconds,
    )


def _claude_analysis(
    settings: Settings, text: str, feedback: list[str] | None, received: date
) -> tuple[Findings, dict[str, Any]]:
    outcome = claude_analyzer(settings).analyze(text, qa_feedback=feedback, received=received)
    usage = outcome.usage
    if usage is not None:
        observability.claude_usage(usage.prompt_tokens + usage.output_tokens, outcome.cost_usd)
    return outcome.findings, {
        "analyzer": outcome.analyzer,
        "model": outcome.model,
        "usage": None
        if usage is None
        else {
            "inputTokens": usage.input_tokens,
            "outputTokens": usage.output_tokens,
            "cacheCreationInputTokens": usage.cache_creation_input_tokens,
            "cacheReadInputTokens": usage.cache_read_input_tokens,
        },
        "costUsd": outcome.cost_usd,
        "requests": outcome.attempts,
        "fellBack": outcome.fell_back,
        "fallbackReason": outcome.fallback_reason,
    }


def _without_key(
    text: str, reason: str, settings: Settings, received: date | None = None
) -> tuple[Findings, dict[str, Any]]:
    """Claude is configured but its key cannot be read: the offline analyzer's findings, saying
    so as a failed Claude call says so (the job still gets a report; support sees why)."""
    logger.warning("Claude API key unavailable; offline analyzer used", extra={"reason": reason})
    findings = analyze_text(text, received=received)
    note = (
        "These findings were produced by the offline rules analyzer because the Claude API key "
        f"could not be read: {reason}."
    )
    findings = findings.model_copy(update={"notes": [*findings.notes, note]})
    return findings, {
        "analyzer": findings.analyzer,
        "model": settings.anthropic_model or None,
        "usage": None,
        "costUsd": None,
        "requests": 0,
        "fellBack": True,
        "fallbackReason": f"the Claude API key could not be read: {reason}",
    }


def _qa_feedback(ports: Ports, workflow: Workflow, state: ExecutionState) -> list[str] | None:
    """On a QA retry, the errors QA found in the previous attempt's findings."""
    if state.attempt <= 1:
        return None
    qa = ports.blobs.get_json(work_key(workflow.user_id, workflow.id, WorkFile.QA))
    return [issue["message"] for issue in qa.get("issues", []) if issue.get("severity") == "error"]
