"""A numbered moisture map as a table: a "#" column of point numbers, a meter column whose meter
the notes tie to a scale once, then re-reads by number ("#3 410"). Each point keeps its place and
scale; the re-read's number words are no readings."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.findings import SourceSpan
from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_meters import meter_scale, meter_scales
from chalicelib.analysis.offline.reading_point_notes import noted_points, relocated
from chalicelib.analysis.offline.reading_rows import RowReader
from chalicelib.analysis.offline.readings import ReadingDraft

_MAP = """Moisture map, claim 88-2041. Inspection: 14/10/2026.
Garage 6 x 6 m and family room 5 x 4 m wet from a burst laundry tap; drywall wicking in both.
Walls read with the Tramex ME5, non-invasive (relative scale). Framing with the Delmhorst BD-10, pins, %MC.
 #  | location                       | meter     | 14/10
 1  | garage, east wall, 6 in        | ME5       | 640
 2  | garage, bottom plate           | BD-10     | 29 %MC
 3  | family room, west wall, 6 in   | ME5       | 515
Re-check 16/10/2026: #1 300, #2 18 %MC, #3 410. Points 1 and 3 still wet.
"""


def test_a_numbered_map_table_reads_by_meter_scale_and_re_reads_by_number() -> None:
    found = [(r.value, r.unit, r.location, r.taken_on) for r in analyze_text(_MAP).moisture_readings]
    assert (640.0, "REL", "Garage", date(2026, 10, 14)) in found
    assert (29.0, "%MC", "Garage", date(2026, 10, 14)) in found
    assert (515.0, "REL", "Family room", date(2026, 10, 14)) in found
    assert (300.0, "REL", "Garage", date(2026, 10, 16)) in found
    assert (18.0, "%MC", "Garage", date(2026, 10, 16)) in found
    assert (410.0, "REL", "Family room", date(2026, 10, 16)) in found
    assert len(found) == 6  # "Points 1 and 3" are point numbers, not readings


def test_a_meter_named_alone_in_a_sentence_with_a_scale_gives_that_scale() -> None:
    scales = meter_scales("Walls with the Tramex ME5 (relative). Pins: Delmhorst BD-10 in %MC.")
    assert meter_scale("east wall ME5", scales) == "REL"
    assert meter_scale("bottom plate BD-10", scales) == "%MC"
    assert meter_scale("no meter named here", scales) is None
    # two meters in one sentence: whose scale is whose is not said
    assert meter_scales("Tramex ME5 and Delmhorst BD-10 used, relative and %MC.") == {}


_LETTERED = """Moisture map, job 4410. Attended 14/10/2026. Kitchen cabinets and kitchen floor wet.
Readings (Protimeter pins %WME; plasterboard on the ME5 reference scale 0-100, no unit)
D  kitchen sink cabinet base (particleboard) ........ 36%
V  kitchen plasterboard behind fridge ............... 64
Re-check 16/10/2026:
D 22% | V 40 | R not read
"""


def test_a_meter_scales_range_is_no_reading() -> None:
    found = [(r.value, r.taken_on) for r in analyze_text(_LETTERED).moisture_readings]
    assert (36.0, date(2026, 10, 14)) in found
    assert (64.0, date(2026, 10, 14)) in found
    assert 0.0 not in [value for value, _ in found]  # the scale's "0-100" is no reading


def test_a_bar_separated_re_read_is_no_table_header() -> None:
    # "D 22% | V 40": a point's reading each, never column titles ("D 22" is no "day 22")
    rows = RowReader(Dates([], None), date(2026, 10, 14))
    assert rows.header(["D 22%", "V 40", "R not read"], None) is None
    assert rows.header(["Point", "Day 1", "Day 2"], None) is not None


_SHARED_WALL_LOG = """POINT LOG
DOL: 03/02/2026 - dishwasher supply split. Cat 1.
Inspected 03/03/2026
Kitchen 14 x 10 ft - oak strip, plaster walls
Family room 16 x 14 ft - oak strip, plaster partition wall, baseboard

Meters: Delmhorst (%MC, oak setting) on wood; Tramex on plaster (REL).

P#   Location                         3/3   3/5   3/8
M1   kitchen oak at dishwasher        26    19    12
M2   family oak at doorway            19    14    10
M3   partition plaster low            72    48    25
M4   partition plaster high           35    20    14
M3 and M4 are on the kitchen side of the partition.
"""


def test_a_note_under_the_log_says_which_room_its_points_are_in() -> None:
    found = {(r.value, r.location) for r in analyze_text(_SHARED_WALL_LOG).moisture_readings}
    assert (72.0, "Kitchen") in found
    assert (14.0, "Kitchen") in found
    assert (19.0, "Family room") in found
    assert not any(
        r.value in (72.0, 35.0) and r.location != "Kitchen"
        for r in analyze_text(_SHARED_WALL_LOG).moisture_readings
    )


def test_a_material_the_meters_line_gives_its_own_scale_keeps_it_under_another_meter() -> None:
    units = {r.value: r.unit for r in analyze_text(_SHARED_WALL_LOG).moisture_readings}
    assert units[72.0] == "REL"
    assert units[26.0] == "%MC"


def test_a_points_note_names_its_points_and_moves_only_the_log_just_above() -> None:
    assert noted_points("M3 and M4 are on the kitchen side of the partition.") == (
        ["M3", "M4"],
        "kitchen side of the partition",
    )
    assert noted_points("Points B2, B3 are in the laundry") == (["B2", "B3"], "laundry")
    assert noted_points("M3 was replaced on day 2") is None
    log = [
        ReadingDraft(
            "Family room",
            None,
            72.0,
            "REL",
            None,
            None,
            False,
            None,
            SourceSpan(line=10, text="M3 plaster 72"),
        ),
        ReadingDraft(
            "Family room", None, 19.0, "%MC", None, None, False, None, SourceSpan(line=9, text="M2 oak 19")
        ),
    ]
    moved = relocated(log, 12, ["M3"], "Kitchen")
    assert moved is not None and [r.location for r in moved] == ["Kitchen", "Family room"]
    assert relocated(log, 40, ["M3"], "Kitchen") is None  # (far below its log)
    assert relocated(log, 12, ["M3", "M9"], "Kitchen") is None  # (a point the log has no row of)


_DOTTED = """Moisture report, 7 Tuart Way, Baldivis WA 6171. Attended Monday 2/03/2026.
Laundry and hallway wet from a burst washing machine hose.
Moisture map (numbered on the plan; readings 2/03 - 4/03 - 6/03)
1. Laundry plasterboard behind tub .............. 41 - 26 - 13 %
2. Hallway skirting at laundry door ............. 27 - 20 - 14 %MC
"""


def test_a_numbered_dotted_map_reads_each_value_on_the_days_its_heading_gives() -> None:
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_DOTTED).moisture_readings}
    assert (41.0, "Laundry", date(2026, 3, 2)) in found
    assert (26.0, "Laundry", date(2026, 3, 4)) in found
    assert (13.0, "Laundry", date(2026, 3, 6)) in found
    assert (27.0, "Hallway", date(2026, 3, 2)) in found
    assert (14.0, "Hallway", date(2026, 3, 6)) in found
    assert not {value for value, _, _ in found} & {1.0, 2.0}  # (the points' numbers)
