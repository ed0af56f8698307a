"""The local stand-in for S3's POST Object checks presigned POST policies as S3 does.

Only the middleware around moto is started here (no Chalice app, no Step Functions): a threaded
werkzeug server on a free port, boto3 presigning forms against it, urllib3 posting them.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import boto3
import pytest
import urllib3
from botocore.config import Config
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import make_server

from local_stack.s3_post import S3PostPolicyMiddleware

REGION = "us-east-1"
PDF = "application/pdf"
MAX_BYTES = 64
DOCUMENT = b"%PDF-1.7 water damage, laundry, 38 WME"


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    data: bytes

    def error(self) -> dict[str, str]:
        """The elements of S3's <Error> document."""
        root = ET.fromstring(self.data)
        assert root.tag == "Error"
        return {child.tag: child.text or "" for child in root}


@dataclass
class LocalS3:
    endpoint: str
    bucket: str
    pool: urllib3.PoolManager
    events: list[dict[str, Any]] = field(default_factory=list)

    def client(self, access_key: str = "local", secret_key: str = "local") -> Any:
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=access_key,
            aws_secret_access_key=secret_key,
            region_name=REGION,
            config=Config(signature_version="s3v4"),
        )

    def upload_form(self, key: str, *, expires_in: int = 60, **options: Any) -> dict[str, Any]:
        """The form the app hands out: this key, a PDF, 1..MAX_BYTES bytes."""
        client = options.pop("client", None) or self.client()
        fields = {"Content-Type": PDF, **options.pop("fields", {})}
        conditions = [
            {"Content-Type": PDF},
            ["content-length-range", 1, MAX_BYTES],
            *options.pop("conditions", []),
        ]
        form: dict[str, Any] = client.generate_presigned_post(
            Bucket=self.bucket, Key=key, Fields=fields, Conditions=conditions, ExpiresIn=expires_in
        )
        return form

    def post(
        self,
        form: dict[str, Any],
        content: bytes = DOCUMENT,
        *,
        filename: str = "report.pdf",
        extra: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        """A browser-style multipart POST: the form's fields (and `extra`), then the file last."""
        fields: list[tuple[str, Any]] = [
            *form["fields"].items(),
            *(extra or {}).items(),
            ("file", (filename, content, PDF)),
        ]
        response = self.pool.request("POST", form["url"], fields=fields, headers=headers, retries=False)
        return Reply(response.status, dict(response.headers), response.data)

    def stored(self, key: str) -> bytes | None:
        listing = self.client().list_objects_v2(Bucket=self.bucket, Prefix=key)
        if not any(item["Key"] == key for item in listing.get("Contents", [])):
            return None
        body: bytes = self.client().get_object(Bucket=self.bucket, Key=key)["Body"].read()
        return body

    def assert_refused_and_nothing_happened(self, *keys: str) -> None:
        for key in keys:
            assert self.stored(key) is None, f"{key} was stored"
        assert self.events == []


@pytest.fixture(scope="module")
def server() -> Iterator[LocalS3]:
    pool = urllib3.PoolManager()
    local = LocalS3(endpoint="", bucket=f"restoreassist-test-{uuid.uuid4().hex[:12]}", pool=pool)

    def store(bucket: str, key: str, body: bytes, content_type: str) -> dict[str, Any]:
        stored: dict[str, Any] = local.client().put_object(
            Bucket=bucket, Key=key, Body=body, ContentType=content_type
        )
        return stored

    def cors_rules_for(bucket: str) -> list[dict[str, Any]]:
        rules: list[dict[str, Any]] = local.client().get_bucket_cors(Bucket=bucket)["CORSRules"]
        return rules

    app = S3PostPolicyMiddleware(
        DomainDispatcherApplication(create_backend_app),
        secret_key_for=lambda access_key: "local" if access_key == "local" else None,
        store=store,
        on_created=local.events.append,
        region=REGION,
        cors_rules_for=cors_rules_for,
    )
    http = make_server("127.0.0.1", 0, app, threaded=True, request_handler=MotoRequestHandler)
    thread = threading.Thread(target=http.serve_forever, daemon=True, name="s3-post-test")
    thread.start()
    local.endpoint = f"http://127.0.0.1:{http.server_address[1]}"
    local.client().create_bucket(Bucket=local.bucket)
    yield local
    http.shutdown()
    thread.join(timeout=10)
    pool.clear()


@pytest.fixture
def s3(server: LocalS3) -> LocalS3:
    server.events.clear()
    return server


def _key(user: str = "bob", name: str = "site report.pdf") -> str:
    return f"uploads/{user}/{uuid.uuid4()}/{name}"


def test_a_valid_upload_is_stored_and_announced_once(s3: LocalS3) -> None:
    # Given a presigned POST for one key, a PDF of at most MAX_BYTES
    key = _key()
    form = s3.upload_form(key)

    # When the browser posts the form with the document, plus a field S3 is told to ignore
    reply = s3.post(form, extra={"x-ignore-submit": "Upload"})

    # Then S3's 204 answers with the ETag and the object's location
    md5 = hashlib.md5(DOCUMENT).hexdigest()
    assert reply.status == 204, reply.data
    assert reply.headers["ETag"] == f'"{md5}"'
    assert (
        reply.headers["Location"]
        == f"{s3.endpoint}/{s3.bucket}/{key.replace('/', '%2F').replace(' ', '%20')}"
    )
    # And the object is in the bucket, with the form's Content-Type
    assert s3.stored(key) == DOCUMENT
    assert s3.client().head_object(Bucket=s3.bucket, Key=key)["ContentType"] == PDF
    # And exactly one ObjectCreated:Post notification names it, its key URL-encoded as S3 does
    assert len(s3.events) == 1
    [record] = s3.events[0]["Records"]
    assert record["eventName"] == "ObjectCreated:Post"
    assert record["eventSource"] == "aws:s3"
    assert record["awsRegion"] == REGION
    assert record["s3"]["bucket"] == {
        "name": s3.bucket,
        "ownerIdentity": record["s3"]["bucket"]["ownerIdentity"],
        "arn": f"arn:aws:s3:::{s3.bucket}",
    }
    assert record["s3"]["object"]["key"] == key.replace(" ", "+")
    assert record["s3"]["object"]["size"] == len(DOCUMENT)
    assert record["s3"]["object"]["eTag"] == md5


def test_success_action_status_201_answers_a_post_response_and_expands_the_filename(s3: LocalS3) -> None:
    # Given a form whose key takes the uploaded file's name and that asks for a 201
    prefix = _key(name="")
    form = s3.upload_form(
        prefix + "${filename}",
        fields={"success_action_status": "201"},
        conditions=[{"success_action_status": "201"}],
    )

    # When the browser posts a file from a full local path
    reply = s3.post(form, filename="C:\\Users\\bob\\notes.pdf")

    # Then the PostResponse document names the object stored under the file's base name
    key = prefix + "notes.pdf"
    assert reply.status == 201, reply.data
    root = ET.fromstring(reply.data)
    assert root.tag == "PostResponse"
    assert root.findtext("Bucket") == s3.bucket
    assert root.findtext("Key") == key
    assert root.findtext("ETag") == f'"{hashlib.md5(DOCUMENT).hexdigest()}"'
    assert s3.stored(key) == DOCUMENT
    assert [event["Records"][0]["s3"]["object"]["key"] for event in s3.events] == [key]


def test_a_file_over_the_content_length_range_is_refused(s3: LocalS3) -> None:
    # Given a form for at most MAX_BYTES bytes
    key = _key()
    form = s3.upload_form(key)

    # When a larger file is posted
    reply = s3.post(form, b"x" * (MAX_BYTES + 1))

    # Then S3's EntityTooLarge comes back, with the sizes
    assert reply.status == 400
    error = reply.error()
    assert error["Code"] == "EntityTooLarge"
    assert error["Message"] == "Your proposed upload exceeds the maximum allowed size"
    assert (error["ProposedSize"], error["MaxSizeAllowed"]) == (str(MAX_BYTES + 1), str(MAX_BYTES))
    # And nothing was stored or announced
    s3.assert_refused_and_nothing_happened(key)


def test_an_empty_file_is_refused(s3: LocalS3) -> None:
    # Given a form for 1..MAX_BYTES bytes
    key = _key()
    form = s3.upload_form(key)

    # When an empty file is posted
    reply = s3.post(form, b"")

    # Then S3's EntityTooSmall comes back
    assert reply.status == 400
    error = reply.error()
    assert error["Code"] == "EntityTooSmall"
    assert error["Message"] == "Your proposed upload is smaller than the minimum allowed size"
    assert (error["ProposedSize"], error["MinSizeAllowed"]) == ("0", "1")
    s3.assert_refused_and_nothing_happened(key)


def test_a_key_moved_to_another_users_prefix_is_refused(s3: LocalS3) -> None:
    # Given bob's form for his own key
    key = _key("bob")
    form = s3.upload_form(key)

    # When the key field is changed to alice's prefix
    stolen = _key("alice")
    form["fields"]["key"] = stolen
    reply = s3.post(form)

    # Then the key condition fails, echoed as S3 echoes a simple condition
    assert reply.status == 403
    error = reply.error()
    assert error["Code"] == "AccessDenied"
    assert (
        error["Message"] == f'Invalid according to Policy: Policy Condition failed: ["eq", "$key", "{key}"]'
    )
    s3.assert_refused_and_nothing_happened(key, stolen)


def test_another_content_type_is_refused(s3: LocalS3) -> None:
    # Given a form for a PDF
    key = _key()
    form = s3.upload_form(key)

    # When the Content-Type field is changed
    form["fields"]["Content-Type"] = "text/html"
    reply = s3.post(form)

    # Then the Content-Type condition fails
    assert reply.status == 403
    assert reply.error()["Message"] == (
        'Invalid according to Policy: Policy Condition failed: ["eq", "$Content-Type", "application/pdf"]'
    )
    s3.assert_refused_and_nothing_happened(key)


def test_an_expired_policy_is_refused(s3: LocalS3) -> None:
    # Given a correctly signed form whose policy expired a second ago
    key = _key()
    form = s3.upload_form(key, expires_in=-1)

    # When it is posted
    reply = s3.post(form)

    # Then S3's expiry answer comes back
    assert reply.status == 403
    assert reply.error()["Code"] == "AccessDenied"
    assert reply.error()["Message"] == "Invalid according to Policy: Policy expired."
    s3.assert_refused_and_nothing_happened(key)


def _raise_size_limit(form: dict[str, Any]) -> None:
    policy = json.loads(base64.b64decode(form["fields"]["policy"]))
    policy["conditions"][1] = ["content-length-range", 1, 10**9]
    form["fields"]["policy"] = base64.b64encode(json.dumps(policy).encode()).decode()


def _forge_signature(form: dict[str, Any]) -> None:
    form["fields"]["x-amz-signature"] = "0" * 64


@pytest.mark.parametrize("tamper", [_raise_size_limit, _forge_signature], ids=["policy", "signature"])
def test_a_tampered_policy_or_signature_does_not_match(s3: LocalS3, tamper: Any) -> None:
    # Given a form whose policy was rewritten (or whose signature was made up) by the client
    key = _key()
    form = s3.upload_form(key)
    tamper(form)

    # When it is posted
    reply = s3.post(form)

    # Then S3's SignatureDoesNotMatch shows what it signed and what it was given
    assert reply.status == 403
    error = reply.error()
    assert error["Code"] == "SignatureDoesNotMatch"
    assert error["AWSAccessKeyId"] == "local"
    assert error["StringToSign"] == form["fields"]["policy"]
    assert error["SignatureProvided"] == form["fields"]["x-amz-signature"]
    s3.assert_refused_and_nothing_happened(key)


def test_an_unknown_access_key_is_refused(s3: LocalS3) -> None:
    # Given a form signed with credentials the stack does not know
    key = _key()
    form = s3.upload_form(key, client=s3.client("AKIAINTRUDER", "guessed"))

    # When it is posted
    reply = s3.post(form)

    # Then S3's InvalidAccessKeyId comes back
    assert reply.status == 403
    error = reply.error()
    assert error["Code"] == "InvalidAccessKeyId"
    assert error["Message"] == "The AWS Access Key Id you provided does not exist in our records."
    assert error["AWSAccessKeyId"] == "AKIAINTRUDER"
    s3.assert_refused_and_nothing_happened(key)


def test_a_field_the_policy_does_not_cover_is_refused(s3: LocalS3) -> None:
    # Given a valid form
    key = _key()
    form = s3.upload_form(key)

    # When the client adds a field of its own
    reply = s3.post(form, extra={"x-amz-meta-Owner": "mallory"})

    # Then S3 names the extra input field
    assert reply.status == 403
    assert reply.error()["Message"] == "Invalid according to Policy: Extra input fields: x-amz-meta-owner"
    s3.assert_refused_and_nothing_happened(key)


@pytest.mark.parametrize(
    ("removed", "named"),
    [("policy", "policy"), ("x-amz-signature", "X-Amz-Signature"), ("x-amz-algorithm", "X-Amz-Algorithm")],
)
def test_a_missing_field_is_named(s3: LocalS3, removed: str, named: str) -> None:
    # Given a valid form without one of its fields
    key = _key()
    form = s3.upload_form(key)
    del form["fields"][removed]

    # When it is posted
    reply = s3.post(form)

    # Then S3's InvalidArgument names the field it needs
    assert reply.status == 400
    error = reply.error()
    assert error["Code"] == "InvalidArgument"
    assert error["Message"] == (
        f"Bucket POST must contain a field named '{named}'.  "
        "If it is specified, please check the order of the fields."
    )
    assert error["ArgumentName"] == named
    s3.assert_refused_and_nothing_happened(key)


def test_a_form_without_policy_or_signature_is_anonymous_and_denied(s3: LocalS3) -> None:
    # Given only a key and a file, as if the bucket were publicly writable
    key = _key()
    form = {"url": f"{s3.endpoint}/{s3.bucket}", "fields": {"key": key}}

    # When it is posted
    reply = s3.post(form)

    # Then the private bucket refuses it
    assert reply.status == 403
    assert (reply.error()["Code"], reply.error()["Message"]) == ("AccessDenied", "Access Denied")
    s3.assert_refused_and_nothing_happened(key)


def test_fields_after_the_file_are_ignored(s3: LocalS3) -> None:
    # Given a valid form whose key field is sent after the file
    key = _key()
    form = s3.upload_form(key)
    fields = {name: value for name, value in form["fields"].items() if name != "key"}
    body: list[tuple[str, Any]] = [*fields.items(), ("file", ("report.pdf", DOCUMENT, PDF)), ("key", key)]

    # When it is posted
    response = s3.pool.request("POST", form["url"], fields=body, retries=False)

    # Then S3 says the key is missing
    reply = Reply(response.status, dict(response.headers), response.data)
    assert reply.status == 400
    assert reply.error()["ArgumentName"] == "key"
    s3.assert_refused_and_nothing_happened(key)


def test_fields_over_20_kb_before_the_file_are_refused(s3: LocalS3) -> None:
    # Given a valid form padded with an ignored field past S3's 20 KB for the fields
    key = _key()
    form = s3.upload_form(key)

    # When it is posted
    reply = s3.post(form, extra={"x-ignore-padding": "p" * 21_000})

    # Then S3's MaxPostPreDataLengthExceeded comes back
    assert reply.status == 400
    assert reply.error()["Code"] == "MaxPostPreDataLengthExceeded"
    s3.assert_refused_and_nothing_happened(key)


def test_a_post_that_is_not_multipart_is_refused(s3: LocalS3) -> None:
    # Given a form's fields sent URL-encoded instead of as multipart/form-data
    key = _key()
    form = s3.upload_form(key)

    # When it is posted
    response = s3.pool.request(
        "POST", form["url"], fields=form["fields"], encode_multipart=False, retries=False
    )

    # Then S3's 412 names the enclosure type it needs
    reply = Reply(response.status, dict(response.headers), response.data)
    assert reply.status == 412
    assert reply.error()["Condition"] == "Bucket POST must be of the enclosure-type multipart/form-data"
    s3.assert_refused_and_nothing_happened(key)


def test_a_browser_on_an_allowed_origin_can_read_the_answer(s3: LocalS3) -> None:
    # Given the bucket's CORS rule for the web app, exposing ETag and Location as the template does
    rule = {
        "AllowedOrigins": ["http://localhost:3000"],
        "AllowedMethods": ["POST"],
        "AllowedHeaders": ["*"],
        "ExposeHeaders": ["ETag", "Location"],
        "MaxAgeSeconds": 3000,
    }
    s3.client().put_bucket_cors(Bucket=s3.bucket, CORSConfiguration={"CORSRules": [rule]})
    try:
        # When the web app posts a valid form, and a page elsewhere posts an oversized one
        stored = s3.post(s3.upload_form(_key()), headers={"Origin": "http://localhost:3000"})
        refused = s3.post(
            s3.upload_form(_key()), b"x" * (MAX_BYTES + 1), headers={"Origin": "http://localhost:3000"}
        )
        foreign = s3.post(s3.upload_form(_key()), headers={"Origin": "http://evil.test"})
    finally:
        s3.client().delete_bucket_cors(Bucket=s3.bucket)

    # Then the allowed origin may read the success and the error; the other origin gets no CORS headers
    assert stored.status == 204
    assert stored.headers["Access-Control-Allow-Origin"] == "http://localhost:3000"
    assert stored.headers["Access-Control-Expose-Headers"] == "ETag, Location"
    assert refused.status == 400
    assert refused.headers["Access-Control-Allow-Origin"] == "http://localhost:3000"
    assert foreign.status == 204
    assert "Access-Control-Allow-Origin" not in foreign.headers
