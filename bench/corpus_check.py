"""Checks the development corpus's files against its format (samples/corpus/README.md).

It checks the form, never the answers: keys and kinds, ISO dates, that every alias and trap line
occurs in the case's text, and that every reading's value is written in it.

    .venv/bin/python bench/corpus_check.py [samples/corpus] [--only PREFIX]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "samples" / "corpus"

STYLES = {
    "restorer_prose",
    "field_notes",
    "consultant_report",
    "mould_inspection",
    "moisture_map",
    "drying_log",
    "adjuster_notes",
    "homeowner_account",
    "commercial",
    "multi_level",
    "fire_smoke",
    "incomplete",
    "contradicting",
}
FORMATS = {"text", "docx", "pdf"}
DAMAGE_TYPES = {"water", "fire_smoke", "mould", "other"}
HAZARDS = {"asbestos", "lead", "electrical", "biohazard", "mould", "slip_trip", "structural", "gas", "other"}
EQUIPMENT = {"air_mover", "dehumidifier", "air_scrubber", "other"}
READING_UNITS = {"%MC", "%", "WME", "REL", "%RH"}
AREA_UNITS = {"sqft", "m2"}
LENGTH_UNITS = {"ft", "m"}
TRAPS = {
    "not_area": {"text"},
    "not_material": {"material"},
    "not_hazard": {"hazard"},
    "not_reference": {"value"},
    "not_category": {"value"},
    "not_class": {"value"},
    "not_dimension": {"length", "width", "unit"},
    "not_date_of_loss": {"date"},
}
TOP_KEYS = {
    "style",
    "format",
    "paraphraseSet",
    "locale",
    "damageType",
    "causeStated",
    "waterCategory",
    "waterClass",
    "mouldCondition",
    "job",
    "areas",
    "readings",
    "hazards",
    "scope",
    "equipment",
    "traps",
    "notes",
}


def _squash(text: str) -> str:
    return " ".join(text.casefold().split())


def _iso(value: Any) -> bool:
    if value is None:
        return True
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _number_written(value: float, text: str) -> bool:
    written = {f"{value:g}", f"{value:.1f}", f"{value:.2f}", str(int(value)) if value == int(value) else ""}
    return any(w and re.search(rf"(?<![\d.]){re.escape(w)}(?![\d])", text) for w in written)


def _grade(name: str, grade: Any, top: int, problems: list[str]) -> None:
    if grade is None:
        return
    if not isinstance(grade, dict) or set(grade) != {"value", "stated", "determinable"}:
        problems.append(f"{name}: must be null or {{value, stated, determinable}}")
        return
    for key in ("value", "stated"):
        if grade[key] is not None and grade[key] not in range(1, top + 1):
            problems.append(f"{name}.{key}: {grade[key]!r} is not 1-{top} or null")
    if grade["determinable"] is False and grade["value"] is not None:
        problems.append(f"{name}: value must be null when not determinable")
    if grade["determinable"] is True and grade["value"] is None:
        problems.append(f"{name}: a determinable grade needs a value")


def check_case(truth_path: Path) -> list[str]:
    problems: list[str] = []
    text_path = truth_path.with_name(truth_path.name.replace(".truth.json", ".txt"))
    if not text_path.exists():
        return [f"no {text_path.name}"]
    text = text_path.read_text(encoding="utf-8")
    squashed = _squash(text)
    try:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [f"not JSON: {exc}"]
    missing, extra = TOP_KEYS - set(truth), set(truth) - TOP_KEYS
    if missing:
        problems.append(f"missing keys: {sorted(missing)}")
    if extra:
        problems.append(f"unknown keys: {sorted(extra)}")
    if truth.get("style") not in STYLES:
        problems.append(f"style {truth.get('style')!r} is not one of the styles")
    if truth.get("format") not in FORMATS:
        problems.append(f"format {truth.get('format')!r}")
    if truth.get("damageType") not in DAMAGE_TYPES:
        problems.append(f"damageType {truth.get('damageType')!r}")
    _grade("waterCategory", truth.get("waterCategory"), 3, problems)
    _grade("waterClass", truth.get("waterClass"), 4, problems)
    _grade("mouldCondition", truth.get("mouldCondition"), 3, problems)
    job = truth.get("job") or {}
    for key in ("dateOfLoss", "inspectionDate"):
        if not _iso(job.get(key)):
            problems.append(f"job.{key}: {job.get(key)!r} is not an ISO date")
    for key in ("claimNumber", "insured", "address"):
        value = job.get(key)
        if value is not None and _squash(value) not in squashed:
            problems.append(f"job.{key}: {value!r} is not written in the text")
    for area in truth.get("areas", []):
        name = area.get("name")
        for alias in area.get("aliases", []):
            if _squash(alias) not in squashed:
                problems.append(f"area {name!r}: alias {alias!r} is not in the text")
        if not area.get("aliases"):
            problems.append(f"area {name!r}: no aliases")
        dims = area.get("dimensions")
        if dims is not None and dims.get("unit") not in LENGTH_UNITS:
            problems.append(f"area {name!r}: dimensions unit {dims.get('unit')!r}")
        wet = area.get("wetArea")
        if wet is not None and wet.get("unit") not in AREA_UNITS:
            problems.append(f"area {name!r}: wetArea unit {wet.get('unit')!r}")
    area_names = {area.get("name") for area in truth.get("areas", [])}
    for reading in truth.get("readings", []):
        if reading.get("unit") not in READING_UNITS:
            problems.append(f"reading {reading}: unit")
        if not isinstance(reading.get("value"), int | float):
            problems.append(f"reading {reading}: value must be a number")
        elif not _number_written(float(reading["value"]), text):
            problems.append(f"reading {reading}: {reading['value']} is not written in the text")
        if not _iso(reading.get("date")):
            problems.append(f"reading {reading}: date")
        if not reading.get("isReference") and reading.get("area") not in area_names | {None}:
            problems.append(f"reading {reading}: area is not one of the areas")
    for hazard in truth.get("hazards", []):
        if hazard not in HAZARDS:
            problems.append(f"hazard {hazard!r}")
    for item in truth.get("equipment", []):
        if item.get("kind") not in EQUIPMENT or not isinstance(item.get("maxOnSite"), int):
            problems.append(f"equipment {item}")
    for item in truth.get("scope", []):
        if not {"action", "material", "quantity", "unit", "area"} <= set(item):
            problems.append(f"scope {item}: needs action, material, quantity, unit, area")
    for trap in truth.get("traps", []):
        kind = trap.get("kind")
        if kind not in TRAPS:
            problems.append(f"trap kind {kind!r}")
            continue
        if not TRAPS[kind] <= set(trap):
            problems.append(f"trap {trap}: needs {sorted(TRAPS[kind])}")
        if _squash(trap.get("line", "")) not in squashed or not trap.get("line"):
            problems.append(f"trap {kind}: line {trap.get('line')!r} is not in the text")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--only", default="", help="check only the cases whose name starts with this")
    args = parser.parse_args()
    cases = sorted(p for p in args.corpus.glob(f"{args.only}*.truth.json"))
    texts = {p.name[: -len(".txt")] for p in args.corpus.glob(f"{args.only}*.txt")}
    failed = 0
    for orphan in sorted(texts - {p.name[: -len(".truth.json")] for p in cases}):
        print(f"{orphan}.txt: no truth file")
        failed += 1
    for truth_path in cases:
        problems = check_case(truth_path)
        for problem in problems:
            print(f"{truth_path.name}: {problem}")
        failed += bool(problems)
    print(f"{len(cases)} cases, {failed} with problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
