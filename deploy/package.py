"""Package the app for AWS: `chalice package` merged with our own resources, as one SAM template.

    python deploy/package.py [--out build/package] [--stage dev] [--lint]

The merge template is `deploy/resources.json` plus what is derived here, so nothing is copied by
hand: the state machine's definition is inlined from `stepfunctions/workflow.asl.json`, each
`${XArn}` in it is bound to `Fn::GetAtt [X, Arn]` of the Chalice function `X`, and every Chalice
function gets its environment, its own least-privilege policy (`deploy/policies.py`: packaging
fails for a function without a row), its log group, alarms and dashboard lines
(`deploy/observability.py`), and its tracing, encryption, concurrency and failure queue
(`deploy/hardening.py`). The functions whose policy row pushes progress to WebSocket clients
(the WebSocket handlers, the API, the sweep and `push_events`, never a phase) also get the
connections table and the WebSocket API's management endpoint (`WEBSOCKET_ENDPOINT`, built from
Chalice's `WebsocketAPI` and the stage Chalice gives it). `push_events` reads the workflows
table's stream, filtered to inserted progress events (`_wire_push_trigger`).
The stage is a Chalice stage of `.chalice/config.json`; no physical name is literal, so two
stages (two stacks) coexist in one account and region.
Chalice merges dicts deeply and replaces lists, so an override of a resource Chalice does not
generate would leave a resource without a Type: `check()` refuses that.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lambda_zip  # deploy/, beside this file: a script's directory is on sys.path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES_FILE = ROOT / "deploy" / "resources.json"
ASL_FILE = ROOT / "stepfunctions" / "workflow.asl.json"
PLACEHOLDER = re.compile(r"\$\{(\w+)\}")

sys.path.insert(0, str(ROOT))  # deploy/ is run as a script; its modules import as `deploy.*`
from deploy import hardening, observability, policies  # noqa: E402

API_HANDLER = "APIHandler"  # the logical id `chalice package` gives the REST API's function
UPLOAD_TRIGGER = "UploadReceived"  # app.py's @app.on_sqs_message(name="upload_received")
PROCESSING = "PhaseProcessing"  # app.py's @app.lambda_function(name="phase_processing")
RECONCILER = "ReconcileWorkflows"  # app.py's @app.schedule(name="reconcile_workflows"), when it exists
# Functions that start, stop or inspect executions; the state machine never depends on them.
WORKFLOW_DRIVERS = frozenset({API_HANDLER, UPLOAD_TRIGGER, RECONCILER})
UPLOADS_QUEUE = "UploadsQueue"
PUSH_TRIGGER = "PushEvents"  # app.py's @app.on_dynamodb_record(name="push_events")
FAILED_INVOCATIONS_QUEUE = "FailedInvocationsQueue"
AUTHORIZER = "VerifyCaller"  # app.py's @app.authorizer verify_caller
USER_POOL_CLIENT = "UserPoolClient"
STATE_MACHINE = "WorkflowStateMachine"
TABLE = "WorkflowsTable"
AUDIT_TABLE = "AuditTable"
BUCKET = "DocumentsBucket"
USER_POOL = "UserPool"
# The logical id `chalice package` gives the API of app.py's @app.on_ws_* handlers (fixed, like
# its handlers' WebsocketConnect / WebsocketMessage / WebsocketDisconnect).
WEBSOCKET_API = "WebsocketAPI"
WEBSOCKET_CONNECT = "WebsocketConnect"  # app.py's @app.on_ws_connect
CONNECTIONS_TABLE = "ConnectionsTable"
WEBHOOK_TRIGGER = "DeliverWebhooks"  # app.py's @app.on_sqs_message(name="deliver_webhooks")
# How many deliveries run at once: receivers are other companies' servers, not ours to flood.
WEBHOOK_MAX_CONCURRENCY = 10

Template = dict[str, Any]
# The origins that may call the API: the AllowedOrigins parameter and the stack's own dashboard
# (deploy/resources.json: WebDistribution); the documents bucket's CORS rule lists the same.
WEB_ORIGIN = {"Fn::Sub": "https://${WebDistribution.DomainName}"}
ALLOWED_ORIGINS = {"Fn::Join": [",", [{"Fn::Join": [",", {"Ref": "AllowedOrigins"}]}, WEB_ORIGIN]]}


@dataclass(frozen=True)
class Function:
    """A Lambda function of the Chalice app, by its logical ids in the packaged template."""

    logical_id: str
    role: str | None  # None if Chalice does not manage the role
    invoked_async: bool = False  # a schedule or CloudWatch event: failures need somewhere to go


@dataclass(frozen=True)
class ChaliceApp:
    """What `chalice package` will generate that the merge template must know about."""

    functions: list[Function]
    websocket_stage: str | None  # the WebSocket API's stage; None if app.py has no @app.on_ws_*
    api_stage: str  # the REST API's stage (`api_gateway_stage`)


def chalice_app(stage: str) -> ChaliceApp:
    """The functions and WebSocket API `chalice package` will generate, from Chalice's own
    application graph."""
    from chalice.cli.factory import CLIFactory
    from chalice.deploy import models
    from chalice.deploy.appgraph import ApplicationGraphBuilder, DependencyBuilder
    from chalice.utils import to_cfn_resource_name

    config = CLIFactory(str(ROOT)).create_config_obj(chalice_stage_name=stage)
    if stage not in config.config_from_disk.get("stages", {}):
        raise SystemExit(f"No Chalice stage {stage!r} in .chalice/config.json")
    graph = ApplicationGraphBuilder().build(config, stage)
    resources = DependencyBuilder().build_dependencies(graph)
    # EventBridge invokes scheduled functions asynchronously.
    scheduled = {
        r.lambda_function.resource_name for r in resources if isinstance(r, models.CloudWatchEventBase)
    }
    functions = []
    websocket_stage = None
    for resource in resources:
        if isinstance(resource, models.WebsocketAPI):
            # Chalice deploys it to the REST API's stage (`api_gateway_stage`): it has none of its own.
            websocket_stage = resource.api_gateway_stage
        if not isinstance(resource, models.LambdaFunction):
            continue
        name = resource.resource_name
        role = resource.role
        functions.append(
            Function(
                logical_id=API_HANDLER if name == "api_handler" else to_cfn_resource_name(name),
                role=(
                    to_cfn_resource_name(role.resource_name)
                    if isinstance(role, models.ManagedIAMRole)
                    else None
                ),
                invoked_async=name in scheduled,
            )
        )
    return ChaliceApp(
        functions=functions, websocket_stage=websocket_stage, api_stage=config.api_gateway_stage
    )


def definition_substitutions(asl_text: str, functions: list[Function]) -> dict[str, Any]:
    """`${PhaseInitiationArn}` -> `Fn::GetAtt [PhaseInitiation, Arn]`, for every placeholder."""
    targets = {f.logical_id for f in functions} - {API_HANDLER}
    substitutions: dict[str, Any] = {}
    for name in sorted(set(PLACEHOLDER.findall(asl_text))):
        target = name.removesuffix("Arn")
        if name == target or target not in targets:
            raise SystemExit(
                f"{ASL_FILE.relative_to(ROOT)} uses ${{{name}}}, which names no Chalice "
                f"@app.lambda_function (expected one of {sorted(targets)} followed by 'Arn')"
            )
        substitutions[name] = {"Fn::GetAtt": [target, "Arn"]}
    return substitutions


def websocket_endpoint(websocket_stage: str | None) -> dict[str, Any]:
    """`https://{api id}.execute-api.{region}.{suffix}/{stage}`: the Management API endpoint.

    The stage is a literal, the one Chalice gives `WebsocketAPIStage`, not a Ref to that stage:
    the stage depends on the deployment, which depends on the routes, their integrations and so
    on the handler functions, so a function naming it would be a circular dependency.
    `WebsocketAPI` itself depends on nothing."""
    if websocket_stage is None:
        raise SystemExit(
            "app.py defines no WebSocket handlers (@app.on_ws_connect/_message/_disconnect), "
            "which the functions push progress through"
        )
    return {
        "Fn::Sub": (
            f"https://${{{WEBSOCKET_API}}}.execute-api.${{AWS::Region}}.${{AWS::URLSuffix}}/{websocket_stage}"
        )
    }


def environment(function: Function, endpoint: dict[str, Any]) -> dict[str, Any]:
    """The variables the template gives one function (beside Chalice's, from .chalice/config.json)."""
    name = function.logical_id
    # Powertools Metrics (EMF) needs its namespace in every function.
    common = {"POWERTOOLS_METRICS_NAMESPACE": observability.METRICS_NAMESPACE}
    if name == AUTHORIZER:
        # It verifies Cognito JWTs and API keys; it touches no document and no workflow.
        return {
            **common,
            "TABLE_NAME": {"Ref": TABLE},
            "COGNITO_USER_POOL_ARN": {"Fn::GetAtt": [USER_POOL, "Arn"]},
            "COGNITO_CLIENT_ID": {"Ref": USER_POOL_CLIENT},
        }
    variables: dict[str, Any] = {
        **common,
        "TABLE_NAME": {"Ref": TABLE},
        "BUCKET_NAME": {"Ref": BUCKET},
        # INITIATION reads GuardDuty's verdict tags (MalwareProtectionPlan in resources.json).
        "MALWARE_SCAN": "guardduty",
        # INITIATION reads scanned pages and photographed forms with Textract (chalicelib/core/ocr.py).
        "OCR_ENGINE": "textract",
    }
    access = policies.ACCESS.get(name)
    if access is not None and access.pushes_progress:
        # A phase writes its events and returns: push_events sends them from the table's stream.
        variables["CONNECTIONS_TABLE_NAME"] = {"Ref": CONNECTIONS_TABLE}
        variables["WEBSOCKET_ENDPOINT"] = copy.deepcopy(endpoint)
    if access is not None and access.webhooks:
        variables["WEBHOOKS_TABLE_NAME"] = {"Ref": policies.WEBHOOKS_TABLE}
    if access is not None and access.webhook_queue:
        variables["WEBHOOK_QUEUE_URL"] = {"Ref": policies.WEBHOOK_QUEUE}
    if access is not None and access.webhook_secrets:
        # Only the API (seals) and the delivery worker (opens) name the key.
        variables["WEBHOOK_SECRETS_KEY_ID"] = {"Fn::GetAtt": [policies.WEBHOOK_SECRETS_KEY, "Arn"]}
    if name in WORKFLOW_DRIVERS:
        # Only these: the state machine depends on the phase functions.
        variables["STATE_MACHINE_ARN"] = {"Ref": STATE_MACHINE}
    if name == API_HANDLER:
        # API Gateway's Cognito authorizer does not check the app client; the route does.
        variables["COGNITO_CLIENT_ID"] = {"Ref": USER_POOL_CLIENT}
        # The preflight and every answer name only these origins (chalicelib/api/cors.py).
        variables["CORS_ALLOWED_ORIGINS"] = ALLOWED_ORIGINS
        # Only the API appends to the audit log, and only it reads it back.
        variables["AUDIT_TABLE_NAME"] = {"Ref": AUDIT_TABLE}
    if name == WEBSOCKET_CONNECT:
        # API Gateway has no Cognito authorizer for a WebSocket $connect: the handler
        # verifies the ?token= itself, as verify_caller does.
        variables["COGNITO_USER_POOL_ARN"] = {"Fn::GetAtt": [USER_POOL, "Arn"]}
        variables["COGNITO_CLIENT_ID"] = {"Ref": USER_POOL_CLIENT}
    if name == PROCESSING:
        # Claude only where the analysis runs; no secret: the offline analyzer.
        variables["ANTHROPIC_API_KEY_SECRET_ARN"] = {
            "Fn::If": [
                policies.HAS_CLAUDE_SECRET,
                {"Ref": policies.CLAUDE_SECRET_PARAMETER},
                {"Ref": "AWS::NoValue"},
            ]
        }
        variables["ANTHROPIC_MODEL"] = {"Ref": "ClaudeModel"}
    return variables


def merge_template(app: ChaliceApp, asl_text: str) -> Template:
    template: Template = copy.deepcopy(json.loads(RESOURCES_FILE.read_text()))
    resources: dict[str, Any] = template["Resources"]
    functions = app.functions
    endpoint = websocket_endpoint(app.websocket_stage)

    substitutions = definition_substitutions(asl_text, functions)
    state_machine = resources[STATE_MACHINE]["Properties"]
    state_machine["Definition"] = json.loads(asl_text)
    state_machine["DefinitionSubstitutions"] = substitutions
    state_machine.setdefault("Policies", []).insert(
        0,
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "InvokeWorkflowFunctions",
                    "Effect": "Allow",
                    "Action": "lambda:InvokeFunction",
                    "Resource": list(substitutions.values()),
                }
            ],
        },
    )

    ids = [f.logical_id for f in functions]
    # Fails loudly on a function nobody has said the rights of.
    resources.update(policies.function_policies(ids, {f.logical_id for f in functions if f.invoked_async}))
    for function in functions:
        properties = hardening.function_properties(function.logical_id, function.invoked_async)
        properties["Environment"] = {"Variables": environment(function, endpoint)}
        resources[function.logical_id] = {
            "Properties": properties,
            "Metadata": hardening.function_metadata(function.logical_id, function.invoked_async),
        }
        if function.role is not None:
            # The role keeps Chalice's inline policy (.chalice/policy.json: its logs) and gains
            # its own managed policy, nothing shared.
            policy = {"Ref": policies.policy_id(function.logical_id)}
            resources[function.role] = {"Properties": {"ManagedPolicyArns": [policy]}}
    resources.update(observability.log_groups(ids))
    resources.update(observability.alarms(ids, app.api_stage))
    resources.update(observability.dashboard(ids, app.api_stage))
    resources.update(observability.alarm_topic())
    hardening.apis(resources)
    _wire_upload_trigger(resources)
    _wire_push_trigger(resources)
    _wire_webhook_trigger(resources)
    return template


