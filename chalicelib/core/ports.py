"""The ports: what the domain needs from the outside world, and the errors they raise.

The domain (`core/`) is written against these Protocols and receives a `Ports` from its caller;
`aws/` implements them on DynamoDB, S3, Step Functions and API Gateway, `tests/memory_ports.py`
in memory, and `wiring.py` builds the AWS ones. Nothing here knows a status code or a table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from chalicelib.core.audit_models import AuditEntry
from chalicelib.core.errors import TransientError
from chalicelib.core.events import Event
from chalicelib.core.models import (
    ApiKey,
    OrchestratorPhase,
    Photo,
    UserSettings,
    Workflow,
    WorkflowStatus,
    WorkflowStep,
)
from chalicelib.core.org_ports import ActivityRecords, OrganisationRecords, ShareRecords
from chalicelib.core.webhook_ports import SecretBox, WebhookQueue, WebhookRecords, WebhookSender

if TYPE_CHECKING:
    from chalicelib.core.org_models import ActivityEntry, Member
    from chalicelib.core.template_models import ReportTemplate, TemplateHead

# --- the ports' errors ------------------------------------------------------------------


class ConditionFailed(Exception):
    """A conditional write's condition was false: someone else wrote first, or the record is
    not in the state the write required. Callers decide what that means."""


class Throttled(TransientError):
    """The service is throttling or briefly unavailable: worth another try later."""


class TaskGone(Exception):
    """The task token belongs to a task that is over (timed out, its execution stopped)."""


class NotFound(Exception):
    """The record or document asked for does not exist."""


# --- records ----------------------------------------------------------------------------

# Changes a workflow in place (it may raise to refuse the change).
Mutation = Callable[[Workflow], None]
# The steps a write changes along with the workflow, given the workflow as it will be written.
StepChanges = Callable[[Workflow], Sequence[WorkflowStep]]


@dataclass(frozen=True)
class AggregateUpdate:
    """Numbers to ADD to one aggregate item (`core/analytics.py`), in the transaction that
    writes the workflow change they come from."""

    pk: str
    sk: str
    add: Mapping[str, Decimal]


# Called after a write that made events commits (metrics; the push follows from the table's stream).
EventsCommitted = Callable[[Workflow, list[Event]], None]


class WorkflowRecords(Protocol):
    """Workflows, their steps and their progress events."""

    def create(self, workflow: Workflow, *, activity: ActivityEntry | None = None) -> None:
        """A new workflow (ConditionFailed if its id exists), its aggregates' ADDs and its first
        activity entry (if given), in one transaction."""
        ...

    def get(self, workflow_id: str) -> Workflow | None: ...

    def update(
        self,
        workflow_id: str,
        mutate: Mutation,
        *,
        expected_version: int | None = None,
        steps: StepChanges | None = None,
        read: Workflow | None = None,
    ) -> Workflow:
        """Read, mutate, write back only if nobody wrote in between, with the events the change
        makes and the aggregates' ADDs (`analytics.aggregate_changes`), in one transaction. A
        lost race is retried on the fresh record, unless `expected_version` was given: then a
        stale version raises ConditionFailed. NotFound if there is no such workflow."""
        ...

    def events_after(self, workflow_id: str, seq: int, *, through: int | None = None) -> list[Event]: ...

    def phase_times(self, user_id: str) -> dict[OrchestratorPhase, tuple[float, int]]:
        """The user's aggregate of measured phase durations: phase -> (total seconds, count)."""
        ...

    def add_phase_times(self, user_id: str, durations: Mapping[OrchestratorPhase, float]) -> None:
        """Add a completed workflow's phase durations to the aggregate, atomically."""
        ...

    def aggregate(self, pk: str, sk: str) -> dict[str, Decimal]:
        """One aggregate item's counters (empty if none): one read, whatever the table holds."""
        ...

    def aggregates(self, pk: str, first_sk: str, last_sk: str) -> list[tuple[str, dict[str, Decimal]]]:
        """The aggregate items of `pk` with a sort key from `first_sk` to `last_sk`, both included:
        one item per existing key in the range, never more."""
        ...

    def open_workflow_ids(self, created_before: str) -> Iterator[str]:
        """The ids of unfinished workflows created before `created_before` (an ISO 8601 time),
        from an index of the unfinished ones: never a scan of every workflow."""
        ...

    def delete_with_history(self, workflow_id: str, *, version: int) -> None:
        """Delete a finished workflow still at `version` (ConditionFailed otherwise), then its
        steps and events."""
        ...

    def list_for_user(
        self,
        user_id: str,
        *,
        statuses: Iterable[WorkflowStatus] | None,
        limit: int,
        cursor: str | None,
    ) -> tuple[list[Workflow], str | None]: ...

    def newest_for_user(
        self, user_id: str, *, statuses: Iterable[WorkflowStatus] | None, before: str | None, page: int
    ) -> Iterator[Workflow]:
        """The workflows the user created (with one of `statuses`, if given), newest first, from
        the sort key `before` (exclusive), read `page` at a time as the caller iterates."""
        ...

    def newest_for_org(
        self, org_id: str, *, statuses: Iterable[WorkflowStatus] | None, before: str | None, page: int
    ) -> Iterator[Workflow]:
        """An organisation's workflows (never a personal account's), newest first, as above."""
        ...

    def count_by_status(self, user_id: str, status: WorkflowStatus) -> int: ...

    def iter_by_status(self, user_id: str, status: WorkflowStatus) -> Iterator[Workflow]: ...

    def get_step(self, workflow_id: str, step_number: int) -> WorkflowStep | None: ...

    def list_steps(self, workflow_id: str) -> list[WorkflowStep]: ...

    def failing_running_steps(self, message: str) -> StepChanges: ...


