"""S3 POST Object (browser uploads under a presigned POST policy), checked the way S3 checks it.

moto 5.2.5 stores whatever a form POST sends: a file over the policy's `content-length-range`, or
one whose `key` was moved to another user's prefix, gets 204. S3 on AWS refuses both. This WSGI
middleware sits in front of moto and takes `POST /<bucket>` form uploads. It verifies the policy's
SigV4 (or SigV2) signature, its expiry, every condition and the rule that every field is covered,
and answers S3's own XML errors. It then stores the object through `store` and hands `on_created`
the `ObjectCreated:Post` notification S3 would send. Every other request goes to the wrapped app.

Where the answers come from:
- LocalStack's snapshots recorded against S3 (`tests/aws/services/s3/test_s3.py`,
  `TestS3PresignedPost`, commit 8b9a79f): expiry, signature mismatch, missing fields, "Access
  Denied", condition failures (as written and as `eq` arrays), EntityTooLarge/Small, 412, 201.
- AWS "POST Policy" / "Creating an HTML form" pages: condition types, the Content-Type list rule,
  which fields are exempt, `${filename}` (expanded before the policy is checked), file last.
- Error bodies that users quoted in issue trackers: "Extra input fields: <name>", "POST requires
  exactly one file upload per request.", MaxPostPreDataLengthExceeded, InvalidAccessKeyId,
  the credential-region error, InvalidPolicyDocument texts.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from fnmatch import fnmatchcase
from http import HTTPStatus
from typing import IO, Any
from urllib.parse import quote, quote_plus, urlencode, urlsplit
from xml.sax.saxutils import escape

from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.http import parse_options_header
from werkzeug.sansio.multipart import NEED_DATA, Data, Epilogue, Event, Field, File, MultipartDecoder
from werkzeug.wsgi import get_input_stream

logger = logging.getLogger(__name__)

StartResponse = Callable[..., Any]
SecretKeyFor = Callable[[str], str | None]
# Stores (bucket, key, body, content type); answers as PutObject does: "ETag", and "VersionId" in a
# versioned bucket. It may write conditionally: S3's PreconditionFailed is answered as S3 answers it.
Store = Callable[[str, str, bytes, str], Mapping[str, Any]]
OnCreated = Callable[[dict[str, Any]], None]
CorsRulesFor = Callable[[str], list[dict[str, Any]]]

# Bucket names are 3-63 lowercase letters, digits, dots and hyphens (path-style addressing).
BUCKET_PATH = re.compile(r"^/(?P<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/?$")
MAX_PRE_DATA_BYTES = 20_480  # S3: the fields before the file may not exceed 20 KB
MAX_OBJECT_BYTES = 5 * 1024**3  # S3's limit for an object sent in one request
MAX_KEY_BYTES = 1024
READ_CHUNK = 64 * 1024
V4_FIELDS = (
    ("x-amz-algorithm", "X-Amz-Algorithm"),
    ("x-amz-credential", "X-Amz-Credential"),
    ("x-amz-date", "X-Amz-Date"),
    ("x-amz-signature", "X-Amz-Signature"),
)
V2_FIELDS = (("awsaccesskeyid", "AWSAccessKeyId"), ("signature", "Signature"))
# Fields a policy need not mention (besides x-ignore-*), per signature version.
EXEMPT_V4 = frozenset({"file", "policy", "x-amz-signature"})
EXEMPT_V2 = frozenset({"file", "policy", "awsaccesskeyid", "signature"})
# The documented conditions that support exact matching only.
EXACT_ONLY = frozenset(
    {
        "bucket",
        "success_action_status",
        "x-amz-algorithm",
        "x-amz-credential",
        "x-amz-date",
        "x-amz-security-token",
    }
)
EQ, STARTS_WITH, RANGE = "eq", "starts-with", "content-length-range"
# S3 shows bucket owners by canonical id; this stands in for the local account's.
OWNER_ID = "A3NL1KOZZKLOCAL"


class S3Error(Exception):
    """An answer S3 gives as an `<Error>` document; `details` are its extra elements, in order."""

    def __init__(self, status: int, code: str, message: str, *details: tuple[str, str]) -> None:
        super().__init__(f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details


def _invalid_argument(message: str, name: str, value: str = "", *more: tuple[str, str]) -> S3Error:
    return S3Error(400, "InvalidArgument", message, ("ArgumentName", name), ("ArgumentValue", value), *more)


def _missing_field(name: str) -> S3Error:
    # Two spaces after the first period, as S3 writes it.
    message = (
        f"Bucket POST must contain a field named '{name}'.  "
        "If it is specified, please check the order of the fields."
    )
    return _invalid_argument(message, name)


def _access_denied(message: str = "Access Denied") -> S3Error:
    return S3Error(403, "AccessDenied", message)


def _policy_refused(reason: str) -> S3Error:
    return _access_denied(f"Invalid according to Policy: {reason}")


def _invalid_policy(reason: str) -> S3Error:
    return S3Error(400, "InvalidPolicyDocument", f"Invalid Policy: {reason}")


def _malformed() -> S3Error:
    return S3Error(
        400, "MalformedPOSTRequest", "The body of your POST request is not well-formed multipart/form-data."
    )


def _not_multipart() -> S3Error:
    return S3Error(
        412,
        "PreconditionFailed",
        "At least one of the pre-conditions you specified did not hold",
        ("Condition", "Bucket POST must be of the enclosure-type multipart/form-data"),
    )


def _file_count(count: int) -> S3Error:
    return _invalid_argument("POST requires exactly one file upload per request.", "file", str(count))


def _too_large(size: int, limit: int) -> S3Error:
    return S3Error(
        400,
        "EntityTooLarge",
        "Your proposed upload exceeds the maximum allowed size",
        ("ProposedSize", str(size)),
        ("MaxSizeAllowed", str(limit)),
    )


def _too_small(size: int, limit: int) -> S3Error:
    return S3Error(
        400,
        "EntityTooSmall",
        "Your proposed upload is smaller than the minimum allowed size",
        ("ProposedSize", str(size)),
        ("MinSizeAllowed", str(limit)),
    )


# --- the form --------------------------------------------------------------------------------


@dataclass
class _Form:
    """The fields before the file part (S3 ignores the ones after it), in the order sent."""

    fields: list[tuple[str, str]] = field(default_factory=list)
    has_file: bool = False
    filename: str | None = None  # the file part's `filename` parameter, None when it has none

    def get(self, name: str) -> str | None:
        """Field names are case-insensitive; a repeated field is one comma-separated value."""
        values = [value for sent, value in self.fields if sent.lower() == name]
        return ",".join(values) if values else None

    def names(self) -> list[str]:
        """Each field's name once, lower-cased, in the order first sent."""
        return list(dict.fromkeys(sent.lower() for sent, _ in self.fields))

    def values(self, bucket: str) -> dict[str, str]:
        """What the conditions are matched against: ${filename} expanded, `bucket` from the URL."""
        expanded = {name: _expand(self.get(name) or "", self.filename) for name in self.names()}
        expanded["bucket"] = bucket
        return expanded


