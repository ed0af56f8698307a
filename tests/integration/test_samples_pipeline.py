"""Every sample inspection through the whole local pipeline: its key findings, its QA verdict,
and its report in all four formats."""

from __future__ import annotations

import io
import json
import urllib.request

import pytest

from tests.conftest import Api
from tests.unit.test_samples import NAMES, QA_EXPECTED, SAMPLES, mismatches


def _download(api: Api, workflow_id: str, report_format: str) -> bytes:
    reply = api.get(f"/api/orchestrator/workflows/{workflow_id}/report?format={report_format}")
    assert reply.status == 200, reply.body
    with urllib.request.urlopen(reply.body["url"], timeout=10) as response:
        data: bytes = response.read()
    return data


@pytest.mark.parametrize("name", NAMES)
def test_a_sample_goes_through_the_pipeline(api: Api, name: str) -> None:
    # Given a sample's notes submitted as a TEXT workflow
    notes = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    passes, seeded = QA_EXPECTED[name]

    # When the state machine has run it
    workflow = api.wait_for(api.create_text(notes, title=name), timeout=120)

    if not passes:
        # Then QA sent it to a person with a DRAFT report that names every seeded defect first
        assert workflow["status"] == "NEEDS_REVIEW", workflow
        report = api.get(f"/api/orchestrator/workflows/{workflow['id']}/report?format=json").body["report"]
        assert report["draft"] is True
        assert seeded <= {issue["code"] for issue in report["qa"]["issues"]}
        return

    # Then it completed and its key findings are the expected ones
    assert workflow["status"] == "COMPLETED", workflow
    report = api.get(f"/api/orchestrator/workflows/{workflow['id']}/report?format=json").body["report"]
    assert mismatches(expected, report["findings"]) == []
    assert report["qa"]["passed"] is True
    # ... and the report exists in every format
    assert _download(api, workflow["id"], "pdf").startswith(b"%PDF")
    markdown = _download(api, workflow["id"], "md").decode()
    assert "## Sources" in markdown
    import docx

    document = docx.Document(io.BytesIO(_download(api, workflow["id"], "docx")))
    assert len(document.tables) >= 2
