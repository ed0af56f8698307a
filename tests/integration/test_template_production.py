"""The packaged template as production needs it (issue #18): names from the stack, per-function
least privilege, the Claude secret, data lifecycle, logs, tracing, alarms, dashboard, concurrency.

Reads build/package/sam.json (`make package`), as test_packaged_template.py does; the two-stage
test packages the prod stage itself.
"""

from __future__ import annotations

import fnmatch
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.sam_template import (
    FUNCTION_TYPES,
    ROOT,
    as_list,
    getatt_target,
    load_packaged_template,
    policy_statements,
    resources_of,
    role_of,
)

API_HANDLER = "APIHandler"
PROCESSING = "PhaseProcessing"
TABLE = "WorkflowsTable"
AUDIT_TABLE = "AuditTable"
# The internet-facing handlers and the ones that parse untrusted files.
EXPOSED = ("WebsocketConnect", "WebsocketMessage", "WebsocketDisconnect", "PhaseInitiation", "UploadReceived")
# Properties that name a resource in its account and region.
NAME_PROPERTIES = {
    "QueueName",
    "TableName",
    "BucketName",
    "FunctionName",
    "LogGroupName",
    "TopicName",
    "Name",
    "UserPoolName",
    "ClientName",
    "StateMachineName",
    "RoleName",
    "ManagedPolicyName",
    "DashboardName",
    "AlarmName",
    "AliasName",
    "SecretName",
}
# Resources whose `Name` is not unique in an account (or names something else).
NAME_IS_NOT_PHYSICAL = {"AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Integration"}
# `${X}` / `${X.Name}` in a Sub, `{"Ref": X}`, `{"Fn::GetAtt": [X, attribute]}`
REFERENCES = (
    r"\$\{([A-Za-z0-9]+)[^}]*\}",
    r'\{"Ref": "([A-Za-z0-9]+)"\}',
    r'\{"Fn::GetAtt": \["([A-Za-z0-9]+)", "[A-Za-z.]+"\]\}',
)
AUDIT_TAMPERING = {
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:BatchWriteItem",
    "dynamodb:PartiQLUpdate",
    "dynamodb:PartiQLDelete",
}


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return load_packaged_template()


