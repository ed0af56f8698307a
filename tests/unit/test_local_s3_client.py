"""The local stack's S3 PutObject without botocore (chalicelib/aws/s3_http.py) answers as boto3
does: the same calls, sent through boto3 and through it to moto, give the same answers and the
same errors, call by call (binary bodies, unicode keys, metadata, server-side encryption, a
missing bucket, a conditional put refused), and what it stored reads back the same."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from chalicelib.aws.blobs import S3Blobs
from chalicelib.aws.s3_http import HttpS3Client
from tests.aws_answers import normalised, served

pytestmark = pytest.mark.unit

REGION = "us-east-1"
ACCESS_KEY = "testing"
Outcome = tuple[Any, ...]
# Differ between two runs by design: ids, dates, and the transport's own headers.
VARYING_HEADERS = frozenset(
    {"x-amzn-requestid", "x-amz-request-id", "x-amz-id-2", "date", "x-amz-version-id", "last-modified"}
)


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    with served() as url:
        yield url


@pytest.fixture(scope="module")
def boto_s3(endpoint: str) -> Any:
    """As the wiring builds it (chalicelib/wiring.py's `_client_kwargs`)."""
    session = boto3.session.Session(
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key="testing", region_name=REGION
    )
    return session.client(
        "s3", endpoint_url=endpoint, config=Config(max_pool_connections=64, signature_version="s3v4")
    )


def _normalised(value: Any, names: tuple[str, ...]) -> Any:
    return normalised(value, names, dropped=VARYING_HEADERS | {"RequestId", "HostId", "VersionId"})


def _outcome(action: Callable[[], Any], names: tuple[str, ...]) -> Outcome:
    try:
        answer = action()
    except ClientError as exc:
        return ("error", exc.operation_name, _normalised(str(exc), names), _normalised(exc.response, names))
    return ("ok", _normalised(answer, names), "VersionId" in answer)


def _calls(client: Any, bucket: str, versioned: str) -> list[Callable[[], Any]]:
    binary = bytes(range(256)) * 40
    return [
        lambda: client.put_object(Bucket=bucket, Key="plain.txt", Body=b"hello", ContentType="text/plain"),
        lambda: client.put_object(
            Bucket=bucket, Key="inputs/ü ñ/é+%&?#=ß 🚒.txt", Body="Wasser im Keller", ContentType="text/plain"
        ),
        lambda: client.put_object(
            Bucket=bucket, Key="binary.bin", Body=binary, ContentType="application/octet-stream"
        ),
        lambda: client.put_object(Bucket=bucket, Key="empty", Body=b"", ChecksumAlgorithm="CRC32"),
        lambda: client.put_object(
            Bucket=bucket,
            Key="meta.json",
            Body=b"{}",
            ContentType="application/json; charset=utf-8",
            Metadata={"workflow": "wf-1", "owner": "user-1"},
            ServerSideEncryption="AES256",
            CacheControl="no-store",
        ),
        lambda: client.put_object(Bucket=versioned, Key="v.txt", Body=b"one", ContentType="text/plain"),
        lambda: client.put_object(Bucket=versioned, Key="new.txt", Body=b"once", IfNoneMatch="*"),
        lambda: client.put_object(Bucket=versioned, Key="new.txt", Body=b"twice", IfNoneMatch="*"),
        lambda: client.put_object(Bucket=bucket + "-missing", Key="k", Body=b"x"),
        lambda: client.put_object(Bucket=bucket, Key="k", Body=b"x", StorageClass="NOPE"),
        lambda: client.put_object(Bucket=bucket, Key="k" * 1025, Body=b"x"),
        lambda: client.put_object(Bucket=versioned, Key="v.txt", Body=b"two", IfMatch='"not-its-etag"'),
    ]


def _buckets(boto_s3: Any, tag: str) -> tuple[str, str]:
    bucket, versioned = f"plain-{tag}", f"versioned-{tag}"
    boto_s3.create_bucket(Bucket=bucket)
    boto_s3.create_bucket(Bucket=versioned)
    boto_s3.put_bucket_versioning(Bucket=versioned, VersioningConfiguration={"Status": "Enabled"})
    return bucket, versioned


def test_put_object_answers_and_errors_as_boto3_does(boto_s3: Any) -> None:
    through_boto = _buckets(boto_s3, "boto")
    through_http = _buckets(boto_s3, "http")
    http = HttpS3Client(boto_s3, ACCESS_KEY)
    expected = [_outcome(call, through_boto) for call in _calls(boto_s3, *through_boto)]
    answered = [_outcome(call, through_http) for call in _calls(http, *through_http)]
    for index, (want, got) in enumerate(zip(expected, answered, strict=True)):
        assert got == want, f"call {index}"
    kinds = [outcome[0] for outcome in expected]
    # Two refused conditional puts, the missing bucket, the unknown storage class (moto takes any
    # server-side encryption and a key over 1,024 bytes: compared all the same).
    assert [i for i, kind in enumerate(kinds) if kind == "error"] == [7, 8, 9, 11], expected
    assert expected[5][2] is True  # the versioned bucket's VersionId is answered


def test_what_it_stored_reads_back_as_boto3s(boto_s3: Any) -> None:
    through_boto = _buckets(boto_s3, "boto-read")
    through_http = _buckets(boto_s3, "http-read")
    http = HttpS3Client(boto_s3, ACCESS_KEY)
    for call in _calls(boto_s3, *through_boto):
        _outcome(call, through_boto)
    for call in _calls(http, *through_http):
        _outcome(call, through_http)
    for key in ("plain.txt", "inputs/ü ñ/é+%&?#=ß 🚒.txt", "binary.bin", "empty", "meta.json"):
        stored = []
        for bucket in (through_boto[0], through_http[0]):
            got = boto_s3.get_object(Bucket=bucket, Key=key)
            stored.append(
                (
                    got["Body"].read(),
                    got["ContentType"],
                    got.get("Metadata"),
                    got.get("ServerSideEncryption"),
                    got["ETag"],
                    got.get("CacheControl"),
                )
            )
        assert stored[1] == stored[0], key
    body = boto_s3.get_object(Bucket=through_http[1], Key="new.txt")["Body"].read()
    assert body == b"once"  # the refused put left the object as it was


def test_blobs_through_it_and_the_rest_is_boto3s(boto_s3: Any) -> None:
    bucket, _ = _buckets(boto_s3, "blobs")
    blobs = S3Blobs(HttpS3Client(boto_s3, ACCESS_KEY), bucket)  # type: ignore[arg-type]
    blobs.put_text("a/ü.txt", "Schimmel ✓")
    blobs.put_json("a/b.json", {"x": 1})
    assert blobs.get_text("a/ü.txt") == "Schimmel ✓"
    assert blobs.get_json("a/b.json") == {"x": 1}
    assert blobs.size_of("a/ü.txt") == len("Schimmel ✓".encode())
    assert blobs.delete_prefix("a/") == 2
    with pytest.raises(TypeError):  # not sent otherwise than botocore would send it
        HttpS3Client(boto_s3, ACCESS_KEY).put_object(
            Bucket=bucket, Key="k", Body=b"x", ChecksumAlgorithm="SHA256"
        )


def test_a_server_error_is_retried_as_botocore_does(boto_s3: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both retry a 503 `SlowDown` three times in all and then fail alike."""
    bucket, _ = _buckets(boto_s3, "retry")
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    http = HttpS3Client(boto_s3, ACCESS_KEY)
    attempts: list[str] = []

    def slow_down(method: str, path: str, body: bytes, headers: dict[str, str]) -> Any:
        from chalicelib.aws.kept_alive import Answer

        attempts.append(path)
        body_xml = b"<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"
        return Answer(503, {"x-amz-request-id": "r"}, body_xml)

    monkeypatch.setattr(http._connections, "send", slow_down)
    with pytest.raises(ClientError) as caught:
        http.put_object(Bucket=bucket, Key="k", Body=b"x")
    assert len(attempts) == 3
    assert caught.value.response["Error"] == {
        "Code": "SlowDown",
        "Message": "Please reduce your request rate.",
    }
    assert caught.value.response["ResponseMetadata"]["RetryAttempts"] == 2
    assert "reached max retries: 2" in str(caught.value)
