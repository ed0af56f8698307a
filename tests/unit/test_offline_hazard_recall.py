"""Hazards written in words beyond hazards.py's own patterns (hazard_recall.py), each kind on its own."""

from __future__ import annotations

import pytest

from chalicelib.analysis.findings import HazardKind
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.hazards import detect_hazards
from chalicelib.analysis.offline.text import prepare_lines
from chalicelib.analysis.standards import load_standards


def _hazards(text: str) -> set[HazardKind | None]:
    lines = prepare_lines(text)
    dates = Dates(lines, None)
    return {hazard.kind for hazard in detect_hazards(lines, None, load_standards(), dates.locale)}


@pytest.mark.parametrize(
    "line",
    [
        "Bathroom lighting and hall isolated at the DB until the sparky has been.\n",
        "Pendant over the stain - told the tenant to leave it, isolated at the MCB.\n",
        "The sub-panel by the back door was wet; utility pulled the meter.\n",
        "Board checked by the electrician before re-energising the ground floor.\n",
        "Hall downlight is right in the wet patch - owner says it flickered last night.\n",
    ],
)
def test_a_circuit_isolated_at_its_board_or_a_panel_that_was_hit_is_electrical(line: str) -> None:
    # Given a note saying what was done at the board, or what befell the panel or a fitting
    # When its hazards are read
    # Then an electrical hazard is flagged
    assert HazardKind.ELECTRICAL in _hazards(line)


def test_an_electrical_label_whose_value_clears_it_stays_ruled_out() -> None:
    # Given a labelled electrical line saying no water reached the outlets, and a panel named dry
    text = "- Electrical: dryers run off the main panel; no water reached any outlets.\n"
    # Then no electrical hazard is flagged
    assert HazardKind.ELECTRICAL not in _hazards(text)


@pytest.mark.parametrize(
    "line",
    [
        "Safety: wet vinyl in the salon - signs and mats down, staff kept out.\n",
        "Wet slab in the loading bay - cones and a spotter while the forklift ran.\n",
        "Hazards: slip on the polished concrete (coned off), noise from the dryers.\n",
        "Hazards: electrical (GPO by the sink), slip (wet epoxy), hot ovens.\n",
    ],
)
def test_a_wet_floor_people_were_kept_off_or_a_listed_slip_is_a_slip_hazard(line: str) -> None:
    assert HazardKind.SLIP_TRIP in _hazards(line)


@pytest.mark.parametrize(
    "line",
    [
        "The slip joint under the basin was loose.\n",
        "Wet slab in the garage, fans running overnight.\n",
    ],
)
def test_a_slip_joint_or_a_wet_floor_alone_is_no_slip_hazard(line: str) -> None:
    assert HazardKind.SLIP_TRIP not in _hazards(line)


def test_charred_framing_is_a_structural_hazard() -> None:
    # Given a fire note naming a charred ceiling joist
    text = "Kitchen: charred ceiling joist over the stove, builder to assess.\n"
    # Then a structural hazard is flagged
    assert HazardKind.STRUCTURAL in _hazards(text)


@pytest.mark.parametrize(
    "line",
    [
        "Hazards: grinding the old screed raises silica dust - P3 masks and extraction.\n",
        "Subfloor clearance is 400 mm under the laundry: confined space entry, two-person rule.\n",
        "Roof space has no walk boards over the lounge; fall-through risk between the joists.\n",
        "A brown snake was under the hot water unit; the catcher took it before we started.\n",
        "Ash in the hall is dry and loose, so N95 masks for anyone going in.\n",
    ],
)
def test_silica_a_confined_space_fall_through_a_snake_or_masked_dry_soot_is_another_hazard(line: str) -> None:
    assert HazardKind.OTHER in _hazards(line)


@pytest.mark.parametrize(
    "line",
    [
        "Plumber ran a drain snake through the floor waste and cleared the blockage.\n",
        "Sewage in the basement - P100 respirators and Tyvek for the strip-out.\n",
    ],
)
def test_a_drain_snake_or_masks_worn_for_sewage_is_no_other_hazard(line: str) -> None:
    assert HazardKind.OTHER not in _hazards(line)


@pytest.mark.parametrize(
    "line",
    [
        "Category 3 water from the first hour, so the crew wore full PPE for the strip-out.\n",
        "Grey water under the units: gloves and P2 masks while lifting the vinyl.\n",
        "Rat droppings along the subfloor bearers - bagged with the insulation.\n",
    ],
)
def test_contaminated_water_worked_in_ppe_or_vermin_droppings_are_a_biohazard(line: str) -> None:
    assert HazardKind.BIOHAZARD in _hazards(f"Site: 4 Gum St, Dubbo NSW 2830\n{line}")


