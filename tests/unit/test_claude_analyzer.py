"""The Claude analyzer against a fake Messages API (httpx2.MockTransport): no network.

What it must show: a tool-use answer becomes validated findings with usage and cost; a malformed
answer earns one repair request, then the offline fallback; 429/529/timeouts are retried by the SDK
with backoff before falling back; invented citations never reach the findings.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import anthropic
import httpx2
import pytest

from chalicelib.analysis.claude import DEFAULT_MODEL, TOOL_NAME, ClaudeAnalyzer, system_prompt
from chalicelib.analysis.claude_pricing import PRICES, ModelPrice, Usage
from chalicelib.analysis.findings import DamageType, FindingField, Findings

REPO = Path(__file__).resolve().parents[2]

NOTES = """\
Claim 88213 / Insured: R. Patel
Loss address: 14 Elm St, Springfield IL
Attended 2025-02-14. Sewage backup through floor drain in the laundry after the sewer main blocked.
Category 3 - black water.

Laundry: 8 x 6 ft, vinyl floor and drywall wet, wicking 18 in.
 - Drywall east wall 38% (Protimeter, REL)
Hallway unaffected - drywall 12% REL dry standard
"""


def span(line: int, text: str) -> dict[str, Any]:
    return {"line": line, "text": text}


VALID_INPUT: dict[str, Any] = {
    "job": {
        "claimNumber": {"value": "88213", "source": span(1, "Claim 88213")},
        "insured": {"value": "R. Patel", "source": span(1, "Insured: R. Patel")},
        "address": {"value": "14 Elm St, Springfield IL", "source": span(2, "14 Elm St, Springfield IL")},
        "inspectionDate": {"value": "2025-02-14", "source": span(3, "Attended 2025-02-14.")},
    },
    "damageType": "water",
    "damageTypeEvidence": span(3, "Sewage backup through floor drain in the laundry"),
    "causeOfLoss": "sewer main blocked; sewage backup through the laundry floor drain",
    "causeOfLossEvidence": span(3, "after the sewer main blocked"),
    "waterCategory": {
        "value": 3,
        "justification": "Sewage backup from beyond the trap is grossly contaminated water.",
        "evidence": [span(3, "Sewage backup through floor drain"), span(4, "Category 3 - black water.")],
        "standard": {"standard": "IICRC S500", "edition": "2021"},
    },
    "affectedAreas": [
        {
            "room": "Laundry",
            "lengthFt": 8,
            "widthFt": 6,
            "floorAreaSqft": 48,
            "originalUnit": "ft",
            "wetFloorSqft": 48,
            "wetWallSqft": 0,
            "materials": ["vinyl floor", "drywall"],
            "source": span(6, "Laundry: 8 x 6 ft"),
        }
    ],
    "moistureReadings": [
        {
            "location": "Laundry, east wall",
            "material": "drywall",
            "value": 38,
            "unit": "REL",
            "meter": "Protimeter",
            "dryStandard": 12,
            "source": span(7, "Drywall east wall 38% (Protimeter, REL)"),
        },
        {
            "location": "Hallway",
            "material": "drywall",
            "value": 12,
            "unit": "REL",
            "isReference": True,
            "source": span(8, "Hallway unaffected - drywall 12% REL dry standard"),
        },
    ],
    "safetyHazards": [
        {"description": "Category 3 sewage: biohazard, PPE required", "source": span(4, "Category 3")}
    ],
    "undetermined": ["job.dateOfLoss", "waterClass", "equipment"],
    "notes": [],
}

USAGE = {
    "input_tokens": 1500,
    "output_tokens": 2500,
    "cache_creation_input_tokens": 0,
    "cache_read_input_tokens": 9000,
}
THINKING = {"type": "thinking", "thinking": "", "signature": "c2lnbmF0dXJl"}


def message(
    *content: dict[str, Any], stop_reason: str = "tool_use", usage: dict[str, int] = USAGE
) -> dict[str, Any]:
    return {
        "id": "msg_01TEST",
        "type": "message",
        "role": "assistant",
        "model": DEFAULT_MODEL,
        "content": list(content),
        "stop_reason": stop_reason,
        "stop_sequence": None,
        "usage": usage,
    }


def tool_use(tool_input: dict[str, Any]) -> dict[str, Any]:
    return {"type": "tool_use", "id": "toolu_01TEST", "name": TOOL_NAME, "input": tool_input}


Reply = Callable[[httpx2.Request], httpx2.Response]


def ok(body: dict[str, Any]) -> Reply:
    return lambda request: httpx2.Response(200, json=body)


def api_error(status: int, kind: str, headers: dict[str, str] | None = None) -> Reply:
    body = {"type": "error", "error": {"type": kind, "message": f"fake {kind}"}}
    return lambda request: httpx2.Response(status, json=body, headers=headers or {})


def timeout(request: httpx2.Request) -> httpx2.Response:
    raise httpx2.ReadTimeout("fake read timeout", request=request)


class FakeApi:
    """Answers each request with the next reply; the last one repeats for ever."""

    def __init__(self, *replies: Reply) -> None:
        self._replies = list(replies)
        self.requests: list[httpx2.Request] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(request)
        reply = self._replies.pop(0) if len(self._replies) > 1 else self._replies[0]
        return reply(request)

    @property
    def bodies(self) -> list[dict[str, Any]]:
        return [json.loads(request.content) for request in self.requests]

    def user_text(self, index: int) -> str:
        content = self.bodies[index]["messages"][0]["content"]
        return content if isinstance(content, str) else "".join(block["text"] for block in content)


def analyzer(api: FakeApi, **kwargs: Any) -> ClaudeAnalyzer:
    client = httpx2.Client(transport=httpx2.MockTransport(api))
    return ClaudeAnalyzer("test-key", kwargs.pop("model", DEFAULT_MODEL), http_client=client, **kwargs)


@pytest.fixture(autouse=True)
def backoff(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """Record the waits the SDK's backoff computes, and skip them so the tests stay fast."""
    delays: list[float] = []
    computed = anthropic.Anthropic._calculate_retry_timeout

    def record(self: anthropic.Anthropic, *args: Any, **kwargs: Any) -> float:
        delays.append(computed(self, *args, **kwargs))
        return 0.0

    monkeypatch.setattr(anthropic.Anthropic, "_calculate_retry_timeout", record)
    yield delays


