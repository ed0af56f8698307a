"""Human review on the local stack: QA never swallows a report. A job QA cannot pass stops at
NEEDS_REVIEW with a DRAFT in every format; a person approves it (each QA error overridden with a
reason, which the final report prints); the final report carries no DRAFT mark."""

from __future__ import annotations

import hashlib
import io
import urllib.request
from typing import Any

import pytest
from pypdf import PdfReader

from chalicelib.settings import get_settings
from tests.conftest import Api

BASE = "/api/orchestrator/workflows"
MERGE = "application/merge-patch+json"
# Notes that name no room, no reading and no damage: QA errors the offline analyzer cannot fix.
SPARSE = "Called the client about the leak. Will come back Tuesday with the meter."
CLEAN = """Claim: CLM-77120
Insured: P. Nakamura
Date of loss: 2026-11-03
Inspection date: 2026-11-04
Cause: burst flexi hose under the kitchen sink, clean water, found within 2 hours.
Kitchen 4.0 x 3.5 m: vinyl floor wet over 6 m2, plasterboard wicking to 150 mm.
Readings: kitchen plasterboard 32% (dry standard 12% in the lounge), goal 15%.
Equipment: 2 air movers, 1 LGR dehumidifier placed 04/11.
"""


SIGNER = {
    "name": "Sam Ortiz",
    "role": "Restoration technician",
    "statement": "I inspected the property on the date given and stand behind these findings.",
}
# What the signature prints: the signer's certification on file, not one typed at signing.
ON_FILE = {"scheme": "IICRC", "number": "123456", "categories": ["WRT"], "expiresOn": "2099-06-30"}
PRINTED = "IICRC WRT #123456"


@pytest.fixture(autouse=True)
def certified(api: Api) -> None:
    """Each test's user has a current certification on file: signing needs one (#22)."""
    reply = api.put(f"/api/orchestrator/members/{api.workflow_owner()}/certification", ON_FILE)
    assert reply.status == 200, reply.body


def _download(api: Api, workflow_id: str, report_format: str) -> tuple[dict[str, Any], bytes]:
    reply = api.get(f"{BASE}/{workflow_id}/report?format={report_format}")
    assert reply.status == 200, reply.body
    with urllib.request.urlopen(reply.body["url"], timeout=10) as response:
        return reply.body, response.read()


def _pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def _qa_errors(api: Api, workflow_id: str) -> list[dict[str, Any]]:
    report = api.get(f"{BASE}/{workflow_id}/report?format=json").body["report"]
    return [issue for issue in report["qa"]["issues"] if issue["severity"] == "error"]


def test_a_job_qa_cannot_pass_is_reviewed_approved_with_reasons_and_completed(api: Api) -> None:
    # Given notes QA finds errors in
    workflow_id = api.create_text(SPARSE, title="Nakamura kitchen")

    # When the workflow runs, it stops at review with a DRAFT in every format, QA's issues first
    workflow = api.wait_for(workflow_id)
    assert workflow["status"] == "NEEDS_REVIEW", workflow
    assert workflow["review"]["reason"] == "QA_ERRORS"
    body, pdf = _download(api, workflow_id, "pdf")
    assert body["draft"] is True
    pages = _pdf_pages(pdf)
    assert pages and all("DRAFT" in page for page in pages)
    _, markdown = _download(api, workflow_id, "md")
    text = markdown.decode()
    assert text.startswith("**DRAFT")
    assert text.index("## QA findings") < text.index("## Summary")
    errors = _qa_errors(api, workflow_id)
    assert errors

    # And approving without a reason for every error is refused, changing nothing
    refused = api.post(f"{BASE}/{workflow_id}/approve", {"overrides": []})
    assert refused.status == 400 and refused.body["error"]["code"] == "OVERRIDE_REASON_REQUIRED"
    assert api.workflow(workflow_id)["status"] == "NEEDS_REVIEW"

    # When the reviewer overrides each error with a reason
    reasons = {issue["code"]: f"Checked on site, item {n}" for n, issue in enumerate(errors, start=1)}
    overrides = [{"code": code, "reason": reason} for code, reason in reasons.items()]
    approved = api.post(f"{BASE}/{workflow_id}/approve", {"overrides": overrides})
    assert approved.status == 200, approved.body
    assert approved.body["workflow"]["review"]["approvedBy"] == api.workflow_owner()

    # Then the final report is rendered: no DRAFT mark, the reasons in its QA section
    done = api.wait_for(workflow_id)
    assert done["status"] == "COMPLETED", done
    body, pdf = _download(api, workflow_id, "pdf")
    assert body["draft"] is False
    final_text = "\n".join(_pdf_pages(pdf))
    assert "DRAFT" not in final_text
    _, markdown = _download(api, workflow_id, "md")
    for reason in reasons.values():
        assert reason in markdown.decode()
    # And the analysis ran once: the offline analyzer would give the same findings again
    assert [s["phase"] for s in done["steps"]] == ["INITIATION", "PROCESSING", "QA", "OUTPUT"]


