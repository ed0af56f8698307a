"""Where a reading was taken when the place is a space the vocabulary does not know: a list item led
by a space the notes sized earlier ("- Female amenities: blockwork 820"), a table whose rows lead
with their places ("| A4 | Paint desk drywall at 2 in. |"), a room named only as the end or side of
the place ("Rear bays, kitchen end"), and numbered spaces that are no readings ("aisle 7")."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text

pytestmark = pytest.mark.unit


def _places(text: str) -> dict[float, str]:
    return {r.value: r.location for r in analyze_text(text).moisture_readings}


def test_list_items_led_by_spaces_sized_earlier_are_those_spaces() -> None:
    text = (
        "Storm water entered the pavilion on 03/02/2026. Inspected 04/02/2026.\n"
        "- Scorers box 4.0 x 3.0 m: whole floor wet (12 m2).\n"
        "- Home dugout 8.0 x 6.0 m: whole floor wet (48 m2).\n"
        "- Away dugout 8.0 x 6.0 m: whole floor wet (48 m2).\n"
        "\n"
        "Readings (Protimeter, search mode, relative):\n"
        "- Home dugout: blockwork at 300 mm 720; floor tile 610\n"
        "- Away dugout: blockwork at 300 mm 655; floor 540\n"
        "- Scorers box - blockwork 480\n"
    )
    places = _places(text)
    assert places[720.0] == places[610.0] == "Home dugout"
    assert places[655.0] == places[540.0] == "Away dugout"
    assert places[480.0] == "Scorers box"


def test_a_lead_that_is_only_part_of_a_sized_name_is_not_that_space() -> None:
    text = (
        "Storm water entered the pavilion on 03/02/2026. Inspected 04/02/2026.\n"
        "- Home dugout 8.0 x 6.0 m: whole floor wet (48 m2).\n"
        "- Away dugout 8.0 x 6.0 m: whole floor wet (48 m2).\n"
        "\n"
        "Readings (Protimeter, search mode, relative):\n"
        "- Dugout: blockwork 720\n"
    )
    assert _places(text).get(720.0) not in ("Home dugout", "Away dugout")


def test_a_table_whose_rows_lead_with_places_gives_each_row_its_own() -> None:
    text = (
        "Sprinkler head struck in the store on 09/03/2026; aisle 4 and the key cutting counter wet.\n"
        "| Pt | Location | 9 Mar | 10 Mar |\n"
        "|---|---|---|---|\n"
        "| P1 | Aisle 4 concrete at the head | 5.1 | 4.0 |\n"
        "| P2 | Key counter drywall at 4 in. | 42 | 27 |\n"
    )
    places = _places(text)
    assert places[5.1] == "Aisle 4"
    assert places[42.0] == places[27.0] == "Key counter"


def test_a_table_of_rows_naming_no_place_keeps_the_job_room() -> None:
    text = (
        "Kitchen dishwasher leak on 09/03/2026, kitchen only.\n"
        "| Pt | Location | 9 Mar | 10 Mar |\n"
        "|---|---|---|---|\n"
        "| 1 | Toe kick particleboard | 33 | 21 |\n"
    )
    assert _places(text)[33.0] == "Kitchen"


@pytest.mark.parametrize(
    "line",
    [
        "Water ran down aisle 7 from the struck head and pooled at the end cap.",
        "Staff mopped aisles 3 and 9 before we arrived.",
    ],
)
def test_a_numbered_aisle_is_no_reading(line: str) -> None:
    text = (
        "Sprinkler strike in the hardware store on 09/03/2026, sales floor wet.\n"
        f"Meter: Tramex (REL).\n{line}\n"
    )
    assert all(r.value not in (3.0, 7.0, 9.0) for r in analyze_text(text).moisture_readings)


@pytest.mark.parametrize(
    ("row", "place"),
    [
        ("| J5 | Front bays, laundry end | Joist | 17 |", "Front bays"),
        ("| J6 | Rear bays, bathroom side | Joist | 18 |", "Rear bays"),
    ],
)
def test_a_room_named_as_the_end_or_side_of_a_place_is_no_reading_of_that_room(row: str, place: str) -> None:
    text = (
        "Crawlspace under the house wet from a condensate line, found 09/03/2026.\n"
        "Laundry and bathroom above checked: dry, not affected.\n"
        "| Pt | Location | Material | 09/03 |\n"
        "|---|---|---|---|\n"
        "| J1 | Under the air handler | Joist | 29 |\n"
        f"{row}\n"
    )
    readings = [r for r in analyze_text(text).moisture_readings if r.value in (17.0, 18.0)]
    assert readings
    assert all(r.location == place and not r.is_reference for r in readings)


def test_a_room_whose_end_is_named_with_no_place_before_it_keeps_its_reading() -> None:
    text = (
        "Crawl space pipe leak found 24/11/2026, joists wet under the kitchen; lounge unaffected.\n"
        "Tue 24/11 - joist by the leak 27%, dry joist at the lounge end 12% (dry standard).\n"
    )
    readings = {r.value: r for r in analyze_text(text).moisture_readings}
    assert readings[12.0].is_reference