# --- the happy path ----------------------------------------------------------------------------


def test_a_tool_use_answer_becomes_validated_findings_with_usage_and_cost() -> None:
    api = FakeApi(ok(message(THINKING, tool_use(VALID_INPUT))))

    outcome = analyzer(api).analyze(NOTES)

    assert outcome.analyzer == "claude" and not outcome.fell_back and outcome.fallback_reason is None
    assert outcome.model == DEFAULT_MODEL and outcome.attempts == 1 and len(api.requests) == 1
    findings = outcome.findings
    assert findings.analyzer == "claude" and findings.analyzer_version == DEFAULT_MODEL
    assert findings.damage_type is DamageType.WATER
    assert findings.water_category is not None and findings.water_category.value == 3
    assert findings.job.claim_number is not None and findings.job.claim_number.value == "88213"
    assert [reading.value for reading in findings.moisture_readings] == [38, 12]
    # A verified citation carries the line as written, like the offline analyzer's.
    assert (
        findings.affected_areas[0].source.text
        == "Laundry: 8 x 6 ft, vinyl floor and drywall wet, wicking 18 in."
    )
    assert findings.notes == []

    assert outcome.usage == Usage(1500, 2500, 0, 9000)
    # Sonnet 5.5: $2 input, $10 output, $0.10 cache reads per million tokens.
    assert outcome.cost_usd == pytest.approx((1500 * 2 + 2500 * 10 + 9000 * 0.10) / 1e6)