def functions_of(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    functions = resources_of(template, *FUNCTION_TYPES)
    assert len(functions) >= 13, sorted(functions)
    return functions


def statements_of(template: dict[str, Any], function: str) -> list[dict[str, Any]]:
    """Every statement of the managed policies attached to the function's role."""
    attached = {p["Ref"] for p in role_of(template, function).get("ManagedPolicyArns", [])}
    return [s for owner, s in policy_statements(template) if owner in attached]


def resource_name(resource: Any) -> str:
    """`{"Fn::GetAtt": [X, Arn]}`, `{"Fn::Sub": "${X.Arn}/..."}`, `{"Ref": X}` -> X (+ the path)."""
    if isinstance(resource, dict) and "Fn::GetAtt" in resource:
        return str(getatt_target(resource))
    if isinstance(resource, dict) and "Fn::Sub" in resource:
        return re.sub(r"\$\{([A-Za-z0-9]+)\.Arn\}", r"\1", str(resource["Fn::Sub"]))
    if isinstance(resource, dict) and "Ref" in resource:
        return str(resource["Ref"])
    return str(resource)


def allows(
    statements: list[dict[str, Any]], action: str, resource: str, leading_key: str | None = None
) -> bool:
    """Whether the statements allow `action` on `resource` (a logical id, or `Bucket/prefix/key`),
    for an item whose partition key is `leading_key`, with no explicit Deny winning."""

    def matches(statement: dict[str, Any]) -> bool:
        actions = as_list(statement.get("Action", []))
        if not any(fnmatch.fnmatchcase(action, a) for a in actions):
            return False
        if not any(fnmatch.fnmatchcase(resource, resource_name(r)) for r in as_list(statement["Resource"])):
            return False
        for operator, conditions in statement.get("Condition", {}).items():
            patterns = conditions.get("dynamodb:LeadingKeys")
            if patterns is None:
                continue
            assert operator.endswith("StringLike"), operator
            if leading_key is None or not any(fnmatch.fnmatchcase(leading_key, p) for p in patterns):
                return False
        return True

    allowed = any(s["Effect"] == "Allow" and matches(s) for s in statements)
    denied = any(s["Effect"] == "Deny" and matches(s) for s in statements)
    return allowed and not denied


# --- 1. names from the stack ---------------------------------------------------------------


def physical_names(template: dict[str, Any], stack_name: str) -> dict[str, str]:
    """Each resource's physical name(s) as deployed in a stack called `stack_name`; names
    CloudFormation generates (a Ref to another resource) are unique to the stack."""
    names = {}
    for logical_id, resource in template["Resources"].items():
        if resource["Type"] in NAME_IS_NOT_PHYSICAL:
            continue
        for key, value in resource.get("Properties", {}).items():
            if key not in NAME_PROPERTIES:
                continue
            text = json.dumps(value).replace("${AWS::StackName}", stack_name)
            text = text.replace('{"Ref": "AWS::StackName"}', stack_name)
            # A reference to a resource resolves to a name CloudFormation made for this stack.
            text = re.sub(r"\$\{([A-Za-z0-9]+)[^}]*\}", rf"<{stack_name}:\1>", text)
            text = re.sub(r'\{"Ref": "([A-Za-z0-9]+)"\}', rf"<{stack_name}:\1>", text)
            text = re.sub(
                r'\{"Fn::GetAtt": \["([A-Za-z0-9]+)", "[A-Za-z.]+"\]\}', rf"<{stack_name}:\1>", text
            )
            names[f"{logical_id}.{key}"] = text
    return names


def test_no_resource_has_a_literal_physical_name(template: dict[str, Any]) -> None:
    # Given every named resource, as deployed in a stack called "one"
    names = physical_names(template, "one")
    assert "UserPool.UserPoolName" in names  # the detector sees names

    # Then each name comes from the stack (its name or a resource CloudFormation named)
    literal = {where: name for where, name in names.items() if "one" not in name}
    assert literal == {}


@pytest.fixture(scope="module")
def prod_template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out: Path = tmp_path_factory.mktemp("package-prod")
    subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "package.py"), "--stage", "prod", "--out", str(out)],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    loaded: dict[str, Any] = json.loads((out / "sam.json").read_text())
    return loaded


@pytest.mark.xdist_group("package-prod")
def test_two_stages_packaged_side_by_side_share_no_physical_name(
    template: dict[str, Any], prod_template: dict[str, Any]
) -> None:
    # Given the dev and prod stages, packaged from the same checkout
    assert "stage=prod" in json.dumps(prod_template["Resources"][API_HANDLER]["Properties"]["Tags"])
    assert "stage=dev" in json.dumps(template["Resources"][API_HANDLER]["Properties"]["Tags"])

    # When each is deployed as its own stack in one account and region
    dev = set(physical_names(template, "restoreassist-dev").values())
    prod = set(physical_names(prod_template, "restoreassist-prod").values())

    # Then no physical name is taken twice
    assert dev and prod
    assert dev & prod == set()


# --- 2. CORS and 3. the Claude key ------------------------------------------------------


def test_allowed_origins_reach_the_api_and_the_bucket(template: dict[str, Any]) -> None:
    parameter = template["Parameters"]["AllowedOrigins"]
    assert parameter["Type"] == "CommaDelimitedList"
    assert "Default" not in parameter  # a deploy names its web app's origins
    variables = template["Resources"][API_HANDLER]["Properties"]["Environment"]["Variables"]
    # chalicelib/api/cors.py reads a comma-separated list of exact origins: the parameter's, and
    # the stack's own dashboard (served by its CloudFront distribution)
    dashboard = {"Fn::Sub": "https://${WebDistribution.DomainName}"}
    origins = {"Fn::Join": [",", [{"Fn::Join": [",", {"Ref": "AllowedOrigins"}]}, dashboard]]}
    assert variables["CORS_ALLOWED_ORIGINS"] == origins
    (rule,) = template["Resources"]["DocumentsBucket"]["Properties"]["CorsConfiguration"]["CorsRules"]
    assert rule["AllowedOrigins"] == {"Fn::Split": [",", origins]}


