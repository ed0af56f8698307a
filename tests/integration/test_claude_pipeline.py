"""The Claude path through the whole local pipeline, against a fake Messages API (no network).

The PROCESSING phase builds its analyzer through `processing.claude_analyzer`; the tests give it
one whose HTTP client answers from canned Messages API responses.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx2
import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.claude import DEFAULT_MODEL, TOOL_NAME, ClaudeAnalyzer
from chalicelib.phases import processing
from chalicelib.settings import get_settings
from tests.conftest import Api

NOTES = """Claim: CLM-4471
Insured: M. Rossi
Date of loss: 2026-11-18
Inspection date: 2026-11-19
Cause: braided supply line to the kitchen sink burst.
Kitchen 12x14 ft, vinyl plank floor wet, lower cabinets wet.
Kitchen subfloor 32%MC, dry standard 12%MC in the dining room.
"""
USAGE = {
    "input_tokens": 1800,
    "output_tokens": 900,
    "cache_creation_input_tokens": 0,
    "cache_read_input_tokens": 5000,
}


def _tool_answer(findings: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "msg_fake",
        "type": "message",
        "role": "assistant",
        "model": DEFAULT_MODEL,
        "content": [{"type": "tool_use", "id": "toolu_fake", "name": TOOL_NAME, "input": findings}],
        "stop_reason": "tool_use",
        "stop_sequence": None,
        "usage": USAGE,
    }


class FakeMessagesApi:
    """Answers every Messages API request with `reply(request_body)`; keeps the requests."""

    def __init__(self, reply: Callable[[dict[str, Any]], httpx2.Response]) -> None:
        self._reply = reply
        self.requests: list[dict[str, Any]] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        self.requests.append(body)
        return self._reply(body)


def answering(findings: dict[str, Any]) -> Callable[[dict[str, Any]], httpx2.Response]:
    return lambda body: httpx2.Response(200, json=_tool_answer(findings))


def overloaded(body: dict[str, Any]) -> httpx2.Response:
    error = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    return httpx2.Response(529, json=error)


@pytest.fixture
def claude(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., FakeMessagesApi]]:
    """Turns Claude on (ANTHROPIC_API_KEY) with a fake Messages API behind it."""
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test")
    get_settings.cache_clear()

    def install(reply: Callable[[dict[str, Any]], httpx2.Response]) -> FakeMessagesApi:
        api = FakeMessagesApi(reply)
        client = httpx2.Client(transport=httpx2.MockTransport(api))
        monkeypatch.setattr(
            processing,
            "claude_analyzer",
            lambda settings: ClaudeAnalyzer("sk-ant-test", DEFAULT_MODEL, http_client=client, max_retries=0),
        )
        return api

    yield install
    monkeypatch.delenv("ANTHROPIC_API_KEY")
    get_settings.cache_clear()


def _claude_findings(**changes: Any) -> dict[str, Any]:
    """What a careful model would return: the offline reading of the same notes, as Claude's."""
    findings = analyze_text(NOTES).model_dump(mode="json", exclude_none=True)
    findings.update(analyzer="claude", analyzerVersion=DEFAULT_MODEL, **changes)
    return findings


def test_claude_findings_go_through_and_their_cost_is_recorded(api: Api, claude: Any) -> None:
    # Given Claude answering with findings that agree with the rules engine
    fake = claude(answering(_claude_findings()))

    # When a workflow runs
    workflow = api.wait_for(api.create_text(NOTES))

    # Then Claude analysed it, once, and the usage and cost are on the workflow
    assert workflow["status"] == "COMPLETED", workflow
    assert len(fake.requests) == 1
    analysis = workflow["analysis"]
    assert analysis["analyzer"] == "claude" and analysis["model"] == DEFAULT_MODEL
    assert analysis["usage"]["inputTokens"] == 1800 and analysis["usage"]["cacheReadInputTokens"] == 5000
    assert analysis["costUsd"] > 0 and analysis["totalCostUsd"] == analysis["costUsd"]
    assert analysis["fellBack"] is False
    report = api.get(f"/api/orchestrator/workflows/{workflow['id']}/report").body["report"]
    assert report["findings"]["analyzer"] == "claude"


def test_findings_the_rules_engine_disputes_go_back_with_the_qa_feedback(api: Api, claude: Any) -> None:
    # Given Claude calling a burst supply line Category 3 (the rules engine says 1)
    offline = analyze_text(NOTES)
    assert offline.water_category is not None and offline.water_category.value == 1
    wrong = _claude_findings()
    wrong["waterCategory"] = {**wrong["waterCategory"], "value": 3}
    fake = claude(answering(wrong))

    # When the workflow runs
    workflow = api.wait_for(api.create_text(NOTES))

    # Then QA flagged the disagreement, PROCESSING ran again with QA's findings as feedback,
    # and the cost of every attempt was added up
    attempts = [s for s in workflow["steps"] if s["phase"] == "PROCESSING"]
    assert len(attempts) >= 2
    retry_prompt = json.dumps(fake.requests[1]["messages"])
    assert "categor" in retry_prompt.lower()
    analysis = workflow["analysis"]
    assert len(analysis["attempts"]) == len(attempts)
    assert analysis["totalCostUsd"] == pytest.approx(sum(a["costUsd"] for a in analysis["attempts"].values()))


def test_claude_unavailable_falls_back_to_the_offline_analyzer_and_says_so(api: Api, claude: Any) -> None:
    # Given the Messages API answering 529 (overloaded) every time
    fake = claude(overloaded)

    # When a workflow runs
    workflow = api.wait_for(api.create_text(NOTES))

    # Then the offline analyzer produced the report, and the report says why
    assert workflow["status"] == "COMPLETED", workflow
    assert len(fake.requests) >= 1
    assert workflow["analysis"]["fellBack"] is True
    findings = api.get(f"/api/orchestrator/workflows/{workflow['id']}/report").body["report"]["findings"]
    assert findings["analyzer"] == "offline-rules"
    assert any("Claude" in note for note in findings["notes"])
