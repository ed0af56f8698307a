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
