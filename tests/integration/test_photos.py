"""Photos as evidence, through the local stack: presigned POST to (local) S3, the S3 -> SQS
receipt (hash, EXIF, refusals, the report copy), the report embedding them by room, and
ownership. Every image is made here with Pillow; there are no binary fixtures."""

from __future__ import annotations

import hashlib
import io
import json
import struct
import time
import zlib
from typing import Any

import boto3
import pytest
import urllib3
from PIL import Image

from tests import documents
from tests.conftest import Api

BUCKET = "restoreassist-documents"
API = "/api/orchestrator"
WATER_PAGES = [
    "Inspection report - 22 Wattle Rd\nInsured: J. Citizen\nCause: burst hot water service in the laundry.",
    "Laundry 3 x 2.5 m, vinyl floor and skirting wet.\nKitchen 12x14 ft, timber floor cupping.",
    "Readings\nLaundry wall 40 WME\nKitchen subfloor 28%MC",
]
SYDNEY = {1: "S", 2: (33.0, 51.0, 54.0), 3: "E", 4: (151.0, 12.0, 36.0)}


# --- images, made with Pillow ----------------------------------------------------------------


def make_jpeg(size: tuple[int, int] = (2400, 1800), colour: tuple[int, int, int] = (120, 80, 40)) -> bytes:
    """A photo as a phone writes it: EXIF time and GPS."""
    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    exif.get_ifd(0x8825).update(SYDNEY)
    exif.get_ifd(0x8769)[36867] = "2026:11:20 09:14:00"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=90)
    return buffer.getvalue()


