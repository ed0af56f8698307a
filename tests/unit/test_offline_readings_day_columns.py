"""A table of readings laid out with spaces, one column per day and a row per point: its header
names the days in words ("Point   Mar 4   Mar 6"), its rows may be led by a point code that looks
like a day ("D1"), and a row may end with a note in brackets after its cells."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text

_LOG = """Adjuster file, claim 55-1209, 40 Elm Ave, Dayton OH. Inspected March 4, 2026.
Bathroom supply line leak into the kitchen ceiling below.
03/09/2026 10:00 - Contractor's drying log received (Tramex ME5, drywall relative, framing %MC).
  Point                              Mar 4    Mar 6    Mar 8
  Kitchen ceiling near light (REL)     77       -        -      (removed with the cut-out)
  Kitchen ceiling by window (REL)      59       24       13
  Kitchen joist (%MC)                  -        21       14     (read after demo)
All at goal Mar 8.
"""


def _found(text: str) -> list[tuple[float, str, str, date | None]]:
    return [(r.value, r.unit, r.location, r.taken_on) for r in analyze_text(text).moisture_readings]


def test_a_spaced_table_with_days_in_words_reads_each_day() -> None:
    found = _found(_LOG)
    assert (77.0, "REL", "Kitchen", date(2026, 3, 4)) in found
    assert (59.0, "REL", "Kitchen", date(2026, 3, 4)) in found
    assert (24.0, "REL", "Kitchen", date(2026, 3, 6)) in found
    assert (13.0, "REL", "Kitchen", date(2026, 3, 8)) in found
    # a dash holds its day's place and a bracketed note after the cells is none of them
    assert (21.0, "%MC", "Kitchen", date(2026, 3, 6)) in found
    assert (14.0, "%MC", "Kitchen", date(2026, 3, 8)) in found
    assert len(found) == 6  # nothing from the notes' words


_LEVELS = """Water damage report, 9 Rata St, Naenae. Attended 23/03/2026.
Family room 5 x 4 m: ceiling wet. Laundry 2 x 2 m: ceiling wet.

READINGS
Tramex ME5 reference scale (REL) on ceilings.
Downstairs               23/03   25/03
D1 family ceiling, sag    70      (sheet removed 24/03)
D2 family ceiling, E wall 55      31
D3 laundry ceiling        61      28
"""


def test_a_point_coded_d1_is_a_row_not_a_day_column() -> None:
    found = _found(_LEVELS)
    assert (70.0, "REL", "Family room", date(2026, 3, 23)) in found
    assert (31.0, "REL", "Family room", date(2026, 3, 25)) in found
    assert (28.0, "REL", "Laundry", date(2026, 3, 25)) in found


def test_days_written_day_then_month_in_a_row_are_not_read_as_years() -> None:
    # Given a spaced table whose header gives each day as "7-Mar", one after another, no year
    notes = (
        "Drying record, 12 Birch Lane, Guelph ON. First visit 2026-03-07.\n"
        "Laundry closet flooded from the washer; family room next to it wet.\n"
        "Meter: Delmhorst, wood in %MC.\n"
        "Pt Room Material 7-Mar 8-Mar 10-Mar Goal\n"
        "F1 Family room baseboard 26 19 12 14\n"
    )
    found = _found(notes)
    # Then each number is read on its own day of that year, not in a year the next day's number made
    assert (26.0, "%MC", "Family room", date(2026, 3, 7)) in found
    assert (19.0, "%MC", "Family room", date(2026, 3, 8)) in found
    assert (12.0, "%MC", "Family room", date(2026, 3, 10)) in found


def test_a_piped_row_whose_first_day_follows_the_points_words_in_one_cell() -> None:
    # Given a header of days only, and rows that lead with the point's words and a colon
    notes = (
        "Site: 7 Banksia Way, Belconnen ACT 2617. Attended 03/02/2026.\n"
        "Laundry (2.4 x 1.8 m): plasterboard wet to 300 mm.\n"
        "\n"
        "Readings (WME)\n"
        "(03/02 | 05/02 | 07/02)\n"
        "Laundry\n"
        "  plasterboard by the tub: 41 | 25 | 14 WME\n"
    )
    # Then the first day's number is read with the others, each on its own day
    days = [(r.value, r.taken_on) for r in analyze_text(notes).moisture_readings]
    assert days == [(41.0, date(2026, 2, 3)), (25.0, date(2026, 2, 5)), (14.0, date(2026, 2, 7))]


_NUMBERED_DAYS = """Drying record, 8 Banksia Cres, Modbury SA 5092. Attended Tuesday 3/03/2026.
Laundry: vinyl on particleboard wet, plasterboard wicking 200 mm.
Meter: Protimeter MMS2, pin mode (WME) on particleboard, search mode on plasterboard.
Pt Where Material Mode Day 1 3/03 Day 2 4/03 Day 4 6/03
L1 Laundry floor at tub particleboard WME 31 24 17
L2 Laundry wall by door plasterboard search 420 260 150
"""


def test_a_day_column_titled_by_its_number_and_its_date_is_one_column() -> None:
    found = _found(_NUMBERED_DAYS)
    assert (31.0, "WME", "Laundry", date(2026, 3, 3)) in found
    assert (24.0, "WME", "Laundry", date(2026, 3, 4)) in found
    assert (17.0, "WME", "Laundry", date(2026, 3, 6)) in found  # (Day 4 is the date it gives)
    assert (150.0, "REL", "Laundry", date(2026, 3, 6)) in found
    assert len(found) == 6


def test_a_page_or_photo_number_is_no_reading() -> None:
    notes = (
        "Drying record, 8 Banksia Cres, Modbury SA 5092. Attended 3/03/2026.\n"
        "Laundry: vinyl on particleboard wet. Meter: Protimeter, pin mode (WME).\n"
        "MOISTURE MAP - points on the sketch (page 3), photo 12 shows the tub.\n"
        "L1 laundry floor at tub particleboard WME 31\n"
    )
    assert {value for value, *_ in _found(notes)} == {31.0}
