"""PROCESSING: analyse the prepared text into structured findings."""

from __future__ import annotations

from typing import Any

from chalicelib.analysis import analyze_text
from chalicelib.analysis.citations import with_pages
from chalicelib.blobs import work_key
from chalicelib.models import InputMethod, OrchestratorPhase, Workflow
from chalicelib.phases.initiation import PAGES_FILE, TEXT_FILE
from chalicelib.phases.runner import ExecutionState, PhaseResult, run_phase
from chalicelib.services import get_blobs

FINDINGS_FILE = "findings.json"


def handle(event: dict[str, Any]) -> dict[str, Any]:
    return run_phase(OrchestratorPhase.PROCESSING, event, analyse)


def analyse(workflow: Workflow, state: ExecutionState) -> PhaseResult:
    blobs = get_blobs()
    text = blobs.get_text(work_key(workflow.user_id, workflow.id, TEXT_FILE))
    findings = analyze_text(text)
    if workflow.input_method in (InputMethod.PDF, InputMethod.WORD):
        pages = blobs.get_json(work_key(workflow.user_id, workflow.id, PAGES_FILE))
        findings = with_pages(findings, pages["linePages"])
    blobs.put_json(work_key(workflow.user_id, workflow.id, FINDINGS_FILE), findings.model_dump(mode="json"))
    return PhaseResult(
        outcome={
            "analyzer": findings.analyzer,
            "affectedAreas": len(findings.affected_areas),
            "moistureReadings": len(findings.moisture_readings),
            "undetermined": list(findings.undetermined),
        }
    )
