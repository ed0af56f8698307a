"""X-Ray for real: a phase Lambda's invocation, run as Lambda runs it (its trace header in
`_X_AMZN_TRACE_ID`), sends its subsegments through the X-Ray SDK to the daemon's UDP address,
here a socket of this test on the loopback interface."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TRACE_ROOT = "1-5759e988-bd862e3fe1be46a994272793"
PROBE = """
from chalice.app import LambdaFunctionEvent
from chalicelib import observability
from chalicelib.phases import processing
from tests.unit.test_observability import EVENT, Context, _ports_with_text

with observability.invocation(LambdaFunctionEvent(dict(EVENT), Context("req-x"))):
    processing.handle(_ports_with_text(), dict(EVENT))
"""


def _received(sock: socket.socket) -> list[dict[str, Any]]:
    documents = []
    sock.settimeout(5)
    try:
        while True:
            data, _ = sock.recvfrom(65536)
            header, body = data.decode().split("\n", 1)
            assert json.loads(header) == {"format": "json", "version": 1}
            documents.append(json.loads(body))
            sock.settimeout(0.5)
    except TimeoutError:
        return documents


def test_a_phase_invocation_sends_its_handler_and_phase_subsegments_to_xray() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as daemon:
        daemon.bind(("127.0.0.1", 0))
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("POWERTOOLS_", "AWS_"))},
            "AWS_LAMBDA_FUNCTION_NAME": "restoreassist-dev-phase_processing",
            "LAMBDA_TASK_ROOT": str(ROOT),
            "AWS_REGION": "us-east-1",
            "_X_AMZN_TRACE_ID": f"Root={TRACE_ROOT};Parent=53995c3f42cd8ad8;Sampled=1",
            "AWS_XRAY_DAEMON_ADDRESS": f"127.0.0.1:{daemon.getsockname()[1]}",
            "POWERTOOLS_METRICS_DISABLED": "true",
        }
        run = subprocess.run(
            [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        assert run.returncode == 0, run.stderr[-3000:]
        documents = _received(daemon)

    by_name = {document["name"]: document for document in documents}
    handler = by_name["## restoreassist-dev-phase_processing"]
    phase = by_name["## phase PROCESSING"]
    workflow_id = "wf_" + "c" * 32
    assert handler["trace_id"] == phase["trace_id"] == TRACE_ROOT
    assert phase["parent_id"] == handler["id"]  # the phase inside its invocation
    assert handler["annotations"] == {
        "ColdStart": True,
        "Service": "restoreassist-orchestrator",
        "workflowId": workflow_id,
    }
    assert phase["annotations"] == {"workflowId": workflow_id, "phase": "PROCESSING"}
    assert phase["end_time"] > phase["start_time"]
    # The log lines of the traced invocation carry the trace id too (Powertools reads it)
    assert f'"xray_trace_id":"{TRACE_ROOT}"' in run.stdout
