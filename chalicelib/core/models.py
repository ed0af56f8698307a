"""The API and record contracts: the seed's Prisma enums and models, camelCase on the wire."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    field_serializer,
    model_validator,
)

from chalicelib.core.api_model import ApiModel as ApiModel  # re-exported: the contracts import it from here
from chalicelib.core.api_model import RequestModel as RequestModel
from chalicelib.core.company_models import CompanyProfile, CompanyRequest


class InputMethod(StrEnum):
    TEXT = "TEXT"
    PDF = "PDF"
    WORD = "WORD"
    API = "API"
    IMAGE = "IMAGE"  # a photographed or scanned form (JPEG, PNG, HEIC), read by OCR


class OrchestratorPhase(StrEnum):
    INITIATION = "INITIATION"
    PROCESSING = "PROCESSING"
    QA = "QA"
    OUTPUT = "OUTPUT"


PHASE_ORDER: tuple[OrchestratorPhase, ...] = tuple(OrchestratorPhase)


class WorkflowStatus(StrEnum):
    PENDING = "PENDING"
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"
    # Waiting at a phase boundary for the user to resume it.
    PAUSED = "PAUSED"
    # Waiting for a person to review the findings (QA found what another analysis cannot fix,
    # or review was asked for): a DRAFT report is ready, the final one follows approval.
    NEEDS_REVIEW = "NEEDS_REVIEW"


# What the seed's "active" filter means: queued, running, or waiting for its review.
ACTIVE_STATUSES = frozenset({WorkflowStatus.PENDING, WorkflowStatus.IN_PROGRESS, WorkflowStatus.NEEDS_REVIEW})
# Where a phase may run, and a pause may be asked for.
RUNNING_STATUSES = frozenset({WorkflowStatus.PENDING, WorkflowStatus.IN_PROGRESS})
FINISHED_STATUSES = frozenset({WorkflowStatus.COMPLETED, WorkflowStatus.FAILED, WorkflowStatus.CANCELLED})
# Not finished: can still be cancelled, can still fail.
UNFINISHED_STATUSES = frozenset(set(WorkflowStatus) - FINISHED_STATUSES)


class StepStatus(StrEnum):
    PENDING = "PENDING"
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"


# The report's formats, by file extension: what OUTPUT renders and the report route serves.
REPORT_CONTENT_TYPES: dict[str, str] = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",  # the scope's line items, for an estimating system
}
# Rendered when first downloaded (then kept) and at sign-off, not by OUTPUT: together they were
# two thirds of a workflow's CPU, for files many jobs never download (docs/adr/0008).
ON_REQUEST_FORMATS = frozenset({"pdf", "docx"})

# A workflow id; bare (`WORKFLOW_ID_BODY`) for patterns that embed it in a key or a channel name.
WORKFLOW_ID_BODY = r"wf_[0-9a-f]{32}"
WORKFLOW_ID_PATTERN = re.compile(rf"^{WORKFLOW_ID_BODY}$")
WorkflowId = Annotated[
    str,
    StringConstraints(pattern=WORKFLOW_ID_PATTERN.pattern),
    Field(description="Workflow id: 'wf_' and 32 hex digits"),
]
Percentage = Annotated[int, Field(ge=0, le=100, description="Progress, 0 to 100")]


def new_workflow_id() -> str:
    return f"wf_{uuid.uuid4().hex}"


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(value: datetime) -> str:
    """ISO 8601 in UTC with milliseconds: sortable as a string, which the indexes rely on."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


class TimestampedModel(ApiModel):
    @field_serializer("*", when_used="json")
    def _datetimes_as_iso(self, value: Any) -> Any:
        return iso(value) if isinstance(value, datetime) else value


class WorkflowStep(TimestampedModel):
    id: str
    workflow_id: str
    phase: OrchestratorPhase
    step_number: int
    attempt: int = 1
    description: str
    status: StepStatus = StepStatus.PENDING
    started_at: datetime | None = None
    completed_at: datetime | None = None
    error_message: str | None = None
    # What the phase found, in brief (e.g. QA's pass/fail and counts); documents live in S3.
    outcome: dict[str, Any] | None = None
    # How many times the step started: a retry of a failed workflow runs its failed step again.
    runs: int = 1