def test_water_only_treated_with_precautions_or_a_birds_droppings_are_no_biohazard() -> None:
    text = (
        "Site: 4 Gum St, Dubbo NSW 2830\n"
        "Hose water from the brigade handled with Category 3 precautions (gloves).\n"
        "The box gutter outlet was packed with leaves and bird droppings.\n"
    )
    assert HazardKind.BIOHAZARD not in _hazards(text)


def test_black_spotting_on_a_lining_is_mould() -> None:
    text = "Site: 4 Gum St, Dubbo NSW 2830\nThe vanity kickboard had black spotting along its edge.\n"
    assert HazardKind.MOULD in _hazards(text)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (
            "- The pool pump controller sat in water; isolated and checked by the sparky (electrical).\n",
            HazardKind.ELECTRICAL,
        ),
        ("- Two purlins over the bay are blackened through (structural).\n", HazardKind.STRUCTURAL),
        ("- Polished concrete at the entry stays damp after mopping (slip).\n", HazardKind.SLIP_TRIP),
    ],
)
def test_the_writers_own_bracketed_tag_names_the_kind(line: str, kind: HazardKind) -> None:
    assert kind in _hazards(line)


def test_a_bracketed_trade_is_no_kind_tag() -> None:
    assert HazardKind.ELECTRICAL not in _hazards("- Move the bathroom fan to its own switch (electrician).\n")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # the one part as well as many, and a circuit made safe at the panel
        ("Water pooled in the floor box by the reception desk; sparky replaced it.\n", HazardKind.ELECTRICAL),
        ("Dryers 3-6 tagged out at the panel until the electrician has looked.\n", HazardKind.ELECTRICAL),
        ("Cylinder isolator switched off and taped, no power to it until checked.\n", HazardKind.ELECTRICAL),
        # a floor slippery in other words
        ("The sealed slab with mud on it was like glass - coned the doorway.\n", HazardKind.SLIP_TRIP),
        ("Laminate greasy underfoot where the fryer oil spread.\n", HazardKind.SLIP_TRIP),
        # the gas supply shut, however the words run
        ("Gas to the cooktop was isolated by the plumber before we started.\n", HazardKind.GAS),
        ("Gas valve closed by the owner; boiler cold.\n", HazardKind.GAS),
        # paint named lead-painted
        ("Window sashes are lead painted (1920s) - wet-wipe only, no sanding.\n", HazardKind.LEAD),
        # a frame member first, then what the fire did to it
        (
            "Three rafters above the kitchen charred through the top edge - engineer to see.\n",
            HazardKind.STRUCTURAL,
        ),
        # a crawl too tight to work in freely
        ("Subfloor access 400 mm clearance - low clearance, one person in at a time.\n", HazardKind.OTHER),
        ("Cramped crawl space under the laundry, radios on at all times.\n", HazardKind.OTHER),
        # burnt plastics' soot worn masks against
        ("Smoke from melted PVC conduit in the roof - P2 masks for everyone.\n", HazardKind.OTHER),
    ],
)
def test_hazards_told_in_other_words_are_read(line: str, kind: HazardKind) -> None:
    assert kind in _hazards(line)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # near misses: a gas appliance named, a frame the sentence denies, a crawlspace merely named,
        # a floor denied slick, a panel that is a wall's
        ("Gas water heater in the garage, base dry.\n", HazardKind.GAS),
        ("Checked from the loft: the joists are not charred anywhere.\n", HazardKind.STRUCTURAL),
        ("Crawl space under the kitchen, poly damp near the sink.\n", HazardKind.OTHER),
        ("The tiles were dry and not slick by the second visit.\n", HazardKind.SLIP_TRIP),
        ("Wall panels wet along the hall, 300 mm up.\n", HazardKind.ELECTRICAL),
    ],
)
def test_near_misses_of_those_hazards_are_not_read(line: str, kind: HazardKind) -> None:
    assert kind not in _hazards(line)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # a surface mark on sound framing, and a charred thing joined to a member by "and"
        ("Wall studs behind the range scorched but sound when probed.\n", HazardKind.STRUCTURAL),
        ("The flue collar is charred and one rafter near it was checked, sound.\n", HazardKind.STRUCTURAL),
        # a gas shut-off the same sentence clears
        ("Gas to the cooktop turned off by the fitter; no gas odour at any point.\n", HazardKind.GAS),
    ],
)
def test_shut_offs_and_marks_the_sentence_clears_are_not_hazards(line: str, kind: HazardKind) -> None:
    assert kind not in _hazards(line)