def _expand(value: str, filename: str | None) -> str:
    # S3 keeps "${filename}" literally when the file part has no filename parameter, and uses
    # only the text after the last slash or backslash of a client-supplied path.
    if filename is None:
        return value
    return value.replace("${filename}", re.split(r"[/\\]", filename)[-1])


class _MultipartBody:
    """Reads a multipart/form-data body as it arrives, so an oversized file is never held whole."""

    def __init__(self, stream: IO[bytes], boundary: bytes) -> None:
        self._stream = stream
        self._decoder = MultipartDecoder(boundary, max_parts=1000)
        self._received = 0

    def read_fields(self) -> _Form:
        form = _Form()
        name: str | None = None
        value = bytearray()
        while True:
            event = self._next()
            if isinstance(event, Epilogue):
                return form
            if isinstance(event, Field | File):
                if not event.name:
                    raise _malformed()
                if event.name.lower() == "file":
                    form.has_file = True
                    form.filename = _filename(event) if isinstance(event, File) else None
                    self._check_pre_data()
                    return form
                name, value = event.name, bytearray()
            elif isinstance(event, Data) and name is not None:
                value += event.data
                if not event.more_data:
                    form.fields.append((name, value.decode("utf-8", "replace")))
                    name = None
            self._check_pre_data()

    def read_file(self, keep_at_most: int) -> tuple[bytes, int]:
        """The file's bytes (empty once over `keep_at_most`) and its full size."""
        body = bytearray()
        size = 0
        while True:
            event = self._next()
            if isinstance(event, Epilogue):
                raise _malformed()
            if isinstance(event, Data):
                size += len(event.data)
                if size <= keep_at_most:
                    body += event.data
                elif body:
                    body = bytearray()  # too large: keep counting for ProposedSize, stop keeping
                if not event.more_data:
                    return bytes(body), size

    def further_file_parts(self) -> int:
        """Reads to the end of the body; how many more parts are named `file`."""
        count = 0
        while not isinstance(event := self._next(), Epilogue):
            if isinstance(event, Field | File) and (event.name or "").lower() == "file":
                count += 1
        return count

    def _next(self) -> Event:
        while True:
            try:
                event = self._decoder.next_event()
            except (ValueError, RequestEntityTooLarge) as exc:  # unparsable, or ended mid-part
                raise _malformed() from exc
            if event is not NEED_DATA:
                return event
            chunk = self._stream.read(READ_CHUNK)
            self._received += len(chunk)
            self._decoder.receive_data(chunk or None)

    def _check_pre_data(self) -> None:
        consumed = self._received - len(self._decoder.buffer)
        if consumed > MAX_PRE_DATA_BYTES:
            # S3's code and (misspelt) message, as users have quoted them.
            raise S3Error(
                400,
                "MaxPostPreDataLengthExceeded",
                "Your POST request fields preceeding the upload file was too large.",
                ("MaxPostPreDataLengthBytes", str(MAX_PRE_DATA_BYTES)),
            )


