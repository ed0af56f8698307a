"""Scans and photos of an inspection sheet through the whole local stack (#20 item 1): presigned
POST, the S3 -> SQS trigger, INITIATION starting an OCR job (Tesseract here, Textract on AWS),
the state machine's AwaitOcr Wait + poll on moto's interpreter, then PROCESSING, QA and OUTPUT to
a report whose key facts match the sheet, cited by page and line with OCR's confidence.

The scans are generated (tests/scans.py): known text drawn with Pillow, skewed, speckled and
blurred, wrapped as a PDF with no text layer; the photo is the sheet on a desk, as a JPEG."""

from __future__ import annotations

import os
from typing import Any

import boto3
import urllib3

from chalicelib.aws.engine import execution_arn
from tests import scans
from tests.conftest import Api

API = "/api/orchestrator"


def _upload(api: Api, http_pool: urllib3.PoolManager, method: str, data: bytes, name: str) -> dict[str, Any]:
    created = api.create_upload(method, file_name=name, size=len(data))
    upload = created["upload"]
    fields: dict[str, Any] = {**upload["fields"], "file": ("scan", data, upload["fields"]["Content-Type"])}
    response = http_pool.request("POST", upload["url"], fields=fields)
    assert response.status == 204, response.data
    return api.wait_for(created["workflowId"], timeout=180)


def _key_facts(findings: dict[str, Any]) -> tuple[Any, ...]:
    return (
        findings["job"]["claimNumber"]["value"],
        "Laundry" in [area["room"] for area in findings["affectedAreas"]],
        (38.0, "WME") in [(r["value"], r["unit"]) for r in findings["moistureReadings"]],
        findings["waterCategory"]["value"],
    )


def _states_entered(workflow_id: str) -> list[str]:
    sfn = boto3.client("stepfunctions")
    arn = execution_arn(os.environ["STATE_MACHINE_ARN"], workflow_id)
    history = sfn.get_execution_history(executionArn=arn, maxResults=1000)["events"]
    return [e["stateEnteredEventDetails"]["name"] for e in history if e["type"].endswith("StateEntered")]


def test_a_scanned_sheet_goes_through_ocr_to_a_report_with_its_facts(
    api: Api, http_pool: urllib3.PoolManager
) -> None:
    # Given a two-page scan with no text layer: the inspection sheet, and a smudged second page
    pages = [
        scans.render_page(scans.INSPECTION_SHEET),
        scans.smudged_page(scans.NOTES_PAGE),
    ]
    # When it is uploaded as the PDF of a workflow
    workflow = _upload(api, http_pool, "PDF", scans.scan_pdf(pages), "scan.pdf")

    # Then the workflow completed, INITIATION having waited for the OCR job in the state machine
    assert workflow["status"] == "COMPLETED", workflow
    ocr = workflow["steps"][0]["outcome"]["ocr"]
    assert (ocr["engine"], ocr["pagesRead"], ocr["costUsd"]) == ("tesseract", 2, 0.0)
    entered = _states_entered(workflow["id"])
    assert entered[:3] == ["Initiation", "AwaitOcr", "Initiation"]
    # ... and the report holds the sheet's key facts: claim, a room, a reading, the category
    report = api.get(f"{API}/workflows/{workflow['id']}/report?format=json").body["report"]
    findings = report["findings"]
    assert _key_facts(findings) == ("SGI-7734219", True, True, 2)
    # ... cited by page and line of the OCR text, with OCR's confidence in that line
    source = findings["job"]["claimNumber"]["source"]
    assert source["page"] == 1 and source["line"] == 2
    assert 0 < source["ocrConfidence"] <= 100
    # ... and the smudged page is flagged for the reviewer, the clean one is not
    low = [issue for issue in report["qa"]["issues"] if issue["code"] == "OCR_LOW_CONFIDENCE"]
    assert [issue["message"][:8] for issue in low] == ["Page 2 w"], low


def test_a_photo_of_the_sheet_is_an_input_of_its_own(api: Api, http_pool: urllib3.PoolManager) -> None:
    # Given a phone photo (JPEG) of the same sheet, uploaded as an IMAGE workflow
    workflow = _upload(api, http_pool, "IMAGE", scans.photo_jpeg(scans.INSPECTION_SHEET), "sheet.jpg")
    # Then it was read at once (no OCR job to wait for) and the report has the same key facts
    assert workflow["status"] == "COMPLETED", workflow
    assert workflow["inputMethod"] == "IMAGE"
    assert "AwaitOcr" not in _states_entered(workflow["id"])
    findings = api.get(f"{API}/workflows/{workflow['id']}/report?format=json").body["report"]["findings"]
    assert _key_facts(findings) == ("SGI-7734219", True, True, 2)
    assert findings["job"]["claimNumber"]["source"]["page"] == 1
