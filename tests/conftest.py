"""Shared fixtures: the local stack (moto + the ASL interpreter + the HTTP API) for the session.

The environment is set before anything imports `app.py`, which reads it at import.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import urllib3
from _pytest.nodeid import NodeId  # pytest 9's structured node id (see _keep_xdist_groups)

os.environ["AUTH_MODE"] = "dev"
TEST_SECRET = "test-signing-key-not-for-production-use-0123456789"
os.environ["DEV_AUTH_SECRET"] = TEST_SECRET
# Generous limits, so the load tests (the soak, 50 concurrent PATCHes) measure the system and
# not the limiter; tests/integration/test_rate_limit.py sets tight ones for itself.
for _prefix in ("RATE_LIMIT", "API_KEY_RATE_LIMIT"):
    os.environ[f"{_prefix}_PER_SECOND"] = "500"
    os.environ[f"{_prefix}_BURST"] = "1000"

# The reconciler leaves alone what changed within this grace (10 minutes on AWS).
os.environ["RECONCILE_GRACE_SECONDS"] = "2"

from chalicelib.api.auth import issue_dev_token  # noqa: E402
from local_stack.stack import LocalStack, StackConfig  # noqa: E402

TERMINAL = {"COMPLETED", "FAILED", "CANCELLED"}
# Where a workflow waits for nobody but a person: finished, or in review.
SETTLED = TERMINAL | {"NEEDS_REVIEW"}
# Test tiers (pyproject.toml registers them): `unit` needs nothing but Python; `stack` runs the
# local stack; `fuzz` generates inputs for minutes; `soak` is the long load test.
FUZZ_FILES = {"test_fuzz_inputs.py", "test_schemathesis.py"}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test gets its tier from where it lives, so no file can forget its marker.

    And each `xdist_group` holds: under `--dist loadgroup` pytest-xdist 3.8 names a grouped test
    "<id>@<group>" by setting `item._nodeid`, which pytest 9 no longer reads (the id lives in
    `item._id`), so every group was silently ignored and tests meant to run one at a time (the
    local stacks, the soak, the dashboard, the corpus eval's one analysis) ran side by side. Run
    last, this carries xdist's name over to the id pytest reports."""
    _keep_xdist_groups(items)
    for item in items:
        path = item.path
        if path.name in FUZZ_FILES:
            item.add_marker(pytest.mark.fuzz)
        if "integration" in path.parts:
            item.add_marker(pytest.mark.stack)
        elif path.name not in FUZZ_FILES:
            item.add_marker(pytest.mark.unit)
        if "soak" in item.name:
            item.add_marker(pytest.mark.soak)


def _keep_xdist_groups(items: list[pytest.Item]) -> None:
    for item in items:
        grouped = item.__dict__.get("_nodeid")
        if isinstance(grouped, str) and grouped != item.nodeid and hasattr(item, "_id"):
            item._id = NodeId.parse(grouped)


