"""Hazards told by what was done about them: a part kept off until an electrician has seen it, a
board named after the socket's own switch, a ceiling called a collapse risk, a crawl that takes a
spotter; and the words that only look like them (hose water on a floor, a clearance that is fine)."""

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
    return {
        hazard.kind for hazard in detect_hazards(lines, None, load_standards(), Dates(lines, None).locale)
    }


@pytest.mark.parametrize(
    "line",
    [
        # the part and its verb far apart, across a list of what else was kept off
        "The two floor sockets and the coffee machine behind the bar were isolated until our"
        " electrician tested them.\n",
        "Three twin outlets along the garage wall sat below the flood mark and have been switched off"
        " pending the electrician's inspection.\n",
        "Bathroom extractor disconnected awaiting a licensed electrician.\n",
    ],
)
def test_a_part_kept_off_until_an_electrician_has_seen_it_is_electrical(line: str) -> None:
    # Given a line that keeps a part off until an electrician sees it
    # When the hazards are read
    # Then it is the electrical hazard
    assert HazardKind.ELECTRICAL in _hazards(line)


def test_a_fix_that_an_electrician_later_found_safe_still_flags_the_hazard() -> None:
    # Given a socket that had been in the water, its circuit isolated until a check found it safe
    line = (
        "The socket beside the washer had been under water; the circuit was isolated until an"
        " electrician confirmed it safe.\n"
    )
    # When the hazards are read
    # Then the all-clear reports how the fix went: the hazard was there
    assert HazardKind.ELECTRICAL in _hazards(line)


@pytest.mark.parametrize(
    "line",
    [
        # near misses: the water kept off until a plumber, and a check with nothing to fix
        "Hot water isolated at the tap until the plumber came back on Tuesday.\n",
        "The electrician checked the laundry circuit and it is safe.\n",
    ],
)
def test_water_kept_off_or_a_clean_check_is_no_electrical_hazard(line: str) -> None:
    # Given water shut off for a plumber, or a check that found the circuit fine
    # When the hazards are read
    # Then there is no electrical hazard
    assert HazardKind.ELECTRICAL not in _hazards(line)


@pytest.mark.parametrize(
    "line",
    [
        "Kettle lead was sitting in the puddle - switched off at the socket and at the switchboard.\n",
        "Heater plugged in under the leak, so we turned it off at the wall & the board.\n",
    ],
)
def test_a_part_turned_off_at_the_wall_and_the_board_is_electrical(line: str) -> None:
    # Given a part switched off at its socket and then at the board
    # When the hazards are read
    # Then it is the electrical hazard
    assert HazardKind.ELECTRICAL in _hazards(line)


def test_a_unit_turned_off_at_the_wall_alone_is_no_electrical_hazard() -> None:
    # Given a drying unit switched off at the wall for the night (no board, nothing wet)
    line = "Dehumidifier turned off at the wall overnight because of the noise.\n"
    # When the hazards are read
    # Then there is no electrical hazard
    assert HazardKind.ELECTRICAL not in _hazards(line)


@pytest.mark.parametrize(
    "line",
    [
        "The swollen lounge ceiling was a collapse risk until we drained it.\n",
        "Plaster over the stairwell holding water - risk of collapse, nobody under it.\n",
    ],
)
def test_a_ceiling_called_a_collapse_risk_is_structural(line: str) -> None:
    # Given a ceiling the writer calls a collapse risk
    # When the hazards are read
    # Then it is the structural hazard
    assert HazardKind.STRUCTURAL in _hazards(line)


def test_no_collapse_risk_is_no_structural_hazard() -> None:
    # Given a ceiling probed and found no risk
    line = "Bedroom ceiling probed from the roof space: no collapse risk.\n"
    # When the hazards are read
    # Then there is no structural hazard
    assert HazardKind.STRUCTURAL not in _hazards(line)


@pytest.mark.parametrize(
    "line",
    [
        "Crawlspace clearance is under 20 in. near the laundry - tight, elbow pads and a spotter.\n",
        "Crawl under the bathroom is about 16 in., cramped; we kept a spotter at the hatch.\n",
    ],
)
def test_a_crawl_that_takes_a_spotter_or_is_tight_is_another_hazard(line: str) -> None:
    # Given a crawl whose clearance the writer says is tight, worked with a spotter
    # When the hazards are read
    # Then it is a hazard of no listed kind
    assert HazardKind.OTHER in _hazards(line)


