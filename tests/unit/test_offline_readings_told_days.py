"""A table with no header row whose days a sentence above it gives in order ("readings on 11/5,
13/5 and 15/5, in that order", "Columns are Jun 2, Jun 3 ... left to right"), even after a line of
dry standards was read in the block; a cell or a dash saying a point was not read holds its day's
place; and a row's words saying a covering was pulled back to read a surface make no equipment
row of it."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text


def _found(text: str) -> list[tuple[float, str, date | None]]:
    return [(r.value, r.location, r.taken_on) for r in analyze_text(text).moisture_readings]


_BARRED = """Water damage report, 12 Kowhai Rd, Hamilton. Attended Monday 11 May 2026.
Laundry 2.4 x 2.0 m: vinyl wet. Hallway 5 x 1.2 m: carpet wet at the laundry door.
Moisture
Meter: Protimeter Surveymaster (WME). Dry standards in the lounge: plasterboard 11 (11/5).
Each point below was read on 11/5, 13/5 and 15/5, in that order.
A | Laundry plasterboard behind the tub | 37 | 22 | 15
B | Hallway skirting at the door | 29 | 19 | n/r
"""


def test_an_order_sentence_dates_a_headerless_barred_table_after_a_standards_line() -> None:
    # Given a block whose dry standards line is read before the sentence that dates the columns
    # When the notes are analysed
    found = _found(_BARRED)
    # Then each column takes its day, and a "n/r" cell holds the last day's place
    assert (37.0, "Laundry", date(2026, 5, 11)) in found
    assert (22.0, "Laundry", date(2026, 5, 13)) in found
    assert (15.0, "Laundry", date(2026, 5, 15)) in found
    assert (29.0, "Hallway", date(2026, 5, 11)) in found
    assert (19.0, "Hallway", date(2026, 5, 13)) in found
    assert not any(value in (29.0, 19.0) and day == date(2026, 5, 15) for value, _, day in found)


_SPACED = """Drying log, 88 Birch Ln, Madison WI. Inspected Jun 2, 2026.
Den carpet and the utility room wet after a supply line leak.
Moisture readings - Protimeter (drywall %; wood %MC).
Columns are Jun 2, Jun 3, Jun 4 and Jun 5, left to right.
D1  den  north
wall  drywall
44 30 21 14
D2  den  baseboard
(%MC) 28 22 17 -
U1  utility  room
drywall
35 24 15 -
U2  utility  room  slab,
rug  pulled
back
% 5.6 5.0 4.5 4.1
"""


def test_a_dash_holds_a_day_in_a_spaced_pdf_row_under_told_days() -> None:
    # Given PDF rows of four day columns whose last day was not read ("-")
    # When the notes are analysed
    found = _found(_SPACED)
    # Then the values read take the first three days and the dash none
    assert (28.0, "Den", date(2026, 6, 2)) in found
    assert (17.0, "Den", date(2026, 6, 4)) in found
    assert (35.0, "Utility room", date(2026, 6, 2)) in found
    assert (15.0, "Utility room", date(2026, 6, 4)) in found
    assert not any(day == date(2026, 6, 5) and value in (17.0, 15.0) for value, _, day in found)


def test_a_covering_pulled_back_to_read_a_slab_is_no_equipment_row() -> None:
    # Given a row whose words say the rug was pulled back to read the slab
    # When the notes are analysed
    found = _found(_SPACED)
    # Then its four values are the slab's readings, each on its day
    assert (5.6, "Utility room", date(2026, 6, 2)) in found
    assert (4.1, "Utility room", date(2026, 6, 5)) in found


def test_units_pulled_under_told_days_are_no_readings() -> None:
    # (the near miss: a row of air movers pulled, with no surface named, counts units)
    text = _SPACED + "Air movers pulled 3 3 2 1\n"
    found = _found(text)
    assert not any(value == 3.0 for value, _, _ in found)


def test_days_of_something_else_in_order_are_no_column_days() -> None:
    # (the near miss: after the standards line, a sentence gives days in order, but of the fans,
    # not of readings: the rows under it are not spread over them as columns)
    # Given
    text = _BARRED.replace(
        "Each point below was read on 11/5, 13/5 and 15/5, in that order.",
        "Fans went in on 12/5 and came out on 15/5, in that order.",
    )
    # When
    found = _found(text)
    # Then
    assert len({day for value, _, day in found if value in (37.0, 22.0, 15.0)}) == 1