def test_the_request_has_the_tool_the_cached_system_prompt_and_numbered_lines() -> None:
    api = FakeApi(ok(message(tool_use(VALID_INPUT))))

    analyzer(api).analyze(NOTES)

    request = api.requests[0]
    assert request.url.path == "/v1/messages" and request.headers["authorization"] == "Bearer test-key"
    body = api.bodies[0]
    assert body["model"] == DEFAULT_MODEL and body["max_tokens"] > 0
    assert body["system"] == [
        {"type": "text", "text": system_prompt(), "cache_control": {"type": "ephemeral"}}
    ]
    [tool] = body["tools"]
    assert tool["name"] == TOOL_NAME
    schema = tool["input_schema"]
    assert schema["type"] == "object" and "$defs" in schema
    assert {"job", "damageType", "waterCategory", "affectedAreas", "undetermined"} <= set(
        schema["properties"]
    )
    assert "analyzer" not in schema["properties"] and "analyzerVersion" not in schema["properties"]
    # Sonnet 5.5 rejects a forced tool choice (HTTP 400): "auto", one call, the prompt insists.
    assert body["tool_choice"] == {"type": "auto", "disable_parallel_tool_use": True}
    user = api.user_text(0)
    assert "<inspection_notes>\n1| Claim 88213 / Insured: R. Patel\n2| Loss address:" in user
    assert "7|  - Drywall east wall 38% (Protimeter, REL)\n8| Hallway unaffected" in user
    assert "reviewer" not in user


def test_models_that_accept_forced_tool_use_are_forced_and_priced() -> None:
    api = FakeApi(ok(message(tool_use(VALID_INPUT))))

    outcome = analyzer(api, model="claude-haiku-4-5").analyze(NOTES)

    assert api.bodies[0]["tool_choice"] == {
        "type": "tool",
        "name": TOOL_NAME,
        "disable_parallel_tool_use": True,
    }
    assert outcome.findings.analyzer_version == "claude-haiku-4-5"
    assert outcome.cost_usd == pytest.approx((1500 * 1 + 2500 * 5 + 9000 * 0.10) / 1e6)


def test_qa_feedback_goes_back_to_the_model() -> None:
    api = FakeApi(ok(message(tool_use(VALID_INPUT))))

    analyzer(api).analyze(NOTES, qa_feedback=["WATER_CLASS_MISSING: class 1-4 not stated", "No dry standard"])

    user = api.user_text(0)
    assert "a reviewer found these problems in your previous findings" in user.lower()
    assert "- WATER_CLASS_MISSING: class 1-4 not stated\n- No dry standard" in user


def test_the_model_cannot_set_the_analyzer_fields() -> None:
    api = FakeApi(ok(message(tool_use({**VALID_INPUT, "analyzer": "offline-rules", "analyzerVersion": "9"}))))

    findings = analyzer(api).analyze(NOTES).findings

    assert (findings.analyzer, findings.analyzer_version) == ("claude", DEFAULT_MODEL)


# --- malformed answers -------------------------------------------------------------------------


def test_a_text_only_answer_gets_one_repair_request() -> None:
    text_only = message(
        THINKING, {"type": "text", "text": "Here are the findings: water loss."}, stop_reason="end_turn"
    )
    api = FakeApi(ok(text_only), ok(message(tool_use(VALID_INPUT))))

    outcome = analyzer(api).analyze(NOTES)

    assert outcome.analyzer == "claude" and not outcome.fell_back
    assert outcome.attempts == 2 and len(api.requests) == 2
    repair = api.user_text(1)
    assert f"did not call `{TOOL_NAME}`" in repair and "Here are the findings: water loss." in repair
    assert "<inspection_notes>" in repair  # the repair request is complete on its own
    assert outcome.usage == Usage(3000, 5000, 0, 18000)  # both responses are paid for
    assert outcome.cost_usd == pytest.approx(2 * (1500 * 2 + 2500 * 10 + 9000 * 0.10) / 1e6)


