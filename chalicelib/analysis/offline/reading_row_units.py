"""What a table row's units say: its unit column's scale ("%WME", "REL", "%", "%RH"), and a
humidity written in a row about a dense material ("Kitchen-diner, slab Concrete 98 %RH"), which is
that material's own reading by a probe or a hood, not the room's air."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.reading_numbers import Number
from chalicelib.analysis.offline.reading_row_parts import AIR_WORDS
from chalicelib.analysis.offline.reading_scales import explicit_scale
from chalicelib.analysis.offline.text import FLAGS

_MATERIAL_WORD = re.compile(
    r"\b(?:concrete|slab|screed|stone|flags?|flagstones?|terrazzo|masonry|brick|block|cmu|plaster)\b", FLAGS
)
_RH_CELL = re.compile(r"%\s?RH|RH\s?%", FLAGS)


_RH_NUMBER = re.compile(r"(?<![\d.])(?P<value>\d{2,3}(?:\.\d)?) ?% ?RH\b", FLAGS)


def with_material_rh(text: str, numbers: list[Number]) -> list[Number]:
    """ "Kitchen-diner, slab Concrete 98 %RH 93 %RH": in a table row that names a material, a
    humidity is that material's own (a probe or a hood on it), not the room's air."""
    found = list(_RH_NUMBER.finditer(text))
    if not found or AIR_WORDS.search(text[: found[0].start()]) or not _MATERIAL_WORD.search(text):
        return numbers
    rh = [Number(float(m.group("value")), m.start(), m.end(), "%RH", None) for m in found]
    return sorted([*numbers, *rh], key=lambda number: number.start)


def unit_cell(cell: str) -> str | None:
    """The scale a row's unit column gives: "%WME", "REL", "%", "%RH"."""
    if _RH_CELL.fullmatch(cell.strip()):
        return "%RH"
    return explicit_scale(cell) or ("%" if cell == "%" else None)


def without_material_rh(label: str) -> str:
    """A row's words without the "%RH" its scale column gives a dense material ("S1 Room 112 slab
    concrete slab %RH"): that humidity is the slab's own, not a word about the air."""
    return _RH_CELL.sub(" ", label) if _MATERIAL_WORD.search(label) else label


def rh_scale(label: str) -> str | None:
    """ "%RH" when a row about a dense material gives that scale in its words."""
    return "%RH" if _RH_CELL.search(label) and _MATERIAL_WORD.search(label) else None
