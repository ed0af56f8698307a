"""The class the described damage points to (chalicelib/analysis/offline/class_evidence.py)."""

from __future__ import annotations

from chalicelib.analysis.offline.class_evidence import class_from_evidence
from chalicelib.analysis.offline.text import prepare_lines


def _cue(text: str) -> int | None:
    cue = class_from_evidence(prepare_lines(text), [])
    return cue.value if cue is not None else None


def test_a_wet_word_of_a_lighter_material_after_a_slab_is_no_bound_water() -> None:
    # Given water across rooms on a slab, with the carpet the thing soaked
    text = "Water about 40 mm deep through both offices on the slab, carpet tiles soaked, walls wicking.\n"
    # Then it does not read as bound water in the slab
    assert _cue(text) != 4


def test_a_slab_said_to_be_saturated_is_bound_water() -> None:
    # Given the slab itself called saturated
    assert _cue("The slab is saturated under the kitchen; readings high at every point.\n") == 4


def test_water_held_in_dense_materials_is_bound_water() -> None:
    # Given Class 4 told in the words that define it, in other phrasings
    assert _cue("Most of the moisture is trapped in the masonry of the cellar walls.\n") == 4
    assert _cue("The water was locked up in the low-permeance screed and the stone hearth.\n") == 4
    # But water held in a carpet, or a tank that holds water, is no bound water
    assert _cue("Water held in the carpet pile, pad damp.\n") != 4
    assert _cue("The storage tank held 300 L of water on the slab stand.\n") != 4