def _filename(part: File) -> str:
    """The file part's filename as a browser sent it.

    Browsers escape only '"', CR and LF (as %22, %0D, %0A) and send backslashes raw, so a Windows
    path keeps its separators; werkzeug would read them as RFC 9110 escapes and drop them.
    """
    raw = re.search(r';\s*filename="([^"]*)"', part.headers.get("Content-Disposition", ""))
    if raw is None:
        return part.filename
    return raw[1].replace("%22", '"').replace("%0D", "\r").replace("%0A", "\n")


def _drain(stream: IO[bytes]) -> None:
    """Read what the client still sends, so it sees our answer rather than a reset connection."""
    try:
        while stream.read(READ_CHUNK):
            pass
    except (OSError, HTTPException):  # the client went away (werkzeug's ClientDisconnected)
        pass


# --- the policy ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Condition:
    rendered: str  # as S3 echoes it in "Policy Condition failed: ..."
    operator: str = ""  # "" marks a condition S3 cannot satisfy (no "$", wrong types)
    field: str = ""  # lower-cased, without the "$"
    value: str = ""
    low: int = 0
    high: int = 0

    def holds(self, values: Mapping[str, str]) -> bool:
        actual = values.get(self.field)
        if actual is None:  # a condition on a field that was not sent fails, even starts-with ""
            return False
        if self.operator == EQ:
            return actual == self.value
        if self.operator != STARTS_WITH or self.field in EXACT_ONLY:
            return False
        if self.field == "content-type":  # a comma-separated Content-Type is a list: every item must match
            return all(item.strip().startswith(self.value) for item in actual.split(","))
        return actual.startswith(self.value)