def test_review_asked_for_at_creation_stops_even_a_passing_job(api: Api) -> None:
    workflow_id = api.create_text(CLEAN, review_required=True)
    workflow = api.wait_for(workflow_id)
    assert workflow["status"] == "NEEDS_REVIEW", workflow
    assert workflow["review"]["reason"] in ("REQUESTED", "QA_ERRORS")
    overrides = [
        {"code": e["code"], "reason": "Confirmed with the technician"} for e in _qa_errors(api, workflow_id)
    ]
    assert api.post(f"{BASE}/{workflow_id}/approve", {"overrides": overrides}).status == 200
    assert api.wait_for(workflow_id)["status"] == "COMPLETED"


def test_only_its_owner_approves_and_only_a_person(api: Api) -> None:
    workflow_id = api.create_text(SPARSE)
    assert api.wait_for(workflow_id)["status"] == "NEEDS_REVIEW"
    # Another user: as if it did not exist
    stranger = api.as_user("mallory").post(f"{BASE}/{workflow_id}/approve", {"overrides": []})
    assert stranger.status == 404
    # The owner's API key (a field app) may not approve: a person does
    created = api.post("/api/orchestrator/api-keys", {"name": "tablet"})
    keyed = api.anonymous()
    keyed.token = created.body["secret"]
    assert keyed.post(f"{BASE}/{workflow_id}/approve", {"overrides": []}).status == 403
    # A workflow not in review cannot be approved
    other = api.create_text(CLEAN)
    api.wait_for(other)
    not_in_review = api.post(f"{BASE}/{other}/approve", {"overrides": []})
    assert not_in_review.status == 409 and not_in_review.body["error"]["code"] == "NOT_IN_REVIEW"


def test_cancelling_during_review_ends_it_and_leaves_no_step_running(api: Api) -> None:
    workflow_id = api.create_text(SPARSE)
    assert api.wait_for(workflow_id)["status"] == "NEEDS_REVIEW"
    assert api.delete(f"{BASE}/{workflow_id}").status == 200
    cancelled = api.wait_for(workflow_id)
    assert cancelled["status"] == "CANCELLED"
    assert not [s for s in cancelled["steps"] if s["status"] == "IN_PROGRESS"]
    refused = api.post(f"{BASE}/{workflow_id}/approve", {"overrides": []})
    assert refused.status == 409


