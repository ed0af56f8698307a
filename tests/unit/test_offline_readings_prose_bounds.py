"""Readings told in a job story's sentences: a paragraph that opens with the readings of the
first morning is dated by the first visit, not by the loss told before it; a range's two ends
are both readings ("ranged from 55 to 70"), and a bound is recorded as the number given ("it
was over 90")."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.text import Line, unwrap_paragraphs

_STORY = (
    "Job story - king tide through a ground-floor flat, Ferndale\n\n"
    "The king tide pushed up the estuary and at about 10 pm on Friday 6 March 2026 water came over the"
    " garden wall and under the back door of the flat. It drained away by midnight. The owner rang us at"
    " 7 am on Saturday 7 March and we were on site just before 9.\n\n"
    "Readings on the first morning (Protimeter, reference scale on the plasterboard). The kitchen"
    " plasterboard behind the dishwasher ranged from 55 to 70. In the dining room the plasterboard read"
    " 48 by the doorway; behind the fridge it was over 90.\n"
)


def _readings() -> list[tuple[float, date | None]]:
    return [(r.value, r.taken_on) for r in analyze_text(_STORY).moisture_readings]


def test_readings_on_the_first_morning_take_the_first_visit_not_the_loss() -> None:
    found = _readings()
    assert (48.0, date(2026, 3, 7)) in found
    assert all(day != date(2026, 3, 6) for _, day in found)


def test_both_ends_of_a_range_and_a_bound_are_readings() -> None:
    values = [value for value, _ in _readings()]
    assert 55.0 in values
    assert 70.0 in values
    assert 90.0 in values


def test_a_bound_said_of_every_reading_is_still_no_reading() -> None:
    text = (
        "Inspected 07/03/2026. Protimeter on the kitchen plasterboard: the readings were all over 40,"
        " and the wall behind the sink read 62."
    )
    values = [r.value for r in analyze_text(text).moisture_readings]
    assert 40.0 not in values
    assert 62.0 in values


def _lines(texts: list[str]) -> list[Line]:
    return [Line(number, text, text) for number, text in enumerate(texts, start=1)]


def test_a_date_split_by_a_wrap_between_its_day_and_month_is_put_back_together() -> None:
    wrapped = [
        "We came back to check the drying several times over the following fortnight and",
        "kept the dehumidifiers running on the slab the whole time because it was still wet.",
        "The plates were cut free of the plasterboard so that they could dry out, and by 24",
        "March the plates were at 15 and 14 %MC while the slab was still reading well above",
        "the goal we had set for it at the start of the job, so drying went on for a while.",
        "The owner was told the floor coverings would wait until the slab reached its goal.",
        "We left the equipment running and booked another visit for the end of that week.",
    ]
    joined = unwrap_paragraphs(_lines(wrapped))
    assert any("by 24 March the plates were at 15" in line.text for line in joined)
    # a line that ends on a number of its own is not joined to a capitalised line after it
    listed = [
        *wrapped[:2],
        "Air movers on site at the end of the first day were 6",
        "March was wet.",
        *wrapped[4:],
    ]
    assert not any("6 March" in line.text for line in unwrap_paragraphs(_lines(listed)))


def test_a_reading_in_brackets_wrapped_onto_the_next_line_stays_with_its_sentence() -> None:
    wrapped = [
        "The drying tech came on the Monday and measured the walls and the floor in every room that got",
        "wet, and he wrote the numbers on a sheet for us which we kept on the fridge door for the week.",
        "His normal numbers came from the spare room wall and from a floor joist under the laundry",
        "(12 %MC), and he wants everything to be within a few points of those before he will sign off.",
        "We asked him how long it would take and he said about a week if the weather stayed dry for us.",
        "The insurer has been told and the assessor is booked to come out on the Thursday afternoon.",
    ]
    joined = unwrap_paragraphs(_lines(wrapped))
    assert any("under the laundry (12 %MC), and he wants" in line.text for line in joined)


def test_a_listed_value_with_a_date_written_after_it_takes_that_date() -> None:
    text = (
        "Inspection date: 9 June 2026\nSecond-floor laundry supply line failed; kitchen ceiling below wet.\n"
        "Vendor readings (REL on drywall). Standard: upstairs spare room drywall 12 REL on 06/06.\n"
    )
    found = [(r.value, r.taken_on) for r in analyze_text(text).moisture_readings]
    assert (12.0, date(2026, 6, 6)) in found
