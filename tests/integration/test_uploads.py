"""PDF and Word inspections: presigned POST straight to (local) S3, the S3 -> SQS trigger,
validation of the file in INITIATION, and extraction with page numbers kept."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
import urllib3

from chalicelib import wiring
from chalicelib.settings import get_settings
from local_stack.stack import LocalStack
from tests import documents
from tests.conftest import CONTENT_TYPES, Api

BUCKET = "restoreassist-documents"
WATER_PAGES = [
    "Inspection report - 22 Wattle Rd\nInsured: J. Citizen\nCause: burst hot water service in the laundry.",
    "Laundry 3 x 2.5 m, vinyl floor and skirting wet.\nKitchen 12x14 ft, timber floor cupping.",
    "Readings\nLaundry wall 40 WME\nKitchen subfloor 28%MC",
]


def _upload(http_pool: urllib3.PoolManager, created: dict[str, Any], data: bytes, **overrides: str) -> Any:
    """The browser's side: the form fields as given, then the file, as S3 wants it."""
    upload = created["upload"]
    fields: dict[str, Any] = {**upload["fields"], **overrides}
    fields["file"] = ("inspection", data, fields.get("Content-Type", "application/octet-stream"))
    return http_pool.request("POST", upload["url"], fields=fields)


def _upload_workflow(
    api: Api, http_pool: urllib3.PoolManager, method: str, data: bytes, file_name: str
) -> dict[str, Any]:
    created = api.create_upload(method, file_name=file_name, size=len(data))
    response = _upload(http_pool, created, data)
    assert response.status == 204, response.data
    return api.wait_for(created["workflowId"])


def _object_exists(key: str) -> bool:
    listed = boto3.client("s3").list_objects_v2(Bucket=BUCKET, Prefix=key)
    return any(obj["Key"] == key for obj in listed.get("Contents", []))


def test_a_multi_page_pdf_goes_through_and_cites_its_pages(api: Api, http_pool: urllib3.PoolManager) -> None:
    # Given a three-page PDF report uploaded with the presigned POST
    workflow = _upload_workflow(api, http_pool, "PDF", documents.make_pdf(WATER_PAGES), "22 Wattle Rd.pdf")

    # Then the workflow ran all four phases
    assert workflow["status"] == "COMPLETED", workflow
    assert workflow["inputData"]["uploadedSize"] > 0
    assert workflow["steps"][0]["outcome"]["pages"] == 3

    # And the report holds the text of every page, each fact citing its page
    findings = api.get(f"/api/orchestrator/workflows/{workflow['id']}/report").body["report"]["findings"]
    rooms = {area["room"].lower(): area["source"]["page"] for area in findings["affectedAreas"]}
    assert rooms == {"laundry": 2, "kitchen": 2}
    readings = {(r["value"], r["unit"]): r["source"]["page"] for r in findings["moistureReadings"]}
    assert readings == {(40.0, "WME"): 3, (28.0, "%MC"): 3}
    assert findings["causeOfLossEvidence"]["page"] == 1


def test_a_docx_with_a_table_goes_through_with_the_table_in_order(
    api: Api, http_pool: urllib3.PoolManager
) -> None:
    # Given a Word report whose readings are in a table between two paragraphs
    data = documents.make_docx(
        [
            "Cause: dishwasher supply hose failed overnight.",
            "Kitchen 4 x 3.5 m, laminate floor wet throughout.",
        ],
        table=[["Location", "Material", "Reading"], ["Kitchen", "subfloor", "31%MC"]],
        table_at=1,
    )

    # When it is uploaded
    workflow = _upload_workflow(api, http_pool, "WORD", data, "kitchen.docx")

    # Then it completed and the table's reading is in the report, on its own line in order
    assert workflow["status"] == "COMPLETED", workflow
    report = api.get(f"/api/orchestrator/workflows/{workflow['id']}/report").body["report"]
    readings = report["findings"]["moistureReadings"]
    assert [(r["value"], r["unit"]) for r in readings] == [(31.0, "%MC")]
    assert "31%MC" in readings[0]["source"]["text"]
    assert readings[0]["source"]["line"] == 3  # after the first paragraph and the table's header row


