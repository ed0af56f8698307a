"""What the analyzer missed and what it made up, case by case, for one field.

A worklist for improving the offline analyzer: each expected fact not found (`-`) and each fact
found that the truth does not hold (`+`), with the line it was read from.

    .venv/bin/python bench/misses.py FIELD [--only STEM_PREFIX]

FIELD: readings|materials|areas|sizes|job|wet|scope|equipment
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import (  # noqa: E402
    CORPUS_RECEIVED,
    SQFT_PER_M2,
    Json,
    area_matches,
    case_input,
    load_cases,
    match_areas,
    material_key,
    unit_key,
)
from bench.corpus import _close as close  # noqa: E402
from bench.corpus import _equipment as equipment_counts  # noqa: E402
from bench.corpus import _floor_sqft as floor_sqft  # noqa: E402
from bench.corpus import _reading_unit_ok as reading_unit_ok  # noqa: E402
from chalicelib.analysis import analyze_text  # noqa: E402
from chalicelib.analysis.offline.areas import AreaDraft  # noqa: E402
from chalicelib.analysis.offline.scan import RoomScan  # noqa: E402
from chalicelib.analysis.offline.text import Line  # noqa: E402

# The drafts of the last analysis, kept so `wet` can show the line each extent was taken from.
_DRAFTS: list[AreaDraft] = []
_finish = RoomScan.finish


def _kept_finish(self: RoomScan) -> list[AreaDraft]:
    drafts = _finish(self)
    _DRAFTS[:] = drafts
    return drafts


RoomScan.finish = _kept_finish  # type: ignore[method-assign]

# The line each draft's size was set from (by draft id), so `sizes` can show it: the scan sets a
# size while it attaches one line's details, so the line being attached is the one it came from.
_LINE: list[str] = [""]
_SIZE_LINES: dict[int, str] = {}
_attach = RoomScan._attach_details
_draft_setattr = AreaDraft.__setattr__


def _kept_attach(self: RoomScan, line: Line, *args: object, **kwargs: object) -> None:
    _LINE[0] = line.text
    _attach(self, line, *args, **kwargs)  # type: ignore[arg-type]


def _kept_setattr(self: AreaDraft, name: str, value: object) -> None:
    if name in ("dimensions", "stated_area_sqft") and value is not None:
        _SIZE_LINES[id(self)] = _LINE[0]
    _draft_setattr(self, name, value)


RoomScan._attach_details = _kept_attach  # type: ignore[method-assign,assignment]
AreaDraft.__setattr__ = _kept_setattr  # type: ignore[method-assign,assignment]


def _short(text: object, width: int = 90) -> str:
    line = " ".join(str(text or "").split())
    return line if len(line) <= width else line[: width - 1] + "…"


def reading_misses(truth: Json, predicted: Json) -> list[str]:
    by_name = {area["name"]: area for area in truth.get("areas", [])}
    remaining = list(predicted.get("moistureReadings", []))
    out = []
    for reading in truth.get("readings", []):
        area = by_name.get(reading.get("area"))

        def fits(found: Json, reading: Json = reading, area: Json | None = area) -> bool:
            if abs(float(found["value"]) - float(reading["value"])) > 0.051:
                return False
            if not reading_unit_ok(reading["unit"], found.get("unit", "%")):
                return False
            if reading.get("date") and found.get("takenOn") and reading["date"] != found["takenOn"]:
                return False
            if reading.get("isReference") and found.get("isReference"):
                return True
            return area is None or area_matches(area, found.get("location"))

        hit = next((i for i, found in enumerate(remaining) if fits(found)), None)
        if hit is None:
            out.append(
                f"  - {reading['value']} {reading['unit']} {reading.get('area')!r} "
                f"{reading.get('material') or ''} {reading.get('date') or ''}"
                f"{' ref' if reading.get('isReference') else ''}"
            )
        else:
            remaining.pop(hit)
    for found in remaining:
        source = (found.get("source") or {}).get("text") or (found.get("source") or {}).get("line")
        out.append(
            f"  + {found['value']} {found.get('unit')} {found.get('location')!r} "
            f"{found.get('takenOn') or ''}{' ref' if found.get('isReference') else ''}  <- {_short(source)}"
        )
    return out


def material_misses(truth: Json, predicted: Json) -> list[str]:
    expected, found = truth.get("areas", []), predicted.get("affectedAreas", [])
    matched = match_areas(expected, found)
    out = []
    for i, area in enumerate(expected):
        want = {material_key(m) for m in area.get("materials", [])}
        got_area = found[matched[i]] if i in matched else {}
        got = {material_key(m) for m in got_area.get("materials", [])}
        if want != got:
            out.append(
                f"  {area['name']!r} -> {got_area.get('room')!r}: "
                f"missing {sorted(want - got)} extra {sorted(got - want)}"
            )
    for j, area in enumerate(found):
        if j not in matched.values() and area.get("materials"):
            out.append(f"  unmatched {area['room']!r}: extra {sorted(area['materials'])}")
    return out


def area_misses(truth: Json, predicted: Json) -> list[str]:
    expected, found = truth.get("areas", []), predicted.get("affectedAreas", [])
    matched = match_areas(expected, found)
    out = [f"  - {a['name']!r}" for i, a in enumerate(expected) if i not in matched]
    out += [f"  + {a['room']!r}" for j, a in enumerate(found) if j not in matched.values()]
    return out


def _evidence(room: str | None) -> str:
    draft = next((d for d in _DRAFTS if d.room == room), None)
    if draft is None or not draft.evidence:
        return ""
    return " | ".join(_short(span.text, 70) for span in draft.evidence[:3])


def wet_misses(truth: Json, predicted: Json) -> list[str]:
    """Each area whose wet extent (wet floor, or wet ceiling) is missed or wrong, as the scorer
    judges it (within 10%), with the lines the analyzer took its extents from."""
    expected, found = truth.get("areas", []), predicted.get("affectedAreas", [])
    matched = match_areas(expected, found)
    out = []
    for i, area in enumerate(expected):
        wet = area.get("wetArea")
        if not wet or wet.get("value") is None:
            continue
        want = float(wet["value"]) * (SQFT_PER_M2 if wet.get("unit") == "m2" else 1.0)
        got_area = found[matched[i]] if i in matched else {}
        got = got_area.get("wetFloorSqft") or got_area.get("wetCeilingSqft")
        if got is not None and abs(got - want) <= 0.1 * want:
            continue
        room = got_area.get("room")
        kind = "-" if got is None else "x"
        out.append(
            f"  {kind} {area['name']!r} -> {room!r}: expected {want:.0f} sq ft"
            f" ({wet['value']} {wet.get('unit')}) got {got}  <- {_evidence(room)}"
        )
    return out


def size_misses(truth: Json, predicted: Json) -> list[str]:
    """Each area whose size (floor area) is missed (`-`) or wrong (`x`), as the scorer judges it
    (within 6%), with the line the analyzer took its size from (or, for a miss, the area's line)."""
    expected, found = truth.get("areas", []), predicted.get("affectedAreas", [])
    matched = match_areas(expected, found)
    out = []
    for i, area in enumerate(expected):
        dims = area.get("dimensions")
        want = floor_sqft(dims)
        got_area = found[matched[i]] if i in matched else {}
        got = got_area.get("floorAreaSqft")
        if want is None or close(want, got, 0.06).tp:
            continue
        room = got_area.get("room")
        draft = next((d for d in _DRAFTS if d.room == room), None)
        line = _SIZE_LINES.get(id(draft), "") if draft is not None else ""
        if not line and draft is not None:
            line = draft.source.text or ""
        kind = "-" if got is None else "x"
        out.append(
            f"  {kind} {area['name']!r} -> {room!r}: expected {dims['length']} x {dims['width']} "
            f"{dims.get('unit')} ({want:.0f} sq ft) got {got}  <- {_short(line)}"
        )
    return out


def job_misses(truth: Json, predicted: Json) -> list[str]:
    """Job facts (claim, insured, address, dates) and the cause whose value differs from the truth."""
    expected, found = truth.get("job") or {}, predicted.get("job") or {}
    out = []
    for name in ("claimNumber", "insured", "address", "dateOfLoss", "inspectionDate"):
        want, fact = expected.get(name), found.get(name) or {}
        got = fact.get("value")
        if str(want or "").casefold() != str(got or "").casefold():
            source = (fact.get("source") or {}).get("text") or fact.get("reason") or ""
            out.append(f"  {name}: expected {want!r} got {got!r}  <- {_short(source)}")
    if bool(truth.get("causeStated")) != bool(predicted.get("causeOfLoss")):
        out.append(f"  cause: stated {bool(truth.get('causeStated'))} got {predicted.get('causeOfLoss')!r}")
    return out


def scope_misses(truth: Json, predicted: Json) -> list[str]:
    """Scope lines with a quantity, matched as the scorer does (quantity to 0.1 and unit): each
    expected line missed (`-`) and each line found that the truth does not hold (`+`), with its
    source line."""

    def key(item: Json) -> tuple[float, str]:
        return (round(float(item["quantity"]), 1), unit_key(item.get("unit")))

    found = [item for item in predicted.get("scopeOfWork", []) if item.get("quantity") is not None]
    out = []
    for item in truth.get("scope", []):
        if item.get("quantity") is None:
            continue
        hit = next((i for i, got in enumerate(found) if key(got) == key(item)), None)
        if hit is None:
            out.append(
                f"  - {item['quantity']} {item.get('unit')} {item.get('action')} "
                f"{item.get('material') or ''} ({item.get('area') or ''})"
            )
        else:
            found.pop(hit)
    for item in found:
        source = (item.get("source") or {}).get("text") or (item.get("source") or {}).get("line")
        out.append(
            f"  + {item['quantity']} {item.get('unit')} {item.get('action')} "
            f"{item.get('material') or ''}  <- {_short(source)}"
        )
    return out


def equipment_misses(truth: Json, predicted: Json) -> list[str]:
    """Equipment as the scorer matches it (kind and the most on site at once): each expected count
    missed (`-`, with what was found for that kind) and each count found that the truth does not
    hold (`+`), with the line that count was read from."""
    found = equipment_counts(predicted)
    expected = [(item["kind"], item["maxOnSite"]) for item in truth.get("equipment", [])]
    sources = {
        item["kind"]: (item.get("source") or {}).get("text") or (item.get("source") or {}).get("line")
        for item in predicted.get("equipment", [])
        if item.get("statedQuantity") is not None
    }
    remaining = list(found)
    out = []
    for kind, count in expected:
        if (kind, count) in remaining:
            remaining.remove((kind, count))
            continue
        got = [n for k, n in found if k == kind]
        out.append(f"  - {kind} {count}  (found {got[0] if got else None})")
    for kind, count in remaining:
        out.append(f"  + {kind} {count}  <- {_short(sources.get(kind))}")
    return out


FIELDS = {
    "readings": reading_misses,
    "materials": material_misses,
    "areas": area_misses,
    "sizes": size_misses,
    "job": job_misses,
    "wet": wet_misses,
    "scope": scope_misses,
    "equipment": equipment_misses,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("field", choices=sorted(FIELDS))
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    for case in load_cases():
        if not case.stem.startswith(args.only):
            continue
        text, _ = case_input(case)
        _SIZE_LINES.clear()
        predicted = analyze_text(text, received=CORPUS_RECEIVED).model_dump(mode="json", by_alias=True)
        lines = FIELDS[args.field](case.truth, predicted)
        if lines:
            print(case.stem)
            print("\n".join(lines))


if __name__ == "__main__":
    main()
