"""RestoreAssist Orchestrator: every entry point, on one screen.

Each handler parses its input, makes one call into `chalicelib/`, and shapes the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chalice import Chalice, CognitoUserPoolAuthorizer, Response

from chalicelib import auth, workflows
from chalicelib.http import json_errors, json_response, normalize_gateway_error, parse_model
from chalicelib.models import CreateWorkflowRequest, ListWorkflowsQuery, PatchWorkflowRequest
from chalicelib.phases import initiation, output, processing, qa
from chalicelib.phases.failure import record_failure
from chalicelib.settings import AuthMode, get_settings

app = Chalice(app_name="restoreassist")
API = "/api/orchestrator"

# On AWS the Cognito user pool authorizer checks every token before the Lambda runs;
# `deploy/resources.json` binds it to the pool the template creates.
AUTHORIZER = (
    CognitoUserPoolAuthorizer(
        "CognitoUsers",
        provider_arns=[
            get_settings().cognito_user_pool_arn or "arn:aws:cognito-idp:::userpool/bound-at-deploy"
        ],
    )
    if get_settings().auth_mode is AuthMode.COGNITO
    else None
)


def api(path: str, method: str) -> Callable[[Callable[..., Response]], Any]:
    """`app.route` for the JSON API: authenticated, errors answered as `{"error": ...}`."""

    def register(view: Callable[..., Response]) -> Any:
        return app.route(f"{API}{path}", methods=[method], authorizer=AUTHORIZER)(json_errors(view))

    return register


@app.middleware("http")
def gateway_errors_as_json(event: Any, get_response: Callable[[Any], Response]) -> Response:
    return normalize_gateway_error(get_response(event))


def current_user() -> str:
    request = app.current_request
    return auth.user_id_for(request.headers, request.context, get_settings())


def query_params() -> dict[str, str]:
    return dict(app.current_request.query_params or {})


# --- HTTP API -----------------------------------------------------------------------------


@api("/workflows", "POST")
def create_workflow() -> Response:
    user = current_user()
    request = parse_model(CreateWorkflowRequest, app.current_request.json_body)
    return json_response(workflows.create_workflow(user, request), 201)


@api("/workflows", "GET")
def list_workflows() -> Response:
    user = current_user()
    query = parse_model(ListWorkflowsQuery, query_params(), "query string")
    return json_response(workflows.list_workflows(user, query))


@api("/workflows/{workflow_id}", "GET")
def get_workflow(workflow_id: str) -> Response:
    workflow = workflows.get_workflow(current_user(), workflow_id)
    return json_response({"workflow": workflow.model_dump(mode="json")}, headers=_etag(workflow.version))


@api("/workflows/{workflow_id}", "PATCH")
def patch_workflow(workflow_id: str) -> Response:
    user = current_user()
    request = parse_model(PatchWorkflowRequest, app.current_request.json_body)
    if_match = app.current_request.headers.get("if-match")
    workflow = workflows.patch_workflow(user, workflow_id, request, if_match)
    return json_response({"workflow": workflow.model_dump(mode="json")}, headers=_etag(workflow.version))


@api("/workflows/{workflow_id}", "DELETE")
def delete_workflow(workflow_id: str) -> Response:
    workflows.delete_workflow(current_user(), workflow_id)
    return json_response({"success": True})


@api("/workflows/{workflow_id}/report", "GET")
def get_report(workflow_id: str) -> Response:
    user = current_user()
    report_format = query_params().get("format", "json")
    return json_response(workflows.get_report(user, workflow_id, report_format))


@api("/stats", "GET")
def get_stats() -> Response:
    return json_response({"stats": workflows.get_stats(current_user()).model_dump(mode="json")})


def _etag(version: int) -> dict[str, str]:
    return {"ETag": f'"{version}"'}


# --- workflow phases (Step Functions tasks; see stepfunctions/workflow.asl.json) ----------


@app.lambda_function(name="phase_initiation")
def phase_initiation(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return initiation.handle(event)


@app.lambda_function(name="phase_processing")
def phase_processing(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return processing.handle(event)


@app.lambda_function(name="phase_qa")
def phase_qa(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return qa.handle(event)


@app.lambda_function(name="phase_output")
def phase_output(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return output.handle(event)


@app.lambda_function(name="record_failure")
def workflow_failed(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return record_failure(event)
