"""Report templates: the built-in ones, an account's own, and the version a workflow uses
(docs/adr/0020-report-templates.md).

- Built-ins (`builtin_templates/<name>.v<N>.json`) ship with the code and never change: a changed
  built-in is a new file with the next version, and the old one stays for the workflows that use it.
- An account's templates (`tenancy.membership_of(...).org_id`) are records: every member lists
  and reads them; only an admin (`may_manage`, the one check) creates, versions, retires, shares
  and un-shares. Each version is immutable; a new version never changes an old one. Retiring
  hides a template from new workflows; the workflows that use it keep their version. Sharing
  lists it, read-only, for another account, which may then choose it for its workflows;
  un-sharing takes that back (its workflows keep their version).
- A workflow records the version it uses (`Workflow.template`): chosen at creation, else inferred
  from the loss type after PROCESSING. QA and OUTPUT read exactly that version (`pinned`).
"""

from __future__ import annotations

import secrets
from functools import cache
from pathlib import Path
from typing import Any

from chalicelib.analysis.findings import DamageType
from chalicelib.analysis.qa_template import QaTemplate
from chalicelib.core import policy, tenancy
from chalicelib.core.errors import ConflictError, ForbiddenError, InvalidRequestError, NotFoundError
from chalicelib.core.models import TemplatePin, Workflow, utc_now
from chalicelib.core.ports import ConditionFailed, Ports
from chalicelib.core.template_models import (
    TEMPLATE_ID_PATTERN,
    ReportTemplate,
    TemplateBody,
    TemplateHead,
)
from chalicelib.core.tenancy import Membership

BUILT_IN_DIRECTORY = Path(__file__).with_name("builtin_templates")
# The built-in a loss type gets when the workflow named no template.
INFERRED: dict[DamageType, str] = {
    DamageType.WATER: "builtin-water-s500",
    DamageType.MOULD: "builtin-mould-s520",
    DamageType.FIRE_SMOKE: "builtin-fire-s700",
}


class TemplateNotFoundError(NotFoundError):
    code = "TEMPLATE_NOT_FOUND"


# --- built-ins ---------------------------------------------------------------------------------


@cache
def built_in_versions() -> dict[tuple[str, int], ReportTemplate]:
    """Every built-in version shipped, by (id, version); validated when first read."""
    found = {}
    for path in sorted(BUILT_IN_DIRECTORY.glob("*.json")):
        template = ReportTemplate.model_validate_json(path.read_text(encoding="utf-8"))
        found[(template.id, template.version)] = template
    return found


def _built_in_heads() -> dict[str, TemplateHead]:
    heads: dict[str, TemplateHead] = {}
    for (template_id, version), template in sorted(built_in_versions().items()):
        heads[template_id] = TemplateHead(
            id=template_id,
            name=template.name,
            loss_types=template.loss_types,
            latest_version=version,
            built_in=True,
        )
    return heads


# --- who may do what ---------------------------------------------------------------------------


def may_manage(membership: Membership) -> None:
    """Creating, versioning, retiring and sharing an account's templates: as the policy table says
    (its owners and managers)."""
    if not policy.member_may(membership, policy.Action.MANAGE_TEMPLATES):
        raise ForbiddenError(
            "Only an owner or manager of the account may change its templates", code="TEMPLATE_ADMIN_REQUIRED"
        )


def _visible(head: TemplateHead, membership: Membership) -> bool:
    return head.built_in or head.org_id == membership.org_id or membership.org_id in head.shared_with


def _head(ports: Ports, membership: Membership, template_id: str) -> TemplateHead:
    """The template's head, if the caller's account may see it; 404 otherwise (as for none)."""
    head = _built_in_heads().get(template_id)
    if head is None and TEMPLATE_ID_PATTERN.match(template_id):
        head = ports.templates.get_head(template_id)
    if head is None or not _visible(head, membership):
        raise TemplateNotFoundError(f"No template {template_id}")
    return head


def _as_seen(head: TemplateHead, membership: Membership) -> dict[str, Any]:
    """The head as the caller's account sees it: whom else it is shared with is the owner's business."""
    if head.org_id != membership.org_id:
        head = head.model_copy(update={"shared_with": []})
    return head.model_dump(mode="json")


def _own_head(ports: Ports, membership: Membership, template_id: str) -> TemplateHead:
    """A template the caller's account owns and the caller may change."""
    head = _head(ports, membership, template_id)
    if head.built_in:
        raise ConflictError(
            "Built-in templates never change; create your own from one", code="TEMPLATE_BUILT_IN"
        )
    if head.org_id != membership.org_id:
        raise ForbiddenError("A template shared with your account is read-only", code="TEMPLATE_READ_ONLY")
    may_manage(membership)
    return head


# --- routes ------------------------------------------------------------------------------------


def list_templates(ports: Ports, user_id: str) -> list[dict[str, Any]]:
    """The built-ins, then the account's own and those shared with it (retired ones flagged)."""
    membership = tenancy.membership_of(ports, user_id)
    listed = ports.templates.list_for_org(membership.org_id)
    # The head decides: a listing left behind by a share racing an un-share shows nothing.
    own = sorted((head for head in listed if _visible(head, membership)), key=lambda h: h.id)
    return [_as_seen(head, membership) for head in [*_built_in_heads().values(), *own]]


def get_template(ports: Ports, user_id: str, template_id: str) -> dict[str, Any]:
    """The template's head and every version, newest first."""
    membership = tenancy.membership_of(ports, user_id)
    head = _head(ports, membership, template_id)
    versions = [version(ports, head.id, number) for number in range(head.latest_version, 0, -1)]
    return {
        "template": _as_seen(head, membership),
        "versions": [v.model_dump(mode="json") for v in versions],
    }


