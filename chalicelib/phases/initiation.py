"""INITIATION: check the input and turn it into the plain text the analysis reads."""

from __future__ import annotations

import unicodedata
from typing import Any

from chalicelib.blobs import work_key
from chalicelib.errors import InvalidInputError
from chalicelib.models import InputMethod, OrchestratorPhase, Workflow
from chalicelib.phases.runner import ExecutionState, PhaseResult, run_phase
from chalicelib.services import get_blobs

TEXT_FILE = "text.txt"


def handle(event: dict[str, Any]) -> dict[str, Any]:
    return run_phase(OrchestratorPhase.INITIATION, event, prepare_input)


def prepare_input(workflow: Workflow, state: ExecutionState) -> PhaseResult:
    if workflow.input_method is not InputMethod.TEXT or not workflow.input_data:
        raise InvalidInputError(f"No readable input for a {workflow.input_method.value} workflow yet")
    blobs = get_blobs()
    text = normalize_text(blobs.get_text(str(workflow.input_data["textKey"])))
    if not text.strip():
        raise InvalidInputError("The inspection text is empty")
    blobs.put_text(work_key(workflow.user_id, workflow.id, TEXT_FILE), text)
    return PhaseResult(outcome={"characters": len(text), "lines": text.count("\n") + 1})


def normalize_text(text: str) -> str:
    """One Unicode form and one newline style, so line numbers cited later are stable."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
