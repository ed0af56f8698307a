"""The Claude analyzer: inspection notes in, validated findings out, with every citation checked.

How one analysis runs:
- One Messages API request. The long, fixed system prompt (`prompt.md`) is a system block marked
  `cache_control: ephemeral`; the tool definition precedes the system prompt in the cached prefix
  (tools -> system -> messages), so that one breakpoint caches both. The notes go in the user
  message with numbered lines ("  12| ...") so the model can cite them.
- Structured output is one client tool, `record_findings`, whose `input_schema` is the Findings
  model's own JSON schema (by alias, `$defs`/`$ref` kept: the API takes JSON Schema 2020-12).
  Models that still accept forced tool use get `tool_choice: {"type": "tool"}`; the current
  5.5-generation models answer a forced choice with HTTP 400, so they get `{"type": "auto"}` with
  parallel tool use off, and the prompt asks for exactly one call.
- The tool input is validated by pydantic (`analyzer` and `analyzerVersion` are ours, not the
  model's). No tool call, a truncated or refused answer, or input that fails validation earns ONE
  more request that says what was wrong; a second failure falls back to the offline analyzer.
- Every source span is checked against the text: a span whose line does not exist or does not
  contain its text is re-pointed when its text is on exactly one other line, otherwise dropped
  together with the fact that needs it; `notes` says what was corrected or dropped.
- 429, 5xx (529 overloaded included), timeouts and connection errors are retried by the SDK
  (`max_retries`, exponential backoff, honouring `retry-after`); if the API stays unavailable, or
  rejects the request, the offline analyzer's findings are returned with a note saying so.
- Usage is summed over every response of one analysis and priced per response from `PRICES`.

`anthropic` is imported inside the methods only: the PROCESSING Lambda is the one that pays for it.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, ValidationError

from chalicelib.analysis.claude_pricing import PRICES, ModelPrice, Usage
from chalicelib.analysis.findings import FindingField, Findings, SourceSpan
from chalicelib.analysis.offline import analyze_text
from chalicelib.logs import logger

if TYPE_CHECKING:
    import anthropic
    import httpx2
    from anthropic.types import Message, MessageParam, TextBlockParam, ToolChoiceParam, ToolParam

__all__ = [
    "ANALYZER_NAME",
    "DEFAULT_MODEL",
    "TOOL_NAME",
    "AnalysisOutcome",
    "ClaudeAnalyzer",
    "number_lines",
    "system_prompt",
    "tool_definition",
]

ANALYZER_NAME = "claude"
# Claude Sonnet 5.5: the current Sonnet ("the best combination of speed and intelligence"),
# https://platform.claude.com/docs/en/models/overview and .../models/sonnet-5-5/whats-new-sonnet-5-5
DEFAULT_MODEL = "claude-sonnet-5-5"
TOOL_NAME = "record_findings"

# Room for the findings plus adaptive thinking, under the SDK's non-streaming ceiling (~21k).
MAX_OUTPUT_TOKENS = 16_000
_PROMPT_FILE = Path(__file__).with_name("prompt.md")

# Models known to accept `tool_choice` {"type": "tool"} with our request (no thinking by default).
# Fable 5.1, Opus 5.5 and Sonnet 5.5 return HTTP 400 for a forced tool choice; an unknown (newer)
# model gets "auto", which every model accepts.
FORCED_TOOL_CHOICE_MODELS = frozenset(
    {
        "claude-haiku-4-5",
        "claude-haiku-4-5-20251001",
        "claude-sonnet-4-5",
        "claude-sonnet-4-5-20250929",
        "claude-sonnet-4-6",
        "claude-opus-4-5",
        "claude-opus-4-5-20251101",
        "claude-opus-4-6",
    }
)


# --- the outcome -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnalysisOutcome:
    findings: Findings
    analyzer: str  # "claude" or "offline-rules"
    model: str | None  # the Claude model asked, also when the offline analyzer stood in
    usage: Usage | None  # summed over every response received; None when none came back
    cost_usd: float | None  # None when no response came back or the model has no price
    attempts: int  # HTTP requests sent to the API, SDK retries included
    fell_back: bool
    fallback_reason: str | None


# --- the request -------------------------------------------------------------------------------


@cache
def system_prompt() -> str:
    return _PROMPT_FILE.read_text(encoding="utf-8")


def _server_fields() -> tuple[str, ...]:
    """The Findings keys the analyzer sets itself (by alias): the model must not fill them."""
    fields = Findings.model_fields
    return tuple(fields[name].alias or name for name in ("analyzer", "analyzer_version"))


def tool_definition() -> ToolParam:
    """`record_findings`: its input is the Findings JSON schema, minus the fields we set."""
    schema = copy.deepcopy(Findings.model_json_schema(by_alias=True))
    server = _server_fields()
    for key in server:
        schema.get("properties", {}).pop(key, None)
    required = [key for key in schema.get("required", []) if key not in server]
    if required:
        schema["required"] = required
    else:
        schema.pop("required", None)
    # Every fact Claude records cites a line; only a reviewer's entry has none.
    span = schema.get("$defs", {}).get("SourceSpan", {})
    span.get("properties", {}).pop("enteredBy", None)
    span.get("properties", {}).pop("ocrConfidence", None)  # set from the page map, like the page
    span["required"] = sorted({*span.get("required", []), "line", "text"})
    return {
        "name": TOOL_NAME,
        "description": (
            "Record the structured findings of one restoration inspection. Call exactly once, with "
            "every fact cited to the numbered line it came from; leave what the notes do not "
            "establish null and list it in `undetermined`."
        ),
        "input_schema": schema,
    }


def _tool_choice(model: str) -> ToolChoiceParam:
    if model in FORCED_TOOL_CHOICE_MODELS:
        return {"type": "tool", "name": TOOL_NAME, "disable_parallel_tool_use": True}
    return {"type": "auto", "disable_parallel_tool_use": True}


# Lines split the way the offline analyzer splits them, so line numbers agree across analyzers.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Control and invisible characters (and lone surrogates, which JSON cannot carry).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ud800-\udfff]"
)
_WHITESPACE = re.compile(r"\s+")
_MAX_QUOTE = 300


def _source_lines(text: str) -> list[str]:
    return [_INVISIBLE.sub("", line).rstrip() for line in _LINE_BREAK.split(text)]


def number_lines(lines: list[str]) -> str:
    """ "  12| text" per line, the numbers right-aligned."""
    width = len(str(len(lines)))
    return "\n".join(f"{number:>{width}}| {line}" for number, line in enumerate(lines, start=1))


def _user_message(lines: list[str], qa_feedback: list[str] | None, repair: list[str] | None) -> str:
    parts = [
        f"<inspection_notes>\n{number_lines(lines)}\n</inspection_notes>",
        f"Analyse the inspection notes above and record the findings by calling `{TOOL_NAME}` exactly once.",
    ]
    if qa_feedback:
        problems = "\n".join(f"- {problem}" for problem in qa_feedback)
        parts.append(
            "A reviewer found these problems in your previous findings:\n"
            f"{problems}\n"
            "Fix each one the notes support. Where the notes do not support a fix, leave the field "
            "null, keep it in `undetermined` and say so in `notes`; do not invent data."
        )
    if repair:
        problems = "\n".join(f"- {problem}" for problem in repair)
        parts.append(
            f"Your previous response could not be used:\n{problems}\n"
            f"Call `{TOOL_NAME}` once, with input that matches its schema exactly."
        )
    return "\n\n".join(parts)


# --- reading the response ----------------------------------------------------------------------


class _Unusable(Exception):
    """The response had no usable findings; `problems` tell the model what to fix."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