class ApiKeyRecords(Protocol):
    def put(self, key: ApiKey, secret_hash: str) -> None: ...

    def get(self, key_id: str) -> tuple[ApiKey, str] | None:
        """The key and its secret's hash."""
        ...

    def list_for_user(self, user_id: str) -> list[ApiKey]: ...

    def revoke(self, key_id: str, user_id: str, at: str) -> None:
        """ConditionFailed if it is not the user's live key."""
        ...

    def touch(self, key_id: str, at: str, not_since: str) -> bool:
        """Record a use unless one was recorded since `not_since`; True if this call did."""
        ...


class PhotoRecords(Protocol):
    """A workflow's photos, kept in the workflow's own partition (deleted with it)."""

    def create(self, photo: Photo) -> None:
        """ConditionFailed if the id is taken."""
        ...

    def get(self, workflow_id: str, photo_id: str) -> Photo | None: ...

    def list_for_workflow(self, workflow_id: str) -> list[Photo]:
        """Oldest first (in the order they were asked for)."""
        ...

    def settle(self, photo: Photo) -> None:
        """Write the photo's receipt (RECEIVED or REJECTED) only if it is still PENDING:
        ConditionFailed when another delivery of the same upload settled it first."""
        ...


class UserSettingsRecords(Protocol):
    def get(self, user_id: str) -> UserSettings | None: ...

    def get_with_member(self, user_id: str) -> tuple[UserSettings | None, Member | None]:
        """The user's settings and membership, in one strongly consistent read."""
        ...

    def put(self, user_id: str, settings: UserSettings) -> None: ...


class TemplateRecords(Protocol):
    """Report templates: each version an immutable record, and a head per template (its newest
    version, whether retired, who it is shared with); an account lists its own and those shared."""

    def get_head(self, template_id: str) -> TemplateHead | None: ...

    def get_version(self, template_id: str, version: int) -> ReportTemplate | None: ...

    def latest_version(self, template_id: str) -> int:
        """The highest version stored (0 for none): the truth a new version counts from."""
        ...

    def add_version(self, template: ReportTemplate, head: TemplateHead) -> None:
        """Store a version that does not exist yet (ConditionFailed if it does: a racer made it
        first), then move the head forward to it (never back), listing it for its account."""
        ...

    def retire(self, template_id: str) -> None: ...

    def share(self, template_id: str, org_id: str) -> None:
        """List the template for `org_id` too (read-only for it); sharing twice changes nothing."""
        ...

    def unshare(self, template_id: str, org_id: str) -> bool:
        """Stop listing the template for `org_id`; whether it was shared with it (un-sharing twice,
        or with an account it never was shared with, changes nothing)."""
        ...

    def list_for_org(self, org_id: str) -> list[TemplateHead]:
        """The account's own templates and those shared with it."""
        ...


class AuditLog(Protocol):
    def append(self, entry: AuditEntry) -> None:
        """Idempotent: the same entry appended twice stays one."""
        ...

    def list_for_user(
        self, user_id: str, *, limit: int, cursor: str | None
    ) -> tuple[list[AuditEntry], str | None]: ...


@dataclass(frozen=True)
class RateBucket:
    """A caller's token bucket as stored: its tokens when last refilled, and a write counter."""

    tokens: float
    refilled_at_ms: int
    version: int


@dataclass(frozen=True)
class TokenTaken:
    """Taken, or refused with the bucket as the refusal found it (None: no bucket yet)."""

    taken: bool
    bucket: RateBucket | None = None


class RateBuckets(Protocol):
    def get(self, key: str) -> RateBucket | None: ...

    def take_token(self, key: str, refilled_since_ms: int) -> TokenTaken:
        """Take one token atomically if there is one and the bucket was refilled since then;
        if not, say what the bucket held when the condition was checked."""
        ...

    def put(
        self, key: str, tokens: float, now_ms: int, *, previous: RateBucket | None, expires_at: int
    ) -> None:
        """Replace the bucket only if it is still `previous` (ConditionFailed otherwise)."""
        ...


