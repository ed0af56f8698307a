"""A dated line parted by bars into segments that each name their place ("22/5: laundry wall E 31
WME, wall W 27 WME | laundry slab 780 | hall wall 22 WME"), written under a heading whose words were
taken for a table's header, is read segment by segment; and a wall's side letter ("wall E 31") is
the side of the surface, not a numbered place."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_numbers import label_number

pytestmark = pytest.mark.unit

Found = set[tuple[float, str, date | None]]


def _readings(text: str) -> Found:
    return {(r.value, r.location, r.taken_on) for r in analyze_text(text).moisture_readings}


_DEPOT = (
    "PARKSIDE SCOUT HALL - 9 Oval Rd, Mildura VIC\n"
    "attended 22/05/26 0800\n"
    "- laundry 3.0 x 2.4 m, tiles on slab, wet. plasterboard wet to 300mm\n"
    "- hall 6 x 4, carpet on slab, wet along the laundry wall\n"
    "\n"
    "Moisture readings (Tramex ME5 - walls on WME where noted, slab on the relative scale)\n"
    "22/05: laundry wall E 31 WME, wall W 27 WME | laundry slab 780 | hall wall 22 WME, hall slab 640\n"
    "24/05: laundry wall E 20 WME, wall W 18 WME | laundry slab 510 | hall wall 15 WME, hall slab 300\n"
)


def test_a_dated_line_of_barred_segments_under_a_worded_heading_is_read_by_segment() -> None:
    # Given a dated line of segments parted by bars, each naming its room, under a bracketed heading
    # When the notes are read
    found = _readings(_DEPOT)
    # Then every segment's values are read, on the line's day, in the room each segment names
    assert {
        (31.0, "Laundry", date(2026, 5, 22)),
        (27.0, "Laundry", date(2026, 5, 22)),
        (780.0, "Laundry", date(2026, 5, 22)),
        (22.0, "Hall", date(2026, 5, 22)),
        (640.0, "Hall", date(2026, 5, 22)),
        (18.0, "Laundry", date(2026, 5, 24)),
        (300.0, "Hall", date(2026, 5, 24)),
    } <= found


_WAREHOUSE = (
    "Job 4471 - storeroom roof leak, Unit 3 Kent St, Hamilton NZ\n"
    "attended 23/06/26\n"
    "- storeroom 8 x 5, concrete floor, ply lining wet to 600mm\n"
    "- office next door, plasterboard wet low on the shared wall\n"
    "\n"
    "MOISTURE (GE Surveymaster, ply in %MC, board WME where noted)\n"
    "23/06: storeroom ply N 28 %MC, ply S 24 %MC | office wall 19 WME\n"
)


def test_barred_segments_read_in_another_wording_and_scale() -> None:
    # Given another heading read as a header, and segments on %MC and WME with compass sides
    # When the notes are read
    found = _readings(_WAREHOUSE)
    # Then each segment's values are its room's
    assert {
        (28.0, "Storeroom", date(2026, 6, 23)),
        (24.0, "Storeroom", date(2026, 6, 23)),
        (19.0, "Office", date(2026, 6, 23)),
    } <= found


def test_a_capital_letter_after_a_surface_names_its_side_but_a_rooms_number_is_a_label() -> None:
    # Given "wall L 34 WME" (a side letter) and "Bed 2 skirting" (a room's number)
    side = "change rm wall L 34 WME"
    room = "Bed 2 skirting 14"
    # When each number is asked whether it names a place
    # Then the side's value is a reading and the bedroom's number a label
    assert not label_number(side, side.index("34"), side.index("34") + 2)
    assert label_number(room, room.index("2"), room.index("2") + 1)
    # And a capital letter after a word that is no surface still labels its number
    office = "Office B 2 carpet"
    assert label_number(office, office.index("2"), office.index("2") + 1)
