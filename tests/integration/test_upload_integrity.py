"""Upload integrity (#19 item 3): a form stores one object once, a workflow reads the version it
received, a file nothing will read is removed when it lands, and a fresh form replaces the old."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote_plus

import boto3
import pytest
import urllib3

from chalicelib import wiring
from local_stack.notifications import sqs_event
from local_stack.stack import LocalStack
from tests import documents
from tests.conftest import Api

BUCKET = "restoreassist-documents"
BASE = "/api/orchestrator/workflows"
FIRST = ["Cause: burst supply line under the laundry tub.\nLaundry 3 x 2.5 m, vinyl floor wet."]
SECOND = ["Cause: roof leak over the study.\nStudy 4 x 3 m, ceiling collapsed."]


def _post(http_pool: urllib3.PoolManager, upload: dict[str, Any], data: bytes) -> Any:
    """The browser's side: the form's fields, then the file last."""
    fields: dict[str, Any] = {**upload["fields"], "file": ("inspection.pdf", data, "application/pdf")}
    return http_pool.request("POST", upload["url"], fields=fields)


def _record(workflow_id: str) -> dict[str, Any]:
    """inputData as stored (keys and version ids are never shown by the API)."""
    record = wiring.ports().workflows.get(workflow_id)
    assert record is not None and record.input_data is not None
    return dict(record.input_data)


def _versions(key: str) -> list[str]:
    listed = boto3.client("s3").list_object_versions(Bucket=BUCKET, Prefix=key)
    return [v["VersionId"] for v in listed.get("Versions", []) if v["Key"] == key]


def _notify(key: str, size: int, version_id: str, etag: str) -> None:
    """S3's ObjectCreated notification for one version, delivered as SQS delivers it."""
    import app

    record = {
        "eventVersion": "2.1",
        "eventSource": "aws:s3",
        "eventName": "ObjectCreated:Post",
        "s3": {
            "bucket": {"name": BUCKET},
            "object": {"key": quote_plus(key, safe="/"), "size": size, "eTag": etag, "versionId": version_id},
        },
    }
    event = sqs_event(
        [json.dumps({"Records": [record]})], "arn:aws:sqs:us-east-1:123456789012:q", "us-east-1"
    )
    assert app.upload_received(event, None) == {"batchItemFailures": []}


def _report_text(api: Api, workflow_id: str) -> str:
    return json.dumps(api.get(f"{BASE}/{workflow_id}/report").body["report"]["findings"]).lower()


def test_a_form_posted_twice_is_refused_the_second_time(
    api: Api, http_pool: urllib3.PoolManager, stack: LocalStack
) -> None:
    # Given a PDF uploaded with its form and processed
    created = api.create_upload("PDF")
    assert _post(http_pool, created["upload"], documents.make_pdf(FIRST)).status == 204
    workflow = api.wait_for(created["workflowId"])
    assert workflow["status"] == "COMPLETED"
    key = _record(workflow["id"])["uploadKey"]

    # When the same form is posted again with another file
    response = _post(http_pool, created["upload"], documents.make_pdf(SECOND))
    assert stack.uploads_queue is not None
    stack.uploads_queue.drain()

    # Then S3's answer to a write on a key that exists is given, and nothing changed
    assert response.status == 412, response.data
    assert b"<Code>PreconditionFailed</Code>" in response.data
    assert len(_versions(key)) == 1
    assert api.workflow(workflow["id"])["version"] == workflow["version"]
    assert "laundry" in _report_text(api, workflow["id"])


def test_initiation_reads_the_version_received_and_a_second_version_is_removed(api: Api) -> None:
    # Given a workflow's key holding two versions, as a form posted twice leaves it on AWS (S3's
    # POST has no conditional write), and the notification of the first arriving first
    created = api.create_upload("PDF")
    key = _record(created["workflowId"])["uploadKey"]
    s3 = boto3.client("s3")
    first = s3.put_object(Bucket=BUCKET, Key=key, Body=(one := documents.make_pdf(FIRST)))
    second = s3.put_object(Bucket=BUCKET, Key=key, Body=(two := documents.make_pdf(SECOND)))
    _notify(key, len(one), first["VersionId"], first["ETag"].strip('"'))

    # When it runs, and then the second version's notification arrives
    workflow = api.wait_for(created["workflowId"])
    _notify(key, len(two), second["VersionId"], second["ETag"].strip('"'))

    # Then the record kept the first version and its ETag, INITIATION read that one (not the
    # newer current one), the second version is gone and the workflow did not change
    assert workflow["status"] == "COMPLETED", workflow
    stored = _record(workflow["id"])
    assert stored["uploadVersionId"] == first["VersionId"]
    assert stored["uploadETag"] == first["ETag"].strip('"')
    report = _report_text(api, workflow["id"])
    assert "laundry" in report and "study" not in report
    assert _versions(key) == [first["VersionId"]]
    assert api.workflow(workflow["id"])["version"] == workflow["version"]
    # ... and the API shows the ETag received, never the store's version id
    assert workflow["inputData"]["uploadETag"] == first["ETag"].strip('"')
    assert "uploadVersionId" not in workflow["inputData"]


