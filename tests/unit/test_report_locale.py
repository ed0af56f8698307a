"""The report reads in the job's country: units, dates, the clock and the standards' tags.

An Australian job (Perth, WA) prints metric, "5 Nov 2026" and Perth time; a US job (Houston,
TX) prints feet, MM/DD/YYYY and Central time. "6.5 x 1.2 m" prints as 6.5 x 1.2 m in every
format, never as the 6.49 x 1.19 m that its feet (21.3 x 3.9) give back. ADR 0008.
"""

from __future__ import annotations

import io

import pytest

from chalicelib.analysis import analyze_text, check_findings
from chalicelib.analysis.findings import Findings, Locale, UnitSystem
from chalicelib.analysis.standards import load_standards
from chalicelib.report import Report, render_docx, render_markdown, render_pdf
from chalicelib.report.job_locale import job_locale, zone_of

pytestmark = pytest.mark.unit

TIMES = "\u00d7"

AU_NOTES = """Job: 14 Banksia Road, Perth WA 6000
Insured: Megan O'Hara
Claim number: RAC-2026-55120
Date of loss: 04/11/2026
Inspection date: 05/11/2026
Cause: flexi hose burst under the laundry tub, clean water over the laundry and lounge.
Category 1. Class 2.
Lounge 6.5 x 1.2 m, carpet and underlay wet over 7 m2.
Laundry 2.4 x 1.8 m, tiles wet, plasterboard wicking to 200 mm.
Moisture readings (Protimeter, WME):
05/11/2026 lounge skirting 30 WME
06/11/2026 lounge skirting 18 WME
Atmospherics 05/11/2026: affected 24 C 65% RH.
Equipment: 2 x AM placed 05/11/2026 10:00, removed 07/11/2026 09:00
"""

US_NOTES = """Job: 2200 Travis St, Houston, TX 77002
Insured: Dana Whitfield
Claim number: 0456-223-91
Date of loss: 11/04/2026
Inspection date: 11/05/2026
Cause: supply line to the ice maker failed, clean water over the kitchen floor.
Category 1. Class 2.
Kitchen 12 x 14 ft, vinyl floor wet over 120 sq ft, drywall wicking to 18 in.
Moisture readings (Delmhorst BD-2100, %MC):
11/05/2026 kitchen base cabinet toe kick 28 %MC
11/06/2026 kitchen base cabinet toe kick 17 %MC
Atmospherics 11/05/2026: affected 78 F 62% RH.
"""

GENERATED_AT = "2026-11-07T02:30:00Z"  # 10:30 in Perth (AWST, +8), 20:30 the day before in Houston


def _report(notes: str) -> Report:
    findings = analyze_text(notes)
    return Report(
        workflow_id="wf-locale",
        title="Locale job",
        generated_at=GENERATED_AT,
        findings=findings,
        qa=check_findings(findings),
    )


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def au() -> Report:
    return _report(AU_NOTES)


@pytest.fixture(scope="module")
def us() -> Report:
    return _report(US_NOTES)


@pytest.fixture(scope="module")
def au_texts(au: Report) -> dict[str, str]:
    return {
        "md": render_markdown(au),
        "docx": _docx_text(render_docx(au)),
        "pdf": _pdf_text(render_pdf(au)),
    }


@pytest.fixture(scope="module")
def us_texts(us: Report) -> dict[str, str]:
    return {
        "md": render_markdown(us),
        "docx": _docx_text(render_docx(us)),
        "pdf": _pdf_text(render_pdf(us)),
    }


def test_the_analyzer_keeps_the_sides_as_written(au: Report) -> None:
    # Given "Lounge 6.5 x 1.2 m": the feet are rounded for the formulas, the sides kept as written
    lounge = next(area for area in au.findings.affected_areas if area.room == "Lounge")
    assert (lounge.length_ft, lounge.width_ft) == (21.3, 3.9)
    assert (lounge.length_original, lounge.width_original) == (6.5, 1.2)
    assert au.findings.locale.country == "AU" and au.findings.locale.region == "WA"