@pytest.mark.parametrize(
    ("method", "file_name", "make", "code"),
    [
        ("PDF", "photo.pdf", lambda: documents.EXE_BYTES, "UNSUPPORTED_FILE_TYPE"),
        ("PDF", "locked.pdf", lambda: documents.make_encrypted_pdf(), "PDF_ENCRYPTED"),
        ("PDF", "scan.pdf", lambda: documents.make_image_only_pdf(2), "PDF_NO_TEXT"),
        ("PDF", "cut.pdf", lambda: documents.truncated_pdf(), "PDF_CORRUPT"),
        ("WORD", "old.docx", lambda: documents.OLE_DOC_BYTES, "DOC_LEGACY_FORMAT"),
        ("WORD", "bomb.docx", lambda: documents.make_zip_bomb(), "DOCX_ZIP_BOMB"),
        ("WORD", "macro.docx", lambda: documents.make_macro_docm(), "DOCX_MACRO_ENABLED"),
        ("WORD", "actually.docx", lambda: documents.make_pdf(["Kitchen wet"]), "TYPE_MISMATCH"),
    ],
    ids=["exe", "encrypted", "image-only", "truncated", "doc", "zip-bomb", "macro", "mismatch"],
)
def test_a_bad_file_fails_with_its_own_code_and_writes_nothing_else(
    api: Api, http_pool: urllib3.PoolManager, method: str, file_name: str, make: Any, code: str
) -> None:
    # Given a bad file uploaded as an inspection
    workflow = _upload_workflow(api, http_pool, method, make(), file_name)

    # Then the workflow FAILED with the file's own code and a message for a person
    assert workflow["status"] == "FAILED", workflow
    assert workflow["errorCode"] == code
    assert len(workflow["errorMessage"]) > 20
    assert [(s["phase"], s["status"]) for s in workflow["steps"]] == [("INITIATION", "FAILED")]
    assert workflow["steps"][0]["errorMessage"] == workflow["errorMessage"]
    # ... nothing was extracted or analysed (a scan keeps only the record of its OCR job, which
    # found no words), and the upload is kept for support
    prefix = f"work/{workflow['userId']}/{workflow['id']}/"
    listed = boto3.client("s3").list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])
    assert [obj["Key"] for obj in listed] == ([prefix + "ocr.json"] if code == "PDF_NO_TEXT" else [])
    assert _object_exists(_stored_upload_key(workflow["id"]))


