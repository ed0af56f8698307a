"""The packaged SAM template (`build/package/sam.json`, made by `deploy/package.py`).

`make test` builds it before pytest runs. Run alone, these tests skip when it is missing, except
under CI (CI=true), where a missing template is a failure.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAM_FILE = ROOT / "build" / "package" / "sam.json"
RESOURCES_FILE = ROOT / "deploy" / "resources.json"
ASL_FILE = ROOT / "stepfunctions" / "workflow.asl.json"

FUNCTION_TYPES = {"AWS::Serverless::Function", "AWS::Lambda::Function"}
API_HANDLER = "APIHandler"
GUARDED_SERVICES = ("dynamodb", "s3", "states")
WRITE_VERB = re.compile(
    r"^(Put|Delete|Update|BatchWrite|Create|Start|Stop|Send|Restore|Abort|Replicate|Redrive|"
    r"Restart|Import|Export|Tag|Untag|PartiQL(Insert|Update|Delete))"
)


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    if not SAM_FILE.exists():
        message = f"{SAM_FILE.relative_to(ROOT)} is missing: run `make package` first"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    loaded: dict[str, Any] = json.loads(SAM_FILE.read_text())
    return loaded


def resources_of(template: dict[str, Any], *types: str) -> dict[str, dict[str, Any]]:
    return {name: r for name, r in template["Resources"].items() if r.get("Type") in types}


def getatt_target(value: Any) -> str | None:
    """`{"Fn::GetAtt": [X, "Arn"]}` or `{"Fn::GetAtt": "X.Arn"}` -> X; anything else -> None."""
    if not isinstance(value, dict) or set(value) != {"Fn::GetAtt"}:
        return None
    target = value["Fn::GetAtt"]
    if isinstance(target, str):
        target = target.split(".", 1)
    return str(target[0]) if list(target[1:]) == ["Arn"] else None


def policy_statements(template: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every IAM statement the template grants: roles, managed/inline policies, SAM `Policies`."""
    for name, resource in template["Resources"].items():
        properties = resource.get("Properties", {})
        documents = []
        if resource["Type"] in {"AWS::IAM::ManagedPolicy", "AWS::IAM::Policy"}:
            documents.append(properties["PolicyDocument"])
        elif resource["Type"] == "AWS::IAM::Role":
            documents.extend(p["PolicyDocument"] for p in properties.get("Policies", []))
        elif resource["Type"] in {"AWS::Serverless::Function", "AWS::Serverless::StateMachine"}:
            policies = properties.get("Policies", [])
            policies = policies if isinstance(policies, list) else [policies]
            documents.extend(p for p in policies if isinstance(p, dict) and "Statement" in p)
        for document in documents:
            statements = document["Statement"]
            for statement in statements if isinstance(statements, list) else [statements]:
                yield name, statement


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def is_guarded_write(action: str) -> bool:
    if action == "*":
        return True
    service, _, name = action.partition(":")
    return service.lower() in GUARDED_SERVICES and ("*" in name or bool(WRITE_VERB.match(name)))


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


def test_state_machine_arn_is_given_to_the_api_handler_only(template: dict[str, Any]) -> None:
    # Given every Lambda function of the template
    functions = resources_of(template, *FUNCTION_TYPES)
    assert API_HANDLER in functions

    # When their environments are read
    environments = {
        name: f["Properties"].get("Environment", {}).get("Variables", {}) for name, f in functions.items()
    }

    # Then only the API handler knows the state machine
    assert {n for n, env in environments.items() if "STATE_MACHINE_ARN" in env} == {API_HANDLER}
    assert environments[API_HANDLER]["STATE_MACHINE_ARN"] == {"Ref": "WorkflowStateMachine"}
    # ... and every function finds the table and the bucket
    for env in environments.values():
        assert env["TABLE_NAME"] == {"Ref": "WorkflowsTable"}
        assert env["BUCKET_NAME"] == {"Ref": "DocumentsBucket"}


def test_api_authorizer_trusts_the_templates_user_pool(template: dict[str, Any]) -> None:
    # Given the REST API's swagger
    swagger = template["Resources"]["RestAPI"]["Properties"]["DefinitionBody"]

    # When its authorizers and the routes' security are read
    authorizers = swagger["securityDefinitions"]
    operations = [op for methods in swagger["paths"].values() for op in methods.values()]

    # Then every authorizer is bound to the template's pool, and every route uses one
    for authorizer in authorizers.values():
        provider_arns = authorizer["x-amazon-apigateway-authorizer"]["providerARNs"]
        assert [getatt_target(arn) for arn in provider_arns] == ["UserPool"]
    assert operations
    for operation in operations:
        assert operation.get("security")
        assert all(set(requirement) <= set(authorizers) for requirement in operation["security"])
    assert template["Resources"]["UserPool"]["Type"] == "AWS::Cognito::UserPool"


def test_outputs_name_what_a_client_needs(template: dict[str, Any]) -> None:
    # Given / When the template's outputs / Then they give the API, storage, workflow and pool
    expected = {"ApiUrl", "TableName", "BucketName", "StateMachineArn", "UserPoolId", "UserPoolClientId"}
    assert expected <= set(template["Outputs"])
