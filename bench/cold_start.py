"""Import time of the Lambda entry points next to a bare `import boto3` (the cold-start proxy).

Each figure is the median of several fresh interpreters. Also lists which heavy libraries an
import pulled in: pypdf, docx and anthropic must load only inside the phases that use them, and
boto3 only when the wiring builds its first adapter (never at import). The API's target: importing
`app` costs at most 1.5x a bare `import boto3`.

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
HEAVY = ("boto3", "pypdf", "docx", "anthropic")
APP_TARGET = 1.5  # x boto3
TARGETS = {
    "import boto3 (baseline)": "boto3",
    "app.py (the API Lambda)": "app",
    "phase INITIATION": "chalicelib.phases.initiation",
    "phase PROCESSING": "chalicelib.phases.processing",
    "phase QA": "chalicelib.phases.qa",
    "phase OUTPUT": "chalicelib.phases.output",
    "record_failure": "chalicelib.phases.failure",
    # Where tracing is on (on Lambda), observability.py imports it on the first invocation.
    "X-Ray SDK (tracing on)": "aws_xray_sdk.core",
}
PROBE = """
import json, sys, time
start = time.perf_counter()
import importlib; importlib.import_module({module!r})
elapsed = time.perf_counter() - start
print(json.dumps({{"ms": elapsed * 1000, "heavy": [m for m in {heavy!r} if m in sys.modules]}}))
"""


def probe(module: str) -> tuple[float, list[str]]:
    env = {**os.environ, "AUTH_MODE": "cognito", "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(module=module, heavy=HEAVY)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = json.loads(out)
    return float(result["ms"]), list(result["heavy"])


def measure(runs: int) -> dict[str, tuple[float, list[str]]]:
    """Round-robin over the targets, so a busy moment slows every target alike."""
    samples: dict[str, list[float]] = {label: [] for label in TARGETS}
    heavy: dict[str, list[str]] = {}
    for _ in range(runs):
        for label, module in TARGETS.items():
            ms, loaded = probe(module)
            samples[label].append(ms)
            heavy[label] = loaded
    return {label: (statistics.median(values), heavy[label]) for label, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    results = measure(args.runs)
    baseline = results["import boto3 (baseline)"][0]
    print(f"{'entry point':32} {'import ms':>10} {'x boto3':>8}  heavy libraries loaded")
    for label, (ms, heavy) in results.items():
        shown = [m for m in heavy if not (m == "boto3" and label.startswith("import boto3"))]
        print(f"{label:32} {ms:10.1f} {ms / baseline:8.2f}  {', '.join(shown) or 'none'}")
    ratio = results["app.py (the API Lambda)"][0] / baseline
    verdict = "within" if ratio <= APP_TARGET else "OVER"
    print(f"\nimport app: {ratio:.2f}x import boto3, {verdict} the {APP_TARGET}x target")


if __name__ == "__main__":
    main()
