"""The HTTP API as an OpenAPI 3.1 document, built from the routes and the pydantic models.

`GET /api/orchestrator/openapi.json` serves `document(ROUTES)`, where `app.ROUTES` is what each
route declared on its `api(...)` decorator (method, path, operation id, who may call it);
`operations.py` says what each operation answers. `docs/openapi.json` is the same document,
checked in and kept in sync by a unit test. Regenerate it with:

    .venv/bin/python -m local_stack openapi > docs/openapi.json

A route whose operation id `operations.py` lacks, or an operation no route names, stops the
document from being built. Schemas are pydantic's JSON Schema (2020-12, the dialect of OpenAPI
3.1).

Records (workflows, steps, API keys, audit entries, stats, the report) are always serialized
whole, so their schemas list every field as required and no other; requests keep pydantic's own
rules (a field with a default is optional; an unknown field is refused).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from chalicelib.api import webhook_operations
from chalicelib.api.envelopes import (
    HIDDEN_WORKFLOW_FIELDS,
    SOMETIMES_OMITTED_WORKFLOW_FIELDS,
    Error,
    _Envelope,
)
from chalicelib.api.http import API_PREFIX, RouteDoc
from chalicelib.api.operations import (
    CORS_HEADERS,
    ORIGIN,
    RESPONSE_HEADERS,
    TAGS,
    Operation,
)
from chalicelib.api.operations import OPERATIONS as CORE_OPERATIONS
from chalicelib.api.operations import PATH_PARAMETERS as CORE_PATH_PARAMETERS
from chalicelib.api.template_operations import TEMPLATE_OPERATIONS
from chalicelib.core.models import RequestModel, Workflow

OPENAPI_VERSION = "3.1.0"
API_TITLE = "RestoreAssist Orchestrator API"
# The API's contract version: bump it when a path, a field or a status code changes.
API_VERSION = "1.0.0"
REF_TEMPLATE = "#/components/schemas/{model}"
# Every operation and path parameter: operations.py's and the ones kept beside it.
OPERATIONS = {**CORE_OPERATIONS, **TEMPLATE_OPERATIONS, **webhook_operations.OPERATIONS}
PATH_PARAMETERS = {**CORE_PATH_PARAMETERS, **webhook_operations.PATH_PARAMETERS}
# (method, path without the prefix) -> what the route declared
Routes = Mapping[tuple[str, str], RouteDoc]


class SchemaGenerator(GenerateJsonSchema):
    """pydantic's JSON Schema, validation mode, with the records' wire shape made exact."""

    def field_title_should_be_set(self, schema: CoreSchema) -> bool:
        return False  # "Workflowid" and the like say nothing the property name does not

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        cls = schema["cls"]
        properties: dict[str, JsonSchemaValue] = json_schema.get("properties", {})
        if not issubclass(cls, RequestModel):
            for prop in properties.values():
                prop.pop("default", None)  # an answer has no defaults: its fields are there or not
        if not issubclass(cls, RequestModel | _Envelope) and properties:
            # A record, dumped whole: every field is there (null when unset), and nothing else.
            if cls is Workflow:
                for name in HIDDEN_WORKFLOW_FIELDS:
                    del properties[name]
            omitted = SOMETIMES_OMITTED_WORKFLOW_FIELDS if cls is Workflow else ()
            json_schema["required"] = [name for name in properties if name not in omitted]
            json_schema["additionalProperties"] = False
        return json_schema


class DocumentError(Exception):
    """The routes and `operations.OPERATIONS` disagree."""


def _schema_of(model: type[BaseModel], components: dict[str, JsonSchemaValue]) -> JsonSchemaValue:
    """The model's schema, its definitions merged into `components` (a clash is a bug)."""
    schema = model.model_json_schema(
        by_alias=True, ref_template=REF_TEMPLATE, schema_generator=SchemaGenerator
    )
    for name, definition in schema.pop("$defs", {}).items():
        _add_component(components, name, definition)
    return schema


def _add_component(components: dict[str, JsonSchemaValue], name: str, schema: JsonSchemaValue) -> None:
    if components.setdefault(name, schema) != schema:
        raise DocumentError(f"Two different schemas are named {name}")


def _ref(model: type[BaseModel], components: dict[str, JsonSchemaValue]) -> JsonSchemaValue:
    _add_component(components, model.__name__, _schema_of(model, components))
    return {"$ref": REF_TEMPLATE.format(model=model.__name__)}