_MAX_REPORTED_ERRORS = 25


def _validation_problems(error: ValidationError) -> list[str]:
    problems = []
    for item in error.errors(include_url=False)[:_MAX_REPORTED_ERRORS]:
        location = ".".join(str(part) for part in item["loc"]) or "(top level)"
        problems.append(f"{location}: {item['msg']}")
    hidden = error.error_count() - len(problems)
    if hidden > 0:
        problems.append(f"... and {hidden} more validation errors of the same kinds")
    return problems


def _findings_from(message: Message, model: str) -> Findings:
    if message.stop_reason == "max_tokens":
        raise _Unusable(
            [
                f"The answer was cut off at the {MAX_OUTPUT_TOKENS}-token output limit before the "
                f"`{TOOL_NAME}` input was complete. Keep text fields short (justifications, "
                "calculations and notes in one or two sentences)."
            ]
        )
    if message.stop_reason == "refusal":
        raise _Unusable(["The answer was a refusal; these are building inspection notes to analyse."])
    calls = [block for block in message.content if block.type == "tool_use" and block.name == TOOL_NAME]
    if not calls:
        said = " ".join(block.text for block in message.content if block.type == "text").strip()
        quoted = f' It said: "{_truncate(_collapse(said), 200)}"' if said else ""
        raise _Unusable([f"The response did not call `{TOOL_NAME}`.{quoted}"])
    payload = calls[0].input
    if not isinstance(payload, dict):
        raise _Unusable([f"The `{TOOL_NAME}` input was not a JSON object."])
    data = {key: value for key, value in payload.items() if key not in _server_fields()}
    data["analyzer"] = ANALYZER_NAME
    data["analyzerVersion"] = model
    try:
        return Findings.model_validate(data)
    except ValidationError as error:
        raise _Unusable(
            [f"The `{TOOL_NAME}` input failed validation:", *_validation_problems(error)]
        ) from error