def test_tool_input_failing_validation_gets_one_repair_request_naming_the_errors() -> None:
    bad = copy.deepcopy(VALID_INPUT)
    bad["waterCategory"]["value"] = 7
    bad["roofType"] = "gable"
    api = FakeApi(ok(message(tool_use(bad))), ok(message(tool_use(VALID_INPUT))))

    outcome = analyzer(api).analyze(NOTES)

    assert not outcome.fell_back and outcome.attempts == 2
    repair = api.user_text(1)
    assert "failed validation" in repair
    assert "waterCategory.value: Input should be less than or equal to 4" in repair
    assert "roofType: Extra inputs are not permitted" in repair


def test_a_truncated_answer_is_malformed() -> None:
    api = FakeApi(
        ok(message(tool_use({"job": {}}), stop_reason="max_tokens")), ok(message(tool_use(VALID_INPUT)))
    )

    outcome = analyzer(api).analyze(NOTES)

    assert not outcome.fell_back and "cut off" in api.user_text(1)


def test_two_malformed_answers_fall_back_to_the_offline_analyzer() -> None:
    text_only = message({"type": "text", "text": "I cannot help with that."}, stop_reason="end_turn")
    api = FakeApi(ok(text_only))

    outcome = analyzer(api).analyze(NOTES)

    assert outcome.fell_back and outcome.analyzer == "offline-rules" and len(api.requests) == 2
    assert outcome.findings.analyzer == "offline-rules"
    assert outcome.fallback_reason is not None and "answer was unusable twice" in outcome.fallback_reason
    assert "offline rules analyzer because Claude" in outcome.findings.notes[-1]
    assert outcome.attempts == 2 and outcome.usage == Usage(3000, 5000, 0, 18000)
    assert outcome.cost_usd is not None and outcome.cost_usd > 0  # the failed answers still cost money


# --- an unavailable API ------------------------------------------------------------------------


def test_429_twice_then_success_is_retried_with_backoff(backoff: list[float]) -> None:
    api = FakeApi(
        api_error(429, "rate_limit_error", {"retry-after": "2"}),
        api_error(429, "rate_limit_error"),
        ok(message(tool_use(VALID_INPUT))),
    )

    outcome = analyzer(api).analyze(NOTES)

    assert outcome.analyzer == "claude" and not outcome.fell_back
    assert outcome.attempts == 3 and len(api.requests) == 3
    assert [request.headers["x-stainless-retry-count"] for request in api.requests] == ["0", "1", "2"]
    assert backoff[0] == 2.0  # the SDK waits what retry-after asks
    assert 0 < backoff[1] <= 1.0  # then exponential backoff with jitter
    assert outcome.usage == Usage(1500, 2500, 0, 9000)  # only the answer that came back


def test_529_overloaded_for_ever_falls_back_after_the_retries(backoff: list[float]) -> None:
    api = FakeApi(api_error(529, "overloaded_error"))

    outcome = analyzer(api, max_retries=3).analyze(NOTES)

    assert outcome.fell_back and outcome.analyzer == "offline-rules"
    assert outcome.attempts == 4 and len(api.requests) == 4
    assert len(backoff) == 3 and backoff == sorted(backoff)  # exponential
    assert outcome.fallback_reason is not None and "answered HTTP 529" in outcome.fallback_reason
    assert "overloaded_error" in outcome.fallback_reason and "after 4 attempts" in outcome.fallback_reason
    assert outcome.usage is None and outcome.cost_usd is None
    assert outcome.findings.damage_type is DamageType.WATER  # the offline rules read the notes
    note = outcome.findings.notes[-1]
    assert "offline rules analyzer" in note and "unavailable" in note and DEFAULT_MODEL in note


def test_a_timeout_is_retried_then_falls_back() -> None:
    api = FakeApi(timeout)

    outcome = analyzer(api, max_retries=2).analyze(NOTES)

    assert outcome.fell_back and outcome.attempts == 3 and len(api.requests) == 3
    assert outcome.fallback_reason is not None and "timed out after 3 attempts" in outcome.fallback_reason


