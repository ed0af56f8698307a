"""A sentence that says the order of the values and lists the places ("Same order every time:
laundry wall, hall skirting, vanity kick.") gives the places of the dated rows of values after it."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text

_POST = (
    "Forum post - washer hose let go, 12 Gum St, Ballarat VIC. Found Sunday 8/11/2026.\n"
    "\n"
    "The restorer reads one meter on the plasterboard setting. Same order every time: laundry wall,"
    " hallway wall, bathroom wall.\n"
    "Sun 8/11: 41, 33, 25\n"
    "Tue 10/11: 28, 21, 16\n"
)


def test_rows_by_day_take_the_places_a_sentence_listed_in_order() -> None:
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_POST).moisture_readings}
    assert (41.0, "Laundry", date(2026, 11, 8)) in found
    assert (33.0, "Hallway", date(2026, 11, 8)) in found
    assert (25.0, "Bathroom", date(2026, 11, 8)) in found
    assert (16.0, "Bathroom", date(2026, 11, 10)) in found


def test_a_sentence_listing_places_without_saying_an_order_is_no_legend() -> None:
    text = _POST.replace("Same order every time:", "He checked the")
    found = {(r.value, r.location) for r in analyze_text(text).moisture_readings}
    assert (25.0, "Bathroom") not in found


_TWO_ROOMS = (
    "Forum post - burst line behind the sink, 4 Elm Rd, Hamilton. Found Monday 9/11/2026.\n"
    "\n"
    "Water across the kitchen floor and into the laundry; the laundry wall wicked.\n"
    "The tech reads the drywall setting. Same order every time: tap wall, fridge side wall,"
    " laundry wall, underlay by the tap.\n"
    "Mon 9/11: 44, 37, 28, 25\n"
    "Wed 11/11: 30, 24, 19, 18\n"
)


def test_a_legend_item_tied_to_no_room_is_not_read_into_a_guessed_one() -> None:
    readings = analyze_text(_TWO_ROOMS).moisture_readings
    found = {(r.value, r.location, r.taken_on) for r in readings}
    # the fridge stands in the kitchen; the laundry wall names its room
    assert (37.0, "Kitchen", date(2026, 11, 9)) in found
    assert (19.0, "Laundry", date(2026, 11, 11)) in found
    # "tap wall" and "underlay by the tap" name no room: no room is made up for their values
    assert not {r.value for r in readings} & {44.0, 25.0, 30.0, 18.0}


_EMAIL = (
    "From: a homeowner\n"
    "Subject: laundry leak - readings\n"
    "\n"
    "The washer hose split on Monday 2/3/2026 and the laundry floor and the hallway got wet.\n"
    "He reads the same three spots each time, in this order: behind the washer (plasterboard), the"
    " laundry floor at the tub (he pins the particleboard), the hallway wall by the door."
    " The meter reads WME.\n"
    " Monday 2nd:  31, 28, 24\n"
    " Wednesday 4th:  22, (skipped the floor that day), hallway 18\n"
)


def test_a_list_after_in_this_order_places_the_values_by_fixture_side_or_room() -> None:
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_EMAIL).moisture_readings}
    assert {
        (31.0, "Laundry", date(2026, 3, 2)),
        (28.0, "Laundry", date(2026, 3, 2)),
        (24.0, "Hallway", date(2026, 3, 2)),
        (22.0, "Laundry", date(2026, 3, 4)),
        (18.0, "Hallway", date(2026, 3, 4)),
    } <= found
    # (the bracket is the floor's slot that day: no value for it)
    assert len({item for item in found if item[2] == date(2026, 3, 4)}) == 2


def test_steps_told_in_an_order_are_no_legend_of_places() -> None:
    from chalicelib.analysis.offline.reading_order_legend import order_legend

    assert order_legend("He did it in this order: called the owner, waited an hour, then left.") is None
    assert order_legend("In this order: behind the washer, the tub end, the hallway wall.") is not None


def test_a_visits_values_may_name_a_point_or_remark_on_one_not_read() -> None:
    from chalicelib.analysis.offline.reading_skipped_values import skipped_values

    assert skipped_values("Sunday: 30, 26, (not done), lounge 11") == (
        "Sunday",
        [(30.0, None), (26.0, None), (None, None), (11.0, None)],
    )
    assert skipped_values("Sunday: 30, 26, 11") is None  # (a plain line is the main reader's)


_WITH_STANDARD = (
    "From: a homeowner\n"
    "\n"
    "The dishwasher hose let go on Monday 2/3/2026; the kitchen floor got wet. The lounge is fine.\n"
    "He reads the same spots in the same order: by the dishwasher, middle of the kitchen, and then the"
    " lounge last as his comparison:\n"
    " Monday 2nd:  31, 24, 10\n"
    " Wednesday 4th:  20, 16, lounge 10\n"
)


def test_the_item_a_legend_calls_the_comparison_is_the_dry_standard() -> None:
    found = {
        (r.value, r.location, r.taken_on, r.is_reference)
        for r in analyze_text(_WITH_STANDARD).moisture_readings
    }
    assert {
        (31.0, "Kitchen", date(2026, 3, 2), False),
        (10.0, "Lounge", date(2026, 3, 2), True),
        (20.0, "Kitchen", date(2026, 3, 4), False),
        (10.0, "Lounge", date(2026, 3, 4), True),
    } <= found


_IN_THE_ORDER = (
    "Hi team,\n"
    "\n"
    "The dishwasher hose let go on Tuesday 6/10/2026; the kitchen and the family room floor got wet.\n"
    "The drying tech's numbers, in the order kitchen wall, family room wall, family room"
    " skirting (the skirting in %MC, the walls on the drywall scale):\n"
    "Tue 6/10: 44, 31, 26\n"
    "Thu 8/10: 25, 18, 17\n"
)


def test_a_list_straight_after_in_the_order_places_the_values() -> None:
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_IN_THE_ORDER).moisture_readings}
    assert {
        (44.0, "Kitchen", date(2026, 10, 6)),
        (31.0, "Family room", date(2026, 10, 6)),
        (26.0, "Family room", date(2026, 10, 6)),
        (17.0, "Family room", date(2026, 10, 8)),
    } <= found


def test_in_order_to_says_no_order() -> None:
    from chalicelib.analysis.offline.reading_order_legend import order_legend

    # ("in order to" opens no list of places, so the sentence is no legend without a colon's list)
    assert order_legend("Fans went in order to dry the kitchen wall, the hall wall and the robe.") is None
    assert order_legend(
        "His figures, in the order laundry wall, hall wall, robe floor (the floor one in %MC, the rest %):"
    ) == ["laundry wall", "hall wall", "robe floor (the floor one in %MC, the rest %)"]


_LIST_BELOW = (
    "From: a tenant\n"
    "Subject: kitchen leak - what the restorer read\n"
    "\n"
    "The fridge water line split on Monday 2/3/2026; the kitchen floor and the hallway carpet got wet."
    " My bedroom stayed dry.\n"
    "\n"
    "He read the same spots in the same order each visit, so I copied them down:\n"
    "kitchen wall behind the fridge, hallway floor (where the carpet was rolled back), skirting at my"
    ' bedroom door, and the study wall (his "dry one", to compare).\n'
    "\n"
    "Monday 2nd: 39, 27, 15, 10\n"
    "Thursday 5th: 18, 16, 13, 10\n"
)


def test_a_list_on_the_line_under_the_sentence_that_says_the_order() -> None:
    readings = analyze_text(_LIST_BELOW).moisture_readings
    found = {(r.value, r.location, r.taken_on, r.is_reference) for r in readings}
    assert (39.0, "Kitchen", date(2026, 3, 2), False) in found
    assert (16.0, "Hallway", date(2026, 3, 5), False) in found
    assert (10.0, "Study", date(2026, 3, 5), True) in found
    # ("skirting at my bedroom door": the door only marks the spot; the bedroom, dry, is not its room)
    assert not any(r.location.lower().startswith("bedroom") for r in readings)


def test_a_list_under_a_line_that_says_no_order_is_no_legend() -> None:
    text = _LIST_BELOW.replace("in the same order each visit, so I copied them down:", "around the place:")
    found = {(r.value, r.location) for r in analyze_text(text).moisture_readings}
    assert (39.0, "Kitchen") not in found


# --- a spot that names no room: its fitting's room, else the room of the spot before it ----------

_WALK = (
    "Email - kitchen tap leak, 8 Rata Rd, Whangarei. Found Tuesday 10/11/2026.\n"
    "\n"
    "Water went across the kitchen and under the wall into the rumpus room.\n"
    "He reads the same spots in this order: under-sink cabinet base, middle of the kitchen, bench"
    " end, the rumpus wall, edge of the carpet by the slider, and the study last for comparison:\n"
    "Tue 10/11: 40, 35, 30, 28, 22, 11\n"
    "Thu 12/11: 25, 21, 18, 17, 15, 11\n"
)


def test_a_legend_spot_naming_no_room_is_in_the_room_of_its_fitting_or_of_the_spot_before() -> None:
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_WALK).moisture_readings}
    # the sink stands in the one affected room that has sinks
    assert (40.0, "Kitchen", date(2026, 11, 10)) in found
    # "bench end" after the middle of the kitchen; the carpet edge after the rumpus wall
    assert (30.0, "Kitchen", date(2026, 11, 10)) in found
    assert (22.0, "Rumpus room", date(2026, 11, 10)) in found
    assert (15.0, "Rumpus room", date(2026, 11, 12)) in found


def test_a_sink_in_a_job_with_two_rooms_that_have_sinks_places_no_spot() -> None:
    # kitchen and laundry both affected: "under-sink cabinet base" is in neither for certain, and
    # a spot naming no room after it is not carried into a guessed room either
    text = _WALK.replace("rumpus room", "laundry").replace("the rumpus wall", "the laundry wall")
    text = text.replace("under-sink cabinet base, middle of the kitchen", "under-sink cabinet base, sink end")
    readings = analyze_text(text).moisture_readings
    values = {(r.value, r.taken_on) for r in readings}
    assert (40.0, date(2026, 11, 10)) not in values
    assert (35.0, date(2026, 11, 10)) not in values
    assert (28.0, "Laundry", date(2026, 11, 10)) in {(r.value, r.location, r.taken_on) for r in readings}
