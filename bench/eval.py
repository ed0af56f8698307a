"""Per-field precision and recall of the offline analyzer over the development corpus.

Every case in samples/corpus/ is read as its writer wrote it (a docx or pdf case is built as a real
document and goes through the extractor first), analysed, checked by QA, and scored against its
expected facts (bench/corpus.py says how). Printed: each field overall and per style, the facts
asserted that the text contradicts (its traps), paraphrase sets that disagree, and the cases QA
rejected. The run fails when a field falls below `bench/eval_baseline.json`, or a trap is sprung
more often than the baseline allows.

    .venv/bin/python bench/eval.py [--cases] [--only STEM_PREFIX] [--update-baseline]
    .venv/bin/python bench/eval.py --corpus samples/holdout26  # the held-out set: printed only
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import (  # noqa: E402
    CORPUS,
    CORPUS_RECEIVED,
    Case,
    CaseResult,
    Score,
    load_cases,
    paraphrase_disagreements,
    print_table,
    score_case,
)
from chalicelib.analysis import analyze_text, check_findings  # noqa: E402
from chalicelib.analysis.citations import with_pages  # noqa: E402

BASELINE = ROOT / "bench" / "eval_baseline.json"
SLACK = 0.005  # a baseline figure is a floor, less this rounding allowance


def run_case(case: Case) -> CaseResult:
    from bench.corpus import case_input

    text, pages = case_input(case)
    findings = analyze_text(text, received=CORPUS_RECEIVED)
    if pages is not None:
        findings = with_pages(findings, pages)
    result = score_case(case, findings.model_dump(mode="json", by_alias=True))
    qa = check_findings(findings)
    result.qa_errors = sorted({issue.code for issue in qa.issues if issue.severity == "error"})
    return result


def _states(truth: dict[str, object], code: str) -> bool:
    """Whether the case's text states what a QA error says is missing: only such a rejection is the
    analyzer's fault. A job whose first readings really came the day after the inspection is rightly
    held for a person; one whose intake readings the analyzer could not see is not."""
    if code == "INTAKE_READINGS_MISSING":
        job = truth.get("job") or {}
        first_visit = job.get("inspectionDate") if isinstance(job, dict) else None
        readings = [r for r in truth.get("readings") or [] if isinstance(r, dict)]  # type: ignore[attr-defined]
        intake = [r for r in readings if first_visit is None or r.get("date") == first_visit]
        return any(not r.get("isReference") for r in intake)
    if code == "AFFECTED_AREAS_MISSING":
        return bool(truth.get("areas"))
    if code.startswith("CATEGORY"):
        category = truth.get("waterCategory")
        return isinstance(category, dict) and bool(category.get("determinable"))
    return True  # any other error: assume the text gave what was needed


def rejected_for_stated(result: CaseResult) -> list[str]:
    return [code for code in result.qa_errors if _states(result.case.truth, code)]


def run(cases: list[Case]) -> list[CaseResult]:
    return [run_case(case) for case in cases]


def totals(results: list[CaseResult]) -> dict[str, Score]:
    out: dict[str, Score] = {}
    for result in results:
        for name, score in result.scores.items():
            out.setdefault(name, Score()).add(score)
    return out


def figures(results: list[CaseResult]) -> dict[str, dict[str, float | None] | int]:
    out: dict[str, dict[str, float | None] | int] = {
        name: {"precision": _round(score.precision), "recall": _round(score.recall)}
        for name, score in totals(results).items()
    }
    out["trapsSprung"] = sum(len(r.violations) for r in results)
    out["qaRejected"] = sum(bool(rejected_for_stated(r)) for r in results)
    return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def regressions(now: Mapping[str, object], baseline: Mapping[str, object]) -> list[str]:
    out = []
    for name, floor in baseline.items():
        if name == "cases":
            continue
        found = now.get(name)
        if isinstance(floor, int):
            if isinstance(found, int) and found > floor:
                out.append(f"{name}: {found} (baseline {floor})")
            continue
        if not isinstance(floor, dict) or not isinstance(found, dict):
            continue
        for measure, value in floor.items():
            got = found.get(measure)
            if value is not None and (got is None or got < value - SLACK):
                out.append(f"{name} {measure}: {got} (baseline {value})")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--only", default="", help="only the cases whose name starts with this")
    parser.add_argument("--cases", action="store_true", help="print every case's scores and misses")
    parser.add_argument("--update-baseline", action="store_true", help="write today's figures as the floor")
    args = parser.parse_args()
    cases = [c for c in load_cases(args.corpus) if c.stem.startswith(args.only)]
    if not cases:
        print(f"no cases in {args.corpus}")
        return 1
    started = time.perf_counter()
    results = run(cases)
    elapsed = time.perf_counter() - started

    if args.cases:
        for result in results:
            verdict = f"QA rejected: {', '.join(result.qa_errors)}" if result.qa_errors else "QA passed"
            print_table(f"{result.case.stem}  [{result.case.style}]  ({verdict})", result.scores)
            for violation in result.violations:
                print(f"  ! {violation}")
    styles = sorted({r.case.style for r in results})
    for style in styles:
        members = [r for r in results if r.case.style == style]
        print_table(f"style {style} ({len(members)} cases)", totals(members))

    overall = totals(results)
    all_fields = Score()
    for score in overall.values():
        all_fields.add(score)
    print_table(f"OVERALL ({len(results)} cases, micro-averaged)", {**overall, "ALL FIELDS": all_fields})

    sprung = [(r.case.stem, v) for r in results for v in r.violations]
    print(f"\nFacts asserted that the text contradicts (traps sprung): {len(sprung)}")
    for stem, violation in sprung:
        print(f"  {stem}: {violation}")
    rejected = [r for r in results if rejected_for_stated(r)]
    print(f"\nRejected by QA for something the text states: {len(rejected)} of {len(results)}")
    for result in rejected:
        print(f"  {result.case.stem}: {', '.join(rejected_for_stated(result))}")
    held = [r for r in results if r.qa_errors and not rejected_for_stated(r)]
    print(f"Held for review because the text lacks it (rightly): {len(held)}")
    for result in held:
        print(f"  {result.case.stem}: {', '.join(result.qa_errors)}")
    disagreements = paraphrase_disagreements(results)
    print(f"\nParaphrase sets: {len(disagreements)}")
    for name, fields in disagreements.items():
        print(f"  {name}: {'agree' if not fields else 'disagree on ' + ', '.join(fields)}")
    print(f"\n{len(results)} cases in {elapsed:.1f} s")

    now = figures(results)
    if args.only or args.corpus.resolve() != CORPUS.resolve():
        # A held-out set is measured, never a floor: a floor is what rules get tuned against.
        return 0
    if args.update_baseline:
        BASELINE.write_text(json.dumps({"cases": len(results), **now}, indent=2) + "\n", encoding="utf-8")
        print(f"baseline written: {BASELINE.relative_to(ROOT)}")
        return 0
    if not BASELINE.exists():
        print("no baseline: run with --update-baseline")
        return 1
    below = regressions(now, json.loads(BASELINE.read_text(encoding="utf-8")))
    for line in below:
        print(f"BELOW BASELINE: {line}")
    return 1 if below else 0


if __name__ == "__main__":
    raise SystemExit(main())
