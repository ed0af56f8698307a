"""Amazon Textract as the OCR port (`OCR_ENGINE=textract`, set by the template).

- A PDF: `StartDocumentTextDetection` on the stored object (that version), then
  `GetDocumentTextDetection` when the state machine polls, page by page of results (`NextToken`).
  The start's `ClientRequestToken` comes from the key and version, so a redelivered INITIATION
  gets the same job back instead of paying for a second.
- An image: `DetectDocumentText`, synchronous, on the bytes.

Textract reads every page of the PDF it is given and bills each (`pages_billed`). LINE blocks give
the lines in reading order with a confidence (0-100); a page's confidence is its WORD blocks' mean.
Errors become the ports' kinds: throttling is `Throttled` (the state machine retries it), a file
Textract refuses is `OcrFailedError` with a sentence for the user.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from botocore.exceptions import ClientError

from chalicelib.core.errors import TransientError
from chalicelib.core.ports import OcrFailedError, OcrLine, OcrPage, OcrResult, Throttled

ENGINE = "textract"
THROTTLING = frozenset(
    {"ThrottlingException", "ProvisionedThroughputExceededException", "LimitExceededException"}
)
UNAVAILABLE = frozenset({"InternalServerError", "ServiceUnavailableException"})
# What Textract says about a file it will not read, in words for the user.
REFUSALS = {
    "UnsupportedDocumentException": "The file's format cannot be read by OCR",
    "BadDocumentException": "The file could not be read by OCR (it may be damaged)",
    "DocumentTooLargeException": "The file is too large to read by OCR",
    "InvalidS3ObjectException": "The uploaded file could not be read by OCR",
    "InvalidJobIdException": "The OCR job is unknown or has expired",
}


class TextractOcr:
    def __init__(self, client: Any, bucket: str) -> None:
        self._client = client
        self._bucket = bucket

    def read_image(self, image: bytes) -> OcrResult:
        answer = self._call("detect_document_text", Document={"Bytes": image})
        pages = pages_from_blocks(answer.get("Blocks", []), [1])
        return OcrResult(engine=ENGINE, pages=pages, pages_billed=1)

    def start_pdf(self, key: str, version_id: str | None, pages: Sequence[int]) -> str:
        s3_object = {"Bucket": self._bucket, "Name": key}
        if version_id:
            s3_object["Version"] = version_id
        token = hashlib.sha256(f"{key}\n{version_id or ''}".encode()).hexdigest()[:64]
        answer = self._call(
            "start_document_text_detection",
            DocumentLocation={"S3Object": s3_object},
            ClientRequestToken=token,
        )
        return str(answer["JobId"])

    def pdf_result(self, job_id: str) -> OcrResult | None:
        blocks: list[dict[str, Any]] = []
        request: dict[str, Any] = {"JobId": job_id, "MaxResults": 1000}
        while True:
            answer = self._call("get_document_text_detection", **request)
            status = answer.get("JobStatus")
            if status == "IN_PROGRESS":
                return None
            if status not in ("SUCCEEDED", "PARTIAL_SUCCESS"):
                raise OcrFailedError("The scanned document could not be read by OCR")
            blocks.extend(answer.get("Blocks", []))
            if not answer.get("NextToken"):
                break
            request["NextToken"] = answer["NextToken"]
        count = int(answer.get("DocumentMetadata", {}).get("Pages", 0))
        pages = pages_from_blocks(blocks, range(1, count + 1))
        return OcrResult(engine=ENGINE, pages=pages, pages_billed=count)

    def _call(self, operation: str, **kwargs: Any) -> dict[str, Any]:
        try:
            answer: dict[str, Any] = getattr(self._client, operation)(**kwargs)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code in THROTTLING:
                raise Throttled(f"Textract is busy ({code})") from exc
            if code in UNAVAILABLE:
                raise TransientError(f"Textract is unavailable ({code})") from exc
            if code in REFUSALS:
                raise OcrFailedError(REFUSALS[code]) from exc
            raise
        return answer


def pages_from_blocks(blocks: Iterable[dict[str, Any]], numbers: Iterable[int]) -> tuple[OcrPage, ...]:
    """Textract's LINE blocks (in reading order) per page; WORD blocks give the page's mean."""
    lines: dict[int, list[OcrLine]] = {number: [] for number in numbers}
    words: dict[int, list[float]] = {number: [] for number in lines}
    for block in blocks:
        page = int(block.get("Page", 1))
        kind = block.get("BlockType")
        if kind == "LINE" and block.get("Text", "").strip():
            text = block["Text"].strip()
            lines.setdefault(page, []).append(OcrLine(text, round(float(block.get("Confidence", 0)), 1)))
        elif kind == "WORD":
            words.setdefault(page, []).append(float(block.get("Confidence", 0)))
    return tuple(
        OcrPage(
            page=page,
            lines=tuple(lines.get(page, [])),
            confidence=round(sum(words.get(page, [])) / len(words[page]), 1) if words.get(page) else 0.0,
        )
        for page in sorted({*lines, *words})
    )