def _without_null(schema: JsonSchemaValue) -> JsonSchemaValue:
    """A query parameter is there or not: it cannot be null."""
    schema = {k: v for k, v in schema.items() if not (k == "default" and v is None)}
    variants = [v for v in schema.get("anyOf", []) if v != {"type": "null"}]
    if "anyOf" in schema:
        del schema["anyOf"]
        if len(variants) == 1:
            return {**variants[0], **schema}
        schema["anyOf"] = variants
    return schema


def _query_parameters(
    model: type[BaseModel], components: dict[str, JsonSchemaValue]
) -> list[JsonSchemaValue]:
    schema = _schema_of(model, components)
    required = set(schema.get("required", []))
    parameters = []
    for name, prop in schema["properties"].items():
        prop = _without_null(prop)
        parameter: JsonSchemaValue = {"name": name, "in": "query", "required": name in required}
        if "description" in prop:
            parameter["description"] = prop.pop("description")
        parameters.append({**parameter, "schema": prop})
    return parameters


def _path_parameter_names(path: str) -> list[str]:
    return [part[1:-1] for part in path.split("/") if part.startswith("{") and part.endswith("}")]


def _path_parameters(path: str) -> list[JsonSchemaValue]:
    return [
        {"name": name, "in": "path", "required": True, **PATH_PARAMETERS[name]}
        for name in _path_parameter_names(path)
    ]


def _error_codes(op: Operation, people_only: bool, path: str = "") -> dict[int, tuple[str, ...]]:
    """The error codes this operation may answer, by status. A route on a workflow or an
    organisation may be refused by the role table (`core/policy.py`): `403 FORBIDDEN`."""
    codes: dict[int, list[str]] = {
        401: ["UNAUTHORIZED"],
        415: ["UNSUPPORTED_MEDIA_TYPE"],
        429: ["RATE_LIMITED"],
    }
    if op.body is not None:
        codes[400] = ["BAD_REQUEST", "INVALID_BODY", "VALIDATION_ERROR"]
    if op.query is not None:
        codes.setdefault(400, []).append("VALIDATION_ERROR")
    if people_only:
        codes[403] = ["USER_TOKEN_REQUIRED"]
    if "{workflow_id}" in path or "{org_id}" in path:
        codes.setdefault(403, []).append("FORBIDDEN")
    for status, extra in op.errors.items():
        codes.setdefault(status, []).extend(code for code in extra if code not in codes.get(status, []))
    return {status: tuple(codes[status]) for status in sorted(codes)}


def _operation(
    path: str, op: Operation, people_only: bool, components: dict[str, JsonSchemaValue]
) -> JsonSchemaValue:
    parameters = _path_parameters(path)
    if op.query is not None:
        parameters += _query_parameters(op.query, components)
    parameters += [*op.query_parameters, *op.headers]

    answer = op.answer
    refs = [_ref(model, components) for model in answer.models]
    schema = (refs[0] if len(refs) == 1 else {"oneOf": refs}) if refs else answer.schema
    success: JsonSchemaValue = {
        "description": answer.description,
        "content": {
            "application/json": {"schema": schema},
            **{media: {"schema": other} for media, other in answer.other_media.items()},
        },
    }
    if answer.headers:
        success["headers"] = {name.split(":")[0]: RESPONSE_HEADERS[name] for name in answer.headers}
    responses: dict[str, JsonSchemaValue] = {str(answer.status): success}
    error_schema = {"content": {"application/json": {"schema": _ref(Error, components)}}}
    for status, codes in _error_codes(op, people_only, path).items():
        description = f"{HTTPStatus(status).phrase}: " + ", ".join(f"`{code}`" for code in codes)
        responses[str(status)] = {"description": description, **error_schema}
        if status == 429:
            responses[str(status)]["headers"] = {"Retry-After": RESPONSE_HEADERS["Retry-After"]}

    operation: JsonSchemaValue = {
        "operationId": op.operation_id,
        "summary": op.summary,
        "tags": [op.tag],
        "responses": responses,
    }
    if op.description:
        operation["description"] = op.description
    if parameters:
        operation["parameters"] = parameters
    if op.body is not None:
        media: JsonSchemaValue = {"schema": _ref(op.body, components)}
        if op.body_examples:
            media["examples"] = op.body_examples
        operation["requestBody"] = {"required": True, "content": {"application/json": media}}
    elif op.raw_body:
        content = {media_type: {"schema": schema} for media_type, schema in op.raw_body.items()}
        operation["requestBody"] = {"required": True, "content": content}
    return operation