def test_only_processing_gets_the_claude_secret_and_only_when_one_is_given(template: dict[str, Any]) -> None:
    # Given the secret's parameter and its condition
    assert template["Parameters"]["ClaudeApiKeySecretArn"]["Default"] == ""
    condition = template["Conditions"]["HasClaudeSecret"]
    assert condition == {"Fn::Not": [{"Fn::Equals": [{"Ref": "ClaudeApiKeySecretArn"}, ""]}]}

    # When every function's environment and policies are read
    functions = functions_of(template)
    with_variable = {
        name
        for name, f in functions.items()
        if "ANTHROPIC_API_KEY_SECRET_ARN" in f["Properties"]["Environment"]["Variables"]
    }
    readers = {
        name
        for name in functions
        if allows(statements_of(template, name), "secretsmanager:GetSecretValue", "ClaudeApiKeySecretArn")
    }

    # Then PROCESSING alone has the variable (absent without a secret) ...
    assert with_variable == {PROCESSING}
    variable = functions[PROCESSING]["Properties"]["Environment"]["Variables"]["ANTHROPIC_API_KEY_SECRET_ARN"]
    assert variable == {
        "Fn::If": ["HasClaudeSecret", {"Ref": "ClaudeApiKeySecretArn"}, {"Ref": "AWS::NoValue"}]
    }
    # ... and alone may read the secret, exactly that one, under the same condition
    assert readers == {PROCESSING}
    document = template["Resources"][f"{PROCESSING}Access"]["Properties"]["PolicyDocument"]["Statement"]
    conditioned = [s for s in document if "Fn::If" in s]
    (read,) = [s["Fn::If"][1] for s in conditioned if "secretsmanager:GetSecretValue" in json.dumps(s)]
    assert read["Action"] == "secretsmanager:GetSecretValue"
    assert read["Resource"] == {"Ref": "ClaudeApiKeySecretArn"}
    assert all(
        s["Fn::If"][0] == "HasClaudeSecret" and s["Fn::If"][2] == {"Ref": "AWS::NoValue"} for s in conditioned
    )
    # ... its key only through Secrets Manager
    (decrypt,) = [s["Fn::If"][1] for s in conditioned if "kms:Decrypt" in json.dumps(s)]
    assert "kms:ViaService" in decrypt["Condition"]["StringEquals"]


# --- 4. least privilege -------------------------------------------------------------------


def test_each_function_has_its_own_policy_and_shares_none(template: dict[str, Any]) -> None:
    attached = {name: role_of(template, name).get("ManagedPolicyArns", []) for name in functions_of(template)}
    for name, policies in attached.items():
        assert policies == [{"Ref": f"{name}Access"}], name
        assert template["Resources"][f"{name}Access"]["Type"] == "AWS::IAM::ManagedPolicy"


@pytest.mark.parametrize("function", EXPOSED)
def test_exposed_functions_cannot_mint_api_keys_or_delete_documents(
    template: dict[str, Any], function: str
) -> None:
    # Given the policy of a function that faces the internet or parses untrusted files
    statements = statements_of(template, function)
    assert statements

    # Then it cannot write an API key ...
    for action in (
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:DeleteItem",
        "dynamodb:BatchWriteItem",
    ):
        assert not allows(statements, action, TABLE, "APIKEY#key_1"), action
        assert not allows(statements, action, TABLE, "WF#wf_1") or action in (
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
        )
    # ... nor delete any document or version of one, in any prefix; the upload trigger alone may
    # remove one version under uploads/ (an upload nothing will read, docs/adr/01B), never make a
    # delete marker, never list versions
    for prefix in ("inputs", "uploads", "work", "reports", "photos", "company"):
        for action in ("s3:DeleteObject", "s3:DeleteObjectVersion"):
            if (function, prefix, action) == ("UploadReceived", "uploads", "s3:DeleteObjectVersion"):
                continue
            assert not allows(statements, action, f"DocumentsBucket/{prefix}/alice/wf_1/x"), (action, prefix)
    assert not allows(statements, "s3:ListBucketVersions", "DocumentsBucket")
    # ... nor start, stop or resume another workflow (the upload trigger starts the one it received)
    assert not allows(statements, "states:StopExecution", "*")
    assert not allows(statements, "states:SendTaskSuccess", "WorkflowStateMachine")


