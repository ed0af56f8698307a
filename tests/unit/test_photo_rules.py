"""QA's photo rules: a warning per affected room without a photo and per demolition line without a
before-photo in its room; never an error."""

from __future__ import annotations

from chalicelib.analysis import analyze_text
from chalicelib.analysis.photo_rules import PHOTO_CODES, PhotoEvidence, with_photos_now
from chalicelib.analysis.qa import check_findings
from chalicelib.analysis.qa_issues import QaResult
from chalicelib.analysis.qa_template import QaTemplate

NOTES = """Job: 14 Banksia St. Claim CLM-1. Cause: burst supply line under the kitchen sink.
Kitchen 12x14 ft, vinyl floor wet, drywall wet to 2 ft.
Laundry 8x6 ft, tile floor wet.
Scope: Kitchen - remove drywall 2 ft flood cut 40 lf. Laundry - remove skirting 20 lf.
Readings: Kitchen drywall 32 WME."""


def _photo_issues(photos: list[PhotoEvidence] | None) -> list[tuple[str, str, str]]:
    result = check_findings(analyze_text(NOTES), photos=photos)
    return [
        (issue.code, issue.severity, issue.field)
        for issue in result.issues
        if issue.code in ("AFFECTED_AREA_WITHOUT_PHOTO", "DEMOLITION_WITHOUT_BEFORE_PHOTO")
    ]


def test_without_photos_each_room_and_each_demolition_line_is_warned_about() -> None:
    # Given findings with two affected rooms and two removals, and no photo received
    findings = analyze_text(NOTES)
    assert {area.room.lower() for area in findings.affected_areas} == {"kitchen", "laundry"}

    # When QA checks them with the workflow's photos (none)
    issues = _photo_issues([])

    # Then each room and each removal is a warning, never an error
    codes = [code for code, _, _ in issues]
    assert codes.count("AFFECTED_AREA_WITHOUT_PHOTO") == 2
    assert codes.count("DEMOLITION_WITHOUT_BEFORE_PHOTO") >= 2
    assert {severity for _, severity, _ in issues} == {"warning"}


def test_a_before_photo_in_the_room_answers_both_rules_there() -> None:
    # Given a photo of the kitchen before the work, and one of the laundry after it
    photos = [
        PhotoEvidence("kitchen", "Drywall before flood cut"),
        PhotoEvidence("Laundry room", "Skirting removed, after demo"),
    ]

    # When QA checks the findings
    issues = _photo_issues(photos)

    # Then the kitchen has nothing to warn about; the laundry has a photo but no before-photo
    findings = analyze_text(NOTES)
    laundry = next(i for i, a in enumerate(findings.affected_areas) if a.room.lower() == "laundry")
    assert ("AFFECTED_AREA_WITHOUT_PHOTO", "warning", f"affectedAreas[{laundry}]") not in issues
    assert not any(code == "AFFECTED_AREA_WITHOUT_PHOTO" for code, _, _ in issues)
    demolition = [field for code, _, field in issues if code == "DEMOLITION_WITHOUT_BEFORE_PHOTO"]
    rooms = {findings.scope_of_work[int(field.split("[")[1].rstrip("]"))].room for field in demolition}
    assert {(room or "").lower() for room in rooms} == {"laundry"}


def test_qa_without_photo_evidence_runs_no_photo_rule() -> None:
    # Callers that know nothing of photos (the corpus evaluation) get the same QA as before
    assert _photo_issues(None) == []


# --- judged again when a report is rendered after more photos came ------------------------------


def _unphotographed(result: QaResult) -> list[str]:
    findings = analyze_text(NOTES)
    return sorted(
        findings.affected_areas[int(issue.field.split("[")[1].rstrip("]"))].room.lower()
        for issue in result.issues
        if issue.code == "AFFECTED_AREA_WITHOUT_PHOTO" and issue.field
    )


def test_a_late_photo_answers_its_rooms_warning_and_leaves_every_other_issue() -> None:
    # Given QA's result from before any photo came
    findings = analyze_text(NOTES)
    at_qa = check_findings(findings, photos=[])
    assert _unphotographed(at_qa) == ["kitchen", "laundry"]

    # When the report is rendered after a photo of the laundry came
    now = with_photos_now(at_qa, findings, [PhotoEvidence("laundry room", "floor after extraction")])

    # Then only the kitchen is still asked for; no other issue changed
    assert _unphotographed(now) == ["kitchen"]
    assert [i for i in now.issues if i.code not in PHOTO_CODES] == [
        i for i in at_qa.issues if i.code not in PHOTO_CODES
    ]
    assert now.checked_at == at_qa.checked_at


def test_a_photo_rule_a_template_made_an_error_is_judged_again_at_its_severity() -> None:
    findings = analyze_text(NOTES)
    strict = QaTemplate.model_validate({"rules": {"severity": {"AFFECTED_AREA_WITHOUT_PHOTO": "error"}}})
    at_qa = check_findings(findings, photos=[], template=strict)
    assert not at_qa.passed

    kitchen_only = with_photos_now(at_qa, findings, [PhotoEvidence("Kitchen", "bench")], strict)
    both = [PhotoEvidence("Kitchen", "bench"), PhotoEvidence("Laundry", "floor")]
    all_rooms = with_photos_now(at_qa, findings, both, strict)

    assert [i.severity for i in kitchen_only.issues if i.code == "AFFECTED_AREA_WITHOUT_PHOTO"] == ["error"]
    assert not kitchen_only.passed
    assert not [i for i in all_rooms.issues if i.code == "AFFECTED_AREA_WITHOUT_PHOTO"]
    assert all_rooms.passed == (not any(i.severity == "error" for i in all_rooms.issues))


def test_a_photo_rule_a_template_turned_off_stays_off() -> None:
    findings = analyze_text(NOTES)
    off = QaTemplate.model_validate({"rules": {"off": ["AFFECTED_AREA_WITHOUT_PHOTO"]}})

    now = with_photos_now(check_findings(findings, photos=[], template=off), findings, [], off)

    assert not [i for i in now.issues if i.code == "AFFECTED_AREA_WITHOUT_PHOTO"]
    assert [i for i in now.issues if i.code == "DEMOLITION_WITHOUT_BEFORE_PHOTO"]
