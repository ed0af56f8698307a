"""RestoreAssist Orchestrator: every entry point, on one screen.

Each handler parses its input, makes one call into `chalicelib/`, and shapes the answer.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from chalice import AuthResponse, Chalice, CognitoUserPoolAuthorizer, Response
from chalice.app import AuthRequest, DynamoDBEvent, SQSEvent, WebsocketEvent

from chalicelib import observability, wiring
from chalicelib.api import api_key_routes, auth, cors, template_routes, webhook_routes
from chalicelib.api.http import (
    API_PREFIX,
    RouteDoc,
    error_response,
    json_body_of,
    json_errors,
    json_response,
    normalize_gateway_error,
    parse_model,
    text_download,
)
from chalicelib.core import (
    analytics,
    api_keys,
    audit,
    control,
    photos,
    ratelimit,
    review,
    revisions,
    signoff,
    uploads,
    user_settings,
    workflows,
)
from chalicelib.core.errors import AppError, ForbiddenError
from chalicelib.core.identity import Principal
from chalicelib.core.models import (
    ApproveRequest,
    AuditAction,
    CreatePhotoRequest,
    CreateUploadRequest,
    CreateWorkflowRequest,
    ListAuditQuery,
    ListWorkflowsQuery,
    PatchWorkflowRequest,
    SignRequest,
    UserSettingsRequest,
    Workflow,
)
from chalicelib.settings import AuthMode, get_settings

app = Chalice(app_name="restoreassist")
# Chalice 1.34 still flags WebSocket handlers as experimental; `chalice package` wants the opt-in.
app.experimental_feature_flags.update(["WEBSOCKETS"])
API = API_PREFIX


# On AWS this Lambda checks every credential (a Cognito JWT or an API key) before a route runs.
# No caching (ttl 0): a revoked API key stops working at once.
@app.authorizer(ttl_seconds=0)
def verify_caller(auth_request: AuthRequest) -> AuthResponse:
    principal = auth.gateway_principal(wiring.ports(), auth_request.token, get_settings())
    context = {"apiKeyId": principal.api_key_id or ""}
    return AuthResponse(routes=["*"], principal_id=principal.user_id, context=context)


ON_AWS = get_settings().auth_mode is AuthMode.COGNITO
# Locally (AUTH_MODE=dev) the routes verify the same credentials themselves.
AUTHORIZER = verify_caller if ON_AWS else None
# The API key routes are for signed-in people only, never for a key: API Gateway's own Cognito
# authorizer checks their token. deploy/resources.json binds it to the stack's user pool.
PEOPLE_ONLY = (
    CognitoUserPoolAuthorizer("UserPool", provider_arns=["arn:aws:cognito-idp:bound-by-the-template"])
    if ON_AWS
    else None
)


# `chalice package` needs a stream ARN; deploy/package.py replaces it with the template table's.
WORKFLOW_STREAM = "arn:aws:dynamodb:us-east-1:123456789012:table/bound-by-the-template/stream/0"


# What each route declared about itself: the one registry the OpenAPI document is built from.
ROUTES: dict[tuple[str, str], RouteDoc] = {}


def api(
    path: str,
    method: str,
    operation_id: str,
    *,
    people_only: bool = False,
    content_types: list[str] | None = None,
) -> Callable[[Callable[..., Response]], Any]:
    """`app.route` for the JSON API: authenticated, rate-limited per caller, errors answered
    as `{"error": ...}`, documented by its operation in `chalicelib/api/operations.py`."""

    def register(view: Callable[..., Response]) -> Any:
        ROUTES[(method, path)] = RouteDoc(operation_id, people_only)

        @functools.wraps(view)
        def limited(*args: Any, **kwargs: Any) -> Response:
            principal = current_principal()
            ratelimit.take(wiring.ports(), principal)
            if principal.api_key_id is not None and api_keys.note_use(wiring.ports(), principal.api_key_id):
                audited(AuditAction.API_KEY_USE, principal.api_key_id)
            return view(*args, **kwargs)

        authorizer = PEOPLE_ONLY if people_only else AUTHORIZER
        route = app.route(
            f"{API}{path}",
            methods=[method],
            authorizer=authorizer,
            content_types=content_types or ["application/json"],
        )
        return route(json_errors(limited))

    return register


# Registered first, so outermost: every entry point's log lines carry its request and workflow
# ids, and it is traced (chalicelib/observability.py).
@app.middleware("all")
def observed(event: Any, get_response: Callable[[Any], Any]) -> Any:
    with observability.invocation(event):
        return get_response(event)


@app.middleware("http")
def gateway_errors_as_json(event: Any, get_response: Callable[[Any], Response]) -> Response:
    response = normalize_gateway_error(get_response(event))
    response.headers.update(cors.response_headers(event.headers.get("origin"), get_settings()))
    if response.status_code == 405:
        # RFC 9110: a 405 says which methods the path does take.
        methods = app.routes.get(event.context.get("resourcePath", ""), {})
        response.headers["Allow"] = ", ".join(sorted(methods))
    return response


def current_principal() -> Principal:
    request = app.current_request
    # Verified once per request (locally that may mean a DynamoDB read for an API key).
    principal: Principal | None = getattr(request, "principal", None)
    if principal is None:
        principal = auth.principal_for(wiring.ports(), request.headers, request.context, get_settings())
        request.principal = principal  # type: ignore[attr-defined]
    return principal


def current_user() -> str:
    return current_principal().user_id


def signed_in_user() -> str:
    """The user, signed in themselves: an API key may not manage API keys."""
    principal = current_principal()
    if principal.api_key_id is not None:
        raise ForbiddenError("API keys cannot manage API keys; sign in", code="USER_TOKEN_REQUIRED")
    return principal.user_id


def audited(action: AuditAction, target_id: str, **details: Any) -> None:
    """Append the audit entry of a mutation that succeeded."""
    request = app.current_request
    audit.record(wiring.ports(), current_principal(), action, target_id, request.context, details or None)


def query_params() -> dict[str, str]:
    return dict(app.current_request.query_params or {})


# --- HTTP API -----------------------------------------------------------------------------


@api("/workflows", "POST", "createWorkflow")
def create_workflow() -> Response:
    user = current_user()
    request = parse_model(CreateWorkflowRequest, app.current_request.json_body)
    created = workflows.create_workflow(wiring.ports(), user, request)
    audited(AuditAction.WORKFLOW_CREATE, created["workflowId"], inputMethod=request.input_method.value)
    return json_response(created, 201)


@api("/uploads", "POST", "createUpload")
def create_upload() -> Response:
    user = current_user()
    request = parse_model(CreateUploadRequest, app.current_request.json_body)
    created = uploads.create_upload(wiring.ports(), user, request)
    audited(AuditAction.WORKFLOW_CREATE, created["workflowId"], inputMethod=request.input_method.value)
    return json_response(created, 201)


@api("/workflows/{workflow_id}/upload", "POST", "renewUploadForm")
def renew_upload_form(workflow_id: str) -> Response:
    ports = wiring.ports()
    workflow = workflows.load_owned(ports, current_user(), workflow_id)
    renewed = uploads.renew_upload_form(ports, workflow)
    audited(AuditAction.UPLOAD_FORM_RENEW, workflow_id)
    return json_response(renewed)


@api("/workflows", "GET", "listWorkflows")
def list_workflows() -> Response:
    user = current_user()
    query = parse_model(ListWorkflowsQuery, query_params(), "query string")
    return json_response(workflows.list_workflows(wiring.ports(), user, query))


@api("/workflows/{workflow_id}", "GET", "getWorkflow")
def get_workflow(workflow_id: str) -> Response:
    workflow = workflows.get_workflow(wiring.ports(), current_user(), workflow_id)
    return _workflow_response(workflow)


@api("/workflows/{workflow_id}", "PATCH", "patchWorkflow")
def patch_workflow(workflow_id: str) -> Response:
    user = current_user()
    request = parse_model(PatchWorkflowRequest, app.current_request.json_body)
    if_match = app.current_request.headers.get("if-match")
    workflow = workflows.patch_workflow(wiring.ports(), user, workflow_id, request, if_match)
    changed = request.progress.model_dump(by_alias=True, exclude_unset=True)
    audited(AuditAction.WORKFLOW_PATCH, workflow.id, fields=sorted(changed))
    return _workflow_response(workflow)


@api("/workflows/{workflow_id}", "DELETE", "deleteWorkflow")
def delete_workflow(workflow_id: str) -> Response:
    cancelled = workflows.delete_workflow(wiring.ports(), current_user(), workflow_id)
    audited(AuditAction.WORKFLOW_CANCEL if cancelled else AuditAction.WORKFLOW_DELETE, workflow_id)
    return json_response({"success": True})


@api("/workflows/{workflow_id}/pause", "POST", "pauseWorkflow")
def pause_workflow(workflow_id: str) -> Response:
    ports = wiring.ports()
    workflow = workflows.load_owned(ports, current_user(), workflow_id)
    paused = control.pause_workflow(ports, workflow)
    audited(AuditAction.WORKFLOW_PAUSE, workflow_id)
    return _workflow_response(paused)


@api("/workflows/{workflow_id}/resume", "POST", "resumeWorkflow")
def resume_workflow(workflow_id: str) -> Response:
    ports = wiring.ports()
    workflow = workflows.load_owned(ports, current_user(), workflow_id)
    resumed = control.resume_workflow(ports, workflow)
    audited(AuditAction.WORKFLOW_RESUME, workflow_id)
    return _workflow_response(resumed)


@api("/workflows/{workflow_id}/retry", "POST", "retryWorkflow")
def retry_workflow(workflow_id: str) -> Response:
    ports = wiring.ports()
    workflow = workflows.load_owned(ports, current_user(), workflow_id)
    retried = control.retry_workflow(ports, workflow)
    audited(AuditAction.WORKFLOW_RETRY, workflow_id)
    return _workflow_response(retried)


@api("/workflows/{workflow_id}/findings", "GET", "getFindings")
def get_findings(workflow_id: str) -> Response:
    from chalicelib.core import findings_edits  # the analysis and QA: only these routes load them

    ports = wiring.ports()
    view = findings_edits.read(ports, workflows.load_owned(ports, current_user(), workflow_id))
    return _findings_response(view)


@api(
    "/workflows/{workflow_id}/findings",
    "PATCH",
    "patchFindings",
    people_only=True,
    content_types=["application/merge-patch+json", "application/json-patch+json", "application/json"],
)
def patch_findings(workflow_id: str) -> Response:
    from chalicelib.core import findings_edits

    user = signed_in_user()
    ports = wiring.ports()
    workflow = workflows.load_owned(ports, user, workflow_id)
    request = app.current_request
    content_type = request.headers.get("content-type", "application/json")
    body = json_body_of(request.raw_body)
    edited = findings_edits.edit(ports, workflow, user, body, content_type, request.headers.get("if-match"))
    if edited.changes:
        audited(AuditAction.FINDINGS_EDIT, workflow_id, changes=edited.changes)
    return _findings_response(edited.view)


def _findings_response(view: Any) -> Response:
    """`{findings, qa}` with the findings' ETag (a `findings_edits.FindingsView`)."""
    return json_response({"findings": view.findings, "qa": view.qa}, headers={"ETag": f'"{view.etag}"'})


