"""The materials an affected room's wet readings show: "Rec room stud 27 %MC" above its goal says the
rec room's framing got wet, though no sentence lists framing among the room's damage.

Only a reading above its goal (the one the notes state, or the standard's from the dry standard)
adds its material, and only to the room the reading is in; a dry standard, a dry reading or one with
no goal adds nothing. The reading cites its own line, so the material keeps a source.
"""

from __future__ import annotations

from collections.abc import Sequence

from chalicelib.analysis.findings import AffectedArea, MoistureReading
from chalicelib.analysis.offline.material_words import material_words


def _keys(name: str) -> set[str]:
    return {word.key for word in material_words(name)}


def _above_goal(reading: MoistureReading) -> bool:
    # The rules' judgement, not a note beside the number ("skirting 10 %MC - normal; carpet wet":
    # the "wet" is the carpet's)
    return reading.drying_goal is not None and reading.value > reading.drying_goal


def with_wet_reading_materials(
    areas: Sequence[AffectedArea], readings: Sequence[MoistureReading]
) -> list[AffectedArea]:
    by_room = {area.room: area for area in areas}
    added: dict[str, list[str]] = {}
    for reading in readings:
        area = by_room.get(reading.location)
        if area is None or reading.is_reference or not reading.material or not _above_goal(reading):
            continue
        keys = _keys(reading.material)
        if len(keys) != 1:
            continue  # "vinyl/subfloor": which of them was read is not said
        known = {key for name in (*area.materials, *added.get(area.room, [])) for key in _keys(name)}
        if not keys <= known:
            added.setdefault(area.room, []).append(reading.material)
    return [
        area.model_copy(update={"materials": [*area.materials, *added.get(area.room, [])]}) for area in areas
    ]
