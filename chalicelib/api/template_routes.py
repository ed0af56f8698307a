"""The report templates' routes (`/templates`, ADR 0020): every member lists and reads; an
account's owners and managers create, version, retire, share and un-share. Declared on a
`RouteGroup` like every other group, so each is authenticated, rate-limited, answers errors in
the one shape and is listed in `ROUTES` for the OpenAPI document; their operations are
documented in `template_operations.py`.
"""

from __future__ import annotations

from chalice.app import Response

from chalicelib.api.http import json_response, parse_model
from chalicelib.api.routing import (
    RouteGroup,
    audited,
    current_user,
    json_body,
    ports,
    query_params,
    signed_in_user,
)
from chalicelib.core import templates
from chalicelib.core.audit_models import AuditAction
from chalicelib.core.template_models import ShareTemplateRequest, TemplateBody, UnshareTemplateQuery

routes = RouteGroup("templates")


@routes.api("/templates", "GET", "listTemplates")
def list_templates() -> Response:
    return json_response({"templates": templates.list_templates(ports(), current_user())})


@routes.api("/templates", "POST", "createTemplate", people_only=True)
def create_template() -> Response:
    user = signed_in_user()
    created = templates.create_template(ports(), user, parse_model(TemplateBody, json_body()))
    audited(AuditAction.TEMPLATE_CREATE, created.id, version=created.version, name=created.name)
    return json_response({"template": created.model_dump(mode="json")}, 201)


@routes.api("/templates/{template_id}", "GET", "getTemplate")
def get_template(template_id: str) -> Response:
    return json_response(templates.get_template(ports(), current_user(), template_id))


@routes.api("/templates/{template_id}/versions", "POST", "createTemplateVersion", people_only=True)
def create_template_version(template_id: str) -> Response:
    user = signed_in_user()
    body = parse_model(TemplateBody, json_body())
    created = templates.add_version(ports(), user, template_id, body)
    audited(AuditAction.TEMPLATE_VERSION, template_id, version=created.version)
    return json_response({"template": created.model_dump(mode="json")}, 201)


@routes.api("/templates/{template_id}/retire", "POST", "retireTemplate", people_only=True)
def retire_template(template_id: str) -> Response:
    head = templates.retire(ports(), signed_in_user(), template_id)
    audited(AuditAction.TEMPLATE_RETIRE, template_id)
    return json_response({"template": head})


@routes.api("/templates/{template_id}/share", "POST", "shareTemplate", people_only=True)
def share_template(template_id: str) -> Response:
    user = signed_in_user()
    request = parse_model(ShareTemplateRequest, json_body())
    head = templates.share(ports(), user, template_id, request.org_id)
    audited(AuditAction.TEMPLATE_SHARE, template_id, orgId=request.org_id)
    return json_response({"template": head})


@routes.api("/templates/{template_id}/share", "DELETE", "unshareTemplate", people_only=True)
def unshare_template(template_id: str) -> Response:
    user = signed_in_user()
    # Whoever may not see the template gets 404 whatever they asked: it is looked up first.
    templates.check_manageable(ports(), user, template_id)
    query = parse_model(UnshareTemplateQuery, query_params(), "query string")
    head, removed = templates.unshare(ports(), user, template_id, query.org_id)
    audited(AuditAction.TEMPLATE_UNSHARE, template_id, orgId=query.org_id, removed=removed)
    return json_response({"template": head})