@dataclass(frozen=True)
class _Policy:
    expiration: datetime
    conditions: tuple[_Condition, ...]

    def check_fields(self, values: Mapping[str, str]) -> None:
        for condition in self.conditions:
            if condition.operator != RANGE and not condition.holds(values):
                raise _policy_refused(f"Policy Condition failed: {condition.rendered}")

    def check_coverage(self, form: _Form, exempt: frozenset[str]) -> None:
        covered = {c.field for c in self.conditions if c.operator in (EQ, STARTS_WITH)}
        for name in form.names():
            if name not in covered and name not in exempt and not name.startswith("x-ignore-"):
                raise _policy_refused(f"Extra input fields: {name}")

    def size_limit(self) -> int:
        return min([c.high for c in self.conditions if c.operator == RANGE] + [MAX_OBJECT_BYTES])

    def check_size(self, size: int) -> None:
        for condition in self.conditions:
            if condition.operator == RANGE and size < condition.low:
                raise _too_small(size, condition.low)
            if condition.operator == RANGE and size > condition.high:
                raise _too_large(size, condition.high)
        if size > MAX_OBJECT_BYTES:
            raise _too_large(size, MAX_OBJECT_BYTES)


def _reject_number(text: str) -> Any:
    # S3 refuses non-integer numbers (e.g. a 512.0 bound) as "Invalid JSON".
    raise ValueError(text)


def _decode_policy(text: str) -> _Policy:
    try:
        raw = base64.b64decode(text, validate=True)
        document = json.loads(raw.decode("utf-8"), parse_float=_reject_number, parse_constant=_reject_number)
    except (binascii.Error, ValueError) as exc:
        raise _invalid_policy("Invalid JSON.") from exc
    if not isinstance(document, dict):
        raise _invalid_policy("Invalid JSON.")
    for member in document:
        if member not in ("expiration", "conditions"):
            raise _invalid_policy(f"Unexpected: '{str(member).lower()}'")
    if "expiration" not in document:
        raise _invalid_policy("Policy missing expiration.")
    if "conditions" not in document:
        raise _invalid_policy("Policy missing conditions.")
    if not isinstance(document["conditions"], list):
        raise _invalid_policy("Invalid 'conditions' value: must be a List.")
    conditions = tuple(_parse_condition(item) for item in document["conditions"])
    return _Policy(_parse_expiration(document["expiration"]), conditions)


def _parse_expiration(value: Any) -> datetime:
    # ISO 8601 in UTC ("Z"), with or without fractional seconds; offsets and spaces are refused.
    match = (
        re.fullmatch(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z", value)
        if isinstance(value, str)
        else None
    )
    try:
        if match is None:
            raise ValueError(value)
        moment = datetime.strptime(match[1], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)
    except ValueError as exc:
        raise _invalid_policy(f"Invalid 'expiration' value: '{value}'") from exc
    fraction = match[2] or "0"
    return moment + timedelta(microseconds=int(fraction.ljust(6, "0")[:6]))


def _parse_condition(item: Any) -> _Condition:
    if isinstance(item, dict):
        return _simple_condition(item)
    if isinstance(item, list):
        return _list_condition(item)
    raise _invalid_policy("Invalid condition test: must be a List or Object.")


def _simple_condition(item: dict[str, Any]) -> _Condition:
    # {"field": "value"} is ["eq", "$field", "value"], and S3 echoes it in that form.
    if len(item) != 1:
        raise _invalid_policy(
            "Invalid Simple-Condition: Simple-Conditions must have exactly one property specified."
        )
    [(name, value)] = item.items()
    if value is None:
        raise _invalid_policy("Invalid JSON.")
    if not isinstance(value, str):
        raise _invalid_policy("Invalid Simple-Condition: value must be a string.")
    rendered = _render([EQ, f"${name}", value])
    return _Condition(rendered, EQ, name.lower(), value)


def _list_condition(item: list[Any]) -> _Condition:
    if not item or not isinstance(item[0], str):
        raise _invalid_policy("Invalid Condition: missing operation identifier.")
    operator = item[0].lower()
    if operator not in (EQ, STARTS_WITH, RANGE):
        raise _invalid_policy(f"Invalid Condition: unknown operation '{item[0]}'.")
    if len(item) != 3:
        raise _invalid_policy(f"Invalid {item[0]}: wrong number of arguments.")
    rendered = _render(item)
    if operator == RANGE:
        low, high = _range_bound(item[1]), _range_bound(item[2])
        if low is None or high is None:
            return _Condition(rendered)
        return _Condition(rendered, RANGE, low=low, high=high)
    name, value = item[1], item[2]
    if not isinstance(name, str) or not name.startswith("$") or not isinstance(value, str):
        return _Condition(rendered)
    return _Condition(rendered, operator, name[1:].lower(), value)


def _range_bound(value: Any) -> int | None:
    # S3 takes integers and strings of digits ("5"); anything else fails the condition.
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value):
        return int(value)
    return None


