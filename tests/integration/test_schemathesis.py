"""Schemathesis against the local stack: every operation of the OpenAPI document, fuzzed.

Each operation gets schema examples, schemathesis' coverage cases (boundaries, missing and
wrong-typed values) and generated cases, valid and invalid. Every answer must be no 5xx, match the
documented status codes, content type, headers and schema, and refuse a missing or invalid
credential. The generation is derandomized, so a run is the same every time.

Ids the generator makes up name nothing, so a valid-looking workflow id (and API key id, and
CORS origin) is swapped, case by case, for one of a few seeded resources: the 2xx paths are
exercised along with the 400s and 404s. One case in four authenticates with an API key.

Last, a few hostile inputs the generator does not reach, each of which must be a 4xx.
"""

from __future__ import annotations

import base64
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
import urllib3
from schemathesis.checks import not_a_server_error
from schemathesis.core import NotSet
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

import app as application
from chalicelib.api.openapi import document
from chalicelib.api.operations import PATH_PARAMETERS
from chalicelib.phases import processing
from chalicelib.settings import get_settings
from local_stack.stack import LocalStack
from tests.conftest import Api, token_for

USER = "u-schemathesis"
ALLOWED_ORIGIN = "https://app.schemathesis.example"
NOTES = "Cause: burst pipe in the laundry.\nLaundry 3 x 2.5 m, vinyl floor wet.\nLaundry wall 40 WME."
BASE = "/api/orchestrator"
MAX_EXAMPLES = 25
WORKFLOW_ID = re.compile(PATH_PARAMETERS["workflow_id"]["schema"]["pattern"])
KEY_ID = re.compile(PATH_PARAMETERS["key_id"]["schema"]["pattern"])

CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    ignored_auth,
    negative_data_rejection,
]

config = schemathesis.Config.from_dict(
    {
        "generation": {
            "mode": "all",
            "max-examples": MAX_EXAMPLES,
            "deterministic": True,
            "database": "none",
            # Credentials are the test's to send (see `_credential`), not the generator's.
            "with-security-parameters": False,
        },
        "phases": {
            "stateful": {"enabled": False},
            # Reusing ids from earlier answers (random uuids) would make runs differ.
            "examples": {"extra-data-sources": {"responses": False}},
            "fuzzing": {"extra-data-sources": {"responses": False}},
            "coverage": {
                "extra-data-sources": {"responses": False},
                # The local server (chalice.local, on http.server) answers TRACE, QUERY and the
                # like 501 itself, and HEAD with a body; on AWS, API Gateway answers those.
                "unexpected-methods": ["get", "put", "post", "delete", "options", "patch"],
            },
        },
        "suppress-health-check": ["too_slow", "filter_too_much", "data_too_large"],
    }
)
DOCUMENT = document(application.ROUTES)
schema = schemathesis.openapi.from_dict(DOCUMENT, config=config)


@dataclass(frozen=True)
class Seeds:
    """Resources of the test's user, by the operations whose ids they stand in for."""

    workflows: dict[tuple[str, str], list[str]]
    api_key_ids: list[str]
    api_key_secret: str


@pytest.fixture(scope="module")
def seeds(stack: LocalStack, http_pool: urllib3.PoolManager) -> Iterator[Seeds]:
    with pytest.MonkeyPatch.context() as env:
        # A fuzzer is a runaway script by design: let it through the rate limiter.
        for prefix in ("RATE_LIMIT", "API_KEY_RATE_LIMIT"):
            env.setenv(f"{prefix}_PER_SECOND", "100000")
            env.setenv(f"{prefix}_BURST", "100000")
        env.setenv("CORS_ALLOWED_ORIGINS", ALLOWED_ORIGIN)
        get_settings.cache_clear()
        yield _seed(Api(stack.api_url, http_pool, token_for(USER)))
    get_settings.cache_clear()


