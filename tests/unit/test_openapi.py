"""The OpenAPI document: in sync with docs/openapi.json, with the routes, and valid OpenAPI 3.1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

import app as application
from chalicelib.api.http import API_PREFIX, RouteDoc
from chalicelib.api.openapi import DocumentError, document, render
from chalicelib.api.operations import PATH_PARAMETERS
from chalicelib.core import policy

ROOT = Path(__file__).resolve().parents[2]
CHECKED_IN = ROOT / "docs" / "openapi.json"
REGENERATE = "regenerate it: .venv/bin/python -m local_stack openapi > docs/openapi.json"
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return document(application.ROUTES)


def _operations(doc: dict[str, Any]) -> set[tuple[str, str]]:
    return {
        (method.upper(), path) for path, item in doc["paths"].items() for method in item if method in METHODS
    }


def test_the_checked_in_document_is_the_generated_one(doc: dict[str, Any]) -> None:
    assert CHECKED_IN.exists(), f"docs/openapi.json is missing; {REGENERATE}"
    text = CHECKED_IN.read_text()
    assert json.loads(text) == doc, f"docs/openapi.json is out of date; {REGENERATE}"
    assert text == render(application.ROUTES), (
        f"docs/openapi.json is not formatted as generated; {REGENERATE}"
    )


def test_every_route_is_documented_and_every_operation_is_a_route(doc: dict[str, Any]) -> None:
    # Given the app's routes as Chalice has them (the preflights included)
    routes = {
        (method, path)
        for path, methods in application.app.routes.items()
        if path.startswith(API_PREFIX + "/")
        for method in methods
    }
    assert len(routes) >= 17
    # Then each JSON route went through `api(...)`, and the document has exactly these
    declared = {(method, API_PREFIX + path) for method, path in application.ROUTES}
    assert {r for r in routes if r[0] != "OPTIONS"} == declared
    assert routes - _operations(doc) == set(), "routes missing from the document"
    assert _operations(doc) - routes == set(), "operations without a route"


def test_a_route_naming_no_operation_or_an_operation_no_route_names_is_refused() -> None:
    # Given the declared routes, plus one whose operation operations.py lacks
    routes = dict(application.ROUTES)
    routes[("POST", "/workflows/{workflow_id}/archive")] = RouteDoc("archiveWorkflow", False)
    with pytest.raises(DocumentError, match="archive"):
        document(routes)
    # Given the declared routes less one: its operation is named by no route
    routes = {key: doc for key, doc in application.ROUTES.items() if key != ("GET", "/stats")}
    with pytest.raises(DocumentError, match="getStats"):
        document(routes)


def test_the_document_is_valid_openapi_3_1(doc: dict[str, Any]) -> None:
    assert doc["openapi"] == "3.1.0"
    validate(doc, cls=OpenAPIV31SpecValidator)
    for schema in doc["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)


def test_operation_ids_are_unique_and_every_error_is_the_shared_error_schema(doc: dict[str, Any]) -> None:
    operations = [op for item in doc["paths"].values() for method, op in item.items() if method in METHODS]
    ids = [op["operationId"] for op in operations]
    assert len(ids) == len(set(ids))
    error = {"$ref": "#/components/schemas/Error"}
    for op in operations:
        statuses = [int(status) for status in op["responses"]]
        assert any(200 <= status < 300 for status in statuses), op["operationId"]
        for status, response in op["responses"].items():
            if int(status) >= 400:
                assert response["content"]["application/json"]["schema"] == error, (op["operationId"], status)
        if op.get("security") != []:  # every route but the CORS preflights needs a credential
            assert {"401", "429"} <= set(op["responses"]), op["operationId"]
            assert "Retry-After" in op["responses"]["429"]["headers"]


def test_the_documented_workflow_id_is_the_one_the_server_checks() -> None:
    assert (
        PATH_PARAMETERS["workflow_id"]["schema"]["pattern"] == policy.WORKFLOW_ID_PATTERN.pattern
    )  # what policy.authorize checks


def test_records_are_closed_and_the_task_token_is_never_documented(doc: dict[str, Any]) -> None:
    schemas = doc["components"]["schemas"]
    workflow = schemas["Workflow"]
    assert "taskToken" not in workflow["properties"]
    assert workflow["additionalProperties"] is False
    assert set(workflow["required"]) == set(workflow["properties"]) - {"steps"}
    for name in ("WorkflowStep", "ApiKey", "AuditEntry", "OrchestratorStats", "Report", "Error"):
        assert schemas[name]["additionalProperties"] is False, name


def test_building_the_document_does_not_import_boto3() -> None:
    code = "import sys, chalicelib.api.openapi; sys.exit('boto3' in sys.modules)"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


# JSON Schema 2020-12's keywords (and OpenAPI 3.1's additions): anything else is a typo or a
# pydantic constraint that missed its type (e.g. `gt` on an `int | None`), which validators ignore.
KEYWORDS = {
    *("$ref", "$defs", "type", "enum", "const", "format", "title", "description", "default"),
    *("examples", "deprecated", "readOnly", "writeOnly", "properties", "required"),
    *("additionalProperties", "propertyNames", "patternProperties", "minProperties", "maxProperties"),
    *("items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains"),
    *("anyOf", "oneOf", "allOf", "not", "if", "then", "else"),
    *("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"),
    *("minLength", "maxLength", "pattern", "discriminator", "example"),
}


def _keywords(schema: Any) -> set[str]:
    if isinstance(schema, list):
        return {k for item in schema for k in _keywords(item)}
    if not isinstance(schema, dict):
        return set()
    found = set(schema)
    for key, value in schema.items():
        if key in ("properties", "$defs", "patternProperties"):
            found |= {k for sub in value.values() for k in _keywords(sub)}
        elif key not in ("enum", "const", "default", "examples", "example", "required"):
            found |= _keywords(value)
    return found


def test_every_schema_uses_json_schema_keywords_only(doc: dict[str, Any]) -> None:
    schemas = list(doc["components"]["schemas"].values())
    for item in doc["paths"].values():
        for op in item.values():
            schemas += [p["schema"] for p in op.get("parameters", [])]
            for response in op["responses"].values():
                schemas += [h["schema"] for h in response.get("headers", {}).values()]
                schemas += [m["schema"] for m in response.get("content", {}).values()]
    assert _keywords(schemas) - KEYWORDS == set()