# --- documents and the engine -------------------------------------------------------------


class Blobs(Protocol):
    def put_text(self, key: str, text: str, content_type: str = "text/plain; charset=utf-8") -> None: ...

    def put_bytes(self, key: str, data: bytes, content_type: str) -> None: ...

    def put_json(self, key: str, document: Any) -> None: ...

    def get_text(self, key: str) -> str: ...

    def get_json(self, key: str) -> Any: ...

    def get_bytes(self, key: str, version_id: str | None = None) -> bytes:
        """NotFound if there is no such document (or no such version of it); without a version
        id, the current one."""
        ...

    def delete_prefix(self, prefix: str) -> int: ...

    def delete_version(self, key: str, version_id: str) -> None:
        """Remove one version of a document for good; one already gone is fine."""
        ...

    def tags_of(self, key: str, version_id: str | None = None) -> dict[str, str]: ...

    def size_of(self, key: str, version_id: str | None = None) -> int | None: ...

    def upload_form(self, key: str, content_type: str, max_bytes: int, expires_in: int) -> dict[str, Any]: ...

    def download_url(self, key: str, expires_in: int, file_name: str) -> str: ...


class Engine(Protocol):
    """The workflow engine: one execution per workflow run."""

    def start(
        self,
        workflow_id: str,
        user_id: str,
        *,
        execution_name: str | None = None,
        resume_from: str | None = None,
        attempt: int = 1,
        extra: Mapping[str, Any] | None = None,
    ) -> str:
        """Start an execution (a second start under the same name is a no-op); `extra` joins
        its input (e.g. how long its review may wait)."""
        ...

    def stop(self, execution_name: str, cause: str) -> None: ...

    def resume(self, task_token: str) -> None:
        """Send the token back (the waiting task succeeds); TaskGone if its task is over, Throttled
        if the service still refuses after a few tries."""
        ...

    def abandon(self, task_token: str, cause: str) -> None: ...

    def describe(self, execution_name: str) -> str | None:
        """The execution's status (RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED); None if it
        does not exist."""
        ...


# --- live progress --------------------------------------------------------------------------


@dataclass(frozen=True)
class Connection:
    connection_id: str
    user_id: str
    channels: frozenset[str]
    # The credential it connected with: an API key (revocable) or a token that expires.
    api_key_id: str | None = None
    credential_expires_at: int | None = None  # epoch seconds


@dataclass(frozen=True)
class Subscription:
    workflow_id: str
    connection_id: str
    user_id: str
    # The push sends the events after this seq; the subscribe's replay sent the ones up to it.
    live_after: int
    # While its subscribe replays (epoch ms): the push leaves it alone until it goes live.
    replaying_until: int | None = None
    credential_expires_at: int | None = None  # the connection's, copied at subscribe: no read per push


class ConnectionGone(Exception):
    """The client has disconnected; its connection id will never work again."""


class Connections(Protocol):
    """WebSocket connections and their subscriptions (core/live_progress.py: replay, then push)."""

    def add_connection(
        self,
        connection_id: str,
        user_id: str,
        connected_at: str,
        *,
        api_key_id: str | None = None,
        credential_expires_at: int | None = None,
    ) -> None: ...

    def connections_of_key(self, api_key_id: str) -> list[str]:
        """The ids of the connections an API key opened."""
        ...

    def expired_connections(self, now: int, limit: int) -> list[str]:
        """Ids of connections whose credential expired at or before `now` (epoch seconds)."""
        ...

    def get_connection(self, connection_id: str) -> Connection | None: ...

    def remove_connection(self, connection_id: str) -> None: ...

    def remove_connections(self, connection_ids: Sequence[str]) -> None:
        """Forget many connections at once (the push's gone and expired ones), in batches."""
        ...

    def subscribe(
        self, workflow_id: str, connection: Connection, after_seq: int, replaying_until: int
    ) -> bool:
        """Create (or restart) the subscription in its replay, from `after_seq`; False if another
        replay of it is under way."""
        ...

    def go_live(self, workflow_id: str, connection: Connection, after_seq: int, replaying_until: int) -> bool:
        """End the replay: the push sends what follows `after_seq`. Only if the workflow's newest
        event is still `after_seq` and the replay is still this one; False otherwise."""
        ...

    def holds(self, workflow_id: str, connection_id: str, replaying_until: int) -> bool:
        """Whether the subscription is still the replay that wrote `replaying_until` (strongly
        consistent): a revocation or a newer subscribe ends a replay's sending."""
        ...

    def activate(self, workflow_id: str, connection: Connection, replaying_until: int) -> bool:
        """End a replay that has nothing to replay (the activity feed): the subscription is live
        from now on, only if the replay is still this one; False otherwise."""
        ...

    def connections_of_user(self, user_id: str) -> list[Connection]:
        """The person's open connections, with their channels (strongly consistent): whose
        subscriptions to re-check when their access is withdrawn."""
        ...

    def unsubscribe(self, workflow_id: str, connection_id: str) -> bool:
        """Idempotent; True if there was such a subscription."""
        ...

    def subscriptions(self, workflow_id: str) -> list[Subscription]: ...


