"""AWS's JSON protocol (DynamoDB, Step Functions) over plain HTTP/1.1 keep-alive, without
botocore's client: the local stack's, whose moto checks no signature (ADR 0025, addendum).

botocore's client side of a call (validating and serialising the parameters against the model,
a dozen event hooks, SigV4, urllib3, parsing the answer against the model) was most of the API's
CPU per POST, and a burst of 100 POSTs is bound by that CPU on the 2 cores it shares (#19 item
6). The JSON protocol needs none of it: the request body is the operation's parameters as JSON
(`X-Amz-Target: <prefix>.<Operation>`), the answer is the result as JSON, binary values base64 in
both. On AWS botocore stays (signing, endpoints, credentials).

`HttpJsonClient.call` answers as botocore's client does: the parsed result with
`ResponseMetadata` (binary values as bytes, top-level timestamps as datetimes), or a
`botocore.exceptions.ClientError` with the same `Error.Code`, `Error.Message` and modelled fields
(`Item`, `CancellationReasons`) botocore's parser gives, after the same retries (botocore's
standard mode: throttling, 5xx and lost connections, 4 attempts for DynamoDB and 3 for others;
its retry quota, which only matters when most calls fail, is not kept).
"""

from __future__ import annotations

import base64
import datetime
import json
import random
import time
from typing import Any
from urllib.parse import urlsplit

from botocore.exceptions import ClientError
from dateutil.tz import tzutc

from chalicelib.aws.kept_alive import CONNECTION_ERRORS, Answer, KeptAliveConnections

# botocore's standard retry mode, its default (botocore/retries/standard.py): 4 attempts for
# DynamoDB, 3 for others, on these statuses, codes and lost connections, after a random delay up
# to 25 ms (DynamoDB) or 50 ms doubling each time, up to 1 s doubling for throttling.
MAX_ATTEMPTS = {"dynamodb": 4}
DEFAULT_MAX_ATTEMPTS = 3
TRANSIENT_STATUSES = frozenset({500, 502, 503, 504})
TRANSIENT_CODES = frozenset({"RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"})
THROTTLED_STATUSES = frozenset({429})
THROTTLED_CODES = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "RequestThrottled",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
    }
)
BASE_DELAY_SECONDS = {"dynamodb": 0.025}
DEFAULT_BASE_DELAY_SECONDS = 0.05
THROTTLED_BASE_DELAY_SECONDS = 1.0
MAX_DELAY_SECONDS = 20.0
# A connection lost or refused before an answer was read (botocore's GENERAL_CONNECTION_ERROR).


class HttpJsonClient:
    """One service's JSON-protocol calls, over one kept-alive connection per concurrent caller
    (a LIFO pool: the local gateway's threads come and go with their clients' connections, and a
    connection kept per thread would outlive its thread). `service_model` is botocore's (the
    target prefix, the error shapes, the output's timestamps)."""

    def __init__(
        self, endpoint: str, region: str, access_key: str, service_model: Any, timeout: float = 60.0
    ) -> None:
        parts = urlsplit(endpoint)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"HttpJsonClient needs a plain http:// endpoint, not {endpoint!r}")
        self._connections = KeptAliveConnections(parts.hostname, parts.port or 80, timeout)
        self._model = service_model
        self.service: str = service_model.service_name
        self._target = str(service_model.metadata["targetPrefix"]) + "."
        self._content_type = f"application/x-amz-json-{service_model.metadata.get('jsonVersion', '1.0')}"
        # moto reads the region and the account from the credential's scope; it checks no signature.
        self._authorization = (
            f"AWS4-HMAC-SHA256 Credential={access_key}/20200101/{region}/{service_model.signing_name}/"
            "aws4_request, SignedHeaders=content-type;host;x-amz-target, Signature=0"
        )
        self._attempts = MAX_ATTEMPTS.get(self.service, DEFAULT_MAX_ATTEMPTS)
        self._base_delay = BASE_DELAY_SECONDS.get(self.service, DEFAULT_BASE_DELAY_SECONDS)
        self._timestamps: dict[str, list[str]] = {}

    def call(self, operation: str, params: dict[str, Any]) -> dict[str, Any]:
        body = json.dumps(params, separators=(",", ":"), default=_encode_blob).encode()
        headers = {
            "Content-Type": self._content_type,
            "X-Amz-Target": self._target + operation,
            "Authorization": self._authorization,
        }
        attempt = 1
        while True:
            base_delay = self._base_delay
            try:
                answer = self._connections.send("POST", "/", body, headers)
            except CONNECTION_ERRORS:
                if attempt >= self._attempts:
                    raise
            else:
                parsed = _decode(answer.body)
                if answer.status < 300:
                    self._timestamps_parsed(operation, parsed)
                    parsed["ResponseMetadata"] = _metadata(answer, attempt - 1)
                    return parsed
                error = self._error(answer, parsed, attempt - 1)
                code = error["Error"]["Code"]
                throttled = code in THROTTLED_CODES or answer.status in THROTTLED_STATUSES
                transient = code in TRANSIENT_CODES or answer.status in TRANSIENT_STATUSES
                if attempt >= self._attempts:
                    error["ResponseMetadata"]["MaxAttemptsReached"] = True  # in the message, as botocore's
                if attempt >= self._attempts or not (throttled or transient):
                    raise ClientError(error, operation)
                if throttled:
                    base_delay = THROTTLED_BASE_DELAY_SECONDS
            time.sleep(random.random() * min(base_delay * 2 ** (attempt - 1), MAX_DELAY_SECONDS))
            attempt += 1

    def _timestamps_parsed(self, operation: str, parsed: dict[str, Any]) -> None:
        """Top-level timestamps (Step Functions' `startDate`) as botocore parses them."""
        names = self._timestamps.get(operation)
        if names is None:
            shape = self._model.operation_model(operation).output_shape
            members = shape.members.items() if shape is not None else ()
            names = self._timestamps[operation] = [n for n, m in members if m.type_name == "timestamp"]
        for name in names:
            if isinstance(parsed.get(name), int | float):
                parsed[name] = datetime.datetime.fromtimestamp(parsed[name], tzutc())

    def _error(self, answer: Answer, body: dict[str, Any], retries: int) -> dict[str, Any]:
        """What botocore's JSON parser makes of an error (parsers.BaseJSONParser._do_error_parse,
        then endpoint._add_modeled_error_fields)."""
        code = str(body.get("__type", str(answer.status)))
        if ":" in code:
            code = code.split(":", 1)[0]
        if "#" in code:
            code = code.rsplit("#", 1)[1]
        error: dict[str, Any] = {
            "Error": {"Message": body.get("message", body.get("Message", "")), "Code": code},
            "ResponseMetadata": _metadata(answer, retries),
        }
        shape = self._model.shape_for_error_code(code)
        if shape is not None:
            for name, member in shape.members.items():
                key = member.serialization.get("name", name)
                if key in body:
                    error[name] = body[key]
        return error


