"""The HTTP API as an OpenAPI 3.1 document, generated from the pydantic models.

`GET /api/orchestrator/openapi.json` serves `document(app)`; `docs/openapi.json` is the same
document, checked in and kept in sync by a unit test. Regenerate it with:

    .venv/bin/python -m chalicelib.api.openapi > docs/openapi.json

Every route of the app under `/api/orchestrator` needs an entry in `OPERATIONS` (and every entry a
route): `document` refuses to build a document that misses one. Schemas are pydantic's JSON Schema
(2020-12, the dialect of OpenAPI 3.1); the envelopes the routes wrap the records in are modelled
here, as they are only built as dicts in the code.

Records (workflows, steps, API keys, audit entries, stats, the report) are always serialized
whole, so their schemas list every field as required and no other; requests keep pydantic's own
rules (a field with a default is optional; an unknown field is refused).
"""

from __future__ import annotations

import importlib
import json
import sys
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue, SkipJsonSchema
from pydantic_core import CoreSchema, core_schema

from chalicelib.core.models import (
    REPORT_CONTENT_TYPES,
    ApiKey,
    ApiModel,
    AuditEntry,
    CreateApiKeyRequest,
    CreateUploadRequest,
    CreateWorkflowRequest,
    ListAuditQuery,
    ListWorkflowsQuery,
    OrchestratorStats,
    PatchWorkflowRequest,
    RequestModel,
    Workflow,
    WorkflowId,
    WorkflowStatus,
)
from chalicelib.report.render import Report

OPENAPI_VERSION = "3.1.0"
API_TITLE = "RestoreAssist Orchestrator API"
# The API's contract version: bump it when a path, a field or a status code changes.
API_VERSION = "1.0.0"
API_PREFIX = "/api/orchestrator"
REF_TEMPLATE = "#/components/schemas/{model}"

# Kept equal to `workflows.WORKFLOW_ID_PATTERN`, `apikeys.KEY_ID_PATTERN` and
# `apikeys.SECRET_PATTERN` by tests/unit/test_openapi.py (those modules import boto3).
API_KEY_ID_PATTERN = r"^[0-9a-f]{16}$"
API_KEY_SECRET_PATTERN = r"^rak_(?P<key_id>[0-9a-f]{16})_[A-Za-z0-9_-]{43}$"
# Workflow.public() never shows the Step Functions task token a paused execution waits on.
HIDDEN_WORKFLOW_FIELDS = ("taskToken",)
# Listed workflows leave their steps out (`list_workflows`); a single one carries them.
SOMETIMES_OMITTED_WORKFLOW_FIELDS = ("steps",)


# --- the envelopes the routes answer with ---------------------------------------------------


class _Envelope(ApiModel):
    """A response object built as a dict by the code: exactly these keys, no others."""

    model_config = ConfigDict(extra="forbid")


class ValidationProblem(_Envelope):
    """One problem pydantic found in the request."""

    type: str = Field(description='e.g. "missing", "extra_forbidden", "string_too_long"')
    loc: list[str | int] = Field(description="Where: the path to the field")
    msg: str


class ErrorBody(_Envelope):
    code: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$", description="Stable and machine-readable")
    message: str = Field(description="For people")
    details: list[ValidationProblem] | SkipJsonSchema[None] = Field(
        default=None, description="What was wrong, field by field (validation errors only)"
    )


class Error(_Envelope):
    """Every error the API answers: `{"error": {"code", "message", "details"?}}`."""

    error: ErrorBody


class UploadForm(_Envelope):
    """A presigned S3 POST: send `fields` and then the file as multipart/form-data to `url`."""

    url: str
    fields: dict[str, str]
    expires_in: int = Field(gt=0, description="Seconds the form stays valid")


class CreatedWorkflow(_Envelope):
    """A TEXT or API workflow has started; a PDF or WORD one waits for its file (`upload`)."""

    workflow_id: WorkflowId
    status: WorkflowStatus
    upload: UploadForm | SkipJsonSchema[None] = Field(default=None, description="PDF and WORD only")
    max_bytes: Annotated[int, Field(gt=0)] | SkipJsonSchema[None] = Field(
        default=None, description="PDF and WORD only: the file's size limit"
    )


class CreatedUpload(_Envelope):
    """A PDF or WORD workflow, waiting for its file: it starts when the file lands in S3."""

    workflow_id: WorkflowId
    status: WorkflowStatus
    upload: UploadForm
    max_bytes: int = Field(gt=0, description="The file's size limit")


