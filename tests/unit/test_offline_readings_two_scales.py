"""A meter's two modes named together, each with its scale ("pins WME, search REL"): a value over
100 can only be on the relative one, whatever the surface; the small ones stay on the pins'."""

from __future__ import annotations

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_scales import Scales, wide_scale
from chalicelib.analysis.offline.scan_reading_scales import material_keys

_MODES = """Job: 9 Kowhai Rd, Timaru. Loss 04/06/26, visit 05/06/26.
wash house 2.2 x 1.6 - vinyl on particleboard, wet
passage - carpet wet about 2 m2

Readings (Protimeter - pins WME, search REL):
P1 wash house particleboard 41
P2 wash house GIB 700
P3 passage skirting 25
P4 passage GIB 380
"""


def test_values_over_a_hundred_go_to_the_relative_mode() -> None:
    found = sorted((r.value, r.unit) for r in analyze_text(_MODES).moisture_readings)
    assert found == [(25.0, "WME"), (41.0, "WME"), (380.0, "REL"), (700.0, "REL")]


def test_only_a_named_relative_scale_takes_the_big_values() -> None:
    both = Scales.read("pins WME, search REL", lambda _: [])
    assert both.general == "WME"
    assert wide_scale(520, "WME", both) == "REL"
    assert wide_scale(18, "WME", both) == "WME"
    pins = Scales.read("pins WME", lambda _: [])
    assert wide_scale(520, "WME", pins) == "WME"  # (no relative scale named: not a reading)


_NO_HEADING = """Job: 31 Rimu Tce, Oamaru
DOL Sun 07/06/26 - washing machine hose split overnight
Visit 1 Mon 08/06/26 - Mere

wash house 2.2 x 1.6 - vinyl on particleboard, all wet
passage - carpet wet about 2 m2 outside the wash house

meter Protimeter - pins WME, search REL
P1 wash house particleboard 41
P2 wash house GIB 700
P3 passage skirting 25

Wed 10/06: 27 / 420 / 18
"""


def test_a_map_of_coded_points_under_the_meter_line_needs_no_heading() -> None:
    found = [
        (r.value, r.unit, r.taken_on is not None and r.taken_on.day)
        for r in analyze_text(_NO_HEADING).moisture_readings
    ]
    assert (41.0, "WME", 8) in found
    assert (700.0, "REL", 8) in found
    assert (25.0, "WME", 8) in found
    # the next visit's values, by their day, in the order of the points
    assert (27.0, "WME", 10) in found
    assert (420.0, "REL", 10) in found
    assert (18.0, "WME", 10) in found
    assert len(found) == 6


def _keys(text: str) -> list[str]:
    from chalicelib.analysis.offline.readings import materials_in

    return [material.key for material in materials_in(text)]


def test_a_point_read_with_pins_takes_the_scale_the_notes_give_the_pins() -> None:
    # (the trade's default for pins is %MC; this job says its pins read WME)
    notes = "Meter: Protimeter, pins, WME.\nB2 bath floor particleboard, pins through vinyl"
    assert Scales.read(notes, _keys).for_material("particleboard") == "WME"


def test_pins_named_beside_another_modes_scale_keep_their_own_default() -> None:
    scales = Scales.read("Meter: Protimeter - search mode REL on plasterboard, pins on skirting.", _keys)
    assert scales.for_material("baseboard") == "%MC"
    assert scales.for_material("drywall") == "REL"


def test_a_meters_bare_digits_are_a_relative_scale() -> None:
    scales = Scales.read(
        "METER - Trotec T660 (digits, no scale) on GIB. Delmhorst pins on the plywood (%MC).", material_keys
    )
    assert scales.general == "REL"  # (on the linings, which name no material the scales know)
    assert scales.for_material("plywood") == "%MC"
    # (a meter line naming neither leaves the scale unsaid)
    assert Scales.read("METER - Trotec T660 on the walls.", material_keys).general is None


