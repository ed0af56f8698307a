"""Field files through the phases (#20): a Word form's header and checkboxes reach the findings, a
damaged page reaches the QA the report shows, lone surrogates cannot fail a workflow, and garbage
text is refused before any analysis."""

from __future__ import annotations

import json

import pytest

from chalicelib.analysis import QaResult
from chalicelib.core.documents import WorkFile, work_key
from chalicelib.core.errors import OcrPendingError
from chalicelib.core.models import InputMethod, Workflow, WorkflowStatus, utc_now
from chalicelib.phases import initiation, processing, qa
from chalicelib.phases.runner import ExecutionState
from chalicelib.report.blocks import Table
from chalicelib.report.review_sections import qa_section
from chalicelib.unicode_text import json_text, utf8
from tests import documents
from tests import field_documents as field
from tests.field_documents import para, run
from tests.memory_ports import MemoryPorts

USER, WORKFLOW_ID = "alice", "wf_" + "c" * 32
STATE = ExecutionState(workflow_id=WORKFLOW_ID, user_id=USER, attempt=1)


def workflow_with(ports: MemoryPorts, method: InputMethod, data: bytes | str) -> Workflow:
    now = utc_now()
    if isinstance(data, bytes):
        key, input_data = (
            f"uploads/{USER}/{WORKFLOW_ID}/report",
            {"uploadKey": f"uploads/{USER}/{WORKFLOW_ID}/report"},
        )
        ports.blobs.put_bytes(key, data, "application/octet-stream")
    else:
        key, input_data = (
            f"inputs/{USER}/{WORKFLOW_ID}/input.txt",
            {"textKey": f"inputs/{USER}/{WORKFLOW_ID}/input.txt"},
        )
        ports.blobs.put_text(key, data)
    workflow = Workflow(
        id=WORKFLOW_ID,
        user_id=USER,
        title="Field file",
        input_method=method,
        input_data=input_data,
        status=WorkflowStatus.IN_PROGRESS,
        created_at=now,
        updated_at=now,
    )
    ports.workflows.create(workflow)
    return workflow


def findings_of(ports: MemoryPorts) -> dict[str, object]:
    document = ports.blobs.get_json(work_key(USER, WORKFLOW_ID, WorkFile.FINDINGS))
    assert isinstance(document, dict)
    return document


def test_word_form_header_and_checked_box_reach_the_findings() -> None:
    # Given a Word form: the claim number only in the header, the loss type a checked box beside
    # an unchecked one, the affected room only in a text box
    body = (
        para(
            run("Loss type: "),
            field.checkbox_control(True),
            run(" Water "),
            field.checkbox_control(False),
            run(" Fire"),
        )
        + para(run("Cause: the dishwasher supply line burst."))
        + para(run("Site sketch"), field.text_box("Kitchen 12 x 14 ft, vinyl floor wet."))
    )
    data = field.make_word_package(body, header=para(run("Claim number: CLM-4410")))
    ports = MemoryPorts()
    workflow = workflow_with(ports, InputMethod.WORD, data)
    # When INITIATION and PROCESSING run
    initiation.prepare_input(ports, workflow, STATE)
    processing.analyse(ports, workflow, STATE)
    # Then the findings hold the header's claim number, water (not fire), and the text box's room
    findings = findings_of(ports)
    job = findings["job"]
    assert isinstance(job, dict)
    assert job["claimNumber"]["value"] == "CLM-4410"
    assert findings["damageType"] == "water"
    rooms = [area["room"] for area in findings["affectedAreas"]]  # type: ignore[attr-defined]
    assert any("Kitchen" in room for room in rooms), rooms