@pytest.mark.parametrize("kind", ["md", "docx", "pdf"])
def test_an_au_job_is_metric_day_first_and_in_perth_time(au_texts: dict[str, str], kind: str) -> None:
    text = au_texts[kind]
    # Then the measures are the notes' own, in metres and m²
    assert f"6.5 {TIMES} 1.2 m" in text
    assert "6.49" not in text and "1.19" not in text
    assert "7.8 m\u00b2" in text  # the lounge's floor: 6.5 x 1.2
    assert "7 m\u00b2" in text  # its wet floor, as written
    assert "sq ft" not in text.split("Equipment")[0]  # nothing before the formulas is in feet
    assert "24.0 \u00b0C" in text and "\u00b0F" not in text
    # And dates are day-first with the month in letters, times in Perth's zone, named
    assert "5 Nov 2026" in text and "4 Nov 2026" in text
    assert "11/05/2026" not in text
    assert "7 Nov 2026 10:30 AWST (Australia/Perth)" in text
    # And the configured US edition is cited without a country tag that is not the job's
    assert "IICRC S500-2021" in text
    assert "(US)" not in text


@pytest.mark.parametrize("kind", ["md", "docx", "pdf"])
def test_a_us_job_is_imperial_month_first_and_in_central_time(us_texts: dict[str, str], kind: str) -> None:
    text = us_texts[kind]
    assert f"12 {TIMES} 14 ft" in text
    assert "120 sq ft" in text and "m\u00b2" not in text.split("Scope of work")[0]
    assert "78 \u00b0F" in text and "\u00b0C" not in text
    assert "11/05/2026" in text and "11/04/2026" in text
    assert "5 Nov 2026" not in text
    assert "11/06/2026 20:30 CST (America/Chicago)" in text
    assert "IICRC S500-2021 (US)" in text


def test_notes_in_metres_stay_as_written_in_an_imperial_report() -> None:
    # Given the AU notes' lounge in a report whose job is in the US (the feet first, metres beside)
    findings = analyze_text(AU_NOTES)
    findings.locale = Locale(country="US", units=UnitSystem.METRIC)
    report = Report(
        workflow_id="wf", title="t", generated_at=GENERATED_AT, findings=findings, qa=check_findings(findings)
    )
    assert f"21.3 {TIMES} 3.9 ft (6.5 {TIMES} 1.2 m)" in render_markdown(report)


def test_an_unknown_place_keeps_utc_and_the_unambiguous_date() -> None:
    findings = Findings(analyzer_version="test")
    report = Report(
        workflow_id="wf", title="t", generated_at=GENERATED_AT, findings=findings, qa=check_findings(findings)
    )
    assert "7 Nov 2026 02:30 UTC" in render_markdown(report)


@pytest.mark.parametrize(
    ("country", "region", "zone"),
    [
        ("AU", "WA", "Australia/Perth"),
        ("AU", "NSW", "Australia/Sydney"),
        ("AU", "QLD", "Australia/Brisbane"),
        ("AU", None, None),  # three zones: the state must say
        ("NZ", "Canterbury", "Pacific/Auckland"),
        ("GB", None, "Europe/London"),
        ("US", "TX", "America/Chicago"),
        ("US", "CA", "America/Los_Angeles"),
        ("CA", "BC", "America/Vancouver"),
        ("CA", "NT", "America/Yellowknife"),
        ("AU", "NT", "Australia/Darwin"),
        (None, None, None),
    ],
)
def test_the_zone_follows_the_state_or_province(
    country: str | None, region: str | None, zone: str | None
) -> None:
    assert zone_of(country, region) == zone


