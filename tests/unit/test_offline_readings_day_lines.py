"""Readings dated by a line of their own day over them, and a log's sentence that re-reads a
map's points by their codes after a colon."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_point_rereads import told_point_rereads

_DAY_LINES = """Job 4410, 9 Banksia Ct, Bunbury WA 6230. Attended 02/03/2026.
Bathroom: wall wet behind the vanity. Hallway: skirting wet along the bathroom side.

Moisture readings (Tramex, relative scale unless marked)
02/03/2026
  Bathroom wall behind vanity 60 / hallway skirting by the door 30 / hallway studs at the cut 24 %MC
04/03/2026
  Bathroom wall behind vanity 31 / hallway skirting by the door 20 / hallway studs at the cut 19 %MC
07/03/2026
  Bathroom wall behind vanity 16 / hallway skirting by the door 14 / hallway studs at the cut 15 %MC
"""


def test_a_date_alone_on_its_line_dates_the_list_under_it() -> None:
    # Given long lists of readings (no full stop), each under a line that is only its day
    found = {(r.value, r.taken_on) for r in analyze_text(_DAY_LINES).moisture_readings}
    # Then each list's readings are of the day above it, not of the visit before
    assert {(31.0, date(2026, 3, 4)), (20.0, date(2026, 3, 4))} <= found
    assert {(16.0, date(2026, 3, 7)), (14.0, date(2026, 3, 7)), (15.0, date(2026, 3, 7))} <= found
    assert (16.0, date(2026, 3, 4)) not in found


_LOG = """ADJUSTER FILE NOTES - claim HX-22019, 14 Rata St, Hamilton 3216
03/05/2026 10:10  Contractor attended. Laundry vinyl and the hall carpet wet; bedroom 1 dry.
05/05/2026 16:00  Drying log from the contractor (Protimeter, WME):

  Point                          03/05   05/05
  L1 laundry wall by tub           38      24
  H1 hall skirting at door         29      18

08/05/2026 14:30  Last readings from the contractor: L1 14, H1 13. Both at the standard; gear out.
"""


def test_a_log_sentence_re_reads_the_points_after_its_colon() -> None:
    # Given a log whose later entry gives the table's points by their codes after a colon
    found = {(r.value, r.taken_on) for r in analyze_text(_LOG).moisture_readings}
    # Then each code's value is its point's, on the entry's day
    assert {(14.0, date(2026, 5, 8)), (13.0, date(2026, 5, 8))} <= found


def test_a_colon_before_other_words_is_no_re_read() -> None:
    known = frozenset({"L1", "H1"})
    assert told_point_rereads("08/05 14:30  Note: L1 14, H1 13. Done.", known) == [
        ("L1", 14.0, None),
        ("H1", 13.0, None),
    ]
    assert told_point_rereads("08/05 14:30  Note: laundry 14, hall 13. Done.", known) is None
    assert told_point_rereads("08/05 14:30  Note: L1 14 only. Done.", known) is None
    assert told_point_rereads("Note: X1 14, X2 13.", known) is None


_READING_COLUMN = """Survey of 3 Kelvin Row, Glasgow. Survey date: 12/10/2026.
Kitchen: the floor under the sink unit is wet and the plinth has swollen.
Moisture readings
Point | Location | Material | Reading
1 | Kitchen floor under the sink unit | timber floorboard | 36 WME
2 | Kitchen plinth by the dishwasher | MDF | 29 WME
3 | Lounge floor by the window (reference) | timber floorboard | 12 WME
"""


def test_a_point_table_with_a_reading_column_is_read_not_taken_for_a_legend() -> None:
    # Given a table of points whose last column is each point's reading
    found = {
        (r.value, r.unit, r.location, r.is_reference) for r in analyze_text(_READING_COLUMN).moisture_readings
    }
    # Then each row is a reading of its place, the reference row a dry standard
    assert {(36.0, "WME", "Kitchen", False), (29.0, "WME", "Kitchen", False)} <= found
    assert (12.0, "WME", "Lounge", True) in found


_SIDES = """Survey of 8 Kelvin Row, Glasgow. Survey date: 14/10/2026.
Bathroom: the partition to the hall cupboard is wet at its base behind the bath.
Hall cupboard: musty, the skirting is wet.
Moisture readings
Point | Location | Material | Reading
1 | Partition base, bathroom side | plaster | 720 REL
2 | Partition base, bathroom side of the hall cupboard | plaster | 610 REL
"""


def test_a_row_read_on_a_rooms_side_of_a_wall_is_that_rooms() -> None:
    # Given a row whose place names only the side of the wall it was read on
    found = {(r.value, r.location) for r in analyze_text(_SIDES).moisture_readings}
    # Then the reading is that room's; a row that names another room as well is not guessed
    assert (720.0, "Bathroom") in found
    assert (610.0, "Bathroom") not in found


_ITEM_DAYS = """Job 5120, 14 Tuart Pl, Busselton WA 6280. Attended 09/03/2026.
Bathroom and hallway wet from the shower waste.
READINGS (Protimeter, WME on timber, % on plasterboard)
09/03
- Bathroom wall behind vanity 31 %
- Hallway skirting at the door 24 WME
11/03
{item}
- Hallway skirting at the door 17 WME
14/03
- Bathroom wall behind vanity 14 %
- Hallway skirting 12 WME
"""


@pytest.mark.parametrize(
    "item",
    [
        "- Bathroom vanity - pulled off 10/03, no point",
        "* Bathroom vanity kick removed Mar 10, not read",
        "* Bathroom kick - taken off 10/03, no point left",
        "\u2022 Bathroom wall cut out 10/03 - nothing to read",
    ],
)
def test_a_list_items_own_day_heads_no_column_of_the_items_under_it(item: str) -> None:
    # (an item telling when a point went is no table's header: the day lines date the items)
    found = {(r.value, r.taken_on) for r in analyze_text(_ITEM_DAYS.format(item=item)).moisture_readings}
    assert (14.0, date(2026, 3, 14)) in found
    assert (12.0, date(2026, 3, 14)) in found
    assert (17.0, date(2026, 3, 11)) in found