def _usage_of(message: Message) -> Usage:
    usage = message.usage
    return Usage(
        input_tokens=usage.input_tokens,
        output_tokens=usage.output_tokens,
        cache_creation_input_tokens=usage.cache_creation_input_tokens or 0,
        cache_read_input_tokens=usage.cache_read_input_tokens or 0,
    )


# --- checking citations ------------------------------------------------------------------------

_TYPOGRAPHIC = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u2033": '"'}
)
_LINE_PREFIX = re.compile(r"^\s*\d+\s*\|\s?")  # "12| " copied along with the text
_MIN_RELOCATABLE = 12  # shorter quotes are too common to find their line by search


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _comparable(text: str) -> str:
    normalised = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text)).translate(_TYPOGRAPHIC)
    return _collapse(normalised).casefold()


def _quote_key(text: str) -> str:
    key = _comparable(_LINE_PREFIX.sub("", text, count=1))
    for ellipsis in ("\u2026", "..."):
        key = key.removesuffix(ellipsis).removeprefix(ellipsis)
    return key.strip().strip("\"'").strip()


@dataclass(frozen=True)
class _Dropped:
    """What a failed citation leaves behind: why, so the note can say it."""

    reason: str


@dataclass
class _CitationCheck:
    """Walks the findings; keeps spans that match the text, re-points or drops the rest.

    A fact that requires its span (a reading, an area, a job fact) goes when its span goes; an
    optional span (equipment's) or one of a list of evidence spans goes alone.
    """

    lines: list[str]
    dropped: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._keys = [_comparable(line) for line in self.lines]

    def run(self, findings: Findings) -> Findings:
        checked = self._value(findings, "")
        if isinstance(checked, _Dropped):  # Findings has no required span; never happens
            raise TypeError(checked.reason)
        result: Findings = checked
        return result

    def _quote(self, number: int) -> str:
        return _truncate(_collapse(self.lines[number - 1]), _MAX_QUOTE)

    def _span(self, span: SourceSpan, path: str) -> SourceSpan | _Dropped:
        key = _quote_key(span.text)
        if span.line is None:
            return _Dropped("a source with no line")
        if not key:
            return _Dropped(f"line {span.line} cited with no text")
        if 1 <= span.line <= len(self.lines) and key in self._keys[span.line - 1]:
            return span.model_copy(update={"text": self._quote(span.line)})
        found = [number for number, line in enumerate(self._keys, start=1) if key in line]
        if len(key) >= _MIN_RELOCATABLE and len(found) == 1:
            self.moved.append(f"{path} (line {span.line} -> {found[0]})")
            return span.model_copy(update={"line": found[0], "text": self._quote(found[0])})
        if not 1 <= span.line <= len(self.lines):
            return _Dropped(f"line {span.line} is outside the {len(self.lines)}-line text")
        return _Dropped(f'line {span.line} does not contain "{_truncate(span.text, 60)}"')

    def _model(self, model: BaseModel, path: str) -> BaseModel | _Dropped:
        updates: dict[str, Any] = {}
        for name, info in type(model).model_fields.items():
            value = getattr(model, name)
            field_path = f"{path}.{info.alias or name}" if path else info.alias or name
            checked = self._value(value, field_path)
            if isinstance(checked, _Dropped):
                if info.is_required():
                    return checked
                self.dropped.append(f"{field_path} ({checked.reason})")
                checked = info.get_default(call_default_factory=True)
            if checked is not value:
                updates[name] = checked
        # A judgement whose evidence line was invented goes with it (damageType, causeOfLoss).
        for name in list(updates):
            claim = name.removesuffix("_evidence")
            if claim != name and updates[name] is None and getattr(model, claim, None) is not None:
                updates[claim] = None
        return model.model_copy(update=updates) if updates else model

    def _value(self, value: Any, path: str) -> Any:
        if isinstance(value, SourceSpan):
            return self._span(value, path)
        if isinstance(value, BaseModel):
            return self._model(value, path)
        if isinstance(value, list):
            kept = []
            for index, item in enumerate(value):
                checked = self._value(item, f"{path}[{index}]")
                if isinstance(checked, _Dropped):
                    removed = "" if isinstance(item, SourceSpan) else " removed"
                    self.dropped.append(f"{path}[{index}]{removed} ({checked.reason})")
                else:
                    kept.append(checked)
            unchanged = len(kept) == len(value) and all(a is b for a, b in zip(kept, value, strict=True))
            return value if unchanged else kept
        return value