def make_png(size: tuple[int, int] = (640, 480)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", size, (10, 120, 200, 180)).save(buffer, "PNG")
    return buffer.getvalue()


def make_png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A tiny PNG whose header declares 10 billion pixels (its CRC made right, so only the size
    gives it away): decoding it would take tens of gigabytes."""
    buffer = io.BytesIO()
    Image.new("L", (8, 8)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    data[16:24] = struct.pack(">II", width, height)  # IHDR's width and height
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


# --- the uploader's side -----------------------------------------------------------------------


def add_photo(
    api: Api,
    http_pool: urllib3.PoolManager,
    workflow_id: str,
    data: bytes,
    *,
    room: str,
    caption: str,
    content_type: str = "image/jpeg",
    file_name: str = "IMG_0001.jpg",
) -> dict[str, Any]:
    """Ask for the form, post the bytes, wait for the receipt; the photo's record."""
    body = {"fileName": file_name, "contentType": content_type, "caption": caption, "room": room}
    reply = api.post(f"{API}/workflows/{workflow_id}/photos", body)
    assert reply.status == 201, reply.body
    upload = reply.body["upload"]
    fields: dict[str, Any] = {**upload["fields"], "file": (file_name, data, content_type)}
    posted = http_pool.request("POST", upload["url"], fields=fields)
    assert posted.status == 204, posted.data
    return wait_for_receipt(api, workflow_id, reply.body["photo"]["id"])


def wait_for_receipt(api: Api, workflow_id: str, photo_id: str, timeout: float = 30) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        photos = api.get(f"{API}/workflows/{workflow_id}/photos").body["photos"]
        photo = next(p for p in photos if p["id"] == photo_id)
        if photo["status"] != "PENDING":
            return dict(photo)
        assert time.monotonic() < deadline, photo
        time.sleep(0.1)


def objects_under(prefix: str) -> list[str]:
    listed = boto3.client("s3").list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    return [obj["Key"] for obj in listed.get("Contents", [])]


# --- receipt ------------------------------------------------------------------------------------


def test_a_photo_is_received_with_its_hash_exif_and_a_clean_report_copy(
    api: Api, http_pool: urllib3.PoolManager
) -> None:
    # Given a workflow waiting for its document, and a phone's photo with EXIF time and GPS
    workflow_id = api.create_pending()
    data = make_jpeg()

    # When the photo is uploaded with its caption and room
    photo = add_photo(api, http_pool, workflow_id, data, room="Laundry", caption="Skirting before removal")

    # Then its receipt records what the bytes say: hash, size, pixels, EXIF time and GPS
    assert photo["status"] == "RECEIVED", photo
    assert photo["sha256"] == hashlib.sha256(data).hexdigest()
    assert photo["size"] == len(data)
    assert (photo["format"], photo["width"], photo["height"]) == ("JPEG", 2400, 1800)
    assert photo["exifTakenAt"] == "2026:11:20 09:14:00"
    assert photo["gps"] == {"latitude": pytest.approx(-33.865), "longitude": pytest.approx(151.21)}
    assert "uploadKey" not in photo and "reportKey" not in photo

    # And the report's copy is a smaller JPEG that carries no EXIF, so no GPS
    owner = api.workflow_owner()
    [copy_key] = objects_under(f"photos/{owner}/{workflow_id}/")
    copy = boto3.client("s3").get_object(Bucket=BUCKET, Key=copy_key)["Body"].read()
    image = Image.open(io.BytesIO(copy))
    assert image.format == "JPEG" and max(image.size) == 1600
    assert dict(image.getexif()) == {} and "exif" not in image.info
    assert b"Exif" not in copy and b"GPS" not in copy

    # And the workflow's progress stream told watchers the photo arrived
    assert api.workflow(workflow_id)["photoReceipts"] == {photo["id"]: "RECEIVED"}


@pytest.mark.parametrize(
    ("make", "file_name", "content_type", "code"),
    [
        (make_png_bomb, "bomb.png", "image/png", "PHOTO_TOO_MANY_PIXELS"),
        (lambda: documents.EXE_BYTES, "holiday.jpg", "image/jpeg", "PHOTO_NOT_AN_IMAGE"),
        (lambda: documents.make_pdf(["Kitchen wet"]), "scan.jpg", "image/jpeg", "PHOTO_NOT_AN_IMAGE"),
    ],
    ids=["decompression-bomb", "renamed-exe", "renamed-pdf"],
)
def test_a_bad_photo_is_refused_with_its_own_code_and_nothing_else_is_written(
    api: Api, http_pool: urllib3.PoolManager, make: Any, file_name: str, content_type: str, code: str
) -> None:
    # Given a workflow, and bytes that are no photo we keep
    workflow_id = api.create_pending()
    data = make()

    # When they are uploaded as a photo
    photo = add_photo(
        api,
        http_pool,
        workflow_id,
        data,
        room="Laundry",
        caption="x",
        content_type=content_type,
        file_name=file_name,
    )

    # Then the photo is REJECTED with its own code and a message, its hash kept for support
    assert photo["status"] == "REJECTED", photo
    assert photo["errorCode"] == code
    assert len(photo["errorMessage"]) > 20
    assert photo["sha256"] == hashlib.sha256(data).hexdigest()
    assert photo.get("width") is None and photo.get("gps") is None
    # ... no report copy was made, and the workflow says so once (its event)
    assert objects_under(f"photos/{api.workflow_owner()}/{workflow_id}/") == []
    workflow = api.workflow(workflow_id)
    assert workflow["photoReceipts"] == {photo["id"]: code}
    assert workflow["status"] == "PENDING"


def test_the_same_notification_twice_settles_the_photo_once(api: Api, http_pool: urllib3.PoolManager) -> None:
    # Given a photo received
    workflow_id = api.create_pending()
    photo = add_photo(
        api, http_pool, workflow_id, make_png(), room="Kitchen", caption="Floor", content_type="image/png"
    )
    before = api.workflow(workflow_id)

    # When S3's notification for it is delivered twice more
    import app

    key = f"uploads/{api.workflow_owner()}/{workflow_id}/photos/{photo['id']}"
    for _ in range(2):
        assert app.upload_received(_sqs_event(_s3_event(key)), None) == {"batchItemFailures": []}

    # Then nothing changed: the same receipt, no second event
    assert wait_for_receipt(api, workflow_id, photo["id"]) == photo
    assert api.workflow(workflow_id)["lastEventSeq"] == before["lastEventSeq"]


def test_another_users_workflow_photos_are_404(api: Api, http_pool: urllib3.PoolManager) -> None:
    # Given alice's workflow with a photo
    workflow_id = api.create_pending()
    add_photo(
        api, http_pool, workflow_id, make_png(), room="Kitchen", caption="Floor", content_type="image/png"
    )
    bob = api.as_user("bob-photos")

    # When bob lists or adds photos to it
    listed = bob.get(f"{API}/workflows/{workflow_id}/photos")
    body = {"fileName": "a.jpg", "contentType": "image/jpeg", "caption": "c", "room": "Kitchen"}
    added = bob.post(f"{API}/workflows/{workflow_id}/photos", body)

    # Then both are 404, as if it did not exist, and alice still has her one photo
    assert (listed.status, listed.body["error"]["code"]) == (404, "WORKFLOW_NOT_FOUND")
    assert (added.status, added.body["error"]["code"]) == (404, "WORKFLOW_NOT_FOUND")
    assert len(api.get(f"{API}/workflows/{workflow_id}/photos").body["photos"]) == 1


def test_a_photo_of_another_type_is_refused_before_any_upload(api: Api) -> None:
    workflow_id = api.create_pending()
    body = {"fileName": "a.gif", "contentType": "image/gif", "caption": "c", "room": "Kitchen"}
    reply = api.post(f"{API}/workflows/{workflow_id}/photos", body)
    assert (reply.status, reply.body["error"]["code"]) == (400, "INVALID_CONTENT_TYPE")
    assert api.get(f"{API}/workflows/{workflow_id}/photos").body["photos"] == []


# --- canned events (the shapes S3 and SQS deliver) ----------------------------------------


def _s3_event(key: str) -> dict[str, Any]:
    return {
        "Records": [
            {
                "eventVersion": "2.1",
                "eventSource": "aws:s3",
                "eventName": "ObjectCreated:Post",
                "s3": {"bucket": {"name": BUCKET}, "object": {"key": key, "size": 10}},
            }
        ]
    }


def _sqs_event(*messages: dict[str, Any]) -> dict[str, Any]:
    from local_stack.notifications import sqs_event

    return sqs_event([json.dumps(m) for m in messages], "arn:aws:sqs:us-east-1:123456789012:q", "us-east-1")


# --- the report -----------------------------------------------------------------------------


def _download(api: Api, http_pool: urllib3.PoolManager, workflow_id: str, report_format: str) -> bytes:
    reply = api.get(f"{API}/workflows/{workflow_id}/report?format={report_format}")
    assert reply.status == 200, reply.body
    return bytes(http_pool.request("GET", reply.body["url"]).data)


def test_photos_uploaded_with_a_workflow_are_embedded_by_room_in_every_report(
    api: Api, http_pool: urllib3.PoolManager
) -> None:
    # Given a PDF workflow that waits for its document, and three photos added meanwhile
    created = api.create_upload("PDF", file_name="22 Wattle Rd.pdf")
    workflow_id = created["workflowId"]
    sent = {
        "Laundry skirting before removal": (make_jpeg(colour=(200, 30, 30)), "Laundry"),
        "Laundry vinyl lifted": (make_jpeg(size=(1200, 1600), colour=(30, 200, 30)), "laundry"),
        "Kitchen floor cupping": (make_png(), "Kitchen"),
    }
    received = {}
    for caption, (data, room) in sent.items():
        png = data.startswith(b"\x89PNG")
        received[caption] = add_photo(
            api,
            http_pool,
            workflow_id,
            data,
            room=room,
            caption=caption,
            content_type="image/png" if png else "image/jpeg",
        )
        assert received[caption]["status"] == "RECEIVED", received[caption]

    # When the document lands and the workflow runs to its report
    document = documents.make_pdf([*WATER_PAGES, "Photo (Hallway): carpet edge lifted"])
    fields: dict[str, Any] = {**created["upload"]["fields"], "file": ("r.pdf", document, "application/pdf")}
    assert http_pool.request("POST", created["upload"]["url"], fields=fields).status == 204
    workflow = api.wait_for(workflow_id)
    assert workflow["status"] == "COMPLETED", workflow

    # Then the JSON report lists each photo with the hash of the bytes that were sent
    report = api.get(f"{API}/workflows/{workflow_id}/report").body["report"]
    hashes = {photo["caption"]: photo["sha256"] for photo in report["photos"]}
    assert hashes == {caption: hashlib.sha256(data).hexdigest() for caption, (data, _) in sent.items()}
    assert all(photo.get("gps") is None for photo in report["photos"])  # off unless the setting is on
    # ... QA found a photo for every affected room
    assert not [i for i in report["qa"]["issues"] if i["code"] == "AFFECTED_AREA_WITHOUT_PHOTO"]
    # ... and the photo the notes name that never arrived
    assert [(c["caption"], c["room"]) for c in report["photoCaptions"]] == [("carpet edge lifted", "Hallway")]
    # ... and the contractor's documentation checklist no longer asks for photos
    assert "No photos recorded." not in [gap["missing"] for gap in report["documentationGaps"]]

    # And the PDF embeds the three images, on the Photos pages, grouped by room with captions
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(_download(api, http_pool, workflow_id, "pdf")))
    assert sum(len(page.images) for page in pdf.pages) == 3
    text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    photos_text = text[text.index("Photos") :]
    assert photos_text.index("Laundry") < photos_text.index("Laundry skirting before removal")
    assert photos_text.index("Laundry vinyl lifted") < photos_text.index("Kitchen floor cupping")
    for caption in sent:
        assert hashes[caption][:12] in text.replace("\n", "")
    assert "Taken 2026-11-20 09:14 (EXIF)" in text

    # And the Word report has the three pictures inline, each with its caption and hash prefix
    import docx

    word = docx.Document(io.BytesIO(_download(api, http_pool, workflow_id, "docx")))
    assert len(word.inline_shapes) == 3
    paragraphs = "\n".join(p.text for p in word.paragraphs)
    for caption in sent:
        assert caption in paragraphs and hashes[caption][:12] in paragraphs
    assert "carpet edge lifted (Hallway)" in paragraphs

    # And Markdown lists them with their time and hash prefix
    markdown = _download(api, http_pool, workflow_id, "md").decode()
    assert "## Photos" in markdown and hashes["Kitchen floor cupping"][:12] in markdown