class WorkflowPage(_Envelope):
    """The caller's workflows, newest first, without their steps."""

    workflows: list[Workflow]
    next_token: str | None = Field(description="Pass back as `nextToken` for the next page")


class WorkflowResponse(_Envelope):
    workflow: Workflow


class Success(_Envelope):
    success: Literal[True]


class JsonReport(_Envelope):
    """`format=json`: the report itself."""

    report: Report


_DOWNLOAD_FORMATS = [name for name in REPORT_CONTENT_TYPES if name != "json"]


class ReportDownload(_Envelope):
    """`format=md|docx|pdf`: a short-lived presigned link to the file."""

    format: Annotated[str, Field(json_schema_extra={"enum": _DOWNLOAD_FORMATS})]
    content_type: Annotated[
        str, Field(json_schema_extra={"enum": [REPORT_CONTENT_TYPES[name] for name in _DOWNLOAD_FORMATS]})
    ]
    url: str
    expires_in: int = Field(gt=0, description="Seconds the link stays valid")


class StatsResponse(_Envelope):
    stats: OrchestratorStats


class CreatedApiKey(_Envelope):
    """The new key and its secret: the secret is shown this once, only its hash is kept."""

    api_key: ApiKey
    secret: str = Field(
        pattern=API_KEY_SECRET_PATTERN, description="Send as `Authorization: Bearer <secret>`"
    )


class ApiKeyList(_Envelope):
    """The caller's keys, revoked ones included."""

    api_keys: list[ApiKey]


class AuditPage(_Envelope):
    """The caller's audit entries, newest first."""

    audit_entries: list[AuditEntry]
    next_token: str | None = Field(description="Pass back as `nextToken` for the next page")


class IntegrationCheck(_Envelope):
    """Who the credential acts as: the user, and the API key if one was used."""

    success: Literal[True]
    user_id: str
    api_key_id: str | None


# --- the operations ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """A successful answer: its status, model and headers."""

    status: int
    description: str
    # One model, or several the answer is one of; None for a free-form `schema`.
    models: tuple[type[BaseModel], ...] = ()
    schema: JsonSchemaValue | None = None
    headers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Operation:
    operation_id: str
    summary: str
    tag: str
    answer: Answer
    # Error codes by status, besides the ones every route can answer (see `_error_codes`).
    errors: dict[int, tuple[str, ...]] = field(default_factory=dict)
    description: str | None = None
    body: type[RequestModel] | None = None
    body_examples: dict[str, Any] = field(default_factory=dict)
    query: type[RequestModel] | None = None
    # Query parameters no model describes (the route reads them itself).
    query_parameters: tuple[JsonSchemaValue, ...] = ()
    headers: tuple[JsonSchemaValue, ...] = ()
    user_token_only: bool = False


RESPONSE_HEADERS: dict[str, JsonSchemaValue] = {
    "ETag": {
        "description": "The workflow's version, as an entity tag: send it back as `If-Match` to PATCH "
        "only that version.",
        "required": True,
        "schema": {"type": "string", "pattern": '^"[0-9]+"$'},
    },
    "Retry-After": {
        "description": "Whole seconds until the caller's bucket holds a token again.",
        "required": True,
        "schema": {"type": "string", "pattern": "^[1-9][0-9]*$"},
    },
}

PATH_PARAMETERS: dict[str, JsonSchemaValue] = {
    "workflow_id": {
        "description": "The workflow's id. Anything else is `400 INVALID_WORKFLOW_ID`; another "
        "user's workflow is `404`, like one that does not exist.",
        "schema": {k: v for k, v in TypeAdapter(WorkflowId).json_schema().items() if k != "description"},
    },
    "key_id": {
        "description": "The API key's id (`apiKey.id`). Another user's key is `404`, like one that "
        "does not exist.",
        "schema": {"type": "string", "pattern": API_KEY_ID_PATTERN},
    },
}

IF_MATCH: JsonSchemaValue = {
    "name": "If-Match",
    "in": "header",
    "required": False,
    "description": "Write only if the workflow is still at this version (the `ETag` of a read, "
    'or the bare number: `7`, `"7"`, `W/"7"`); a stale version is `409 VERSION_CONFLICT`.',
    "schema": {"type": "string"},
}

ORIGIN: JsonSchemaValue = {
    "name": "Origin",
    "in": "header",
    "required": False,
    "description": "The page's origin; any but an allow-listed one is refused.",
    "schema": {"type": "string"},
}

