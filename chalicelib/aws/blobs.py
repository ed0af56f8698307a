"""S3 adapter for documents (`Blobs`): inspection inputs, intermediate results and reports.

Where each document goes is the domain's (`core/documents.py`); this only stores and fetches.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from chalicelib.core.ports import NotFound, Throttled
from chalicelib.unicode_text import json_text, utf8

if TYPE_CHECKING:
    from mypy_boto3_s3.client import S3Client


DELETE_BATCH = 1000  # the most keys one DeleteObjects call takes
# No such object, or no such version of it (HEAD answers without a body: the status only).
MISSING_CODES = frozenset({"NoSuchKey", "NoSuchVersion", "404", "NotFound"})


class S3Blobs:
    def __init__(self, client: S3Client, bucket: str) -> None:
        self._s3 = client
        self._bucket = bucket

    def put_text(self, key: str, text: str, content_type: str = "text/plain; charset=utf-8") -> None:
        self.put_bytes(key, utf8(text), content_type)

    def put_bytes(self, key: str, data: bytes, content_type: str) -> None:
        self._call(self._s3.put_object, Bucket=self._bucket, Key=key, Body=data, ContentType=content_type)

    def put_json(self, key: str, document: Any) -> None:
        self.put_text(key, json_text(document, indent=2), "application/json")

    def get_text(self, key: str) -> str:
        return self.get_bytes(key).decode("utf-8")

    def get_json(self, key: str) -> Any:
        return json.loads(self.get_text(key))

    def delete_prefix(self, prefix: str) -> int:
        """Delete every version of every object under `prefix` (and their delete markers).

        The bucket is versioned: deleting only the current objects would leave the documents
        readable as noncurrent versions until the lifecycle rule expires them. Returns how many
        versions were deleted."""
        # Listed in full first: deleting while paging would move the markers the pages follow.
        versions = [
            {"Key": item["Key"], "VersionId": item["VersionId"]}
            for page in self._s3.get_paginator("list_object_versions").paginate(
                Bucket=self._bucket, Prefix=prefix
            )
            for item in [*page.get("Versions", []), *page.get("DeleteMarkers", [])]
        ]
        for start in range(0, len(versions), DELETE_BATCH):
            batch = versions[start : start + DELETE_BATCH]
            response = self._call(
                self._s3.delete_objects, Bucket=self._bucket, Delete={"Objects": batch, "Quiet": True}
            )
            errors = response.get("Errors", [])
            if errors:
                first = errors[0]
                raise RuntimeError(
                    f"S3 kept {len(errors)} version(s) under {prefix}: "
                    f"{first.get('Key')} {first.get('Code')} {first.get('Message')}"
                )
        return len(versions)

    def get_bytes(self, key: str, version_id: str | None = None) -> bytes:
        try:
            response = self._call(self._s3.get_object, Bucket=self._bucket, Key=key, **_version(version_id))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in MISSING_CODES:
                raise NotFound(key) from exc
            raise
        body: bytes = response["Body"].read()
        return body

    def tags_of(self, key: str, version_id: str | None = None) -> dict[str, str]:
        response = self._call(
            self._s3.get_object_tagging, Bucket=self._bucket, Key=key, **_version(version_id)
        )
        return {tag["Key"]: tag["Value"] for tag in response.get("TagSet", [])}

    def size_of(self, key: str, version_id: str | None = None) -> int | None:
        try:
            response = self._call(self._s3.head_object, Bucket=self._bucket, Key=key, **_version(version_id))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in MISSING_CODES:
                return None
            raise
        return int(response["ContentLength"])

    def delete_version(self, key: str, version_id: str) -> None:
        """Remove one version for good (no delete marker): if it was the current one, the version
        before it becomes current again. A version already gone is fine."""
        try:
            self._call(self._s3.delete_object, Bucket=self._bucket, Key=key, VersionId=version_id)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") not in MISSING_CODES:
                raise

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
                raise Throttled(f"S3 is unavailable ({code})") from exc
            raise


def _version(version_id: str | None) -> dict[str, str]:
    """The `VersionId` argument when a version is named: without one S3 answers the current one."""
    return {"VersionId": version_id} if version_id is not None else {}
