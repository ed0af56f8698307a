"""The day of a reading told in parts: a date in a bracket that tells of another event ("(cut out
28/11)") is the aside's, not the day of the values after it; and a heading that names the site visit
in brackets ("=== Tech notes (site 28/11/2026) ===") dates the lines under it."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text


def _days(notes: str) -> dict[float, date | None]:
    readings = analyze_text(notes, received=date(2026, 12, 20)).moisture_readings
    return {reading.value: reading.taken_on for reading in readings}


def test_an_asides_date_does_not_date_the_values_after_it() -> None:
    # Given a revisit line whose bracket tells when the ceiling was cut out
    notes = (
        "Job 610, 2 Ash Gr. Attended 14/12/2026. Lounge ceiling wet.\n"
        "Lounge ceiling 44, wall 29\n"
        "16/12 revisit: lounge ceiling hole patched (cut out 14/12), ceiling edge 23, wall 17.\n"
    )
    # When the notes are read
    days = _days(notes)
    # Then the revisit's values are the revisit's
    assert days[23.0] == date(2026, 12, 16)
    assert days[17.0] == date(2026, 12, 16)


def test_an_aside_told_in_other_words_is_still_an_aside() -> None:
    # Given a US-dated line whose bracket tells of the plumber's visit
    notes = (
        "Claim 8812, 40 Birch St, Austin TX. Inspected 12/13/2026. Kitchen drywall wet.\n"
        "Kitchen drywall 33, toe kick 35\n"
        "12/15 recheck: kitchen drywall near sink (plumber came 12/14) 19, toe kick 21.\n"
    )
    # When the notes are read
    days = _days(notes)
    # Then the values are the recheck's day
    assert days[19.0] == date(2026, 12, 15)
    assert days[21.0] == date(2026, 12, 15)


def test_a_bracket_of_a_date_alone_still_dates_what_follows() -> None:
    # Given a line whose parts are dated by brackets holding a day alone (the near miss)
    notes = (
        "Job 611, 4 Ash Gr. Attended 14/12/2026. Hall carpet and skirting wet.\n"
        "Hall skirting 31 (14/12), 22 (16/12)\n"
    )
    # When the notes are read
    days = _days(notes)
    # Then each value keeps its bracketed day
    assert days[31.0] == date(2026, 12, 14)
    assert days[22.0] == date(2026, 12, 16)


def test_a_heading_naming_the_site_day_dates_the_lines_under_it() -> None:
    # Given office intake notes written later, then the technician's notes under a ruled heading
    notes = (
        "=== OFFICE NOTES (phone, 05/12/2026 - reception) ===\n"
        "Claim: AB-1123\n"
        "Address: 8 Gum St, Toowong QLD 4066\n"
        "=== TECH NOTES (site 06/12/2026, 9am - R. Lowe) ===\n"
        "Study carpet and skirting wet from the heater pipe.\n"
        "Readings (Protimeter %MC): study skirting 33, study plasterboard 24\n"
        "08/12 revisit: study skirting 20, plasterboard 15.\n"
    )
    # When the notes are read
    days = _days(notes)
    # Then the readings are the site day's, and the revisit's its own
    assert days[33.0] == date(2026, 12, 6)
    assert days[24.0] == date(2026, 12, 6)
    assert days[20.0] == date(2026, 12, 8)


def test_values_on_days_of_their_own_are_not_redated_by_the_line_above() -> None:
    # Given a point not re-read on the revisit (its line ends on the revisit's date), then a point
    # whose values are each written after their own day
    notes = (
        "Job 88, 3 Kauri St, Nelson.\n"
        "Instructed: 01/03/2026   Inspected: Mon 02/03/2026   Revisit: Wed 04/03/2026\n"
        "Moisture (Protimeter, search mode, relative):\n"
        "- P1 hall wall by the tap: 02/03 410; 04/03 160\n"
        "- P2 hall wall 1 m along: 02/03 150 (edge of wet, not a standard); not re-read 04/03\n"
        "- P3 lounge wall, hall side: 02/03 280; 04/03 130\n"
    )
    # When the notes are read
    days = _days(notes)
    # Then the next point's first value keeps its own (the inspection's) day
    assert days[280.0] == date(2026, 3, 2)
    assert days[130.0] == date(2026, 3, 4)


def test_a_numbered_visit_heading_dates_the_lines_under_it() -> None:
    # Given a US report whose second visit heading tells, in brackets, since when a dehumidifier ran
    notes = (
        "Crawlspace assessment, 12 Elk Ct, Boise, ID 83702.\n"
        "Visit 1: 03/02/2026   Visit 2: 03/09/2026\n"
        "Moisture content, wood scale (%MC)\n"
        "Visit 1, 3/2:\n"
        "* A1 joist under tub - 26\n"
        "* A2 subfloor under toilet - 31\n"
        "Visit 2, 3/9 (owner's fan running in the crawl since 3/2):\n"
        "* A1 - 18, A2 - 22.\n"
    )
    # When the notes are read
    days = _days(notes)
    # Then the re-reads are the second visit's
    assert days[26.0] == date(2026, 3, 2)
    assert days[18.0] == date(2026, 3, 9)
    assert days[22.0] == date(2026, 3, 9)