def _paused_workflow(api: Api, n: int) -> str:
    """A workflow paused at a phase boundary. The pause is asked for at once, but a fast stack
    can finish a short inspection first: then another is made (a few tries)."""
    for _ in range(5):
        workflow_id = api.create_text(NOTES, title=f"Seed: paused {n}")
        assert api.post(f"{BASE}/workflows/{workflow_id}/pause").status == 200
        settled = api.wait_for(workflow_id, until=lambda w: w["status"] in ("PAUSED", "COMPLETED"))
        if settled["status"] == "PAUSED":
            return workflow_id
    raise AssertionError("no seed workflow paused before it completed")


def _seed(api: Api) -> Seeds:
    failed = _failed_workflow(api)
    completed = api.create_text(NOTES, title="Seed: completed")
    paused = [_paused_workflow(api, n) for n in range(2)]
    pending = [api.create_pending(title=f"Seed: pending {n}") for n in range(3)]
    api.wait_for(completed)
    key = api.post(f"{BASE}/api-keys", {"name": "schemathesis"}).body
    revoked = api.post(f"{BASE}/api-keys", {"name": "revoked"}).body["apiKey"]["id"]
    assert api.delete(f"{BASE}/api-keys/{revoked}").status == 200

    item = "/workflows/{workflow_id}"
    workflows = {
        ("GET", item): [completed, paused[0], failed, pending[0]],
        ("PATCH", item): [pending[0], paused[0], completed],
        ("DELETE", item): [pending[1], pending[2]],
        ("POST", f"{item}/pause"): [paused[0], completed, pending[0]],
        ("POST", f"{item}/resume"): [paused[1], completed],
        ("POST", f"{item}/retry"): [failed, completed],
        ("GET", f"{item}/report"): [completed, paused[0]],
        ("POST", f"{item}/upload"): [pending[0], completed],
    }
    return Seeds(workflows, [key["apiKey"]["id"], revoked], key["secret"])


def _failed_workflow(api: Api) -> str:
    """A workflow that failed in PROCESSING: the analyzer breaks on its notes alone."""
    real = processing.analyze_text
    marker = "(schemathesis: fail this analysis)"

    def broken(text: str) -> Any:
        if marker in text:
            raise ValueError("seeded failure")
        return real(text)

    processing.analyze_text = broken
    try:
        workflow_id = api.create_text(f"{NOTES}\n{marker}", title="Seed: failed")
        assert api.wait_for(workflow_id)["status"] == "FAILED"
    finally:
        processing.analyze_text = real
    return workflow_id


def _digest(*values: Any) -> int:
    """A stable hash of a case's data: the same case picks the same way in every run."""
    text = json.dumps(values, sort_keys=True, default=lambda o: "-" if isinstance(o, NotSet) else repr(o))
    return zlib.crc32(text.encode())


def _pick(case: Any, choices: list[str]) -> str | None:
    """One of `choices`, or None (keep the generated value), chosen by the case's own data."""
    index = _digest(case.method, case.path_parameters, case.query, case.headers, case.body) % (
        len(choices) + 1
    )
    return choices[index] if index < len(choices) else None


def _aim(case: Any, seeds: Seeds) -> None:
    """Point a valid-looking id (or origin) at a seeded resource, now and then.

    Only values that match the documented pattern are swapped: a negative case keeps its
    invalid id, and still gets its 400.
    """
    parameters = case.path_parameters or {}
    workflow_id = parameters.get("workflow_id")
    if isinstance(workflow_id, str) and WORKFLOW_ID.fullmatch(workflow_id):
        operation = (case.method.upper(), case.path.removeprefix(BASE))
        pool = seeds.workflows.get(operation) or seeds.workflows[("GET", "/workflows/{workflow_id}")]
        parameters["workflow_id"] = _pick(case, pool) or workflow_id
    key_id = parameters.get("key_id")
    if isinstance(key_id, str) and KEY_ID.fullmatch(key_id):
        parameters["key_id"] = _pick(case, seeds.api_key_ids) or key_id
    if case.method.upper() == "OPTIONS" and _pick(case, [ALLOWED_ORIGIN]):
        case.headers = {**(case.headers or {}), "Origin": ALLOWED_ORIGIN}


