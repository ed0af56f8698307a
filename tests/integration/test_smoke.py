"""`make smoke`, the deployed stack's smoke test, proven against the local stack: the same
command an operator runs after `sam deploy`, with a development token instead of Cognito's."""

from __future__ import annotations

import subprocess
from pathlib import Path

from local_stack.stack import LocalStack
from tests.conftest import token_for

ROOT = Path(__file__).resolve().parents[2]


def _smoke(api_url: str, token: str) -> subprocess.CompletedProcess[str]:
    command = ["make", "-s", "--no-print-directory", "smoke", f"API_URL={api_url}", f"TOKEN={token}"]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=240, check=False)


def test_make_smoke_runs_the_readmes_session_to_a_completed_report(stack: LocalStack) -> None:
    result = _smoke(f"{stack.api_url}/api/orchestrator", token_for("smoke-operator"))

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("created wf_")
    assert any(" COMPLETED: INITIATION, PROCESSING, QA, OUTPUT" in line for line in lines)
    assert any(line.startswith("report.pdf: ") for line in lines)
    assert lines[-1].startswith("smoke test passed (wf_")


def test_make_smoke_fails_on_a_token_the_api_refuses(stack: LocalStack) -> None:
    # The deploy README's old session sent the token without "Bearer": a 401 must fail the smoke.
    result = _smoke(f"{stack.api_url}/api/orchestrator", "not-a-token")
    assert result.returncode != 0
    assert "HTTP 401" in result.stderr