def test_canada_is_metric_unless_its_notes_are_imperial() -> None:
    assert job_locale(Locale(country="CA")).metric is True
    assert job_locale(Locale(country="CA", units=UnitSystem.METRIC)).metric is True
    assert job_locale(Locale(country="CA", units=UnitSystem.IMPERIAL)).metric is False
    assert job_locale(Locale(country="CA")).month_first is False


def test_an_au_job_cites_an_au_edition_when_one_is_configured() -> None:
    # Given standards with an Australian edition of the category rules
    standards = load_standards()
    au_ref = standards.references.water_category.model_copy(update={"edition": "2025", "country": "AU"})
    configured = standards.model_copy(update={"references_by_country": {"AU": {"water_category": au_ref}}})
    # When an Australian job is analysed, and a US one
    au = analyze_text(AU_NOTES, standards=configured)
    us = analyze_text(US_NOTES, standards=configured)
    # Then the AU job cites its own edition, the US job the configured US one
    assert au.water_category is not None and us.water_category is not None
    assert au.water_category.standard.country == "AU" and au.water_category.standard.edition == "2025"
    assert "(US)" not in au.water_category.justification
    assert us.water_category.standard.country == "US"


def test_a_job_whose_notes_settle_no_country_cites_its_edition_without_calling_it_american() -> None:
    # Given notes that give no state, postcode or country ("Glenorchy" is in two countries)
    findings = analyze_text(
        "Job 7781 - 9 Kallaroo Ave, Riverbend\n"
        "Attended 21/11/2026. Burst flexi hose under the kitchen sink, clean mains water.\n"
        "Kitchen 4.2 x 3 m: vinyl and kickboards wet. Category 1.\n"
        "Kitchen kick 38 WME.\n"
    )
    assert findings.locale.country is None
    report = Report(
        workflow_id="wf-no-country",
        title="Kitchen hose",
        generated_at="2026-12-07T09:00:00Z",
        findings=findings,
        qa=check_findings(findings),
    )
    text = render_markdown(report)
    # Then the edition is cited, with no country tag the job was never shown to have
    assert "IICRC S500-2021" in text
    assert "(US)" not in text


def test_qa_on_a_job_whose_notes_settle_no_country_cites_its_edition_without_calling_it_american() -> None:
    # Given a no-country job whose placed air movers QA checks against the S500 calculation
    findings = analyze_text(
        "Job 7781 - 9 Kallaroo Ave, Riverbend\n"
        "Attended 21/11/2026. Burst flexi hose under the kitchen sink, clean mains water.\n"
        "Kitchen 4.2 x 3 m: vinyl and kickboards wet. Category 1, Class 2. Wet floor 8 m2.\n"
        "2 air movers and 1 dehumidifier placed.\n"
        "Kitchen kick 38 WME.\n"
    )
    assert findings.locale.country is None
    messages = " ".join(issue.message for issue in check_findings(findings).issues)
    # Then QA's calculation message cites the edition, never as the job's "(US)" one
    assert "EQUIPMENT" in " ".join(issue.code for issue in check_findings(findings).issues)
    assert "IICRC S500-2021" in messages
    assert "(US)" not in messages


def test_qa_on_a_job_in_the_us_still_tags_the_edition_as_the_jobs_own() -> None:
    # Given the same job with a US address (the near miss: a known country keeps its tag)
    findings = analyze_text(
        "Job 7781 - 9 Kallaroo Ave, Riverbend, OR 97401\n"
        "Attended 11/21/2026. Burst supply hose under the kitchen sink, clean mains water.\n"
        "Kitchen 14 x 10 ft: vinyl and kickboards wet. Category 1, Class 2. Wet floor 90 sq ft.\n"
        "2 air movers and 1 dehumidifier placed.\n"
        "Kitchen kick 38 WME.\n"
    )
    assert findings.locale.country == "US"
    messages = " ".join(issue.message for issue in check_findings(findings).issues)
    assert "IICRC S500-2021 (US)" in messages