class ReviewReason(StrEnum):
    QA_ERRORS = "QA_ERRORS"  # QA found errors another analysis of the same input cannot change
    REQUESTED = "REQUESTED"  # the workflow was created with reviewRequired
    REVISION = "REVISION"  # a new revision of a signed report


class QaOverride(ApiModel):
    """A QA error a reviewer let stand, and why: the report's QA section prints the reason."""

    code: str
    field: str | None = None
    reason: str


class Review(ApiModel):
    """A person's review of the findings before the final report (NEEDS_REVIEW)."""

    reason: ReviewReason
    requested_at: datetime
    qa_errors: int = 0
    qa_warnings: int = 0
    approved_by: str | None = None
    approved_at: datetime | None = None
    overrides: list[QaOverride] = Field(default_factory=list)
    warnings_acknowledged: int = 0
    # Edits of the findings during review: how many, and the fields the last one changed.
    edits: int = 0
    edited_fields: list[str] = Field(default_factory=list)


class SignedFile(ApiModel):
    key: str
    sha256: str


class Signature(ApiModel):
    """A qualified person standing behind one revision of the report: it is immutable after this."""

    revision: int
    name: str
    role: str
    certification: str
    statement: str
    signed_at: datetime
    signed_by: str  # the user who signed (a person: never an API key)
    files: dict[str, SignedFile] = Field(default_factory=dict)


class TemplatePin(ApiModel):
    """The report template version a workflow uses: chosen at creation, or inferred from the loss."""

    id: str
    version: int
    name: str


class Workflow(TimestampedModel):
    id: str
    user_id: str
    # The account it belongs to: its creator's organisation at creation, or their personal
    # account (`tenancy.personal_org_id`). None on records made before accounts existed.
    org_id: str | None = None
    title: str
    input_method: InputMethod
    status: WorkflowStatus = WorkflowStatus.PENDING
    current_phase: OrchestratorPhase = OrchestratorPhase.INITIATION
    completed_phases: list[OrchestratorPhase] = Field(default_factory=list)
    progress_percentage: int = 0
    estimated_time: str | None = None
    # From the measured durations of the user's recent workflows (see `eta.py`).
    estimated_seconds_remaining: int | None = None
    input_data: dict[str, Any] | None = None
    output_data: dict[str, Any] | None = None
    error_code: str | None = None
    error_message: str | None = None
    # Which analyzer produced the findings, its token usage and cost (PROCESSING sets it).
    analysis: dict[str, Any] | None = None
    # Seconds each phase took, summed over its attempts; feeds the stats.
    phase_durations: dict[OrchestratorPhase, float] = Field(default_factory=dict)
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None = None
    # Control: the current execution (a retry starts a new one), pause and retry bookkeeping.
    execution_name: str | None = None
    pause_requested: bool = False
    paused_at: datetime | None = None
    paused_seconds: float = 0.0
    retries: int = 0
    # The Step Functions task token a paused execution waits on: resuming needs it, so it
    # never leaves the server (see `public`).
    task_token: str | None = None
    # Review: asked for at creation, and the review itself once the workflow reached it.
    review_required: bool = False
    review: Review | None = None
    template: TemplatePin | None = None  # QA and OUTPUT read this version, never a newer one
    # Once a reviewer edits the findings: where the edited findings and their QA result are,
    # and the findings' entity tag (GET/PATCH .../findings). Until then the phases' own files.
    findings_key: str | None = None
    qa_key: str | None = None
    findings_etag: str | None = None
    # The report's revision (a signed one is immutable; an edit after signing opens the next),
    # and the signatures, one per signed revision.
    revision: int = 1
    signatures: list[Signature] = Field(default_factory=list)
    version: int = 1
    # The seq of the newest progress event: subscribe with it as `lastSeq` to get only newer ones.
    last_event_seq: int = 0
    # Each photo's receipt once it settled (photo id -> "RECEIVED" or its refusal's code): the
    # receipt is noted once, with its progress event, however often S3 reports the upload.
    photo_receipts: dict[str, str] = Field(default_factory=dict)
    # The QA error codes it failed with, over every attempt (for the analytics' QA reasons).
    qa_failures: list[str] = Field(default_factory=list)
    # Its contribution is in the analytics aggregates (`core/analytics.py`); never shown.
    aggregated: bool = False
    steps: list[WorkflowStep] | None = None

    def public(self, **exclude: bool) -> dict[str, Any]:
        """The record as the API shows it: never the task token, nor where its input is stored
        (`inputData`'s `textKey`, `uploadKey` name the bucket's layout; `uploadVersionId` is the
        store's own id of the file read)."""
        shown = self.model_dump(mode="json", exclude={"task_token", "aggregated", *exclude})
        if isinstance(shown.get("inputData"), dict):
            shown["inputData"] = {
                k: v for k, v in shown["inputData"].items() if not k.endswith(("Key", "VersionId"))
            }
        return shown

    @property
    def received_on(self) -> date:
        """The day the notes reached us: the workflow's creation day. The offline analyzer takes it
        as the reference for a weekday written with no year (PROCESSING, QA's reference reading and
        Claude's offline fallback alike), so a report does not change with the day it is re-run."""
        return self.created_at.date()

    @property
    def listing_key(self) -> str:
        """What lists of workflows sort and page by, newest first: creation time, then the id so
        that two created in the same millisecond still have one order (a page's cursor names one).
        Every store that lists workflows (own, shared, by organisation) keys them by this."""
        return f"{iso(self.created_at)}#{self.id}"


