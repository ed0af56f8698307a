"""A workflow's activity feed (#22 part 2): who did what, when — edits, approvals, sign-offs,
downloads, shares, control, and comments — listed by the API and pushed over the WebSocket.

Every audited action on a workflow is also an entry of its feed (`api/routing.audited` records
both), and a comment is an entry of its own. Entries are kept in the workflow's own partition
(deleted with it) and sent at once to the connections subscribed to `workflow:<id>:activity`
(the same subscribe message as progress; the policy's VIEW decides). They carry no `seq`: the
feed is not the progress stream, and a client that was away reads `GET .../activity`.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from typing import Annotated, Any

from pydantic import Field, StringConstraints

from chalicelib.core.audit_models import AuditAction
from chalicelib.core.identity import Principal
from chalicelib.core.models import WORKFLOW_ID_BODY, RequestModel, Workflow, utc_now
from chalicelib.core.org_models import ActivityEntry
from chalicelib.core.paging import decode_page_token, encode_page_token
from chalicelib.core.ports import ConnectionGone, Ports
from chalicelib.logs import logger

ACTIVITY_CHANNEL = re.compile(rf"^workflow:(?P<workflow_id>{WORKFLOW_ID_BODY}):activity$")
# The activity channel's subscriptions are kept under `<workflowId>:activity` (`subscription_key`).
_FEED_KEY_SUFFIX = ":activity"
# An entry's details are what the audit entry says, within bounds a WebSocket message keeps.
MAX_DETAILS_BYTES = 4096

# The audited actions that are a workflow's activity (deleting it leaves no feed to add to).
FEED_ACTIONS = frozenset(
    {
        AuditAction.WORKFLOW_CREATE,
        AuditAction.UPLOAD_FORM_RENEW,
        AuditAction.WORKFLOW_PATCH,
        AuditAction.WORKFLOW_PAUSE,
        AuditAction.WORKFLOW_RESUME,
        AuditAction.WORKFLOW_RETRY,
        AuditAction.WORKFLOW_CANCEL,
        AuditAction.WORKFLOW_APPROVE,
        AuditAction.FINDINGS_EDIT,
        AuditAction.REPORT_SIGN,
        AuditAction.REVISION_OPEN,
        AuditAction.REPORT_DOWNLOAD,
        AuditAction.PHOTO_ADD,
        AuditAction.WORKFLOW_SHARE,
        AuditAction.WORKFLOW_UNSHARE,
        AuditAction.COMMENT_ADD,
    }
)


class CommentRequest(RequestModel):
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)] = Field(
        description="The comment, as people read it"
    )


class ListActivityQuery(RequestModel):
    limit: Annotated[int, Field(ge=1, le=100)] = 50
    next_token: Annotated[str, StringConstraints(max_length=512)] | None = None


def channel_for(workflow_id: str) -> str:
    return f"workflow:{workflow_id}:activity"


def workflow_of(channel: str) -> str | None:
    match = ACTIVITY_CHANNEL.match(channel)
    return match["workflow_id"] if match else None


def subscription_key(workflow_id: str) -> str:
    """Where the connections store keeps the activity channel's subscriptions (not the progress
    channel's: the push of progress events never reaches them)."""
    return f"{workflow_id}{_FEED_KEY_SUFFIX}"


def workflow_of_key(key: str) -> str | None:
    """The workflow whose feed a subscription key names (None: a progress subscription's key)."""
    return key.removesuffix(_FEED_KEY_SUFFIX) if key.endswith(_FEED_KEY_SUFFIX) else None


def _bounded(details: dict[str, Any] | None) -> dict[str, Any] | None:
    if details is None or len(json.dumps(details, default=str)) <= MAX_DETAILS_BYTES:
        return details
    return {key: value for key, value in details.items() if isinstance(value, str | int | float | bool)} | {
        "truncated": True
    }


def record(
    ports: Ports,
    principal: Principal,
    workflow_id: str,
    action: AuditAction,
    *,
    text: str | None = None,
    details: dict[str, Any] | None = None,
) -> ActivityEntry:
    """Append an entry to the workflow's feed and send it to its activity subscribers."""
    entry = new_entry(principal, workflow_id, action, text=text, details=details)
    ports.activity.append(entry)
    push(ports, entry)
    return entry


def new_entry(
    principal: Principal,
    workflow_id: str,
    action: AuditAction,
    *,
    text: str | None = None,
    details: dict[str, Any] | None = None,
) -> ActivityEntry:
    """An entry of the workflow's feed, not yet written (a new workflow's first one is written
    with its record: `WorkflowRecords.create`)."""
    at = utc_now()
    return ActivityEntry(
        # Sorted by time to the microsecond (two entries of one request stay in order), then at random.
        id=f"{at.strftime('%Y-%m-%dT%H:%M:%S.%fZ')}#{uuid.uuid4().hex[:12]}",
        workflow_id=workflow_id,
        actor_id=principal.user_id,
        api_key_id=principal.api_key_id,
        action=action,
        at=at,
        text=text,
        details=_bounded(details),
    )


def comment(ports: Ports, principal: Principal, workflow: Workflow, request: CommentRequest) -> ActivityEntry:
    return record(ports, principal, workflow.id, AuditAction.COMMENT_ADD, text=request.text)


def feed(ports: Ports, workflow: Workflow, query: ListActivityQuery) -> dict[str, Any]:
    """Newest first, a page at a time."""
    before = decode_page_token(query.next_token) if query.next_token else None
    entries, next_cursor = ports.activity.list_for_workflow(workflow.id, limit=query.limit, before=before)
    return {
        "activity": [e.model_dump(mode="json") for e in entries],
        "nextToken": encode_page_token(next_cursor) if next_cursor else None,
    }


def push(ports: Ports, entry: ActivityEntry) -> int:
    """Best effort, at once: a subscriber that is away reads the feed when it is back. The
    action it reports succeeded already, so nothing here fails the request."""
    try:
        subscriptions = ports.connections.subscriptions(subscription_key(entry.workflow_id))
    except Exception:  # noqa: BLE001 - the feed has the entry; the push is a courtesy
        logger.exception("Activity subscriptions unreadable", extra={"workflowId": entry.workflow_id})
        return 0
    message = {
        "type": "ACTIVITY",
        "channel": channel_for(entry.workflow_id),
        "data": entry.model_dump(mode="json"),
    }
    sent = 0
    now = time.time()
    for subscription in subscriptions:
        if subscription.credential_expires_at is not None and subscription.credential_expires_at <= now:
            continue  # its token expired: the sweep closes it
        if subscription.replaying_until is not None and subscription.replaying_until > now * 1000:
            continue  # its subscribe is still asking the policy again (core/revocation.py)
        try:
            ports.pusher.send(subscription.connection_id, message)
            sent += 1
        except ConnectionGone:
            ports.connections.remove_connection(subscription.connection_id)
        except Exception:  # noqa: BLE001 - one socket's trouble must not fail the request
            logger.exception("Activity delivery failed", extra={"connectionId": subscription.connection_id})
    return sent