CORS_HEADERS: dict[str, JsonSchemaValue] = {
    name: {"required": True, "schema": {"type": "string"}, "description": description}
    for name, description in {
        "Access-Control-Allow-Origin": "The origin, named back (never `*`)",
        "Access-Control-Allow-Methods": "The methods a page may use",
        "Access-Control-Allow-Headers": "The request headers a page may send",
        "Access-Control-Max-Age": "Seconds the browser may cache this answer",
    }.items()
}

REPORT_FORMAT: JsonSchemaValue = {
    "name": "format",
    "in": "query",
    "required": False,
    "description": "`json` answers the report itself; the others a presigned download link.",
    "schema": {"type": "string", "enum": list(REPORT_CONTENT_TYPES), "default": "json"},
}

TAGS = {
    "Workflows": "Create, list, read, move forward and delete workflows",
    "Control": "Pause, resume and retry a workflow's execution",
    "Reports": "The insurer-ready report of a completed workflow",
    "API keys": "Credentials for field apps (a signed-in user only)",
    "Audit": "The caller's append-only audit log",
    "Integrations": "Checking a credential",
    "Meta": "This document",
    "CORS": "Browser preflights, answered without a credential",
}

_WORKFLOW_ANSWER = Answer(200, "The workflow", (WorkflowResponse,), headers=("ETag",))
_WORKFLOW_ERRORS: dict[int, tuple[str, ...]] = {400: ("INVALID_WORKFLOW_ID",), 404: ("WORKFLOW_NOT_FOUND",)}
_TEXT_EXAMPLE = "Cause: burst supply line under the kitchen sink.\nKitchen 12x14 ft, vinyl floor wet."
_PDF = "application/pdf"

