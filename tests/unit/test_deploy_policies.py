"""deploy/policies.py: every Chalice function must have a row, and a row says all it grants."""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path

import pytest

from deploy import policies


def test_a_function_without_a_row_cannot_be_packaged() -> None:
    # Given a Chalice function nobody has said the rights of
    functions = ["APIHandler", "PhaseBrandNew"]

    # When its policies are made / Then packaging stops, naming it
    with pytest.raises(SystemExit, match="PhaseBrandNew"):
        policies.function_policies(functions, set())


def test_the_reconciler_has_a_row_and_sends_its_failed_invocations_to_the_queue() -> None:
    # Given the scheduled reconciler (app.py's @app.schedule(name="reconcile_workflows"))
    made = policies.function_policies(["ReconcileWorkflows"], {"ReconcileWorkflows"})

    # When its policy is read
    statements = made["ReconcileWorkflowsAccess"]["Properties"]["PolicyDocument"]["Statement"]
    by_sid = {s.get("Sid"): s for s in statements}

    # Then it may send to the failed-invocations queue (it is invoked asynchronously) ...
    assert by_sid["ReportFailedInvocations"]["Resource"] == {"Fn::GetAtt": ["FailedInvocationsQueue", "Arn"]}
    # ... may settle workflows, but never delete one or anything in S3
    text = json.dumps(statements)
    assert "states:DescribeExecution" in text
    on_workflows = [
        s
        for s in statements
        if s.get("Effect") == "Allow" and s["Resource"] == {"Fn::GetAtt": ["WorkflowsTable", "Arn"]}
    ]
    assert on_workflows
    assert "dynamodb:DeleteItem" not in json.dumps(on_workflows)
    assert "s3:Delete" not in text


def test_a_synchronous_function_gets_no_failure_queue() -> None:
    made = policies.function_policies(["PhaseQa"], set())
    text = json.dumps(made["PhaseQaAccess"])
    assert "FailedInvocationsQueue" not in text
    assert "secretsmanager" not in text


def test_every_policy_ends_with_the_audit_denies() -> None:
    made = policies.function_policies(sorted(policies.ACCESS), set())
    for name, policy in made.items():
        statements = policy["Properties"]["PolicyDocument"]["Statement"]
        assert statements[-2:] == policies.audit_deny(), name


def test_the_deploy_readme_shows_the_policies_as_the_code_has_them() -> None:
    readme = (Path(__file__).resolve().parents[2] / "deploy" / "README.md").read_text()
    assert policies.markdown_table() in readme, "run `python deploy/policies.py` and paste its table"


def test_every_phase_may_read_and_add_its_users_phase_times() -> None:
    # Given the key the runner reads for the estimate and OUTPUT adds to (workflow_records.py)
    key = "USER#some-user"
    for function in ("PhaseInitiation", "PhaseProcessing", "PhaseQa", "PhaseOutput"):
        allowed = {
            action
            for family, actions in policies.ACCESS[function].items.items()
            if fnmatch.fnmatchcase(key, family)
            for action in actions
        }
        # Then its role allows both (they were in no key family: every phase was refused on AWS)
        assert {"dynamodb:GetItem", "dynamodb:UpdateItem"} <= allowed, function
