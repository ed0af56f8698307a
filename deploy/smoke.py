"""Smoke test of a running stack: the README's curl session, checked.

    make smoke API_URL=https://{api}.execute-api.{region}.amazonaws.com/v1/api/orchestrator TOKEN=...
    python deploy/smoke.py API_URL            (the token in SMOKE_TOKEN)

Creates a TEXT workflow, polls it to COMPLETED, reads the JSON report, and downloads the
Markdown and PDF reports through the presigned links the API answers, checking what comes
back. Each step prints one line; any failure exits 1 with what was expected and what came.
Standard library only, so it runs from any machine with python3 (a deployed stack's
operator has no venv). The token is a Cognito ID token on AWS, a `make token` one locally; it is
read from the environment so it stays out of the process list.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request
from typing import Any

NOTES = (
    "Cause: burst supply line under the kitchen sink.\nKitchen 12x14 ft, vinyl floor wet.\nSubfloor 32%MC."
)
FINAL = {"COMPLETED", "FAILED", "CANCELLED", "NEEDS_REVIEW"}


class SmokeError(Exception):
    pass


def call(method: str, url: str, token: str | None, body: Any = None) -> tuple[int, bytes]:
    headers = {"Accept": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def api_json(method: str, url: str, token: str, body: Any = None, expect: int = 200) -> Any:
    status, payload = call(method, url, token, body)
    if status != expect:
        raise SmokeError(f"{method} {url}: HTTP {status}, expected {expect}: {payload[:500]!r}")
    return json.loads(payload)


def run(api: str, token: str, timeout: float, out: Any = sys.stdout) -> str:
    api = api.rstrip("/")
    created = api_json(
        "POST",
        f"{api}/workflows",
        token,
        {"inputMethod": "TEXT", "title": "Smoke test", "inputData": {"text": NOTES}},
        expect=201,
    )
    workflow_id = created["workflowId"]
    print(f"created {workflow_id} ({created['status']})", file=out)

    deadline = time.monotonic() + timeout
    while True:
        workflow = api_json("GET", f"{api}/workflows/{workflow_id}", token)["workflow"]
        if workflow["status"] in FINAL:
            break
        if time.monotonic() > deadline:
            raise SmokeError(f"{workflow_id} still {workflow['status']} after {timeout:.0f} s")
        time.sleep(1)
    if workflow["status"] != "COMPLETED":
        raise SmokeError(f"{workflow_id} ended {workflow['status']}: {workflow.get('errorMessage')}")
    print(f"{workflow_id} COMPLETED: {', '.join(workflow['completedPhases'])}", file=out)

    report = api_json("GET", f"{api}/workflows/{workflow_id}/report?format=json", token)["report"]
    if not report.get("findings"):
        raise SmokeError(f"the JSON report has no findings: {sorted(report)}")
    print(f"report.json: {len(report['findings'].get('affectedAreas', []))} affected area(s)", file=out)

    for extension, magic in (("md", b"#"), ("pdf", b"%PDF-")):
        link = api_json("GET", f"{api}/workflows/{workflow_id}/report?format={extension}", token)
        # A presigned URL is its own credential: no Authorization header (S3 would refuse one).
        status, payload = call("GET", link["url"], None)
        if status != 200 or not payload.lstrip().startswith(magic):
            raise SmokeError(f"report.{extension}: HTTP {status}, starts {payload[:20]!r}")
        print(f"report.{extension}: {len(payload)} bytes ({link['contentType']})", file=out)
    return str(workflow_id)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("api_url", help="the API base, .../api/orchestrator")
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for COMPLETED")
    args = parser.parse_args(argv)
    token = os.environ.get("SMOKE_TOKEN", "")
    if not token:
        print("SMOKE_TOKEN is not set (make smoke TOKEN=...)", file=sys.stderr)
        return 2
    try:
        workflow_id = run(args.api_url, token, args.timeout)
    except (SmokeError, urllib.error.URLError, KeyError, ValueError) as error:
        print(f"smoke test FAILED: {error}", file=sys.stderr)
        return 1
    print(f"smoke test passed ({workflow_id})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
