"""The ports to services other than the tables, in memory: blobs (S3), the engine (Step Functions),
live-progress connections and their pusher (API Gateway WebSockets), the Claude key and OCR.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from chalicelib.core.ports import Connection, ConnectionGone, NotFound, Subscription, TaskGone
from chalicelib.unicode_text import json_text, utf8
from tests.memory_workflows import MemoryWorkflowRecords


class MemoryBlobs:
    def __init__(self) -> None:
        self.documents: dict[str, tuple[bytes, str]] = {}
        self.tags: dict[str, dict[str, str]] = {}

    def put_text(self, key: str, text: str, content_type: str = "text/plain; charset=utf-8") -> None:
        self.put_bytes(key, utf8(text), content_type)

    def put_bytes(self, key: str, data: bytes, content_type: str) -> None:
        self.documents[key] = (bytes(data), content_type)

    def put_json(self, key: str, document: Any) -> None:
        self.put_text(key, json_text(document, indent=2), "application/json")

    def get_text(self, key: str) -> str:
        return self.get_bytes(key).decode("utf-8")

    def get_json(self, key: str) -> Any:
        return json.loads(self.get_text(key))

    def get_bytes(self, key: str, version_id: str | None = None) -> bytes:
        # One version per key here: a named version is the current one.
        if key not in self.documents:
            raise NotFound(key)
        return self.documents[key][0]

    def delete_version(self, key: str, version_id: str) -> None:
        self.documents.pop(key, None)

    def delete_prefix(self, prefix: str) -> int:
        doomed = [k for k in self.documents if k.startswith(prefix)]
        for key in doomed:
            del self.documents[key]
        return len(doomed)

    def tags_of(self, key: str, version_id: str | None = None) -> dict[str, str]:
        return dict(self.tags.get(key, {}))

    def size_of(self, key: str, version_id: str | None = None) -> int | None:
        found = self.documents.get(key)
        return len(found[0]) if found else None

    def upload_form(self, key: str, content_type: str, max_bytes: int, expires_in: int) -> dict[str, Any]:
        fields = {"key": key, "Content-Type": content_type}
        return {"url": "memory://uploads", "fields": fields, "expiresIn": expires_in}

    def download_url(self, key: str, expires_in: int, file_name: str) -> str:
        return f"memory://{key}?filename={file_name}&expires={expires_in}"


@dataclass
class MemoryEngine:
    """Records what the domain asked of the engine; runs nothing."""

    started: list[dict[str, Any]] = field(default_factory=list)
    stopped: list[str] = field(default_factory=list)
    resumed: list[str] = field(default_factory=list)
    abandoned: list[str] = field(default_factory=list)

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
        name = execution_name or workflow_id
        if all(s["name"] != name for s in self.started):  # a second start is a no-op
            self.started.append(
                {
                    "name": name,
                    "workflowId": workflow_id,
                    "userId": user_id,
                    "resumeFrom": resume_from,
                    "attempt": attempt,
                }
            )
        return f"memory:execution:{name}"

    def stop(self, execution_name: str, cause: str) -> None:
        self.stopped.append(execution_name)

    # Execution name -> status; a started one is RUNNING until a test says otherwise.
    statuses: dict[str, str] = field(default_factory=dict)
    # Tokens whose task is over: resume raises TaskGone for them.
    gone_tokens: set[str] = field(default_factory=set)

    def resume(self, task_token: str) -> None:
        if task_token in self.gone_tokens:
            raise TaskGone(task_token)
        self.resumed.append(task_token)

    def describe(self, execution_name: str) -> str | None:
        if execution_name in self.statuses:
            return self.statuses[execution_name]
        return "RUNNING" if any(s["name"] == execution_name for s in self.started) else None

    def abandon(self, task_token: str, cause: str) -> None:
        self.abandoned.append(task_token)


class MemoryConnections:
    def __init__(self, workflows: MemoryWorkflowRecords) -> None:
        self.connections: dict[str, Connection] = {}
        self.subscriptions_: dict[tuple[str, str], Subscription] = {}
        self._workflows = workflows  # go_live checks the workflow's newest event
        self._lock = threading.Lock()

    def add_connection(
        self,
        connection_id: str,
        user_id: str,
        connected_at: str,
        *,
        api_key_id: str | None = None,
        credential_expires_at: int | None = None,
    ) -> None:
        self.connections[connection_id] = Connection(
            connection_id, user_id, frozenset(), api_key_id, credential_expires_at
        )

    def connections_of_key(self, api_key_id: str) -> list[str]:
        return [c.connection_id for c in self.connections.values() if c.api_key_id == api_key_id]

    def expired_connections(self, now: int, limit: int) -> list[str]:
        expired = sorted(
            (c.credential_expires_at, c.connection_id)
            for c in self.connections.values()
            if c.credential_expires_at is not None and c.credential_expires_at <= now
        )
        return [connection_id for _, connection_id in expired[:limit]]

    def get_connection(self, connection_id: str) -> Connection | None:
        return self.connections.get(connection_id)

    def remove_connection(self, connection_id: str) -> None:
        connection = self.connections.pop(connection_id, None)
        for workflow_id in connection.channels if connection else ():
            self.subscriptions_.pop((workflow_id, connection_id), None)

    def remove_connections(self, connection_ids: Sequence[str]) -> None:
        for connection_id in connection_ids:
            self.remove_connection(connection_id)

    def subscribe(
        self, workflow_id: str, connection: Connection, after_seq: int, replaying_until: int
    ) -> bool:
        with self._lock:
            held = self.subscriptions_.get((workflow_id, connection.connection_id))
            if held is not None and (held.replaying_until or 0) >= _now_ms():
                return False
            self.subscriptions_[(workflow_id, connection.connection_id)] = Subscription(
                workflow_id,
                connection.connection_id,
                connection.user_id,
                after_seq,
                replaying_until,
                connection.credential_expires_at,
            )
            current = self.connections[connection.connection_id]
            self.connections[connection.connection_id] = replace(
                current, channels=current.channels | {workflow_id}
            )
            return True

    def go_live(self, workflow_id: str, connection: Connection, after_seq: int, replaying_until: int) -> bool:
        with self._lock:
            workflow = self._workflows.get(workflow_id)
            held = self.subscriptions_.get((workflow_id, connection.connection_id))
            if workflow is None or workflow.last_event_seq != after_seq:
                return False
            if held is None or held.replaying_until != replaying_until:
                return False
            self.subscriptions_[(workflow_id, connection.connection_id)] = replace(
                held, live_after=after_seq, replaying_until=None
            )
            return True

    def holds(self, workflow_id: str, connection_id: str, replaying_until: int) -> bool:
        held = self.subscriptions_.get((workflow_id, connection_id))
        return held is not None and held.replaying_until == replaying_until

    def activate(self, workflow_id: str, connection: Connection, replaying_until: int) -> bool:
        with self._lock:
            held = self.subscriptions_.get((workflow_id, connection.connection_id))
            if held is None or held.replaying_until != replaying_until:
                return False
            self.subscriptions_[(workflow_id, connection.connection_id)] = replace(
                held, live_after=0, replaying_until=None
            )
            return True

    def connections_of_user(self, user_id: str) -> list[Connection]:
        return sorted(
            (c for c in list(self.connections.values()) if c.user_id == user_id),
            key=lambda c: c.connection_id,
        )

    def unsubscribe(self, workflow_id: str, connection_id: str) -> bool:
        with self._lock:
            held = self.subscriptions_.pop((workflow_id, connection_id), None)
            current = self.connections.get(connection_id)
            if current is not None:
                self.connections[connection_id] = replace(current, channels=current.channels - {workflow_id})
            return held is not None

    def subscriptions(self, workflow_id: str) -> list[Subscription]:
        return [s for (wf, _), s in list(self.subscriptions_.items()) if wf == workflow_id]


def _now_ms() -> int:
    import time

    return int(time.time() * 1000)


@dataclass
class MemoryPusher:
    """What each connection was sent, in order; `gone` connections raise ConnectionGone."""

    sent: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    gone: set[str] = field(default_factory=set)

    def send(self, connection_id: str, message: dict[str, Any]) -> None:
        if connection_id in self.gone:
            raise ConnectionGone(connection_id)
        self.sent.setdefault(connection_id, []).append(json.loads(json.dumps(message)))

    def disconnect(self, connection_id: str) -> None:
        self.gone.add(connection_id)


class MemoryClaudeKey:
    """`ApiKeySource` from the settings, as without a secret; a test sets `unavailable` to make
    reading a configured secret fail."""

    def __init__(self) -> None:
        self.unavailable: str | None = None
        self.reads = 0

    def api_key(self) -> str | None:
        from chalicelib.core.ports import SecretUnavailableError
        from chalicelib.settings import get_settings

        self.reads += 1
        if self.unavailable is not None:
            raise SecretUnavailableError(self.unavailable)
        return get_settings().anthropic_api_key or None


class MemoryOcr:
    """`Ocr` in memory: every page of every file reads as `pages` says (page -> lines with their
    confidence); a PDF job answers "still running" to its first `pending_polls` polls."""

    def __init__(
        self, pages: Mapping[int, list[tuple[str, float]]] | None = None, pending_polls: int = 0
    ) -> None:
        self.pages = dict(pages or {})
        self.pending_polls = pending_polls
        self.started: list[tuple[str, str | None, tuple[int, ...]]] = []
        self.polls = 0
        self.images: list[bytes] = []

    def _result(self, numbers: Iterable[int]) -> Any:
        from chalicelib.core.ports import OcrLine, OcrPage, OcrResult

        read = []
        for number in numbers:
            lines = tuple(OcrLine(text, confidence) for text, confidence in self.pages.get(number, []))
            mean = round(sum(line.confidence for line in lines) / len(lines), 1) if lines else 0.0
            read.append(OcrPage(page=number, lines=lines, confidence=mean))
        return OcrResult(engine="memory", pages=tuple(read), pages_billed=len(read))

    def read_image(self, image: bytes) -> Any:
        self.images.append(image)
        return self._result([1])

    def start_pdf(self, key: str, version_id: str | None, pages: Iterable[int]) -> str:
        self.started.append((key, version_id, tuple(pages)))
        return f"job-{len(self.started)}"

    def pdf_result(self, job_id: str) -> Any:
        self.polls += 1
        if self.polls <= self.pending_polls:
            return None
        return self._result(self.started[int(job_id.removeprefix("job-")) - 1][2])