OPERATIONS: dict[tuple[str, str], Operation] = {
    ("POST", "/workflows"): Operation(
        operation_id="createWorkflow",
        summary="Create a workflow",
        description="TEXT (`inputData.text`) and API (`inputData`: a field app's inspection) workflows "
        "start at once. PDF and WORD workflows (`inputData`: `{fileName, contentType, size}`) answer "
        "with an upload form and start when the file lands in S3.",
        tag="Workflows",
        body=CreateWorkflowRequest,
        body_examples={
            "text": {
                "summary": "Inspection notes",
                "value": {
                    "inputMethod": "TEXT",
                    "title": "14 Banksia St",
                    "inputData": {"text": _TEXT_EXAMPLE},
                },
            },
            "pdf": {
                "summary": "A PDF to upload",
                "value": {
                    "inputMethod": "PDF",
                    "inputData": {"fileName": "inspection.pdf", "contentType": _PDF, "size": 48213},
                },
            },
        },
        answer=Answer(201, "Created", (CreatedWorkflow,)),
        errors={
            400: (
                "MISSING_INPUT_DATA",
                "INVALID_INPUT_DATA",
                "EMPTY_INSPECTION",
                "UNKNOWN_SOURCE",
                "INVALID_CONTENT_TYPE",
            ),
            413: ("TEXT_TOO_LARGE", "FILE_TOO_LARGE"),
        },
    ),
    ("POST", "/uploads"): Operation(
        operation_id="createUpload",
        summary="Create a PDF or WORD workflow and its upload form",
        tag="Workflows",
        body=CreateUploadRequest,
        body_examples={
            "pdf": {
                "summary": "A PDF to upload",
                "value": {
                    "inputMethod": "PDF",
                    "fileName": "inspection.pdf",
                    "contentType": _PDF,
                    "size": 48213,
                },
            }
        },
        answer=Answer(201, "Created, waiting for the file", (CreatedUpload,)),
        errors={400: ("INVALID_CONTENT_TYPE",), 413: ("FILE_TOO_LARGE",)},
    ),
    ("GET", "/workflows"): Operation(
        operation_id="listWorkflows",
        summary="List the caller's workflows",
        description="Newest first. `status=active` means PENDING and IN_PROGRESS.",
        tag="Workflows",
        query=ListWorkflowsQuery,
        answer=Answer(200, "A page of workflows", (WorkflowPage,)),
        errors={400: ("INVALID_NEXT_TOKEN",)},
    ),
    ("GET", "/workflows/{workflow_id}"): Operation(
        operation_id="getWorkflow",
        summary="Get a workflow and its steps",
        tag="Workflows",
        answer=_WORKFLOW_ANSWER,
        errors=_WORKFLOW_ERRORS,
    ),
    ("PATCH", "/workflows/{workflow_id}"): Operation(
        operation_id="patchWorkflow",
        summary="Move a workflow's progress forward",
        description="Progress only moves forward; `completedPhases` lists phases in order, without gaps.",
        tag="Workflows",
        body=PatchWorkflowRequest,
        body_examples={
            "progress": {"summary": "Half way", "value": {"progress": {"progressPercentage": 50}}}
        },
        headers=(IF_MATCH,),
        answer=_WORKFLOW_ANSWER,
        errors={
            400: ("INVALID_WORKFLOW_ID", "INVALID_IF_MATCH", "INVALID_PROGRESS", "EMPTY_PROGRESS"),
            404: ("WORKFLOW_NOT_FOUND",),
            409: ("PROGRESS_BACKWARDS", "WORKFLOW_FINISHED", "VERSION_CONFLICT"),
        },
    ),
    ("DELETE", "/workflows/{workflow_id}"): Operation(
        operation_id="deleteWorkflow",
        summary="Cancel a running workflow, or delete a finished one",
        description="A PENDING, IN_PROGRESS or PAUSED workflow is cancelled (CANCELLED, its execution "
        "stopped); a finished one is deleted with its steps and documents.",
        tag="Workflows",
        answer=Answer(200, "Cancelled or deleted", (Success,)),
        errors={**_WORKFLOW_ERRORS, 409: ("WORKFLOW_FINISHED", "CONFLICT")},
    ),
    ("POST", "/workflows/{workflow_id}/pause"): Operation(
        operation_id="pauseWorkflow",
        summary="Pause a workflow at its next phase boundary",
        tag="Control",
        answer=_WORKFLOW_ANSWER,
        errors={**_WORKFLOW_ERRORS, 409: ("NOT_RUNNING",)},
    ),
    ("POST", "/workflows/{workflow_id}/resume"): Operation(
        operation_id="resumeWorkflow",
        summary="Resume a paused workflow (or withdraw a pause not reached yet)",
        tag="Control",
        answer=_WORKFLOW_ANSWER,
        errors={**_WORKFLOW_ERRORS, 409: ("NOT_PAUSED",)},
    ),
    ("POST", "/workflows/{workflow_id}/retry"): Operation(
        operation_id="retryWorkflow",
        summary="Run a FAILED workflow again from the phase that failed",
        tag="Control",
        answer=_WORKFLOW_ANSWER,
        errors={**_WORKFLOW_ERRORS, 409: ("NOT_FAILED", "RETRY_LIMIT")},
    ),
    ("GET", "/workflows/{workflow_id}/report"): Operation(
        operation_id="getReport",
        summary="Get a completed workflow's report",
        tag="Reports",
        query_parameters=(REPORT_FORMAT,),
        answer=Answer(
            200, "The report (json), or a link to download it (md, docx, pdf)", (JsonReport, ReportDownload)
        ),
        errors={
            400: ("INVALID_REPORT_FORMAT", "INVALID_WORKFLOW_ID"),
            404: ("WORKFLOW_NOT_FOUND",),
            409: ("REPORT_NOT_READY",),
        },
    ),
    ("GET", "/stats"): Operation(
        operation_id="getStats",
        summary="The caller's workflow statistics",
        tag="Workflows",
        answer=Answer(200, "Counts by status and average durations", (StatsResponse,)),
    ),
    ("POST", "/api-keys"): Operation(
        operation_id="createApiKey",
        summary="Create an API key for a field app",
        tag="API keys",
        body=CreateApiKeyRequest,
        body_examples={"key": {"summary": "A field app", "value": {"name": "Moisture meter app"}}},
        answer=Answer(201, "Created; the secret is shown this once", (CreatedApiKey,)),
        user_token_only=True,
    ),
    ("GET", "/api-keys"): Operation(
        operation_id="listApiKeys",
        summary="List the caller's API keys",
        tag="API keys",
        answer=Answer(200, "The keys (never their secrets)", (ApiKeyList,)),
        user_token_only=True,
    ),
    ("DELETE", "/api-keys/{key_id}"): Operation(
        operation_id="revokeApiKey",
        summary="Revoke an API key",
        description="The key stops working at once; it is kept, revoked, for the record.",
        tag="API keys",
        answer=Answer(200, "Revoked (or already revoked)", (Success,)),
        errors={404: ("API_KEY_NOT_FOUND",)},
        user_token_only=True,
    ),
    ("GET", "/audit"): Operation(
        operation_id="listAuditEntries",
        summary="List the caller's audit log",
        description="Every mutation that succeeded, newest first. Entries are never changed or deleted.",
        tag="Audit",
        query=ListAuditQuery,
        answer=Answer(200, "A page of audit entries", (AuditPage,)),
        errors={400: ("INVALID_NEXT_TOKEN",)},
    ),
    ("GET", "/openapi.json"): Operation(
        operation_id="getOpenApiDocument",
        summary="This document",
        tag="Meta",
        answer=Answer(
            200,
            "The OpenAPI 3.1 document",
            schema={"type": "object", "required": ["openapi", "info", "paths"]},
        ),
    ),
    ("POST", "/integrations/test"): Operation(
        operation_id="testIntegration",
        summary="Check a credential: whom it acts as",
        tag="Integrations",
        answer=Answer(200, "The credential works", (IntegrationCheck,)),
    ),
}


