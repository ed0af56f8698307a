"""Hazards told the way field notes and consultants' lists tell them: a part made safe and then found
sound, an electrician called to the installation, a hazards list naming mould, a suspended grid giving
way, gas isolated, burnt plastics people wear PPE against, and a sentence a PDF wrapped."""

from __future__ import annotations

import pytest

from chalicelib.analysis.findings import HazardKind
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.hazards import detect_hazards
from chalicelib.analysis.offline.text import prepare_lines
from chalicelib.analysis.standards import load_standards

pytestmark = pytest.mark.unit


def _hazards(text: str) -> set[HazardKind | None]:
    lines = prepare_lines(text)
    dates = Dates(lines, None)
    return {hazard.kind for hazard in detect_hazards(lines, None, load_standards(), dates.locale)}


@pytest.mark.parametrize(
    "line",
    [
        "Three power points behind the bar were submerged: isolated by the sparky 04/03, checked OK 06/03.\n",
        "Safety - the garage sockets were under water: switched off at the board, retested fine on Monday.\n",
    ],
)
def test_a_part_made_safe_and_then_found_ok_was_the_hazard(line: str) -> None:
    # Given a wet electrical part that someone isolated before it was found "OK"
    # When its hazards are read
    # Then the OK is how the fix went: an electrical hazard is flagged
    assert HazardKind.ELECTRICAL in _hazards(line)


def test_a_part_checked_and_found_ok_with_nothing_done_is_no_hazard() -> None:
    # Given a part checked and found OK, with no isolation or repair before the verdict
    text = "The kitchen sockets were checked by the electrician - OK.\n"
    # Then no electrical hazard is flagged
    assert HazardKind.ELECTRICAL not in _hazards(text)


@pytest.mark.parametrize(
    "line",
    [
        "Old cloth-sheathed wiring in the cellar, not ours to touch; electrician to assess next week.\n",
        "Washers were unplugged by the owner and the electrician (called Tuesday) cleared the outlets.\n",
        "Tenant's electrician has checked the floor boxes on level 2.\n",
    ],
)
def test_an_electrician_called_to_the_installation_is_electrical(line: str) -> None:
    # Given notes saying an electrician is to assess, or checked or cleared, part of the installation
    # Then an electrical hazard is flagged
    assert HazardKind.ELECTRICAL in _hazards(line)


@pytest.mark.parametrize(
    "line",
    [
        "Electrician to duct the bathroom fan out through the soffit.\n",
        "The electrician checked the lounge circuits on 12/05 - no electrical issue found.\n",
        "Electrician checked the floor boxes - dry.\n",
    ],
)
def test_an_electrician_at_other_work_or_finding_nothing_is_no_hazard(line: str) -> None:
    # Given an electrician doing other work, or a check that found nothing wrong
    # Then no electrical hazard is flagged
    assert HazardKind.ELECTRICAL not in _hazards(line)


@pytest.mark.parametrize(
    "line",
    [
        "Hazards: mould (spotting behind the wardrobe in bed 2).\n",
        "Risks: trip on the hoses, mould, dust.\n",
    ],
)
def test_mould_listed_among_the_hazards_is_mould(line: str) -> None:
    assert HazardKind.MOULD in _hazards(line)


def test_a_hazards_list_ruling_mould_out_is_no_mould() -> None:
    # Given a hazards line that says there is no mould
    text = "Hazards: no mould, slip on the wet tiles (coned off).\n"
    # Then mould is not flagged
    assert HazardKind.MOULD not in _hazards(text)


@pytest.mark.parametrize(
    "line",
    [
        "Suspended grid bowing over the reception desk - taped off.\n",
        "- The ceiling grid in the lunch room sagged at the main tee; we took it down.\n",
    ],
)
def test_a_suspended_ceiling_grid_giving_way_is_structural(line: str) -> None:
    assert HazardKind.STRUCTURAL in _hazards(line)


@pytest.mark.parametrize(
    "line",
    [
        "Ceiling tiles soaked and sagging in the grid over the front counter.\n",
        "Ceiling grid is not sagging; two tiles stained.\n",
        "Insulation between the two joists sagging and wet; joists sound.\n",
        "Rafters above the hob charred, not structurally compromised.\n",
    ],
)
def test_tiles_batts_or_a_member_judged_sound_are_not_structural(line: str) -> None:
    # Given wet tiles in a grid, batts sagging between joists, or a member the writer judged sound
    # Then no structural hazard is flagged
    assert HazardKind.STRUCTURAL not in _hazards(line)


@pytest.mark.parametrize(
    "line",
    [
        "Gas isolated at the meter by the fire crew on the night.\n",
        "Hob: gas capped off at the bayonet by our plumber.\n",
    ],
)
def test_gas_isolated_or_capped_is_gas(line: str) -> None:
    assert HazardKind.GAS in _hazards(line)


def test_gas_isolated_with_no_leak_is_no_gas_hazard() -> None:
    text = "Gas isolated at the meter as a precaution; no gas smell anywhere.\n"
    assert HazardKind.GAS not in _hazards(text)


@pytest.mark.parametrize(
    "line",
    [
        "- Melted plastic soot over the laundry benches - crew in PPE.\n",
        "Burnt PVC residue on the shelving, P2 masks on.\n",
    ],
)
def test_burnt_plastics_residue_worn_against_is_other(line: str) -> None:
    assert HazardKind.OTHER in _hazards(line)


def test_a_hose_an_insurer_does_not_cover_is_no_trip() -> None:
    # Given an insurer's note that a hose repair is not covered
    text = "Plumber's bill for the new washer hose - not covered, wear and tear.\n"
    # Then no slip or trip hazard is flagged
    assert HazardKind.SLIP_TRIP not in _hazards(text)


def test_a_sentence_a_pdf_wrapped_is_read_whole() -> None:
    # Given a sentence broken after "the electrician", its verb on the next line in brackets
    text = "Staff pulled the plugs on the chillers and the electrician\n(booked 3/4) cleared the sockets.\n"
    # Then the electrical hazard is read from the two lines together
    assert HazardKind.ELECTRICAL in _hazards(text)
    # and a wrap whose next line opens a new sentence is not joined
    assert HazardKind.ELECTRICAL not in _hazards("The electrician\nChecked nothing here. Sockets fine.\n")