def _metadata(answer: Answer, retries: int) -> dict[str, Any]:
    metadata: dict[str, Any] = {}
    if "x-amzn-requestid" in answer.headers:
        metadata["RequestId"] = answer.headers["x-amzn-requestid"]
    metadata.update(HTTPStatusCode=answer.status, HTTPHeaders=answer.headers, RetryAttempts=retries)
    return metadata


def _encode_blob(value: Any) -> str:
    """Binary values travel as base64, as botocore's JSON serialiser sends blobs."""
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _decode(raw: bytes) -> dict[str, Any]:
    if not raw:
        return {}
    try:
        parsed = json.loads(raw)
    except ValueError:
        return {"message": raw.decode("utf-8", "replace")}  # as botocore's parser does
    # Only an answer that holds a DynamoDB binary value needs the walk.
    if b'"B"' in raw or b'"BS"' in raw:
        _decode_blobs(parsed)
    return parsed  # type: ignore[no-any-return]


def _decode_blobs(value: Any) -> None:
    """DynamoDB's `{"B": "<base64>"}` and `{"BS": [...]}` anywhere, in place, into bytes: the only
    one-key objects whose value is a string (or a list of strings) in its answers, since an
    item's attributes map names to objects."""
    if isinstance(value, dict):
        if len(value) == 1:
            if isinstance(value.get("B"), str):
                value["B"] = base64.b64decode(value["B"])
                return
            blobs = value.get("BS")
            if isinstance(blobs, list) and all(isinstance(b, str) for b in blobs):
                value["BS"] = [base64.b64decode(b) for b in blobs]
                return
        for item in value.values():
            _decode_blobs(item)
    elif isinstance(value, list):
        for item in value:
            _decode_blobs(item)


class HttpStepFunctionsClient:
    """boto3's Step Functions client for the calls `StepFunctionsEngine` makes; anything else is
    the boto3 client's."""

    def __init__(self, raw: HttpJsonClient, boto_client: Any) -> None:
        self.raw = raw
        self._boto = boto_client

    def start_execution(self, **params: Any) -> dict[str, Any]:
        return self.raw.call("StartExecution", params)

    def stop_execution(self, **params: Any) -> dict[str, Any]:
        return self.raw.call("StopExecution", params)

    def describe_execution(self, **params: Any) -> dict[str, Any]:
        return self.raw.call("DescribeExecution", params)

    def send_task_success(self, **params: Any) -> dict[str, Any]:
        return self.raw.call("SendTaskSuccess", params)

    def send_task_failure(self, **params: Any) -> dict[str, Any]:
        return self.raw.call("SendTaskFailure", params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._boto, name)
