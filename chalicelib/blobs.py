"""S3 adapter: inspection inputs, intermediate results and reports.

Key layout (DESIGN.md): everything a workflow owns sits under one prefix per store area,
`<area>/<userId>/<workflowId>/`, so deleting a workflow deletes its prefixes.
"""

from __future__ import annotations

import json
import re
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from chalicelib.errors import NotFoundError, TransientError

if TYPE_CHECKING:
    from mypy_boto3_s3.client import S3Client

AREAS = ("inputs", "uploads", "work", "reports")
UPLOAD_KEY = re.compile(r"^uploads/(?P<user_id>[^/]+)/(?P<workflow_id>wf_[0-9a-f]{32})/(?P<file_name>[^/]+)$")


def workflow_prefix(area: str, user_id: str, workflow_id: str) -> str:
    return f"{area}/{user_id}/{workflow_id}/"


def input_text_key(user_id: str, workflow_id: str) -> str:
    return workflow_prefix("inputs", user_id, workflow_id) + "input.txt"


def input_payload_key(user_id: str, workflow_id: str) -> str:
    """A field app's structured inspection, kept as it was sent (after field-name mapping)."""
    return workflow_prefix("inputs", user_id, workflow_id) + "payload.json"


def upload_key(user_id: str, workflow_id: str, file_name: str) -> str:
    """Where the browser uploads: under the caller's own prefix, with a tamed file name."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", file_name).strip("._") or "document"
    return workflow_prefix("uploads", user_id, workflow_id) + stem[-100:]


class WorkFile(StrEnum):
    """What the phases hand one another, under work/<userId>/<workflowId>/."""

    TEXT = "text.txt"  # INITIATION: the text the analysis reads
    PAGES = "pages.json"  # INITIATION, documents only: the page of each line of text.txt
    FINDINGS = "findings.json"  # PROCESSING
    QA = "qa.json"  # QA; each attempt overwrites the last


def work_key(user_id: str, workflow_id: str, name: str) -> str:
    """Results passed between phases: extracted text, findings, QA result."""
    return workflow_prefix("work", user_id, workflow_id) + name


def report_key(user_id: str, workflow_id: str, extension: str) -> str:
    return workflow_prefix("reports", user_id, workflow_id) + f"report.{extension}"


class BlobStore:
    def __init__(self, client: S3Client, bucket: str) -> None:
        self._s3 = client
        self._bucket = bucket

    def put_text(self, key: str, text: str, content_type: str = "text/plain; charset=utf-8") -> None:
        self.put_bytes(key, text.encode("utf-8"), content_type)

    def put_bytes(self, key: str, data: bytes, content_type: str) -> None:
        self._call(self._s3.put_object, Bucket=self._bucket, Key=key, Body=data, ContentType=content_type)

    def put_json(self, key: str, document: Any) -> None:
        self.put_text(key, json.dumps(document, indent=2), "application/json")

    def get_text(self, key: str) -> str:
        return self.get_bytes(key).decode("utf-8")

    def get_json(self, key: str) -> Any:
        return json.loads(self.get_text(key))

    def delete_prefix(self, prefix: str) -> int:
        deleted = 0
        paginator = self._s3.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self._bucket, Prefix=prefix):
            keys = [{"Key": obj["Key"]} for obj in page.get("Contents", [])]
            if keys:
                self._s3.delete_objects(Bucket=self._bucket, Delete={"Objects": keys})  # type: ignore[typeddict-item]
                deleted += len(keys)
        return deleted

    def get_bytes(self, key: str) -> bytes:
        try:
            response = self._call(self._s3.get_object, Bucket=self._bucket, Key=key)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                raise NotFoundError(f"Document {key} not found", code="DOCUMENT_NOT_FOUND") from exc
            raise
        body: bytes = response["Body"].read()
        return body

    def tags_of(self, key: str) -> dict[str, str]:
        response = self._call(self._s3.get_object_tagging, Bucket=self._bucket, Key=key)
        return {tag["Key"]: tag["Value"] for tag in response.get("TagSet", [])}

    def size_of(self, key: str) -> int | None:
        try:
            response = self._call(self._s3.head_object, Bucket=self._bucket, Key=key)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404", "NotFound"):
                return None
            raise
        return int(response["ContentLength"])

    def upload_form(self, key: str, content_type: str, max_bytes: int, expires_in: int) -> dict[str, Any]:
        """A presigned POST: S3 itself refuses another key, another type, or a size out of range."""
        post = self._s3.generate_presigned_post(
            Bucket=self._bucket,
            Key=key,
            Fields={"Content-Type": content_type},
            Conditions=[{"Content-Type": content_type}, ["content-length-range", 1, max_bytes]],
            ExpiresIn=expires_in,
        )
        return {"url": post["url"], "fields": post["fields"], "expiresIn": expires_in}

    def download_url(self, key: str, expires_in: int, file_name: str) -> str:
        url: str = self._s3.generate_presigned_url(
            "get_object",
            Params={
                "Bucket": self._bucket,
                "Key": key,
                "ResponseContentDisposition": f'attachment; filename="{file_name}"',
            },
            ExpiresIn=expires_in,
        )
        return url

    @staticmethod
    def _call(operation: Any, **kwargs: Any) -> Any:
        try:
            return operation(**kwargs)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code in ("SlowDown", "ServiceUnavailable", "InternalError", "RequestTimeout"):
                raise TransientError(f"S3 is unavailable ({code})") from exc
            raise