def _preflight(path: str) -> JsonSchemaValue:
    """Every path answers a browser's CORS preflight itself: no credential, no rate limit."""
    words = [part.strip("{}") for part in path.split("/") if part]
    name = "".join(w.title().replace("_", "").replace("-", "").replace(".", "") for w in words)
    error_content = {
        "content": {"application/json": {"schema": {"$ref": REF_TEMPLATE.format(model="Error")}}}
    }
    return {
        "operationId": f"preflight{name}",
        "summary": "CORS preflight",
        "description": "Answered for the allow-listed origins only (`CORS_ALLOWED_ORIGINS`).",
        "tags": ["CORS"],
        "security": [],
        # A preflight reads no path parameter: any value gets the same answer.
        "parameters": [
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
            for name in _path_parameter_names(path)
        ]
        + [ORIGIN],
        "responses": {
            "204": {
                "description": "The origin may call this path",
                "headers": {name: CORS_HEADERS[name] for name in sorted(CORS_HEADERS)},
            },
            "403": {
                "description": f"{HTTPStatus.FORBIDDEN.phrase}: `CORS_ORIGIN_NOT_ALLOWED`",
                **error_content,
            },
            "415": {
                "description": f"{HTTPStatus.UNSUPPORTED_MEDIA_TYPE.phrase}: `UNSUPPORTED_MEDIA_TYPE`",
                **error_content,
            },
        },
    }


def document(routes: Routes) -> dict[str, Any]:
    """The OpenAPI 3.1 document of the JSON API whose routes declared `routes`."""
    named = {doc.operation_id for doc in routes.values()}
    undocumented = sorted(
        f"{method} {path}: {doc.operation_id}"
        for (method, path), doc in routes.items()
        if doc.operation_id not in OPERATIONS
    )
    unused = sorted(OPERATIONS.keys() - named)
    if undocumented or unused:
        raise DocumentError(
            f"Routes naming an operation chalicelib/api/operations.py lacks: {undocumented}; "
            f"operations no route names: {unused}"
        )
    components: dict[str, JsonSchemaValue] = {}
    paths: dict[str, dict[str, JsonSchemaValue]] = {}
    for method, path in sorted(routes, key=lambda route: (route[1], route[0])):
        doc = routes[(method, path)]
        operation = _operation(path, OPERATIONS[doc.operation_id], doc.people_only, components)
        paths.setdefault(API_PREFIX + path, {})[method.lower()] = operation
    # Every path answers a browser's preflight itself (app.py registers OPTIONS on each).
    for path in {path for _, path in routes}:
        paths[API_PREFIX + path]["options"] = _preflight(path)
    paths = {name: dict(sorted(item.items())) for name, item in sorted(paths.items())}
    _add_component(components, "Error", _schema_of(Error, components))
    used_tags = {tag for item in paths.values() for op in item.values() for tag in op["tags"]}
    if unknown := used_tags - TAGS.keys():
        raise DocumentError(f"Tags without an entry in TAGS: {sorted(unknown)}")
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": API_TITLE,
            "version": API_VERSION,
            "description": "Turns a restoration contractor's inspection notes into an insurer-ready "
            "report: workflows of four phases (INITIATION, PROCESSING, QA, OUTPUT). Every route but "
            "the CORS preflights needs a bearer credential and is rate limited per caller; errors are "
            '`{"error": {"code", "message", "details"?}}`.',
        },
        "servers": [{"url": "/"}],
        "security": [{"bearerAuth": []}],
        "tags": [{"name": name, "description": text} for name, text in TAGS.items() if name in used_tags],
        "paths": paths,
        "components": {
            "schemas": dict(sorted(components.items())),
            "securitySchemes": {
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A user token (a Cognito JWT; locally a development token) or an "
                    "API key (`rak_...`), which may not manage API keys.",
                }
            },
        },
    }


def render(routes: Routes) -> str:
    """The document as checked in: sorted keys, two-space indent, a trailing newline."""
    return json.dumps(document(routes), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