def test_a_timeout_then_success_is_claude() -> None:
    api = FakeApi(timeout, ok(message(tool_use(VALID_INPUT))))

    outcome = analyzer(api).analyze(NOTES)

    assert outcome.analyzer == "claude" and outcome.attempts == 2


def test_a_rejected_request_is_not_retried_and_falls_back() -> None:
    api = FakeApi(api_error(401, "authentication_error"))

    outcome = analyzer(api).analyze(NOTES)

    assert outcome.fell_back and outcome.attempts == 1 and len(api.requests) == 1
    assert outcome.fallback_reason is not None
    assert "rejected the request with HTTP 401" in outcome.fallback_reason


def test_a_custom_fallback_is_used() -> None:
    api = FakeApi(api_error(500, "api_error"))
    stand_in = Findings(analyzer="offline-rules", analyzer_version="test", notes=["from the stand-in"])

    outcome = analyzer(api, max_retries=0, fallback=lambda text, received=None: stand_in).analyze(NOTES)

    assert outcome.findings.notes[0] == "from the stand-in" and "offline rules" in outcome.findings.notes[1]


@pytest.mark.parametrize("received", [date(2026, 3, 2), None])
def test_the_fallback_reads_the_notes_as_of_the_day_they_were_received(received: date | None) -> None:
    # A weekday the notes write with no year is dated from the day the job came in, as PROCESSING
    # does without a key: Claude being down must not move the dates.
    api = FakeApi(api_error(500, "api_error"))
    asked: list[date | None] = []

    def offline(text: str, *, received: date | None = None) -> Findings:
        asked.append(received)
        return Findings(analyzer="offline-rules", analyzer_version="test")

    outcome = analyzer(api, max_retries=0, fallback=offline).analyze(NOTES, received=received)

    assert outcome.fell_back and asked == [received]


def test_the_real_fallback_dates_a_bare_weekday_from_the_received_day() -> None:
    # "Tuesday 3 March" with no year: 2026 for a job received in March 2026, 2020 (the last year
    # 3 March fell on a Tuesday) for one received in March 2021.
    notes = "Insured: R Tamsin\nWater came through the ceiling on Tuesday 3 March.\nKitchen carpet wet."

    def fallen_back_loss(received: date) -> date | None:
        api = FakeApi(api_error(500, "api_error"))
        outcome = analyzer(api, max_retries=0).analyze(notes, received=received)
        assert outcome.fell_back
        loss = outcome.findings.job.date_of_loss
        return None if loss is None else loss.value

    assert fallen_back_loss(date(2026, 3, 9)) == date(2026, 3, 3)
    assert fallen_back_loss(date(2021, 3, 9)) == date(2020, 3, 3)


# --- citations ---------------------------------------------------------------------------------


def test_invented_citations_are_dropped_with_their_facts_and_noted() -> None:
    invented = copy.deepcopy(VALID_INPUT)
    invented["moistureReadings"].append(
        {"location": "Kitchen", "value": 45, "unit": "%MC", "source": span(99, "Kitchen subfloor 45%MC")}
    )
    invented["job"]["claimNumber"] = {"value": "99999", "source": span(1, "Claim 99999")}
    invented["causeOfLossEvidence"] = span(6, "tree roots in the sewer main")
    invented["waterCategory"]["evidence"].append(span(5, "black water"))
    api = FakeApi(ok(message(tool_use(invented))))

    outcome = analyzer(api).analyze(NOTES)

    findings = outcome.findings
    assert [reading.value for reading in findings.moisture_readings] == [38, 12]
    assert findings.job.claim_number is None
    assert findings.cause_of_loss is None and findings.cause_of_loss_evidence is None
    assert findings.water_category is not None and len(findings.water_category.evidence) == 2
    assert {"job.claimNumber", "causeOfLoss"} <= set(findings.undetermined)
    [note] = findings.notes
    assert "moistureReadings[2] removed (line 99 is outside the 9-line text)" in note
    assert 'job.claimNumber (line 1 does not contain "Claim 99999")' in note
    assert "waterCategory.evidence[2]" in note and "causeOfLossEvidence" in note
    assert not outcome.fell_back


