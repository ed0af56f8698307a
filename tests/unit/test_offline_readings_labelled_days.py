"""Readings on a line led by a short label and the day they were taken ("Plumber's sheet 16.11
(Protimeter, WME): ..."), a yearless day written with the document's own dot, and two values of
one surface joined by "and" ("boards 31 and 27")."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text


def _found(text: str) -> set[tuple[float, str | None, date | None]]:
    return {(r.value, r.location, r.taken_on) for r in analyze_text(text).moisture_readings}


_HEAD = "Site note. Water from a split hose on Sunday 08.03.2026; attended 09.03.2026.\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a label, the day with the document's dot, a meter's bracket, a colon
        (
            "Drier's first sheet, 09.03 (Tramex, WME): lounge boards 36 and 33, hall skirting 24.",
            {
                (36.0, "Lounge", date(2026, 3, 9)),
                (33.0, "Lounge", date(2026, 3, 9)),
                (24.0, "Hall", date(2026, 3, 9)),
            },
        ),
        # no comma, no bracket, a dash after the day
        (
            "Owner's own log 11.03 - lounge boards 22, hall skirting 17.",
            {(22.0, "Lounge", date(2026, 3, 11)), (17.0, "Hall", date(2026, 3, 11))},
        ),
        # a slash day in the same place
        (
            "Second check 12/03 (my meter): lounge boards 19 and 18.",
            {(19.0, "Lounge", date(2026, 3, 12)), (18.0, "Lounge", date(2026, 3, 12))},
        ),
    ],
)
def test_a_labelled_day_dates_the_readings_after_it(
    line: str, expected: set[tuple[float, str | None, date | None]]
) -> None:
    assert expected <= _found(_HEAD + line + "\n")


def test_a_decimal_reading_is_no_dotted_day() -> None:
    # Given decimals far from any of the job's days, in notes that write dates with a dot
    found = _found(_HEAD + "Slab readings (Tramex CME, %): lounge slab 4.12 and 5.10, hall slab 3.9.\n")
    values = {value for value, _, _ in found}
    assert {4.12, 5.1, 3.9} <= values


def test_a_dotted_day_is_read_only_where_the_notes_write_dates_with_a_dot() -> None:
    # Given notes that write slashes, "10.03" is a decimal reading, not a day
    text = "Attended 09/03/2026.\nReadings (%): lounge boards 10.03 and 18.\n"
    assert 10.03 in {value for value, _, _ in _found(text)}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Readings (WME): study boards 28 and 24, landing skirting 15.", {28.0, 24.0, 15.0}),
        ("Readings (WME): study architrave 31 and 26, landing 15.", {31.0, 26.0, 15.0}),
        ("Readings (WME): study boards 28 near the window and 24 middle.", {28.0, 24.0}),
    ],
)
def test_two_values_of_one_surface_joined_by_and_are_two_readings(line: str, expected: set[float]) -> None:
    assert expected <= {value for value, _, _ in _found(_HEAD + line + "\n")}


def test_numbered_rooms_joined_by_and_are_no_readings() -> None:
    # the near miss: "Bedrooms 2 and 3" name rooms, and a capitalised "Suite 14 and 15" names places
    found = {value for value, _, _ in _found(_HEAD + "Readings (WME): Suite 14 and 15 carpet 31.\n")}
    assert 14.0 not in found
    assert 15.0 not in found
    found = {value for value, _, _ in _found(_HEAD + "Readings (WME): bedrooms 2 and 3 carpet 31.\n")}
    assert not {2.0, 3.0} & found


_OWNER_LIST = """Hi, the drying man came on Monday 9th and again on Thursday 12th (March 2026).
What he read out:
{items}
"""


@pytest.mark.parametrize(
    ("items", "value", "room"),
    [
        ("- laundry wall: 44, then 19\n- study wall (the one he compares with): 9 both times", 9.0, "Study"),
        ("* laundry floor: 38 then 17\n* lounge skirting (his dry one): 11", 11.0, "Lounge"),
    ],
)
def test_a_list_item_with_one_value_under_items_of_readings_is_a_reading(
    items: str, value: float, room: str
) -> None:
    found = _found(_OWNER_LIST.format(items=items))
    assert any(v == value and place == room for v, place, _ in found)


def test_a_list_item_of_a_count_is_no_reading() -> None:
    # the near miss: an item that counts things after a colon is no reading
    found = _found(_OWNER_LIST.format(items="- laundry wall: 44, then 19\n- fans in the laundry: 3"))
    assert 3.0 not in {v for v, _, _ in found}
