"""A log's table with a unit column and a goal column, one row per point per visit, as a Word
table and as a PDF's text (bars gone, the row's date then its point number lead the row): the
reading is read on the row's unit; the goal column is a target, never a reading."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text

_PDF = """Job 7781, 2 Ironbark Rd. Attended 14/05/2026. Study and hall walls wet from a roof leak.
Moisture readings
Date Pt Room Material Meter Reading Unit Goal
14/05/2026 1 Study plasterboard, S wall Tramex ME5 620 REL 140
14/05/2026 2 Hallway pine skirting Protimeter Mini 27 %MC 15
16/05/2026 1 Study plasterboard, S wall Tramex ME5 210 REL 140
"""


def test_a_pdf_row_with_its_date_point_unit_and_goal() -> None:
    found = [(r.value, r.unit, r.location, r.taken_on) for r in analyze_text(_PDF).moisture_readings]
    assert (620.0, "REL", "Study", date(2026, 5, 14)) in found
    assert (27.0, "%MC", "Hallway", date(2026, 5, 14)) in found
    assert (210.0, "REL", "Study", date(2026, 5, 16)) in found
    values = [value for value, *_ in found]
    assert 140.0 not in values and 15.0 not in values and 1.0 not in values and 2.0 not in values
    assert len(found) == 3
