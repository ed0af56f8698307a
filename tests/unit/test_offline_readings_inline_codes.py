"""A point's code written after its room in a line of readings ("laundry L1 (behind tub) 36") names
the point for a later visit that gives it again by its code after the day ("Fri 06/03 - L1 22")."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_inline_codes import inline_point_code
from chalicelib.analysis.offline.reading_point_rereads import point_rereads

pytestmark = pytest.mark.unit


def test_the_code_before_a_bracket_or_at_the_end_names_the_point() -> None:
    assert inline_point_code("Wed 04/03 - laundry L1 (behind tub)") == "L1"
    assert inline_point_code("L2") == "L2"
    # (a meter's model is no point, nor a place with no code)
    assert inline_point_code("Tramex ME5 scale") is None
    assert inline_point_code("laundry wall (behind tub)") is None


def test_a_days_dash_before_the_codes_is_no_trailing_note() -> None:
    known = frozenset({"L1", "L2", "H1"})
    assert point_rereads("Fri 06/03 - L1 22, L2 19; H1 15.", known) == [
        ("L1", 22.0, None),
        ("L2", 19.0, None),
        ("H1", 15.0, None),
    ]


def test_a_later_visit_reads_the_points_by_their_codes() -> None:
    text = """Laundry flood, 7 Rose St, Whyalla SA 5600
Attended: Wed 04/03/2026
Washing machine hose split; laundry and hall wet. Category 1.
Readings (Tramex, drywall scale %):
Wed 04/03 - laundry L1 (behind tub) 36, L2 (door side) 31. Hall H1 (skirting) 28.
Fri 06/03 - L1 22, L2 19; H1 15.
"""
    later = {
        (r.value, r.location)
        for r in analyze_text(text).moisture_readings
        if r.taken_on and r.taken_on.day == 6
    }
    assert later == {(22.0, "Laundry"), (19.0, "Laundry"), (15.0, "Hall")}


def test_a_room_in_brackets_after_a_code_is_the_points_spot() -> None:
    from chalicelib.analysis.offline.reading_inline_codes import bracketed_spot

    assert bracketed_spot("K4 (pantry)")
    assert not bracketed_spot("K4 (sink wall)")
    text = """Parish centre fire, 2 Main Rd, Port Pirie SA 5540
Attended: Tue 10/11/2026
Sprinkler water through the kitchen. Category 1.
Readings (Tramex, drywall scale %):
Tue 10/11 - kitchen K1 (sink wall) 38, K2 (laundry) 33.
"""
    places = {r.value: r.location for r in analyze_text(text).moisture_readings}
    assert places == {38.0: "Kitchen", 33.0: "Kitchen"}


def test_a_code_in_brackets_after_the_place_names_the_point() -> None:
    assert inline_point_code("laundry wall by the tub (L1)") == "L1"
    assert inline_point_code("hall skirting at the door (H2):") == "H2"
    # the near miss: a bracket of words, or a code with more words after it, names no point
    assert inline_point_code("laundry wall (by the tub)") is None
    assert inline_point_code("laundry wall (L1) behind the tub") is None


@pytest.mark.parametrize(
    ("first", "later"),
    [
        (
            "Wed 04/03: laundry wall by the tub (L1) 36%, hall skirting at door (H1) 28%.",
            "Fri 06/03: L1 22, H1 15.",
        ),
        (
            "04/03 - laundry wall by the tub (L1): 36%; hall skirting at door (H1): 28%",
            "06/03 - L1 22; H1 15",
        ),
    ],
)
def test_points_coded_in_brackets_are_read_again_by_their_codes(first: str, later: str) -> None:
    text = (
        "Laundry flood, 7 Rose St, Whyalla SA 5600\nAttended: Wed 04/03/2026\n"
        "Washing machine hose split; laundry and hall wet. Category 1.\n"
        f"Readings (Tramex, drywall scale %):\n{first}\n{later}\n"
    )
    found = {(r.value, r.location) for r in analyze_text(text).moisture_readings}
    assert {(36.0, "Laundry"), (28.0, "Hall"), (22.0, "Laundry"), (15.0, "Hall")} <= found


def test_a_spaces_own_number_is_no_reading() -> None:
    text = (
        "Depot fire, hose water, 2 Kent Rd, Mascot NSW 2020. Attended 04/03/2026.\n"
        "Workshop wet: bay 3 and bay 4.\nMeter: Tramex ME5 (%).\n"
        "04/03: workshop partition plasterboard at bay 3 41%, dry std office wall 10%.\n"
    )
    values = sorted(r.value for r in analyze_text(text).moisture_readings)
    assert 3.0 not in values
    assert 41.0 in values
