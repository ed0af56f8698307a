"""Hand-written Claude answers for corpus cases, through the real analyzer and the QA cross-check.

Each fixture in tests/fixtures/claude/<stem>.json is a Messages API response with one
`record_findings` tool use, written by reading samples/corpus/<stem>.txt as an expert would, every
citation pointing at a real line of that text. They show that the new fields (locale, the stated
grade beside the judged one, equipment runs, scope actions and materials, an area's level) survive
validation and the citation check, and that the cross-check against the offline rules analyzer
flags real disagreements only, not what the rules could not read.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import httpx2
import pytest

from chalicelib.analysis import analyze_text, check_findings
from chalicelib.analysis.claude import DEFAULT_MODEL, TOOL_NAME, ClaudeAnalyzer, system_prompt
from chalicelib.analysis.findings import (
    AtmosphericReading,
    Classification,
    EquipmentItem,
    EquipmentKind,
    Findings,
    SourceSpan,
    StandardRef,
)
from chalicelib.analysis.qa import QaIssue, QaResult

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "claude"
CORPUS = REPO / "samples" / "corpus"
STEMS = sorted(path.stem for path in FIXTURES.glob("*.json"))
S500 = StandardRef(standard="IICRC S500", edition="2021")


@cache
def response(stem: str) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((FIXTURES / f"{stem}.json").read_text(encoding="utf-8"))
    return body


def tool_input(stem: str) -> dict[str, Any]:
    (call,) = [block for block in response(stem)["content"] if block["type"] == "tool_use"]
    assert call["name"] == TOOL_NAME
    tool: dict[str, Any] = call["input"]
    return tool


def notes(stem: str) -> str:
    return (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")


def analysed(stem: str) -> Findings:
    """The fixture answered by a fake Messages API, through ClaudeAnalyzer.analyze."""
    body = response(stem)
    client = httpx2.Client(transport=httpx2.MockTransport(lambda request: httpx2.Response(200, json=body)))
    outcome = ClaudeAnalyzer("test-key", DEFAULT_MODEL, http_client=client, max_retries=0).analyze(
        notes(stem)
    )
    assert not outcome.fell_back, outcome.fallback_reason
    assert outcome.analyzer == "claude" and outcome.attempts == 1
    return outcome.findings


def crosscheck(result: QaResult) -> list[QaIssue]:
    return [issue for issue in result.issues if issue.code.startswith("CROSSCHECK_")]


def blaming(issues: list[QaIssue]) -> list[QaIssue]:
    return [issue for issue in issues if issue.severity in ("error", "warning")]


def lines_only(data: Any) -> Any:
    """A dump with each cited span reduced to its line (the check rewrites the quoted text)."""
    if isinstance(data, dict):
        if set(data) >= {"line", "text"}:
            return data["line"]
        return {key: lines_only(value) for key, value in data.items() if value is not None}
    if isinstance(data, list):
        return [lines_only(item) for item in data]
    return data


def dumped(findings: Findings, key: str) -> Any:
    return lines_only(findings.model_dump(mode="json", by_alias=True)[key])


def test_the_fixtures_cover_six_corpus_styles_from_text_cases() -> None:
    # Given the fixtures and their corpus cases
    truths = {stem: json.loads((CORPUS / f"{stem}.truth.json").read_text(encoding="utf-8")) for stem in STEMS}
    # When their styles, formats and unit systems are collected
    styles = {truth["style"] for truth in truths.values()}
    # Then there are at least six cases of different styles, all read as plain text, one metric AU
    assert len(STEMS) >= 6 and len(styles) >= 6, styles
    assert {"moisture_map", "drying_log", "commercial", "mould_inspection", "contradicting"} <= styles
    assert all(truth["format"] == "text" for truth in truths.values())
    assert any(
        truth["locale"] == {"country": "AU", "region": "WA", "units": "metric"} for truth in truths.values()
    )


# --- through the analyzer -------------------------------------------------------------------------


@pytest.mark.parametrize("stem", STEMS)
def test_each_fixture_validates_with_every_citation_on_its_line(stem: str) -> None:
    # Given a hand-written answer for a corpus case
    written = tool_input(stem)
    # When the analyzer reads it against the case's text
    findings = analysed(stem)
    # Then nothing was dropped or moved: every citation is on the line it names
    assert not [note for note in findings.notes if note.startswith("Citations ")], findings.notes
    assert findings.notes == written["notes"]
    assert findings.undetermined == written["undetermined"]
    for key in ("affectedAreas", "moistureReadings", "atmosphericReadings", "equipment", "scopeOfWork"):
        assert len(dumped(findings, key)) == len(written.get(key, [])), key


@pytest.mark.parametrize("stem", STEMS)
def test_the_new_fields_survive_validation_and_the_citation_check(stem: str) -> None:
    # Given a hand-written answer that fills locale, stated grades, runs, scope and levels
    written = lines_only(tool_input(stem))
    # When the analyzer reads it
    findings = analysed(stem)
    # Then each new field comes out as written
    assert dumped(findings, "locale") == written["locale"]
    assert dumped(findings, "equipmentRuns") == written.get("equipmentRuns", [])
    for grade in ("waterCategory", "waterClass", "mouldCondition"):
        judged, stated = dumped(findings, grade) or {}, written.get(grade) or {}
        keys = ("value", "stated", "statedSource", "justification", "evidence")
        assert {key: judged.get(key) for key in keys} == {key: stated.get(key) for key in keys}, grade
    assert [
        (item.get("action"), item.get("material"), item.get("room"), item.get("quantity"), item.get("unit"))
        for item in dumped(findings, "scopeOfWork")
    ] == [
        (item.get("action"), item.get("material"), item.get("room"), item.get("quantity"), item.get("unit"))
        for item in written["scopeOfWork"]
    ]
    assert [area.get("level") for area in dumped(findings, "affectedAreas")] == [
        area.get("level") for area in written["affectedAreas"]
    ]


def test_a_stated_category_the_source_contradicts_is_kept_beside_the_judged_one() -> None:
    # Given the job sheet that calls a toilet overflow with faeces "Cat 1 - clean water"
    # When the analyzer reads Claude's answer
    findings = analysed("d-11-toilet-overflow-cat1")
    # Then Category 3 is judged, Category 1 is kept as stated with its line, and the reason is given
    category = findings.water_category
    assert category is not None
    assert (category.value, category.stated) == (3, 1)
    assert category.stated_source is not None and category.stated_source.line == 12
    assert "Cat 1" in category.stated_source.text and "faeces" in category.justification
    assert findings.locale.country == "AU" and findings.locale.date_order == "DMY"
    assert findings.job.date_of_loss is not None and findings.job.date_of_loss.value == date(2025, 7, 21)


def test_a_metric_job_keeps_its_units_and_day_first_dates() -> None:
    # Given an Australian (WA) job measured in metres, dated 08/03/2026
    # When the analyzer reads Claude's answer
    findings = analysed("a-01-mandurah-ensuite-flexi")
    # Then the locale is metric and day-first, dates read that way, scope stays in m² and lm
    assert (findings.locale.country, findings.locale.region, findings.locale.units) == ("AU", "WA", "metric")
    assert findings.job.inspection_date is not None and findings.job.inspection_date.value == date(2026, 3, 8)
    assert {item.unit for item in findings.scope_of_work if item.unit} == {"m²", "lm"}
    # and the master bedroom's two air movers end their run a day before the rest
    ends = {
        (run.room, run.removed_on) for run in findings.equipment_runs if run.kind is EquipmentKind.AIR_MOVER
    }
    assert ("Master bedroom", date(2026, 3, 10)) in ends and ("Ensuite", date(2026, 3, 11)) in ends


def test_a_drying_log_becomes_dated_readings_and_equipment_runs() -> None:
    # Given a hardwood drying log with a reading table and an equipment log table
    # When the analyzer reads Claude's answer
    findings = analysed("b-08-hardwood-kitchen-dining-log")
    # Then every table cell is a dated reading, each unit's placement is a run, the class is 4
    assert len(findings.moisture_readings) == 35
    assert {reading.taken_on for reading in findings.moisture_readings} == {
        date(2026, 9, day) for day in (19, 20, 22, 24, 26)
    }
    runs = [(run.kind, run.placed_on, run.removed_on) for run in findings.equipment_runs]
    assert (EquipmentKind.DEHUMIDIFIER, date(2026, 9, 19), date(2026, 9, 24)) in runs
    assert (EquipmentKind.OTHER, date(2026, 9, 19), date(2026, 9, 26)) in runs
    assert findings.water_class is not None and (findings.water_class.value, findings.water_class.stated) == (
        4,
        4,
    )
    assert [area.level for area in findings.affected_areas] == ["main floor", "main floor"]


# --- the cross-check against the offline analyzer -----------------------------------------------


@pytest.mark.parametrize("stem", STEMS)
def test_the_cross_check_with_the_offline_reading_blames_only_real_disagreements(stem: str) -> None:
    # Given Claude's findings and the offline analyzer's own reading of the same text (as QA runs it)
    findings = analysed(stem)
    reference = analyze_text(notes(stem))
    # When QA checks them against each other
    issues = blaming(crosscheck(check_findings(findings, reference=reference)))
    # Then every error or warning is about a value the rules determined too, read differently
    for issue in issues:
        if issue.code == "CROSSCHECK_CATEGORY":
            assert reference.water_category is not None, issue
            assert (
                findings.water_category is None
                or findings.water_category.value != reference.water_category.value
            )
        elif issue.code == "CROSSCHECK_CLASS":
            assert reference.water_class is not None, issue
            assert findings.water_class is None or findings.water_class.value != reference.water_class.value
        elif issue.code == "CROSSCHECK_EQUIPMENT":
            index = int(issue.field.split("[")[1].split("]")[0])
            mine = findings.equipment[index]
            (theirs,) = [item for item in reference.equipment if item.kind is mine.kind]
            if issue.field.endswith("statedQuantity"):
                assert theirs.stated_quantity is not None and theirs.stated_quantity != mine.stated_quantity
            else:
                assert theirs.inputs and mine.inputs, issue
        else:
            assert issue.code == "CROSSCHECK_GPP", issue
            line = findings.atmospheric_readings[int(issue.field.split("[")[1].split("]")[0])].source.line
            assert any(r.source.line == line and r.gpp is not None for r in reference.atmospheric_readings)


def _blind(reference: Findings) -> Findings:
    """The rules' reading with the blind spots the corpus shows: no grades, readings, air or counts."""
    return reference.model_copy(
        update={
            "water_category": None,
            "water_class": None,
            "mould_condition": None,
            "moisture_readings": reference.moisture_readings[:1],
            "atmospheric_readings": [],
            "equipment": [],
        }
    )


