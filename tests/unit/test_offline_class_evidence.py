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


def test_a_denial_before_a_dash_does_not_reach_the_cue_after_it() -> None:
    # Given a writer who denies something and then, after a spaced dash, names bound water
    assert _cue("Tiles only, no underlay to pull - the moisture is locked in the concrete screed.\n") == 4
    assert _cue("Nothing to strip \u2013 this is bound water in the brick footings and the slab.\n") == 4
    # But a denial in the cue's own clause still denies it
    assert _cue("The slab is tiled - no bound water, the tiles took the water.\n") != 4


def test_a_wet_word_paired_with_a_surface_across_a_denial_is_not_that_surface_s() -> None:
    # Given wet insulation in an attic, and a wet word the sentence says belongs to no ceiling
    text = "Attic batts over the hall damp from a drip, not the ceiling below it.\nHall ceiling dry.\n"
    cue = class_from_evidence(prepare_lines(text), [])
    # Then no wet ceiling is read: not Class 3
    assert cue is None or cue.value != 3
    text = "Loft insulation soaked, wet through to the plasterboard, and the ceiling is sagging.\n"
    # But a wet ceiling said with its wet insulation is water from above
    assert _cue(text) == 3