def _render(items: list[Any]) -> str:
    return json.dumps(items, ensure_ascii=False)


# --- signatures ------------------------------------------------------------------------------


def _signing_key(secret: str, day: str, region: str) -> bytes:
    key = f"AWS4{secret}".encode()
    for part in (day, region, "s3", "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return key


def _signature_mismatch(access_key: str, policy: str, provided: str) -> S3Error:
    # S3 signs the base64 policy text as sent, and shows it back with its bytes in hex.
    return S3Error(
        403,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. "
        "Check your key and signing method.",
        ("AWSAccessKeyId", access_key),
        ("StringToSign", policy),
        ("SignatureProvided", provided),
        ("StringToSignBytes", " ".join(f"{byte:02x}" for byte in policy.encode())),
    )


def _credential_error(message: str, credential: str, *more: tuple[str, str]) -> S3Error:
    return _invalid_argument(message, "X-Amz-Credential", credential, *more)


# --- answers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _RequestIds:
    request_id: str
    host_id: str

    @classmethod
    def new(cls) -> _RequestIds:
        return cls(secrets.token_hex(8).upper(), base64.b64encode(secrets.token_bytes(57)).decode())

    def headers(self) -> list[tuple[str, str]]:
        # No "Server: AmazonS3": werkzeug's server always sends its own, and two would confuse clients.
        return [("x-amz-request-id", self.request_id), ("x-amz-id-2", self.host_id)]


@dataclass(frozen=True)
class _Reply:
    status: int
    headers: list[tuple[str, str]]
    body: bytes = b""


def _error_reply(error: S3Error, ids: _RequestIds) -> _Reply:
    details = "".join(f"<{name}>{escape(value)}</{name}>" for name, value in error.details)
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<Error><Code>{error.code}</Code><Message>{escape(error.message)}</Message>{details}"
        f"<RequestId>{ids.request_id}</RequestId><HostId>{ids.host_id}</HostId></Error>"
    )
    return _Reply(error.status, [("Content-Type", "application/xml")], document.encode())


def _send(
    start_response: StartResponse, reply: _Reply, ids: _RequestIds, cors: list[tuple[str, str]]
) -> list[bytes]:
    headers = [*ids.headers(), *cors, *reply.headers]
    if reply.status != 204:  # S3's 204 carries no body and no Content-Length
        headers.append(("Content-Length", str(len(reply.body))))
    start_response(f"{reply.status} {HTTPStatus(reply.status).phrase}", headers)
    return [reply.body]


def _success_reply(location: str, bucket: str, key: str, etag: str, values: Mapping[str, str]) -> _Reply:
    quoted_etag = f'"{etag}"'
    headers = [("ETag", quoted_etag), ("Location", location)]
    redirect = values.get("success_action_redirect") or values.get("redirect") or ""
    if _is_absolute_url(redirect):  # S3 ignores a redirect it cannot interpret
        joiner = "&" if "?" in redirect else "?"
        target = redirect + joiner + urlencode([("bucket", bucket), ("key", key), ("etag", quoted_etag)])
        return _Reply(303, [("ETag", quoted_etag), ("Location", target)])
    status = values.get("success_action_status")
    if status == "201":
        document = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<PostResponse><Location>{escape(location)}</Location><Bucket>{escape(bucket)}</Bucket>"
            f"<Key>{escape(key)}</Key><ETag>{quoted_etag}</ETag></PostResponse>"
        )
        return _Reply(201, [*headers, ("Content-Type", "application/xml")], document.encode())
    return _Reply(200 if status == "200" else 204, headers)


def _cors_headers(rules: list[dict[str, Any]], origin: str) -> list[tuple[str, str]]:
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


