"""The packaged SAM template and what the template tests ask of it (tests/integration/)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAM_FILE = ROOT / "build" / "package" / "sam.json"
FUNCTION_TYPES = {"AWS::Serverless::Function", "AWS::Lambda::Function"}
GUARDED_SERVICES = ("dynamodb", "s3", "states", "execute-api")
WRITE_VERB = re.compile(
    r"^(Put|Delete|Update|BatchWrite|Create|Start|Stop|Send|Restore|Abort|Replicate|Redrive|Manage|"
    r"Restart|Import|Export|Tag|Untag|PartiQL(Insert|Update|Delete))"
)


def load_packaged_template() -> dict[str, Any]:
    """build/package/sam.json (`make package`, which `make test` runs first). Missing, the template
    tests fail: a skipped template test would pass without checking anything."""
    if not SAM_FILE.exists():
        pytest.fail(f"{SAM_FILE.relative_to(ROOT)} is missing: run `make package` first")
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


def websocket_api(template: dict[str, Any]) -> tuple[str, str]:
    """The logical id of the template's one WebSocket API, and the name of its one stage."""
    apis = [
        name
        for name, api in resources_of(template, "AWS::ApiGatewayV2::Api").items()
        if api["Properties"].get("ProtocolType") == "WEBSOCKET"
    ]
    assert len(apis) == 1, apis
    (api,) = apis
    stages = [
        s["Properties"]["StageName"]
        for s in resources_of(template, "AWS::ApiGatewayV2::Stage").values()
        if s["Properties"]["ApiId"] == {"Ref": api}
    ]
    assert len(stages) == 1, stages
    return api, stages[0]


def role_of(template: dict[str, Any], function: str) -> dict[str, Any]:
    role = getatt_target(template["Resources"][function]["Properties"]["Role"])
    assert role is not None, function
    properties: dict[str, Any] = template["Resources"][role]["Properties"]
    return properties


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
                # A statement under a condition (`Fn::If [cond, statement, AWS::NoValue]`) is
                # granted when the condition holds: judge it as granted.
                if "Fn::If" in statement:
                    statement = statement["Fn::If"][1]
                yield name, statement


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def is_guarded_write(action: str) -> bool:
    if action == "*":
        return True
    service, _, name = action.partition(":")
    return service.lower() in GUARDED_SERVICES and ("*" in name or bool(WRITE_VERB.match(name)))