def _missing(data: Mapping[str, Any], path: str) -> bool:
    value: Any = data
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return True
        value = value.get(part)
    return value is None or value == [] or value == ""


def _listing(items: list[str], limit: int = 12) -> str:
    shown = "; ".join(items[:limit])
    return shown if len(items) <= limit else f"{shown}; and {len(items) - limit} more"


def _checked_citations(findings: Findings, lines: list[str]) -> Findings:
    check = _CitationCheck(lines)
    checked = check.run(findings)
    if not check.dropped and not check.moved:
        return checked
    notes = list(checked.notes)
    if check.dropped:
        notes.append(
            "Citations that did not match the notes were dropped, and any fact resting on them "
            f"removed: {_listing(check.dropped)}."
        )
    if check.moved:
        notes.append(
            "Citations pointing at the wrong line were moved to the line that holds the quoted "
            f"text: {_listing(check.moved)}."
        )
    before = findings.model_dump(by_alias=True)
    after = checked.model_dump(by_alias=True)
    undetermined = list(dict.fromkeys(checked.undetermined))
    for name in FindingField:
        if name not in undetermined and _missing(after, name) and not _missing(before, name):
            undetermined.append(str(name))
    return checked.model_copy(update={"notes": notes, "undetermined": undetermined})


# --- the analyzer ------------------------------------------------------------------------------


