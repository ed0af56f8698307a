"""A later visit told by its day and the values alone, in the order of the list before it
("June 8: 22%, 38, 70, 30"; "Wednesday (yesterday): 17, 14, 12"): each value is the place of the
item it stands in for, on that visit's day; a weekday is placed from the job's own dates."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_days import is_weekday, lone_weekday
from chalicelib.analysis.offline.reading_order_legend import order_legend
from chalicelib.analysis.offline.reading_positional import visit_values

_EMAIL = """Subject: Claim 55-1902 - bath overflow
We're at 12 Larch Court, Raleigh, NC 27603.
The tub overflowed upstairs on Friday July 10, 2026 and came through the den ceiling.
What got wet: the upstairs bathroom floor and the den ceiling below it.
The tech's numbers:
July 11: bathroom subfloor 31%, den ceiling 74, den wall 40.
July 13: 20%, 41, 22.
July 15: 13%, 18, 12 - and the fans went home that afternoon.
"""


def test_a_visit_of_values_alone_reads_the_list_before_it_again_in_order() -> None:
    found = [(r.value, r.location, r.taken_on) for r in analyze_text(_EMAIL).moisture_readings]
    assert (20.0, "Upstairs bathroom", date(2026, 7, 13)) in found or (
        20.0,
        "Bathroom",
        date(2026, 7, 13),
    ) in found
    assert any(
        value == 41.0 and place.startswith("Den") and day == date(2026, 7, 13) for value, place, day in found
    )
    assert any(
        value == 12.0 and place.startswith("Den") and day == date(2026, 7, 15) for value, place, day in found
    )


def test_values_alone_by_comma_with_a_note_after_them() -> None:
    def values(text: str) -> tuple[str, list[float]] | None:
        found = visit_values(text)
        return None if found is None else (found[0], [value for value, _ in found[1]])

    assert values("July 13: 20%, 41 and 22.") == ("July 13", [20.0, 41.0, 22.0])
    assert values("Tue (today): 18, 15, 12. He said the hall is done.") == (
        "Tue (today)",
        [18.0, 15.0, 12.0],
    )
    assert values("July 15: 13%, 18, 12 - fans out") == ("July 15", [13.0, 18.0, 12.0])
    assert values("21/10 - 230, 310, 190, 19") == ("21/10", [230.0, 310.0, 190.0, 19.0])
    assert values("08-17: 24; 300; 20") == ("08-17", [24.0, 300.0, 20.0])
    # a sentence with numbers after the values is no visit of values alone
    assert values("July 15: 13, 18, 12. Two fans left on the 16th.") is None
    assert values("Sizes: 12 x 10, 14, 16") is None


def test_a_value_keeps_the_scale_written_with_it() -> None:
    assert visit_values("Day 3: 18 WME, 240, 16") == ("Day 3", [(18.0, "WME"), (240.0, None), (16.0, None)])


def test_a_lone_weekday_is_the_first_of_its_name_from_the_days_before() -> None:
    monday = date(2026, 3, 16)
    assert lone_weekday("Wednesday (yesterday)", monday) == date(2026, 3, 18)
    assert lone_weekday("Monday", monday) == monday
    assert lone_weekday("Sunday", monday) == date(2026, 3, 22)
    assert lone_weekday("Wednesday 18 March", monday) is None
    assert is_weekday("Tue") and not is_weekday("Bedroom 2")


_LEGEND_EMAIL = """Subject: Claim 88-4410 - dishwasher leak
The dishwasher hose let go on Monday 12 October 2026 and soaked the kitchen floor and the hall carpet.
Readings, same order each visit - kitchen drywall by sink, kitchen subfloor, hall baseboard, hall subfloor:
Oct 13: 36, 27, 21, 24
Oct 15: 18, 15, 13, 14
"""


def test_a_legend_of_places_gives_the_order_of_the_values_after_it() -> None:
    found = [(r.value, r.location, r.taken_on) for r in analyze_text(_LEGEND_EMAIL).moisture_readings]
    assert (36.0, "Kitchen", date(2026, 10, 13)) in found
    assert any(value == 21.0 and place.lower().startswith("hall") for value, place, _ in found)
    assert (15.0, "Kitchen", date(2026, 10, 15)) in found
    assert len(found) == 8


def test_only_a_list_of_places_is_an_order_legend() -> None:
    assert order_legend("Readings, same order - laundry wall, laundry subfloor, hall baseboard:") == [
        "laundry wall",
        "laundry subfloor",
        "hall baseboard",
    ]
    assert order_legend("Equipment on site - 3 fans, 1 dehumidifier, 2 scrubbers:") is None
    assert order_legend("What got wet: the laundry wall, the subfloor, the hall baseboard.") is None


_STORY = """Job story - hot water unit burst, 8 Mallee Court, Whyalla SA 5600
On Friday 6 March 2026 the hot water unit burst; the lounge, the study and the laundry took water.
After the carpet came up the bottom plates read 27 in the lounge, 24 in the study and 30 in the laundry,
and the slab read 5.6% in the lounge and 5.2% in the study.
Monday 9 March: plates 18, 16 and 21; slab 4.1% and 3.8%.
"""


def test_values_told_again_in_the_order_of_an_earlier_sentence_take_its_places() -> None:
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_STORY).moisture_readings}
    monday = date(2026, 3, 9)
    assert (18.0, "Lounge", monday) in found
    assert (16.0, "Study", monday) in found
    assert (21.0, "Laundry", monday) in found
    assert (4.1, "Lounge", monday) in found
    assert (3.8, "Study", monday) in found


_WEEKDAY_LINES = """From: Dana Whitlock
Subject: Claim HX-20931 - fridge line leak
The ice maker line cracked and I found the puddle on Sunday evening (3/15/2026).
The restorer came Monday morning (3/16) and read the drywall and baseboard behind the fridge.
Monday: drywall behind the fridge 30%, baseboard behind the fridge 25%.
Tuesday: drywall behind the fridge 22%, baseboard behind the fridge 18%.
Friday - drywall behind the fridge 13%, baseboard behind the fridge 12%.
"""


def test_a_line_led_by_its_weekday_is_dated_from_the_visit_and_the_lines_before() -> None:
    found = {(r.value, r.taken_on) for r in analyze_text(_WEEKDAY_LINES).moisture_readings}
    assert (30.0, date(2026, 3, 16)) in found
    assert (18.0, date(2026, 3, 17)) in found
    assert (12.0, date(2026, 3, 20)) in found


_SAME_ORDER_LOG = """Attended 2026-09-14. Dishwasher line let go into the kitchen and the pantry.
kitchen 12x10 - vinyl wet, drywall wicking on the sink wall.
pantry - shelving base and drywall wet low.
dining - floor dry, not affected -> dry std here