def _post_object_bucket(environ: Mapping[str, Any]) -> str | None:
    """The bucket of an S3 POST Object request, or None for anything else."""
    if environ.get("REQUEST_METHOD") != "POST" or environ.get("QUERY_STRING"):
        return None  # POST /<bucket>?delete and friends are other S3 operations
    match = BUCKET_PATH.match(environ.get("PATH_INFO", ""))
    # Other AWS APIs served on this port sign with an Authorization header; a form upload has none.
    if match is None or environ.get("HTTP_AUTHORIZATION"):
        return None
    return match["bucket"]


def _partition(region: str) -> str:
    if region.startswith("cn-"):
        return "aws-cn"
    return "aws-us-gov" if region.startswith("us-gov-") else "aws"


def _event_time() -> str:
    now = datetime.now(UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


# --- the middleware --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Signer:
    access_key: str
    exempt: frozenset[str]  # the signature fields the policy need not cover


class S3PostPolicyMiddleware:
    """Answers `POST /<bucket>` form uploads as S3 does; every other request goes to `app`."""

    def __init__(
        self,
        app: Any,
        *,
        secret_key_for: SecretKeyFor,
        store: Store,
        on_created: OnCreated,
        region: str,
        configuration_id: str = "local-uploads",
        cors_rules_for: CorsRulesFor | None = None,
    ) -> None:
        self._app = app
        self._secret_key_for = secret_key_for
        self._store = store
        self._on_created = on_created
        self._region = region
        self._configuration_id = configuration_id
        self._cors_rules_for = cors_rules_for
        self._sequence_lock = threading.Lock()
        self._last_sequence = 0

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        bucket = _post_object_bucket(environ)
        if bucket is None:
            return self._app(environ, start_response)  # type: ignore[no-any-return]
        ids = _RequestIds.new()
        stream = get_input_stream(environ)
        try:
            reply = self._post_object(environ, bucket, stream, ids)
        except S3Error as error:
            logger.info("S3 POST to %s refused: %s %s", bucket, error.code, error.message)
            _drain(stream)
            reply = _error_reply(error, ids)
        return _send(start_response, reply, ids, self._cors(bucket, environ.get("HTTP_ORIGIN")))

    def _post_object(
        self, environ: Mapping[str, Any], bucket: str, stream: IO[bytes], ids: _RequestIds
    ) -> _Reply:
        mimetype, options = parse_options_header(environ.get("CONTENT_TYPE"))
        if mimetype.lower() != "multipart/form-data":
            raise _not_multipart()
        if not options.get("boundary"):
            raise _malformed()
        body = _MultipartBody(stream, options["boundary"].encode("latin-1"))
        # S3's order: required fields, signature, policy document, expiry, conditions, coverage;
        # the size while the file streams in; only then is anything stored.
        form = body.read_fields()
        if not form.get("key"):
            raise _missing_field("key")
        if not form.has_file:
            raise _file_count(0)
        signer = self._authenticate(form)
        policy = _decode_policy(form.get("policy") or "")
        if datetime.now(UTC) > policy.expiration:
            raise _policy_refused("Policy expired.")
        values = form.values(bucket)
        key = _object_key(values["key"])
        policy.check_fields(values)
        policy.check_coverage(form, signer.exempt)
        data, size = body.read_file(policy.size_limit())
        policy.check_size(size)
        if extra := body.further_file_parts():
            raise _file_count(1 + extra)
        etag, version_id = self._put(bucket, key, data, values.get("content-type") or "binary/octet-stream")
        self._announce(bucket, key, size, (etag, version_id), signer.access_key, environ, ids)
        location = f"{_base_url(environ)}/{bucket}/{quote(key, safe='')}"
        return _success_reply(location, bucket, key, etag, values)

    # -- signature --

    def _authenticate(self, form: _Form) -> _Signer:
        if any(form.get(name) is not None for name, _ in V4_FIELDS):
            self._require(form, V4_FIELDS)
            return _Signer(self._check_v4(form), EXEMPT_V4)
        if any(form.get(name) is not None for name, _ in V2_FIELDS):
            self._require(form, V2_FIELDS)
            return _Signer(self._check_v2(form), EXEMPT_V2)
        # No signature fields: the request is anonymous, which only a public bucket allows.
        raise _access_denied()

    @staticmethod
    def _require(form: _Form, names: tuple[tuple[str, str], ...]) -> None:
        for name, canonical in names:
            if not form.get(name):
                raise _missing_field(canonical)
        if not form.get("policy"):
            raise _missing_field("policy")

    def _check_v4(self, form: _Form) -> str:
        algorithm = form.get("x-amz-algorithm") or ""
        if algorithm != "AWS4-HMAC-SHA256":
            raise _invalid_argument(
                'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"', "X-Amz-Algorithm", algorithm
            )
        credential = form.get("x-amz-credential") or ""
        access_key, day = self._credential_scope(credential)
        amz_date = form.get("x-amz-date") or ""
        if not re.fullmatch(r"\d{8}T\d{6}Z", amz_date):
            raise _invalid_argument(
                "X-Amz-Date must be formated via ISO8601 Long format", "X-Amz-Date", amz_date
            )
        secret = self._secret(access_key)
        policy, provided = form.get("policy") or "", form.get("x-amz-signature") or ""
        expected = hmac.new(
            _signing_key(secret, day, self._region), policy.encode(), hashlib.sha256
        ).hexdigest()
        if not hmac.compare_digest(expected, provided):
            raise _signature_mismatch(access_key, policy, provided)
        return access_key

    def _credential_scope(self, credential: str) -> tuple[str, str]:
        parts = credential.split("/")
        if len(parts) != 5:
            expecting = '"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request"'
            raise _credential_error(f"the Credential is mal-formed; expecting {expecting}.", credential)
        access_key, day, region, service, terminal = parts
        if not access_key:
            raise _credential_error(
                "a non-empty Access Key (AKID) must be provided in the credential.", credential
            )
        if not _is_day(day):
            message = (
                f'incorrect date format "{day}". '
                'This date in the credential must be in the format "yyyyMMdd".'
            )
            raise _credential_error(message, credential)
        if region != self._region:
            message = f"the region '{region}' is wrong; expecting '{self._region}'"
            raise _credential_error(message, credential, ("Region", self._region))
        if service != "s3":
            raise _credential_error(
                f'incorrect service "{service}". This endpoint belongs to "s3".', credential
            )
        if terminal != "aws4_request":
            raise _credential_error(
                f'incorrect terminal "{terminal}". This endpoint uses "aws4_request".', credential
            )
        return access_key, day

    def _check_v2(self, form: _Form) -> str:
        access_key = form.get("awsaccesskeyid") or ""
        secret = self._secret(access_key)
        policy, provided = form.get("policy") or "", form.get("signature") or ""
        digest = hmac.new(secret.encode(), policy.encode(), hashlib.sha1).digest()
        if not hmac.compare_digest(base64.b64encode(digest).decode(), provided):
            raise _signature_mismatch(access_key, policy, provided)
        return access_key

    def _secret(self, access_key: str) -> str:
        secret = self._secret_key_for(access_key)
        if secret is None:
            raise S3Error(
                403,
                "InvalidAccessKeyId",
                "The AWS Access Key Id you provided does not exist in our records.",
                ("AWSAccessKeyId", access_key),
            )
        return secret

    def _cors(self, bucket: str, origin: str | None) -> list[tuple[str, str]]:
        # Browsers read the answer (ETag, Location, errors) only if it carries the bucket's CORS
        # headers; S3 adds them to successes and errors alike.
        if not origin or self._cors_rules_for is None:
            return []
        try:
            rules = self._cors_rules_for(bucket)
        except Exception:  # a bucket without a CORS configuration, as S3 treats it
            logger.debug("No CORS rules for bucket %s", bucket, exc_info=True)
            return []
        return _cors_headers(rules, origin)

    # -- storing and announcing --

    def _put(self, bucket: str, key: str, data: bytes, content_type: str) -> tuple[str, str | None]:
        try:
            stored = self._store(bucket, key, data, content_type)
            return str(stored["ETag"]).strip('"'), stored.get("VersionId")
        except Exception as exc:  # any failure is answered to the uploader the way S3 answers
            if _error_code(exc) == "PreconditionFailed":  # a conditional write on an existing key
                raise S3Error(
                    412,
                    "PreconditionFailed",
                    "At least one of the pre-conditions you specified did not hold",
                    ("Condition", "If-None-Match"),
                ) from exc
            if _error_code(exc) == "NoSuchBucket":
                raise S3Error(
                    404, "NoSuchBucket", "The specified bucket does not exist", ("BucketName", bucket)
                ) from exc
            logger.exception("Storing the S3 POST upload %s/%s failed", bucket, key)
            raise S3Error(
                500, "InternalError", "We encountered an internal error. Please try again."
            ) from exc

    def _announce(
        self,
        bucket: str,
        key: str,
        size: int,
        stored: tuple[str, str | None],
        access_key: str,
        environ: Mapping[str, Any],
        ids: _RequestIds,
    ) -> None:
        event = self._object_created_event(bucket, key, size, stored, access_key, environ, ids)
        try:
            self._on_created(event)
        except Exception:  # S3 notifies after storing: a failed delivery never undoes the upload
            logger.exception("Delivering ObjectCreated:Post for %s/%s failed", bucket, key)

    def _object_created_event(
        self,
        bucket: str,
        key: str,
        size: int,
        stored: tuple[str, str | None],
        access_key: str,
        environ: Mapping[str, Any],
        ids: _RequestIds,
    ) -> dict[str, Any]:
        """The S3 event notification message, as S3 sends it to SQS for `ObjectCreated:Post`."""
        record = {
            "eventVersion": "2.1",
            "eventSource": "aws:s3",
            "awsRegion": self._region,
            "eventTime": _event_time(),
            "eventName": "ObjectCreated:Post",
            "userIdentity": {"principalId": f"AWS:{access_key}"},
            "requestParameters": {"sourceIPAddress": environ.get("REMOTE_ADDR", "127.0.0.1")},
            "responseElements": {"x-amz-request-id": ids.request_id, "x-amz-id-2": ids.host_id},
            "s3": {
                "s3SchemaVersion": "1.0",
                "configurationId": self._configuration_id,
                "bucket": {
                    "name": bucket,
                    "ownerIdentity": {"principalId": OWNER_ID},
                    "arn": f"arn:{_partition(self._region)}:s3:::{bucket}",
                },
                # S3 form-encodes the key (a space as '+', '@' as %40) but leaves '/' alone.
                "object": {
                    "key": quote_plus(key, safe="/"),
                    "size": size,
                    "eTag": stored[0],
                    # A versioned bucket names the version created (an unversioned one omits it).
                    **({"versionId": stored[1]} if stored[1] else {}),
                    "sequencer": self._sequencer(),
                },
            },
        }
        return {"Records": [record]}

    def _sequencer(self) -> str:
        # S3's sequencer is a hex string that grows for later events on a key.
        with self._sequence_lock:
            self._last_sequence = max(self._last_sequence + 1, time.time_ns())
            return f"{self._last_sequence:018X}"


def _object_key(key: str) -> str:
    if not key:  # "${filename}" with an empty file name leaves no key
        raise _missing_field("key")
    if len(key.encode()) > MAX_KEY_BYTES:
        raise S3Error(
            400,
            "KeyTooLongError",
            "Your key is too long",
            ("MaxSizeAllowed", str(MAX_KEY_BYTES)),
            ("Size", str(len(key.encode()))),
        )
    return key


def _error_code(exc: Exception) -> str | None:
    """The S3 error code of a botocore ClientError (duck-typed: `store` may use any client)."""
    response = getattr(exc, "response", None)
    error = response.get("Error") if isinstance(response, dict) else None
    return error.get("Code") if isinstance(error, dict) else None


def _is_day(day: str) -> bool:
    try:
        datetime.strptime(day, "%Y%m%d")
    except ValueError:
        return False
    return len(day) == 8


def _base_url(environ: Mapping[str, Any]) -> str:
    host = environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME')}:{environ.get('SERVER_PORT')}"
    return f"{environ.get('wsgi.url_scheme', 'http')}://{host}"