# --- building the document --------------------------------------------------------------------


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
    """The routes and `OPERATIONS` disagree."""


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


def _error_codes(op: Operation) -> dict[int, tuple[str, ...]]:
    """The error codes this operation may answer, by status."""
    codes: dict[int, list[str]] = {
        401: ["UNAUTHORIZED"],
        415: ["UNSUPPORTED_MEDIA_TYPE"],
        429: ["RATE_LIMITED"],
    }
    if op.body is not None:
        codes[400] = ["BAD_REQUEST", "INVALID_BODY", "VALIDATION_ERROR"]
    if op.query is not None:
        codes.setdefault(400, []).append("VALIDATION_ERROR")
    if op.user_token_only:
        codes[403] = ["USER_TOKEN_REQUIRED"]
    for status, extra in op.errors.items():
        codes.setdefault(status, []).extend(code for code in extra if code not in codes.get(status, []))
    return {status: tuple(codes[status]) for status in sorted(codes)}


def _operation(path: str, op: Operation, components: dict[str, JsonSchemaValue]) -> JsonSchemaValue:
    parameters = _path_parameters(path)
    if op.query is not None:
        parameters += _query_parameters(op.query, components)
    parameters += [*op.query_parameters, *op.headers]

    answer = op.answer
    refs = [_ref(model, components) for model in answer.models]
    schema = (refs[0] if len(refs) == 1 else {"oneOf": refs}) if refs else answer.schema
    success: JsonSchemaValue = {
        "description": answer.description,
        "content": {"application/json": {"schema": schema}},
    }
    if answer.headers:
        success["headers"] = {name: RESPONSE_HEADERS[name] for name in answer.headers}
    responses: dict[str, JsonSchemaValue] = {str(answer.status): success}
    error_schema = {"content": {"application/json": {"schema": _ref(Error, components)}}}
    for status, codes in _error_codes(op).items():
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
    return operation


def api_routes(app: Any) -> set[tuple[str, str]]:
    """(method, path) of every route of the Chalice app under API_PREFIX, the prefix removed."""
    return {
        (method, path.removeprefix(API_PREFIX))
        for path, methods in app.routes.items()
        if path.startswith(API_PREFIX + "/")
        for method in methods
    }


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


def document(app: Any) -> dict[str, Any]:
    """The OpenAPI 3.1 document of the app's JSON API."""
    routes = api_routes(app)
    undocumented = sorted(route for route in routes - OPERATIONS.keys() if route[0] != "OPTIONS")
    unrouted = sorted(OPERATIONS.keys() - routes)
    if undocumented or unrouted:
        raise DocumentError(
            f"Routes without an entry in chalicelib/api/openapi.py OPERATIONS: {undocumented}; "
            f"entries without a route: {unrouted}"
        )
    components: dict[str, JsonSchemaValue] = {}
    paths: dict[str, dict[str, JsonSchemaValue]] = {}
    for method, path in sorted(routes, key=lambda route: (route[1], route[0])):
        operation = (
            _preflight(path)
            if method == "OPTIONS"
            else _operation(path, OPERATIONS[(method, path)], components)
        )
        paths.setdefault(API_PREFIX + path, {})[method.lower()] = operation
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


def render(app: Any) -> str:
    """The document as checked in: sorted keys, two-space indent, a trailing newline."""
    return json.dumps(document(app), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    # The Chalice app (app.py, at the project's root), imported only when run as a script.
    app = importlib.import_module("app").app
    sys.stdout.write(render(app))


if __name__ == "__main__":
    main()