def test_the_reviewer_adds_what_was_missed_qa_passes_and_the_signed_report_is_what_was_hashed(
    api: Api,
) -> None:
    # Given a job in review because the notes name no affected room
    workflow_id = api.create_text(SPARSE)
    assert api.wait_for(workflow_id)["status"] == "NEEDS_REVIEW"
    read = api.get(f"{BASE}/{workflow_id}/findings")
    assert read.status == 200 and read.headers["ETag"].startswith('"')
    codes = {i["code"] for i in read.body["qa"]["issues"] if i["severity"] == "error"}
    assert "AFFECTED_AREAS_MISSING" in codes

    # When the reviewer adds the room and a reading, as a merge patch made from that read
    patch = {
        "affectedAreas": [{"room": "Hallway", "materials": ["carpet", "skirting"]}],
        "moistureReadings": [{"location": "Hallway", "material": "skirting", "value": 24, "unit": "%MC"}],
    }
    headers = {"Content-Type": "application/merge-patch+json", "If-Match": read.headers["ETag"]}
    edited = api.patch(f"{BASE}/{workflow_id}/findings", patch, headers=headers)
    assert edited.status == 200, edited.body
    # Then QA has checked the edit: the missing-room error is gone, and the facts cite the reviewer
    assert "AFFECTED_AREAS_MISSING" not in {i["code"] for i in edited.body["qa"]["issues"]}
    assert edited.body["findings"]["affectedAreas"][0]["source"]["enteredBy"] == api.workflow_owner()
    # And an edit made from the old read is refused
    again = api.patch(f"{BASE}/{workflow_id}/findings", {"causeOfLoss": "Burst hose"}, headers=headers)
    assert again.status == 409 and again.body["error"]["code"] == "VERSION_CONFLICT"
    # And the draft shows the edit
    draft = api.get(f"{BASE}/{workflow_id}/report?format=json").body["report"]
    assert draft["draft"] is True and draft["findings"]["affectedAreas"][0]["room"] == "Hallway"

    # When QA passes the edited findings, they are approved with no override, and signed
    assert edited.body["qa"]["passed"] is True
    assert api.post(f"{BASE}/{workflow_id}/approve", {"overrides": []}).status == 200
    assert api.wait_for(workflow_id)["status"] == "COMPLETED"
    signed = api.post(f"{BASE}/{workflow_id}/sign", SIGNER)
    assert signed.status == 200, signed.body
    files = signed.body["workflow"]["signatures"][0]["files"]
    # Then the final report has the reviewer's room, entered on review, the signature block and
    # no DRAFT mark, and each file is the one whose hash was recorded
    _, markdown = _download(api, workflow_id, "md")
    text = markdown.decode()
    assert "Hallway" in text and "ntered on review" in text, text
    assert "DRAFT" not in text and PRINTED in text
    _, pdf = _download(api, workflow_id, "pdf")
    assert "DRAFT" not in "\n".join(_pdf_pages(pdf)) and "Sign-off" in "\n".join(_pdf_pages(pdf))
    assert hashlib.sha256(pdf).hexdigest() == files["pdf"]["sha256"]
    assert hashlib.sha256(markdown).hexdigest() == files["md"]["sha256"]


def test_editing_needs_if_match_and_a_patch_type_we_read(api: Api) -> None:
    workflow_id = api.create_text(SPARSE)
    assert api.wait_for(workflow_id)["status"] == "NEEDS_REVIEW"
    body = {"causeOfLoss": "Burst hose"}
    missing = api.patch(f"{BASE}/{workflow_id}/findings", body, headers={"Content-Type": MERGE})
    assert missing.status == 428 and missing.body["error"]["code"] == "IF_MATCH_REQUIRED"
    etag = api.get(f"{BASE}/{workflow_id}/findings").headers["ETag"]
    text = api.patch(
        f"{BASE}/{workflow_id}/findings", body, headers={"Content-Type": "text/plain", "If-Match": etag}
    )
    assert text.status == 415
    # An API key reads the findings but may not edit them: a person reviews
    created = api.post("/api/orchestrator/api-keys", {"name": "tablet"})
    keyed = api.anonymous()
    keyed.token = created.body["secret"]
    assert keyed.get(f"{BASE}/{workflow_id}/findings").status == 200
    denied = keyed.patch(
        f"{BASE}/{workflow_id}/findings", body, headers={"Content-Type": MERGE, "If-Match": etag}
    )
    assert denied.status == 403