class Pusher(Protocol):
    def send(self, connection_id: str, message: dict[str, Any]) -> None:
        """ConnectionGone if the client has left."""
        ...

    def disconnect(self, connection_id: str) -> None: ...


# --- malware scanning ------------------------------------------------------------------------


class Verdict(StrEnum):
    CLEAN = "CLEAN"
    INFECTED = "INFECTED"
    PENDING = "PENDING"
    UNSCANNABLE = "UNSCANNABLE"


@dataclass(frozen=True)
class ScanResult:
    verdict: Verdict
    # What the scanner said: a signature name, a GuardDuty status, an error.
    detail: str = ""


class MalwareScanner(Protocol):
    def scan(self, key: str, data: bytes, version_id: str | None = None) -> ScanResult:
        """The verdict on `data`, the bytes of that version of `key` (the current one if None)."""
        ...


class SecretUnavailableError(Exception):
    """A configured secret could not be read. The message says why, never where it is kept."""


class ApiKeySource(Protocol):
    """The Claude API key: None when none is configured (the offline analyzer runs then)."""

    def api_key(self) -> str | None:
        """Raises `SecretUnavailableError` when a key is configured but cannot be read."""
        ...


# --- OCR: text read from the images of scanned pages and photos --------------------------------


@dataclass(frozen=True)
class OcrLine:
    text: str
    confidence: float  # 0-100: the engine's mean word confidence on the line


@dataclass(frozen=True)
class OcrPage:
    page: int  # 1-based, the page of the file (1 for an image)
    lines: tuple[OcrLine, ...]
    confidence: float  # 0-100: mean word confidence over the page (0 for a page with no words)


@dataclass(frozen=True)
class OcrResult:
    engine: str  # "textract", "tesseract"
    pages: tuple[OcrPage, ...]
    pages_billed: int  # what the engine charges for (Textract reads and bills every page of a PDF)


class OcrFailedError(Exception):
    """The engine could not read the file (its job FAILED, an unsupported image...): a sentence
    for the user, never the engine's internals."""


class Ocr(Protocol):
    """Reads text from images. A PDF is a job (asynchronous on Textract: the state machine waits
    and polls, `OcrPendingError`); an image is read at once."""

    def read_image(self, image: bytes) -> OcrResult:
        """One image (PNG or JPEG bytes, already upright) as page 1."""
        ...

    def start_pdf(self, key: str, version_id: str | None, pages: Sequence[int]) -> str:
        """Starts reading that version of the stored PDF `key`; `pages` are the ones wanted (an
        engine may read more). Returns the job's id."""
        ...

    def pdf_result(self, job_id: str) -> OcrResult | None:
        """The job's pages, or None while it is still running; raises `OcrFailedError`."""
        ...


# --- webhooks (core/webhooks.py, docs/adr/0021-webhooks.md) ------------------------------------


class Ports(Protocol):
    """Everything the domain may use. `wiring.AwsPorts` builds each on first use."""

    @property
    def workflows(self) -> WorkflowRecords: ...

    @property
    def api_keys(self) -> ApiKeyRecords: ...

    @property
    def audit(self) -> AuditLog: ...

    @property
    def user_settings(self) -> UserSettingsRecords: ...

    @property
    def organisations(self) -> OrganisationRecords: ...

    @property
    def shares(self) -> ShareRecords: ...

    @property
    def activity(self) -> ActivityRecords: ...

    @property
    def photos(self) -> PhotoRecords: ...

    @property
    def templates(self) -> TemplateRecords: ...

    @property
    def rate_buckets(self) -> RateBuckets: ...

    @property
    def blobs(self) -> Blobs: ...

    @property
    def engine(self) -> Engine: ...

    @property
    def connections(self) -> Connections: ...

    @property
    def pusher(self) -> Pusher: ...

    @property
    def scanner(self) -> MalwareScanner: ...

    @property
    def claude_key(self) -> ApiKeySource: ...

    @property
    def ocr(self) -> Ocr: ...

    @property
    def webhooks(self) -> WebhookRecords: ...

    @property
    def secret_box(self) -> SecretBox: ...

    @property
    def webhook_queue(self) -> WebhookQueue: ...

    @property
    def webhook_sender(self) -> WebhookSender: ...
