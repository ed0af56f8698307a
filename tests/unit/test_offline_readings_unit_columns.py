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


_WORD = """Job 7782, 5 Quandong St. Attended 14/05/2026. Yard flooding into the sunroom and back porch.
Readings after the carpet was lifted
Date | Room | Location / material | Meter | Reading | Unit
14/05/2026 | Sunroom | concrete slab, by the door | Tramex CME5 | 5.1 | %
14/05/2026 | Back porch | timber stud | Protimeter Mini | 28 | %WME
14/05/2026 | Sunroom | plasterboard, 500 mm | Tramex ME5 | 61 | rel
16/05/2026 | Sunroom | plasterboard, 500 mm | - | not re-read | -
16/05/2026 | Back porch | timber stud | Protimeter Mini | 19 | %WME
16/05/2026 | Sunroom | concrete slab, by the door | Tramex CME5 | 4.2 | %
"""


def test_a_word_table_reads_its_unit_column_and_room_column() -> None:
    found = [(r.value, r.unit, r.location, r.taken_on) for r in analyze_text(_WORD).moisture_readings]
    assert (5.1, "%", "Sunroom", date(2026, 5, 14)) in found  # the unit column's "%", not the meter's
    assert (61.0, "REL", "Sunroom", date(2026, 5, 14)) in found
    # a room the vocabulary may not know is the row's place by its Room column
    assert (28.0, "WME", "Back porch", date(2026, 5, 14)) in found
    # a row whose point was not re-read does not end the table: the rows after it are read
    assert (19.0, "WME", "Back porch", date(2026, 5, 16)) in found
    assert (4.2, "%", "Sunroom", date(2026, 5, 16)) in found
    assert len(found) == 5