def create_template(ports: Ports, user_id: str, body: TemplateBody) -> ReportTemplate:
    membership = tenancy.membership_of(ports, user_id)
    may_manage(membership)
    return _store(ports, membership, user_id, f"tpl_{secrets.token_hex(16)}", 1, body)


def add_version(ports: Ports, user_id: str, template_id: str, body: TemplateBody) -> ReportTemplate:
    """The template's next version; the ones before it stay as they were."""
    membership = tenancy.membership_of(ports, user_id)
    head = _own_head(ports, membership, template_id)
    if head.retired:
        raise ConflictError("The template is retired; create a new one", code="TEMPLATE_RETIRED")
    # Counted from the versions stored, not the head: a version whose head update was lost still counts.
    number = ports.templates.latest_version(template_id) + 1
    return _store(ports, membership, user_id, template_id, number, body)


def retire(ports: Ports, user_id: str, template_id: str) -> dict[str, Any]:
    membership = tenancy.membership_of(ports, user_id)
    _own_head(ports, membership, template_id)
    ports.templates.retire(template_id)
    return _head(ports, membership, template_id).model_dump(mode="json")


def share(ports: Ports, user_id: str, template_id: str, org_id: str) -> dict[str, Any]:
    membership = tenancy.membership_of(ports, user_id)
    _own_head(ports, membership, template_id)
    if org_id == membership.org_id:
        raise InvalidRequestError("The template is your account's already", code="INVALID_SHARE")
    ports.templates.share(template_id, org_id)
    return _head(ports, membership, template_id).model_dump(mode="json")


def check_manageable(ports: Ports, user_id: str, template_id: str) -> None:
    """404 unless the caller's account may see the template; 409 for a built-in; 403 unless it is
    their account's own and they may manage its templates."""
    _own_head(ports, tenancy.membership_of(ports, user_id), template_id)


def unshare(ports: Ports, user_id: str, template_id: str, org_id: str) -> tuple[dict[str, Any], bool]:
    """Stop sharing with `org_id`: its members no longer list, read or choose the template (its
    workflows keep the version they use). Idempotent: un-sharing again, or with an account it was
    never shared with, answers the same. The template, and whether anything changed."""
    membership = tenancy.membership_of(ports, user_id)
    _own_head(ports, membership, template_id)
    if org_id == membership.org_id:
        raise InvalidRequestError(
            "The template is your account's own: retire it to stop its use", code="INVALID_SHARE"
        )
    removed = ports.templates.unshare(template_id, org_id)
    return _head(ports, membership, template_id).model_dump(mode="json"), removed


def _store(
    ports: Ports, membership: Membership, user_id: str, template_id: str, number: int, body: TemplateBody
) -> ReportTemplate:
    now = utc_now()
    template = ReportTemplate(
        **body.model_dump(),
        id=template_id,
        version=number,
        org_id=membership.org_id,
        created_by=user_id,
        created_at=now,
    )
    head = TemplateHead(
        id=template_id,
        name=body.name,
        loss_types=body.loss_types,
        latest_version=number,
        org_id=membership.org_id,
        updated_at=now,
    )
    try:
        ports.templates.add_version(template, head)
    except ConditionFailed as raced:
        raise ConflictError(
            f"Version {number} of the template was made by someone else a moment ago; read it and try again",
            code="VERSION_CONFLICT",
        ) from raced
    return template


# --- the version a workflow uses ------------------------------------------------------------------


def version(ports: Ports, template_id: str, number: int) -> ReportTemplate:
    """One version, built-in or stored: immutable, so whoever reads it reads the same."""
    template = built_in_versions().get((template_id, number))
    if template is None and not template_id.startswith("builtin-"):
        template = ports.templates.get_version(template_id, number)
    if template is None:
        raise TemplateNotFoundError(f"No version {number} of template {template_id}")
    return template


def chosen(ports: Ports, user_id: str, template_id: str | None) -> TemplatePin | None:
    """The newest version of the template a new workflow asked for (none: inferred later).
    Unknown, not visible or retired is refused: the request is wrong, not the server."""
    if template_id is None:
        return None
    try:
        head = _head(ports, tenancy.membership_of(ports, user_id), template_id)
    except TemplateNotFoundError:
        raise InvalidRequestError(
            f"templateId {template_id!r} names no template you can use (GET /templates lists them)",
            code="UNKNOWN_TEMPLATE",
        ) from None
    if head.retired:
        raise InvalidRequestError(
            f"Template {template_id} is retired; choose another", code="TEMPLATE_RETIRED"
        )
    return TemplatePin(id=head.id, version=head.latest_version, name=head.name)


def inferred(damage_type: DamageType | None) -> TemplatePin | None:
    """The built-in for the loss type, at its newest version; None when the type has none."""
    template_id = INFERRED.get(damage_type) if damage_type is not None else None
    if template_id is None:
        return None
    head = _built_in_heads()[template_id]
    return TemplatePin(id=head.id, version=head.latest_version, name=head.name)


def pinned(ports: Ports, workflow: Workflow) -> ReportTemplate | None:
    """The version the workflow uses; None before one was chosen or inferred (and for workflows
    made before templates existed): QA and the report are then as they were without templates."""
    pin = workflow.template
    return None if pin is None else version(ports, pin.id, pin.version)


def qa_settings(ports: Ports, workflow: Workflow) -> QaTemplate | None:
    """What QA reads of the workflow's template: its required fields and rule settings."""
    template = pinned(ports, workflow)
    return None if template is None else template.qa()
