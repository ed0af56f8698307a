"""S3's PutObject over plain HTTP/1.1 keep-alive, without botocore's client: the local stack's,
whose moto checks no signature (ADR 0025, addendum 2026-12-06, S3).

After DynamoDB's and Step Functions' calls skipped botocore (json_http.py), a TEXT POST's S3
PutObject of its input was the API's most expensive single call, a third of its remaining CPU
(#19 item 6). S3's REST protocol needs little of botocore for it: `PUT /<bucket>/<key>` (path
style, as botocore addresses a plain endpoint), the body as is, the input's header members as
headers; the answer's headers are the result. On AWS botocore stays.

`HttpS3Client.call` answers as botocore's client does: the output's header members typed by
botocore's own model (`ETag`, `VersionId`, `ChecksumCRC32`, ...) with `ResponseMetadata`, or a
`botocore.exceptions.ClientError` whose `Error` is the XML error's elements (`Code`, `Message`,
`BucketName`, `Condition`, ...), as botocore's RestXMLParser gives them, after the same retries.
Like botocore (1.36 on: `request_checksum_calculation=when_supported`) it sends a CRC32 of the
body, so moto stores and answers the same checksum.
"""

from __future__ import annotations

import base64
import datetime
import email.utils
import http.client
import random
import time
import zlib
from typing import Any
from urllib.parse import quote, urlsplit
from xml.etree import ElementTree

from botocore.exceptions import ClientError
from dateutil.parser import parse as parse_timestamp

from chalicelib.aws.json_http import (
    DEFAULT_BASE_DELAY_SECONDS,
    DEFAULT_MAX_ATTEMPTS,
    MAX_DELAY_SECONDS,
    THROTTLED_BASE_DELAY_SECONDS,
    THROTTLED_CODES,
    THROTTLED_STATUSES,
    TRANSIENT_CODES,
    TRANSIENT_STATUSES,
)
from chalicelib.aws.kept_alive import CONNECTION_ERRORS, Answer, KeptAliveConnections

# The operations this client sends; anything else is the boto3 client's.
OPERATIONS = {"PutObject": "PUT"}


class HttpS3Client:
    """boto3's S3 client for `put_object`, over one kept-alive connection per concurrent caller
    (a LIFO pool, as json_http's); anything else (gets, presigned forms, paginators) is the boto3
    client's. `boto_client` gives the endpoint, the region and the service model."""

    def __init__(self, boto_client: Any, access_key: str, timeout: float = 60.0) -> None:
        endpoint = boto_client.meta.endpoint_url
        parts = urlsplit(endpoint)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"HttpS3Client needs a plain http:// endpoint, not {endpoint!r}")
        self._boto = boto_client
        self._connections = KeptAliveConnections(parts.hostname, parts.port or 80, timeout)
        self._prefix = parts.path.rstrip("/")
        self._model = boto_client.meta.service_model
        self.service: str = "s3"
        # moto reads the region and the account from the credential's scope; it checks no signature.
        self._authorization = (
            f"AWS4-HMAC-SHA256 Credential={access_key}/20200101/{boto_client.meta.region_name}/s3/"
            "aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=0"
        )
        self._shapes: dict[str, tuple[dict[str, tuple[str, str]], str, dict[str, tuple[str, str]]]] = {}
        for operation in OPERATIONS:  # read now: the first calls, on many threads at once, each did
            self._shape(operation)

    def put_object(self, **params: Any) -> dict[str, Any]:
        return self.call("PutObject", params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._boto, name)

    def call(self, operation: str, params: dict[str, Any]) -> dict[str, Any]:
        inputs, prefix_member, outputs = self._shape(operation)
        params = dict(params)
        path = f"{self._prefix}/{quote(params.pop('Bucket'), safe='')}/{quote(params.pop('Key'), safe='/~')}"
        body = params.pop("Body", b"")
        if isinstance(body, str):
            body = body.encode()
        elif not isinstance(body, bytes | bytearray):
            body = body.read()  # a file object, as botocore accepts
        headers = {
            "Authorization": self._authorization,
            "X-Amz-Date": "20200101T000000Z",
            "X-Amz-Content-SHA256": "UNSIGNED-PAYLOAD",
            "Content-Length": str(len(body)),
        }
        # botocore computes the algorithm named (CRC32 by default); this client only CRC32, and a
        # request it cannot make as botocore would is refused rather than sent otherwise.
        if params.pop("ChecksumAlgorithm", "CRC32") != "CRC32":
            raise TypeError("HttpS3Client computes CRC32 checksums only")
        if not any(name.startswith("Checksum") or name == "ContentMD5" for name in params):
            headers["x-amz-sdk-checksum-algorithm"] = "CRC32"
            headers["x-amz-checksum-crc32"] = base64.b64encode(zlib.crc32(body).to_bytes(4, "big")).decode()
        for name, value in params.items():
            if name == prefix_member:
                headers.update({f"x-amz-meta-{key}": str(val) for key, val in value.items()})
                continue
            if name not in inputs:
                raise TypeError(f"HttpS3Client does not send {operation}'s {name}")
            header, kind = inputs[name]
            headers[header] = _header_text(value, kind)
        return self._call(operation, OPERATIONS[operation], path, body, headers, outputs)

    def _call(
        self,
        operation: str,
        method: str,
        path: str,
        body: bytes,
        headers: dict[str, str],
        outputs: dict[str, tuple[str, str]],
    ) -> dict[str, Any]:
        attempts = DEFAULT_MAX_ATTEMPTS  # botocore's standard mode: 3 for S3
        attempt = 1
        while True:
            base_delay = DEFAULT_BASE_DELAY_SECONDS
            try:
                answer = self._connections.send(method, path, body, headers)
            except CONNECTION_ERRORS:
                if attempt >= attempts:
                    raise
            else:
                if answer.status < 300:
                    return _result(answer, outputs, attempt - 1)
                error = _error(answer, attempt - 1)
                code = error["Error"].get("Code", "")
                throttled = code in THROTTLED_CODES or answer.status in THROTTLED_STATUSES
                transient = code in TRANSIENT_CODES or answer.status in TRANSIENT_STATUSES
                if attempt >= attempts:
                    error["ResponseMetadata"]["MaxAttemptsReached"] = True  # in the message, as botocore's
                if attempt >= attempts or not (throttled or transient):
                    raise ClientError(error, operation)
                if throttled:
                    base_delay = THROTTLED_BASE_DELAY_SECONDS
            time.sleep(random.random() * min(base_delay * 2 ** (attempt - 1), MAX_DELAY_SECONDS))
            attempt += 1

    def _shape(self, operation: str) -> tuple[dict[str, tuple[str, str]], str, dict[str, tuple[str, str]]]:
        """The operation's header members, from botocore's model: input name -> (header, type),
        the metadata member (`x-amz-meta-*`), output header -> (name, type)."""
        cached = self._shapes.get(operation)
        if cached is not None:
            return cached
        model = self._model.operation_model(operation)
        inputs: dict[str, tuple[str, str]] = {}
        prefix_member = ""
        for name, member in model.input_shape.members.items():
            location = member.serialization.get("location")
            if location == "header":
                inputs[name] = (member.serialization["name"], member.type_name)
            elif location == "headers":
                prefix_member = name
        outputs: dict[str, tuple[str, str]] = {}
        for name, member in model.output_shape.members.items():
            if member.serialization.get("location") == "header":
                outputs[member.serialization["name"].lower()] = (name, member.type_name)
        cached = self._shapes[operation] = (inputs, prefix_member, outputs)
        return cached


