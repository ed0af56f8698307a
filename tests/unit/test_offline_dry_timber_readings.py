"""Timber read at its normal level is named, not affected."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.dry_timber_readings import read_dry
from chalicelib.analysis.offline.material_words import material_words

pytestmark = pytest.mark.unit


def _read_dry(line: str, name: str) -> bool:
    word = next(word for word in material_words(line) if word.name == name)
    return read_dry(word.key, line, word.end)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Ensuite OSB 12. Lounge ceiling 40 to 55.", "osb"),
        ("robe particleboard (carpet corner lifted) 11 %MC; hall plaster 9", "particleboard"),
        ("Follow-up: west wall 10, subfloor 12%. Dry.", "subfloor"),
        ("plywood fridge 12, island 11", "plywood"),
        ("bottom plate 12 13 11", "bottom plate"),
    ],
)
def test_timber_read_at_a_normal_level_is_dry(line: str, name: str) -> None:
    assert _read_dry(line, name)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Ensuite OSB 17 and 13", "osb"),
        ("bottom plate 12 13 24", "bottom plate"),
        ("subfloor 11 REL", "subfloor"),
        ("skirting 12 mm off the slab", "skirting"),
        ("Remove skirting - 12 LF (study)", "skirting"),
        ("studs 12/11/26 wet", "studs"),
        ("subfloor wet 12", "subfloor"),
    ],
)
def test_a_wet_reading_a_size_or_another_scale_is_not_read_dry(line: str, name: str) -> None:
    assert not _read_dry(line, name)


def test_a_room_whose_timber_only_ever_read_dry_does_not_list_it() -> None:
    # Given a bathroom whose particleboard read wet and a hall whose particleboard read normal
    text = (
        "Bathroom: vinyl lifting at the pan, particleboard swollen.\n"
        "Hall: carpet wet for 2 m along the bathroom wall.\n"
        "Day 1 readings: bathroom particleboard 26 and 22. Hall particleboard 12."
    )
    areas = {area.room: [m.lower() for m in area.materials] for area in analyze_text(text).affected_areas}
    # Then only the bathroom lists it
    assert "particleboard" in areas["Bathroom"]
    assert "particleboard" not in areas["Hall"]
