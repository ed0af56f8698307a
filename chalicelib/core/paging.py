"""Listing pages: the opaque `nextToken` a client passes back for the next page."""

from __future__ import annotations

import base64
import json

from chalicelib.core.errors import InvalidRequestError


def encode_page_token(cursor: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({"c": cursor}).encode()).decode().rstrip("=")


def decode_page_token(token: str) -> str:
    try:
        padded = token + "=" * (-len(token) % 4)
        cursor = json.loads(base64.urlsafe_b64decode(padded.encode()))["c"]
    except (ValueError, KeyError, TypeError) as exc:
        raise InvalidRequestError("nextToken is not valid", code="INVALID_NEXT_TOKEN") from exc
    # An empty one would reach the store as an empty key value, which DynamoDB refuses.
    if not isinstance(cursor, str) or not cursor:
        raise InvalidRequestError("nextToken is not valid", code="INVALID_NEXT_TOKEN")
    return cursor
