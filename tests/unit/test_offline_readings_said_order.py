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
