"""Readings told in sentences (chalicelib/analysis/offline/reading_prose.py)."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_prose import prose_readings
from chalicelib.analysis.offline.text import prepare_lines


def _read(text: str) -> list[tuple[float, str | None]]:
    dates = Dates(prepare_lines(text), None)
    return [(reading.value, reading.unit) for reading in prose_readings(text, dates, None, None)]


def test_readings_given_at_heights_up_a_wall() -> None:
    # Given a sentence of readings, each at the height it was taken, on a named scale
    text = (
        "Readings on the east wall: 34 at 100 mm above the floor, 27 at 400 mm, 16 at 900 mm"
        " (relative scale)."
    )
    # When it is read
    # Then each number before "at <height>" is a reading on that scale, the heights are not
    assert _read(text) == [(34.0, "REL"), (27.0, "REL"), (16.0, "REL")]


def test_percentages_after_a_reading_verb_and_a_range() -> None:
    # Given a sentence with a reading, a range and a share of the floor
    text = "The drywall read 27% near the door and ranged 18-22% further along; 30% of the floor was wet."
    # Then the readings and both ends of the range are read; the share of the floor is not
    assert _read(text) == [(27.0, "%"), (18.0, "%"), (22.0, "%")]


def test_a_sentence_that_names_no_material_or_surface_gives_no_reading() -> None:
    # Given percentages in a sentence about something else
    assert _read("The crew read 40% of the file notes and measured 12% more time on site.") == []


def test_a_list_goes_on_after_a_reading_and_a_number_may_end_the_sentence() -> None:
    # Given a sentence that reads one point, then lists others with bare numbers, the last at its end
    text = "The pantry skirting read 31, the hall skirting 24 and the bedroom 2 skirting 19."
    # Then every listed point is read; the room's number is not
    assert [value for value, _ in _read(text)] == [31.0, 24.0, 19.0]


def test_a_list_without_a_first_reading_is_not_read() -> None:
    # Given numbers after places with no reading before them (no scale, no reading verb)
    assert _read("We set fans in the hall skirting area, 2 and the bedroom 2 skirting 3.") == []


def test_with_the_meter_known_a_drying_verb_leads_to_a_bare_reading() -> None:
    # Given no scale in the sentence, but the document's meter scale known
    dates = Dates(prepare_lines("x"), None)
    text = "The laundry skirting was down to 17 and two air movers were down (3 on site)."
    found = prose_readings(text, dates, None, None, scale_known=True)
    # Then "was down to 17" is a reading; "were down (3 on site)" is not
    assert [reading.value for reading in found] == [17.0]
    # and without a known scale, neither is
    assert prose_readings(text, dates, None, None) == []


def _dated(text: str, day: date) -> list[tuple[float, str | None, date | None]]:
    dates = Dates(prepare_lines("Inspected 12/03/2026 at 14 Banksia Rise, Joondalup WA 6027"), None)
    return [(r.value, r.unit, r.taken_on) for r in prose_readings(text, dates, day, day, scale_known=True)]


def test_each_reading_of_a_series_takes_the_day_written_after_it() -> None:
    # Given one point read on three visits in one sentence, each value followed by its day
    text = "The hall plaster read 26 WME on the first night, 18 on the 14th and 15 on the 16th."
    # Then each value is dated by the day after it, the first by the line's own day
    assert _dated(text, date(2026, 3, 12)) == [
        (26.0, "WME", date(2026, 3, 12)),
        (18.0, "WME", date(2026, 3, 14)),
        (15.0, "WME", date(2026, 3, 16)),
    ]


def test_a_day_before_a_reading_dates_it_and_the_same_spot_keeps_the_scale() -> None:
    # Given a second sentence that names no place or scale, only "the same spot" and its days
    text = (
        "On 12 March the laundry wall read 34 WME."
        " On the 14th the same spot read 22, and by the 16th it was down to 16."
    )
    # Then its readings are read, on the first sentence's scale, each dated by the day before it
    assert _dated(text, date(2026, 3, 12)) == [
        (34.0, "WME", date(2026, 3, 12)),
        (22.0, "WME", date(2026, 3, 14)),
        (16.0, "WME", date(2026, 3, 16)),
    ]


def test_a_series_over_the_same_visits_takes_the_days_of_those_visits() -> None:
    # Given a series "over the same three visits" after a sentence that dated three visits
    text = (
        "The plaster started at 29 WME, dropped to 19 on the 14th and reached 15 on the 16th."
        " The skirting went from 21 %MC to 15 %MC and then to 12 %MC over the same three visits."
    )
    found = _dated(text, date(2026, 3, 12))
    # Then the second series is dated visit by visit, not all on the line's day
    assert found[3:] == [
        (21.0, "%MC", date(2026, 3, 12)),
        (15.0, "%MC", date(2026, 3, 14)),
        (12.0, "%MC", date(2026, 3, 16)),
    ]
    assert [value for value, _, _ in found[:3]] == [29.0, 19.0, 15.0]


_HEIGHTS_THEN_READINGS = """Mould inspection, 14 Tui St, Avondale. Inspected 03/06/2026.
Bathroom and hallway affected.
Moisture readings (Protimeter Surveymaster, WME)
Bathroom GIB beside the shower, at 100, 300 and 600 mm above the floor: 36, 30 and 24.
Hallway skirting outside the bathroom door: 17.
"""


def test_heights_listed_then_a_series_of_readings_after_a_colon() -> None:
    found = {(r.value, r.location) for r in analyze_text(_HEIGHTS_THEN_READINGS).moisture_readings}
    assert {(36.0, "Bathroom"), (30.0, "Bathroom"), (24.0, "Bathroom")} <= found
    # a place outside a room's door is no reading of the outside air
    assert (17.0, "Hallway") in found
    assert not {value for value, _ in found} & {100.0, 300.0, 600.0}


def _by_days(text: str, day_one: date, line_day: date) -> list[tuple[float, date | None]]:
    dates = Dates(prepare_lines(text), None)
    return [(r.value, r.taken_on) for r in prose_readings(text, dates, day_one, line_day, scale_known=True)]


def test_a_series_dated_by_weekdays_takes_each_day_from_the_first_visit() -> None:
    # Given a job first visited on Tuesday 3 March 2026, and readings told by weekday
    tuesday = date(2026, 3, 3)
    text = (
        "The laundry wall read 38 on the Tuesday, 24 on Thursday the 5th and 15 on Monday."
        " The floor went 30, then 21 on Thursday, then 14 on Monday."
        " The kick and the skirting read 25 and 22 WME on the first day and 16 and 14 on the Thursday."
    )
    # When the sentences are read with the line's date being a later one the text named
    found = _by_days(text, tuesday, date(2026, 3, 5))
    thursday, monday = date(2026, 3, 5), date(2026, 3, 9)
    # Then each value takes the day written after it, a weekday placed from the first visit
    assert found[:3] == [(38.0, tuesday), (24.0, thursday), (15.0, monday)]
    # a series' undated first value is the first visit's
    assert found[3:6] == [(30.0, tuesday), (21.0, thursday), (14.0, monday)]
    # "25 and 22 on the first day": both that day
    assert found[6:] == [(25.0, tuesday), (22.0, tuesday), (16.0, thursday), (14.0, thursday)]


def test_a_relative_reading_over_100_in_a_sentence_is_read_on_its_scale() -> None:
    # Given notes that name a relative scale for the plasterboard
    text = (
        "Inspected Wednesday 11 February 2026. Bedroom 3 ceiling collapsed and the hall ceiling is wet.\n"
        "Readings by Protimeter, search mode on plasterboard and pins in WME on timber. The bedroom 3"
        " ceiling read 620 on the Wednesday and 300 on Friday; its skirting was 28 WME on day one.\n"
    )
    found = {(r.value, r.unit, r.taken_on) for r in analyze_text(text).moisture_readings}
    assert (620.0, "REL", date(2026, 2, 11)) in found
    assert (300.0, "REL", date(2026, 2, 13)) in found
    assert (28.0, "WME", date(2026, 2, 11)) in found


def test_a_bound_said_of_every_reading_is_no_reading() -> None:
    # Given the readings told one by one after a bound said of them all
    text = "The wall readings were all above 40%: 55% by the sink and 47% at the end."
    # Then the bound is no reading
    found = _read(text)
    assert 40.0 not in [value for value, _ in found]
    assert (47.0, "%") in found
    assert _read("The plasterboard read above 60% at every point on the wall.") == []


def test_a_room_size_written_with_by_is_no_reading() -> None:
    # Given a homeowner's sizes in feet beside the rooms, and a meter named in the notes
    text = (
        "Subject: washer hose\nThe washer hose burst on June 2, 2026. The tech used a pin meter.\n"
        "Upstairs, the laundry (7 by 6 feet) - the vinyl floor and the drywall got wet.\n"
        "June 3: laundry subfloor 31%, laundry wall 44.\n"
    )
    values = sorted(r.value for r in analyze_text(text).moisture_readings)
    assert values == [31.0, 44.0]


def test_every_value_of_a_comma_list_after_a_reading_verb_is_read() -> None:
    # Given one reading verb, then four percentages separated by commas and a closing "and"
    text = "On the second visit the walls read 41%, 36%, 30% and 25%, and the bath was refitted."
    # Then the middle values are readings too, not only the first and the last
    assert [value for value, _ in _read(text)] == [41.0, 36.0, 30.0, 25.0]


def test_a_bare_number_after_a_comma_is_listed_only_in_a_list_of_bare_numbers() -> None:
    dates = Dates(prepare_lines("x"), None)
    listed = "The wall was down to 21, 18, 15 and 12."
    assert [r.value for r in prose_readings(listed, dates, None, None, scale_known=True)] == [21, 18, 15, 12]
    # (a count after a reading is no reading: "2 of them" is not a list of values)
    counted = "The wall was down to 21, 2 fans came out."
    assert [r.value for r in prose_readings(counted, dates, None, None, scale_known=True)] == [21.0]


def test_a_short_sentence_in_the_same_order_is_read() -> None:
    # Given a sentence that gives only values, "in the same order" as points told before
    found = _dated("Wednesday, in the same order: 22, 19, 15.", date(2026, 3, 12))
    # Then each value is a reading of that day
    assert [value for value, _, _ in found] == [22.0, 19.0, 15.0]


_SPLIT_STORY = """Job story - laundry tap, 3 Quandong Way, Port Pirie SA 5540
On Monday 2 March 2026 the laundry tap split and water reached the laundry and the hallway.
Monday 2 March: the laundry walls read 48% by the tub and 40% at the hallway end. The hallway wall read 35%.
On Wednesday 4 March the walls read 30%, 26% and 21% (same order).
Friday 6 March, in the same order: 15, 14, 12.
"""


def test_values_in_the_order_of_readings_told_over_several_sentences_take_their_places() -> None:
    # Given first readings told over two sentences, then values "in the same order" on later days
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_SPLIT_STORY).moisture_readings}
    wednesday, friday = date(2026, 3, 4), date(2026, 3, 6)
    # Then "at the hallway end" is only a landmark of the laundry wall
    assert (40.0, "Laundry", date(2026, 3, 2)) in found
    # and the later values take the places of the three first readings, in order
    assert {(30.0, "Laundry", wednesday), (26.0, "Laundry", wednesday), (21.0, "Hallway", wednesday)} <= found
    assert {(15.0, "Laundry", friday), (14.0, "Laundry", friday), (12.0, "Hallway", friday)} <= found


def test_a_number_right_before_the_reading_verb_is_its_subjects() -> None:
    # Given rooms numbered before "read", then their readings, on a scale the sentence names
    text = "On the WME scale the linings of bedrooms 4 and 5 read 33 and 29 at the skirting."
    # Then the room's number is no reading
    assert [value for value, _ in _read(text)] == [33.0, 29.0]


def test_a_scale_written_after_another_materials_value_is_not_a_bare_readings() -> None:
    dates = Dates(prepare_lines("x"), None)
    text = "For comparison the study plasterboard read 14 and its pine skirting 12 %MC."
    found = prose_readings(text, dates, None, None, scale_known=True)
    # Then the skirting's scale stays with the skirting; the plasterboard's is not said here
    assert [(r.value, r.unit) for r in found] == [(14.0, None), (12.0, "%MC")]
    # while a run of values before their scale shares it
    run = prose_readings("The plates read 22 and 19 %MC.", dates, None, None, scale_known=True)
    assert [(r.value, r.unit) for r in run] == [(22.0, "%MC"), (19.0, "%MC")]


_LATER_SENTENCE = """Job notes - hot water service, 5 Yarran Street, Dubbo NSW 2830
On 3 March 2026 the hot water service leaked into the study and the rumpus; we attended on 5 March 2026.
Readings: the plates were 23 %MC in the study and 21 %MC in the rumpus. By 9 March they were 15 and 14 %MC.
"""


def test_a_run_on_a_line_takes_the_places_and_day_of_its_own_sentences() -> None:
    # Given one line that reads two rooms, then a later sentence of the same line gives a run
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_LATER_SENTENCE).moisture_readings}
    # Then the run takes the places of the sentence before it, and the day its own sentence names
    assert {(15.0, "Study", date(2026, 3, 9)), (14.0, "Rumpus", date(2026, 3, 9))} <= found


def test_a_size_written_long_and_wide_is_no_reading() -> None:
    # Given a homeowner's size of a room with its unit left off, then a reading
    text = "- the laundry floor, which is 3.1 long and 2.2 wide, and the wall read 28% on his meter"
    found = {reading.value for reading in analyze_text(f"Leak.\n{text}\n").moisture_readings}
    # Then the sizes are no readings, the reading is
    assert 28.0 in found and not found & {3.1, 2.2}


# A first list whose dry standards close it, then visits that re-read only the wet points in the
# same order: each later value is the wet point's in its place.
@pytest.mark.parametrize(
    ("first", "later"),
    [
        (
            "laundry floor 36, laundry wall 610, hall skirting 27"
            " - study wall 150 and study skirting 12 as the normal",
            "Thursday 14/05: 22, 340, 18 (same order)",
        ),
        (
            "laundry floor 36; laundry wall 610; hall skirting 27;"
            " study wall 150 & study skirting 12 for comparison",
            "14/05: 22, 340, 18",
        ),
    ],
)
def test_later_visits_re_read_the_wet_points_of_a_list_closed_by_its_dry_standards(
    first: str, later: str
) -> None:
    text = (
        "Burst hose on Mon 11/05/2026 at 3 Rata St, Nelson 7010, New Zealand.\n"
        "Laundry and hall wet, study dry.\n"
        "Tech came Tue 12/05/2026 (pin meter WME for the small numbers, scanner relative for the big ones):\n"
        f"{first}\n"
        f"{later}\n"
    )
    found = {(r.value, r.location, r.taken_on, r.is_reference) for r in analyze_text(text).moisture_readings}
    assert (150.0, "Study", date(2026, 5, 12), True) in found
    assert (12.0, "Study", date(2026, 5, 12), True) in found
    assert (340.0, "Laundry", date(2026, 5, 14), False) in found
    assert (18.0, "Hall", date(2026, 5, 14), False) in found


def test_a_visit_with_as_many_values_as_the_whole_list_puts_none_of_them_on_a_wet_point() -> None:
    # (the near miss: four values after a list of three wet points and one dry standard; the wet
    # points' order does not fit four values)
    text = (
        "Burst hose on Mon 11/05/2026 at 3 Rata St, Nelson 7010, New Zealand.\n"
        "Laundry and hall wet, study dry.\n"
        "Tech came Tue 12/05/2026 with a pin meter (WME):\n"
        "laundry floor 36, laundry skirting 30, hall skirting 27 - study skirting 12 for comparison\n"
        "14/05: 22, 20, 18, 12 (same order)\n"
    )
    found = analyze_text(text).moisture_readings
    assert not any(r.value == 12.0 and r.location != "Study" for r in found)


_VISITS = (
    "Dishwasher leak, 3 Elm St, Ballarat VIC 3350, attended 04/03/2026. Kitchen and pantry affected.\n"
    "Meter: Protimeter in WME.\n"
    "04/03: kitchen plinth 31, pantry wall 27.\n"
    "06/03: kitchen plinth 19, pantry wall {tail}.\n"
)


@pytest.mark.parametrize(
    "tail",
    [
        "18. Pantry wall 3 more days, then we pull the board",  # a count of more days
        "18, kitchen plinth needs 2 extra air movers",  # a count of more units
        "18; the skirting was in the 40s on day one",  # a decade guessed at
        "18; the skirting was in the high 20's yesterday",
    ],
)
def test_a_count_of_more_or_a_decade_is_no_reading(tail: str) -> None:
    values = sorted(r.value for r in analyze_text(_VISITS.format(tail=tail)).moisture_readings)
    assert values == [18.0, 19.0, 27.0, 31.0]


def test_a_value_before_more_words_of_its_own_is_still_a_reading() -> None:
    # the near miss: a value with words of where after it, no "more" of anything, is the day's reading
    values = sorted(r.value for r in analyze_text(_VISITS.format(tail="21 at the base")).moisture_readings)
    assert values == [19.0, 21.0, 27.0, 31.0]


@pytest.mark.parametrize(
    "address",
    [
        "Premises: Tenancy 3, 41 Market Row, Bendigo VIC 3550 (ground floor shop)",
        "Site - Unit 12, 7 Jacaranda Cres, Townsville QLD 4810; readings below",
        "Location: 6/220 Harbour Esp, Hobart TAS 7000 - upstairs flat",
    ],
)
def test_a_street_address_gives_no_readings(address: str) -> None:
    text = _VISITS.format(tail="18").replace(
        "Meter: Protimeter in WME.\n", f"{address}\nMeter: Protimeter in WME.\n"
    )
    values = sorted(r.value for r in analyze_text(text).moisture_readings)
    assert values == [18.0, 19.0, 27.0, 31.0]


def test_a_value_before_a_capitalised_word_is_still_a_reading() -> None:
    # the near miss: "31 North wall" names a side, no street type after it
    text = _VISITS.format(tail="18").replace("pantry wall 27", "pantry 27 North wall")
    assert 27.0 in {r.value for r in analyze_text(text).moisture_readings}
