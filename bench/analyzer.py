"""The offline analyzer's time per inspection, next to the previous analyzer in the same process,
and the import time of the PROCESSING phase with the analyzer in fresh interpreters.

The previous analyzer is the single-module `chalicelib/analysis/offline.py` as git last had it
(before it was split by topic); it is loaded from git into a temporary module, so both run on the
same machine in the same moment, interleaved case by case. Ratios, not absolute times, are the
figures to compare (machines are noisy).

`--against REV` compares with the analyzer package as it was at any revision instead (a round's
start, say): that tree is extracted from git and each analyzer runs in an interpreter of its own
(`bench/analyzer_worker.py`), the two fed the same text in turn, each timing only its analysis.

    python bench/analyzer.py [--rounds 5] [--previous REV | --against REV] [--import-runs 7]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import case_input, load_cases  # noqa: E402
from chalicelib.analysis import analyze_text  # noqa: E402

OLD_PATH = "chalicelib/analysis/offline.py"
IMPORT_PROBE = """
import time
start = time.perf_counter()
import chalicelib.phases.processing, chalicelib.analysis.offline
print((time.perf_counter() - start) * 1000)
"""


def previous_analyzer(rev: str | None) -> ModuleType | None:
    """The single-module analyzer as git last had it, or None outside a git checkout."""
    try:
        if rev is None:
            deleted = subprocess.run(
                ["git", "log", "-1", "--format=%H", "--", OLD_PATH],
                cwd=ROOT, capture_output=True, text=True, check=True,
            ).stdout.strip()  # fmt: skip
            rev = f"{deleted}^"
        source = subprocess.run(
            ["git", "show", f"{rev}:{OLD_PATH}"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(tempfile.mkdtemp()) / "offline_previous.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("offline_previous", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


class _Worker:
    """An analyzer in its own interpreter: `chalicelib` from `tree` (None: this checkout's)."""

    def __init__(self, tree: Path | None) -> None:
        paths = [str(tree)] if tree is not None else []
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([*paths, str(ROOT)]),
            "AUTH_MODE": "cognito",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        self._process = subprocess.Popen(
            [sys.executable, str(ROOT / "bench" / "analyzer_worker.py")],
            cwd=tree or ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self._answer()  # ready: imports are not timed

    def _answer(self) -> dict[str, object]:
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            raise RuntimeError("the analyzer worker stopped")
        answer: dict[str, object] = json.loads(line)
        return answer

    def time_ms(self, text: str) -> float:
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps({"text": text}) + "\n")
        self._process.stdin.flush()
        return float(str(self._answer()["ms"]))

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        self._process.wait(timeout=30)


def analyzer_at(rev: str) -> Path:
    """The `chalicelib` package as it was at `rev`, extracted into a temporary directory."""
    tree = Path(tempfile.mkdtemp(prefix="analyzer-"))
    archive = subprocess.run(["git", "archive", rev, "chalicelib"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return tree


def time_in_workers(texts: list[str], rev: str, rounds: int) -> dict[str, list[float]]:
    workers = {"current": _Worker(None), rev: _Worker(analyzer_at(rev))}
    try:
        times: dict[str, list[float]] = {name: [] for name in workers}
        for _ in range(rounds):
            for text in texts:
                for name, worker in workers.items():  # interleaved: both see the same moment
                    times[name].append(worker.time_ms(text))
        return times
    finally:
        for worker in workers.values():
            worker.close()


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_per_case(
    texts: list[str], analyzers: dict[str, Callable[[str], object]], rounds: int
) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in analyzers}
    for _ in range(rounds):
        for text in texts:
            for name, analyze in analyzers.items():  # interleaved: both see the same moment
                started = time.perf_counter()
                analyze(text)
                times[name].append((time.perf_counter() - started) * 1000)
    return times


def import_ms(runs: int) -> float:
    env = {**os.environ, "AUTH_MODE": "cognito", "PYTHONDONTWRITEBYTECODE": "1"}
    samples = [
        float(
            subprocess.run(
                [sys.executable, "-c", IMPORT_PROBE],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--previous", default=None, help="git revision holding the previous analyzer")
    parser.add_argument("--against", default=None, help="git revision of the analyzer package to compare")
    parser.add_argument("--import-runs", type=int, default=7)
    args = parser.parse_args()
    texts = [case_input(case)[0] for case in load_cases()]
    texts += [path.read_text(encoding="utf-8") for path in sorted((ROOT / "samples").glob("*.txt"))]
    if args.against is not None:
        times = time_in_workers(texts, args.against, args.rounds)
        other = args.against
    else:
        analyzers: dict[str, Callable[[str], object]] = {"current": analyze_text}
        previous = previous_analyzer(args.previous)
        if previous is not None:
            analyzers["previous"] = previous.analyze_text
        times = time_per_case(texts, analyzers, args.rounds)
        other = "previous"
    print(f"{len(texts)} inspections x {args.rounds} rounds, interleaved")
    print(f"  {'analyzer':<10} {'median ms':>10} {'p99 ms':>8}")
    summary = {}
    for name, samples in times.items():
        summary[name] = (statistics.median(samples), _percentile(samples, 0.99))
        print(f"  {name[:10]:<10} {summary[name][0]:>10.2f} {summary[name][1]:>8.2f}")
    if other in summary:
        median_ratio = summary["current"][0] / summary[other][0]
        p99_ratio = summary["current"][1] / summary[other][1]
        print(f"  current / {other[:12]}: median {median_ratio:.2f}x, p99 {p99_ratio:.2f}x")
    else:
        print("  (no previous analyzer: not a git checkout)")
    imported = import_ms(args.import_runs)
    print(f"PROCESSING + analyzer import, median of {args.import_runs} fresh interpreters: {imported:.0f} ms")
    print(
        json.dumps(
            {name: {"medianMs": round(m, 2), "p99Ms": round(p, 2)} for name, (m, p) in summary.items()}
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