@pytest.mark.parametrize("stem", STEMS)
def test_what_the_rules_could_not_read_is_not_held_against_claude(stem: str) -> None:
    # Given Claude's findings and an offline reading that found no category, no class, one reading
    findings = analysed(stem)
    reference = _blind(analyze_text(notes(stem)))
    # When QA cross-checks them
    issues = crosscheck(check_findings(findings, reference=reference))
    # Then nothing is an error or a warning; a grade only Claude determined is at most info
    assert blaming(issues) == []
    graded = [findings.water_category, findings.water_class]
    assert len([issue for issue in issues if issue.severity == "info"]) == sum(
        grade is not None for grade in graded
    )


def test_a_rules_count_without_a_calculation_is_not_compared_with_claudes_recommendation() -> None:
    # Given Claude recommending 7 air movers by the S500 formula (3 placed) and the rules only
    # repeating the count placed, without inputs
    findings = analysed("b-08-hardwood-kitchen-dining-log")
    echoed = EquipmentItem(
        kind=EquipmentKind.AIR_MOVER, quantity=3, stated_quantity=3, calculation="stated", inputs={}
    )
    reference = findings.model_copy(update={"analyzer": "offline-rules", "equipment": [echoed]})
    # When QA cross-checks them
    issues = crosscheck(check_findings(findings, reference=reference))
    # Then there is nothing to flag: the placed counts agree and the rules calculated nothing
    assert issues == []


