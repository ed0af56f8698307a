"""Create the table, bucket and state machine on moto from the files that deploy to AWS.

The tables come from `deploy/resources.json` and the state machine from
`stepfunctions/workflow.asl.json`, with the same `${...Arn}` substitutions that the packaged
template makes, so what runs here is what deploys.
"""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path
from typing import Any

from chalice.app import Chalice
from chalice.utils import to_cfn_resource_name

ROOT = Path(__file__).resolve().parent.parent
RESOURCES_FILE = ROOT / "deploy" / "resources.json"
ASL_FILE = ROOT / "stepfunctions" / "workflow.asl.json"
ACCOUNT_ID = "123456789012"
STATE_MACHINE_NAME = "restoreassist-workflow"
PLACEHOLDER = re.compile(r"\$\{(\w+)\}")
TABLE_ARGS = (
    "AttributeDefinitions",
    "KeySchema",
    "GlobalSecondaryIndexes",
    "BillingMode",
    "StreamSpecification",
)


def function_arns(app: Chalice, name_prefix: str, region: str) -> dict[str, str]:
    """`${PhaseInitiationArn}` -> the ARN of Chalice's `phase_initiation` function.

    The variable is the function's CloudFormation logical id (as `chalice package` names it)
    followed by `Arn`, which is also how the deploy template binds it.
    """
    return {
        f"{to_cfn_resource_name(fn.name)}Arn": (
            f"arn:aws:lambda:{region}:{ACCOUNT_ID}:function:{name_prefix}{fn.name}"
        )
        for fn in app.pure_lambda_functions
    }


def render_definition(asl_text: str, substitutions: dict[str, str]) -> str:
    missing = sorted(set(PLACEHOLDER.findall(asl_text)) - set(substitutions))
    if missing:
        raise ValueError(f"The ASL names Lambda functions the app does not define: {missing}")
    return PLACEHOLDER.sub(lambda m: substitutions[m[1]], asl_text)


def table_properties(resource: str = "WorkflowsTable") -> dict[str, Any]:
    resources = json.loads(RESOURCES_FILE.read_text())["Resources"]
    properties: dict[str, Any] = resources[resource]["Properties"]
    return {key: properties[key] for key in TABLE_ARGS if key in properties}


def bucket_cors_rules() -> list[dict[str, Any]]:
    """The template's CORS rules for browser uploads; locally any origin may post."""
    resources = json.loads(RESOURCES_FILE.read_text())["Resources"]
    rules = resources["DocumentsBucket"]["Properties"]["CorsConfiguration"]["CorsRules"]
    return [
        {
            "AllowedMethods": rule["AllowedMethods"],
            "AllowedOrigins": ["*"],
            "AllowedHeaders": rule.get("AllowedHeaders", []),
            "ExposeHeaders": rule.get("ExposedHeaders", []),
            "MaxAgeSeconds": rule.get("MaxAge", 0),
        }
        for rule in rules
    ]


def bucket_versioning() -> dict[str, Any]:
    resources = json.loads(RESOURCES_FILE.read_text())["Resources"]
    versioning: dict[str, Any] = resources["DocumentsBucket"]["Properties"]["VersioningConfiguration"]
    return versioning


def enable_state_machine_execution(endpoint: str) -> None:
    body = json.dumps({"stepfunctions": {"execute_state_machine": True}}).encode()
    request = urllib.request.Request(f"{endpoint}/moto-api/config", data=body, method="POST")
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=10):
        pass


def provision_tables(
    session: Any,
    endpoint: str,
    *,
    table: str,
    connections_table: str,
    audit_table: str,
    webhooks_table: str = "restoreassist-webhooks",
) -> None:
    """The template's tables, those that do not exist yet (again after DynamoDB's process restarts)."""
    dynamodb = session.client("dynamodb", endpoint_url=endpoint)
    existing_tables = dynamodb.list_tables()["TableNames"]
    tables = (
        (table, "WorkflowsTable"),
        (connections_table, "ConnectionsTable"),
        (audit_table, "AuditTable"),
        (webhooks_table, "WebhooksTable"),
    )
    for name, resource in tables:
        if name not in existing_tables:
            properties = table_properties(resource)
            if "StreamSpecification" in properties:
                # CloudFormation enables a stream by its view type; the API wants it said.
                properties["StreamSpecification"] = {
                    **properties["StreamSpecification"],
                    "StreamEnabled": True,
                }
            dynamodb.create_table(TableName=name, **properties)


def provision(
    session: Any,
    endpoint: str,
    *,
    table: str,
    connections_table: str,
    audit_table: str,
    bucket: str,
    definition: str,
    dynamodb_endpoint: str | None = None,
    webhooks_table: str = "restoreassist-webhooks",
) -> str:
    """Make the resources (again, harmlessly, if they exist); returns the state machine ARN.
    `dynamodb_endpoint`: DynamoDB's, when it is not `endpoint` (dynamodb_process.py)."""
    enable_state_machine_execution(endpoint)
    tables = {
        "table": table,
        "connections_table": connections_table,
        "audit_table": audit_table,
        "webhooks_table": webhooks_table,
    }
    provision_tables(session, dynamodb_endpoint or endpoint, **tables)
    s3 = session.client("s3", endpoint_url=endpoint)
    s3.create_bucket(Bucket=bucket)
    s3.put_bucket_cors(Bucket=bucket, CORSConfiguration={"CORSRules": bucket_cors_rules()})
    # Versioned as on AWS: a workflow reads the version it received (core/uploads.py).
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration=bucket_versioning())
    sfn = session.client("stepfunctions", endpoint_url=endpoint)
    machines = sfn.list_state_machines()["stateMachines"]
    existing: dict[str, str] = {m["name"]: m["stateMachineArn"] for m in machines}
    if STATE_MACHINE_NAME in existing:
        arn = existing[STATE_MACHINE_NAME]
        sfn.update_state_machine(stateMachineArn=arn, definition=definition)
        return arn
    created = sfn.create_state_machine(
        name=STATE_MACHINE_NAME,
        definition=definition,
        roleArn=f"arn:aws:iam::{ACCOUNT_ID}:role/restoreassist-workflow",
        type="STANDARD",
    )
    return str(created["stateMachineArn"])


def provision_queue(session: Any, endpoint: str, name: str, resource: str) -> tuple[str, str]:
    """The template's queue `resource` on moto, by `name` (its visibility timeout as deployed):
    its URL and ARN."""
    properties = json.loads(RESOURCES_FILE.read_text())["Resources"][resource]["Properties"]
    sqs = session.client("sqs", endpoint_url=endpoint)
    url = sqs.create_queue(
        QueueName=name, Attributes={"VisibilityTimeout": str(properties.get("VisibilityTimeout", 30))}
    )["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return str(url), str(arn)
