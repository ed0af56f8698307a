"""A sentence that lists the places "in the order he read them (...)", in a bracket that closes it,
gives the places of the visits' lines of values after it, even when the same line gave the dry
standards' readings before the list ("(14 for the spare room wall) ... in the order she read them
(...):")."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_order_legend import order_legend

_TENANT = (
    "Hi Priya,\n"
    "The dishwasher hose let go on Sunday 8/3/2026 and the kitchen and the dining room got wet.\n"
    "The drying lady read the spare room wall as her dry one (14 for the spare room wall). Her"
    " numbers for the wet spots, in the order she read them each visit (kitchen wall by the"
    " dishwasher, kitchen plinth, dining room wall):\n"
    "- Monday 9th: 44, 36 and 30\n"
    "- Thursday 12th: 27, 22 and 18\n"
)

_BROTHER = (
    "Notes on the bathroom leak at Mum's, Geelong. Leak found 2 June 2025.\n"
    "Bathroom and hallway wet. He wrote his numbers in the order he took them (bathroom wall, bathroom"
    " vanity kick, hallway skirting):\n"
    "3 June: 52, 41, 33\n"
    "6 June: 30, 24, 19\n"
)


def test_values_in_the_order_she_read_them_are_the_bracketed_places() -> None:
    # Given the dry standard's reading, then a bracketed list on the same line "in the order she read them"
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_TENANT).moisture_readings}
    # Then each visit's values are the listed places', on the visit's day
    assert {
        (44.0, "Kitchen", date(2026, 3, 9)),
        (36.0, "Kitchen", date(2026, 3, 9)),
        (30.0, "Dining room", date(2026, 3, 9)),
        (27.0, "Kitchen", date(2026, 3, 12)),
        (18.0, "Dining room", date(2026, 3, 12)),
    } <= found


def test_in_the_order_he_took_them_in_another_locale() -> None:
    # Given the list in a bracket after "in the order he took them", visits dated day first
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_BROTHER).moisture_readings}
    # Then the values are the places' by position
    assert {
        (52.0, "Bathroom", date(2025, 6, 3)),
        (33.0, "Hallway", date(2025, 6, 3)),
        (24.0, "Bathroom", date(2025, 6, 6)),
        (19.0, "Hallway", date(2025, 6, 6)),
    } <= found


def test_a_bracket_of_no_places_or_not_closing_the_line_is_no_legend() -> None:
    # Given a bracket after "in the order" that lists no places, or a bracket that does not close the line
    # Then no legend is read from it
    assert order_legend("The trades came in the order they were booked (Monday, Tuesday, Friday):") is None
    bracket_mid_line = "He read them in the order (bathroom wall, vanity kick, hallway skirting) then left."
    assert order_legend(bracket_mid_line) is None