class _AttemptCounter:
    """SDK middleware: runs once per HTTP attempt, inside the SDK's retry loop."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(
        self, request: anthropic.APIRequest, call_next: anthropic.CallNext
    ) -> anthropic.APIResponse[Any]:
        self.count += 1
        return call_next(request)


def _is_unavailable(error: anthropic.APIError) -> bool:
    import anthropic

    if isinstance(error, anthropic.APIConnectionError):  # timeouts included
        return True
    return isinstance(error, anthropic.APIStatusError) and (
        error.status_code in (408, 409, 429) or error.status_code >= 500
    )


def _describe(error: anthropic.APIError, attempts: int) -> str:
    import anthropic

    tries = f"after {attempts} attempt{'s' if attempts != 1 else ''}"
    if isinstance(error, anthropic.APITimeoutError):
        return f"the API timed out {tries}"
    if isinstance(error, anthropic.APIConnectionError):
        return f"the API could not be reached {tries}"
    if isinstance(error, anthropic.APIStatusError):
        detail = ""
        body = error.body
        if isinstance(body, Mapping) and isinstance(body.get("error"), Mapping):
            kind, message = body["error"].get("type", "error"), body["error"].get("message", "")
            detail = _truncate(f" ({kind}: {message})", 200)
        if _is_unavailable(error):
            return f"the API answered HTTP {error.status_code}{detail} {tries}"
        return f"the API rejected the request with HTTP {error.status_code}{detail}"
    return f"the API failed with {type(error).__name__} {tries}"


class OfflineAnalysis(Protocol):
    """What stands in when Claude cannot answer: the offline analyzer, given the day the notes
    were received as the reference for a weekday they write with no year."""

    def __call__(self, text: str, *, received: date | None = None) -> Findings: ...


class ClaudeAnalyzer:
    def __init__(
        self,
        api_key: str,
        model: str,
        *,
        max_retries: int = 3,
        timeout_seconds: float = 120,
        http_client: httpx2.Client | None = None,
        fallback: OfflineAnalysis = analyze_text,
        prices: Mapping[str, ModelPrice] | None = None,
    ) -> None:
        if not api_key:
            raise ValueError("ClaudeAnalyzer needs an API key")
        self.model = model or DEFAULT_MODEL
        self._api_key = api_key
        self._max_retries = max_retries
        self._timeout_seconds = timeout_seconds
        self._http_client = http_client
        self._fallback = fallback
        self._prices = PRICES if prices is None else prices
        self._client: anthropic.Anthropic | None = None

    def analyze(
        self, text: str, *, qa_feedback: list[str] | None = None, received: date | None = None
    ) -> AnalysisOutcome:
        """Claude's findings of the notes; the offline analyzer's (reading them as of `received`,
        as PROCESSING does without a key) when Claude stays unavailable or answers unusably."""
        import anthropic

        lines = _source_lines(text)
        counter = _AttemptCounter()
        client = self._anthropic().with_middleware(counter)
        usage: Usage | None = None
        cost: float | None = 0.0
        repair: list[str] | None = None
        for request_number in (1, 2):
            try:
                message = self._request(client, lines, qa_feedback, repair)
            except anthropic.APIError as error:
                reason = _describe(error, counter.count)
                logger.warning("Claude analysis failed", extra={"reason": reason, "model": self.model})
                return self._fall_back(text, received, reason, counter.count, usage, cost)
            response_usage = _usage_of(message)
            usage = response_usage if usage is None else usage + response_usage
            cost = self._add_cost(cost, response_usage)
            try:
                findings = _findings_from(message, self.model)
            except _Unusable as unusable:
                logger.warning(
                    "Claude findings unusable",
                    extra={"request": request_number, "problems": unusable.problems[:5]},
                )
                repair = unusable.problems
                continue
            return AnalysisOutcome(
                findings=_checked_citations(findings, lines),
                analyzer=ANALYZER_NAME,
                model=self.model,
                usage=usage,
                cost_usd=None if cost is None else round(cost, 6),
                attempts=counter.count,
                fell_back=False,
                fallback_reason=None,
            )
        reason = "its answer was unusable twice: " + _truncate("; ".join(repair or []), 500)
        return self._fall_back(text, received, reason, counter.count, usage, cost)

    # --- internals ---

    def _anthropic(self) -> anthropic.Anthropic:
        if self._client is None:
            import anthropic

            self._client = anthropic.Anthropic(
                api_key=self._api_key,
                max_retries=self._max_retries,
                timeout=self._timeout_seconds,
                http_client=self._http_client,
            )
        return self._client

    def _request(
        self,
        client: anthropic.Anthropic,
        lines: list[str],
        qa_feedback: list[str] | None,
        repair: list[str] | None,
    ) -> Message:
        system: list[TextBlockParam] = [
            {"type": "text", "text": system_prompt(), "cache_control": {"type": "ephemeral"}}
        ]
        messages: list[MessageParam] = [
            {"role": "user", "content": _user_message(lines, qa_feedback, repair)}
        ]
        return client.messages.create(
            model=self.model,
            max_tokens=MAX_OUTPUT_TOKENS,
            system=system,
            tools=[tool_definition()],
            tool_choice=_tool_choice(self.model),
            messages=messages,
        )

    def _add_cost(self, cost: float | None, usage: Usage) -> float | None:
        price = self._prices.get(self.model)
        if cost is None or price is None:
            return None
        return cost + price.cost(usage)

    def _fall_back(
        self,
        text: str,
        received: date | None,
        reason: str,
        attempts: int,
        usage: Usage | None,
        cost: float | None,
    ) -> AnalysisOutcome:
        findings = self._fallback(text, received=received)
        note = (
            f"These findings were produced by the offline rules analyzer because Claude ({self.model}) "
            f"was unavailable: {reason}."
        )
        return AnalysisOutcome(
            findings=findings.model_copy(update={"notes": [*findings.notes, note]}),
            analyzer=findings.analyzer,
            model=self.model,
            usage=usage,
            cost_usd=None if usage is None or cost is None else round(cost, 6),
            attempts=attempts,
            fell_back=True,
            fallback_reason=reason,
        )
