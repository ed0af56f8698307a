"""A safety label answered "no" before its reason, and a door propped open, are no hazards."""

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
    "line",
    [
        "- Structural: no, the joists under the laundry are sound.\n",
        "Structural - no. Subfloor probed solid.\n",
        "Structural: nope - ceiling held, only stained.\n",
    ],
)
def test_a_structural_label_answered_no_before_its_reason_is_ruled_out(line: str) -> None:
    assert HazardKind.STRUCTURAL not in _hazards(line)


def test_a_structural_label_with_damage_stays_a_hazard() -> None:
    assert HazardKind.STRUCTURAL in _hazards("- Structural: yes, the laundry ceiling collapsed.\n")


@pytest.mark.parametrize(
    "line",
    [
        "The back door was propped open for the air movers overnight.\n",
        "They had propped the door open to let the smoke out.\n",
    ],
)
def test_a_door_propped_open_is_no_structural_hazard(line: str) -> None:
    assert HazardKind.STRUCTURAL not in _hazards(line)


def test_a_sagging_ceiling_propped_up_stays_structural() -> None:
    assert HazardKind.STRUCTURAL in _hazards(
        "Lounge ceiling sagging - propped with an acrow until it comes down.\n"
    )
