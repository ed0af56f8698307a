"""Each sample inspection gives the key findings its expected file holds, and QA judges it as meant."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chalicelib.analysis import analyze_text, check_findings

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
NAMES = sorted(path.stem for path in SAMPLES.glob("*.txt"))

# What QA must say of each sample: clean notes pass; the others fail with their seeded defects.
QA_EXPECTED: dict[str, tuple[bool, set[str]]] = {
    "water_cat1_supply_line": (True, set()),
    "water_cat2_washing_machine": (True, set()),
    "water_cat2_dishwasher_laminate": (True, set()),
    "water_cat3_sewage_backup": (True, {"EQUIPMENT_OFF_FORMULA"}),
    "water_cat3_river_flood": (True, set()),
    "water_cat1_aged_hardwood": (True, set()),
    "water_cat1_slab_leak_concrete": (True, set()),
    "fire_kitchen_smoke": (True, set()),
    "mould_bathroom_closet": (True, set()),
    "fire_lightning_roof_space": (False, {"EQUIPMENT_WITHOUT_READINGS"}),
    "messy_incomplete": (
        False,
        {
            "JOB_INFO_MISSING",
            "CAUSE_OF_LOSS_MISSING",
            "CATEGORY_JUSTIFICATION_MISSING",
            "DATE_OF_LOSS_AFTER_INSPECTION",
            "INTAKE_READINGS_MISSING",
            "READING_ABOVE_GOAL_MARKED_DRY",
            "AREA_DIMENSIONS_MISSING",
            "DRY_STANDARD_MISSING",
            "VISIT_GAP",
            "EQUIPMENT_CALCULATION_MISSING",
            "ATMOSPHERIC_READINGS_MISSING",
        },
    ),
}


def mismatches(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Where `actual` differs from `expected`, comparing only the keys `expected` holds.

    Lists must have the same length; each expected item must match a different actual item (in
    any order). Numbers compare to 0.05."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        return [
            problem
            for key, value in expected.items()
            for problem in mismatches(value, actual.get(key), f"{path}.{key}")
        ]
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {len(expected)} items, got {actual!r}"]
        unmatched = list(actual)
        problems = []
        for index, item in enumerate(expected):
            match = next((candidate for candidate in unmatched if not mismatches(item, candidate)), None)
            if match is None:
                problems.append(f"{path}[{index}]: no match for {item!r}")
            else:
                unmatched.remove(match)
        return problems
    if (
        isinstance(expected, (int, float))
        and not isinstance(expected, bool)
        and isinstance(actual, (int, float))
    ):
        return [] if abs(expected - actual) <= 0.05 else [f"{path}: expected {expected}, got {actual}"]
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]


def test_every_sample_has_an_expected_file_and_a_qa_expectation() -> None:
    # Given the samples directory
    # When its files are listed
    # Then each note has its expected findings and its QA expectation, and there are at least six
    assert len(NAMES) >= 6
    for name in NAMES:
        assert (SAMPLES / f"{name}.expected.json").exists(), name
        assert name in QA_EXPECTED, name


@pytest.mark.parametrize("name", NAMES)
def test_sample_key_findings_match_the_expected_file(name: str) -> None:
    # Given a sample inspection and the key findings expected from it
    expected = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    # When it is analysed
    findings = analyze_text((SAMPLES / f"{name}.txt").read_text(encoding="utf-8"))
    # Then every fact the expected file holds is found
    assert mismatches(expected, findings.model_dump(mode="json", by_alias=True)) == []


@pytest.mark.parametrize("name", NAMES)
def test_sample_qa_behaves_as_the_sample_intends(name: str) -> None:
    # Given a sample's findings
    findings = analyze_text((SAMPLES / f"{name}.txt").read_text(encoding="utf-8"))
    # When QA checks them
    result = check_findings(findings)
    # Then clean notes pass and defective ones fail, with every seeded defect reported
    passes, codes = QA_EXPECTED[name]
    assert result.passed is passes, [issue.code for issue in result.issues if issue.severity == "error"]
    assert codes <= {issue.code for issue in result.issues}


def test_the_comparison_checks_only_what_is_expected() -> None:
    # Given an actual object with more keys and list items in another order
    actual = {"a": 1.0, "b": [{"x": 1, "y": 2}, {"x": 3, "y": 4}], "extra": True}
    # When it is compared with partial expectations
    # Then missing keys are fine, order is free, and wrong values and lengths are reported
    assert mismatches({"b": [{"x": 3}, {"y": 2}]}, actual) == []
    assert mismatches({"a": 1.04}, actual) == []
    assert mismatches({"a": 2}, actual) == [".a: expected 2, got 1.0"]
    assert mismatches({"b": [{"x": 1}]}, actual) != []
