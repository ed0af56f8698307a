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


@pytest.mark.parametrize(
    "text",
    [
        # a sprinkler job whose fire contractor is named for fire
        "A forklift struck a sprinkler head in aisle 4. Ridgeline Fire Protection isolated the valve.\n"
        "Warehouse slab wet across 200 m2.\n",
        "Sprinkler pipe split in the ceiling void. QFS Fire drained the system; office carpet wet.\n",
    ],
)
def test_a_firm_named_for_fire_makes_no_fire_job(text: str) -> None:
    assert analyze_text(text).damage_type is DamageType.WATER


def test_a_fire_in_a_heading_still_names_the_fire() -> None:
    # the near miss: a title-case heading that names the fire itself
    text = "Kitchen Fire at 9 Elm St\nKitchen cabinets charred, soot across the ceiling.\n"
    assert analyze_text(text).damage_type is DamageType.FIRE_SMOKE


@pytest.mark.parametrize(
    "text",
    [
        # a water loss the writer grades, with mould found on the way
        "Burst flexi under the vanity. Cat 1, Class 2 - carpet and underlay wet in bed 2.\n"
        "Pulled skirting: some mould on the back of it, bagged.\n",
        "Dishwasher leak - category 2. Mould spots on the cabinet kick, wiped and treated.\n",
    ],
)
def test_mould_found_while_drying_a_graded_water_loss_keeps_it_a_water_loss(text: str) -> None:
    assert analyze_text(text).damage_type is DamageType.WATER


def test_a_mould_survey_quoting_the_insurer_s_water_grade_stays_a_mould_job() -> None:
    # the near miss: the grade is someone else's, in quotes
    text = (
        'The referral describes the claim as "escape of water - Category 1". Black mould across the'
        " bedroom ceiling and the wardrobe back wall.\n"
    )
    assert analyze_text(text).damage_type is DamageType.MOULD


@pytest.mark.parametrize("answer", ["nothing seen", "nothing found", "nothing visible"])
def test_a_mould_item_answered_nothing_seen_is_no_mould(answer: str) -> None:
    text = f"Water on the laundry floor, skirting damp.\n- mould: {answer} behind the washer.\n"
    assert analyze_text(text).damage_type is DamageType.WATER
