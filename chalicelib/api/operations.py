"""What each route of the HTTP API answers, for its OpenAPI document: one `Operation` per
operation id. The route itself (`app.py`) names its operation id on the `api(...)` decorator,
with its path, method and who may call it; `openapi.py` builds the document from the two.

The envelopes the routes wrap records in are modelled here, as the code only builds them as
dicts. Imported only when the document is built: the API's cold start does not pay for it.
"""

from __future__ import annotations

from pydantic import TypeAdapter
from pydantic.json_schema import JsonSchemaValue

from chalicelib.api import operations_orgs
from chalicelib.api.analytics_envelopes import ANALYTICS_ERRORS, ANALYTICS_QUERY, AnalyticsResponse
from chalicelib.api.envelopes import (
    ApiKeyList,
    AuditPage,
    CreatedApiKey,
    CreatedPhoto,
    CreatedUpload,
    CreatedWorkflow,
    FindingsResponse,
    IntegrationCheck,
    JsonReport,
    PhotoList,
    ReportDownload,
    RevisionList,
    SettingsResponse,
    StatsResponse,
    Success,
    WorkflowPage,
    WorkflowResponse,
)
from chalicelib.api.operations_base import Answer as Answer
from chalicelib.api.operations_base import Operation as Operation
from chalicelib.core.api_keys import KEY_ID_PATTERN
from chalicelib.core.models import (
    REPORT_CONTENT_TYPES,
    ApproveRequest,
    CreateApiKeyRequest,
    CreatePhotoRequest,
    CreateUploadRequest,
    CreateWorkflowRequest,
    ListAuditQuery,
    ListWorkflowsQuery,
    PatchWorkflowRequest,
    SignRequest,
    UserSettingsRequest,
    WorkflowId,
)

# --- the operations ---------------------------------------------------------------------------