class ApiKey(TimestampedModel):
    """A field app's credential. Its secret is shown once, at creation; only a hash is kept."""

    id: str
    user_id: str
    name: str
    prefix: str = Field(description="The secret's first characters, to recognise it by")
    created_at: datetime
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None


# --- requests -----------------------------------------------------------------------------


class TextInput(RequestModel):
    text: Annotated[str, StringConstraints(min_length=1)] = Field(
        description="The inspection notes, as typed or dictated in the field"
    )


class CreateWorkflowRequest(RequestModel):
    input_method: InputMethod
    title: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    input_data: dict[str, Any] | None = None
    review_required: StrictBool | None = Field(
        default=None,
        description="Stop for a person's review before the final report, even when QA passes "
        "(default: the user's setting)",
    )
    template_id: Annotated[str, StringConstraints(max_length=60)] | None = Field(
        default=None, description="The report template (GET /templates); none: inferred from the loss type"
    )


DOCUMENT_CONTENT_TYPES: dict[InputMethod, tuple[str, ...]] = {
    InputMethod.PDF: ("application/pdf",),
    InputMethod.WORD: ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
    InputMethod.IMAGE: ("image/jpeg", "image/png", "image/heic", "image/heif"),
}
# The inputs that arrive as an uploaded file (a presigned POST), not in the request.
UPLOADED_INPUTS = frozenset(DOCUMENT_CONTENT_TYPES)


class CreateUploadRequest(RequestModel):
    input_method: Literal[InputMethod.PDF, InputMethod.WORD, InputMethod.IMAGE]
    file_name: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    content_type: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    size: Annotated[int, Field(gt=0, description="The file's size in bytes")]
    title: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    review_required: StrictBool | None = Field(
        default=None,
        description="Stop for a person's review before the final report, even when QA passes "
        "(default: the user's setting)",
    )
    template_id: Annotated[str, StringConstraints(max_length=60)] | None = Field(
        default=None, description="The report template (GET /templates); none: inferred from the loss type"
    )


# --- photos ----------------------------------------------------------------------------------

