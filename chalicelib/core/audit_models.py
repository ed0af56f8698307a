"""The audit log's entries: who did what, when, from where (core/audit.py appends them)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from chalicelib.core.models import TimestampedModel


class AuditAction(StrEnum):
    WORKFLOW_CREATE = "WORKFLOW_CREATE"
    WORKFLOW_PATCH = "WORKFLOW_PATCH"
    WORKFLOW_PAUSE = "WORKFLOW_PAUSE"
    WORKFLOW_RESUME = "WORKFLOW_RESUME"
    WORKFLOW_RETRY = "WORKFLOW_RETRY"
    WORKFLOW_CANCEL = "WORKFLOW_CANCEL"
    WORKFLOW_DELETE = "WORKFLOW_DELETE"
    WORKFLOW_APPROVE = "WORKFLOW_APPROVE"
    FINDINGS_EDIT = "FINDINGS_EDIT"
    REPORT_SIGN = "REPORT_SIGN"
    REVISION_OPEN = "REVISION_OPEN"
    SETTINGS_UPDATE = "SETTINGS_UPDATE"
    TEMPLATE_CREATE, TEMPLATE_VERSION = "TEMPLATE_CREATE", "TEMPLATE_VERSION"
    TEMPLATE_RETIRE, TEMPLATE_SHARE = "TEMPLATE_RETIRE", "TEMPLATE_SHARE"
    TEMPLATE_UNSHARE = "TEMPLATE_UNSHARE"
    REPORT_DOWNLOAD = "REPORT_DOWNLOAD"
    PHOTO_ADD = "PHOTO_ADD"
    # A fresh upload form replaced the workflow's last one.
    UPLOAD_FORM_RENEW = "UPLOAD_FORM_RENEW"
    API_KEY_CREATE = "API_KEY_CREATE"
    API_KEY_REVOKE = "API_KEY_REVOKE"
    # Recorded at most once a minute per key, like its `lastUsedAt`.
    API_KEY_USE = "API_KEY_USE"
    WEBHOOK_CREATE = "WEBHOOK_CREATE"
    WEBHOOK_DELETE = "WEBHOOK_DELETE"
    WEBHOOK_ROTATE_SECRET = "WEBHOOK_ROTATE_SECRET"
    WEBHOOK_ENABLE = "WEBHOOK_ENABLE"
    WEBHOOK_TEST = "WEBHOOK_TEST"
    # A failed (or dead-lettered) delivery sent again by hand: one new attempt.
    WEBHOOK_REDELIVER = "WEBHOOK_REDELIVER"
    # Organisations and sharing (#22).
    ORG_CREATE = "ORG_CREATE"
    ORG_RENAME = "ORG_RENAME"
    MEMBER_INVITE = "MEMBER_INVITE"
    INVITATION_REVOKE = "INVITATION_REVOKE"
    INVITATION_ACCEPT = "INVITATION_ACCEPT"
    INVITATION_DECLINE = "INVITATION_DECLINE"
    MEMBER_ROLE_CHANGE = "MEMBER_ROLE_CHANGE"
    MEMBER_REMOVE = "MEMBER_REMOVE"
    CERTIFICATION_SET = "CERTIFICATION_SET"
    WORKFLOW_SHARE = "WORKFLOW_SHARE"
    WORKFLOW_UNSHARE = "WORKFLOW_UNSHARE"
    COMMENT_ADD = "COMMENT_ADD"


class AuditEntry(TimestampedModel):
    """Who did what, when, from where: appended once per mutation, never changed."""

    id: str
    user_id: str
    api_key_id: str | None = None
    action: AuditAction
    target_id: str
    at: datetime
    source_ip: str | None = None
    request_id: str
    details: dict[str, Any] | None = None