def test_a_damaged_page_reaches_the_findings_notes_and_a_qa_warning() -> None:
    # Given a 3-page PDF whose second page cannot be read
    pages = ["Cause: burst supply line.\nKitchen 12 x 14 ft, vinyl floor wet.", "Hallway", "Drywall 32% MC."]
    ports = MemoryPorts()
    workflow = workflow_with(ports, InputMethod.PDF, field.pdf_with_damaged_page(pages, 2))
    # When INITIATION, PROCESSING and QA run
    with documents.quiet_pypdf():
        initiation.prepare_input(ports, workflow, STATE)
    processing.analyse(ports, workflow, STATE)
    qa.review(ports, workflow, STATE)
    # Then the findings' notes say page 2 was left out, and QA (which the report shows) warns of it
    notes = findings_of(ports)["notes"]
    assert isinstance(notes, list)
    assert any("Page 2 of the PDF could not be read" in note for note in notes)
    result = ports.blobs.get_json(work_key(USER, WORKFLOW_ID, WorkFile.QA))
    warnings = [issue for issue in result["issues"] if issue["code"] == "SOURCE_INCOMPLETE"]
    assert [issue["severity"] for issue in warnings] == ["warning"]
    assert "Page 2" in warnings[0]["message"]
    # ... and the report's QA section prints it
    section = qa_section(QaResult.model_validate(result))
    rows = [row for block in section.blocks if isinstance(block, Table) for row in block.rows]
    assert any("SOURCE_INCOMPLETE" in row and "Page 2" in " ".join(row) for row in rows)


@pytest.mark.parametrize("method", [InputMethod.PDF, InputMethod.TEXT])
def test_lone_surrogates_cannot_fail_a_workflow(method: InputMethod) -> None:
    # Given a PDF whose font map yields lone surrogates, and TEXT that a JSON "\ud800" escape
    # decoded into one
    text = "Cause: burst supply line.\nKitchen 12 x 14 ft \ud800 vinyl floor wet \udc00."
    data = field.pdf_with_surrogates("Claim ABC-123 water in Kitchen") if method is InputMethod.PDF else text
    ports = MemoryPorts()
    workflow = workflow_with(ports, method, data)
    # When INITIATION and PROCESSING run / Then they store the text and findings without error,
    # the lone surrogates replaced
    initiation.prepare_input(ports, workflow, STATE)
    processing.analyse(ports, workflow, STATE)
    stored = ports.blobs.get_text(work_key(USER, WORKFLOW_ID, WorkFile.TEXT))
    assert "\ufffd" in stored
    assert stored.encode("utf-8")


def test_stores_encode_lone_surrogates_however_they_arrive() -> None:
    # Given text and a JSON document holding lone surrogates (and a real pair)
    text = "a\ud800b\U0001f600c\udc00"
    # When they are encoded as the blob stores do / Then nothing raises, pairs survive, lone
    # surrogates become U+FFFD, and a document without any is written exactly as json.dumps does
    assert utf8(text).decode("utf-8") == "a\ufffdb\U0001f600c\ufffd"
    assert json.loads(json_text({"t": text})) == {"t": "a\ufffdb\U0001f600c\ufffd"}
    assert json_text({"t": "caf\u00e9 \U0001f600"}, indent=2) == json.dumps(
        {"t": "caf\u00e9 \U0001f600"}, indent=2
    )


def test_garbage_text_goes_to_ocr_never_to_the_analysis() -> None:
    # Given a PDF whose text layer is glyph names
    ports = MemoryPorts()
    workflow = workflow_with(ports, InputMethod.PDF, documents.make_pdf([field.GLYPH_NAMES_PAGE]))
    # When INITIATION runs / Then its page is sent to OCR (the state machine waits for the job)
    # and no text is stored for the analysis (tests/unit/test_ocr_pipeline.py: with OCR off, the
    # input is refused as PDF_TEXT_UNREADABLE)
    with pytest.raises(OcrPendingError):
        initiation.prepare_input(ports, workflow, STATE)
    assert ports.ocr.started == [(f"uploads/{USER}/{WORKFLOW_ID}/report", None, (1,))]
    assert work_key(USER, WORKFLOW_ID, WorkFile.TEXT) not in ports.blobs.documents
