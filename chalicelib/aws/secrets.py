"""The Claude API key (`ports.ApiKeySource`): from Secrets Manager on AWS, else from the environment.

With `ANTHROPIC_API_KEY_SECRET_ARN` set (the template sets it on PROCESSING only), the secret is
read with Powertools' `SecretsProvider` on first use and kept for the container's life: one
`GetSecretValue` per container, not per job (a rotated key reaches new containers). A failure is
not cached, so the next job tries again. The secret may hold the key itself or a JSON object
with an `ANTHROPIC_API_KEY` (or `apiKey`) field, as the console's key/value form stores it.

The error raised says what went wrong (Secrets Manager's error code) but never the ARN: the
message ends up in the contractor's notes and in the logs.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from chalicelib.core.ports import SecretUnavailableError
from chalicelib.settings import get_settings

# Powertools keeps a value this long in its provider's cache: the container's whole life.
ONCE_PER_CONTAINER_SECONDS = 10 * 365 * 24 * 3600
JSON_FIELDS = ("ANTHROPIC_API_KEY", "apiKey", "api_key")


class SecretsManagerKey:
    def __init__(self, client: Callable[[], Any]) -> None:
        # The boto3 client is built on first use: only a container with an ARN pays for it.
        self._client = client
        self._provider: Any = None

    def api_key(self) -> str | None:
        # Read per call (tests switch the environment); the value itself is cached by Powertools.
        settings = get_settings()
        arn = settings.anthropic_api_key_secret_arn
        if not arn:
            return settings.anthropic_api_key or None
        return _key_in(self._fetch(arn))

    def _fetch(self, arn: str) -> str:
        from aws_lambda_powertools.utilities.parameters import SecretsProvider  # deferred: boto3

        if self._provider is None:
            self._provider = SecretsProvider(boto3_client=self._client())
        try:
            value = self._provider.get(arn, max_age=ONCE_PER_CONTAINER_SECONDS)
        except Exception as error:  # every failure: the offline analyzer runs, and says why
            raise SecretUnavailableError(_reason(error)) from error
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        return str(value or "")


def _key_in(value: str) -> str:
    text = value.strip()
    if text.startswith("{"):
        try:
            fields = json.loads(text)
        except ValueError:
            raise SecretUnavailableError("the secret holds malformed JSON") from None
        found = next((fields[name] for name in JSON_FIELDS if isinstance(fields.get(name), str)), "")
        if not found:
            raise SecretUnavailableError(f"the secret's JSON has none of the fields {', '.join(JSON_FIELDS)}")
        text = found.strip()
    if not text:
        raise SecretUnavailableError("the secret is empty")
    return text


def _reason(error: BaseException) -> str:
    """Secrets Manager's error code (AccessDeniedException, ResourceNotFoundException, ...), or the
    exception's type: its message may name the secret's ARN and the caller's role."""
    # Powertools wraps every error in GetParameterError, raised inside its `except`: the
    # boto3 error is its context.
    chain: list[BaseException] = []
    cause: BaseException | None = error
    while cause is not None and cause not in chain:
        chain.append(cause)
        response = getattr(cause, "response", None)
        if isinstance(response, dict):
            code = response.get("Error", {}).get("Code")
            if code:
                return f"Secrets Manager answered {code}"
        cause = cause.__cause__ or cause.__context__
    return f"reading the secret failed ({type(chain[-1]).__name__})"
