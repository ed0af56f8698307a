"""How long a workflow has left, from how long this user's recent workflows took per phase."""

from __future__ import annotations

from collections.abc import Iterable

from chalicelib.core.models import PHASE_ORDER, OrchestratorPhase, Workflow

# Enough recent workflows to smooth one slow run out, few enough to follow a change of analyzer.
HISTORY_SIZE = 20


def remaining_seconds(history: Iterable[Workflow], completed: Iterable[OrchestratorPhase]) -> int | None:
    """The average measured duration of each phase not yet completed, summed.

    None when there is no history for one of those phases: a made-up constant would be worse
    than saying nothing.
    """
    done = set(completed)
    remaining = [phase for phase in PHASE_ORDER if phase not in done]
    if not remaining:
        return 0
    samples: dict[OrchestratorPhase, list[float]] = {phase: [] for phase in remaining}
    for workflow in history:
        for phase in remaining:
            seconds = workflow.phase_durations.get(phase)
            if seconds is not None:
                samples[phase].append(seconds)
    if any(not values for values in samples.values()):
        return None
    # At least a second while a phase remains: "done" is for a finished workflow only.
    return max(1, round(sum(sum(values) / len(values) for values in samples.values())))


def describe(seconds: int | None) -> str | None:
    """The seed's `estimatedTime` wording: '5 min'."""
    if seconds is None:
        return None
    if seconds == 0:
        return "done"
    if seconds < 60:
        return "under 1 min"
    return f"{round(seconds / 60)} min"
