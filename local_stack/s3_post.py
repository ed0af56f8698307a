"""S3 POST Object (browser uploads under a presigned POST policy), checked the way S3 checks it.

moto 5.2.5 stores whatever a form POST sends: a file over the policy's `content-length-range`, or
one whose `key` was moved to another user's prefix, gets 204. S3 on AWS refuses both. This WSGI
middleware sits in front of moto and takes `POST /<bucket>` form uploads. It verifies the policy's
SigV4 (or SigV2) signature, its expiry, every condition and the rule that every field is covered,
and answers S3's own XML errors. It then stores the object through `store` and hands `on_created`
the `ObjectCreated:Post` notification S3 would send. Every other request goes to the wrapped app.

This module is the middleware and its order of checks; the parts are beside it: `s3_post_form`
(the multipart body), `s3_post_signature` (SigV4/SigV2), `s3_post_policy` (the policy document
and its conditions), `s3_post_errors` (S3's refusals) and `s3_post_replies` (what is answered).

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

import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import IO, Any
from urllib.parse import quote, quote_plus

from werkzeug.http import parse_options_header
from werkzeug.wsgi import get_input_stream

from local_stack.s3_post_errors import (
    S3Error,
    malformed_post,
    missing_field,
    not_multipart,
    policy_refused,
    wrong_file_count,
)
from local_stack.s3_post_form import MultipartBody, drain
from local_stack.s3_post_policy import decode_policy
from local_stack.s3_post_replies import (
    Reply,
    RequestIds,
    StartResponse,
    cors_headers,
    error_reply,
    send_reply,
    success_reply,
)
from local_stack.s3_post_signature import PostSignatureCheck, SecretKeyFor

logger = logging.getLogger(__name__)

# Stores (bucket, key, body, content type); answers as PutObject does: "ETag", and "VersionId" in a
# versioned bucket. It may write conditionally: S3's PreconditionFailed is answered as S3 answers it.
Store = Callable[[str, str, bytes, str], Mapping[str, Any]]
OnCreated = Callable[[dict[str, Any]], None]
CorsRulesFor = Callable[[str], list[dict[str, Any]]]

# Bucket names are 3-63 lowercase letters, digits, dots and hyphens (path-style addressing).
BUCKET_PATH = re.compile(r"^/(?P<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/?$")
MAX_KEY_BYTES = 1024
# S3 shows bucket owners by canonical id; this stands in for the local account's.
OWNER_ID = "A3NL1KOZZKLOCAL"


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
        self._signatures = PostSignatureCheck(secret_key_for, region)
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
        ids = RequestIds.new()
        stream = get_input_stream(environ)
        try:
            reply = self._post_object(environ, bucket, stream, ids)
        except S3Error as error:
            logger.info("S3 POST to %s refused: %s %s", bucket, error.code, error.message)
            drain(stream)
            reply = error_reply(error, ids)
        return send_reply(start_response, reply, ids, self._cors(bucket, environ.get("HTTP_ORIGIN")))

    def _post_object(
        self, environ: Mapping[str, Any], bucket: str, stream: IO[bytes], ids: RequestIds
    ) -> Reply:
        mimetype, options = parse_options_header(environ.get("CONTENT_TYPE"))
        if mimetype.lower() != "multipart/form-data":
            raise not_multipart()
        if not options.get("boundary"):
            raise malformed_post()
        body = MultipartBody(stream, options["boundary"].encode("latin-1"))
        # S3's order: required fields, signature, policy document, expiry, conditions, coverage;
        # the size while the file streams in; only then is anything stored.
        form = body.read_fields()
        if not form.get("key"):
            raise missing_field("key")
        if not form.has_file:
            raise wrong_file_count(0)
        signer = self._signatures.authenticate(form)
        policy = decode_policy(form.get("policy") or "")
        if datetime.now(UTC) > policy.expiration:
            raise policy_refused("Policy expired.")
        values = form.values(bucket)
        key = _object_key(values["key"])
        policy.check_fields(values)
        policy.check_coverage(form, signer.exempt)
        data, size = body.read_file(policy.size_limit())
        policy.check_size(size)
        if extra := body.further_file_parts():
            raise wrong_file_count(1 + extra)
        etag, version_id = self._put(bucket, key, data, values.get("content-type") or "binary/octet-stream")
        self._announce(bucket, key, size, (etag, version_id), signer.access_key, environ, ids)
        location = f"{_base_url(environ)}/{bucket}/{quote(key, safe='')}"
        return success_reply(location, bucket, key, etag, values)

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
        return cors_headers(rules, origin)

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
        ids: RequestIds,
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
        ids: RequestIds,
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
        raise missing_field("key")
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


def _base_url(environ: Mapping[str, Any]) -> str:
    host = environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME')}:{environ.get('SERVER_PORT')}"
    return f"{environ.get('wsgi.url_scheme', 'http')}://{host}"