def _wire_upload_trigger(resources: dict[str, Any]) -> None:
    """The event source mapping reads the template's queue (named by the stack, not by app.py),
    reports partial batch failures and caps how many pollers Lambda runs."""
    trigger = resources.get(UPLOAD_TRIGGER)
    if trigger is None:
        raise SystemExit(f"app.py defines no {UPLOAD_TRIGGER} (@app.on_sqs_message) function")
    event = {
        "Properties": {
            # Chalice writes `Fn::Sub` of an ARN built from app.py's queue name; the merge replaces
            # that key's value, so the same key must name the template's own queue.
            "Queue": {"Fn::Sub": f"${{{UPLOADS_QUEUE}.Arn}}"},
            "FunctionResponseTypes": ["ReportBatchItemFailures"],
            "ScalingConfig": {"MaximumConcurrency": {"Ref": "UploadsMaxConcurrency"}},
        }
    }
    trigger["Properties"]["Events"] = {f"{UPLOAD_TRIGGER}SqsEventSource": event}


def _wire_webhook_trigger(resources: dict[str, Any]) -> None:
    """deliver_webhooks reads the template's deliveries queue (one attempt per message; a retry
    is a new, delayed message), reports partial batch failures, and runs at most
    WEBHOOK_MAX_CONCURRENCY at once. A message that keeps failing (our error, never a receiver's)
    goes to the queue's dead-letter queue after 5 receives."""
    trigger = resources.get(WEBHOOK_TRIGGER)
    if trigger is None:
        raise SystemExit(f"app.py defines no {WEBHOOK_TRIGGER} (@app.on_sqs_message) function")
    event = {
        "Properties": {
            "Queue": {"Fn::Sub": f"${{{policies.WEBHOOK_QUEUE}.Arn}}"},
            "FunctionResponseTypes": ["ReportBatchItemFailures"],
            "ScalingConfig": {"MaximumConcurrency": WEBHOOK_MAX_CONCURRENCY},
        }
    }
    trigger["Properties"]["Events"] = {f"{WEBHOOK_TRIGGER}SqsEventSource": event}


