"""The report templates' routes (`/templates`), registered on the app by `app.py` through its own
`api(...)` decorator, so they are authenticated, rate-limited, answer errors in the one shape and
are listed in `app.ROUTES` for the OpenAPI document like every other route.

`app.py` hands in what only it may know (the wiring's ports, the caller, the request body, the
audit entry): this layer never imports the wiring (tests/unit/test_architecture.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from chalice.app import Response

from chalicelib.api.http import json_response, parse_model
from chalicelib.core import templates
from chalicelib.core.audit_models import AuditAction
from chalicelib.core.ports import Ports
from chalicelib.core.template_models import ShareTemplateRequest, TemplateBody, UnshareTemplateQuery


class ApiDecorator(Protocol):
    def __call__(
        self, path: str, method: str, operation_id: str, *, people_only: bool = False
    ) -> Callable[[Callable[..., Response]], Any]: ...


@dataclass(frozen=True)
class Edge:
    """What a handler needs from app.py: the ports, the caller (any credential, or a signed-in
    person), the request's JSON body and query string, and the audit entry of a mutation that
    succeeded."""

    ports: Callable[[], Ports]
    user: Callable[[], str]
    person: Callable[[], str]
    body: Callable[[], Any]
    query: Callable[[], dict[str, str]]
    audited: Callable[..., None]


def register(api: ApiDecorator, edge: Edge) -> None:
    @api("/templates", "GET", "listTemplates")
    def list_templates() -> Response:
        return json_response({"templates": templates.list_templates(edge.ports(), edge.user())})

    @api("/templates", "POST", "createTemplate", people_only=True)
    def create_template() -> Response:
        user = edge.person()
        created = templates.create_template(edge.ports(), user, parse_model(TemplateBody, edge.body()))
        edge.audited(AuditAction.TEMPLATE_CREATE, created.id, version=created.version, name=created.name)
        return json_response({"template": created.model_dump(mode="json")}, 201)

    @api("/templates/{template_id}", "GET", "getTemplate")
    def get_template(template_id: str) -> Response:
        return json_response(templates.get_template(edge.ports(), edge.user(), template_id))

    @api("/templates/{template_id}/versions", "POST", "createTemplateVersion", people_only=True)
    def create_template_version(template_id: str) -> Response:
        user = edge.person()
        body = parse_model(TemplateBody, edge.body())
        created = templates.add_version(edge.ports(), user, template_id, body)
        edge.audited(AuditAction.TEMPLATE_VERSION, template_id, version=created.version)
        return json_response({"template": created.model_dump(mode="json")}, 201)

    @api("/templates/{template_id}/retire", "POST", "retireTemplate", people_only=True)
    def retire_template(template_id: str) -> Response:
        head = templates.retire(edge.ports(), edge.person(), template_id)
        edge.audited(AuditAction.TEMPLATE_RETIRE, template_id)
        return json_response({"template": head})

    @api("/templates/{template_id}/share", "POST", "shareTemplate", people_only=True)
    def share_template(template_id: str) -> Response:
        user = edge.person()
        request = parse_model(ShareTemplateRequest, edge.body())
        head = templates.share(edge.ports(), user, template_id, request.org_id)
        edge.audited(AuditAction.TEMPLATE_SHARE, template_id, orgId=request.org_id)
        return json_response({"template": head})

    @api("/templates/{template_id}/share", "DELETE", "unshareTemplate", people_only=True)
    def unshare_template(template_id: str) -> Response:
        user = edge.person()
        # Whoever may not see the template gets 404 whatever they asked: it is looked up first.
        templates.check_manageable(edge.ports(), user, template_id)
        query = parse_model(UnshareTemplateQuery, edge.query(), "query string")
        head, removed = templates.unshare(edge.ports(), user, template_id, query.org_id)
        edge.audited(AuditAction.TEMPLATE_UNSHARE, template_id, orgId=query.org_id, removed=removed)
        return json_response({"template": head})