def test_a_person_signs_the_final_report_and_the_recorded_hashes_are_the_files(api: Api) -> None:
    # Given a completed workflow
    workflow_id = _completed(api)

    # When a person signs it
    signed = api.post(f"{BASE}/{workflow_id}/sign", SIGNER)
    assert signed.status == 200, signed.body
    (signature,) = signed.body["workflow"]["signatures"]
    assert signature["revision"] == 1 and signature["signedBy"] == api.workflow_owner()

    # Then every format downloads as signed, each file's SHA-256 the recorded one
    for extension in ("pdf", "docx", "md"):  # (json is served inline, parsed)
        _, data = _download(api, workflow_id, extension)
        assert hashlib.sha256(data).hexdigest() == signature["files"][extension]["sha256"], extension
    # And the PDF carries the signature block, and no DRAFT mark
    _, pdf = _download(api, workflow_id, "pdf")
    text = "\n".join(_pdf_pages(pdf))
    assert "Sign-off" in text and PRINTED in text and "Sam Ortiz" in text
    assert "DRAFT" not in text

    # And a signed revision is not signed again, nor by a key, nor by another user
    again = api.post(f"{BASE}/{workflow_id}/sign", SIGNER)
    assert again.status == 409 and again.body["error"]["code"] == "ALREADY_SIGNED"
    assert api.as_user("mallory").post(f"{BASE}/{workflow_id}/sign", SIGNER).status == 404


def test_only_a_final_report_is_signed_and_only_by_a_person(api: Api) -> None:
    workflow_id = api.create_text(SPARSE)
    assert api.wait_for(workflow_id)["status"] == "NEEDS_REVIEW"
    refused = api.post(f"{BASE}/{workflow_id}/sign", SIGNER)
    assert refused.status == 409 and refused.body["error"]["code"] == "NOT_COMPLETED"
    created = api.post("/api/orchestrator/api-keys", {"name": "tablet"})
    keyed = api.anonymous()
    keyed.token = created.body["secret"]
    assert keyed.post(f"{BASE}/{workflow_id}/sign", SIGNER).status == 403
    blank = api.post(f"{BASE}/{workflow_id}/sign", {**SIGNER, "certification": " "})
    assert blank.status == 400


def _completed(api: Api) -> str:
    workflow_id = api.create_text(CLEAN)
    workflow = api.wait_for(workflow_id)
    if workflow["status"] == "NEEDS_REVIEW":
        left = _qa_errors(api, workflow_id)
        overrides = [{"code": i["code"], "reason": "Confirmed on site by the technician"} for i in left]
        assert api.post(f"{BASE}/{workflow_id}/approve", {"overrides": overrides}).status == 200
        workflow = api.wait_for(workflow_id)
    assert workflow["status"] == "COMPLETED", workflow
    return workflow_id


def test_an_edit_after_signing_is_revision_2_and_revision_1_still_downloads_unchanged(api: Api) -> None:
    # Given a signed report
    workflow_id = _completed(api)
    assert api.post(f"{BASE}/{workflow_id}/sign", SIGNER).status == 200
    _, first_pdf = _download(api, workflow_id, "pdf")
    # ... which cannot be edited as it is
    etag = api.get(f"{BASE}/{workflow_id}/findings").headers["ETag"]
    headers = {"Content-Type": MERGE, "If-Match": etag}
    refused = api.patch(f"{BASE}/{workflow_id}/findings", {"causeOfLoss": "Burst hose"}, headers=headers)
    assert refused.status == 409

    # When revision 2 is opened, edited, approved and signed
    opened = api.post(f"{BASE}/{workflow_id}/revisions")
    assert opened.status == 200, opened.body
    assert opened.body["workflow"]["revision"] == 2
    in_review = api.wait_for(workflow_id)
    assert in_review["status"] == "NEEDS_REVIEW" and in_review["review"]["reason"] in (
        "REVISION",
        "QA_ERRORS",
    )
    etag = api.get(f"{BASE}/{workflow_id}/findings").headers["ETag"]
    cause = {"causeOfLoss": "Burst braided flexi hose under the kitchen sink"}
    edited = api.patch(
        f"{BASE}/{workflow_id}/findings", cause, headers={"Content-Type": MERGE, "If-Match": etag}
    )
    assert edited.status == 200, edited.body
    left = [i for i in edited.body["qa"]["issues"] if i["severity"] == "error"]
    overrides = [{"code": i["code"], "reason": "Confirmed on site by the technician"} for i in left]
    assert api.post(f"{BASE}/{workflow_id}/approve", {"overrides": overrides}).status == 200
    assert api.wait_for(workflow_id)["status"] == "COMPLETED"
    assert api.post(f"{BASE}/{workflow_id}/sign", {**SIGNER, "name": "Alex Chen"}).status == 200

    # Then both revisions are listed as signed, each with its own hashes
    listed = api.get(f"{BASE}/{workflow_id}/revisions").body
    assert listed["current"] == 2
    assert [(r["revision"], r["state"], r["name"]) for r in listed["revisions"]] == [
        (1, "SIGNED", "Sam Ortiz"),
        (2, "SIGNED", "Alex Chen"),
    ]
    # And revision 1 downloads byte for byte as it was signed; revision 2 carries the edit
    reply = api.get(f"{BASE}/{workflow_id}/report?format=pdf&revision=1")
    with urllib.request.urlopen(reply.body["url"], timeout=10) as response:
        assert response.read() == first_pdf
    assert hashlib.sha256(first_pdf).hexdigest() == listed["revisions"][0]["files"]["pdf"]["sha256"]
    _, second_pdf = _download(api, workflow_id, "pdf")
    assert hashlib.sha256(second_pdf).hexdigest() == listed["revisions"][1]["files"]["pdf"]["sha256"]
    assert "braided flexi hose" in "\n".join(_pdf_pages(second_pdf))
    # And a revision that does not exist is not found
    assert api.get(f"{BASE}/{workflow_id}/report?format=pdf&revision=9").status == 404


