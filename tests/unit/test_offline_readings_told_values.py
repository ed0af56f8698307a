"""Values told in lists and sentences that were read wrongly or not at all: a reading by a door
("floor at the laundry door 5.2"), a room's dry standard said with its role word ("office std
10"), two linings in one clause ("GIB 9 and particleboard 11"), a heading whose aside tells of
another day ("30 November (after the plumber came on 28 November):"), and what is no reading: a
bound to reach ("confirm framing below 15% MC") and the air's humidity spelled out."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text

pytestmark = pytest.mark.unit

_JOB = "Laundry hose burst on 19/03/2026; laundry, hallway and bedroom 2 wet. Attended 20/03/2026.\n"


def _values(text: str) -> dict[float, tuple[str, date | None, bool]]:
    return {r.value: (r.location, r.taken_on, r.is_reference) for r in analyze_text(text).moisture_readings}


@pytest.mark.parametrize(
    "line",
    [
        "Hallway floor at the laundry door 5.2, hallway wall 31",
        "hallway skirting inside the door 5.2; hallway wall 31",
        "Hallway floor by the back door: 5.2, hallway wall 31",
    ],
)
def test_a_decimal_after_a_door_is_a_reading_by_it(line: str) -> None:
    values = _values(f"{_JOB}Meter readings (WME):\n{line}\n")
    assert values[5.2][0] == "Hallway"
    assert values[31.0][0] == "Hallway"


def test_a_whole_number_after_a_door_still_names_the_door() -> None:
    values = _values(f"{_JOB}Meter readings (WME):\nHallway floor at door 2 31, hallway wall 22\n")
    assert 2.0 not in values


@pytest.mark.parametrize(
    "line",
    [
        "hallway wall by the door 22, hallway vinyl at the back door 9, laundry wall 31",
        "hallway vinyl near the side door 9; hallway wall 22; laundry wall 31",
        "hallway vinyl under a window 9, hallway wall 22, laundry wall 31",
    ],
)
def test_a_whole_number_after_a_door_named_with_its_article_is_a_reading(line: str) -> None:
    # (a door the writer names with "the" is one door, not one of a numbered set)
    values = _values(f"{_JOB}Checked with the Protimeter pins (WME): {line}.\n")
    assert values[9.0][0] == "Hallway"
    assert {22.0, 31.0} <= set(values)


@pytest.mark.parametrize(
    "line",
    [
        "Day 3: hallway wall 14, lounge standard 10.",
        "Day 3: hallway wall 14, lounge std 10.",
        "Day 3: hallway wall 14, lounge dry std 10.",
    ],
)
def test_a_room_with_its_standard_word_before_the_value_is_a_dry_standard(line: str) -> None:
    values = _values(f"{_JOB}Meter: Protimeter (WME).\n{line}\n")
    assert values[10.0][0] == "Lounge" and values[10.0][2]
    assert not values[14.0][2]


@pytest.mark.parametrize(
    "line",
    [
        "The dry standard was the lounge: GIB 9 and particleboard 11.",
        "Dry standard in the lounge: blockwork 9 and slab 3.",
    ],
)
def test_two_linings_in_one_clause_are_two_readings(line: str) -> None:
    values = _values(f"{_JOB}Meter: Tramex (%).\n{line}\n")
    assert values[9.0][0] == "Lounge" and values[9.0][2]
    assert len(values) == 2


def test_bedrooms_numbered_in_a_pair_are_no_readings() -> None:
    assert _values(f"{_JOB}Bedrooms 2 and 3 were checked with the meter.\n") == {}


@pytest.mark.parametrize(
    "heading",
    [
        "23 March (after the plumber replaced the trap on 21 March):",
        "23/03 (plumber was here 21/03):",
        "Mon 23/03 - second visit (seal fixed 21/03):",
    ],
)
def test_a_heading_is_dated_by_its_own_first_day_not_its_aside(heading: str) -> None:
    text = (
        f"{_JOB}\nReadings (pins in WME)\n20 March:\n- Laundry skirting: 38 WME\n"
        f"{heading}\n- Laundry skirting: 24 WME\n"
    )
    values = _values(text)
    assert values[38.0][1] == date(2026, 3, 20)
    assert values[24.0][1] == date(2026, 3, 23)


@pytest.mark.parametrize(
    "line",
    [
        "5. Confirm framing below 15% MC before closing the wall.",
        "Keep the slab under 4% before the vinyl goes down.",
    ],
)
def test_a_bound_to_reach_is_no_reading(line: str) -> None:
    values = _values(f"{_JOB}Laundry skirting read 28% MC.\nRecommendations\n{line}\n")
    assert 28.0 in values
    assert 15.0 not in values and 4.0 not in values


def test_dried_to_below_is_still_the_value_given() -> None:
    values = _values(f"{_JOB}The laundry skirting had dried to below 16% MC by the last visit.\n")
    assert 16.0 in values


@pytest.mark.parametrize(
    "line",
    [
        "Relative humidity in bedroom 2 was 64% on the 20th (air, for information).",
        "Humidity in the hallway 58% at the last check.",
    ],
)
def test_the_air_humidity_spelled_out_is_no_material_reading(line: str) -> None:
    values = _values(f"{_JOB}Meter readings (WME):\n- Bedroom 2 skirting: 27 WME\n{line}\n")
    assert 27.0 in values
    assert 64.0 not in values and 58.0 not in values


@pytest.mark.parametrize(
    "line",
    [
        "- Remove hallway carpet and underlay 6 m2; wall linings 100%.",
        "- Replace laundry plasterboard and skirting 100% (both walls).",
    ],
)
def test_a_whole_share_in_a_scope_line_is_no_reading(line: str) -> None:
    values = _values(f"{_JOB}Laundry skirting read 28%.\nScope\n{line}\n")
    assert 28.0 in values and 100.0 not in values


def test_a_meter_read_at_the_top_of_its_scale_is_still_a_reading() -> None:
    values = _values(f"{_JOB}The laundry wall read 100% on the meter.\n")
    assert 100.0 in values
