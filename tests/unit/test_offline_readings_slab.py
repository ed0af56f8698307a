"""Concrete slabs: in-slab RH probe readings ("%RH") are slab readings, dated by their heading;
a percentage of depth is not a reading; a room named by its first word places a reading."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_probes import probe_readings

_NOTES = """Slab leak, 4 Acacia Pl, Gungahlin ACT 2912. Attended 02/03/26.
Study 3.0 x 3.0, tiles on slab, wet extent approx 5 sqm. Rumpus room 5 x 4, tiles on slab, wet.
Ref = laundry tiles on same slab, unaffected.

Tramex CME concrete scale %:
02/03 ref laundry 3.0 | study at leak 6.1 | rumpus 4.9
Slab RH probes (holes drilled to 40% depth, read after 72 h) 05/03:
 ref laundry 75 %RH | study 96 %RH | rumpus 91 %RH
Outside 22 C 60 %RH.

16/03: CME study 4.0, rumpus 3.6. RH study 86 %RH, rumpus 82 %RH.
"""


def _found(text: str) -> list[tuple[float, str, str, date | None, bool]]:
    return [
        (reading.value, reading.unit, reading.location, reading.taken_on, reading.is_reference)
        for reading in analyze_text(text).moisture_readings
    ]


def test_probe_humidity_is_a_slab_reading_dated_by_its_heading() -> None:
    found = _found(_NOTES)
    assert (96.0, "%RH", "Study", date(2026, 3, 5), False) in found
    assert (75.0, "%RH", "Laundry", date(2026, 3, 5), True) in found
    assert (86.0, "%RH", "Study", date(2026, 3, 16), False) in found
    assert (82.0, "%RH", "Rumpus room", date(2026, 3, 16), False) in found
    # the outside air is not the slab's, and a drilled depth is no reading
    assert not any(value in (60.0, 40.0) for value, *_ in found)


def test_a_room_named_by_its_first_word_places_a_concrete_reading() -> None:
    found = _found(_NOTES)
    # "rumpus 4.9" is the Rumpus room's, "study at leak 6.1" the study's
    assert (4.9, "%", "Rumpus room", date(2026, 3, 2), False) in found
    assert (6.1, "%", "Study", date(2026, 3, 2), False) in found
    assert (3.6, "%", "Rumpus room", date(2026, 3, 16), False) in found


def test_probe_readings_leave_air_alone() -> None:
    line = "ambient 55 %RH, dehu outlet 20 %RH, kitchen probe 90 %RH, 70F 45 %RH"
    assert [(reading.label, reading.value) for reading in probe_readings(line, None)] == [
        ("kitchen probe", 90.0)
    ]


_HOOD_TABLE_PDF = """Flood clean-up, 3 Weir Lane, Upton. First visit 10/02/2026.
Lounge 4.0 x 3.6 m and dining room 3.5 x 3.0 m: carpet on slab, lime plaster wet to 600 mm.
Moisture readings (Protimeter, WME on plaster; slab by hygrometer hood, %RH)
Location Material 10/02/2026 17/02/2026
Lounge, slab Concrete 96 %RH 90 %RH
Lounge wall Lime plaster 38 WME 27 WME
Dining room, slab Concrete 94 %RH 87 %RH
Outside air 61 %RH 58 %RH
"""


def test_a_pdf_table_row_of_a_slab_in_percent_rh_is_the_slabs_reading() -> None:
    found = _found(_HOOD_TABLE_PDF)
    assert (96.0, "%RH", "Lounge", date(2026, 2, 10), False) in found
    assert (90.0, "%RH", "Lounge", date(2026, 2, 17), False) in found
    assert (87.0, "%RH", "Dining room", date(2026, 2, 17), False) in found
    # each scale-marked cell of a row is its own day's reading, not a room's number
    assert (27.0, "WME", "Lounge", date(2026, 2, 17), False) in found
    # the outside air's humidity is no material's
    assert not any(value in (61.0, 58.0) for value, *_ in found)


_UNIT_COLUMN = """Sink leak, 8 Mill St. Attended 14/03/2026. Kitchen stone flags wet.
Moisture readings
Date | Point | Location | Material | Reading | Scale
14/03/2026 | 1 | Kitchen, flag by sink | stone flag | 95 | %RH
14/03/2026 | 2 | Kitchen, wall 300 mm | lime plaster | 31 | WME
"""


def test_a_unit_column_of_percent_rh_is_a_material_humidity() -> None:
    found = _found(_UNIT_COLUMN)
    assert (95.0, "%RH", "Kitchen", date(2026, 3, 14), False) in found
    assert (31.0, "WME", "Kitchen", date(2026, 3, 14), False) in found


_SCALE_COLUMN_PDF = """Roof drain leak, Lincoln Elementary, Tulsa OK 74104. Inspected January 12, 2026.
Rooms 112 and 114: VCT on slab, wet. Room 101 unaffected (dry standard).
5. MOISTURE READINGS
Point Location Material Scale 1/12 1/13 1/15
S1 Room 112 slab concrete slab %RH - 95 91
S2 Room 114 slab concrete slab %RH - 93 88
"""


def test_a_pdf_rows_percent_rh_scale_cell_is_the_slabs_not_the_airs() -> None:
    found = _found(_SCALE_COLUMN_PDF)
    assert (95.0, "%RH", "Room 112", date(2026, 1, 13), False) in found
    assert (88.0, "%RH", "Room 114", date(2026, 1, 15), False) in found


# A table of slab probes whose cells write no unit: the meter line gives the slab's scale as %RH
# ("in-situ RH probes ... (%RH)", "RH hoods, % RH"), the boards' as %MC; the air's RH is no scale.
_PROBE_TABLE = """Slab leak under the kitchen, 6 Banksia Ct, Bunbury WA 6230. Attended 17/03/26.
Kitchen and family room affected, jarrah boards on slab.
Meters: boards - pins on the jarrah setting (%MC). {slab_meter}
| Pt | Location | Material | 17/03 | 20/03 |
|---|---|---|---|---|
| T1 | Kitchen at the sink | Jarrah boards | 23 | 18 |
| S1 | Kitchen slab at the sink | Concrete slab | 95 | 92 |
| S2 | Family room slab | Concrete slab | 88 | 84 |
"""


def test_slab_probes_in_a_table_take_the_meter_lines_rh_scale() -> None:
    for slab_meter in (
        "Slab - in-situ RH probes in sleeves (%RH), read after 1 h.",
        "Slab: RH hoods sealed to the surface, readings in % RH.",
    ):
        found = _found(_PROBE_TABLE.format(slab_meter=slab_meter))
        units = {value: unit for value, unit, *_ in found}
        assert units[95.0] == units[84.0] == "%RH", slab_meter
        assert units[23.0] == "%MC", slab_meter


def test_the_air_rh_named_by_itself_is_no_scale_for_the_readings() -> None:
    found = _found(_PROBE_TABLE.format(slab_meter="Air in the kitchen 21 C, 58 %RH."))
    units = {value: unit for value, unit, *_ in found}
    assert units.get(23.0) == "%MC"
    assert "%RH" not in units.values()


_PROBES_BY_DAY = """Moisture report - 8 Wharf St, Launceston TAS 7250. Visits 03/11/2026 and 10/11/2026.
Mains leak under the slab; the warehouse floor and the brick walls of Bay 4 took it up.
Readings
Slab - in-situ RH probes in drilled holes, sleeves sealed a day before:
- P1 Bay 4 centre: 03/11 95 %RH; 10/11 90 %RH
- P2 Bay 4 by the roller door: 03/11 92 %RH; 10/11 87 %RH
Bricks - Protimeter in search mode, relative 0-999:
- B1 Bay 4 east wall @ 200 mm: 03/11 720, 10/11 560
"""


def test_probe_rows_giving_each_day_then_its_value_are_read_once_each_on_its_day() -> None:
    found = _found(_PROBES_BY_DAY)
    assert (95.0, "%RH", "Bay 4", date(2026, 11, 3), False) in found
    assert (87.0, "%RH", "Bay 4", date(2026, 11, 10), False) in found
    assert (720.0, "REL", "Bay 4", date(2026, 11, 3), False) in found
    assert (560.0, "REL", "Bay 4", date(2026, 11, 10), False) in found
    # (no undated copy of a probe's value from the probe reader)
    assert not any(taken_on is None for *_, taken_on, _ in found)
    assert len(found) == 6