def test_the_api_handler_may_do_what_its_routes_do(template: dict[str, Any]) -> None:
    # The policy is not so tight that the API breaks: a sample of what its routes need
    statements = statements_of(template, API_HANDLER)
    assert allows(statements, "dynamodb:PutItem", TABLE, "APIKEY#key_1")
    assert allows(statements, "dynamodb:DeleteItem", TABLE, "WF#wf_1")
    assert allows(statements, "dynamodb:UpdateItem", TABLE, "RATE#USER#alice")
    # POST /workflows: the creator's settings and membership in one read
    assert allows(statements, "dynamodb:BatchGetItem", TABLE, "SETTINGS#alice")
    assert allows(statements, "dynamodb:BatchGetItem", TABLE, "PERSON#alice")
    assert not allows(statements, "dynamodb:BatchGetItem", TABLE, "APIKEY#key_1")
    assert allows(statements, "dynamodb:PartiQLInsert", AUDIT_TABLE)
    assert allows(statements, "s3:PutObject", "DocumentsBucket/uploads/alice/wf_1/notes.pdf")
    assert allows(statements, "s3:DeleteObjectVersion", "DocumentsBucket/reports/alice/wf_1/report.pdf")
    assert allows(statements, "states:StartExecution", "WorkflowStateMachine")
    # ... but not through its item grants to another family's items
    assert not allows(statements, "dynamodb:DeleteItem", TABLE, "APIKEY#key_1")


