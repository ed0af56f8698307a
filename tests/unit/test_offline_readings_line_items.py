"""A listed point that names no room ("| ceiling by the window REL 610") is in the room of the
point before it on the same line, not in the room a line above named."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_line_items import keep_line_place, line_item_place
from chalicelib.analysis.offline.spaces import room_mentions

pytestmark = pytest.mark.unit

_NOTES = """Two storey home, 9 Banks St, Ainslie ACT. Attended 12/03/2026.
Bathroom upstairs leaked through the floor into the family room below. Category 1.
- Bathroom 2.0 x 2.2 m: floor tiles wet.
- Main bedroom 4 x 3.5 m: carpet wet by the bathroom door.
- Family room 5 x 4 m below: ceiling stained, carpet wet.
Readings, Protimeter (WME pins / REL search):
upstairs: bathroom tile joint REL 300 | bedroom carpet gripper WME 34
downstairs: family ceiling centre REL 850 | ceiling by the window REL 610 | north wall top REL 480
"""


def test_a_listed_point_keeps_the_room_of_the_point_before_it() -> None:
    places = {r.value: r.location for r in analyze_text(_NOTES).moisture_readings}
    assert places[850.0] == "Family room"
    assert places[610.0] == "Family room"
    assert places[480.0] == "Family room"
    assert places[34.0] == "Main bedroom"


def test_only_the_same_line_carries_a_place() -> None:
    state: dict[str, object] = {}
    lounge = room_mentions("lounge")[0]
    keep_line_place(state, 4, lounge)
    assert line_item_place(state, 4, "ceiling by the window") == lounge
    assert line_item_place(state, 5, "ceiling by the window") is None
    # (a point that names its own room is that room's)
    assert line_item_place(state, 4, "kitchen wall") is None
