"""The packaged SAM template (`build/package/sam.json`, made by `deploy/package.py`).

`make test` builds it before pytest runs. Run alone, these tests skip when it is missing, except
under CI (CI=true), where a missing template is a failure.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.sam_template import (
    FUNCTION_TYPES,
    ROOT,
    as_list,
    getatt_target,
    is_guarded_write,
    load_packaged_template,
    policy_statements,
    resources_of,
    role_of,
    websocket_api,
)

RESOURCES_FILE = ROOT / "deploy" / "resources.json"
ASL_FILE = ROOT / "stepfunctions" / "workflow.asl.json"
API_HANDLER = "APIHandler"
UPLOAD_TRIGGER = "UploadReceived"
AUTHORIZER = "VerifyCaller"
CONNECTIONS_TABLE = "ConnectionsTable"


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return load_packaged_template()


def test_every_asl_placeholder_is_bound_to_a_function_of_the_template(template: dict[str, Any]) -> None:
    # Given the ASL file's `${...}` placeholders and the packaged state machine
    asl_text = ASL_FILE.read_text()
    placeholders = set(re.findall(r"\$\{(\w+)\}", asl_text))
    machines = resources_of(template, "AWS::Serverless::StateMachine")
    assert placeholders, "the ASL names no functions: is this the right file?"
    assert len(machines) == 1
    (machine,) = machines.values()
    properties = machine["Properties"]

    # When each placeholder is looked up in its DefinitionSubstitutions
    substitutions = properties["DefinitionSubstitutions"]
    targets = {name: getatt_target(substitutions.get(name)) for name in placeholders}

    # Then each is the Arn of a Lambda function the template defines
    functions = resources_of(template, *FUNCTION_TYPES)
    assert {name: t for name, t in targets.items() if t not in functions} == {}
    # ... the definition is the ASL file itself, and the workflow is STANDARD
    assert properties["Definition"] == json.loads(asl_text)
    assert properties["Type"] == "STANDARD"


def test_state_machine_may_only_invoke_the_workflow_functions(template: dict[str, Any]) -> None:
    # Given the state machine's functions, from its substitutions
    ((name, machine),) = resources_of(template, "AWS::Serverless::StateMachine").items()
    bound = {getatt_target(v) for v in machine["Properties"]["DefinitionSubstitutions"].values()}

    # When its statements that grant lambda actions are collected
    lambda_statements = [
        s
        for owner, s in policy_statements(template)
        if owner == name and any(str(a).startswith("lambda:") for a in as_list(s["Action"]))
    ]

    # Then they allow InvokeFunction only, on exactly those functions
    assert lambda_statements
    for statement in lambda_statements:
        assert as_list(statement["Action"]) == ["lambda:InvokeFunction"]
        assert {getatt_target(r) for r in as_list(statement["Resource"])} == bound


def test_table_key_schema_is_the_one_the_local_stack_uses(template: dict[str, Any]) -> None:
    # Given the table in deploy/resources.json (what the local stack creates)
    source = json.loads(RESOURCES_FILE.read_text())["Resources"]["WorkflowsTable"]["Properties"]

    # When the packaged template's table is read
    packaged = template["Resources"]["WorkflowsTable"]
    properties = packaged["Properties"]

    # Then it is a DynamoDB table with the same keys, indexes and billing
    assert packaged["Type"] == "AWS::DynamoDB::Table"
    for key in ("KeySchema", "AttributeDefinitions", "GlobalSecondaryIndexes", "BillingMode"):
        assert properties[key] == source[key], key


def test_bucket_is_kms_encrypted_with_a_rotated_customer_key_and_not_public(
    template: dict[str, Any],
) -> None:
    # Given the documents bucket
    properties = template["Resources"]["DocumentsBucket"]["Properties"]

    # When its encryption and public access settings are read
    (rule,) = properties["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    default = rule["ServerSideEncryptionByDefault"]
    key = template["Resources"][getatt_target(default["KMSMasterKeyID"]) or ""]
    public_access = properties["PublicAccessBlockConfiguration"]

    # Then objects are encrypted with the template's own KMS key, rotated yearly
    assert default["SSEAlgorithm"] == "aws:kms"
    assert key["Type"] == "AWS::KMS::Key"
    assert key["Properties"]["EnableKeyRotation"] is True
    # ... and every public access block is on
    assert public_access == {
        "BlockPublicAcls": True,
        "BlockPublicPolicy": True,
        "IgnorePublicAcls": True,
        "RestrictPublicBuckets": True,
    }


def test_bucket_refuses_requests_without_tls(template: dict[str, Any]) -> None:
    # Given the bucket policies of the template
    policies = resources_of(template, "AWS::S3::BucketPolicy").values()

    # When the statements of the documents bucket's policy are read
    statements = [
        s
        for p in policies
        if p["Properties"]["Bucket"] == {"Ref": "DocumentsBucket"}
        for s in p["Properties"]["PolicyDocument"]["Statement"]
    ]

    # Then one denies every request that is not over TLS
    assert any(
        s["Effect"] == "Deny" and s["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
        for s in statements
    )


@pytest.mark.parametrize(
    ("action", "guarded"),
    [
        ("s3:PutObject", True),
        ("dynamodb:*", True),
        ("*", True),
        ("states:SendTaskSuccess", True),
        ("execute-api:ManageConnections", True),
        ("s3:GetObject", False),
        ("dynamodb:Query", False),
        ("logs:PutLogEvents", False),
    ],
)
def test_write_actions_are_recognised(action: str, guarded: bool) -> None:
    # Given an IAM action / When it is classified / Then writes to the guarded services are caught
    assert is_guarded_write(action) is guarded


def test_no_statement_grants_writes_on_every_resource(template: dict[str, Any]) -> None:
    # Given every IAM statement in the template
    statements = list(policy_statements(template))
    assert statements

    # When the allowed ones on Resource "*" are searched for writes to DynamoDB, S3 or Step Functions
    offending = [
        (owner, action)
        for owner, s in statements
        if s["Effect"] == "Allow" and "*" in as_list(s.get("Resource", "*"))
        for action in as_list(s.get("Action", "*")) + (["*"] if "NotAction" in s else [])
        if is_guarded_write(action)
    ]

    # Then there are none
    assert offending == []


def test_state_machine_arn_is_given_to_the_workflow_drivers_only(template: dict[str, Any]) -> None:
    # Given every Lambda function of the template
    functions = resources_of(template, *FUNCTION_TYPES)
    assert API_HANDLER in functions

    # When their environments are read
    environments = {
        name: f["Properties"].get("Environment", {}).get("Variables", {}) for name, f in functions.items()
    }

    # Then only the API handler, the upload trigger (which start executions) and the reconciler
    # (which inspects them) know the state machine: the phases never do, since it depends on them
    drivers = {API_HANDLER, UPLOAD_TRIGGER, "ReconcileWorkflows"} & set(functions)
    assert {API_HANDLER, UPLOAD_TRIGGER} <= drivers
    assert {n for n, env in environments.items() if "STATE_MACHINE_ARN" in env} == drivers
    for name in drivers:
        assert environments[name]["STATE_MACHINE_ARN"] == {"Ref": "WorkflowStateMachine"}
    # ... and every function but the authorizer finds the table and the bucket
    for name, env in environments.items():
        assert env["TABLE_NAME"] == {"Ref": "WorkflowsTable"}
        if name == AUTHORIZER:
            continue
        assert env["TABLE_NAME"] == {"Ref": "WorkflowsTable"}
        assert env["BUCKET_NAME"] == {"Ref": "DocumentsBucket"}


def test_every_route_is_guarded_by_the_authorizer_that_knows_the_templates_pool(
    template: dict[str, Any],
) -> None:
    # Given the REST API's swagger and the authorizer function
    resources = template["Resources"]
    swagger = resources["RestAPI"]["Properties"]["DefinitionBody"]
    authorizer_function = resources[AUTHORIZER]["Properties"]

    # When its authorizers and the routes' security are read
    authorizers = swagger["securityDefinitions"]
    people = _people_only_routes()
    operations = [
        op
        for path, methods in swagger["paths"].items()
        for method, op in methods.items()
        if method != "options" and (path, method) not in people
    ]
    preflights = [methods["options"] for methods in swagger["paths"].values() if "options" in methods]

    # Then the one authorizer is our Lambda, uncached (a revoked API key stops at once)
    assert sorted(authorizers) == ["UserPool", "verify_caller"]
    settings = authorizers["verify_caller"]["x-amazon-apigateway-authorizer"]
    assert "VerifyCaller.Arn" in json.dumps(settings["authorizerUri"])
    assert settings["authorizerResultTtlInSeconds"] == 0
    # ... every route uses it
    assert operations
    for operation in operations:
        assert operation.get("security") == [{"verify_caller": []}]
    # ... but a browser's CORS preflight, which carries no token, reaches the app's own answer
    assert len(preflights) == len(swagger["paths"])
    assert all("security" not in preflight for preflight in preflights)
    # ... and it checks tokens against the template's own pool and app client
    variables = authorizer_function["Environment"]["Variables"]
    assert getatt_target(variables["COGNITO_USER_POOL_ARN"]) == "UserPool"
    assert variables["COGNITO_CLIENT_ID"] == {"Ref": "UserPoolClient"}
    assert resources["UserPool"]["Type"] == "AWS::Cognito::UserPool"
    # ... answering 401s in the API's error shape
    unauthorized = swagger["x-amazon-apigateway-gateway-responses"]["UNAUTHORIZED"]
    assert '"code": "UNAUTHORIZED"' in unauthorized["responseTemplates"]["application/json"]


def test_the_authorizer_may_only_read_api_keys(template: dict[str, Any]) -> None:
    # Given the authorizer's role / When its policies are read
    role = role_of(template, AUTHORIZER)
    assert role["ManagedPolicyArns"] == [{"Ref": f"{AUTHORIZER}Access"}]
    allows = [
        s
        for owner, s in policy_statements(template)
        if owner == f"{AUTHORIZER}Access" and s["Effect"] == "Allow"
    ]
    dynamodb = [s for s in allows if any(str(a).startswith("dynamodb:") for a in as_list(s["Action"]))]
    # Then its only table access is reading API keys: the route, not the authorizer, records a
    # key's use (and audits it)
    (statement,) = dynamodb
    assert statement["Action"] == ["dynamodb:GetItem"]
    assert statement["Condition"]["ForAllValues:StringLike"]["dynamodb:LeadingKeys"] == ["APIKEY#*"]
    assert not [
        s
        for s in allows
        if any(str(a).startswith(("s3:", "states:", "execute-api:")) for a in as_list(s["Action"]))
    ]


def test_outputs_name_what_a_client_needs(template: dict[str, Any]) -> None:
    # Given / When the template's outputs / Then they give the API, storage, workflow and pool
    expected = {"ApiUrl", "TableName", "BucketName", "StateMachineArn", "UserPoolId", "UserPoolClientId"}
    assert expected <= set(template["Outputs"])


def test_uploads_reach_the_trigger_through_a_queue_with_a_dead_letter_queue(
    template: dict[str, Any],
) -> None:
    import app

    # Given the bucket, the queue and the upload trigger of the template
    resources = template["Resources"]
    queue = resources["UploadsQueue"]
    trigger = resources[UPLOAD_TRIGGER]

    # Then the bucket notifies the queue of every object created under uploads/
    (notification,) = resources["DocumentsBucket"]["Properties"]["NotificationConfiguration"][
        "QueueConfigurations"
    ]
    assert notification["Event"] == "s3:ObjectCreated:*"
    assert notification["Filter"]["S3Key"]["Rules"] == [{"Name": "prefix", "Value": "uploads/"}]
    assert getatt_target(notification["Queue"]) == "UploadsQueue"
    # ... the queue is named by the stack (never app.py's literal name), and has a dead-letter queue
    assert "QueueName" not in queue["Properties"]
    assert (
        getatt_target(queue["Properties"]["RedrivePolicy"]["deadLetterTargetArn"]) == "UploadsDeadLetterQueue"
    )
    # ... and the trigger reports partial batch failures, so one bad message does not retry the rest
    (event,) = trigger["Properties"]["Events"].values()
    assert event["Type"] == "SQS"
    assert event["Properties"]["Queue"] == {"Fn::Sub": "${UploadsQueue.Arn}"}
    assert app.UPLOADS_QUEUE not in json.dumps(event["Properties"]["Queue"])
    assert event["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    # ... and S3 may send to the queue
    statement = resources["UploadsQueuePolicy"]["Properties"]["PolicyDocument"]["Statement"][0]
    assert statement["Principal"] == {"Service": "s3.amazonaws.com"}


def test_connections_table_expires_its_records_on_expires_at(template: dict[str, Any]) -> None:
    # Given the connections table in deploy/resources.json (what the local stack creates)
    source = json.loads(RESOURCES_FILE.read_text())["Resources"][CONNECTIONS_TABLE]["Properties"]

    # When the packaged template's table is read
    packaged = template["Resources"][CONNECTIONS_TABLE]
    properties = packaged["Properties"]

    # Then it is a DynamoDB table with the same keys and billing
    assert packaged["Type"] == "AWS::DynamoDB::Table"
    for key in ("KeySchema", "AttributeDefinitions", "BillingMode"):
        assert properties[key] == source[key], key
    assert {k["AttributeName"]: k["KeyType"] for k in properties["KeySchema"]} == {
        "pk": "HASH",
        "sk": "RANGE",
    }
    # ... and DynamoDB deletes the records of connections API Gateway has long closed
    assert properties["TimeToLiveSpecification"] == {"AttributeName": "expiresAt", "Enabled": True}


# The functions that talk to WebSocket clients; no phase does (app.py's push_events sends what
# the phases write, from the workflows table's stream).
PUSHERS = {
    "APIHandler",
    "WebsocketConnect",
    "WebsocketMessage",
    "WebsocketDisconnect",
    "CloseExpiredConnections",
    "PushEvents",
}


def test_only_the_functions_that_push_can_reach_the_websocket_clients(template: dict[str, Any]) -> None:
    # Given every Lambda function and the WebSocket API with its stage
    functions = resources_of(template, *FUNCTION_TYPES)
    api, stage = websocket_api(template)
    assert set(functions) >= PUSHERS

    # When their environments are read
    environments = {
        name: f["Properties"].get("Environment", {}).get("Variables", {}) for name, f in functions.items()
    }

    # Then the WebSocket handlers are among the pushers
    handlers = {n for n, f in functions.items() if str(f["Properties"]["Handler"]).startswith("app.ws_")}
    assert len(handlers) == 3 and handlers <= PUSHERS, handlers
    # ... and exactly the pushers find the connections table and the WebSocket API's management
    # endpoint (its own id, region and stage): no phase, no authorizer
    for name, env in environments.items():
        if name not in PUSHERS:
            assert "CONNECTIONS_TABLE_NAME" not in env, name
            assert "WEBSOCKET_ENDPOINT" not in env, name
            continue
        assert env["CONNECTIONS_TABLE_NAME"] == {"Ref": CONNECTIONS_TABLE}, name
        endpoint = env["WEBSOCKET_ENDPOINT"]["Fn::Sub"]
        assert endpoint == f"https://${{{api}}}.execute-api.${{AWS::Region}}.${{AWS::URLSuffix}}/{stage}", (
            name
        )


def test_only_the_pushers_roles_may_post_to_connections(template: dict[str, Any]) -> None:
    # Given every Lambda function of the template
    functions = resources_of(template, *FUNCTION_TYPES)
    assert AUTHORIZER in functions

    # When the actions each function's own policy allows are collected
    allowed = {
        name: {
            a
            for owner, s in policy_statements(template)
            if owner == f"{name}Access" and s["Effect"] == "Allow"
            for a in as_list(s["Action"])
        }
        for name in functions
    }

    # Then the pushers' roles may post to WebSocket connections, and no other role may
    for name, actions in allowed.items():
        assert ("execute-api:ManageConnections" in actions) is (name in PUSHERS), name


def test_the_push_reads_inserted_events_from_the_workflows_tables_stream(template: dict[str, Any]) -> None:
    # Given the workflows table and the push function
    resources = template["Resources"]
    table = resources["WorkflowsTable"]["Properties"]
    push = resources["PushEvents"]["Properties"]

    # Then the table streams new images, and the push's one event source is that stream
    assert table["StreamSpecification"] == {"StreamViewType": "NEW_IMAGE"}
    (event,) = push["Events"].values()
    source = event["Properties"]
    assert event["Type"] == "DynamoDB"
    assert source["Stream"] == {"Fn::GetAtt": ["WorkflowsTable", "StreamArn"]}
    assert "bound-by-the-template" not in json.dumps(push)
    # ... filtered to inserted progress events, pushed without waiting for a batch to fill
    (pattern,) = source["FilterCriteria"]["Filters"]
    assert json.loads(pattern["Pattern"]) == {
        "eventName": ["INSERT"],
        "dynamodb": {"Keys": {"sk": {"S": [{"prefix": "EVENT#"}]}}},
    }
    assert source["MaximumBatchingWindowInSeconds"] == 0
    # ... and a batch that keeps failing is bounded and reported, never retried for ever
    assert 0 <= source["MaximumRetryAttempts"] <= 5 and source["BisectBatchOnFunctionError"] is True
    destination = source["DestinationConfig"]["OnFailure"]["Destination"]
    assert getatt_target(destination) == "FailedInvocationsQueue"
    # ... with the rights to read the stream (that stream only) and to report there
    statements = [s for owner, s in policy_statements(template) if owner == "PushEventsAccess"]
    stream = [s for s in statements if "dynamodb:GetRecords" in as_list(s["Action"])]
    assert [s["Resource"] for s in stream] == [{"Fn::Sub": "${WorkflowsTable.Arn}/stream/*"}]
    assert any(
        "sqs:SendMessage" in as_list(s["Action"]) and getatt_target(s["Resource"]) == "FailedInvocationsQueue"
        for s in statements
    )


def test_push_statements_manage_only_the_websocket_apis_connections(template: dict[str, Any]) -> None:
    # Given the WebSocket API and every statement that mentions execute-api or the connections table
    api, _ = websocket_api(template)
    statements = list(policy_statements(template))
    manage = [s for _, s in statements if "execute-api:ManageConnections" in as_list(s.get("Action", []))]
    records = [
        s
        for _, s in statements
        if s["Effect"] == "Allow" and getatt_target(s.get("Resource")) == CONNECTIONS_TABLE
    ]
    assert manage and records

    # Then connections may be posted to and closed on that API only, never "*"
    prefix = f"arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{{api}}}/"
    for statement in manage:
        assert as_list(statement["Action"]) == ["execute-api:ManageConnections"]
        resources = [r["Fn::Sub"] for r in as_list(statement["Resource"])]
        assert sorted(resources) == [f"{prefix}*/DELETE/@connections/*", f"{prefix}*/POST/@connections/*"]
    # ... and the connections table is read and written by item, batch and query, never scanned
    for statement in records:
        assert sorted(as_list(statement["Action"])) == [
            "dynamodb:BatchGetItem",
            "dynamodb:BatchWriteItem",
            "dynamodb:DeleteItem",
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:Query",
            "dynamodb:UpdateItem",
        ]


def test_api_gateway_throttles_the_whole_api_in_front_of_the_per_caller_buckets(
    template: dict[str, Any],
) -> None:
    api = template["Resources"]["RestAPI"]["Properties"]
    (settings,) = api["MethodSettings"]
    assert settings["ResourcePath"] == "/*" and settings["HttpMethod"] == "*"
    assert 0 < settings["ThrottlingRateLimit"] <= settings["ThrottlingBurstLimit"]
    throttled = api["DefinitionBody"]["x-amazon-apigateway-gateway-responses"]["THROTTLED"]
    assert throttled["statusCode"] == 429
    assert '"RATE_LIMITED"' in throttled["responseTemplates"]["application/json"]

    websocket_stage = template["Resources"]["WebsocketAPIStage"]["Properties"]["DefaultRouteSettings"]
    assert 0 < websocket_stage["ThrottlingRateLimit"] <= websocket_stage["ThrottlingBurstLimit"]


def test_tables_are_encrypted_with_the_customer_managed_key(template: dict[str, Any]) -> None:
    for table in ("WorkflowsTable", "ConnectionsTable", "AuditTable"):
        sse = template["Resources"][table]["Properties"]["SSESpecification"]
        assert sse == {"SSEEnabled": True, "SSEType": "KMS", "KMSMasterKeyId": {"Ref": "DocumentsKey"}}, table
    assert template["Resources"]["DocumentsKey"]["Properties"]["EnableKeyRotation"] is True


def test_guardduty_scans_and_tags_uploads_and_the_functions_read_its_verdict(
    template: dict[str, Any],
) -> None:
    plan = template["Resources"]["MalwareProtectionPlan"]["Properties"]
    assert plan["ProtectedResource"]["S3Bucket"] == {
        "BucketName": {"Ref": "DocumentsBucket"},
        "ObjectPrefixes": ["uploads/"],
    }
    assert plan["Actions"] == {"Tagging": {"Status": "ENABLED"}}
    assert plan["Role"] == {"Fn::GetAtt": ["MalwareScanRole", "Arn"]}
    trust = template["Resources"]["MalwareScanRole"]["Properties"]["AssumeRolePolicyDocument"]["Statement"]
    assert [s["Principal"] for s in trust] == [{"Service": "malware-protection-plan.guardduty.amazonaws.com"}]
    bucket = template["Resources"]["DocumentsBucket"]["Properties"]["NotificationConfiguration"]
    assert bucket["EventBridgeConfiguration"] == {"EventBridgeEnabled": True}
    functions = resources_of(template, "AWS::Serverless::Function")
    assert all(
        f["Properties"]["Environment"]["Variables"].get("MALWARE_SCAN") == "guardduty"
        for name, f in functions.items()
        if name != "VerifyCaller"
    )
    # ... and INITIATION, which checks an upload before reading it, may read GuardDuty's tags
    verdicts = {owner: s for owner, s in policy_statements(template) if s.get("Sid") == "ReadScanVerdicts"}
    assert set(verdicts) == {"PhaseInitiationAccess"}
    for statement in verdicts.values():
        # (of the version it reads: GuardDuty tags the version it scanned)
        assert statement["Action"] == ["s3:GetObjectTagging", "s3:GetObjectVersionTagging"]
        assert statement["Resource"] == {"Fn::Sub": "${DocumentsBucket.Arn}/uploads/*"}


def _people_only_routes() -> set[tuple[str, str]]:
    """(path, method) of the routes only a signed-in person may call, as app.py declares them."""
    import app

    return {
        (f"/api/orchestrator{path}", method.lower())
        for (method, path), doc in app.ROUTES.items()
        if doc.people_only
    }


def test_the_routes_for_people_use_the_pools_own_authorizer(template: dict[str, Any]) -> None:
    swagger = template["Resources"]["RestAPI"]["Properties"]["DefinitionBody"]
    pool = swagger["securityDefinitions"]["UserPool"]
    assert pool["x-amazon-apigateway-authtype"] == "cognito_user_pools"
    assert pool["x-amazon-apigateway-authorizer"]["providerARNs"] == [{"Fn::GetAtt": ["UserPool", "Arn"]}]
    people = {
        (path, method): op
        for path, methods in swagger["paths"].items()
        for method, op in methods.items()
        if (path, method) in _people_only_routes()
    }
    # API keys are managed, findings reviewed, approved and signed, and templates changed, by people
    assert {
        ("/api/orchestrator/api-keys", "get"),
        ("/api/orchestrator/api-keys", "post"),
        ("/api/orchestrator/api-keys/{key_id}", "delete"),
        ("/api/orchestrator/workflows/{workflow_id}/approve", "post"),
        ("/api/orchestrator/workflows/{workflow_id}/findings", "patch"),
        ("/api/orchestrator/workflows/{workflow_id}/sign", "post"),
        ("/api/orchestrator/workflows/{workflow_id}/revisions", "post"),
        ("/api/orchestrator/settings", "put"),
        # an account's report templates are changed by its owners and managers, signed in
        ("/api/orchestrator/templates", "post"),
        ("/api/orchestrator/templates/{template_id}/versions", "post"),
        ("/api/orchestrator/templates/{template_id}/retire", "post"),
        ("/api/orchestrator/templates/{template_id}/share", "post"),
        ("/api/orchestrator/templates/{template_id}/share", "delete"),
        # ... and an account's webhooks by its admins, signed in (docs/adr/0021-webhooks.md)
        ("/api/orchestrator/webhooks", "get"),
        ("/api/orchestrator/webhooks", "post"),
        ("/api/orchestrator/webhooks/{webhook_id}", "delete"),
        ("/api/orchestrator/webhooks/{webhook_id}/rotate-secret", "post"),
        ("/api/orchestrator/webhooks/{webhook_id}/enable", "post"),
        ("/api/orchestrator/webhooks/{webhook_id}/test", "post"),
        ("/api/orchestrator/webhooks/{webhook_id}/deliveries", "get"),
        ("/api/orchestrator/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver", "post"),
        # ... and organisations administered, and workflows shared, by people (#22)
        ("/api/orchestrator/organisations", "post"),
        ("/api/orchestrator/organisations/{org_id}", "patch"),
        ("/api/orchestrator/organisations/{org_id}/members/{user_id}", "patch"),
        ("/api/orchestrator/organisations/{org_id}/members/{user_id}", "delete"),
        ("/api/orchestrator/organisations/{org_id}/invitations", "post"),
        ("/api/orchestrator/organisations/{org_id}/invitations/{invitation_id}", "delete"),
        ("/api/orchestrator/invitations/{invitation_id}/accept", "post"),
        ("/api/orchestrator/invitations/{invitation_id}/decline", "post"),
        ("/api/orchestrator/members/{user_id}/certification", "put"),
        ("/api/orchestrator/workflows/{workflow_id}/collaborators/{user_id}", "put"),
        ("/api/orchestrator/workflows/{workflow_id}/collaborators/{user_id}", "delete"),
    } == set(people)
    assert all(op["security"] == [{"UserPool": []}] for op in people.values())
    # The route checks the app client the token is for, which that authorizer does not
    variables = template["Resources"]["APIHandler"]["Properties"]["Environment"]["Variables"]
    assert variables["COGNITO_CLIENT_ID"] == {"Ref": "UserPoolClient"}


def test_no_phase_lambda_outlives_its_state_machine_task(template: dict[str, Any]) -> None:
    # A Lambda that may run past its Task's TimeoutSeconds would finish work nobody waits for
    definition = template["Resources"]["WorkflowStateMachine"]["Properties"]["Definition"]
    checked = 0
    for name, state in definition["States"].items():
        function = str(state.get("Parameters", {}).get("FunctionName", ""))
        if not function.startswith("${"):
            continue
        logical_id = function.strip("${}").removesuffix("Arn")
        lambda_timeout = template["Resources"][logical_id]["Properties"]["Timeout"]
        # The review's wait is configured per execution (days); its Lambda only renders a draft
        limit = state.get("TimeoutSeconds", 24 * 3600 if "TimeoutSecondsPath" in state else 0)
        assert lambda_timeout <= limit, (name, lambda_timeout, limit)
        checked += 1
    assert checked >= 4


def test_the_websocket_connect_handler_can_verify_the_pools_tokens(template: dict[str, Any]) -> None:
    # It checks ?token= itself (no Cognito authorizer exists for a WebSocket $connect)
    variables = template["Resources"]["WebsocketConnect"]["Properties"]["Environment"]["Variables"]
    assert getatt_target(variables["COGNITO_USER_POOL_ARN"]) == "UserPool"
    assert variables["COGNITO_CLIENT_ID"] == {"Ref": "UserPoolClient"}
