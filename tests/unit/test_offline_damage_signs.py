"""The damage type from the signs of water when no word names it: a moisture meter's readings, a
stained ceiling; never over a word that names another kind."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import DamageType


@pytest.mark.parametrize(
    "text",
    [
        "Visited 3 Dec 2026. Yellow staining across the lounge ceiling, about 1 m across, soft to touch.\n"
        "Source not found yet - upstairs neighbour away.\n",
        "Inspection notes 2/12/26\nTramex readings, ceiling plaster: 640, 510, 220 (reference 110).\n"
        "Cause unknown; need access to the flat above.\n",
    ],
)
def test_the_signs_of_water_give_the_damage_type_when_no_word_names_it(text: str) -> None:
    assert analyze_text(text).damage_type is DamageType.WATER


def test_a_fire_named_outright_is_not_taken_for_water_by_its_meter() -> None:
    # the near miss: a meter used on a fire job does not make it a water job
    text = "Kitchen fire 1 Dec 2026: soot on every wall. Protimeter on the cabinet base read 12.\n"
    assert analyze_text(text).damage_type is DamageType.FIRE_SMOKE
