"""An API process warms up before it listens (local_stack/api_process.py's `warm`): the adapters a
POST uses are built, what the token's check imports is imported, every pydantic model is built;
and no AWS request is made doing it (its endpoint here is a closed port). In a fresh interpreter,
as the API's child is: this test's own process keeps its lazily built state."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from local_stack.api_process import WARM_ADAPTERS

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, sys, time
import app
from pydantic import BaseModel
from chalicelib import wiring
from local_stack import api_process

def cold():
    return {
        "adapters": [a for a in api_process.WARM_ADAPTERS if a in vars(wiring.ports())],
        "incomplete": len([m for m in api_process._subclasses(BaseModel) if not m.__pydantic_complete__]),
        "jwt": "jwt" in sys.modules,
    }

before = cold()
started = time.monotonic()
api_process.warm()
print(json.dumps({"before": before, "after": cold(), "seconds": time.monotonic() - started}))
"""


def test_an_api_process_is_warm_before_it_listens() -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", ""),
        "AUTH_MODE": "dev",
        "DEV_AUTH_SECRET": "warm-test-secret-0123456789-0123456789",
        "AWS_ENDPOINT_URL": "http://127.0.0.1:9",  # discard: nothing answers there
        "AWS_JSON_CLIENT": "http",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])

    # Given a fresh process that imported the app: nothing built yet
    assert result["before"]["adapters"] == []
    assert result["before"]["incomplete"] > 0
    # Then warm() built every adapter a POST uses and every model, and imported jwt
    # (had it asked AWS anything, the closed port would have failed it)
    assert result["after"] == {"adapters": list(WARM_ADAPTERS), "incomplete": 0, "jwt": True}
    assert {"rate_buckets", "user_settings", "blobs", "workflows", "engine", "audit"} <= set(WARM_ADAPTERS)
