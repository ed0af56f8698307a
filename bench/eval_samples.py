"""Per-field precision and recall of the offline analyzer over the sample inspections.

Each `samples/<name>.txt` is analysed and compared with `samples/<name>.expected.json` (the Findings
JSON shape, holding only the fields asserted). Only the fields an expected file holds are scored for
that sample. A scalar field (loss type, category, class, a job fact) counts a true positive when
it matches, a false negative when it is missed, and both a false positive and a false negative when
it is wrong; a null expected value scores a false positive if anything is found. List fields (rooms,
readings, equipment, hazards, scope quantities) are compared as multisets of their key facts.

    .venv/bin/python bench/eval_samples.py [--samples DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import Score, multiset, print_table  # noqa: E402
from chalicelib.analysis import analyze_text, check_findings  # noqa: E402

Json = dict[str, Any]


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.casefold().split())
    if isinstance(value, float):
        return round(value, 1)
    return value


def _path(data: Json, dotted: str) -> Any:
    value: Any = data
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def scalar(expected: Any, predicted: Any) -> Score:
    if expected is None:
        return Score(fp=int(predicted is not None))
    if predicted is None:
        return Score(fn=1)
    return Score(tp=1) if _norm(expected) == _norm(predicted) else Score(fp=1, fn=1)


def presence(expected: Any, predicted: Any) -> Score:
    if expected is None:
        return Score(fp=int(predicted is not None))
    return Score(tp=1) if predicted is not None else Score(fn=1)


def readings(expected: list[Json], predicted: list[Json]) -> Score:
    """Location + value + unit; an expected reading without a location (the note does not name
    it) matches on value + unit among what is left."""
    remaining = Counter((_norm(r["location"]), _norm(r["value"]), r["unit"]) for r in predicted)
    score = Score()
    partial = []
    for reading in expected:
        if "location" not in reading:
            partial.append(reading)
            continue
        key = (_norm(reading["location"]), _norm(reading["value"]), reading["unit"])
        if remaining[key] > 0:
            remaining[key] -= 1
            score.tp += 1
        else:
            score.fn += 1
    for reading in partial:
        key2 = next(
            (
                k
                for k, n in remaining.items()
                if n > 0 and k[1:] == (_norm(reading["value"]), reading["unit"])
            ),
            None,
        )
        if key2 is None:
            score.fn += 1
        else:
            remaining[key2] -= 1
            score.tp += 1
    score.fp += sum(remaining.values())
    return score


def _areas(data: list[Json]) -> list[tuple[Any, ...]]:
    return [(_norm(area["room"]),) for area in data]


def _dimensions(data: list[Json], only: set[str] | None = None) -> list[tuple[Any, ...]]:
    return [
        (_norm(area["room"]), _norm(area["lengthFt"]), _norm(area["widthFt"]))
        for area in data
        if area.get("lengthFt") is not None and (only is None or _norm(area["room"]) in only)
    ]


def _air(data: list[Json]) -> list[tuple[Any, ...]]:
    return [(round(r["temperatureF"] or 0), r["relativeHumidity"]) for r in data]


def _equipment(data: list[Json]) -> list[tuple[Any, ...]]:
    """Quantities placed, and quantities calculated (an expected file writes `quantity` only for
    equipment the S500 formulas size; a predicted item counts it only when it shows its inputs)."""
    facts = []
    for item in data:
        if item.get("statedQuantity") is not None:
            facts.append((item["kind"], "placed", item["statedQuantity"]))
        if item.get("quantity") is not None and item.get("inputs", True):
            facts.append((item["kind"], "calculated", item["quantity"]))
    return facts


def _scope(data: list[Json]) -> list[tuple[Any, ...]]:
    return [(_norm(item["quantity"]), item["unit"]) for item in data if item.get("quantity") is not None]


def score_sample(expected: Json, predicted: Json) -> dict[str, Score]:
    scores: dict[str, Score] = {}

    def field(name: str, present: bool, scorer: Callable[[], Score]) -> None:
        if present:
            scores[name] = scorer()

    def scalar_at(dotted: str) -> Callable[[], Score]:
        return lambda: scalar(_path(expected, dotted), _path(predicted, dotted))

    field(
        "damageType",
        "damageType" in expected,
        lambda: scalar(expected["damageType"], predicted["damageType"]),
    )
    field(
        "causeOfLoss present",
        "causeOfLoss" in expected,
        lambda: presence(expected["causeOfLoss"], predicted["causeOfLoss"]),
    )
    for name in ("waterCategory", "waterClass", "mouldCondition"):
        field(
            f"{name}.value",
            name in expected,
            scalar_at(f"{name}.value"),
        )
    for name in ("claimNumber", "insured", "address", "dateOfLoss", "inspectionDate"):
        field(
            f"job.{name}",
            name in expected.get("job", {}),
            scalar_at(f"job.{name}.value"),
        )
    areas, found_areas = expected.get("affectedAreas"), predicted["affectedAreas"]
    field("affected rooms", areas is not None, lambda: multiset(_areas(areas or []), _areas(found_areas)))
    field(
        "room dimensions",
        areas is not None,
        lambda: multiset(_dimensions(areas or []), _dimensions(found_areas)),
    )
    field(
        "moisture readings",
        "moistureReadings" in expected,
        lambda: readings(expected["moistureReadings"], predicted["moistureReadings"]),
    )
    field(
        "atmospheric readings",
        "atmosphericReadings" in expected,
        lambda: multiset(_air(expected["atmosphericReadings"]), _air(predicted["atmosphericReadings"])),
    )
    field(
        "equipment quantities",
        "equipment" in expected,
        lambda: multiset(_equipment(expected["equipment"]), _equipment(predicted["equipment"])),
    )
    field(
        "safety hazards",
        "safetyHazards" in expected,
        lambda: multiset(
            [(h["kind"],) for h in expected["safetyHazards"]],
            [(h["kind"],) for h in predicted["safetyHazards"]],
        ),
    )
    field(
        "scope quantities",
        "scopeOfWork" in expected,
        lambda: multiset(_scope(expected["scopeOfWork"]), _scope(predicted["scopeOfWork"])),
    )
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=ROOT / "samples")
    args = parser.parse_args()
    overall: dict[str, Score] = {}
    texts = sorted(args.samples.glob("*.txt"))
    if not texts:
        print(f"no samples in {args.samples}")
        return 1
    for text_path in texts:
        expected_path = text_path.with_suffix(".expected.json")
        if not expected_path.exists():
            print(f"\n{text_path.name}: no expected file, skipped")
            continue
        findings = analyze_text(text_path.read_text(encoding="utf-8"))
        predicted = findings.model_dump(mode="json", by_alias=True)
        scores = score_sample(json.loads(expected_path.read_text(encoding="utf-8")), predicted)
        qa = check_findings(findings)
        errors = sorted({issue.code for issue in qa.issues if issue.severity == "error"})
        verdict = "QA passed" if qa.passed else f"QA failed: {', '.join(errors)}"
        print_table(f"{text_path.stem}  ({verdict})", scores)
        for name, score in scores.items():
            overall.setdefault(name, Score()).add(score)
    total = Score()
    for score in overall.values():
        total.add(score)
    print_table(f"OVERALL ({len(texts)} samples, micro-averaged)", {**overall, "ALL FIELDS": total})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
