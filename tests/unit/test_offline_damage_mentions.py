"""Damage words that name no damage of this job: a restorer's name pairing two kinds of damage, a
sprinkler system's fire parts, a mould the writer did not see or only guessed at."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import DamageType


@pytest.mark.parametrize(
    "text",
    [
        # Given a restorer's heading that pairs two kinds of damage in its name
        "Harbourside Water & Fire - Site Sheet\nDishwasher hose split on 2 Dec 2026; kitchen vinyl wet.\n",
        "GOLDFIELDS FLOOD AND MOULD - DRYING RECORD\nLaundry tap burst overnight, hallway carpet soaked.\n",
    ],
)
def test_a_restorers_name_pairing_two_damages_names_neither(text: str) -> None:
    # When the notes are read / Then the job is the water loss the lines describe
    assert analyze_text(text).damage_type is DamageType.WATER


def test_fire_and_water_damage_written_as_the_jobs_damage_still_names_the_fire() -> None:
    # Given the job's own damages written as a pair (the near miss)
    text = "Fire and water damage to the rear bedroom after the heater caught the curtains.\n"
    # When read / Then the fire is named
    assert analyze_text(text).damage_type is DamageType.FIRE_SMOKE


@pytest.mark.parametrize(
    "text",
    [
        # Given a sprinkler loss that names the fire system's panel and its contractor
        "Sprinkler head knocked by a ladder in the gym store, 5 Dec 2026. The fire panel showed flow at 9:02;"
        " the fire contractor isolated the zone. Rubber matting wet.\n",
        "A frozen fire-line branch split over the loading bay; slab and pallets wet.\n",
    ],
)
def test_a_sprinkler_systems_fire_parts_make_no_fire_job(text: str) -> None:
    assert analyze_text(text).damage_type is DamageType.WATER


@pytest.mark.parametrize(
    "text",
    [
        # Given a mould the writer looked for and did not see
        "Brown ring on the study ceiling, soft plaster. Smells a bit damp but I couldn't spot any mould.\n",
        # Given a mould only guessed at against something else
        "Dark marks along the robe skirting could be mould or just scuffing - left alone. Carpet damp.\n",
        # Given a mould only asked about
        "Owner asked about mold; none visible. Washer hose leak, laundry floor wet.\n",
    ],
)
def test_a_mould_denied_or_guessed_at_is_no_mould_job(text: str) -> None:
    assert analyze_text(text).damage_type is DamageType.WATER


def test_a_mould_seen_is_still_the_mould_job() -> None:
    # Given mould the inspector saw (the near miss: no look denies it, no guess doubts it)
    text = "Black mould across the bathroom ceiling, about 1.5 m2, condensation from a dead exhaust fan.\n"
    assert analyze_text(text).damage_type is DamageType.MOULD