@api("/workflows/{workflow_id}/photos", "POST", "createPhoto")
def create_photo(workflow_id: str) -> Response:
    ports = wiring.ports()
    workflow = workflows.load_owned(ports, current_user(), workflow_id)
    request = parse_model(CreatePhotoRequest, app.current_request.json_body)
    created = photos.create_photo(ports, workflow, request)
    audited(AuditAction.PHOTO_ADD, workflow_id, photoId=created["photo"]["id"], room=request.room)
    return json_response(created, 201)


@api("/workflows/{workflow_id}/photos", "GET", "listPhotos")
def list_photos(workflow_id: str) -> Response:
    ports = wiring.ports()
    workflow = workflows.load_owned(ports, current_user(), workflow_id)
    return json_response({"photos": photos.list_photos(ports, workflow)})


@api("/workflows/{workflow_id}/revisions", "POST", "openRevision", people_only=True)
def open_revision(workflow_id: str) -> Response:
    ports = wiring.ports()
    opened = revisions.open_revision(ports, workflows.load_owned(ports, signed_in_user(), workflow_id))
    audited(AuditAction.REVISION_OPEN, workflow_id, revision=opened.revision)
    return _workflow_response(opened)


@api("/workflows/{workflow_id}/revisions", "GET", "listRevisions")
def list_revisions(workflow_id: str) -> Response:
    workflow = workflows.load_owned(wiring.ports(), current_user(), workflow_id)
    return json_response({"revisions": revisions.list_revisions(workflow), "current": workflow.revision})