_DIGITS = """Job: 9 Kowhai Rd, Timaru. Loss 04/06/26, visit 05/06/26.
Shop floor: GIB wet behind the counter.
Meters - Trotec T660 (digits, no scale) on GIB. Delmhorst pins on ply (%MC).
READINGS
Pt   where                        05/06   06/06
P1   shop floor GIB behind counter  135     88
P2   shop floor ply at counter (%MC)  27     19
"""


def test_gib_rows_on_a_digits_meter_read_past_a_hundred() -> None:
    found = sorted((r.value, r.unit) for r in analyze_text(_DIGITS).moisture_readings)
    assert (135.0, "REL") in found
    assert (88.0, "REL") in found
    assert (27.0, "%MC") in found


_PINS_SAID = """Job: cellar flood, 12 Mill Lane, Leeds LS6 2AB. Attended 10/11/2026.
Cellar: brick walls and the slab wet to 1 m.
Meter: Protimeter Surveymaster. Pins = WME, search = relative.
| Pt | Where | Mode | 10/11 |
|---|---|---|---|
| W1 | cellar, party wall brick 150 mm | pins | 46 |
| F1 | cellar, floor centre | search | 880 |
"""


def test_a_rows_pins_read_on_the_scale_the_job_says_its_pins_read() -> None:
    found = sorted((r.value, r.unit) for r in analyze_text(_PINS_SAID).moisture_readings)
    assert found == [(46.0, "WME"), (880.0, "REL")]


def test_pins_with_no_stated_scale_read_the_trades_default() -> None:
    notes = _PINS_SAID.replace("Pins = WME, search = relative.", "Search mode is relative.")
    found = sorted((r.value, r.unit) for r in analyze_text(notes).moisture_readings)
    assert (46.0, "%MC") in found


# --- a wood equivalent is WME, and a scale written out beats one a meter's mode implies ----------

import pytest  # noqa: E402

from chalicelib.analysis.offline.reading_scales import declared_scale  # noqa: E402


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The numbers are "%MC wood equivalent" as he called them:', "WME"),
        ("He said the figures are wood moisture equivalent.", "WME"),
        ("values in wood-equivalent, list below", "WME"),
        ("Readings in %MC:", "%MC"),  # (plain %MC stays %MC)
        ("He used a wooden ladder to reach the equivalent spot", None),  # (no scale)
    ],
)
def test_a_wood_equivalent_is_declared_as_wme(text: str, expected: str | None) -> None:
    assert declared_scale(text) == expected


_HOMEOWNER = """From: Rua Tane
Subject: leak at 4 Totara St, Nelson 7010, New Zealand
The pipe under the bathroom basin burst on Wed 10/06/26. The bathroom and passage carpet were wet.
The drying man checked the walls with a pin meter every visit.
His sheet (he says the numbers are "wood moisture equivalent"):
Thu 11/06: passage wall 31, bathroom wall 27
Sun 14/06: passage wall 19, bathroom wall 16
"""

_NEAR_MISS = """From: Rua Tane
Subject: leak at 4 Totara St, Nelson 7010, New Zealand
The pipe under the bathroom basin burst on Wed 10/06/26. The bathroom and passage carpet were wet.
The drying man checked the walls with a pin meter every visit.
Thu 11/06: passage wall 31, bathroom wall 27
"""


def test_a_sheet_said_to_be_a_wood_equivalent_reads_wme_over_the_pin_meter() -> None:
    found = {(r.value, r.unit) for r in analyze_text(_HOMEOWNER).moisture_readings}
    assert {(31.0, "WME"), (27.0, "WME"), (19.0, "WME"), (16.0, "WME")} <= found


def test_a_pin_meter_named_alone_still_reads_its_own_scale() -> None:
    found = {r.unit for r in analyze_text(_NEAR_MISS).moisture_readings}
    assert "WME" not in found