# What a photo may be uploaded as; the bytes are checked again at receipt, whatever was declared.
PHOTO_CONTENT_TYPES: dict[str, str] = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/heic": "heic",
    "image/heif": "heic",
}
PHOTO_ID_BODY = r"ph_[0-9a-f]{32}"
PhotoText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
RoomName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


def new_photo_id() -> str:
    return f"ph_{uuid.uuid4().hex}"


class PhotoStatus(StrEnum):
    PENDING = "PENDING"  # the upload form was handed out; no bytes yet
    RECEIVED = "RECEIVED"  # the bytes arrived, were checked, hashed and re-encoded for the report
    REJECTED = "REJECTED"  # the bytes arrived and were refused (errorCode says why)


# The photo models are built on first use (`defer_build`): `import app` must stay cheap, and
# only the photo routes and the upload Lambda use them.
class GpsPosition(ApiModel):
    model_config = ConfigDict(defer_build=True)

    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)


class PhotoView(TimestampedModel):
    """A photo as the API shows it: what the uploader said, and what its bytes said at receipt."""

    model_config = ConfigDict(defer_build=True)

    id: str
    workflow_id: str
    file_name: str
    content_type: str
    caption: str
    room: str
    taken_at: datetime | None = Field(default=None, description="When the uploader says it was taken")
    status: PhotoStatus = PhotoStatus.PENDING
    created_at: datetime
    # Chain of custody, recorded from the bytes S3 received (never from the uploader's word).
    received_at: datetime | None = None
    sha256: str | None = Field(default=None, description="SHA-256 of the bytes received, hex")
    size: int | None = None
    format: str | None = Field(default=None, description="JPEG, PNG or HEIF, read from the bytes")
    width: int | None = None
    height: int | None = None
    exif_taken_at: str | None = Field(default=None, description="EXIF DateTimeOriginal, as written")
    gps: GpsPosition | None = None
    error_code: str | None = Field(default=None, description="Why the upload was refused")
    error_message: str | None = None


class Photo(PhotoView):
    """The stored record: the view, and the keys and owner the API never shows."""

    user_id: str
    upload_key: str
    # The copy the report embeds: re-encoded as JPEG, no metadata, longest side capped.
    report_key: str | None = None

    def public(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude={"upload_key", "report_key", "user_id"})


def _iso_text(value: object) -> object:
    # JSON has no datetime: only a string says one (a bare number would be read as epoch seconds).
    if not isinstance(value, str):
        raise ValueError("must be an ISO 8601 date-time string")
    return value


IsoDateTime = Annotated[datetime, BeforeValidator(_iso_text)]


class CreatePhotoRequest(RequestModel):
    model_config = ConfigDict(defer_build=True)

    file_name: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    content_type: Annotated[str, StringConstraints(min_length=1, max_length=100)] = Field(
        description="image/jpeg, image/png, image/heic or image/heif"
    )
    caption: PhotoText
    room: RoomName = Field(description="The room or area it shows, named as the notes name it")
    taken_at: IsoDateTime | None = Field(default=None, description="When it was taken (ISO 8601)")
    size: Annotated[StrictInt, Field(gt=0, description="The file's size in bytes")] | None = None


ReviewText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=5, max_length=2000)]


class OverrideRequest(RequestModel):
    code: Annotated[str, StringConstraints(min_length=1, max_length=100)] = Field(
        description="The QA error's code"
    )
    field: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = Field(
        default=None, description="The QA error's field, when the code is raised for several"
    )
    reason: ReviewText = Field(description="Why the report may go out with this error: printed in it")


class ApproveRequest(RequestModel):
    """Warnings are acknowledged by approving; each QA error needs an override with a reason."""

    overrides: list[OverrideRequest] = Field(default_factory=list, max_length=100)


SignText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
Statement = Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=2000)]


class SignRequest(RequestModel):
    name: SignText = Field(description="The signer's name, as the report prints it")
    role: SignText = Field(description='e.g. "Restoration technician", "Project manager"')
    certification: SignText | None = Field(
        default=None,
        description="Ignored: the signature prints the signer's certification on file "
        "(PUT /members/{userId}/certification), which signing requires",
    )
    statement: Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=2000)] = (
        Field(description="What the signer attests, printed above the signature")
    )