def _header_text(value: Any, kind: str) -> str:
    """An input header as botocore's rest serialiser writes it."""
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "timestamp":
        if isinstance(value, datetime.datetime):
            return email.utils.format_datetime(value.astimezone(datetime.UTC), usegmt=True)
        return str(value)
    return str(value)


def _result(answer: Answer, outputs: dict[str, tuple[str, str]], retries: int) -> dict[str, Any]:
    """The output's header members, typed as botocore's rest parser types them."""
    result: dict[str, Any] = {"ResponseMetadata": _metadata(answer, retries)}
    for header, value in answer.headers.items():
        member = outputs.get(header)
        if member is None:
            continue
        name, kind = member
        if kind == "boolean":
            result[name] = value.lower() == "true"
        elif kind in ("integer", "long"):
            result[name] = int(value)
        elif kind == "timestamp":
            result[name] = parse_timestamp(value)
        else:
            result[name] = value
    return result


def _metadata(answer: Answer, retries: int) -> dict[str, Any]:
    """botocore's ResponseMetadata for S3 (parsers.BaseRestParser._populate_response_metadata)."""
    metadata: dict[str, Any] = {}
    if "x-amz-request-id" in answer.headers:
        metadata["RequestId"] = answer.headers["x-amz-request-id"]
        metadata["HostId"] = answer.headers.get("x-amz-id-2", "")
    metadata.update(HTTPStatusCode=answer.status, HTTPHeaders=answer.headers, RetryAttempts=retries)
    return metadata


def _error(answer: Answer, retries: int) -> dict[str, Any]:
    """What botocore's RestXMLParser makes of an error: S3's `<Error>`'s elements (without the
    RequestId and HostId, which are the metadata's), or the status alone when there is no body."""
    metadata = _metadata(answer, retries)
    if answer.body:
        try:
            root = ElementTree.fromstring(answer.body)
        except ElementTree.ParseError:
            root = None
        if root is not None and _local(root.tag) == "Error":
            fields = {_local(child.tag): _text(child) for child in root}
            fields.pop("RequestId", None)
            fields.pop("HostId", None)
            return {"Error": fields, "ResponseMetadata": metadata}
    metadata.setdefault("RequestId", "")
    metadata.setdefault("HostId", "")
    return {
        "Error": {"Code": str(answer.status), "Message": http.client.responses.get(answer.status, "")},
        "ResponseMetadata": metadata,
    }


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(node: ElementTree.Element) -> Any:
    if len(node):
        return {_local(child.tag): _text(child) for child in node}
    return node.text or ""