RESPONSE_HEADERS: dict[str, JsonSchemaValue] = {
    "ETag": {
        "description": "The workflow's version, as an entity tag: send it back as `If-Match` to PATCH "
        "only that version.",
        "required": True,
        "schema": {"type": "string", "pattern": '^"[0-9]+"$'},
    },
    # Header names may carry a ":variant" after them, for one header that means other things.
    "ETag:findings": {
        "description": "The findings' entity tag: send it back as `If-Match` to PATCH only them.",
        "required": True,
        "schema": {"type": "string", "pattern": '^"[0-9a-f]{32}"$'},
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
    "template_id": {
        "description": "A template's id (`builtin-...` or `tpl_...`); one the caller's account may not "
        "see is `404`, like one that does not exist.",
        "schema": {"type": "string", "maxLength": 60},
    },
    "key_id": {
        "description": "The API key's id (`apiKey.id`). Another user's key is `404`, like one that "
        "does not exist.",
        "schema": {"type": "string", "pattern": KEY_ID_PATTERN.pattern},
    },
    **operations_orgs.PATH_PARAMETERS,
}

IF_MATCH: JsonSchemaValue = {
    "name": "If-Match",
    "in": "header",
    "required": False,
    "description": "Write only if the workflow is still at this version (the `ETag` of a read, "
    'or the bare number: `7`, `"7"`, `W/"7"`); a stale version is `409 VERSION_CONFLICT`.',
    "schema": {"type": "string"},
}

FINDINGS_IF_MATCH: JsonSchemaValue = {
    "name": "If-Match",
    "in": "header",
    "required": True,
    "description": "The findings' `ETag` from the read the edit is made from; a stale one is "
    "`409 VERSION_CONFLICT`, none `428 IF_MATCH_REQUIRED`.",
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

REPORT_REVISION: JsonSchemaValue = {
    "name": "revision",
    "in": "query",
    "required": False,
    "description": "A signed revision's number: its files as they were signed. Without it, the "
    "report as it stands.",
    "schema": {"type": "string", "pattern": "^[0-9]{1,6}$"},
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
    "Review": "A person's review of the findings before the final report",
    "Reports": "The insurer-ready report of a completed workflow (a DRAFT while in review)",
    "Photos": "Photos as evidence: uploaded by presigned POST, hashed at receipt, embedded by room",
    "API keys": "Credentials for field apps (a signed-in user only)",
    "Audit": "The caller's append-only audit log",
    "Settings": "The caller's defaults for new workflows",
    "Templates": "Report templates: sections, QA's required fields, scope codes and branding",
    "Integrations": "Checking a credential",
    "Webhooks": "An account's HTTPS endpoints for workflow events: signed, retried, their attempts listed",
    "Analytics": "Figures of the caller's or their account's workflows, kept as they change",
    "Meta": "This document",
    "CORS": "Browser preflights, answered without a credential",
    **operations_orgs.TAGS,
}

_WORKFLOW_ANSWER = Answer(200, "The workflow", (WorkflowResponse,), headers=("ETag",))
_FINDINGS_ANSWER = Answer(
    200, "The findings and QA's result of them", (FindingsResponse,), headers=("ETag:findings",)
)
_WORKFLOW_ERRORS: dict[int, tuple[str, ...]] = {400: ("INVALID_WORKFLOW_ID",), 404: ("WORKFLOW_NOT_FOUND",)}
_TEXT_EXAMPLE = "Cause: burst supply line under the kitchen sink.\nKitchen 12x14 ft, vinyl floor wet."
_PDF = "application/pdf"

_DOCUMENTED = (
    Operation(
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
                "UNKNOWN_TEMPLATE",
                "TEMPLATE_RETIRED",
            ),
            403: ("FORBIDDEN",),
            413: ("TEXT_TOO_LARGE", "FILE_TOO_LARGE"),
        },
    ),
    Operation(
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
        errors={
            400: ("INVALID_CONTENT_TYPE", "UNKNOWN_TEMPLATE", "TEMPLATE_RETIRED"),
            403: ("FORBIDDEN",),
            413: ("FILE_TOO_LARGE",),
        },
    ),
    Operation(
        operation_id="renewUploadForm",
        summary="A fresh upload form for a PDF or WORD workflow still waiting for its file",
        description="The form answered before can no longer attach a file (each form has its own "
        "key; a file sent with an old form is removed when it lands). The workflow's "
        "`PENDING_EXPIRY_HOURS` count again from this form.",
        tag="Workflows",
        answer=Answer(200, "The new form", (CreatedUpload,)),
        errors={**_WORKFLOW_ERRORS, 409: ("NOT_PENDING",)},
    ),
    Operation(
        operation_id="listWorkflows",
        summary="List the workflows the caller may see",
        description="Newest first: their organisation's, those shared with them, and the ones they "
        "made in their personal account. `status=active` means PENDING, IN_PROGRESS and NEEDS_REVIEW.",
        tag="Workflows",
        query=ListWorkflowsQuery,
        answer=Answer(200, "A page of workflows", (WorkflowPage,)),
        errors={400: ("INVALID_NEXT_TOKEN",)},
    ),
    Operation(
        operation_id="getWorkflow",
        summary="Get a workflow and its steps",
        tag="Workflows",
        answer=_WORKFLOW_ANSWER,
        errors=_WORKFLOW_ERRORS,
    ),
    Operation(
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
    Operation(
        operation_id="deleteWorkflow",
        summary="Cancel a running workflow, or delete a finished one",
        description="A PENDING, IN_PROGRESS or PAUSED workflow is cancelled (CANCELLED, its execution "
        "stopped); a finished one is deleted with its steps and documents.",
        tag="Workflows",
        answer=Answer(200, "Cancelled or deleted", (Success,)),
        errors={**_WORKFLOW_ERRORS, 409: ("WORKFLOW_FINISHED", "CONFLICT")},
    ),
    Operation(
        operation_id="pauseWorkflow",
        summary="Pause a workflow at its next phase boundary",
        tag="Control",
        answer=_WORKFLOW_ANSWER,
        errors={**_WORKFLOW_ERRORS, 409: ("NOT_RUNNING",)},
    ),
    Operation(
        operation_id="resumeWorkflow",
        summary="Resume a paused workflow (or withdraw a pause not reached yet)",
        tag="Control",
        answer=_WORKFLOW_ANSWER,
        errors={**_WORKFLOW_ERRORS, 409: ("NOT_PAUSED",)},
    ),
    Operation(
        operation_id="retryWorkflow",
        summary="Run a FAILED workflow again from the phase that failed",
        tag="Control",
        answer=_WORKFLOW_ANSWER,
        errors={**_WORKFLOW_ERRORS, 409: ("NOT_FAILED", "RETRY_LIMIT")},
    ),
    Operation(
        operation_id="getFindings",
        summary="Get the findings as they stand, with QA's result and their ETag",
        tag="Review",
        answer=Answer(
            200, "The findings and their QA result", (FindingsResponse,), headers=("ETag:findings",)
        ),
        errors={**_WORKFLOW_ERRORS, 409: ("FINDINGS_NOT_READY",)},
    ),
    Operation(
        operation_id="patchFindings",
        summary="Edit the findings of a workflow in review",
        description="A JSON Merge Patch (RFC 7396, `application/merge-patch+json`) or a JSON Patch "
        "(RFC 6902, `application/json-patch+json`; with `application/json`, an array is a JSON Patch "
        "and an object a merge patch). `If-Match` is required. The result is validated as findings, "
        "QA checks it again (the answer carries its issues), the DRAFT report is rendered again, "
        "and a fact the reviewer added or changed cites the reviewer as its source. A signed-in "
        "person only.",
        tag="Review",
        raw_body={
            "application/merge-patch+json": {"type": "object"},
            "application/json-patch+json": {"type": "array", "items": {"type": "object"}},
            "application/json": {"anyOf": [{"type": "object"}, {"type": "array"}]},
        },
        headers=(FINDINGS_IF_MATCH,),
        answer=Answer(
            200, "The edited findings and their QA result", (FindingsResponse,), headers=("ETag:findings",)
        ),
        errors={
            400: ("INVALID_WORKFLOW_ID", "BAD_REQUEST", "INVALID_PATCH", "INVALID_FINDINGS"),
            404: ("WORKFLOW_NOT_FOUND",),
            409: ("NOT_IN_REVIEW", "VERSION_CONFLICT", "PATCH_TEST_FAILED", "FINDINGS_NOT_READY"),
            415: ("UNSUPPORTED_PATCH_TYPE",),
            428: ("IF_MATCH_REQUIRED",),
        },
    ),
    Operation(
        operation_id="openRevision",
        summary="Open the next revision of a signed report",
        description="A signed revision never changes. Opening the next one starts its review: a "
        "DRAFT of the findings as they stand (NEEDS_REVIEW), edits, approval, the final report and "
        "its own sign-off. Earlier revisions stay downloadable (`GET .../report?revision=N`). A "
        "signed-in person only.",
        tag="Review",
        answer=_WORKFLOW_ANSWER,
        errors={**_WORKFLOW_ERRORS, 409: ("NOT_SIGNED",)},
    ),
    Operation(
        operation_id="createPhoto",
        summary="Add a photo to a workflow: its record and its upload form",
        description="Post the image to `upload.url` with `upload.fields`, as for a document. At "
        "receipt its SHA-256, size, pixel dimensions and EXIF time and GPS are recorded from the "
        "bytes; a file that is not a JPEG, PNG or HEIC image (`PHOTO_NOT_AN_IMAGE`), one declaring "
        "too many pixels (`PHOTO_TOO_MANY_PIXELS`), or a damaged one (`PHOTO_CORRUPT`) is refused "
        "and its record says so. The report embeds a re-encoded copy without metadata, by room.",
        tag="Photos",
        body=CreatePhotoRequest,
        body_examples={
            "jpeg": {
                "summary": "A photo before demolition",
                "value": {
                    "fileName": "IMG_2041.jpg",
                    "contentType": "image/jpeg",
                    "caption": "Laundry wall before removal, water line at 40 cm",
                    "room": "Laundry",
                    "takenAt": "2026-11-20T09:14:00+11:00",
                },
            }
        },
        answer=Answer(201, "The photo's record, waiting for its bytes, and its upload form", (CreatedPhoto,)),
        errors={
            **_WORKFLOW_ERRORS,
            400: ("INVALID_WORKFLOW_ID", "INVALID_CONTENT_TYPE"),
            409: ("WORKFLOW_FINISHED", "TOO_MANY_PHOTOS"),
            413: ("FILE_TOO_LARGE",),
        },
    ),
    Operation(
        operation_id="listPhotos",
        summary="List a workflow's photos and their receipts",
        tag="Photos",
        answer=Answer(200, "The photos, oldest first", (PhotoList,)),
        errors=_WORKFLOW_ERRORS,
    ),
    Operation(
        operation_id="listRevisions",
        summary="List a workflow's revisions: each signed one with its signer and files' hashes",
        tag="Review",
        answer=Answer(200, "The revisions, oldest first, and the current one", (RevisionList,)),
        errors=_WORKFLOW_ERRORS,
    ),
    Operation(
        operation_id="signReport",
        summary="Sign the final report's current revision",
        description="For a COMPLETED workflow: the report is rendered once more with the signature "
        "block (name, role, the signer's certification on file, statement, time) and kept as that "
        "revision's files; the SHA-256 of each is recorded in `signatures[].files`, and `GET "
        ".../report` serves them from then on. A signed revision never changes. Only a person with a "
        "current certification on file may sign (`403 CERTIFICATION_REQUIRED | CERTIFICATION_EXPIRED`; "
        "`PUT /members/{userId}/certification`); a `certification` in the body is ignored.",
        tag="Review",
        body=SignRequest,
        body_examples={
            "technician": {
                "summary": "A water restoration technician",
                "value": {
                    "name": "Sam Ortiz",
                    "role": "Restoration technician",
                    "statement": "I inspected the property and stand behind these findings.",
                },
            }
        },
        answer=_WORKFLOW_ANSWER,
        errors={
            **_WORKFLOW_ERRORS,
            403: ("CERTIFICATION_REQUIRED", "CERTIFICATION_EXPIRED"),
            409: ("NOT_COMPLETED", "ALREADY_SIGNED"),
        },
    ),
    Operation(
        operation_id="approveWorkflow",
        summary="Approve the findings of a workflow in review",
        description="For a NEEDS_REVIEW workflow: warnings are acknowledged by approving; each QA "
        "error needs an override with a written reason (printed in the report's QA section). The "
        "execution then renders the final report. A signed-in person only.",
        tag="Review",
        body=ApproveRequest,
        body_examples={
            "overrides": {
                "summary": "One QA error let stand",
                "value": {
                    "overrides": [
                        {
                            "code": "INTAKE_READINGS_MISSING",
                            "reason": "Meter failed on the day; readings were taken at the next visit",
                        }
                    ]
                },
            }
        },
        answer=_WORKFLOW_ANSWER,
        errors={
            **_WORKFLOW_ERRORS,
            400: ("INVALID_WORKFLOW_ID", "OVERRIDE_REASON_REQUIRED", "UNKNOWN_QA_ERROR"),
            409: ("NOT_IN_REVIEW",),
        },
    ),
    Operation(
        operation_id="getReport",
        summary="Get a completed workflow's report, or the DRAFT of one in review",
        tag="Reports",
        query_parameters=(REPORT_FORMAT, REPORT_REVISION),
        answer=Answer(
            200, "The report (json), or a link to download it (md, docx, pdf)", (JsonReport, ReportDownload)
        ),
        errors={
            400: ("INVALID_REPORT_FORMAT", "INVALID_WORKFLOW_ID", "INVALID_REVISION"),
            404: ("WORKFLOW_NOT_FOUND", "REVISION_NOT_FOUND"),
            409: ("REPORT_NOT_READY",),
        },
    ),
    Operation(
        operation_id="getStats",
        summary="The caller's workflow statistics",
        tag="Workflows",
        answer=Answer(200, "Counts by status and average durations", (StatsResponse,)),
    ),
    Operation(
        operation_id="getAnalytics",
        summary="Figures of the caller's (or their account's) workflows over a range of days",
        description=AnalyticsResponse.__doc__,
        tag="Analytics",
        query_parameters=ANALYTICS_QUERY,
        answer=Answer(
            200,
            "JSON, or CSV (`format=csv`)",
            (AnalyticsResponse,),
            other_media={"text/csv": {"type": "string"}},
        ),
        errors=ANALYTICS_ERRORS,
    ),
    Operation(
        operation_id="createApiKey",
        summary="Create an API key for a field app",
        tag="API keys",
        body=CreateApiKeyRequest,
        body_examples={"key": {"summary": "A field app", "value": {"name": "Moisture meter app"}}},
        answer=Answer(201, "Created; the secret is shown this once", (CreatedApiKey,)),
    ),
    Operation(
        operation_id="listApiKeys",
        summary="List the caller's API keys",
        tag="API keys",
        answer=Answer(200, "The keys (never their secrets)", (ApiKeyList,)),
    ),
    Operation(
        operation_id="revokeApiKey",
        summary="Revoke an API key",
        description="The key stops working at once; it is kept, revoked, for the record.",
        tag="API keys",
        answer=Answer(200, "Revoked (or already revoked)", (Success,)),
        errors={404: ("API_KEY_NOT_FOUND",)},
    ),
    Operation(
        operation_id="getSettings",
        summary="The caller's settings: their defaults for new workflows",
        tag="Settings",
        answer=Answer(200, "The settings", (SettingsResponse,)),
    ),
    Operation(
        operation_id="putSettings",
        summary="Change the caller's settings",
        description="`reviewRequired`: new workflows stop for a person's review even when QA passes, "
        "unless a workflow says otherwise. `lineItemCatalogue`: the company's map from scope lines "
        "(action and material words) to its estimating system's category and selector codes, used "
        "for the report's line items and CSV; `null` goes back to the shipped default. Only the "
        "fields sent change. A signed-in person only.",
        tag="Settings",
        body=UserSettingsRequest,
        body_examples={
            "review": {"summary": "Review every report", "value": {"reviewRequired": True}},
            "catalogue": {
                "summary": "Use the company's estimating codes",
                "value": {
                    "lineItemCatalogue": {
                        "system": "Our estimating system",
                        "entries": [
                            {"action": "remove", "material": "pad", "category": "WTR", "selector": "PAD"},
                            {"action": "remove", "material": "*", "category": "DMO", "selector": "GEN"},
                        ],
                    }
                },
            },
        },
        answer=Answer(200, "The settings", (SettingsResponse,)),
    ),
    Operation(
        operation_id="listAuditEntries",
        summary="List the caller's audit log",
        description="Every mutation that succeeded, newest first. Entries are never changed or deleted.",
        tag="Audit",
        query=ListAuditQuery,
        answer=Answer(200, "A page of audit entries", (AuditPage,)),
        errors={400: ("INVALID_NEXT_TOKEN",)},
    ),
    Operation(
        operation_id="getOpenApiDocument",
        summary="This document",
        tag="Meta",
        answer=Answer(
            200,
            "The OpenAPI 3.1 document",
            schema={"type": "object", "required": ["openapi", "info", "paths"]},
        ),
    ),
    Operation(
        operation_id="testIntegration",
        summary="Check a credential: whom it acts as",
        tag="Integrations",
        answer=Answer(200, "The credential works", (IntegrationCheck,)),
    ),
)
# Each operation by its id, which the route names on its `api(...)` decorator.
OPERATIONS: dict[str, Operation] = {op.operation_id: op for op in (*_DOCUMENTED, *operations_orgs.OPERATIONS)}