def test_a_crawl_clearance_that_is_fine_is_no_hazard() -> None:
    # Given a crawl clearance that is merely measured
    line = "Crawlspace clearance 36 in. at the hatch, dry and easy to move around.\n"
    # When the hazards are read
    # Then there is no other hazard
    assert HazardKind.OTHER not in _hazards(line)


def test_hose_water_covering_a_floor_is_no_trip_hazard() -> None:
    # Given the fire crew's hose water described on a floor (no hose laid anywhere)
    line = "Hose water covered the whole kitchen floor (tiles on slab).\n"
    # When the hazards are read
    # Then no hose is taken as taped or covered
    assert HazardKind.SLIP_TRIP not in _hazards(line)


def test_hoses_taped_down_are_still_a_trip_hazard() -> None:
    # Given a drying system's hoses taped down across a hall
    line = "Vacuum hoses taped down across the hall doorways.\n"
    # When the hazards are read
    # Then it is the slip/trip hazard
    assert HazardKind.SLIP_TRIP in _hazards(line)


@pytest.mark.parametrize(
    "line",
    [
        "Hazards: water through the hall light - circuit off. The hall ceiling sagged near the"
        " fitting and was cut out on 4/6.\n",
        "Safety: lounge ceiling sag - room kept closed until it was removed.\n",
    ],
)
def test_a_sagging_ceiling_on_a_hazards_line_is_structural(line: str) -> None:
    # Given a sagging ceiling the writer lists on a hazards line
    # When the hazards are read
    # Then it is the structural hazard
    assert HazardKind.STRUCTURAL in _hazards(line)


def test_a_sagging_ceiling_in_the_room_notes_alone_is_no_structural_hazard() -> None:
    # Given a wet ceiling described in a room's notes, with nothing done or feared about it
    line = "Hall: ceiling plasterboard stained and sagging slightly over 3 m2.\n"
    # When the hazards are read
    # Then there is no structural hazard
    assert HazardKind.STRUCTURAL not in _hazards(line)


@pytest.mark.parametrize(
    "line",
    [
        "Drain camera by the plumber (Sewage Masters Drainage & Gas) found a root in the stormwater line.\n",
        "Blackwater Plumbers Pty Ltd replaced the flexi hose on Monday.\n",
    ],
)
def test_a_hazard_word_that_opens_a_firms_name_is_no_hazard(line: str) -> None:
    # Given a firm whose name starts with a hazard's word
    # When the hazards are read
    # Then the name raises no biohazard
    assert HazardKind.BIOHAZARD not in _hazards(line)


def test_black_water_in_the_writers_own_words_is_still_a_biohazard() -> None:
    # Given the water itself called black water, lower case, beside a plumber's name
    line = "Black water from the blocked sewer backed up into the laundry; the plumber cleared it.\n"
    # When the hazards are read
    # Then it is the biohazard
    assert HazardKind.BIOHAZARD in _hazards(line)


@pytest.mark.parametrize(
    "line",
    [
        "The HEPA unit ran only while the kitchen ceiling sheets came down.\n",
        "Masks on as the wet bathroom ceiling boards came down.\n",
    ],
)
def test_a_ceiling_that_came_down_while_work_ran_is_the_demolition(line: str) -> None:
    # Given a ceiling taken down, told as the time something else was done
    # When the hazards are read
    # Then it is no collapse
    assert HazardKind.STRUCTURAL not in _hazards(line)


def test_a_ceiling_that_came_down_on_its_own_is_structural() -> None:
    # Given a ceiling that came down overnight
    line = "The laundry ceiling came down overnight under the weight of the water.\n"
    # When the hazards are read
    # Then it is the structural hazard
    assert HazardKind.STRUCTURAL in _hazards(line)


@pytest.mark.parametrize(
    "line",
    [
        "Charred battery remains and the soot around them are corrosive - bagged for disposal.\n",
        "Greasy soot film - nitrile gloves and P2 masks for the clean.\n",
    ],
)
def test_soot_called_corrosive_or_worked_in_masks_is_another_hazard(line: str) -> None:
    # Given a fire's soot or remains the writer calls corrosive, or masks up against
    # When the hazards are read
    # Then it is a hazard of no listed kind
    assert HazardKind.OTHER in _hazards(line)


def test_soot_merely_described_is_no_hazard() -> None:
    # Given soot described on a ceiling, nothing said of its danger
    line = "Light soot film on the lounge ceiling - dry sponge then wash.\n"
    # When the hazards are read
    # Then there is no other hazard
    assert HazardKind.OTHER not in _hazards(line)