def test_a_gpp_is_compared_only_with_the_rules_reading_of_the_same_air() -> None:
    # Given Claude's four readings of one line (outside, basement, family room, dehu exhaust), and
    # the rules finding only the basement one there
    findings = analysed("c-03-lettered-map-basement-sewer")
    basement = findings.atmospheric_readings[1]
    assert basement.gpp == 109 and basement.source.line == 43
    only_basement = findings.model_copy(update={"atmospheric_readings": [basement]})
    # When QA cross-checks them
    partial = crosscheck(check_findings(findings, reference=only_basement))
    # Then the outside reading is not compared with the basement's GPP: nothing to flag
    assert partial == []
    # But when the rules read other GPP for the same air, it is flagged as a warning
    other = basement.model_copy(update={"gpp": 130.0})
    disputed = crosscheck(
        check_findings(findings, reference=findings.model_copy(update={"atmospheric_readings": [other]}))
    )
    assert [(issue.code, issue.severity, issue.field) for issue in disputed] == [
        ("CROSSCHECK_GPP", "warning", "atmosphericReadings[1].gpp")
    ]


def _grade(value: int, justification: str = "Stated in the notes.") -> Classification:
    return Classification(value=value, justification=justification, evidence=[], standard=S500)


def test_a_different_category_is_an_error() -> None:
    # Given Claude's Category 1 for a burst flexi hose, and a rules reading of Category 3
    findings = analysed("a-01-mandurah-ensuite-flexi")
    reference = findings.model_copy(update={"water_category": _grade(3, "Source: sewage.")})
    # When QA cross-checks them
    issues = crosscheck(check_findings(findings, reference=reference))
    # Then the disagreement fails QA
    assert [(issue.code, issue.severity) for issue in issues] == [("CROSSCHECK_CATEGORY", "error")]


