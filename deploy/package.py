"""Package the app for AWS: `chalice package` merged with our own resources, as one SAM template.

    python deploy/package.py [--out build/package] [--stage dev] [--lint]

The merge template is `deploy/resources.json` plus what is derived here, so nothing is copied by
hand: the state machine's definition is inlined from `stepfunctions/workflow.asl.json`, each
`${XArn}` in it is bound to `Fn::GetAtt [X, Arn]` of the Chalice function `X`, and every Chalice
function gets its environment and its role's policies (the API handler one more, to drive the
workflow). Every function but the authorizer also gets what it needs to push progress to WebSocket
clients: the connections table, the WebSocket API's management endpoint (`WEBSOCKET_ENDPOINT`,
built from Chalice's `WebsocketAPI` and the stage Chalice gives it) and `ProgressPushPolicy`.
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

API_HANDLER = "APIHandler"  # the logical id `chalice package` gives the REST API's function
UPLOAD_TRIGGER = "UploadReceived"  # app.py's @app.on_sqs_message(name="upload_received")
# Functions that start or stop executions; the state machine never depends on them.
WORKFLOW_DRIVERS = frozenset({API_HANDLER, UPLOAD_TRIGGER})
UPLOADS_QUEUE = "UploadsQueue"
CONSUME_POLICY = "UploadsConsumePolicy"
AUTHORIZER = "VerifyCaller"  # app.py's @app.authorizer verify_caller
USER_POOL_CLIENT = "UserPoolClient"
API_KEY_POLICY = "ApiKeyCheckPolicy"
STATE_MACHINE = "WorkflowStateMachine"
TABLE = "WorkflowsTable"
BUCKET = "DocumentsBucket"
USER_POOL = "UserPool"
DATA_POLICY = "WorkflowDataPolicy"
CONTROL_POLICY = "WorkflowControlPolicy"
# The logical id `chalice package` gives the API of app.py's @app.on_ws_* handlers (fixed, like
# its handlers' WebsocketConnect / WebsocketMessage / WebsocketDisconnect).
WEBSOCKET_API = "WebsocketAPI"
WEBSOCKET_CONNECT = "WebsocketConnect"  # app.py's @app.on_ws_connect
CONNECTIONS_TABLE = "ConnectionsTable"
PUSH_POLICY = "ProgressPushPolicy"

Template = dict[str, Any]


@dataclass(frozen=True)
class Function:
    """A Lambda function of the Chalice app, by its logical ids in the packaged template."""

    logical_id: str
    role: str | None  # None if Chalice does not manage the role


@dataclass(frozen=True)
class ChaliceApp:
    """What `chalice package` will generate that the merge template must know about."""

    functions: list[Function]
    websocket_stage: str | None  # the WebSocket API's stage; None if app.py has no @app.on_ws_*


def chalice_app(stage: str) -> ChaliceApp:
    """The functions and WebSocket API `chalice package` will generate, from Chalice's own
    application graph."""
    from chalice.cli.factory import CLIFactory
    from chalice.deploy import models
    from chalice.deploy.appgraph import ApplicationGraphBuilder, DependencyBuilder
    from chalice.utils import to_cfn_resource_name

    config = CLIFactory(str(ROOT)).create_config_obj(chalice_stage_name=stage)
    graph = ApplicationGraphBuilder().build(config, stage)
    functions = []
    websocket_stage = None
    for resource in DependencyBuilder().build_dependencies(graph):
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
            )
        )
    return ChaliceApp(functions=functions, websocket_stage=websocket_stage)


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

    for function in functions:
        drives = function.logical_id in WORKFLOW_DRIVERS
        variables: dict[str, Any] = {
            "TABLE_NAME": {"Ref": TABLE},
            "BUCKET_NAME": {"Ref": BUCKET},
            # Every function that writes a workflow pushes its progress to subscribed clients.
            "CONNECTIONS_TABLE_NAME": {"Ref": CONNECTIONS_TABLE},
            "WEBSOCKET_ENDPOINT": copy.deepcopy(endpoint),
            # INITIATION reads GuardDuty's verdict tags (MalwareProtectionPlan in resources.json).
            "MALWARE_SCAN": "guardduty",
        }
        if drives:
            # Only these: the state machine depends on the phase functions.
            variables["STATE_MACHINE_ARN"] = {"Ref": STATE_MACHINE}
        if function.logical_id == API_HANDLER:
            # API Gateway's Cognito authorizer does not check the app client; the route does.
            variables["COGNITO_CLIENT_ID"] = {"Ref": USER_POOL_CLIENT}
        if function.logical_id == WEBSOCKET_CONNECT:
            # API Gateway has no Cognito authorizer for a WebSocket $connect: the handler
            # verifies the ?token= itself, as verify_caller does.
            variables["COGNITO_USER_POOL_ARN"] = {"Fn::GetAtt": [USER_POOL, "Arn"]}
            variables["COGNITO_CLIENT_ID"] = {"Ref": USER_POOL_CLIENT}
        if function.logical_id == AUTHORIZER:
            # It verifies Cognito JWTs and API keys; it touches no document and no workflow.
            variables = {
                "TABLE_NAME": {"Ref": TABLE},
                "COGNITO_USER_POOL_ARN": {"Fn::GetAtt": [USER_POOL, "Arn"]},
                "COGNITO_CLIENT_ID": {"Ref": USER_POOL_CLIENT},
            }
        resources[function.logical_id] = {"Properties": {"Environment": {"Variables": variables}}}
        if function.role is None:
            continue
        # The role keeps Chalice's inline policy (.chalice/policy.json: its logs) and gains ours.
        if function.logical_id == AUTHORIZER:
            resources[function.role] = {"Properties": {"ManagedPolicyArns": [{"Ref": API_KEY_POLICY}]}}
            continue
        policies = [{"Ref": DATA_POLICY}, {"Ref": PUSH_POLICY}]
        if drives:
            policies.append({"Ref": CONTROL_POLICY})
        if function.logical_id == UPLOAD_TRIGGER:
            policies.append({"Ref": CONSUME_POLICY})
        resources[function.role] = {"Properties": {"ManagedPolicyArns": policies}}
    _wire_upload_trigger(resources)
    return template


def _wire_upload_trigger(resources: dict[str, Any]) -> None:
    """Chalice names the queue by its name (app.py's UPLOADS_QUEUE, the template's QueueName);
    the event source mapping must wait for the queue and report partial batch failures."""
    trigger = resources.get(UPLOAD_TRIGGER)
    if trigger is None:
        raise SystemExit(f"app.py defines no {UPLOAD_TRIGGER} (@app.on_sqs_message) function")
    trigger["DependsOn"] = [UPLOADS_QUEUE]
    event = {"Properties": {"FunctionResponseTypes": ["ReportBatchItemFailures"]}}
    trigger["Properties"]["Events"] = {f"{UPLOAD_TRIGGER}SqsEventSource": event}


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