@pytest.fixture
def small_upload_limit(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    monkeypatch.setenv("MAX_UPLOAD_BYTES", "4096")
    get_settings.cache_clear()
    yield 4096
    monkeypatch.delenv("MAX_UPLOAD_BYTES")
    get_settings.cache_clear()


def test_a_file_over_the_limit_is_refused_by_s3_itself(
    api: Api, http_pool: urllib3.PoolManager, small_upload_limit: int
) -> None:
    # Given an upload form whose policy allows at most 4 KiB
    created = api.create_upload("PDF", size=1000)
    assert created["maxBytes"] == small_upload_limit

    # When the browser sends more (the declared size was a lie)
    response = _upload(http_pool, created, documents.make_pdf(documents.make_report_pages(5)))

    # Then S3 refuses it, stores nothing, and the workflow still waits
    assert response.status == 400
    assert b"<Code>EntityTooLarge</Code>" in response.data
    assert not _object_exists(created["upload"]["fields"]["key"])
    assert api.workflow(created["workflowId"])["status"] == "PENDING"


def test_the_api_refuses_a_declared_size_over_the_limit(api: Api, small_upload_limit: int) -> None:
    body = {
        "inputMethod": "PDF",
        "inputData": {"fileName": "big.pdf", "contentType": CONTENT_TYPES["PDF"], "size": 5000},
    }
    reply = api.post("/api/orchestrator/workflows", body)
    assert reply.status == 413 and reply.body["error"]["code"] == "FILE_TOO_LARGE"
    assert api.get("/api/orchestrator/workflows").body["workflows"] == []


def test_an_upload_under_another_users_key_is_refused(api: Api, http_pool: urllib3.PoolManager) -> None:
    # Given alice's upload form
    created = api.create_upload("PDF")
    key = created["upload"]["fields"]["key"]

    # When she changes the key to bob's prefix
    other = key.replace(key.split("/")[1], "bob", 1)
    response = _upload(http_pool, created, documents.make_pdf(["Kitchen wet"]), key=other)

    # Then S3 refuses it: the policy pins the key
    assert response.status == 403
    assert b"AccessDenied" in response.data
    assert not _object_exists(other)


def test_a_wrong_content_type_is_rejected_before_any_upload(api: Api) -> None:
    body = {
        "inputMethod": "PDF",
        "inputData": {"fileName": "r.pdf", "contentType": "application/x-msdownload", "size": 10},
    }
    reply = api.post("/api/orchestrator/workflows", body)
    assert reply.status == 400 and reply.body["error"]["code"] == "INVALID_CONTENT_TYPE"


def test_the_same_notification_twice_starts_one_execution(
    api: Api, http_pool: urllib3.PoolManager, stack: LocalStack
) -> None:
    # Given a PDF uploaded and processed
    workflow = _upload_workflow(api, http_pool, "PDF", documents.make_pdf(WATER_PAGES), "r.pdf")
    assert workflow["status"] == "COMPLETED"

    # When S3's notification for it is delivered twice more (at-least-once delivery)
    key = _stored_upload_key(workflow["id"])
    event = _s3_event(key, 1234)
    import app

    for _ in range(2):
        result = app.upload_received(_sqs_event(event), None)
        assert result == {"batchItemFailures": []}

    # Then there is still one execution and the workflow did not change
    sfn = boto3.client("stepfunctions")
    names = [
        e["name"] for e in sfn.list_executions(stateMachineArn=os.environ["STATE_MACHINE_ARN"])["executions"]
    ]
    assert names.count(workflow["id"]) == 1
    assert api.workflow(workflow["id"])["version"] == workflow["version"]


def test_two_notifications_before_the_start_start_one_execution(api: Api) -> None:
    # Given a workflow whose file landed, and two notifications for it arriving together
    created = api.create_upload("PDF")
    key = created["upload"]["fields"]["key"]
    boto3.client("s3").put_object(Bucket=BUCKET, Key=key, Body=documents.make_pdf(WATER_PAGES))
    import app

    batch = _sqs_event(_s3_event(key, 10), _s3_event(key, 10))
    assert app.upload_received(batch, None) == {"batchItemFailures": []}

    # Then one execution runs it to the end
    workflow = api.wait_for(created["workflowId"])
    assert workflow["status"] == "COMPLETED"
    sfn = boto3.client("stepfunctions")
    names = [
        e["name"] for e in sfn.list_executions(stateMachineArn=os.environ["STATE_MACHINE_ARN"])["executions"]
    ]
    assert names.count(created["workflowId"]) == 1


def test_an_object_no_workflow_owns_is_ignored(api: Api) -> None:
    import app

    workflow_id = api.create_pending()
    strays = [
        "uploads/nobody/wf_" + "0" * 32 + "/x.pdf",  # no such workflow
        f"uploads/mallory/{workflow_id}/x.pdf",  # someone else's workflow id
        "uploads/readme.txt",  # not a workflow's key at all
    ]
    result = app.upload_received(_sqs_event(*[_s3_event(key, 5) for key in strays]), None)
    assert result == {"batchItemFailures": []}
    assert api.workflow(workflow_id)["status"] == "PENDING"


def test_s3s_test_event_is_ignored() -> None:
    import app

    test_event = {"Service": "Amazon S3", "Event": "s3:TestEvent", "Bucket": BUCKET}
    assert app.upload_received(_sqs_event(test_event), None) == {"batchItemFailures": []}


# --- canned events (the shapes S3 and SQS deliver) ----------------------------------------


def _s3_event(key: str, size: int) -> dict[str, Any]:
    from urllib.parse import quote_plus

    return {
        "Records": [
            {
                "eventVersion": "2.1",
                "eventSource": "aws:s3",
                "eventName": "ObjectCreated:Post",
                "s3": {
                    "bucket": {"name": BUCKET},
                    "object": {"key": quote_plus(key, safe="/"), "size": size},
                },
            }
        ]
    }


def _sqs_event(*messages: dict[str, Any]) -> dict[str, Any]:
    from local_stack.notifications import sqs_event

    return sqs_event([json.dumps(m) for m in messages], "arn:aws:sqs:us-east-1:123456789012:q", "us-east-1")


def test_a_browser_on_another_origin_may_upload(api: Api, http_pool: urllib3.PoolManager) -> None:
    # Given a web app on its own origin, as on AWS with the bucket's CORS rule
    created = api.create_upload("PDF")
    upload = created["upload"]
    fields: dict[str, Any] = {**upload["fields"], "file": ("r.pdf", documents.make_pdf(["Kitchen wet"]), "x")}

    # When it posts the file
    response = http_pool.request(
        "POST", upload["url"], fields=fields, headers={"Origin": "http://localhost:3000"}
    )

    # Then S3 accepts it and lets the page read the answer
    assert response.status == 204
    assert response.headers.get("Access-Control-Allow-Origin") in ("*", "http://localhost:3000")


def test_a_boolean_is_not_a_size(api: Api) -> None:
    # Given an upload request whose size is `true` (lax parsing would read it as a 1-byte file)
    for path, body in (
        (
            "/api/orchestrator/uploads",
            {"inputMethod": "PDF", "fileName": "a.pdf", "contentType": CONTENT_TYPES["PDF"], "size": True},
        ),
        (
            "/api/orchestrator/workflows",
            {
                "inputMethod": "PDF",
                "inputData": {"fileName": "a.pdf", "contentType": CONTENT_TYPES["PDF"], "size": True},
            },
        ),
    ):
        reply = api.post(path, body)
        # Then it is refused in the error shape, and nothing is created
        assert reply.status == 400, (path, reply.body)
        assert "size" in reply.body["error"]["message"]
    assert api.get("/api/orchestrator/workflows").body["workflows"] == []


def _stored_upload_key(workflow_id: str) -> str:
    """Where the upload is stored: on the record, not in what the API shows (no storage keys)."""
    record = wiring.ports().workflows.get(workflow_id)
    assert record is not None and record.input_data is not None
    return str(record.input_data["uploadKey"])


def test_the_api_shows_no_storage_keys(api: Api) -> None:
    workflow = api.workflow(api.create_text("Laundry floor wet, vinyl 30 WME."))
    assert set(workflow["inputData"]) == {"characters"}
    pending = api.workflow(api.create_pending())
    assert not any(key.endswith("Key") for key in pending["inputData"])
