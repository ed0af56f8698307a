"""A homeowner's email tells of the visits in sentences ("the drying man came out on Monday, 3
August"; "Thu 6th he came back"): the readings told after each are that visit's, not the email's
date; a number that is no reading ("forty-odd", "off the scale") is left out."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.text import Line
from chalicelib.analysis.offline.visit_days import Visits

_EMAIL = """From: Dana Whitlock
Date: Fri, 7 Aug 2026 09:02
Subject: Laundry leak at 14 Korimako Lane

Hi, the washing machine hose split on Sunday. The drying man came out on Monday, 3 August.
- The laundry wall behind the machine read 34 on his wall meter.
- The particleboard floor in the laundry was 27% with the pin meter.
- He said one spot was off the scale but he did not count it.
Thu 6th he came back and the laundry wall was 17 and the floor was 16%.
Thanks, Dana
"""


def test_readings_told_in_an_email_take_the_date_of_the_visit_told_of() -> None:
    found = [(r.value, r.taken_on) for r in analyze_text(_EMAIL).moisture_readings]
    assert (34.0, date(2026, 8, 3)) in found
    assert (27.0, date(2026, 8, 3)) in found
    assert (17.0, date(2026, 8, 6)) in found
    assert (16.0, date(2026, 8, 6)) in found
    assert len(found) == 4


def test_a_weekday_and_an_ordinal_without_the_are_a_date() -> None:
    dates = Dates([], None)
    found = dates.find_with_weekdays("On Thu 6th he came back", date(2026, 8, 3))
    assert [match.value for match in found] == [date(2026, 8, 6)]
    # a weekday that does not fall on that day of the month is no date
    assert not [m for m in dates.find_with_weekdays("On Fri 6th", date(2026, 8, 3)) if m.value]


def test_a_visit_told_without_a_date_near_it_changes_no_line_date() -> None:
    lines = [
        Line(1, "Inspected 03/08/2026.", "Inspected 03/08/2026."),
        Line(2, "The plumber came back later that week.", "The plumber came back later that week."),
    ]
    visits = Visits(Dates(lines, None))
    assert visits.line_dates(lines, date(2026, 8, 3))[1] == date(2026, 8, 3)


_FILE_NOTE = """LOSS ADJUSTER FILE NOTES
Insured: Ms R Tane, 4 Rimu Street, Invercargill

10/03/2026  Instructions in. Pipe under the bath split on Sunday 8/03; drying company attended Monday 9/03.
12/03/2026  Drying company's report received. Bathroom and hallway wet. Their day-one readings, pins (WME):
   bathroom floor by the bath 33, hallway wall 24, lounge wall (dry standard) 11.
14/03/2026  Site visit. Readings now: bathroom floor by the bath 21, hallway wall 16.
"""


def test_a_heading_passing_on_day_one_readings_dates_them_at_the_first_visit() -> None:
    found = {(r.value, r.taken_on) for r in analyze_text(_FILE_NOTE).moisture_readings}
    assert {(33.0, date(2026, 3, 9)), (24.0, date(2026, 3, 9))} <= found
    # (a later visit's readings keep the note's own day)
    assert {(21.0, date(2026, 3, 14)), (16.0, date(2026, 3, 14))} <= found


def test_readings_the_note_does_not_call_day_one_keep_the_notes_day() -> None:
    text = _FILE_NOTE.replace("Their day-one readings", "Their latest readings")
    found = {(r.value, r.taken_on) for r in analyze_text(text).moisture_readings}
    assert (33.0, date(2026, 3, 9)) not in found