@api("/workflows/{workflow_id}/sign", "POST", "signReport", people_only=True)
def sign_report(workflow_id: str) -> Response:
    user = signed_in_user()
    ports = wiring.ports()
    workflow = workflows.load_owned(ports, user, workflow_id)
    request = parse_model(SignRequest, app.current_request.json_body)
    signed = signoff.sign(ports, workflow, user, request)
    signature = signoff.current_signature(signed)
    assert signature is not None
    hashes = {extension: file.sha256 for extension, file in signature.files.items()}
    audited(AuditAction.REPORT_SIGN, workflow_id, revision=signature.revision, sha256=hashes)
    return _workflow_response(signed)


@api("/workflows/{workflow_id}/approve", "POST", "approveWorkflow", people_only=True)
def approve_workflow(workflow_id: str) -> Response:
    user = signed_in_user()
    ports = wiring.ports()
    # Whose it is first: someone else's workflow is 404 whatever the body says.
    workflow = workflows.load_owned(ports, user, workflow_id)
    request = parse_model(ApproveRequest, app.current_request.json_body)
    approved = review.approve(ports, workflow, user, request)
    overridden = [o.code for o in approved.review.overrides] if approved.review else []
    audited(AuditAction.WORKFLOW_APPROVE, workflow_id, overrides=overridden)
    return _workflow_response(approved)


