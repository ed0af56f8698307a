"""A scope table with no room column: each row's room is the one room its own words name.

"| Clean and disinfect vinyl plank, showroom | 60 | SF |" is the showroom's work; printing "—" in the
report's room column would leave the estimator to guess. A row naming two rooms stays unplaced."""

from __future__ import annotations

from chalicelib.analysis import analyze_text

_NOTES = (
    "Site: 77 Larch Street, Sudbury, ON P3E 1C2\n"
    "Basement den 14 x 12 ft, carpet and pad wet. Laundry 8 x 6 ft, vinyl wet.\n"
    "\n"
    "Scope\n"
    "| Line item | Qty | Unit |\n"
    "| Remove carpet and pad, den | 168 | SF |\n"
    "| Remove vinyl, laundry | 48 | SF |\n"
    "| Antimicrobial, den and laundry | 216 | SF |\n"
)


def test_each_row_takes_the_one_room_it_names() -> None:
    # Given a scope table whose rows name their room in the description
    items = analyze_text(_NOTES).scope_of_work
    # Then each row is placed in that room
    rooms = {item.quantity: item.room for item in items}
    assert rooms[168.0] == "Den"
    assert rooms[48.0] == "Laundry"


def test_a_row_naming_two_rooms_stays_unplaced() -> None:
    # Given the near miss: one row for two rooms
    items = analyze_text(_NOTES).scope_of_work
    # Then it is no one room's
    assert {item.quantity: item.room for item in items}[216.0] is None
