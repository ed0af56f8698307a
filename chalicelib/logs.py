"""One structured logger for the whole service (Powertools: JSON lines with the request id).

Inspection text, names, addresses and phone numbers are insurance claim data: they must not
reach CloudWatch. Every line passes through `redact` on its way out, whatever a caller put in
`extra` or an exception's message: known fields are replaced whole, and e-mail addresses,
phone numbers and credentials are masked wherever they appear.
"""

from __future__ import annotations

import re
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.logging.formatter import LambdaPowertoolsFormatter

REDACTED = "[REDACTED]"
# Fields whose value is personal or secret, by name (camelCase and snake_case alike).
SENSITIVE_FIELDS = frozenset(
    {
        "text",
        "inputdata",
        "input_data",
        "notes",
        "address",
        "clientname",
        "client_name",
        "insuredname",
        "insured_name",
        "contact",
        "phone",
        "email",
        "title",
        "authorization",
        "token",
        "secret",
        "apikey",
        "api_key",
        "tasktoken",
        "task_token",
    }
)
PATTERNS = (
    # Credentials first: a JWT, an API key, a bearer header
    re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]*"),
    re.compile(r"rak_[A-Za-z0-9_-]+"),
    re.compile(r"(?i)bearer\s+\S+"),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    # Phone numbers: 8 or more digits, maybe with +, spaces, dots, dashes or brackets, and not
    # inside a word (a workflow id's hex has runs of digits too)
    re.compile(r"(?<!\w)\+?\(?\d[\d\s().-]{6,}\d(?!\w)"),
)


def redact(value: Any, key: str | None = None) -> Any:
    if key is not None and key.lower() in SENSITIVE_FIELDS:
        return REDACTED
    if isinstance(value, dict):
        return {k: redact(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact(v) for v in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    # Anything else is logged as its text (an exception object, say): scrub that text.
    text = value if isinstance(value, str) else str(value)
    for pattern in PATTERNS:
        text = pattern.sub(REDACTED, text)
    return text


# Log keys Powertools itself sets, and the invocation's ids (observability.invocation): their
# values are ours or AWS's, not the user's (a request id's digits are no phone number).
OWN_KEYS = frozenset(
    {
        "level",
        "location",
        "timestamp",
        "service",
        "sampling_rate",
        "xray_trace_id",
        "cold_start",
        "function_name",
        "function_request_id",
        "correlation_id",
    }
)


class RedactingFormatter(LambdaPowertoolsFormatter):
    def serialize(self, log: dict[str, Any]) -> str:  # type: ignore[override]
        cleaned = {k: (v if k in OWN_KEYS else redact(v, k)) for k, v in log.items()}
        return super().serialize(cleaned)


logger = Logger(service="restoreassist-orchestrator", logger_formatter=RedactingFormatter())