def test_qa_warns_about_rooms_and_demolition_without_photos_but_passes(api: Api) -> None:
    # Given notes with an affected room and a removal, and no photo at all
    text = (
        "Cause: burst supply line under the kitchen sink.\nKitchen 12x14 ft, vinyl floor wet.\n"
        "Kitchen drywall 32 WME.\nScope: Kitchen - remove drywall 2 ft flood cut 40 lf."
    )
    workflow = api.wait_for(api.create_text(text))

    # Then QA warned, once per room and per removal, and the workflow still completed
    assert workflow["status"] == "COMPLETED", workflow
    issues = api.get(f"{API}/workflows/{workflow['id']}/report").body["report"]["qa"]["issues"]
    photo_issues = {(i["code"], i["severity"]) for i in issues if "PHOTO" in i["code"]}
    assert photo_issues == {
        ("AFFECTED_AREA_WITHOUT_PHOTO", "warning"),
        ("DEMOLITION_WITHOUT_BEFORE_PHOTO", "warning"),
    }


def _unphotographed(report: dict[str, Any]) -> list[str]:
    """The rooms the report's QA list says no photo of was received."""
    return sorted(
        issue["message"].split(":")[0]
        for issue in report["qa"]["issues"]
        if issue["code"] == "AFFECTED_AREA_WITHOUT_PHOTO"
    )