@api("/workflows/{workflow_id}/report", "GET", "getReport")
def get_report(workflow_id: str) -> Response:
    user = current_user()
    report_format = query_params().get("format", "json")
    revision = query_params().get("revision")
    report = workflows.get_report(wiring.ports(), user, workflow_id, report_format, revision)
    audited(AuditAction.REPORT_DOWNLOAD, workflow_id, format=report_format)
    return json_response(report)


@api("/stats", "GET", "getStats")
def get_stats() -> Response:
    return json_response(
        {"stats": workflows.get_stats(wiring.ports(), current_user()).model_dump(mode="json")}
    )


@api("/analytics", "GET", "getAnalytics")
def get_analytics() -> Response:
    query = query_params()
    found = analytics.get_analytics(wiring.ports(), current_user(), query)
    if analytics.wants_csv(query):
        return text_download(analytics.to_csv(found), analytics.CSV_CONTENT_TYPE, analytics.csv_name(found))
    return json_response({"analytics": found})


# API keys (/api-keys): their handlers live in chalicelib/api/api_key_routes.py.
edge = template_routes.Edge(
    wiring.ports, current_user, signed_in_user, lambda: app.current_request.json_body, audited
)
api_key_routes.register(api, edge)


@api("/settings", "GET", "getSettings")
def get_user_settings() -> Response:
    settings = user_settings.read(wiring.ports(), current_user())
    return json_response({"settings": settings.model_dump(mode="json")})