def _wire_push_trigger(resources: dict[str, Any]) -> None:
    """push_events reads the workflows table's stream, inserted progress events only.

    Records of one workflow (one partition key) reach it in order, one batch at a time, whatever
    the ParallelizationFactor; no batching window, so a push waits for nothing. A batch that
    keeps failing is retried twice, halved to find the bad record, then reported to the
    failed-invocations queue: its events still reach clients by replay when they reconnect."""
    from chalicelib.aws.event_stream import EVENT_ITEMS_FILTER

    trigger = resources.get(PUSH_TRIGGER)
    if trigger is None:
        raise SystemExit(f"app.py defines no {PUSH_TRIGGER} (@app.on_dynamodb_record) function")
    event = {
        "Type": "DynamoDB",
        "Properties": {
            "Stream": {"Fn::GetAtt": [TABLE, "StreamArn"]},
            "StartingPosition": "LATEST",
            "BatchSize": 100,
            "MaximumBatchingWindowInSeconds": 0,
            "ParallelizationFactor": 10,
            "FilterCriteria": {"Filters": [{"Pattern": json.dumps(EVENT_ITEMS_FILTER)}]},
            "MaximumRetryAttempts": 2,
            "BisectBatchOnFunctionError": True,
            # Older progress is not worth pushing late: a client replays it when it reconnects.
            "MaximumRecordAgeInSeconds": 300,
            "DestinationConfig": {
                "OnFailure": {"Type": "SQS", "Destination": {"Fn::GetAtt": [FAILED_INVOCATIONS_QUEUE, "Arn"]}}
            },
        },
    }
    # Chalice names the event `<Function>DynamodbEventSource`; the merge replaces the whole map.
    trigger["Properties"]["Events"] = {f"{PUSH_TRIGGER}DynamodbEventSource": event}


