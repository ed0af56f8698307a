"""PATCH progress moves forward only."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from chalicelib.core.errors import ConflictError
from chalicelib.core.models import (
    InputMethod,
    OrchestratorPhase,
    PhaseProgressPatch,
    Workflow,
    WorkflowStatus,
)
from chalicelib.core.workflows import apply_progress

P = OrchestratorPhase


def _workflow(**fields: object) -> Workflow:
    now = datetime(2026, 11, 24, tzinfo=UTC)
    base: dict[str, object] = {
        "id": "wf_" + "0" * 32,
        "user_id": "alice",
        "title": "t",
        "input_method": InputMethod.TEXT,
        "created_at": now,
        "updated_at": now,
    }
    return Workflow.model_validate({**base, **fields})


def test_forward_progress_is_applied() -> None:
    # Given a workflow in PROCESSING at 25 %
    workflow = _workflow(current_phase=P.PROCESSING, completed_phases=[P.INITIATION], progress_percentage=25)

    # When progress moves to QA at 50 %
    apply_progress(
        workflow,
        PhaseProgressPatch(
            current_phase=P.QA,
            completed_phases=[P.INITIATION, P.PROCESSING],
            progress_percentage=50,
            estimated_time="2 min",
        ),
    )

    # Then every field moved
    assert workflow.current_phase is P.QA
    assert workflow.completed_phases == [P.INITIATION, P.PROCESSING]
    assert workflow.progress_percentage == 50
    assert workflow.estimated_time == "2 min"


@pytest.mark.parametrize(
    "patch",
    [
        PhaseProgressPatch(progress_percentage=10),
        PhaseProgressPatch(current_phase=P.INITIATION),
        PhaseProgressPatch(completed_phases=[]),
    ],
    ids=["percentage", "phase", "completed"],
)
def test_backward_progress_is_a_conflict(patch: PhaseProgressPatch) -> None:
    # Given a workflow in PROCESSING at 25 % with INITIATION done
    workflow = _workflow(current_phase=P.PROCESSING, completed_phases=[P.INITIATION], progress_percentage=25)
    before = workflow.model_copy(deep=True)

    # When a patch would move it back, Then it is refused and nothing changed
    with pytest.raises(ConflictError) as raised:
        apply_progress(workflow, patch)
    assert raised.value.code == "PROGRESS_BACKWARDS"
    assert workflow == before


def test_a_finished_workflow_takes_no_progress() -> None:
    workflow = _workflow(status=WorkflowStatus.COMPLETED, progress_percentage=100)
    with pytest.raises(ConflictError) as raised:
        apply_progress(workflow, PhaseProgressPatch(estimated_time="1 min"))
    assert raised.value.code == "WORKFLOW_FINISHED"
