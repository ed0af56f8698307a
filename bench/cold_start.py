"""Import time of the Lambda entry points next to a bare `import boto3` (the cold-start proxy).

Each figure is the median of several fresh interpreters. Also lists which heavy libraries an
import pulled in: pypdf, docx and anthropic must load only inside the phases that use them.

    python bench/cold_start.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("pypdf", "docx", "anthropic")
TARGETS = {
    "import boto3 (baseline)": "boto3",
    "app.py (the API Lambda)": "app",
    "phase INITIATION": "chalicelib.phases.initiation",
    "phase PROCESSING": "chalicelib.phases.processing",
    "phase QA": "chalicelib.phases.qa",
    "phase OUTPUT": "chalicelib.phases.output",
    "record_failure": "chalicelib.phases.failure",
}
PROBE = """
import json, sys, time
start = time.perf_counter()
import importlib; importlib.import_module({module!r})
elapsed = time.perf_counter() - start
print(json.dumps({{"ms": elapsed * 1000, "heavy": [m for m in {heavy!r} if m in sys.modules]}}))
"""


def measure(module: str, runs: int) -> tuple[float, list[str]]:
    env = {**os.environ, "AUTH_MODE": "cognito", "PYTHONDONTWRITEBYTECODE": "1"}
    samples: list[float] = []
    heavy: list[str] = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", PROBE.format(module=module, heavy=HEAVY)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        result = json.loads(out)
        samples.append(result["ms"])
        heavy = result["heavy"]
    return statistics.median(samples), heavy


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    results = {label: measure(module, args.runs) for label, module in TARGETS.items()}
    baseline = results["import boto3 (baseline)"][0]
    print(f"{'entry point':32} {'import ms':>10} {'x boto3':>8}  heavy libraries loaded")
    for label, (ms, heavy) in results.items():
        print(f"{label:32} {ms:10.1f} {ms / baseline:8.2f}  {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
