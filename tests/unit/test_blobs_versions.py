"""Deleting a workflow's documents removes every version of them, not only the current ones."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from chalicelib.aws.blobs import S3Blobs

BUCKET = "documents"


@pytest.fixture
def s3() -> Iterator[Any]:
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        client.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})
        yield client


def versions_under(s3: Any, prefix: str) -> list[tuple[str, bool]]:
    page = s3.list_object_versions(Bucket=BUCKET, Prefix=prefix)
    return sorted(
        [(v["Key"], False) for v in page.get("Versions", [])]
        + [(m["Key"], True) for m in page.get("DeleteMarkers", [])]
    )


def test_delete_prefix_removes_every_version_and_delete_marker(s3: Any) -> None:
    # Given a document written twice, one deleted (a delete marker over its version), and a
    # document of another workflow
    blobs = S3Blobs(s3, BUCKET)
    blobs.put_text("work/alice/wf_1/findings.json", "v1")
    blobs.put_text("work/alice/wf_1/findings.json", "v2")
    blobs.put_text("work/alice/wf_1/text.txt", "gone")
    s3.delete_object(Bucket=BUCKET, Key="work/alice/wf_1/text.txt")
    blobs.put_text("work/alice/wf_2/findings.json", "other")
    assert len(versions_under(s3, "work/alice/wf_1/")) == 4

    # When the workflow's prefix is deleted
    deleted = blobs.delete_prefix("work/alice/wf_1/")

    # Then no version and no delete marker is left under it, and the other workflow is untouched
    assert deleted == 4
    assert versions_under(s3, "work/alice/wf_1/") == []
    assert versions_under(s3, "work/alice/wf_2/") == [("work/alice/wf_2/findings.json", False)]


def test_delete_prefix_pages_through_more_versions_than_one_call_deletes(s3: Any) -> None:
    # Given more versions than one DeleteObjects call takes (1000)
    blobs = S3Blobs(s3, BUCKET)
    for n in range(1001):
        blobs.put_text(f"reports/alice/wf_3/r{n % 3}.json", str(n))

    # When / Then every one of them goes
    assert blobs.delete_prefix("reports/alice/wf_3/") == 1001
    assert versions_under(s3, "reports/alice/wf_3/") == []
