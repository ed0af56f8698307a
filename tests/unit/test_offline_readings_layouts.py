"""Readings laid out as a PDF's spaced table, a log or a list, where a word of the layout looks
like something else: a "Goal" column title that looks like a goal sentence, and a hotel's or a
block's room number that leads each row ("305 bath wall 410 260 140")."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text


def _found(text: str) -> list[tuple[float, str, str, date | None]]:
    return [(r.value, r.unit, r.location, r.taken_on) for r in analyze_text(text).moisture_readings]


_GOAL_COLUMN = """Drying report, 77 Pine St, Tulsa OK 74103. On site 04/06/2026.
Dishwasher supply failed overnight into the kitchen.
Moisture log (Tramex ME5 on drywall, pin meter %MC on wood)
Pt Location Material Goal 4/6 4/7 4/9
K1 Kitchen, sink wall drywall % 16 58 31 14
K2 Kitchen, toe kick MDF %MC 15 27 19 12
"""


def test_a_goal_column_title_is_no_goal_sentence_and_its_rows_are_read() -> None:
    # Given a PDF table whose header names a Goal column before the days
    found = _found(_GOAL_COLUMN)
    # Then each row's numbers after the goal are read on the days of the columns
    assert (58.0, "%MC", "Kitchen", date(2026, 4, 6)) in found or (
        58.0,
        "%",
        "Kitchen",
        date(2026, 4, 6),
    ) in found
    assert any(f[0] == 14.0 and f[3] == date(2026, 4, 9) for f in found)
    assert any(f[0] == 27.0 and f[3] == date(2026, 4, 6) for f in found)
    # and the goal is no reading
    assert not any(f[0] in (15.0, 16.0) for f in found)


_HOTEL_ROWS = """Hotel water loss, 10 Bay St, Savannah GA 31401.
Our arrival: 06/12/2026 8:15 PM. Guest in room 418 overflowed the tub.
Affected rooms
Room 418 bath floor and entry wall. Room 318 bath ceiling and entry ceiling.
Moisture readings - Protimeter, search mode (REL).
Point 6/12 6/13 6/15
418 entry wall 380 240 130
318 bath ceiling 720 400 190
"""


def test_rows_led_by_a_room_number_read_in_that_room_on_each_day() -> None:
    # Given a hotel's PDF log whose rows start with the guest room's number
    found = _found(_HOTEL_ROWS)
    values = {(value, taken_on) for value, _, _, taken_on in found}
    # Then the room number is no reading, and each cell is read on its column's day
    assert (380.0, date(2026, 6, 12)) in values
    assert (130.0, date(2026, 6, 15)) in values
    assert (190.0, date(2026, 6, 15)) in values
    assert not any(value in (418.0, 318.0) for value, _, _, _ in found)
    by_value = {value: location for value, _, location, _ in found}
    assert "318" in by_value[720.0] and "418" in by_value[240.0]


def test_our_arrival_gives_the_inspection_date() -> None:
    # Given a report that dates the crew's arrival under "Our arrival:"
    findings = analyze_text(_HOTEL_ROWS)
    # Then that is the inspection date
    job = findings.job
    assert job.inspection_date is not None and job.inspection_date.value == date(2026, 6, 12)
