"""A headerless table whose days one sentence of a longer line gives ("Meter ... . The columns are,
left to right, 3/4, 5/4 and 8/4.", "Dates across are 6/2, 6/3 and 6/5."), with no readings heading
above it: the sentence heads the table. A row may lead with its point's bare number and carry a
unit cell, and a day not read may be an empty cell; none of these is a day's reading."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text


def _found(text: str) -> list[tuple[float, str, str, date | None]]:
    return [(r.value, r.location, r.unit, r.taken_on) for r in analyze_text(text).moisture_readings]


_NUMBERED = """Southern Dry Co - log sheet
Site: 4 Kauri Street, Nelson 7010. Loss Tuesday 31 March 2026: dishwasher hose split.
Laundry 2.0 x 1.8 m - vinyl wet. Study 3.0 x 3.0 m - carpet wet along the laundry wall.
Attended Wednesday 1 April 2026. Values from a Protimeter Mini (board %, timber %MC). {told}
1 | laundry plasterboard by tub | % | 41 | 27 | 16
2 | study skirting | %MC | 24 | 18 |
3 | study plasterboard | % | 33 | n/r | 14
Dry goal reached 06/04.
""".format(told="The three number columns are, left to right, 01/04, 03/04 and 06/04.")


def test_a_told_days_sentence_heads_a_numbered_table_with_unit_cells() -> None:
    # Given a table with no heading whose days a sentence among others on the line gives
    # When the notes are analysed
    found = _found(_NUMBERED)
    # Then each value takes its column's day and its row's unit; the point's number is no reading
    assert (41.0, "Laundry", "%", date(2026, 4, 1)) in found
    assert (27.0, "Laundry", "%", date(2026, 4, 3)) in found
    assert (16.0, "Laundry", "%", date(2026, 4, 6)) in found
    assert (24.0, "Study", "%MC", date(2026, 4, 1)) in found
    assert (18.0, "Study", "%MC", date(2026, 4, 3)) in found
    assert (14.0, "Study", "%", date(2026, 4, 6)) in found
    assert not any(value in (1.0, 2.0, 3.0) for value, *_ in found)
    # And an empty cell or "n/r" holds its day's place
    assert not any(value == 33.0 and day != date(2026, 4, 1) for value, _, _, day in found)
    assert len(found) == 7


_ACROSS = """Lakeside Restoration - moisture sheet
Owner: Priya Das, 210 Elm Court, Ann Arbor MI 48104. Dishwasher supply failed Sunday, June 7, 2026.
First visit Monday, June 8, 2026.
Dining room, 12 x 11 ft: maple floor wet. Mudroom, 8 x 6 ft: tile and drywall wet.
Delmhorst J-2000: wood scale on maple, drywall scale on M2. Dates across are 6/8, 6/10 and 6/12.
D1 Dining maple at the window | 23 | 17 | 12
M2 Mudroom drywall | 31 | 20 | 11
"""


def test_dates_across_head_the_rows_under_a_meter_sentence() -> None:
    # Given "Dates across are ..." after a sentence that names the meter and a point code
    # When the notes are analysed
    found = _found(_ACROSS)
    # Then the rows' values take those days in order
    assert (23.0, "Dining room", "%MC", date(2026, 6, 8)) in found
    assert (12.0, "Dining room", "%MC", date(2026, 6, 12)) in found
    assert (31.0, "Mudroom", date(2026, 6, 8)) in [(v, where, day) for v, where, _, day in found]
    assert (11.0, "Mudroom", date(2026, 6, 12)) in [(v, where, day) for v, where, _, day in found]


_NOT_DAYS = """Lakeside Restoration - visit note
Owner: Priya Das, 210 Elm Court, Ann Arbor MI 48104. Dishwasher supply failed Sunday, June 7, 2026.
Dining room, 12 x 11 ft: maple floor wet.
Crew moved across to the mudroom on 6/8 and 6/10 after the dining floor was done.
D1 | Dining maple at the window | 23
"""


def test_a_sentence_with_days_but_no_column_order_heads_no_table() -> None:
    # Given a sentence with two days that says nothing of columns or their order
    # When the notes are analysed
    found = _found(_NOT_DAYS)
    # Then the row's lone value is not spread over those days
    assert not any(day == date(2026, 6, 10) for *_, day in found)
