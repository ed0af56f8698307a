"""A numbered row read flat from a PDF table ("1 Toddlers' area partition plasterboard 640 210")
is in the place its words name after the point number, even one the room vocabulary does not know;
a hyphenated room ("craft-work room") keeps its whole name."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text

pytestmark = pytest.mark.unit

_NOTES = """Scout hall, 4 Pine Rd, Ballarat VIC. Attended 2026-10-02.
A frozen pipe split over the toddlers' area. Category 1.

Toddlers' area: 30 x 20 ft, carpet wet. Craft-work room (next to the toddlers' area): carpet wet.

Readings (Protimeter, relative scale):
Point Area Material 2026-10-02 2026-10-05
1 Toddlers' area partition plasterboard 640 210
2 Toddlers' area carpet edge 480 150
3 Craft-work room wall plasterboard 320 120
Batts were removed on day 1.
"""


def test_a_numbered_rows_place_follows_its_point_number() -> None:
    places = {r.value: r.location for r in analyze_text(_NOTES).moisture_readings}
    assert places[640.0] == "Toddlers' area"
    assert places[150.0] == "Toddlers' area"
    assert places[320.0] == "Craft-work room"
    assert places[120.0] == "Craft-work room"