def test_no_role_may_overwrite_change_or_delete_an_audit_entry_and_only_the_api_appends(
    template: dict[str, Any],
) -> None:
    # Given every function's policy
    functions = functions_of(template)
    for name in functions:
        statements = statements_of(template, name)
        # Then no action that could replace, change or delete an item is allowed on the audit
        # table, or on the legacy AUDIT# items of the workflows table ...
        for action in sorted(AUDIT_TAMPERING):
            assert not allows(statements, action, AUDIT_TABLE), (name, action)
            assert not allows(statements, action, TABLE, "AUDIT#alice"), (name, action)
        # ... because every policy denies them explicitly (a Deny wins over any Allow added later)
        denies = [
            s
            for s in statements
            if s["Effect"] == "Deny" and resource_name(as_list(s["Resource"])[0]) == AUDIT_TABLE
        ]
        assert denies and set(as_list(denies[0]["Action"])) >= AUDIT_TAMPERING, name
        # ... and only the API handler appends, with an INSERT (which fails on an existing key)
        assert allows(statements, "dynamodb:PartiQLInsert", AUDIT_TABLE) is (name == API_HANDLER), name
    # Nothing else in the template grants anything on the audit table, and what the API handler
    # may do there is exactly append and read
    grants = [
        (owner, s)
        for owner, s in policy_statements(template)
        if s["Effect"] == "Allow" and AUDIT_TABLE in json.dumps(s.get("Resource"))
    ]
    assert [owner for owner, _ in grants] == [f"{API_HANDLER}Access"]
    assert sorted(as_list(grants[0][1]["Action"])) == ["dynamodb:PartiQLInsert", "dynamodb:Query"]
    # The table's own policy denies the same to every principal of the account, not just our roles
    audit = template["Resources"][AUDIT_TABLE]
    (deny,) = audit["Properties"]["ResourcePolicy"]["PolicyDocument"]["Statement"]
    assert deny["Effect"] == "Deny" and deny["Principal"] == "*"
    assert set(deny["Action"]) >= AUDIT_TAMPERING
    assert deny["Resource"]["Fn::Sub"].endswith(":table/" + audit["Properties"]["TableName"]["Fn::Sub"])
    assert audit["DeletionPolicy"] == "Retain"
    assert audit["Properties"]["DeletionProtectionEnabled"] is True
    assert audit["Properties"]["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    # The API handler finds it by name
    variables = template["Resources"][API_HANDLER]["Properties"]["Environment"]["Variables"]
    assert variables["AUDIT_TABLE_NAME"] == {"Ref": AUDIT_TABLE}


# --- 5. data lifecycle --------------------------------------------------------------------


def test_the_workflows_table_expires_items_on_the_attribute_the_adapters_write(
    template: dict[str, Any],
) -> None:
    ttl = template["Resources"][TABLE]["Properties"]["TimeToLiveSpecification"]
    assert ttl["Enabled"] is True
    # The rate buckets write it (chalicelib/aws/rate_buckets.py), and nothing else in the table does
    source = (ROOT / "chalicelib" / "aws" / "rate_buckets.py").read_text()
    assert f'"{ttl["AttributeName"]}": expires_at' in source
    connections = template["Resources"]["ConnectionsTable"]["Properties"]["TimeToLiveSpecification"]
    assert connections == {"AttributeName": "expiresAt", "Enabled": True}


def test_old_versions_expire_within_days_and_only_deleters_may_delete_versions(
    template: dict[str, Any],
) -> None:
    bucket = template["Resources"]["DocumentsBucket"]["Properties"]
    rules = {rule["Id"]: rule for rule in bucket["LifecycleConfiguration"]["Rules"]}
    everything = rules["ForgetOldVersions"]
    assert "Prefix" not in everything and everything["Status"] == "Enabled"
    assert everything["NoncurrentVersionExpiration"]["NoncurrentDays"] == {"Ref": "NoncurrentVersionDays"}
    assert 1 <= template["Parameters"]["NoncurrentVersionDays"]["Default"] <= 7
    assert everything["ExpiredObjectDeleteMarker"] is True
    assert bucket["VersioningConfiguration"] == {"Status": "Enabled"}
    # Deleting every version of a workflow's documents is the API handler's alone
    deleters = {
        name
        for name in functions_of(template)
        if allows(
            statements_of(template, name), "s3:DeleteObjectVersion", "DocumentsBucket/work/alice/wf_1/x"
        )
    }
    assert deleters == {API_HANDLER}
    # ... and removing one upload version nothing will read is the upload trigger's, besides
    upload_deleters = {
        name
        for name in functions_of(template)
        if allows(
            statements_of(template, name), "s3:DeleteObjectVersion", "DocumentsBucket/uploads/alice/wf_1/x"
        )
    }
    assert upload_deleters == {API_HANDLER, "UploadReceived"}
    listers = {
        name
        for name in functions_of(template)
        if allows(statements_of(template, name), "s3:ListBucketVersions", "DocumentsBucket")
    }
    assert listers == {API_HANDLER}


# --- 6. operations -----------------------------------------------------------------------


def test_every_function_logs_to_its_own_group_with_retention_and_a_key(template: dict[str, Any]) -> None:
    groups = {
        json.dumps(g["Properties"]["LogGroupName"]): g["Properties"]
        for g in resources_of(template, "AWS::Logs::LogGroup").values()
        if "LogGroupName" in g["Properties"]
    }
    for name in functions_of(template):
        group = groups[json.dumps({"Fn::Sub": f"/aws/lambda/${{{name}}}"})]
        assert group["RetentionInDays"] == {"Ref": "LogRetentionDays"}
        assert getatt_target(group["KmsKeyId"]) == "OperationsKey"
    assert template["Parameters"]["LogRetentionDays"]["Default"] == 90
    # Lambda cannot make a group of its own without retention before the template's exists
    chalice_policy = json.loads((ROOT / ".chalice" / "policy.json").read_text())
    assert "logs:CreateLogGroup" not in json.dumps(chalice_policy)


def test_functions_the_state_machine_and_the_apis_are_traced_and_logged(template: dict[str, Any]) -> None:
    for name, function in functions_of(template).items():
        properties = function["Properties"]
        assert properties["Tracing"] == "Active", name
        # per stack, so two stages' alarms watch their own metrics
        namespace = properties["Environment"]["Variables"]["POWERTOOLS_METRICS_NAMESPACE"]
        assert namespace == {"Fn::Sub": "RestoreAssist/${AWS::StackName}"}, name
        assert getatt_target(properties["KmsKeyArn"]) == "OperationsKey", name
    machine = template["Resources"]["WorkflowStateMachine"]["Properties"]
    assert machine["Tracing"] == {"Enabled": True}
    rest = template["Resources"]["RestAPI"]["Properties"]
    assert rest["TracingEnabled"] is True
    assert getatt_target(rest["AccessLogSetting"]["DestinationArn"]) == "ApiAccessLogGroup"
    assert "$context.requestId" in rest["AccessLogSetting"]["Format"]
    websocket = template["Resources"]["WebsocketAPIStage"]["Properties"]
    assert getatt_target(websocket["AccessLogSettings"]["DestinationArn"]) == "WebsocketAccessLogGroup"


def alarm_metrics(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: alarm["Properties"] for name, alarm in resources_of(template, "AWS::CloudWatch::Alarm").items()
    }


def test_alarms_cover_each_failure_and_notify_the_encrypted_topic(template: dict[str, Any]) -> None:
    alarms = alarm_metrics(template)
    topic = template["Resources"]["AlarmTopic"]
    assert topic["Type"] == "AWS::SNS::Topic"
    assert topic["Properties"]["KmsMasterKeyId"] == {"Ref": "OperationsKey"}
    for name, alarm in alarms.items():
        assert alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}], name

    def watched(namespace: Any, metric: str) -> list[dict[str, Any]]:
        return [
            {d["Name"]: d["Value"] for d in a["Dimensions"]}
            for a in alarms.values()
            if a["Namespace"] == namespace and a["MetricName"] == metric
        ]

    assert {"QueueName": {"Fn::GetAtt": ["UploadsDeadLetterQueue", "QueueName"]}} in watched(
        "AWS/SQS", "ApproximateNumberOfMessagesVisible"
    )
    machine = {"StateMachineArn": {"Ref": "WorkflowStateMachine"}}
    assert watched("AWS/States", "ExecutionsFailed") == [machine]
    assert watched("AWS/States", "ExecutionsTimedOut") == [machine]
    (api,) = watched("AWS/ApiGateway", "5XXError")
    rest = template["Resources"]["RestAPI"]["Properties"]
    assert api["ApiName"] == rest["Name"] == rest["DefinitionBody"]["info"]["title"]
    assert "${AWS::StackName}" in json.dumps(api["ApiName"])
    per_stack = {"Fn::Sub": "RestoreAssist/${AWS::StackName}"}
    assert watched(per_stack, "ReviewsOverdue") == [{"service": "restoreassist-orchestrator"}]
    functions = {json.dumps({"FunctionName": {"Ref": name}}) for name in functions_of(template)}
    assert {json.dumps(d) for d in watched("AWS/Lambda", "Throttles")} == functions
    # A phase's Lambda errors include the ones that steer its workflow (a pause raises): its alarm
    # watches the runtime's PhaseErrors, the unexpected ones; every other function, Lambda's Errors
    phases = {"PhaseInitiation", "PhaseProcessing", "PhaseQa", "PhaseOutput"}
    others = {
        json.dumps({"FunctionName": {"Ref": name}}) for name in functions_of(template) if name not in phases
    }
    assert {json.dumps(d) for d in watched("AWS/Lambda", "Errors")} == others
    assert sorted(d["phase"] for d in watched(per_stack, "PhaseErrors")) == [
        "INITIATION",
        "OUTPUT",
        "PROCESSING",
        "QA",
    ]
    # An e-mail subscription only when an address is given
    subscription = template["Resources"]["AlarmEmailSubscription"]
    assert subscription["Condition"] == "HasAlarmEmail"
    assert subscription["Properties"]["Endpoint"] == {"Ref": "AlarmEmail"}
    # The key lets CloudWatch publish to the encrypted topic
    key_policy = template["Resources"]["OperationsKey"]["Properties"]["KeyPolicy"]["Statement"]
    assert any(s.get("Principal") == {"Service": "cloudwatch.amazonaws.com"} for s in key_policy)