readings (protimeter, dw % / wood %MC)
 2026-09-14
  kitchen dw sink wall .......... 34
  kitchen toe kick .............. 26 MC
  pantry dw ..................... 29
  STD dining dw 8 / dining base 10 MC
 2026-09-16
  21 / 17 MC / 16   (same order)
"""


def test_a_bare_visit_line_in_the_same_order_reads_the_wet_points_of_the_day_before() -> None:
    # Given values alone under the next day's heading, "(same order)" after them
    found = [
        (r.value, r.location, r.taken_on, r.is_reference)
        for r in analyze_text(_SAME_ORDER_LOG).moisture_readings
    ]
    # Then each is its wet point's reading on that day; the dry standards, read once, take none
    assert (21.0, "Kitchen", date(2026, 9, 16), False) in found
    assert (17.0, "Kitchen", date(2026, 9, 16), False) in found
    assert (16.0, "Pantry", date(2026, 9, 16), False) in found


def test_bare_values_without_a_word_of_order_are_no_visit() -> None:
    assert visit_values("21 / 17 / 16") is None
    assert visit_values("21 / 17 MC / 16 (same order)") == ("", [(21.0, None), (17.0, None), (16.0, None)])


def test_a_visit_of_values_with_a_long_remark_after_them() -> None:
    # the values, then a whole sentence of what the tech said: still the visit's values alone
    found = visit_values(
        "Tuesday the 9th: 16, 13, 15, 12. He told us that was dry and packed the fans into the van at noon."
    )
    assert found is not None
    assert [value for value, _ in found[1]] == [16.0, 13.0, 15.0, 12.0]
    assert visit_values("Tuesday the 9th: 16, 13 and the plumber came back at 3 to look") is None


def test_a_visit_led_by_any_form_of_day_with_a_dash_and_a_remark_holding_numbers() -> None:
    # Given a visit's values by " / ", led by a day written with the month's name, by day-month,
    # or by a weekday, then ":" or a spaced dash, and a remark that has numbers of its own
    assert visit_values("Oct. 4 - 22 / 19 / 17 - std hall 9, target 12 or less") == (
        "Oct. 4",
        [(22.0, None), (19.0, None), (17.0, None)],
    )
    skipped = [(18.0, None), (None, None), (15.0, None)]
    assert visit_values("5 Oct: 18 / n/r / 15. Goal 12.") == ("5 Oct", skipped)
    assert visit_values("Dec 9/26 - 31 / - / 18 -> fans down to two") == (
        "Dec 9/26",
        [(31.0, None), (None, None), (18.0, None)],
    )
    # But a lead that is no day ("Unit 20", a code) gives no visit
    assert visit_values("Unit 20 - 14 / 13 / 13 - goal 12") is None


_MONTH_NAME_LOG = """Dampfix Restoration - basement intake, Guelph ON N1H 3T2
On site Oct. 2/26 09:10. Cat 1 supply line, family room and guest room carpet wet.
Oct. 2 - family room E wall 4" 66 / family room bottom plate 24%MC / guest room wall 4" 48
Oct. 3 - 41 / 19%MC / 30 (same order)
Oct. 5 - 18 / 14%MC / 15 - std hall wall 11. Goal met, fans out.
"""


def test_later_visits_by_month_name_and_dash_reread_the_first_days_points() -> None:
    found = [(r.value, r.location, r.taken_on) for r in analyze_text(_MONTH_NAME_LOG).moisture_readings]
    # Then the first day is dated from "Oct. 2/26", and each later visit's values are its points'
    assert (66.0, "Family room", date(2026, 10, 2)) in found
    assert (19.0, "Family room", date(2026, 10, 3)) in found
    assert (18.0, "Family room", date(2026, 10, 5)) in found
    assert (15.0, "Guest room", date(2026, 10, 5)) in found
    # and no number of the remark is taken as a point's value that day
    assert not any(value == 11.0 and place == "Family room" for value, place, _ in found)