@api("/settings", "PUT", "putSettings", people_only=True)
def put_user_settings() -> Response:
    user = signed_in_user()
    request = parse_model(UserSettingsRequest, app.current_request.json_body)
    settings = user_settings.update(wiring.ports(), user, request)
    catalogue = settings.line_item_catalogue
    audited(
        AuditAction.SETTINGS_UPDATE,
        user,
        reviewRequired=settings.review_required,
        lineItemCatalogue=f"{len(catalogue.entries)} entries" if catalogue else "default",
        company="set" if settings.company else "none",
    )
    return json_response({"settings": settings.model_dump(mode="json")})


# Report templates (/templates): their handlers live in chalicelib/api/template_routes.py.
template_routes.register(api, edge)


@api("/audit", "GET", "listAuditEntries")
def list_audit() -> Response:
    query = parse_model(ListAuditQuery, query_params(), "query string")
    return json_response(audit.list_entries(wiring.ports(), current_user(), query))


@api("/openapi.json", "GET", "getOpenApiDocument")
def openapi_document() -> Response:
    from chalicelib.api import openapi  # deferred: only this route builds the document

    return json_response(openapi.document(ROUTES))


@api("/integrations/test", "POST", "testIntegration")
def test_integration() -> Response:
    principal = current_principal()
    return json_response({"success": True, "userId": principal.user_id, "apiKeyId": principal.api_key_id})


webhook_routes.register(api, webhook_routes.Edge(app, wiring.ports, signed_in_user, audited))


# A browser's preflight carries no credentials, so it cannot pass the authorizer: each API path
# answers OPTIONS itself, for the allowed origins only.
def preflight(**_path_parameters: str) -> Response:
    origin = app.current_request.headers.get("origin")
    settings = get_settings()
    if origin is None or not cors.is_allowed(origin, settings):
        refused = ForbiddenError("This origin may not call the API", code="CORS_ORIGIN_NOT_ALLOWED")
        return error_response(refused)
    return Response(body="", status_code=204, headers=cors.preflight_headers(origin, settings))


for _path in sorted({path for path in app.routes if path.startswith(API)}):
    app.route(_path, methods=["OPTIONS"])(preflight)


def _workflow_response(workflow: Workflow) -> Response:
    return json_response({"workflow": workflow.public()}, headers={"ETag": f'"{workflow.version}"'})


# --- WebSocket: live progress (see chalicelib/api/websocket.py for the protocol) ----------
# The WebSocket Lambdas import their module when called: the HTTP API's cold start (the same
# package) does not pay for the live-progress fan-out.


@app.on_ws_connect(name="ws_connect")
def ws_connect(event: WebsocketEvent) -> Response | None:
    # Browsers cannot set headers on a WebSocket: the bearer token comes in the query string.
    from chalicelib.api import websocket

    token = (event.to_dict().get("queryStringParameters") or {}).get("token")
    try:
        websocket.connect(wiring.ports(), event.connection_id, token)
    except AppError as refused:
        # Any answer but 2xx makes API Gateway refuse the connection.
        return error_response(refused)
    return None


@app.on_ws_message(name="ws_message")
def ws_message(event: WebsocketEvent) -> None:
    from chalicelib.api import websocket

    binary = bool(event.to_dict().get("isBase64Encoded"))
    websocket.handle_message(wiring.ports(), event.connection_id, event.body, binary=binary)


@app.on_ws_disconnect(name="ws_disconnect")
def ws_disconnect(event: WebsocketEvent) -> None:
    from chalicelib.api import websocket

    websocket.disconnect(wiring.ports(), event.connection_id)


