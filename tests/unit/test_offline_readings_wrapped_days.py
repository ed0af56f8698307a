"""A dated entry of readings under a heading's day is of its own day, and the line a PDF (or a
narrow editor) wrapped it onto is the rest of that entry's list, read on the same day."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text

pytestmark = pytest.mark.unit

_LOG = """Claim HX-55102. 7 Corran St, Dunedin 9016. Attended {first}.
A burst cylinder valve wet the hall and laundry. Category 1.
Hall: carpet and plasterboard wet. Laundry: vinyl and particleboard wet.

Moisture readings
{entries}
"""


@pytest.mark.parametrize(
    ("first", "entries", "expected"),
    [
        (  # ISO days, a semicolon list wrapped after a place's word
            "2026-04-14",
            "- 2026-04-14:\n"
            "  - Hall plasterboard at 300 mm: 48%\n"
            "  - Laundry particleboard: 31 %MC\n"
            "- 2026-04-16: hall plasterboard 22%; laundry particleboard 19 %MC; laundry\n"
            "vinyl edge 12%; hall skirting 17 %MC.\n"
            "- 2026-04-18: hall plasterboard 9%; laundry particleboard 14 %MC;\n"
            "hall skirting 13 %MC.",
            {
                (22.0, date(2026, 4, 16)),
                (19.0, date(2026, 4, 16)),
                (12.0, date(2026, 4, 16)),
                (13.0, date(2026, 4, 18)),
                (17.0, date(2026, 4, 16)),
            },
        ),
        (  # day-first dates with a dash after them, wrapped after the list's comma
            "14/04/2026",
            "14/04:\n"
            "* hall plasterboard 48%\n"
            "* laundry particleboard 31 %MC\n"
            "* 16/04 - hall plasterboard 22%, laundry particleboard 19 %MC,\n"
            "hall skirting 17 %MC",
            {(22.0, date(2026, 4, 16)), (19.0, date(2026, 4, 16)), (17.0, date(2026, 4, 16))},
        ),
    ],
)
def test_a_dated_entry_and_its_wrapped_rest_are_of_the_entrys_day(
    first: str, entries: str, expected: set[tuple[float, date]]
) -> None:
    found = analyze_text(_LOG.format(first=first, entries=entries)).moisture_readings
    dated = {(r.value, r.taken_on) for r in found}
    assert expected <= dated
    assert (48.0, date(2026, 4, 14)) in dated  # (the heading's items keep the heading's day)
    assert not any(r.taken_on == date(2026, 4, 14) and r.value in (22.0, 17.0, 12.0) for r in found)


def test_the_rest_of_an_undated_item_keeps_the_headings_day() -> None:
    # (the wrapped line's first half wrote no day of its own: nothing moves to a later entry's day)
    text = _LOG.format(
        first="2026-04-14",
        entries="- 2026-04-14:\n"
        "  - hall plasterboard 48%; laundry\n"
        "particleboard 31 %MC\n"
        "- 2026-04-16: hall plasterboard 22%; laundry particleboard 19 %MC.",
    )
    found = {(r.value, r.taken_on) for r in analyze_text(text).moisture_readings}
    assert {(48.0, date(2026, 4, 14)), (31.0, date(2026, 4, 14)), (22.0, date(2026, 4, 16))} <= found
    assert (31.0, date(2026, 4, 16)) not in found