@pytest.mark.parametrize("how", ["cancelled", "deleted"])
def test_a_file_for_a_cancelled_or_deleted_workflow_is_removed_when_it_lands(
    api: Api, http_pool: urllib3.PoolManager, stack: LocalStack, how: str
) -> None:
    # Given a workflow cancelled (DELETE of a PENDING one), or then deleted (DELETE again), whose
    # upload form has not expired
    created = api.create_upload("PDF")
    workflow_id = created["workflowId"]
    key = _record(workflow_id)["uploadKey"]
    assert api.delete(f"{BASE}/{workflow_id}").status == 200
    if how == "deleted":
        assert api.delete(f"{BASE}/{workflow_id}").status == 200

    # When the file is posted with the form
    response = _post(http_pool, created["upload"], documents.make_pdf(FIRST))
    assert stack.uploads_queue is not None
    stack.uploads_queue.drain()

    # Then S3 took it (the form was valid) but the trigger removed it: nothing is left
    assert response.status == 204
    assert _versions(key) == []
    if how == "cancelled":
        assert api.workflow(workflow_id)["status"] == "CANCELLED"
    else:
        assert api.get(f"{BASE}/{workflow_id}").status == 404


def test_a_photo_for_a_deleted_workflow_is_removed_when_it_lands(
    api: Api, http_pool: urllib3.PoolManager, stack: LocalStack
) -> None:
    from tests.integration.test_photos import make_jpeg

    # Given a finished workflow, a photo form for it, and then the workflow deleted
    workflow_id = api.create_text("Laundry floor wet, vinyl 30 WME.")
    api.wait_for(workflow_id)
    body = {"fileName": "IMG_1.jpg", "contentType": "image/jpeg", "caption": "Laundry", "room": "Laundry"}
    created = api.post(f"{BASE}/{workflow_id}/photos", body)
    assert created.status == 201, created.body
    key = created.body["upload"]["fields"]["key"]
    assert api.delete(f"{BASE}/{workflow_id}").status == 200

    # When the photo is posted with its still-valid form
    upload = created.body["upload"]
    fields: dict[str, Any] = {**upload["fields"], "file": ("IMG_1.jpg", make_jpeg((40, 30)), "image/jpeg")}
    assert http_pool.request("POST", upload["url"], fields=fields).status == 204
    assert stack.uploads_queue is not None
    stack.uploads_queue.drain()

    # Then nothing of it is left
    assert _versions(key) == []


def test_a_fresh_form_replaces_the_old_one(
    api: Api, http_pool: urllib3.PoolManager, stack: LocalStack
) -> None:
    # Given a PDF workflow waiting for its file
    created = api.create_upload("PDF")
    workflow_id = created["workflowId"]
    old_key = _record(workflow_id)["uploadKey"]

    # When the user asks for a fresh form
    reply = api.post(f"{BASE}/{workflow_id}/upload")

    # Then it is a new form, for another key, and the record waits on that key from now on
    assert reply.status == 200, reply.body
    assert reply.body["workflowId"] == workflow_id and reply.body["status"] == "PENDING"
    new_form = reply.body["upload"]
    assert new_form["fields"]["key"] != created["upload"]["fields"]["key"]
    assert _record(workflow_id)["uploadKey"] == new_form["fields"]["key"]
    assert "formIssuedAt" in _record(workflow_id)

    # And a file sent with the old form attaches nothing and is removed
    assert _post(http_pool, created["upload"], documents.make_pdf(SECOND)).status == 204
    assert stack.uploads_queue is not None
    stack.uploads_queue.drain()
    assert _versions(old_key) == []
    assert api.workflow(workflow_id)["status"] == "PENDING"

    # And the new form's file runs the workflow
    assert _post(http_pool, new_form, documents.make_pdf(FIRST)).status == 204
    workflow = api.wait_for(workflow_id)
    assert workflow["status"] == "COMPLETED", workflow
    assert "laundry" in _report_text(api, workflow_id)
    # ... and once the file is in, there is no new form to have
    again = api.post(f"{BASE}/{workflow_id}/upload")
    assert again.status == 409 and again.body["error"]["code"] == "NOT_PENDING"


def test_a_fresh_form_is_for_the_owners_waiting_document_workflows_only(api: Api) -> None:
    pending = api.create_pending("WORD")
    # Someone else's workflow does not exist for them
    other = api.as_user("u-someone-else").post(f"{BASE}/{pending}/upload")
    assert other.status == 404 and other.body["error"]["code"] == "WORKFLOW_NOT_FOUND"
    # A TEXT workflow has no file to upload
    text = api.create_text("Laundry floor wet, vinyl 30 WME.")
    refused = api.post(f"{BASE}/{text}/upload")
    assert refused.status == 409 and refused.body["error"]["code"] == "NOT_PENDING"
    # A cancelled one waits for nothing; its record is unchanged by the refusal
    assert api.delete(f"{BASE}/{pending}").status == 200
    before = api.workflow(pending)
    cancelled = api.post(f"{BASE}/{pending}/upload")
    assert cancelled.status == 409 and cancelled.body["error"]["code"] == "NOT_PENDING"
    assert api.workflow(pending)["version"] == before["version"]
