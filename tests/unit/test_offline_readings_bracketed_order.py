"""A sentence that says the order and lists the places in a bracket closing it ("copied in the same
order he reads them (laundry wall, hall skirting, and the study wall as his dry one):") gives the
places of the visits' lines of values after it, including a visit that left the dry standard out
and one that names its last value's place ("..., and study 12")."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_order_legend import order_legend

_NEIGHBOUR = (
    "From: a tenant\n"
    "Subject: laundry flood - readings\n"
    "\n"
    "The washing machine hose burst on Monday 3/8/2026. The laundry and the hallway got wet; the"
    " study is fine.\n"
    "He gives me a note after each visit and I typed his numbers in the same order he lists them"
    " (laundry wall, laundry floor, hallway skirting, and the study wall which he uses to compare):\n"
    "Mon 3/8: 40, 33, 27, and study 12\n"
    "Wed 5/8: 25, 21, 19 (no study reading that day)\n"
    "Fri 7/8: 15, 14, 13, study 12\n"
)


def test_a_bracketed_list_after_the_same_order_places_each_visits_values() -> None:
    # Given a list of places in a bracket closing the sentence that says the order
    # When the visits' lines of values are read
    found = {
        (r.value, r.location, r.taken_on, r.is_reference) for r in analyze_text(_NEIGHBOUR).moisture_readings
    }
    # Then each value is the reading of the place at its position, the study its dry standard
    assert {
        (40.0, "Laundry", date(2026, 8, 3), False),
        (33.0, "Laundry", date(2026, 8, 3), False),
        (27.0, "Hallway", date(2026, 8, 3), False),
        (12.0, "Study", date(2026, 8, 3), True),
        (25.0, "Laundry", date(2026, 8, 5), False),
        (19.0, "Hallway", date(2026, 8, 5), False),
        (15.0, "Laundry", date(2026, 8, 7), False),
        (13.0, "Hallway", date(2026, 8, 7), False),
        (12.0, "Study", date(2026, 8, 7), True),
    } <= found
    # And the visit that left the study out reads no dry standard that day
    assert not [item for item in found if item[2] == date(2026, 8, 5) and item[3]]


_US_SHEET = (
    "Homeowner note - upstairs bathroom supply line, Columbus OH. Found Tuesday 11/3/2026.\n"
    "\n"
    "The bathroom and the hallway got wet. His sheet always goes in this order (bathroom wall,"
    " bathroom vanity kick, hallway baseboard):\n"
    "Tue 11/3: 30, 24, 20\n"
    "Thu 11/5: 18, 16, 14\n"
)


def test_a_bracketed_list_after_this_order_places_values_in_another_wording() -> None:
    # Given "in this order (A, B, C):" in an American note with month-first dates
    # When its visits are read
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_US_SHEET).moisture_readings}
    # Then the values take the bracket's places in order
    assert {
        (30.0, "Upstairs bathroom", date(2026, 11, 3)),
        (20.0, "Hallway", date(2026, 11, 3)),
        (16.0, "Upstairs bathroom", date(2026, 11, 5)),
        (14.0, "Hallway", date(2026, 11, 5)),
    } <= found


def test_a_bracket_of_anything_but_places_is_no_legend() -> None:
    # Given brackets after "same order" that hold steps, or a remark with no list, not places
    steps = "He did the rooms in the same order as before (an hour each, a break, then the garage):"
    remark = "The numbers are in the same order as last time (see his sheet):"
    # When they are read as legends
    # Then neither is one
    assert order_legend(steps) is None
    assert order_legend(remark) is None
    # And a bracket of places that the sentence does not close is no legend either
    assert order_legend("Same order (laundry wall, hall wall, study wall) as he read them last week.") is None
