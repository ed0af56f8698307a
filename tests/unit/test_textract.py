"""The Textract adapter against botocore's Stubber (moto's Textract answers canned blocks whatever
the file, so it cannot show the contract): the asynchronous start with an idempotency token on
the exact version, polling that says "still running", results paged by NextToken, a failed job,
throttling, and the synchronous call for an image."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from chalicelib.aws.textract import TextractOcr
from chalicelib.core.ports import OcrFailedError, OcrLine, Throttled

BUCKET = "restoreassist-documents"
KEY = "uploads/alice/wf_1/scan.pdf"


@pytest.fixture
def textract() -> Iterator[tuple[TextractOcr, Stubber]]:
    client = boto3.client(
        "textract", region_name="us-east-1", aws_access_key_id="k", aws_secret_access_key="s"
    )
    with Stubber(client) as stubber:
        yield TextractOcr(client, BUCKET), stubber
        stubber.assert_no_pending_responses()


def _line(page: int, text: str, confidence: float) -> dict[str, Any]:
    return {"BlockType": "LINE", "Page": page, "Text": text, "Confidence": confidence}


def _word(page: int, confidence: float) -> dict[str, Any]:
    return {"BlockType": "WORD", "Page": page, "Text": "w", "Confidence": confidence}


def test_a_pdf_job_starts_on_the_recorded_version_with_an_idempotency_token(
    textract: tuple[TextractOcr, Stubber],
) -> None:
    ocr, stubber = textract
    token = hashlib.sha256(f"{KEY}\nv7".encode()).hexdigest()[:64]
    stubber.add_response(
        "start_document_text_detection",
        {"JobId": "job-1"},
        {
            "DocumentLocation": {"S3Object": {"Bucket": BUCKET, "Name": KEY, "Version": "v7"}},
            "ClientRequestToken": token,
        },
    )
    assert ocr.start_pdf(KEY, "v7", [1, 2]) == "job-1"


def test_polling_says_running_then_reads_every_page_of_results(textract: tuple[TextractOcr, Stubber]) -> None:
    ocr, stubber = textract
    # Given a job still running at the first poll, then done with its results in two pages
    stubber.add_response(
        "get_document_text_detection", {"JobStatus": "IN_PROGRESS"}, {"JobId": "job-1", "MaxResults": 1000}
    )
    first = {
        "JobStatus": "SUCCEEDED",
        "DocumentMetadata": {"Pages": 2},
        "Blocks": [{"BlockType": "PAGE", "Page": 1}, _line(1, "Claim no: SGI-7734219", 99.1), _word(1, 99.0)],
        "NextToken": "more",
    }
    second = {
        "JobStatus": "SUCCEEDED",
        "DocumentMetadata": {"Pages": 2},
        "Blocks": [_word(1, 97.0), _line(2, "Laundry 38 WME", 71.26), _word(2, 70.0), _word(2, 72.0)],
    }
    stubber.add_response("get_document_text_detection", first, {"JobId": "job-1", "MaxResults": 1000})
    stubber.add_response(
        "get_document_text_detection", second, {"JobId": "job-1", "MaxResults": 1000, "NextToken": "more"}
    )
    # When the state machine polls twice
    assert ocr.pdf_result("job-1") is None
    result = ocr.pdf_result("job-1")
    # Then the lines are per page with their confidence, each page's the mean of its words
    assert result is not None
    assert (result.engine, result.pages_billed) == ("textract", 2)
    assert [(page.page, page.confidence) for page in result.pages] == [(1, 98.0), (2, 71.0)]
    assert result.pages[0].lines == (OcrLine("Claim no: SGI-7734219", 99.1),)
    assert result.pages[1].lines == (OcrLine("Laundry 38 WME", 71.3),)


def test_a_failed_job_is_a_refusal_in_words(textract: tuple[TextractOcr, Stubber]) -> None:
    ocr, stubber = textract
    stubber.add_response(
        "get_document_text_detection",
        {"JobStatus": "FAILED", "StatusMessage": "InternalError at s3://bucket/key"},
        {"JobId": "job-1", "MaxResults": 1000},
    )
    with pytest.raises(OcrFailedError) as caught:
        ocr.pdf_result("job-1")
    assert "s3://" not in str(caught.value)  # no internals for the user


def test_throttling_is_retried_by_the_state_machine_and_a_bad_file_is_refused(
    textract: tuple[TextractOcr, Stubber],
) -> None:
    ocr, stubber = textract
    stubber.add_client_error("start_document_text_detection", "ProvisionedThroughputExceededException")
    stubber.add_client_error("detect_document_text", "UnsupportedDocumentException")
    with pytest.raises(Throttled):
        ocr.start_pdf(KEY, None, [1])
    with pytest.raises(OcrFailedError, match="format cannot be read"):
        ocr.read_image(b"\xff\xd8\xff")


def test_an_image_is_read_synchronously_as_page_1(textract: tuple[TextractOcr, Stubber]) -> None:
    ocr, stubber = textract
    blocks = [_line(1, "Cat 2 - grey water", 93.0), _word(1, 90.0), _word(1, 96.0)]
    stubber.add_response("detect_document_text", {"Blocks": blocks}, {"Document": {"Bytes": b"jpeg"}})
    result = ocr.read_image(b"jpeg")
    assert [(page.page, page.confidence, len(page.lines)) for page in result.pages] == [(1, 93.0, 1)]
    assert result.pages_billed == 1