CONTENT_TYPES = {
    "PDF": "application/pdf",
    "IMAGE": "image/jpeg",
    "WORD": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass
class Reply:
    status: int
    body: Any
    headers: dict[str, str]


class Api:
    """A small HTTP client for the local API, authenticated as one user."""

    def __init__(self, base_url: str, pool: urllib3.PoolManager, token: str | None) -> None:
        self.base_url = base_url
        self._pool = pool
        self.token = token

    def as_user(self, user_id: str) -> Api:
        return Api(self.base_url, self._pool, token_for(user_id))

    def workflow_owner(self) -> str:
        """The user id this client's token names."""
        import jwt

        assert self.token is not None
        return str(jwt.decode(self.token, options={"verify_signature": False})["sub"])

    def anonymous(self) -> Api:
        return Api(self.base_url, self._pool, None)

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> Reply:
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        if self.token is not None:
            all_headers["Authorization"] = f"Bearer {self.token}"
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        response = self._pool.request(method, f"{self.base_url}{path}", body=data, headers=all_headers)
        text = response.data.decode() if response.data else ""
        try:
            parsed = json.loads(text) if text else None
        except ValueError:
            parsed = text
        assert_no_internals(parsed, f"{method} {path}")
        return Reply(response.status, parsed, dict(response.headers))

    def get(self, path: str, **kwargs: Any) -> Reply:
        return self.call("GET", path, **kwargs)

    def post(self, path: str, body: Any = None, **kwargs: Any) -> Reply:
        return self.call("POST", path, body, **kwargs)

    def put(self, path: str, body: Any = None, **kwargs: Any) -> Reply:
        return self.call("PUT", path, body, **kwargs)

    def patch(self, path: str, body: Any = None, **kwargs: Any) -> Reply:
        return self.call("PATCH", path, body, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Reply:
        return self.call("DELETE", path, **kwargs)

    # --- workflow helpers -------------------------------------------------------------------

    def create_text(self, text: str, title: str | None = None, *, review_required: bool = False) -> str:
        body: dict[str, Any] = {"inputMethod": "TEXT", "inputData": {"text": text}}
        if title:
            body["title"] = title
        if review_required:
            body["reviewRequired"] = True
        reply = self.post("/api/orchestrator/workflows", body)
        assert reply.status == 201, reply.body
        return str(reply.body["workflowId"])

    def create_pending(self, method: str = "PDF", title: str = "Awaiting upload") -> str:
        """A workflow waiting for its document (PENDING until the upload lands)."""
        return str(self.create_upload(method, title=title)["workflowId"])

    def create_upload(
        self, method: str = "PDF", file_name: str | None = None, size: int = 1000, title: str | None = None
    ) -> dict[str, Any]:
        body: dict[str, Any] = {
            "inputMethod": method,
            "inputData": {
                "fileName": file_name or ("report.pdf" if method == "PDF" else "report.docx"),
                "contentType": CONTENT_TYPES[method],
                "size": size,
            },
        }
        if title:
            body["title"] = title
        reply = self.post("/api/orchestrator/workflows", body)
        assert reply.status == 201, reply.body
        return dict(reply.body)

    def workflow(self, workflow_id: str) -> dict[str, Any]:
        reply = self.get(f"/api/orchestrator/workflows/{workflow_id}")
        assert reply.status == 200, reply.body
        return dict(reply.body["workflow"])

    def wait_for(
        self,
        workflow_id: str,
        until: Callable[[dict[str, Any]], bool] = lambda w: w["status"] in SETTLED,
        timeout: float = 60,
        interval: float = 0.1,
    ) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            workflow = self.workflow(workflow_id)
            if until(workflow):
                return workflow
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting; last state: {workflow}")
            time.sleep(interval)


# What a user must never see in an error: an ARN, a storage name, a stack trace, an SDK's text
# (README "Standards"). Every error any HTTP test receives is checked (#19).
_INTERNALS = re.compile(
    r"arn:aws|restoreassist-(?:workflows|connections|audit|documents)|s3://|Traceback|botocore"
    r"|ClientError|\b(?:inputs|uploads|work|reports|photos)/[\w-]+/wf_",
)
_ERROR_FIELDS = {"error", "errorCode", "errorMessage"}


def assert_no_internals(body: Any, where: str) -> None:
    """Every error field of a reply, at any depth, says nothing of the inside."""

    def errors(value: Any) -> Iterator[Any]:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in _ERROR_FIELDS:
                    yield item
                else:
                    yield from errors(item)
        elif isinstance(value, list):
            for item in value:
                yield from errors(item)

    for found in errors(body):
        leaked = _INTERNALS.search(json.dumps(found))
        assert leaked is None, f"{where} showed an internal ({leaked.group(0)!r}) to a user: {found}"


def token_for(user_id: str) -> str:
    return issue_dev_token(user_id, TEST_SECRET)


@pytest.fixture
def held_analysis(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """PROCESSING waits until the test sets the event, so a test can act while it runs."""
    from chalicelib.phases import processing

    release = threading.Event()
    # The function processing calls (it imports it from chalicelib.analysis, not re-exporting it).
    from chalicelib.analysis import analyze_text as real

    def held(text: str, **kwargs: Any) -> Any:
        release.wait(timeout=30)
        return real(text, **kwargs)

    monkeypatch.setattr(processing, "analyze_text", held)
    yield release
    release.set()


@pytest.fixture(scope="session")
def stack() -> Iterator[LocalStack]:
    # The reconciler runs when a test calls `stack.reconcile()`, not on a timer.
    config = StackConfig(
        api_port=0,
        aws_port=0,
        websocket_port=0,
        dev_auth_secret=TEST_SECRET,
        reconcile_every_seconds=None,
        close_expired_every_seconds=None,
    )
    local = LocalStack(config)
    local.start()
    yield local
    local.stop()


@pytest.fixture(scope="session")
def http_pool() -> urllib3.PoolManager:
    return urllib3.PoolManager(maxsize=64, retries=False, timeout=urllib3.Timeout(total=60))


@pytest.fixture
def api(stack: LocalStack, http_pool: urllib3.PoolManager, request: pytest.FixtureRequest) -> Api:
    """Authenticated as a user of this test's own, so tests never see each other's data."""
    user = "u-" + re.sub(r"[^A-Za-z0-9_.@-]", "-", request.node.name)[:60]
    return Api(stack.api_url, http_pool, token_for(user))
