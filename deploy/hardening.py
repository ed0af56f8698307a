"""What the functions and APIs get beside their code: tracing, encryption, concurrency, failure
queues, access logs, and the checkov checks this template deliberately does not follow (each with
its reason, in the resource's `Metadata`, where checkov reads it)."""

from __future__ import annotations

from typing import Any

from deploy import observability

PROCESSING = "PhaseProcessing"
OPERATIONS_KEY = "OperationsKey"
FAILED_INVOCATIONS_QUEUE = "FailedInvocationsQueue"
REST_API = "RestAPI"
WEBSOCKET_API = "WebsocketAPI"
WEBSOCKET_STAGE = "WebsocketAPIStage"
API_ACCESS_LOGS = "ApiAccessLogGroup"
WEBSOCKET_ACCESS_LOGS = "WebsocketAccessLogGroup"
API_GATEWAY_ACCOUNT = "ApiGatewayAccount"  # deploy/resources.json, when SetApiGatewayLogRole is true
LOG_ROLE_CONDITION = "SetsApiGatewayLogRole"

# Checks every function skips, and why.
NO_VPC = (
    "CKV_AWS_117",
    "No VPC: the functions reach only AWS APIs (DynamoDB, S3, Step Functions, Secrets Manager) and "
    "api.anthropic.com, all over TLS with IAM, and webhook receivers' public HTTPS endpoints (checked "
    "public before each POST); a VPC would add NAT gateways and cold-start cost and no isolation "
    "these calls lack.",
)
UNRESERVED = (
    "CKV_AWS_115",
    "Only PROCESSING is capped (ProcessingConcurrency: the Claude rate limit and cost). Reserving "
    "capacity for every function carves it out of the account pool (and fails to deploy in accounts "
    "with the default limit); the API is throttled by API Gateway, uploads by the event source's "
    "MaximumConcurrency, the phases by Step Functions.",
)
SYNCHRONOUS = (
    "CKV_AWS_116",
    "Invoked synchronously (API Gateway, the SQS event source mapping, or Step Functions' "
    "RequestResponse Task), so a dead-letter queue never receives anything: failures go back to "
    "the caller, the uploads queue's own DLQ, or the state machine's Catch.",
)


def function_properties(function: str, invoked_async: bool) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "Tracing": "Active",
        # The environment names the stack's resources and the Claude secret's ARN.
        "KmsKeyArn": {"Fn::GetAtt": [OPERATIONS_KEY, "Arn"]},
    }
    if function == PROCESSING:
        # A burst of uploads queues in Step Functions' retries instead of exhausting Claude.
        properties["ReservedConcurrentExecutions"] = {"Ref": "ProcessingConcurrency"}
    if invoked_async:
        properties["DeadLetterQueue"] = {
            "Type": "SQS",
            "TargetArn": {"Fn::GetAtt": [FAILED_INVOCATIONS_QUEUE, "Arn"]},
        }
    return properties


def function_metadata(function: str, invoked_async: bool) -> dict[str, Any]:
    skips = [NO_VPC]
    if function != PROCESSING:
        skips.append(UNRESERVED)
    if not invoked_async:
        skips.append(SYNCHRONOUS)
    return checkov_skips(skips)


def checkov_skips(skips: list[tuple[str, str]]) -> dict[str, Any]:
    return {"checkov": {"skip": [{"id": check, "comment": reason} for check, reason in skips]}}


def apis(resources: dict[str, Any]) -> None:
    """Names from the stack, X-Ray and access logs for the REST API; access logs for the WebSocket API."""
    resources.update(observability.api_logging(API_ACCESS_LOGS))
    resources.update(observability.api_logging(WEBSOCKET_ACCESS_LOGS))
    rest = resources.setdefault(REST_API, {})
    rest_properties = rest.setdefault("Properties", {})
    # API Gateway's metrics (the 5xx alarm, the dashboard) are by API name: the stack's, both as
    # the resource's name and as the OpenAPI title Chalice writes ("restoreassist" in every stack).
    rest_properties["Name"] = observability.REST_API_NAME
    rest_properties.setdefault("DefinitionBody", {}).setdefault("info", {})["title"] = (
        observability.REST_API_NAME
    )
    rest_properties["TracingEnabled"] = True
    rest_properties["AccessLogSetting"] = {
        "DestinationArn": {"Fn::GetAtt": [API_ACCESS_LOGS, "Arn"]},
        "Format": observability.ACCESS_LOG_FORMAT,
    }
    rest["Metadata"] = checkov_skips(
        [
            (
                "CKV_AWS_120",
                "No API cache: every answer is per caller and changes with the workflow "
                "(progress, ETags); a cached answer would be stale or another user's.",
            )
        ]
    )
    # API Gateway writes access logs with the region's CloudWatch role: a stage must wait for
    # ApiGatewayAccount when this stack sets it. A DependsOn cannot name a conditional resource,
    # a Ref inside Fn::If can (a stage variable nothing reads).
    rest_properties["Variables"] = {"LogRole": _log_role_dependency()}
    resources.setdefault(WEBSOCKET_API, {}).setdefault("Properties", {})["Name"] = {
        "Fn::Sub": "${AWS::StackName}-websocket"
    }
    stage = resources.setdefault(WEBSOCKET_STAGE, {}).setdefault("Properties", {})
    stage["StageVariables"] = {"LogRole": _log_role_dependency()}
    stage["AccessLogSettings"] = {
        "DestinationArn": {"Fn::GetAtt": [WEBSOCKET_ACCESS_LOGS, "Arn"]},
        "Format": observability.ACCESS_LOG_FORMAT,
    }


def _log_role_dependency() -> dict[str, Any]:
    return {"Fn::If": [LOG_ROLE_CONDITION, {"Ref": API_GATEWAY_ACCOUNT}, "SetElsewhere"]}
