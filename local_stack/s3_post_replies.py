"""What the S3 POST Object endpoint answers: request ids, `<Error>` and `<PostResponse>` documents,
the success redirects and statuses, and the bucket's CORS headers.
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from http import HTTPStatus
from typing import Any
from urllib.parse import urlencode, urlsplit
from xml.sax.saxutils import escape

from local_stack.s3_post_errors import S3Error

StartResponse = Callable[..., Any]


@dataclass(frozen=True)
class RequestIds:
    request_id: str
    host_id: str

    @classmethod
    def new(cls) -> RequestIds:
        return cls(secrets.token_hex(8).upper(), base64.b64encode(secrets.token_bytes(57)).decode())

    def headers(self) -> list[tuple[str, str]]:
        # No "Server: AmazonS3": werkzeug's server always sends its own, and two would confuse clients.
        return [("x-amz-request-id", self.request_id), ("x-amz-id-2", self.host_id)]


@dataclass(frozen=True)
class Reply:
    status: int
    headers: list[tuple[str, str]]
    body: bytes = b""


def error_reply(error: S3Error, ids: RequestIds) -> Reply:
    details = "".join(f"<{name}>{escape(value)}</{name}>" for name, value in error.details)
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<Error><Code>{error.code}</Code><Message>{escape(error.message)}</Message>{details}"
        f"<RequestId>{ids.request_id}</RequestId><HostId>{ids.host_id}</HostId></Error>"
    )
    return Reply(error.status, [("Content-Type", "application/xml")], document.encode())


def send_reply(
    start_response: StartResponse, reply: Reply, ids: RequestIds, cors: list[tuple[str, str]]
) -> list[bytes]:
    headers = [*ids.headers(), *cors, *reply.headers]
    if reply.status != 204:  # S3's 204 carries no body and no Content-Length
        headers.append(("Content-Length", str(len(reply.body))))
    start_response(f"{reply.status} {HTTPStatus(reply.status).phrase}", headers)
    return [reply.body]


def success_reply(location: str, bucket: str, key: str, etag: str, values: Mapping[str, str]) -> Reply:
    quoted_etag = f'"{etag}"'
    headers = [("ETag", quoted_etag), ("Location", location)]
    redirect = values.get("success_action_redirect") or values.get("redirect") or ""
    if _is_absolute_url(redirect):  # S3 ignores a redirect it cannot interpret
        joiner = "&" if "?" in redirect else "?"
        target = redirect + joiner + urlencode([("bucket", bucket), ("key", key), ("etag", quoted_etag)])
        return Reply(303, [("ETag", quoted_etag), ("Location", target)])
    status = values.get("success_action_status")
    if status == "201":
        document = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<PostResponse><Location>{escape(location)}</Location><Bucket>{escape(bucket)}</Bucket>"
            f"<Key>{escape(key)}</Key><ETag>{quoted_etag}</ETag></PostResponse>"
        )
        return Reply(201, [*headers, ("Content-Type", "application/xml")], document.encode())
    return Reply(200 if status == "200" else 204, headers)


def cors_headers(rules: list[dict[str, Any]], origin: str) -> list[tuple[str, str]]:
    """S3 answers a cross-origin POST with the headers of the first CORS rule that allows it."""
    for rule in rules:
        pattern = next((p for p in rule.get("AllowedOrigins", []) if fnmatchcase(origin, p)), None)
        if pattern is None or "POST" not in rule.get("AllowedMethods", []):
            continue
        headers = [
            ("Access-Control-Allow-Origin", "*" if pattern == "*" else origin),
            ("Access-Control-Allow-Methods", ", ".join(rule["AllowedMethods"])),
        ]
        if pattern != "*":
            headers.append(("Access-Control-Allow-Credentials", "true"))
        if rule.get("ExposeHeaders"):
            headers.append(("Access-Control-Expose-Headers", ", ".join(rule["ExposeHeaders"])))
        if "MaxAgeSeconds" in rule:
            headers.append(("Access-Control-Max-Age", str(rule["MaxAgeSeconds"])))
        return [*headers, ("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method")]
    return []


def _is_absolute_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
