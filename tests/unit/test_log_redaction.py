"""No inspection text, personal details or credentials in the logs."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from chalicelib.logs import REDACTED, logger, redact

WORKFLOW_ID = "wf_fcf9b82faddc48168b81d88c3fd95052"


def _lines(captured: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in captured.splitlines() if line.startswith("{")]


@pytest.fixture
def log_output() -> Iterator[io.StringIO]:
    """What the service's logger writes, through its own formatter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logger.registered_formatter)
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


def test_personal_fields_and_patterns_never_reach_the_log(log_output: io.StringIO) -> None:
    logger.info(
        "Saw jane.doe@example.com on +61 2 9876 5432 with Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl",
        extra={
            "workflowId": WORKFLOW_ID,
            "inputData": {"text": "Mrs Jane Doe, 14 Banksia St, Carlton"},
            "clientName": "Jane Doe",
            "nested": {"address": "14 Banksia St", "phone": "0412 345 678", "ok": "kept"},
            "key": "rak_abcd1234_secretsecret",
        },
    )

    (line,) = _lines(log_output.getvalue())
    text = json.dumps(line)
    for secret in ("jane.doe@example.com", "9876 5432", "eyJhbGciOi", "Jane Doe", "Banksia", "0412", "rak_"):
        assert secret not in text, secret
    assert line["workflowId"] == WORKFLOW_ID  # ids stay readable
    assert line["nested"] == {"address": REDACTED, "phone": REDACTED, "ok": "kept"}
    assert line["level"] == "INFO" and "timestamp" in line


def test_an_exceptions_message_is_scrubbed_too(log_output: io.StringIO) -> None:
    try:
        raise ValueError("could not parse 'call Bob on 0412 345 678 or bob@example.org'")
    except ValueError:
        logger.exception("Unhandled error")

    (line,) = _lines(log_output.getvalue())
    assert "0412" not in json.dumps(line) and "bob@example.org" not in json.dumps(line)
    assert "could not parse" in str(line["exception"])


def test_redact_leaves_ordinary_values_alone() -> None:
    assert redact({"phase": "QA", "step": 3, "seconds": 0.25, "workflowId": WORKFLOW_ID}) == {
        "phase": "QA",
        "step": 3,
        "seconds": 0.25,
        "workflowId": WORKFLOW_ID,
    }
    assert redact("2026-11-25T00:54:18.806Z") == "2026-11-25T00:54:18.806Z"