def test_a_photo_that_arrives_after_the_report_is_in_every_format_asked_for_later(
    api: Api, http_pool: urllib3.PoolManager
) -> None:
    # Given a TEXT workflow that reported at once, and its PDF downloaded with no photo yet
    workflow_id = api.create_text("\n".join(WATER_PAGES), title="5 Ash St")
    assert api.wait_for(workflow_id)["status"] == "COMPLETED"
    from pypdf import PdfReader

    before = PdfReader(io.BytesIO(_download(api, http_pool, workflow_id, "pdf")))
    assert sum(len(page.images) for page in before.pages) == 0
    report = api.get(f"{API}/workflows/{workflow_id}/report").body["report"]
    assert report["photos"] == []
    assert "No photos recorded." in [gap["missing"] for gap in report["documentationGaps"]]
    assert _unphotographed(report) == ["Kitchen", "Laundry"]
    # When a photo arrives afterwards
    data = make_jpeg(colour=(90, 90, 200))
    photo = add_photo(
        api, http_pool, workflow_id, data, room="Laundry", caption="Laundry floor after extraction"
    )
    assert photo["status"] == "RECEIVED", photo
    # Then the PDF asked for now embeds it, with its hash prefix
    after = PdfReader(io.BytesIO(_download(api, http_pool, workflow_id, "pdf")))
    assert sum(len(page.images) for page in after.pages) == 1
    text = "".join(page.extract_text() or "" for page in after.pages).replace("\n", "")
    assert hashlib.sha256(data).hexdigest()[:12] in text
    # ... and the JSON lists it, its checklist no longer asking for photos, as Markdown does
    report = api.get(f"{API}/workflows/{workflow_id}/report").body["report"]
    assert [p["sha256"] for p in report["photos"]] == [hashlib.sha256(data).hexdigest()]
    assert "No photos recorded." not in [gap["missing"] for gap in report["documentationGaps"]]
    # ... and QA's photo warning for the laundry is answered, the kitchen's still asked
    assert _unphotographed(report) == ["Kitchen"]
    markdown = _download(api, http_pool, workflow_id, "md").decode()
    assert "Laundry floor after extraction" in markdown
