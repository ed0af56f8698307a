"""The Claude API key on AWS: read from Secrets Manager (moto) once per container, and a secret
that cannot be read turns into the offline analyzer, said in the notes, without the ARN."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from chalicelib import wiring
from chalicelib.core.documents import WorkFile, work_key
from chalicelib.core.models import InputMethod, Workflow, WorkflowStatus, utc_now
from chalicelib.core.ports import SecretUnavailableError
from chalicelib.phases import processing
from chalicelib.phases.runner import ExecutionState
from chalicelib.settings import get_settings
from tests.memory_ports import MemoryPorts

KEY = "sk-ant-api03-from-the-secret"
WORKFLOW_ID = "wf_" + "b" * 32
NOTES = "Cause: burst supply line under the sink.\nKitchen 12x14 ft, vinyl floor wet.\nSubfloor 32%MC.\n"


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """moto's Secrets Manager, and the wiring built afresh against it."""
    for name in ("AWS_ENDPOINT_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_API_KEY_SECRET_ARN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    with mock_aws():
        wiring.reset()
        yield boto3.client("secretsmanager", region_name="us-east-1")
    wiring.reset()


def _ports_counting_reads(monkeypatch: pytest.MonkeyPatch, arn: str) -> tuple[wiring.AwsPorts, list[str]]:
    monkeypatch.setenv("ANTHROPIC_API_KEY_SECRET_ARN", arn)
    wiring.reset()
    ports = wiring.AwsPorts(get_settings())
    reads: list[str] = []
    # Every client this container builds carries the hook: each GetSecretValue sent is counted.
    ports._session.events.register(
        "before-call.secrets-manager.GetSecretValue", lambda **kwargs: reads.append("GetSecretValue")
    )
    return ports, reads


def test_the_secret_is_the_key_and_is_read_once_per_container(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    arn = aws.create_secret(Name="restoreassist/anthropic", SecretString=KEY)["ARN"]
    ports, reads = _ports_counting_reads(monkeypatch, arn)

    assert [ports.claude_key.api_key() for _ in range(3)] == [KEY, KEY, KEY]
    assert reads == ["GetSecretValue"]
    # The wiring keeps one key source per container: the phase's next job asks the same one.
    assert ports.claude_key is ports.claude_key


def test_a_key_value_secret_from_the_console_works_too(aws: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    arn = aws.create_secret(Name="anthropic-kv", SecretString='{"ANTHROPIC_API_KEY": "  sk-ant-kv  "}')["ARN"]
    ports, _ = _ports_counting_reads(monkeypatch, arn)
    assert ports.claude_key.api_key() == "sk-ant-kv"


def test_the_secret_wins_over_a_plain_key_and_no_configuration_means_no_key(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-plain")
    wiring.reset()
    assert wiring.AwsPorts(get_settings()).claude_key.api_key() == "sk-ant-plain"
    arn = aws.create_secret(Name="anthropic", SecretString=KEY)["ARN"]
    ports, _ = _ports_counting_reads(monkeypatch, arn)
    assert ports.claude_key.api_key() == KEY
    monkeypatch.delenv("ANTHROPIC_API_KEY")
    monkeypatch.delenv("ANTHROPIC_API_KEY_SECRET_ARN")
    wiring.reset()
    assert wiring.AwsPorts(get_settings()).claude_key.api_key() is None


def test_an_unreadable_secret_says_why_without_its_arn_and_is_tried_again(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:restoreassist/missing-AbCdEf"
    ports, reads = _ports_counting_reads(monkeypatch, arn)

    for _ in range(2):
        with pytest.raises(SecretUnavailableError) as raised:
            ports.claude_key.api_key()
        assert "ResourceNotFoundException" in str(raised.value)
        assert "arn:" not in str(raised.value) and "missing" not in str(raised.value)
    assert reads == ["GetSecretValue", "GetSecretValue"]  # a failure is not kept: the next job retries

    # Once the secret exists, the same container reads it.
    aws.create_secret(Name="restoreassist/ok", SecretString=KEY)
    empty = aws.create_secret(Name="restoreassist/empty", SecretString=" ")["ARN"]
    ports, _ = _ports_counting_reads(monkeypatch, empty)
    with pytest.raises(SecretUnavailableError, match="empty"):
        ports.claude_key.api_key()


def test_processing_falls_back_to_the_offline_analyzer_and_says_so_in_the_notes() -> None:
    # Given a workflow whose PROCESSING cannot read its configured Claude key
    ports = MemoryPorts()
    now = utc_now()
    workflow = Workflow(
        id=WORKFLOW_ID,
        user_id="alice",
        title="Kitchen leak",
        input_method=InputMethod.TEXT,
        status=WorkflowStatus.IN_PROGRESS,
        created_at=now,
        updated_at=now,
    )
    ports.workflows.create(workflow)
    ports.blobs.put_text(work_key("alice", WORKFLOW_ID, WorkFile.TEXT), NOTES)
    ports.claude_key.unavailable = "Secrets Manager answered AccessDeniedException"

    # When it analyses
    state = ExecutionState(workflow_id=WORKFLOW_ID, user_id="alice", attempt=1)
    result = processing.analyse(ports, workflow, state)

    # Then the offline analyzer's findings are stored, with a note saying why, and the attempt's
    # analysis records the fallback
    findings = ports.blobs.get_json(work_key("alice", WORKFLOW_ID, WorkFile.FINDINGS))
    assert findings["analyzer"] == "offline-rules" and result.outcome["analyzer"] == "offline-rules"
    assert any(
        "Claude API key could not be read: Secrets Manager answered AccessDeniedException" in note
        for note in findings["notes"]
    )
    assert result.analysis is not None and result.analysis["fellBack"] is True
    assert "AccessDeniedException" in result.analysis["fallbackReason"]
    assert result.outcome["affectedAreas"] >= 1