# A code as an estimating system prints it: letters, digits and a few joiners, never a leading
# sign or "=" (the codes go into the CSV export, which spreadsheets open).
CatalogueCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9 ._/&+-]{0,39}$")]
CatalogueWord = Annotated[str, StringConstraints(min_length=1, max_length=60)]


class CatalogueEntry(RequestModel):
    """One mapping of the line-item catalogue: a scope line whose action and material match it
    takes its category and selector."""

    action: CatalogueWord = Field(description='A word of the line\'s action, e.g. "remove", "apply"')
    material: CatalogueWord = Field(
        description='A word or phrase of its material or description, e.g. "underlay"; "*" for any'
    )
    category: CatalogueCode = Field(description="The estimating system's category code")
    selector: CatalogueCode = Field(description="The estimating system's selector (item) code")


class LineItemCatalogue(RequestModel):
    """The company's map from scope lines to its estimating system's codes: entries are tried in
    order and the first match wins, so specific entries go before general ones."""

    system: CatalogueWord = Field(description='The estimating system the codes belong to, e.g. "Xactimate"')
    entries: list[CatalogueEntry] = Field(min_length=1, max_length=500)


class UserSettings(ApiModel):
    """A user's defaults for their workflows."""

    review_required: bool = Field(
        default=False, description="New workflows stop for review even when QA passes, unless told otherwise"
    )
    line_item_catalogue: LineItemCatalogue | None = Field(
        default=None, description="The company's line-item catalogue; null: the shipped default"
    )
    company: CompanyProfile | None = Field(default=None, description="The company the reports name")
    updated_at: datetime | None = None


class UserSettingsRequest(RequestModel):
    """Only the fields sent change; `lineItemCatalogue: null` goes back to the shipped default."""

    review_required: StrictBool | None = None
    line_item_catalogue: LineItemCatalogue | None = None
    company: CompanyRequest | None = None

    @model_validator(mode="after")
    def _something_to_change(self) -> UserSettingsRequest:
        if not self.model_fields_set:
            raise ValueError("send reviewRequired, lineItemCatalogue, company or any of them")
        if "review_required" in self.model_fields_set and self.review_required is None:
            raise ValueError("reviewRequired must be true or false")
        return self


class CreateApiKeyRequest(RequestModel):
    name: Annotated[str, StringConstraints(min_length=1, max_length=100)] = Field(
        description="What the key is for, e.g. the field app's name"
    )


class PhaseProgressPatch(RequestModel):
    current_phase: OrchestratorPhase | None = None
    completed_phases: list[OrchestratorPhase] | None = Field(default=None, max_length=4)
    progress_percentage: Percentage | None = None
    estimated_time: Annotated[str, StringConstraints(max_length=50)] | None = None


class PatchWorkflowRequest(RequestModel):
    progress: PhaseProgressPatch


class ListAuditQuery(RequestModel):
    limit: Annotated[int, Field(ge=1, le=100)] = 50
    next_token: Annotated[str, StringConstraints(max_length=512)] | None = None


class ListWorkflowsQuery(RequestModel):
    # "active" is the seed's own example: PENDING and IN_PROGRESS together.
    status: WorkflowStatus | Literal["active"] | None = None
    limit: Annotated[int, Field(ge=1, le=100)] = 10
    next_token: Annotated[str, StringConstraints(max_length=512)] | None = None


# --- responses ----------------------------------------------------------------------------


class CreateWorkflowResponse(ApiModel):
    workflow_id: str
    status: WorkflowStatus


class PhaseDurationStats(ApiModel):
    count: int
    average_seconds: float


class OrchestratorStats(ApiModel):
    total_workflows: int
    active_workflows: int
    by_status: dict[WorkflowStatus, int]
    completed_workflows: int
    average_completion_seconds: float | None
    phase_durations: dict[OrchestratorPhase, PhaseDurationStats]
