"""`python -m local_stack run` as a process of its own, as `make run` starts it, for the tests that
stop, kill or restart it: its output lines are collected as they come."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start_local_stack(
    secret_file: Path, data_dir: Path, *extra: str, env: Mapping[str, str] | None = None
) -> tuple[subprocess.Popen[str], list[str]]:
    """The stack on free ports, keeping its data in `data_dir` (never the checkout's .local/)."""
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "local_stack", "--secret-file", str(secret_file), "run"),
            *("--api-port", "0", "--aws-port", "0", "--websocket-port", "0"),
            *("--data-dir", str(data_dir), *extra),
        ],
        cwd=ROOT,
        env=dict(env) if env is not None else None,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)

    threading.Thread(target=read, daemon=True).start()
    return process, lines