def test_a_quote_on_the_wrong_line_is_moved_to_the_line_that_holds_it() -> None:
    shifted = copy.deepcopy(VALID_INPUT)
    shifted["moistureReadings"][0]["source"] = span(6, "Drywall east wall 38% (Protimeter, REL)")
    shifted["affectedAreas"][0]["source"] = span(6, "7| Laundry: 8 x 6 ft, vinyl floor and drywall wet")
    api = FakeApi(ok(message(tool_use(shifted))))

    findings = analyzer(api).analyze(NOTES).findings

    assert findings.moisture_readings[0].source.line == 7
    assert findings.moisture_readings[0].source.text == "- Drywall east wall 38% (Protimeter, REL)"
    assert findings.affected_areas[0].source.line == 6  # a copied "7| " prefix is not held against it
    [note] = findings.notes
    assert "moistureReadings[0].source (line 6 -> 7)" in note


def test_typographic_quotes_and_spacing_do_not_fail_a_citation() -> None:
    notes = "Insured:  O\u2019Brien\u00a0family\n"
    answer = {"job": {"insured": {"value": "O'Brien family", "source": span(1, "insured: o'brien family")}}}
    api = FakeApi(ok(message(tool_use(answer))))

    findings = analyzer(api).analyze(notes).findings

    assert (
        findings.job.insured is not None
        and findings.job.insured.source.text == "Insured: O\u2019Brien family"
    )
    assert findings.notes == []


# --- prices, prompt, import cost ---------------------------------------------------------------


def test_an_unknown_model_has_usage_but_no_cost() -> None:
    api = FakeApi(ok(message(tool_use(VALID_INPUT))))

    outcome = analyzer(api, model="claude-unreleased-9").analyze(NOTES)

    assert outcome.usage == Usage(1500, 2500, 0, 9000) and outcome.cost_usd is None
    assert api.bodies[0]["tool_choice"]["type"] == "auto"


def test_a_price_table_can_be_given() -> None:
    api = FakeApi(ok(message(tool_use(VALID_INPUT))))
    prices = {DEFAULT_MODEL: ModelPrice(input=1.0, output=1.0, cache_write=1.0, cache_read=1.0)}

    outcome = analyzer(api, prices=prices).analyze(NOTES)

    assert outcome.cost_usd == pytest.approx(13_000 / 1e6)


def test_long_prompts_are_billed_at_the_long_prompt_rates() -> None:
    haiku = PRICES["claude-haiku-5-5"]
    short = Usage(
        input_tokens=50_000, output_tokens=1_000, cache_creation_input_tokens=0, cache_read_input_tokens=0
    )
    long = Usage(
        input_tokens=50_000,
        output_tokens=1_000,
        cache_creation_input_tokens=0,
        cache_read_input_tokens=60_000,
    )

    assert haiku.cost(short) == pytest.approx((50_000 * 0.10 + 1_000 * 0.50) / 1e6)
    assert haiku.cost(long) == pytest.approx((50_000 * 0.50 + 1_000 * 2.50 + 60_000 * 0.05) / 1e6)
    assert DEFAULT_MODEL in PRICES


def test_the_prompt_names_every_undetermined_field_and_the_standards() -> None:
    prompt = system_prompt()
    for name in FindingField:
        assert f"`{name}`" in prompt
    for standard in ("S500-2021", "S520-2024", "S700", "Category 3", "Class 4", "Condition 3"):
        assert standard in prompt


def test_importing_the_analyzer_does_not_import_anthropic() -> None:
    code = (
        "import sys, chalicelib.analysis.claude\n"
        "assert 'anthropic' not in sys.modules, 'anthropic imported at module load'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
    check_init = "import sys, chalicelib.analysis; assert 'chalicelib.analysis.claude' not in sys.modules"
    subprocess.run([sys.executable, "-c", check_init], cwd=REPO, check=True)