def check(template: Template) -> None:
    """Fail on what a deep merge gets silently wrong."""
    resources: dict[str, Any] = template["Resources"]
    untyped = sorted(name for name, resource in resources.items() if "Type" not in resource)
    if untyped:
        raise SystemExit(f"The merge template overrides resources Chalice did not generate: {untyped}")
    api = resources.get("RestAPI", {}).get("Properties", {}).get("DefinitionBody", {})
    for path, methods in api.get("paths", {}).items():
        for method, operation in methods.items():
            # A browser's CORS preflight carries no credentials: app.py answers it per origin.
            if method == "options":
                continue
            if not operation.get("security"):
                raise SystemExit(f"{method.upper()} {path} has no authorizer (was AUTH_MODE cognito?)")


def tool(name: str) -> str:
    """A console script of the Python running this file (the venv's), else one on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is not installed (pip install -r requirements-dev.txt)")
    return found


def package(out: Path, stage: str) -> Path:
    # The routes get the Cognito authorizer only when the app is imported in cognito mode.
    os.environ["AUTH_MODE"] = "cognito"
    os.environ.pop("COGNITO_USER_POOL_ARN", None)  # the template binds the authorizer to its pool
    # Chalice wants a region to build its config; none of it lands in the template.
    os.environ.setdefault("AWS_DEFAULT_REGION", os.environ.get("AWS_REGION", "us-east-1"))

    template = merge_template(chalice_app(stage), ASL_FILE.read_text())
    with tempfile.TemporaryDirectory() as scratch, lambda_zip.chalice_project(ROOT) as project:
        merge_file = Path(scratch) / "merge-template.json"
        merge_file.write_text(json.dumps(template, indent=2))
        command = [tool("chalice"), "--project-dir", str(project), "package", "--stage", stage]
        subprocess.run([*command, "--merge-template", str(merge_file), str(out)], check=True)
    # Chalice's zip would hold whatever it could build on this machine: ours is wheels only.
    size = lambda_zip.replace_chalice_zip(out, ROOT)
    print(f"deployment.zip ({lambda_zip.RUNTIME}): {size.describe()}")
    sam_file = out / "sam.json"
    check(json.loads(sam_file.read_text()))
    return sam_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("build/package"), help="output directory")
    parser.add_argument("--stage", default="dev", help="Chalice stage")
    parser.add_argument("--lint", action="store_true", help="then run cfn-lint on the template")
    args = parser.parse_args(argv)

    sam_file = package(args.out.resolve(), args.stage)
    print(f"wrote {sam_file}")
    if args.lint:
        return subprocess.run([tool("cfn-lint"), str(sam_file)], check=False).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
