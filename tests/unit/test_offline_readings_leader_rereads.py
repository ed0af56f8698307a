"""A numbered map written with dot leaders outside a readings heading ("2 skirting by shower ......
28 WME") keeps its points' numbers, so the later visits' lines of numbers ("16/03  1 - 150  2 - 22")
re-read them, even with a bracket naming the points not read that day."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text

_NOTES = """Laundry: tap spindle leak behind the machine, plasterboard and skirting wet.
Meter: Protimeter, pins = WME, search = REL.

15/03/2026
1 plasterboard behind washer ........ 280 REL
2 skirting by trough ................ 31 WME
3 skirting at door (check) .......... 15 WME

16/03  1 - 150   2 - 22   (3 not re-read)
18/03  1 - 96    2 - 16   3 - 13
"""


def _found() -> list[tuple[float, str | None, date | None]]:
    return [(r.value, r.unit, r.taken_on) for r in analyze_text(_NOTES).moisture_readings]


def test_a_dot_leader_maps_points_are_re_read_by_number() -> None:
    found = _found()
    assert (280.0, "REL", date(2026, 3, 15)) in found
    assert (96.0, "REL", date(2026, 3, 18)) in found
    assert (16.0, "WME", date(2026, 3, 18)) in found
    assert (13.0, "WME", date(2026, 3, 18)) in found


def test_a_bracket_naming_the_points_not_read_does_not_hide_the_visit() -> None:
    found = _found()
    assert (150.0, "REL", date(2026, 3, 16)) in found
    assert (22.0, "WME", date(2026, 3, 16)) in found
    # the bracket's point number is no value
    assert not [value for value, _, day in found if day == date(2026, 3, 16) and value == 3.0]


# --- a leader row's run of values, one a visit ---------------------------------------------------

_RUN_HEAD = (
    "Claim 88-310, 4 Kauri Pl, Nelson. Site visit 12 May 2026. Laundry and hallway wet.\n"
    "Meter: Trotec T660 (relative, 0-200) on GIB; pins (%MC) on timber.\n"
    "\n"
)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # the first row writes each visit's day before its value, the bars part the visits; the
        # rows under it give theirs in the same order; a height before the leader is no reading
        (
            "A  laundry GIB by tub, 150 AFF ....... contractor 9/5: 131 | ours 12/5: 77\n"
            "B  hallway GIB, 150 AFF .............. 104 | 58\n"
            "C  hallway skirting (%MC) ............ 23 | 16\n",
            {
                (131.0, "REL", date(2026, 5, 9)),
                (77.0, "REL", date(2026, 5, 12)),
                (104.0, "REL", date(2026, 5, 9)),
                (58.0, "REL", date(2026, 5, 12)),
                (23.0, "%MC", date(2026, 5, 9)),
                (16.0, "%MC", date(2026, 5, 12)),
            },
        ),
    ],
)
def test_a_leader_rows_values_are_one_places(rows: str, expected: set[tuple[float, str, date]]) -> None:
    readings = analyze_text(_RUN_HEAD + rows).moisture_readings
    assert {(r.value, r.unit, r.taken_on) for r in readings if not r.is_reference} == expected


def test_a_leader_row_holding_a_sentence_after_its_value_is_no_run() -> None:
    # (a note with a number after the value is not a second visit's value)
    rows = "A  laundry GIB by tub ....... 131, cut 2 holes to vent it tomorrow\n"
    values = {r.value for r in analyze_text(_RUN_HEAD + rows).moisture_readings}
    assert 2.0 not in values


def test_a_leader_rows_values_take_the_days_its_block_heading_lists_slot_by_slot() -> None:
    text = (
        "Job 5521, 8 Banksia Cres, Mandurah WA. Visit 3/02/2026. Laundry and hall wet.\n"
        "\n"
        "Moisture map (numbered on the plan; readings 3/02 - 5/02 - 7/02)\n"
        "1. Laundry plasterboard behind tub ........ 41 - 26 - 15 %\n"
        "2. Hall skirting by the laundry door ....... 33 - (removed) - 14 %MC\n"
    )
    found = {(r.value, r.taken_on) for r in analyze_text(text).moisture_readings}
    assert {
        (41.0, date(2026, 2, 3)),
        (26.0, date(2026, 2, 5)),
        (15.0, date(2026, 2, 7)),
        (33.0, date(2026, 2, 3)),
        (14.0, date(2026, 2, 7)),
    } <= found
    # (the point's number and the removed slot are no readings)
    assert 2.0 not in {value for value, _ in found}


# --- a leader row placed by its room alone, and a dry standard coded by its role ------------------

_ROOM_HEAD = (
    "Claim 55-120, 3 Totara St, Napier. Dishwasher leak, kitchen and dining wet. Delmhorst pins, %MC.\n"
)


@pytest.mark.parametrize(
    ("rows", "visit", "expected"),
    [
        # a point's words name its room and a spot in it, no surface ("kitchen middle"); the later
        # visit re-reads every point by its code, the role-coded dry standard too
        (
            "K1 kitchen by the pantry ...... 31 -> 25\n"
            "K2 kitchen middle ............ 27 -> 20\n"
            "D1 dining near arch .......... 22 -> 17\n"
            "STD study .................... 12 -> 12\n",
            "20/11/2026 visit three: K1 18, K2 16, D1 14, STD 12.\n",
            {("Kitchen", 16.0, False), ("Dining", 14.0, False), ("Study", 12.0, True)},
        ),
        # other separators and leaders: a colon after the code, an ellipsis character, slashes
        (
            "A: dining room far end \u2026 24 / 19\n"
            "B: kitchen centre \u2026 29 / 22\n"
            "DS: lounge \u2026 11 / 11\n",
            "20/11/2026 last check: A 15; B 16; DS 11\n",
            {("Dining", 15.0, False), ("Kitchen", 16.0, False), ("Lounge", 11.0, True)},
        ),
    ],
)
def test_a_leader_row_naming_only_its_room_is_a_point_read_again(
    rows: str, visit: str, expected: set[tuple[str, float, bool]]
) -> None:
    readings = analyze_text(
        _ROOM_HEAD + "16/11/2026 readings, day 1 then today:\n" + rows + visit
    ).moisture_readings
    later = {(r.location, r.value, r.is_reference) for r in readings if r.taken_on == date(2026, 11, 20)}
    assert expected <= later
    # the role's row is the dry standard on every visit, never a wet reading
    assert not [r for r in readings if r.location in {"Study", "Lounge"} and not r.is_reference]


def test_a_leader_row_of_a_room_and_a_size_is_no_reading() -> None:
    # a room list with dot leaders gives sizes, not readings: the "x" parts the numbers
    readings = analyze_text(
        _ROOM_HEAD + "Kitchen ........ 4.2 x 3.6 m\nDining ......... 3.8 x 3.4 m\n"
    ).moisture_readings
    assert not readings