def test_the_dashboard_shows_the_workflow_metrics_and_the_alarms_signals(template: dict[str, Any]) -> None:
    (dashboard,) = resources_of(template, "AWS::CloudWatch::Dashboard").values()
    body = json.loads(dashboard["Properties"]["DashboardBody"]["Fn::Sub"])
    text = json.dumps(body)
    for metric in (
        "WorkflowsStarted",
        "WorkflowsCompleted",
        "WorkflowsFailed",
        "WorkflowsInReview",
        "PhaseDuration",
        "QaOutcome",
        "ClaudeTokens",
        "ClaudeCostUsd",
        "ReviewsOverdue",
        "ExecutionsFailed",
        "5XXError",
        "ApproximateNumberOfMessagesVisible",
        "Throttles",
    ):
        assert metric in text, metric
    for name in functions_of(template):
        assert f"${{{name}}}" in text, name


# --- 7. concurrency and encryption ----------------------------------------------------------


def test_processing_is_capped_and_the_upload_trigger_scales_within_a_limit(template: dict[str, Any]) -> None:
    functions = functions_of(template)
    reserved = {n for n, f in functions.items() if "ReservedConcurrentExecutions" in f["Properties"]}
    assert reserved == {PROCESSING}
    assert functions[PROCESSING]["Properties"]["ReservedConcurrentExecutions"] == {
        "Ref": "ProcessingConcurrency"
    }
    assert template["Parameters"]["ProcessingConcurrency"]["Default"] == 10
    (event,) = functions["UploadReceived"]["Properties"]["Events"].values()
    assert event["Properties"]["ScalingConfig"] == {"MaximumConcurrency": {"Ref": "UploadsMaxConcurrency"}}