def test_only_a_signed_report_opens_a_revision(api: Api) -> None:
    workflow_id = _completed(api)
    refused = api.post(f"{BASE}/{workflow_id}/revisions")
    assert refused.status == 409 and refused.body["error"]["code"] == "NOT_SIGNED"


def test_a_review_nobody_finishes_ends_the_workflow_and_a_retry_starts_a_new_one(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a review period of two seconds
    monkeypatch.setenv("REVIEW_TIMEOUT_SECONDS", "2")
    get_settings.cache_clear()
    try:
        workflow_id = api.create_text(SPARSE)
        assert api.wait_for(workflow_id)["status"] == "NEEDS_REVIEW"
        # When nobody approves it in time
        ended = api.wait_for(workflow_id, until=lambda w: w["status"] == "FAILED", timeout=30)
    finally:
        monkeypatch.delenv("REVIEW_TIMEOUT_SECONDS")
        get_settings.cache_clear()
    # Then it ends, saying why, with its draft still there and no step left running
    assert ended["errorCode"] == "ReviewTimedOut"
    assert "review period" in ended["errorMessage"]
    assert not [s for s in ended["steps"] if s["status"] == "IN_PROGRESS"]
    assert api.get(f"{BASE}/{workflow_id}/report?format=json").body["report"]["draft"] is True
    # And a retry starts a new review without analysing the notes again
    assert api.post(f"{BASE}/{workflow_id}/retry").status == 200
    again = api.wait_for(workflow_id)
    assert again["status"] == "NEEDS_REVIEW"
    assert [s["phase"] for s in again["steps"]].count("PROCESSING") == 1


def test_a_users_default_asks_for_review_and_a_workflow_may_say_otherwise(api: Api) -> None:
    user = api.as_user("reviewer-by-default")
    assert user.get("/api/orchestrator/settings").body["settings"]["reviewRequired"] is False
    saved = user.put("/api/orchestrator/settings", {"reviewRequired": True})
    assert saved.status == 200 and saved.body["settings"]["reviewRequired"] is True
    # A workflow that says nothing follows the default ...
    by_default = user.create_text(CLEAN)
    workflow = user.wait_for(by_default)
    assert workflow["status"] == "NEEDS_REVIEW" and workflow["reviewRequired"] is True
    # ... one that says otherwise does not wait for a person unless QA needs one
    body = {"inputMethod": "TEXT", "inputData": {"text": CLEAN}, "reviewRequired": False}
    told = user.post("/api/orchestrator/workflows", body).body["workflowId"]
    assert user.wait_for(told)["reviewRequired"] is False
    assert user.put("/api/orchestrator/settings", {"reviewRequired": "yes"}).status == 400
