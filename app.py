"""RestoreAssist Orchestrator: every entry point, on one screen.

Each handler parses its input, makes one call into `chalicelib/`, and shapes the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chalice.app import (
    AuthRequest,
    AuthResponse,
    Chalice,
    CognitoUserPoolAuthorizer,
    DynamoDBEvent,
    Response,
    SQSEvent,
    WebsocketEvent,
)

from chalicelib import observability, wiring
from chalicelib.api import (
    account_routes,
    auth,
    cors,
    organisation_routes,
    review_routes,
    routing,
    template_routes,
    webhook_routes,
)
from chalicelib.api.http import (
    API_PREFIX,
    RouteDoc,
    error_response,
    json_response,
    normalize_gateway_error,
    parse_model,
    text_download,
)
from chalicelib.api.routing import (
    audited,
    current_principal,
    current_user,
    json_body,
    query_params,
    request_header,
)
from chalicelib.core import analytics, control, uploads, workflows
from chalicelib.core.audit_models import AuditAction
from chalicelib.core.errors import AppError, ForbiddenError
from chalicelib.core.models import (
    CreateUploadRequest,
    CreateWorkflowRequest,
    ListWorkflowsQuery,
    PatchWorkflowRequest,
)
from chalicelib.core.policy import Action, authorize, authorize_org
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


# `api(path, method, operation_id, people_only=...)`: a route of the JSON API, authenticated,
# rate-limited per caller, its errors as `{"error": ...}`, and recorded in ROUTES, the one
# registry the OpenAPI document is built from (chalicelib/api/routing.py). The route groups of
# chalicelib/api/*_routes.py declare theirs the same way and are installed below.
routing.configure(routing.Edge(app, wiring.ports, authorizer=AUTHORIZER, people_only=PEOPLE_ONLY))
api = routing.api
ROUTES: dict[tuple[str, str], RouteDoc] = routing.ROUTES


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


# --- HTTP API: workflows -------------------------------------------------------------------
# Every route that names a workflow asks `policy.authorize` first, with its action: someone who
# may not see the workflow gets 404, someone who may see it but not do this 403 (ADR: roles).


@api("/workflows", "POST", "createWorkflow")
def create_workflow() -> Response:
    creator = workflows.authorized_creator(wiring.ports(), current_principal())
    request = parse_model(CreateWorkflowRequest, json_body())
    created = workflows.create(wiring.ports(), creator, request)
    workflow_id = created.response["workflowId"]
    fed = created.feed_entry
    audited(AuditAction.WORKFLOW_CREATE, workflow_id, fed=fed, inputMethod=request.input_method.value)
    return json_response(created.response, 201)


@api("/uploads", "POST", "createUpload")
def create_upload() -> Response:
    authorize_org(wiring.ports(), current_principal(), Action.CREATE_WORKFLOW)
    request = parse_model(CreateUploadRequest, json_body())
    created = uploads.create_upload(wiring.ports(), current_user(), request)
    audited(AuditAction.WORKFLOW_CREATE, created["workflowId"], inputMethod=request.input_method.value)
    return json_response(created, 201)


@api("/workflows/{workflow_id}/upload", "POST", "renewUploadForm")
def renew_upload_form(workflow_id: str) -> Response:
    ports = wiring.ports()
    renewed = uploads.renew_upload_form(
        ports, authorize(ports, current_principal(), Action.CONTROL, workflow_id)
    )
    audited(AuditAction.UPLOAD_FORM_RENEW, workflow_id)
    return json_response(renewed)


@api("/workflows", "GET", "listWorkflows")
def list_workflows() -> Response:
    query = parse_model(ListWorkflowsQuery, query_params(), "query string")
    return json_response(workflows.list_workflows(wiring.ports(), current_user(), query))


@api("/workflows/{workflow_id}", "GET", "getWorkflow")
def get_workflow(workflow_id: str) -> Response:
    ports = wiring.ports()
    workflow = authorize(ports, current_principal(), Action.VIEW, workflow_id)
    return workflow_response(workflows.get_workflow(ports, workflow))


@api("/workflows/{workflow_id}", "PATCH", "patchWorkflow")
def patch_workflow(workflow_id: str) -> Response:
    ports = wiring.ports()
    workflow = authorize(ports, current_principal(), Action.UPDATE_PROGRESS, workflow_id)
    request = parse_model(PatchWorkflowRequest, json_body())
    if_match = request_header("if-match")
    patched = workflows.patch_workflow(ports, workflow, request, if_match)
    changed = request.progress.model_dump(by_alias=True, exclude_unset=True)
    audited(AuditAction.WORKFLOW_PATCH, workflow_id, fields=sorted(changed))
    return workflow_response(patched)


@api("/workflows/{workflow_id}", "DELETE", "deleteWorkflow")
def delete_workflow(workflow_id: str) -> Response:
    ports = wiring.ports()
    cancelled = workflows.delete_workflow(
        ports, authorize(ports, current_principal(), Action.DELETE, workflow_id)
    )
    audited(AuditAction.WORKFLOW_CANCEL if cancelled else AuditAction.WORKFLOW_DELETE, workflow_id)
    return json_response({"success": True})


@api("/workflows/{workflow_id}/pause", "POST", "pauseWorkflow")
def pause_workflow(workflow_id: str) -> Response:
    ports = wiring.ports()
    paused = control.pause_workflow(ports, authorize(ports, current_principal(), Action.CONTROL, workflow_id))
    audited(AuditAction.WORKFLOW_PAUSE, workflow_id)
    return workflow_response(paused)


@api("/workflows/{workflow_id}/resume", "POST", "resumeWorkflow")
def resume_workflow(workflow_id: str) -> Response:
    ports = wiring.ports()
    resumed = control.resume_workflow(
        ports, authorize(ports, current_principal(), Action.CONTROL, workflow_id)
    )
    audited(AuditAction.WORKFLOW_RESUME, workflow_id)
    return workflow_response(resumed)


@api("/workflows/{workflow_id}/retry", "POST", "retryWorkflow")
def retry_workflow(workflow_id: str) -> Response:
    ports = wiring.ports()
    retried = control.retry_workflow(
        ports, authorize(ports, current_principal(), Action.CONTROL, workflow_id)
    )
    audited(AuditAction.WORKFLOW_RETRY, workflow_id)
    return workflow_response(retried)


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


@api("/openapi.json", "GET", "getOpenApiDocument")
def openapi_document() -> Response:
    from chalicelib.api import openapi  # deferred: only this route builds the document

    return json_response(openapi.document(ROUTES))


@api("/integrations/test", "POST", "testIntegration")
def test_integration() -> Response:
    principal = current_principal()
    return json_response({"success": True, "userId": principal.user_id, "apiKeyId": principal.api_key_id})


# Review, photos, the report and collaborators; organisations; the caller's keys and settings;
# report templates (/templates) and webhooks (/webhooks).
routing.install(
    review_routes.routes,
    organisation_routes.routes,
    account_routes.routes,
    template_routes.routes,
    webhook_routes.routes,
)
workflow_response = review_routes.workflow_response


# A browser's preflight carries no credentials, so it cannot pass the authorizer: each API path
# answers OPTIONS itself, for the allowed origins only.
def preflight(**_path_parameters: str) -> Response:
    origin = request_header("origin")
    settings = get_settings()
    if origin is None or not cors.is_allowed(origin, settings):
        refused = ForbiddenError("This origin may not call the API", code="CORS_ORIGIN_NOT_ALLOWED")
        return error_response(refused)
    # Chalice's headers may be lists (multi-value); ours are single values.
    headers: dict[str, str | list[str]] = dict(cors.preflight_headers(origin, settings))
    return Response(body="", status_code=204, headers=headers)


for _path in sorted({path for path in app.routes if path.startswith(API)}):
    app.route(_path, methods=["OPTIONS"])(preflight)


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


# The bucket notifies this queue when a PDF or DOCX lands under uploads/ (deploy/resources.json);
# `chalice package` cannot attach S3 notifications to a bucket, so S3 -> SQS -> this handler.
@app.on_sqs_message(queue=UPLOADS_QUEUE, batch_size=10, name="upload_received")
def upload_received(event: SQSEvent) -> dict[str, Any]:
    return uploads.process_upload_messages(wiring.ports(), event.to_dict(), event.context)


WEBHOOKS_QUEUE = "restoreassist-webhook-deliveries"


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
