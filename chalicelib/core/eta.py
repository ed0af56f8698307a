"""How long a workflow has left, from how long this user's completed workflows took per phase.

The measurements are kept in one aggregate per user (each phase's total seconds and count, added
atomically when a workflow completes: `WorkflowRecords.add_phase_times`), read with one small
item read, instead of each phase re-reading the user's latest completed workflows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from chalicelib.core.models import PHASE_ORDER, OrchestratorPhase, Workflow

# phase -> (seconds summed over the workflows measured, how many)
PhaseTotals = Mapping[OrchestratorPhase, tuple[float, int]]


def totals_of(history: Iterable[Workflow]) -> dict[OrchestratorPhase, tuple[float, int]]:
    """The aggregate these completed workflows add up to."""
    totals: dict[OrchestratorPhase, tuple[float, int]] = {}
    for workflow in history:
        for phase, seconds in workflow.phase_durations.items():
            total, count = totals.get(phase, (0.0, 0))
            totals[phase] = (total + seconds, count + 1)
    return totals


def remaining_seconds(totals: PhaseTotals, completed: Iterable[OrchestratorPhase]) -> int | None:
    """The average measured duration of each phase not yet completed, summed.

    None when there is no measurement for one of those phases: a made-up constant would be worse
    than saying nothing.
    """
    done = set(completed)
    remaining = [phase for phase in PHASE_ORDER if phase not in done]
    if not remaining:
        return 0
    averages = []
    for phase in remaining:
        total, count = totals.get(phase, (0.0, 0))
        if count <= 0:
            return None
        averages.append(total / count)
    # At least a second while a phase remains: "done" is for a finished workflow only.
    return max(1, round(sum(averages)))


def describe(seconds: int | None) -> str | None:
    """The seed's `estimatedTime` wording: '5 min'."""
    if seconds is None:
        return None
    if seconds == 0:
        return "done"
    if seconds < 60:
        return "under 1 min"
    return f"{round(seconds / 60)} min"
