"""Report downloads on the local stack: OUTPUT renders JSON, Markdown and CSV; PDF and Word are
rendered by the first download and kept in S3, so later downloads (and racing first ones) get
one stored file."""

from __future__ import annotations

import io
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

from pypdf import PdfReader

from tests.conftest import Api

BASE = "/api/orchestrator/workflows"
NOTES = """Claim: CLM-88120
Cause: burst flexi hose under the laundry tub, clean water, found within 2 hours.
Laundry 3.0 x 2.5 m: vinyl floor wet over 5 m2, plasterboard wicking to 100 mm.
Readings: laundry plasterboard 30% (dry standard 11% in the hallway), goal 15%.
Equipment: 2 air movers placed 04/11.
"""


def _fetch(url: str) -> tuple[bytes, str]:
    """The file at a presigned link, and its ETag."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read(), str(response.headers.get("ETag"))


def _object_key(reply: dict[str, Any]) -> str:
    return urlsplit(reply["url"]).path


def test_pdf_and_word_wait_for_the_first_download_and_are_then_reused(api: Api) -> None:
    # Given a completed workflow
    workflow_id = api.create_text(NOTES)
    workflow = api.wait_for(workflow_id)
    assert workflow["status"] == "COMPLETED", workflow
    # Then OUTPUT rendered the cheap formats and says which wait for a request
    output = workflow["outputData"]
    assert output["reports"] == {f: f"report?format={f}" for f in ("csv", "json", "md")}  # no storage key
    assert sorted(output["onRequest"]) == ["docx", "pdf"]

    # When a stranger asks for the PDF first: 404, as for a missing workflow
    assert api.as_user("mallory").get(f"{BASE}/{workflow_id}/report?format=pdf").status == 404

    # When the owner asks for the PDF twice
    first = api.get(f"{BASE}/{workflow_id}/report?format=pdf")
    assert first.status == 200, first.body
    data, etag = _fetch(first.body["url"])
    second = api.get(f"{BASE}/{workflow_id}/report?format=pdf")
    # Then both answers point at one stored object, unchanged by the second request
    assert _object_key(second.body) == _object_key(first.body)
    assert _fetch(second.body["url"]) == (data, etag)
    assert first.body["contentType"] == "application/pdf" and first.body["draft"] is False
    assert "Laundry" in "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_racing_first_downloads_get_one_whole_file(api: Api) -> None:
    # Given a completed workflow whose Word report nobody asked for yet
    workflow_id = api.create_text(NOTES)
    assert api.wait_for(workflow_id)["status"] == "COMPLETED"

    # When four first requests race
    def ask(_: int) -> dict[str, Any]:
        reply = api.get(f"{BASE}/{workflow_id}/report?format=docx")
        assert reply.status == 200, reply.body
        return dict(reply.body)

    with ThreadPoolExecutor(max_workers=4) as pool:
        replies = list(pool.map(ask, range(4)))
    # Then they all name one object, and it is a whole Word file
    assert len({_object_key(reply) for reply in replies}) == 1
    data, _ = _fetch(replies[0]["url"])
    import docx

    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Laundry" in "\n".join([p.text for p in document.paragraphs] + cells)
