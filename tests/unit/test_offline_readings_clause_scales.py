"""A heading that gives each clause one scale for several materials ("WME on timber and skirting,
search mode on plasterboard and slab") gives every material of a clause that clause's scale, so a
slab's "720" is on the relative scale and a skirting's "33" on WME."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_scales import Scales
from chalicelib.analysis.offline.scan_reading_scales import material_keys


def test_each_clause_gives_its_one_scale_to_every_material_it_names() -> None:
    # Given a heading of two clauses, each one scale for two materials
    heading = "Moisture (Tramex ME5: %MC on framing and baseboard, relative scale on drywall and concrete):"
    # When its scales are read
    scales = Scales.read(heading, material_keys)
    # Then each material takes its own clause's scale
    assert scales.by_material == {"framing": "%MC", "baseboard": "%MC", "drywall": "REL", "concrete": "REL"}


def test_clause_scales_in_another_wording() -> None:
    # Given the clauses parted by a dash and the scales written another way
    scales = Scales.read(
        "Readings - WME on plasterboard and skirting - search mode on slab and tiles", material_keys
    )
    # Then the slab and the tiles are on the relative scale, the linings on WME
    assert scales.by_material["concrete"] == "REL"
    assert scales.by_material["tile"] == "REL"
    assert scales.by_material["drywall"] == "WME"
    assert scales.by_material["baseboard"] == "WME"


def test_a_clause_naming_two_scales_is_not_one_clause_scale() -> None:
    # Given one clause that names two scales ("WME and %MC") beside one with one
    scales = Scales.read("Meter: WME and %MC on framing and baseboard, search mode on slab", material_keys)
    # When its scales are read
    # Then the clauses are not split: the sentence is read whole, one scale for all its materials
    assert len(set(scales.by_material.values())) == 1
    assert scales.by_material.get("concrete") != "REL"


_KITCHEN_FIRE = (
    "Fire and water write-up - 12 Banksia Dr, Kalgoorlie WA\n"
    "Fire Sun 6/12/2026 in the kitchen; the brigade's hose water ran into the dining room.\n"
    "Assessment Tue 8/12/2026. The study was untouched and is the dry standard.\n"
    "Kitchen floor (vinyl on slab) and the dining room carpet wet.\n"
    "\n"
    "Moisture (GE Surveymaster: WME on skirting and architrave, search mode on plasterboard and slab),"
    " 8/12:\n"
    "- kitchen slab 760, kitchen skirting 31, kitchen plasterboard low 380\n"
    "- dining room slab 590, dining room skirting 27\n"
)


def test_a_heading_of_clause_scales_lets_the_big_values_be_read() -> None:
    # Given readings over a hundred on the materials a clause puts on the relative scale
    # When the notes are read
    found = {(r.value, r.unit, r.location, r.taken_on) for r in analyze_text(_KITCHEN_FIRE).moisture_readings}
    # Then they are read on that scale, and the skirtings on WME
    assert {
        (760.0, "REL", "Kitchen", date(2026, 12, 8)),
        (380.0, "REL", "Kitchen", date(2026, 12, 8)),
        (31.0, "WME", "Kitchen", date(2026, 12, 8)),
        (590.0, "REL", "Dining room", date(2026, 12, 8)),
        (27.0, "WME", "Dining room", date(2026, 12, 8)),
    } <= found


def test_a_clause_of_pins_and_their_scale_is_one_scale_() -> None:
    # Given "WME pins on ..." (the pins read WME: one scale) beside "search mode on plasterboard"
    scales = Scales.read(
        "Kauri's log (Protimeter: WME pins on plywood and framing, search mode on plasterboard).",
        material_keys,
    )
    # When its scales are read
    # Then the wood takes WME and the plasterboard the relative scale
    assert scales.by_material["plywood"] == "WME"
    assert scales.by_material["framing"] == "WME"
    assert scales.by_material["drywall"] == "REL"


_ADJUSTER = (
    "FILE NOTE - loss adjuster, 7 Totara Pl, Hamilton 3200\n"
    "Date of my visit: 12/03/26\n"
    "Rooms. Bathroom (upstairs) tiles on plywood, floor wet."
    " Hallway below: plasterboard ceiling wet over 3 m2.\n"
    "Readings from the contractor (Trotec: WME pins on plywood and framing, search mode on plasterboard)."
    " Bathroom plywood floor 29 WME on 10/03, 21 on 12/03. Hallway ceiling 690 on 10/03, 310 on 12/03.\n"
)


def test_a_ceiling_read_past_a_hundred_takes_the_relative_scale_the_notes_name() -> None:
    # Given prose readings of a ceiling past 100 where the notes put plasterboard on search mode
    found = {(r.value, r.unit, r.location) for r in analyze_text(_ADJUSTER).moisture_readings}
    # Then they are read on the relative scale, and the plywood stays on WME
    assert {(690.0, "REL", "Hallway"), (310.0, "REL", "Hallway"), (29.0, "WME", "Bathroom")} <= found
