"""A value followed by its own day in brackets ("31 (12/07) -> 24 (12/09)") is of that day, also
when the bracket names who read it after the day ("5.9 (12/07, vendor)", "(3/5, by the owner)");
a bracket of more days or a sentence gives the value no day of its own."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text

pytestmark = pytest.mark.unit

_NOTES = """Consultant's review. 9 Weir St, Mackay QLD 4740. Loss 2 May 2026; my inspection 6 May 2026.
A dishwasher supply split; the kitchen and the laundry are wet. Category 1.
Readings (Tramex CME on the slab, %; pins %MC on timber):
- {line}
"""


@pytest.mark.parametrize(
    ("line", "first"),
    [
        ("Kitchen slab by the sink: 6.1 (03/05, contractor) -> 4.9 (05/05) -> 3.8 (06/05).", 6.1),
        ("Laundry skirting: 28 %MC (03/05, by the owner) -> 19 %MC (05/05) -> 14 %MC (06/05)", 28.0),
        ("Kitchen slab by the sink: 6.1 (03/05, their tech), 4.9 (05/05), 3.8 (06/05)", 6.1),
    ],
)
def test_a_values_bracketed_day_with_who_read_it_is_its_day(line: str, first: float) -> None:
    found = {(r.value, r.taken_on) for r in analyze_text(_NOTES.format(line=line)).moisture_readings}
    assert (first, date(2026, 5, 3)) in found
    assert (first, date(2026, 5, 5)) not in found and (first, date(2026, 5, 6)) not in found


def test_a_bracket_of_more_days_is_no_days_of_the_value() -> None:
    line = "Kitchen slab by the sink: 6.1 (03/05 and 05/05 the same) -> 3.8 (06/05)."
    found = {(r.value, r.taken_on) for r in analyze_text(_NOTES.format(line=line)).moisture_readings}
    assert (6.1, date(2026, 5, 3)) not in found