def test_queues_are_encrypted_with_the_customer_key_and_tables_backed_up(template: dict[str, Any]) -> None:
    for name, queue in resources_of(template, "AWS::SQS::Queue").items():
        assert queue["Properties"]["KmsMasterKeyId"] == {"Ref": "OperationsKey"}, name
    for name, table in resources_of(template, "AWS::DynamoDB::Table").items():
        pitr = table["Properties"]["PointInTimeRecoverySpecification"]
        assert pitr == {"PointInTimeRecoveryEnabled": True}, name
    for name, group in resources_of(template, "AWS::Logs::LogGroup").items():
        assert getatt_target(group["Properties"]["KmsKeyId"]) == "OperationsKey", name


# --- 8. checkov ----------------------------------------------------------------------------


def test_every_checkov_skip_says_why(template: dict[str, Any]) -> None:
    skips = [
        (name, skip)
        for name, resource in template["Resources"].items()
        for skip in resource.get("Metadata", {}).get("checkov", {}).get("skip", [])
    ]
    assert skips
    for name, skip in skips:
        assert re.fullmatch(r"CKV2?_AWS_\d+", skip["id"]), (name, skip)
        assert len(skip.get("comment", "")) >= 40, (name, skip)


def test_initiation_may_read_the_upload_version_it_was_given_and_its_scan_verdict(
    template: dict[str, Any],
) -> None:
    # INITIATION reads the version recorded at receipt (GetObject with VersionId), and GuardDuty's
    # tags of that version; under uploads/ only
    statements = statements_of(template, "PhaseInitiation")
    for action in ("s3:GetObjectVersion", "s3:GetObjectVersionTagging"):
        assert allows(statements, action, "DocumentsBucket/uploads/alice/wf_1/f0123456789abcdef/r.pdf"), (
            action
        )
        assert not allows(statements, action, "DocumentsBucket/reports/alice/wf_1/report.pdf"), action
