"""How a route of the JSON API is declared, wherever it lives: `app.py` or a route group.

`api(path, method, operation_id, people_only=...)` registers the route on the Chalice app and
records it in `ROUTES`, the one registry the OpenAPI document is built from; every call is
authenticated, rate-limited per caller, and answers its errors as `{"error": ...}`.

Route groups (`chalicelib/api/*_routes.py`) declare theirs on a `RouteGroup` at import; `app.py`
installs each group once the app, its authorizers and the ports exist (`install`). The layer
knows no adapter: `app.py` hands it the ports' factory (`Edge.ports`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from chalice.app import Chalice, Response

from chalicelib.api import auth
from chalicelib.api.http import RouteDoc, json_body_of, json_errors
from chalicelib.core import activity, api_keys, audit, ratelimit
from chalicelib.core.audit_models import AuditAction
from chalicelib.core.errors import ForbiddenError
from chalicelib.core.identity import Principal
from chalicelib.core.org_models import ActivityEntry
from chalicelib.core.ports import Ports
from chalicelib.settings import get_settings

API_PREFIX = "/api/orchestrator"
# What each route declared about itself: (method, path under the prefix) -> its operation.
ROUTES: dict[tuple[str, str], RouteDoc] = {}

View = Callable[..., Response]


@dataclass(frozen=True)
class Edge:
    """What the routes need from `app.py`: the app, its two authorizers, and the ports."""

    app: Chalice
    ports: Callable[[], Ports]
    authorizer: Any = None  # every route's, on AWS (verify_caller); None locally
    people_only: Any = None  # the Cognito pool's own, for routes a key may not call


_edge: list[Edge] = []


def configure(edge: Edge) -> Edge:
    _edge[:] = [edge]
    return edge


def edge() -> Edge:
    if not _edge:
        raise RuntimeError("app.py configures the routes' edge before any route is declared")
    return _edge[0]


def ports() -> Ports:
    return edge().ports()


def api(
    path: str,
    method: str,
    operation_id: str,
    *,
    people_only: bool = False,
    content_types: list[str] | None = None,
) -> Callable[[View], Any]:
    """`app.route` for the JSON API (see the module's docstring)."""

    def register(view: View) -> Any:
        ROUTES[(method, path)] = RouteDoc(operation_id, people_only)

        @functools.wraps(view)
        def limited(*args: Any, **kwargs: Any) -> Response:
            principal = current_principal()
            ratelimit.take(ports(), principal)
            if principal.api_key_id is not None and api_keys.note_use(ports(), principal.api_key_id):
                audited(AuditAction.API_KEY_USE, principal.api_key_id)
            return view(*args, **kwargs)

        current = edge()
        route = current.app.route(
            f"{API_PREFIX}{path}",
            methods=[method],
            authorizer=current.people_only if people_only else current.authorizer,
            content_types=content_types or ["application/json"],
        )
        return route(json_errors(limited))

    return register


@dataclass
class RouteGroup:
    """Routes declared in a module of their own, registered by `install` (in declaration order)."""

    name: str
    declared: list[tuple[tuple[Any, ...], dict[str, Any], View]] = field(default_factory=list)

    def api(self, *args: Any, **kwargs: Any) -> Callable[[View], View]:
        def declare(view: View) -> View:
            self.declared.append((args, kwargs, view))
            return view

        return declare


def install(*groups: RouteGroup) -> None:
    for group in groups:
        for args, kwargs, view in group.declared:
            api(*args, **kwargs)(view)


# --- the request at hand ------------------------------------------------------------------


def request() -> Any:
    return edge().app.current_request


def request_header(name: str) -> str | None:
    """A header of the request at hand (Chalice matches header names case-insensitively)."""
    value = request().headers.get(name)
    return None if value is None else str(value)


def current_principal() -> Principal:
    current = request()
    # Verified once per request (locally that may mean a DynamoDB read for an API key).
    principal: Principal | None = getattr(current, "principal", None)
    if principal is None:
        principal = auth.principal_for(ports(), current.headers, current.context, get_settings())
        current.principal = principal
    return principal


def current_user() -> str:
    return current_principal().user_id


def signed_in_user() -> str:
    """The user, signed in themselves: an API key may not manage API keys."""
    principal = current_principal()
    if principal.api_key_id is not None:
        raise ForbiddenError("API keys cannot manage API keys; sign in", code="USER_TOKEN_REQUIRED")
    return principal.user_id


def signed_in() -> Principal:
    """The principal, a person signed in themselves (USER_TOKEN_REQUIRED for an API key)."""
    principal = current_principal()
    if principal.api_key_id is not None:
        raise ForbiddenError("An API key may not do this; sign in", code="USER_TOKEN_REQUIRED")
    return principal


def audited(action: AuditAction, target_id: str, *, fed: ActivityEntry | None = None, **details: Any) -> None:
    """Append the audit entry of a mutation that succeeded; one on a workflow (and a download of
    its report) is also an entry of that workflow's activity feed, pushed to its watchers.
    `fed`: that entry, already written with the mutation itself (a new workflow's): only pushed."""
    principal = current_principal()
    audit.record(ports(), principal, action, target_id, request().context, details or None)
    if fed is not None:
        activity.push(ports(), fed)
    elif action in activity.FEED_ACTIONS and action is not AuditAction.COMMENT_ADD:
        activity.record(ports(), principal, target_id, action, details=details or None)


def query_params() -> dict[str, str]:
    return dict(request().query_params or {})


def json_body() -> Any:
    return request().json_body


def optional_json_body() -> Any:
    """The body as JSON, or {} when there is none (a route whose body is optional)."""
    raw = request().raw_body
    return json_body_of(raw) if raw else {}