def _credential(case: Any, seeds: Seeds) -> dict[str, str]:
    """The user's token, or (one case in four) the user's API key."""
    api_key = _digest(case.method, case.path, case.query, case.body) % 4 == 0
    secret = seeds.api_key_secret if api_key else token_for(USER)
    return {"Authorization": f"Bearer {secret}"}


def _operation_test(operation_id: str) -> Any:
    """A test of one operation: every case called, every answer checked."""

    def test(case: Any, stack: LocalStack, seeds: Seeds) -> None:
        _aim(case, seeds)
        headers = {} if case.method.upper() == "OPTIONS" else _credential(case, seeds)
        response = case.call(base_url=stack.api_url, headers=headers, timeout=30)
        case.validate_response(response, checks=CHECKS, headers=headers)

    test.__name__ = test.__qualname__ = f"test_{operation_id}"
    return schema.include(operation_id=operation_id).parametrize()(test)


# One test per operation, named after its operationId (`test_createWorkflow`, ...). Not one
# `@schema.parametrize()` test for all: under pytest 9.2 its items share one node id (the
# operation is left out of it), which pytest-xdist and --lf cannot tell apart.
for _operation_id in sorted(op["operationId"] for item in DOCUMENT["paths"].values() for op in item.values()):
    globals()[f"test_{_operation_id}"] = _operation_test(_operation_id)


def test_the_served_document_is_the_generated_one(api: Api) -> None:
    reply = api.get(f"{BASE}/openapi.json")
    assert reply.status == 200
    assert reply.body == DOCUMENT


def _page_token(cursor: str) -> str:
    """A nextToken as the server makes them (store.encode_page_token), around any cursor."""
    return base64.urlsafe_b64encode(json.dumps({"c": cursor}).encode()).decode().rstrip("=")


# Hostile inputs the generator does not reach: each must be refused with a 4xx, never a 5xx.
HOSTILE = [
    pytest.param("GET", "/workflows?nextToken=%FF%FE", {}, None, id="undecodable-token"),
    pytest.param(
        "GET",
        "/workflows?nextToken=" + _page_token(""),
        {},
        None,
        id="empty-cursor-workflows",
    ),
    pytest.param(
        "GET",
        "/audit?nextToken=" + _page_token(""),
        {},
        None,
        id="empty-cursor-audit",
    ),
    pytest.param(
        "PATCH",
        "/workflows/{pending}",
        {"If-Match": "9" * 4301},
        b'{"progress": {"progressPercentage": 5}}',
        id="if-match-4301-digits",
    ),
    pytest.param(
        "PATCH",
        "/workflows/{pending}",
        {"If-Match": "\u00b2"},
        b'{"progress": {"progressPercentage": 5}}',
        id="if-match-superscript-digit",
    ),
    pytest.param(
        "POST",
        "/workflows",
        {},
        b'{"inputMethod": "API", "inputData": ' + b'{"a": ' * 5000 + b"1" + b"}" * 5000 + b"}",
        id="deeply-nested-body",
    ),
    pytest.param("POST", "/api-keys", {}, b'{"name": "\\ud800"}', id="lone-surrogate"),
    pytest.param("POST", "/api-keys", {}, b'{"name": "\xff"}', id="invalid-utf8"),
    pytest.param("POST", "/api-keys", {}, b"[1]", id="array-body"),
    pytest.param(
        "POST",
        "/uploads",
        {},
        b'{"inputMethod": "PDF", "fileName": "a.pdf", "contentType": "application/pdf", "size": NaN}',
        id="nan",
    ),
]


@pytest.mark.parametrize(("method", "path", "headers", "raw"), HOSTILE)
def test_hostile_input_is_refused_not_a_server_error(
    api: Api, method: str, path: str, headers: dict[str, str], raw: bytes | None
) -> None:
    if "{pending}" in path:
        path = path.replace("{pending}", api.create_pending())
    reply = api.call(method, f"{BASE}{path}", headers=headers, raw=raw)
    assert 400 <= reply.status < 500, (reply.status, reply.body)
    assert set(reply.body) == {"error"}, reply.body
