"""The sides of a room as the notes wrote them, beside the feet the formulas use.

`measures` keeps every length in feet rounded to 0.1 ft (the air-mover and dehumidifier formulas
are in feet), and 0.1 ft is 3 cm: 6.5 m becomes 21.3 ft, which reads back as 6.49 m. A report in
the notes' own unit must print 6.5 m, so this module finds, on the area's own line, the
dimensions that gave those feet and keeps the numbers as written (ADR 0008). Only an exact match
counts: a line with two candidate sets, or none, leaves the originals unset (the report then
converts back from feet, at a precision it can stand behind).
"""

from __future__ import annotations

from chalicelib.analysis.findings import AffectedArea, LengthUnit
from chalicelib.analysis.offline.measures import DIMENSIONS, LONG_AND_WIDE, dimensions_in, long_and_wide_sides
from chalicelib.analysis.offline.text import parse_number


def _originals(area: AffectedArea) -> dict[str, float] | None:
    text = area.source.text
    found: list[dict[str, float]] = []
    for start, _, dims in dimensions_in(text, LengthUnit.METRES):
        same = (dims.length_ft, dims.width_ft) == (area.length_ft, area.width_ft)
        if dims.unit is not LengthUnit.METRES or not same:
            continue
        match = DIMENSIONS.match(text, start)
        if match is None:
            said = LONG_AND_WIDE.match(text, start)  # ("6 m long and 1.1 m wide")
            if said is not None:
                length, width = long_and_wide_sides(said)
                found.append({"length_original": length, "width_original": width})
            continue
        sides = {"length_original": parse_number(match["a"]), "width_original": parse_number(match["b"])}
        if match["c"] and dims.height_ft is not None and dims.height_ft == area.height_ft:
            sides["height_original"] = parse_number(match["c"])
        found.append(sides)
    return found[0] if len(found) == 1 else None


def with_original_measures(areas: list[AffectedArea]) -> list[AffectedArea]:
    """The areas measured in metres, each with its sides as written when its line settles them."""
    kept = []
    for area in areas:
        sides = _originals(area) if area.original_unit is LengthUnit.METRES and area.length_ft else None
        kept.append(area.model_copy(update=sides) if sides else area)
    return kept
