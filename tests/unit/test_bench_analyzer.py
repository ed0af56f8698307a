"""`bench/analyzer.py --against REV`: an earlier revision's analyzer, extracted from git, runs in an
interpreter of its own beside this checkout's, each timing only its own analysis."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bench.analyzer import analyzer_at, time_in_workers

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
NOTES = "Claim ABC-1. Laundry 2.4 x 1.8 m, vinyl floor wet. Laundry wall 32 %MC on 3/11/2026."


def test_a_revision_s_analyzer_is_extracted_and_timed_beside_the_current_one() -> None:
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    tree = analyzer_at(head)
    assert (tree / "chalicelib" / "analysis" / "offline" / "analyzer.py").is_file()
    times = time_in_workers([NOTES, NOTES + " Hall wall 20 %MC."], head, rounds=2)
    assert list(times) == ["current", head]
    assert all(len(samples) == 4 and all(ms > 0 for ms in samples) for samples in times.values())