# Progress events reach their watchers from the workflows table's stream, not from the phase
# that wrote them: a change's only write is its transaction, and no phase waits for a socket.
# deploy/package.py binds the stream to the template's table and filters it to inserted events.
@app.on_dynamodb_record(
    stream_arn=WORKFLOW_STREAM, batch_size=100, starting_position="LATEST", name="push_events"
)
def push_events(event: DynamoDBEvent) -> dict[str, Any]:
    from chalicelib.aws.event_stream import events_of
    from chalicelib.core import live_progress, webhooks

    events = events_of(event.to_dict()["Records"])
    pushed = live_progress.push(wiring.ports(), events)
    webhooks.fan_out(wiring.ports(), events)  # webhook deliveries: queued, never sent from here
    return {"events": pushed.events, "messages": pushed.messages, "removed": pushed.removed}


# --- events -------------------------------------------------------------------------------

UPLOADS_QUEUE = "restoreassist-uploads"
WEBHOOKS_QUEUE = "restoreassist-webhook-deliveries"


# The bucket notifies this queue when a PDF or DOCX lands under uploads/ (deploy/resources.json);
# `chalice package` cannot attach S3 notifications to a bucket, so S3 -> SQS -> this handler.
@app.on_sqs_message(queue=UPLOADS_QUEUE, batch_size=10, name="upload_received")
def upload_received(event: SQSEvent) -> dict[str, Any]:
    return uploads.process_upload_messages(wiring.ports(), event.to_dict(), event.context)


# One attempt of a webhook delivery per message; a retry is a new message, delayed (ADR 0021).
@app.on_sqs_message(queue=WEBHOOKS_QUEUE, batch_size=5, name="deliver_webhooks")
def deliver_webhooks(event: SQSEvent) -> dict[str, Any]:
    from chalicelib.core import webhooks

    return webhooks.deliver_messages(wiring.ports(), event.to_dict())


# --- workflow phases (Step Functions tasks; see stepfunctions/workflow.asl.json) ----------
# Each phase module is imported inside its own handler: one Chalice package serves every
# Lambda, and the API's cold start should not pay for the analyzer or the renderers.


@app.lambda_function(name="phase_initiation")
def phase_initiation(event: dict[str, Any], context: Any) -> dict[str, Any]:
    from chalicelib.phases import initiation

    return initiation.handle(wiring.ports(), event)


@app.lambda_function(name="phase_processing")
def phase_processing(event: dict[str, Any], context: Any) -> dict[str, Any]:
    from chalicelib.phases import processing

    return processing.handle(wiring.ports(), event)


@app.lambda_function(name="phase_qa")
def phase_qa(event: dict[str, Any], context: Any) -> dict[str, Any]:
    from chalicelib.phases import qa

    return qa.handle(wiring.ports(), event)


@app.lambda_function(name="phase_output")
def phase_output(event: dict[str, Any], context: Any) -> dict[str, Any]:
    from chalicelib.phases import output

    return output.handle(wiring.ports(), event)


@app.lambda_function(name="pause_point")
def pause_point(event: dict[str, Any], context: Any) -> dict[str, Any]:
    from chalicelib.phases import pause

    return pause.pause_point(wiring.ports(), event)


@app.lambda_function(name="review_point")
def review_point(event: dict[str, Any], context: Any) -> dict[str, Any]:
    from chalicelib.phases import review

    return review.review_point(wiring.ports(), event)


# Settles workflows whose execution ended or vanished while the record was unfinished, and
# counts reviews overdue (chalicelib/core/reconcile.py). Locally the stack runs it on a timer.
@app.schedule("rate(5 minutes)", name="reconcile_workflows")
def reconcile_workflows(event: Any) -> dict[str, Any]:
    return wiring.reconcile(getattr(event, "context", None))


# Closes WebSockets whose token expired (an API key's close when it is revoked). Locally the stack
# runs it on a timer.
@app.schedule("rate(1 minute)", name="close_expired_connections")
def close_expired_connections(event: Any) -> dict[str, Any]:
    from chalicelib.core import live_progress

    return {"closed": live_progress.close_expired_connections(wiring.ports())}


@app.lambda_function(name="record_failure")
def workflow_failed(event: dict[str, Any], context: Any) -> dict[str, Any]:
    from chalicelib.phases.failure import record_failure

    return record_failure(wiring.ports(), event)