def test_a_judged_category_above_the_stated_one_the_rules_took_is_flagged_as_a_warning() -> None:
    # Given Claude judging Category 3 where the sheet states Cat 1, and the rules reading Category 1
    findings = analysed("d-11-toilet-overflow-cat1")
    reference = findings.model_copy(update={"water_category": _grade(1)})
    # When QA cross-checks them
    (issue,) = crosscheck(check_findings(findings, reference=reference))
    # Then it is still flagged, as a warning naming the stated grade and its line, not an error
    assert (issue.code, issue.severity, issue.field) == ("CROSSCHECK_CATEGORY", "warning", "waterCategory")
    assert "Category 1 the notes state (line 12)" in issue.message


def test_a_judged_category_below_the_rules_is_an_error_even_with_a_stated_grade() -> None:
    # Given Claude keeping the stated Category 1 where the rules read Category 3
    findings = analysed("d-11-toilet-overflow-cat1")
    assert findings.water_category is not None
    lower = findings.water_category.model_copy(update={"value": 1})
    reference = findings.model_copy(update={"water_category": _grade(3, "Source: sewage.")})
    # When QA cross-checks them
    issues = crosscheck(
        check_findings(findings.model_copy(update={"water_category": lower}), reference=reference)
    )
    # Then the disagreement is an error
    assert [(issue.code, issue.severity) for issue in issues] == [("CROSSCHECK_CATEGORY", "error")]


def test_a_different_class_and_a_different_count_placed_are_warnings() -> None:
    # Given the rules reading Class 3 and 24 air movers where Claude read Class 2 and 38
    findings = analysed("b-01-furniture-showroom")
    movers = EquipmentItem(
        kind=EquipmentKind.AIR_MOVER,
        quantity=24,
        stated_quantity=24,
        calculation="stated",
        source=SourceSpan(line=36, text="Pulled 14 air movers on 01/21"),
    )
    reference = findings.model_copy(update={"water_class": _grade(3), "equipment": [movers]})
    # When QA cross-checks them
    issues = crosscheck(check_findings(findings, reference=reference))
    # Then both are flagged as warnings naming both readings
    assert [(issue.code, issue.severity, issue.field) for issue in issues] == [
        ("CROSSCHECK_CLASS", "warning", "waterClass"),
        ("CROSSCHECK_EQUIPMENT", "warning", "equipment[0].statedQuantity"),
    ]
    assert "38 placed (line 36)" in issues[1].message and "the rules count 24" in issues[1].message


def test_an_air_reading_only_claude_found_needs_no_pairing() -> None:
    # Given a reading with GPP that only Claude recorded
    reading = AtmosphericReading(location="outside", gpp=50.0, source=SourceSpan(line=1, text="x"))
    findings = analysed("b-01-furniture-showroom").model_copy(update={"atmospheric_readings": [reading]})
    # When QA cross-checks it against the rules' reading, which has none
    issues = crosscheck(check_findings(findings, reference=_blind(findings)))
    # Then no GPP issue arises
    assert [issue for issue in issues if issue.code == "CROSSCHECK_GPP"] == []


# --- the prompt ---------------------------------------------------------------------------------


def test_the_prompt_teaches_the_new_fields() -> None:
    # Given the system prompt, its line breaks collapsed
    prompt = " ".join(system_prompt().split())
    # Then it names every new field and says how to write what the notes do not establish
    for taught in (
        "## locale",
        "`dateOrder`",
        "`stated`",
        "`statedSource`",
        "## equipmentRuns",
        "`placedOn`",
        "`removedOn`",
        "`runHours`",
        "`action`",
        "`material`",
        "`level`",
        '"not determined"',
    ):
        assert taught in prompt, taught
