"""A one-line legend of numbered points, then each visit's values by position, a point not read
that day left as a dash or a word."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_order_legend import item_scale, numbered_legend
from chalicelib.analysis.offline.reading_skipped_values import has_remark, skipped_values

_NOTES = """Job 8812 - 40 Maple Ave, Hamilton ON. Attended 09/21/2026.
- Laundry: washer hose burst, vinyl and the laundry drywall wet.
- Hallway: carpet wet at the laundry door.

Points: 1 laundry drywall behind washer (%) / 2 laundry subfloor (%MC) / 3 hallway baseboard at door (%MC)
09/21:  44 / 27 / 22   std (bedroom 2): baseboard 11%MC
09/23:  26 / removed / 16
09/25:  15 / - / 12 -> at goal, equipment out.
"""


def test_numbered_points_then_visits_by_position() -> None:
    # Given a numbered legend on one line, then a line of values a visit, in the legend's order
    found = {(r.value, r.unit, r.location, r.taken_on) for r in analyze_text(_NOTES).moisture_readings}
    # Then each value is its point's, on the visit's day and the point's scale
    assert {
        (44.0, "%", "Laundry", date(2026, 9, 21)),
        (27.0, "%MC", "Laundry", date(2026, 9, 21)),
        (22.0, "%MC", "Hallway", date(2026, 9, 21)),
        (26.0, "%", "Laundry", date(2026, 9, 23)),
        (16.0, "%MC", "Hallway", date(2026, 9, 23)),
        (15.0, "%", "Laundry", date(2026, 9, 25)),
        (12.0, "%MC", "Hallway", date(2026, 9, 25)),
    } <= found
    # (the remark's own dry standard is still read)
    assert any(value == 11.0 for value, _, _, _ in found)


def test_a_numbered_legend_is_only_places_in_order() -> None:
    assert numbered_legend("Points: 1 kitchen wall (%) / 2 kitchen floor / 3 hall skirting") == [
        "kitchen wall (%)",
        "kitchen floor",
        "hall skirting",
    ]
    assert numbered_legend("Points: 1 kitchen wall / 3 kitchen floor / 2 hall skirting") is None
    assert numbered_legend("Points: 1 kitchen wall 22 / 2 kitchen floor / 3 hall skirting") is None
    assert numbered_legend("Notes: 1 call the owner / 2 book the plumber / 3 invoice") is None
    assert item_scale("laundry subfloor (%MC)") == "%MC"
    assert item_scale("laundry subfloor") is None


def test_a_visits_slots_keep_their_places() -> None:
    assert skipped_values("09/23:  26 / removed / 16") == (
        "09/23",
        [(26.0, None), (None, None), (16.0, None)],
    )
    assert skipped_values("09/23:  26 / 18 / 16") is None  # (a plain line: the main reader's)
    assert skipped_values("09/23:  - / removed / 16") is None  # (one value is no visit's line)
    assert has_remark("09/25:  15 / - / 12 -> at goal")
    assert not has_remark("09/23:  26 / removed / 16")
