"""The writer's own verdict clears a part they named: "no electrical concern" after it, a precaution
that found nothing, a check that found no water in the fitting, and a label answered last."""

from __future__ import annotations

import pytest

from chalicelib.analysis.findings import HazardKind
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.hazards import detect_hazards
from chalicelib.analysis.offline.text import prepare_lines
from chalicelib.analysis.standards import load_standards


def _hazards(text: str) -> set[HazardKind | None]:
    lines = prepare_lines(text)
    return {
        hazard.kind for hazard in detect_hazards(lines, None, load_standards(), Dates(lines, None).locale)
    }


@pytest.mark.parametrize(
    "text",
    [
        # the verdict later in the same sentence, past a semicolon
        "Laundry RCD tripped once and was reset - the socket sits 1.1 m up, dry; no electrical issue.\n",
        # the verdict in the very next sentence
        "Kitchen socket behind the fridge checked with its breaker switched off. No electrical hazard.\n",
        "Garage circuit isolated at the board while we pumped out the slab. No electrical concerns.\n",
    ],
)
def test_a_kind_verdict_after_the_part_clears_it(text: str) -> None:
    # Given a part of the installation named, then the writer's verdict on the electrical kind
    # When the hazards are read
    hazards = _hazards(text)
    # Then no electrical hazard is asserted
    assert HazardKind.ELECTRICAL not in hazards


def test_a_kind_verdict_before_the_part_does_not_clear_it() -> None:
    # Given a verdict about one room, then a circuit made safe in another
    text = (
        "Office: no electrical damage found. "
        "The sparky locked out the warehouse lighting circuit because water ran through the fittings.\n"
    )
    # When the hazards are read
    hazards = _hazards(text)
    # Then the later made-safe circuit stands
    assert HazardKind.ELECTRICAL in hazards


def test_a_verdict_two_sentences_on_is_not_about_the_part() -> None:
    # Given a tripped breaker, a sentence about something else, then a verdict
    text = "The dryer breaker tripped and the cord had scorched. Owner was away. No electrical issue now.\n"
    # When the hazards are read
    hazards = _hazards(text)
    # Then the tripped breaker stands: the verdict is too far on to be about it
    assert HazardKind.ELECTRICAL in hazards


@pytest.mark.parametrize(
    "text",
    [
        "Socket circuit in the study isolated as a precaution; no damage found.\n",
        "We switched off the power to the bar fridges as a precaution - no sign of damage.\n",
    ],
)
def test_a_precaution_that_found_nothing_is_no_hazard(text: str) -> None:
    # Given power cut as a precaution, and nothing found
    # When the hazards are read
    hazards = _hazards(text)
    # Then no electrical hazard is asserted
    assert HazardKind.ELECTRICAL not in hazards


def test_a_precaution_with_water_at_the_fitting_stays_a_hazard() -> None:
    # Given a precaution taken because water reached the fitting
    text = "Hall light isolated at the fuse box as a precaution because water dripped near the fitting.\n"
    # When the hazards are read
    hazards = _hazards(text)
    # Then the electrical hazard stands
    assert HazardKind.ELECTRICAL in hazards


@pytest.mark.parametrize(
    "text",
    [
        "The sparky had a look at the pendant in the hallway and said there was no water in it.\n",
        "Their electrician checked both lounge downlights and found there was no moisture inside them.\n",
    ],
)
def test_a_check_that_found_no_water_in_the_fitting_is_no_hazard(text: str) -> None:
    # Given an electrician's check that found the fitting dry
    # When the hazards are read
    hazards = _hazards(text)
    # Then no electrical hazard is asserted
    assert HazardKind.ELECTRICAL not in hazards


def test_a_check_that_found_water_in_the_fitting_stays_a_hazard() -> None:
    # Given an electrician's check that found water in the fitting
    text = "Their electrician checked the lounge downlight and said there was water in it, so it is off.\n"
    # When the hazards are read
    hazards = _hazards(text)
    # Then the electrical hazard stands
    assert HazardKind.ELECTRICAL in hazards


@pytest.mark.parametrize(
    "text",
    [
        "Asbestos: unit built 2004, none.\n",
        "Lead - trim repainted in 2015; nil\n",
    ],
)
def test_a_label_answered_last_rules_the_kind_out(text: str) -> None:
    # Given a hazard label whose value gives the reason first and the answer last
    # When the hazards are read
    hazards = _hazards(text)
    # Then neither kind is asserted
    assert not hazards & {HazardKind.ASBESTOS, HazardKind.LEAD}


def test_a_label_with_none_inside_its_value_is_not_answered() -> None:
    # Given a label whose "none" is about something else, with a finding after it
    text = "Asbestos: none on the register, but the eaves sheeting is fibro and was cut.\n"
    # When the hazards are read
    hazards = _hazards(text)
    # Then the asbestos hazard stands
    assert HazardKind.ASBESTOS in hazards
