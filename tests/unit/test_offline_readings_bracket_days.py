"""A bracket closing a line of readings that gives all its values one day ("(both 12/02)", "(all
read 4 May)") dates them that day, whatever visit the line was written under."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text

pytestmark = pytest.mark.unit

_NOTES = """Adjuster's notes. 12 Kirra St, Bundaberg QLD 4670. Loss 3 May 2026, inspected 6 May 2026.
A cistern hose split; the ensuite and the hall are wet. Category 1.
Readings (Tramex, plasterboard %, timber %MC):
- {standards}
- 04/05: ensuite plasterboard 38 %; hall skirting 24 %MC.
- 06/05: ensuite plasterboard 19 %; hall skirting 16 %MC.
"""


@pytest.mark.parametrize(
    "standards",
    [
        "Dry standard: lounge plasterboard 0.6 %, lounge skirting 11 %MC (both 04/05).",
        "Standards - lounge plasterboard 0.6 % and lounge skirting 11 %MC (all read 4 May)",
        "Unaffected lounge: plasterboard 0.6 %, skirting 11 %MC (both taken on 2026-05-04);",
    ],
)
def test_a_closing_bracket_gives_the_lines_values_its_day(standards: str) -> None:
    found = {
        (r.value, r.taken_on) for r in analyze_text(_NOTES.format(standards=standards)).moisture_readings
    }
    assert {(0.6, date(2026, 5, 4)), (11.0, date(2026, 5, 4))} <= found
    assert (0.6, date(2026, 5, 6)) not in found


def test_a_bracket_of_other_words_gives_no_day() -> None:
    # (a bracket naming places, not a day: the values keep the line's own day)
    text = _NOTES.format(
        standards="Dry standard: lounge plasterboard 0.6 %, lounge skirting 11 %MC (both walls)."
    )
    found = {(r.value, r.taken_on) for r in analyze_text(text).moisture_readings}
    assert (0.6, date(2026, 5, 4)) not in found
