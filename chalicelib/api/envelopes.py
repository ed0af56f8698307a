"""The envelopes the routes wrap records in: modelled for the OpenAPI document only, as the
code builds them as dicts. Imported only when the document is built."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from chalicelib.core.api_keys import SECRET_PATTERN
from chalicelib.core.audit_models import AuditEntry
from chalicelib.core.models import (
    REPORT_CONTENT_TYPES,
    ApiKey,
    ApiModel,
    OrchestratorStats,
    PhotoView,
    UserSettings,
    Workflow,
    WorkflowId,
    WorkflowStatus,
)
from chalicelib.core.webhook_models import WebhookDelivery, WebhookEndpoint
from chalicelib.report.render import Report

# Workflow.public() never shows the Step Functions task token a paused execution waits on, nor
# its analytics bookkeeping.
HIDDEN_WORKFLOW_FIELDS = ("taskToken", "aggregated")
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
    draft: bool = Field(description="A DRAFT made for a review (NEEDS_REVIEW), not the final report")


class StatsResponse(_Envelope):
    stats: OrchestratorStats


class CreatedApiKey(_Envelope):
    """The new key and its secret: the secret is shown this once, only its hash is kept."""

    api_key: ApiKey
    secret: str = Field(
        pattern=SECRET_PATTERN.pattern, description="Send as `Authorization: Bearer <secret>`"
    )


class ApiKeyList(_Envelope):
    """The caller's keys, revoked ones included."""

    api_keys: list[ApiKey]


class AuditPage(_Envelope):
    """The caller's audit entries, newest first."""

    audit_entries: list[AuditEntry]
    next_token: str | None = Field(description="Pass back as `nextToken` for the next page")


class FindingsResponse(_Envelope):
    """The findings as they stand (the analyzer's, or a reviewer's edit) and QA's result of them."""

    findings: dict[str, Any] = Field(description="The findings (the report JSON's `findings`)")
    qa: dict[str, Any] = Field(description="QA's result of these findings (the report JSON's `qa`)")


class RevisionFile(_Envelope):
    sha256: str = Field(pattern="^[0-9a-f]{64}$")


class RevisionSummary(_Envelope):
    """One revision: SIGNED (with who and the files' hashes) or OPEN (its status)."""

    revision: int = Field(ge=1)
    state: Literal["SIGNED", "OPEN"]
    signed_at: str | SkipJsonSchema[None] = None
    name: str | SkipJsonSchema[None] = None
    role: str | SkipJsonSchema[None] = None
    certification: str | SkipJsonSchema[None] = None
    files: dict[str, RevisionFile] | SkipJsonSchema[None] = None
    status: WorkflowStatus | SkipJsonSchema[None] = None


class RevisionList(_Envelope):
    revisions: list[RevisionSummary]
    current: int = Field(ge=1)


class CreatedPhoto(_Envelope):
    """The photo's record (PENDING until its bytes arrive) and its upload form."""

    photo: PhotoView
    upload: UploadForm
    max_bytes: int = Field(gt=0, description="The photo's size limit")


class PhotoList(_Envelope):
    photos: list[PhotoView] = Field(
        description="Oldest first: RECEIVED, REJECTED (with errorCode) or PENDING"
    )


class SettingsResponse(_Envelope):
    settings: UserSettings


class IntegrationCheck(_Envelope):
    """Who the credential acts as: the user, and the API key if one was used."""

    success: Literal[True]
    user_id: str
    api_key_id: str | None


# --- webhooks (chalicelib/api/webhook_routes.py) -------------------------------------------------


class CreatedWebhook(_Envelope):
    """The endpoint and its signing secret: the secret is shown this once (and at each rotation)."""

    webhook: WebhookEndpoint
    secret: str = Field(
        pattern=r"^whsec_[A-Za-z0-9_-]{43}$", description="The HMAC-SHA256 key of the signatures"
    )


class WebhookList(_Envelope):
    webhooks: list[WebhookEndpoint]


class WebhookResponse(_Envelope):
    webhook: WebhookEndpoint


class DeliveryQueued(_Envelope):
    delivery: WebhookDelivery


class DeliveryList(_Envelope):
    """Newest first, at most 100; a delivery's record expires after 30 days."""

    deliveries: list[WebhookDelivery]
