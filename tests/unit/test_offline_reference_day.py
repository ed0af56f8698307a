"""The day the notes were received as the reference for a weekday written with no year: passed in
by the pipeline, never read from the clock, so the same notes give the same findings on any day;
without it the notes' own written years decide (only notes with no year at all fall back to the
clock's)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import httpx2
import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.claude import DEFAULT_MODEL, ClaudeAnalyzer
from chalicelib.analysis.offline.weekdays import weekday_year
from chalicelib.core.documents import WorkFile, work_key
from chalicelib.core.models import InputMethod, Workflow, WorkflowStatus
from chalicelib.phases import processing
from chalicelib.settings import get_settings
from tests.memory_ports import MemoryPorts

_SITE = "Site: 4 Tern St, Ballina NSW 2478\n"


def _inspection(text: str, received: date | None) -> date | None:
    job = analyze_text(text, received=received).job
    return job.inspection_date.value if job.inspection_date else None


@pytest.mark.parametrize(
    ("text", "received", "expected"),
    [
        # the received day's year, or the latest year before it with that weekday
        (_SITE + "Attended Tuesday 10 November, 8am.\n", date(2026, 12, 1), date(2026, 11, 10)),
        (_SITE + "Attended Wednesday 10 November, 8am.\n", date(2028, 1, 5), date(2027, 11, 10)),
        (_SITE + "Attended Thu 4/3, 8am.\n", date(2027, 3, 20), date(2027, 3, 4)),
        # no reference day: a year the notes write elsewhere decides
        (_SITE + "Report 02/12/2026\nAttended Tuesday 10 November, 8am.\n", None, date(2026, 11, 10)),
        # a reference day years from now places it by that year, never by the clock's
        (_SITE + "Attended Monday 10 November, 8am.\n", date(2031, 12, 1), date(2031, 11, 10)),
        # no reference day: the notes' own latest year (or the one after it) bounds it, not the clock
        (_SITE + "Attended Monday 10 November, 8am.\nReport sent 02/12/2019\n", None, date(2014, 11, 10)),
    ],
)
def test_a_weekday_with_no_year_is_placed_by_the_reference_day(
    text: str, received: date | None, expected: date | None
) -> None:
    assert _inspection(text, received) == expected


def test_the_weekday_year_is_never_after_the_latest_year_given() -> None:
    # 10 November fell on a Tuesday in 2026 and 2020: up to 2027 it is 2026, up to 2025 it is 2020
    assert weekday_year(11, 10, 1, 2027) == date(2026, 11, 10)
    assert weekday_year(11, 10, 1, 2025) == date(2020, 11, 10)
    assert weekday_year(11, 10, 1, None) is None


# --- the pipeline passes the day: PROCESSING with and without Claude ------------------------------

_WORKFLOW_ID = "wf_" + "e" * 32
_NOTES = "Insured: R Tamsin\nWater came through the ceiling on Tuesday 3 March.\nKitchen carpet wet.\n"


def _received_in_march_2021() -> MemoryPorts:
    created = datetime(2021, 3, 9, 22, 15, tzinfo=UTC)
    ports = MemoryPorts()
    ports.workflows.create(
        Workflow(
            id=_WORKFLOW_ID,
            user_id="alice",
            title="Ceiling leak",
            input_method=InputMethod.TEXT,
            status=WorkflowStatus.IN_PROGRESS,
            input_data={"textKey": "inputs/alice/notes.txt"},
            created_at=created,
            updated_at=created,
        )
    )
    ports.blobs.put_text(work_key("alice", _WORKFLOW_ID, WorkFile.TEXT), _NOTES)
    return ports


@pytest.mark.parametrize("claude_down", [False, True], ids=["offline", "claude-fell-back"])
def test_processing_dates_a_bare_weekday_from_the_day_the_job_was_created(
    claude_down: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Created 9 March 2021: "Tuesday 3 March" is 3 March 2020 (the last year it fell on a Tuesday),
    # however long after that the job is processed, and whichever analyzer stands behind it.
    if claude_down:
        monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test")
        failing = httpx2.Client(transport=httpx2.MockTransport(lambda request: httpx2.Response(500)))
        monkeypatch.setattr(
            processing,
            "claude_analyzer",
            lambda settings: ClaudeAnalyzer("sk-ant-test", DEFAULT_MODEL, http_client=failing, max_retries=0),
        )
    get_settings.cache_clear()
    ports = _received_in_march_2021()
    try:
        processing.handle(ports, {"workflowId": _WORKFLOW_ID, "userId": "alice", "attempt": 1})
    finally:
        get_settings.cache_clear()

    findings = ports.blobs.get_json(work_key("alice", _WORKFLOW_ID, WorkFile.FINDINGS))
    assert findings["job"]["dateOfLoss"]["value"] == "2020-03-03"
    assert (findings["analyzer"] == "offline-rules") and (
        any("Claude" in note for note in findings["notes"]) is claude_down
    )
