"""OCR through the phases with the port in memory (#20 item 1): a scan starts a job and INITIATION
raises `OcrPendingError` until the job is done (the state machine's Wait + poll), then the OCR
lines join the text with their page and confidence; a low-confidence page reaches QA as a warning;
a photo (IMAGE) is read at once; a job that never ends, or finds nothing, fails with a code."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from chalicelib.core.documents import WorkFile, work_key
from chalicelib.core.errors import InputRejectedError, OcrPendingError
from chalicelib.core.models import InputMethod
from chalicelib.core.ports import NotFound
from chalicelib.phases import initiation, processing, qa
from chalicelib.wiring import reset
from tests import documents, scans
from tests import field_documents as field
from tests.memory_ports import MemoryOcr, MemoryPorts
from tests.unit.test_field_files_pipeline import STATE, USER, WORKFLOW_ID, findings_of, workflow_with

SHEET = [
    ("Claim no: SGI-7734219", 91.0),
    ("Cat 2 - washing machine discharge (grey water).", 93.5),
    ("Laundry 2.4 x 1.9 m, tiled floor. Plasterboard wet to 300mm.", 88.0),
    ("- Laundry plasterboard behind tub 38 WME", 90.2),
]
SMUDGED = [("Owner to confirm access for the", 52.0), ("second visit on Friday", 61.0)]


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Settings from the environment for one test, forgotten after it."""
    yield monkeypatch
    monkeypatch.undo()
    reset()


def _job_record(ports: MemoryPorts) -> dict[str, object]:
    record = ports.blobs.get_json(work_key(USER, WORKFLOW_ID, WorkFile.OCR))
    assert isinstance(record, dict)
    return record


def test_a_scanned_pdf_waits_for_its_job_then_cites_page_line_and_confidence() -> None:
    # Given a two-page scan with no text layer, and an engine still busy at the first poll
    ports = MemoryPorts()
    ports.ocr = MemoryOcr({1: SHEET, 2: SMUDGED}, pending_polls=1)
    workflow = workflow_with(ports, InputMethod.PDF, documents.make_image_only_pdf(2))
    # When INITIATION runs: the job starts and the state machine is told to wait
    with pytest.raises(OcrPendingError):
        initiation.prepare_input(ports, workflow, STATE)
    assert ports.ocr.started == [(f"uploads/{USER}/{WORKFLOW_ID}/report", None, (1, 2))]
    assert _job_record(ports)["pages"] == [1, 2]
    with pytest.raises(NotFound):
        ports.blobs.get_text(work_key(USER, WORKFLOW_ID, WorkFile.TEXT))
    # ... the first poll finds it running (wait again), the second finds it done
    with pytest.raises(OcrPendingError):
        initiation.prepare_input(ports, workflow, STATE)
    result = initiation.prepare_input(ports, workflow, STATE)
    assert len(ports.ocr.started) == 1  # polled, never started twice
    assert result.outcome["ocr"]["pagesRead"] == 2
    assert result.outcome["ocr"]["lowestConfidence"] == 56.5
    # Then the text holds the OCR lines, each mapped to its page with its confidence
    pages = ports.blobs.get_json(work_key(USER, WORKFLOW_ID, WorkFile.PAGES))
    assert pages["linePages"] == [1, 1, 1, 1, 2, 2]
    assert pages["lineConfidences"] == [91.0, 93.5, 88.0, 90.2, 52.0, 61.0]
    # When PROCESSING and QA run
    processing.analyse(ports, workflow, STATE)
    qa.review(ports, workflow, STATE)
    # Then the claim number cites page 1, line 1 with OCR's confidence
    claim = findings_of(ports)["job"]["claimNumber"]  # type: ignore[index]
    assert claim["value"] == "SGI-7734219"
    source = claim["source"]
    assert (source["page"], source["line"], source["ocrConfidence"]) == (1, 1, 91.0)
    reading = findings_of(ports)["moistureReadings"][0]  # type: ignore[index]
    cited = (reading["value"], reading["source"]["page"], reading["source"]["ocrConfidence"])
    assert cited == (38.0, 1, 90.2)
    # ... and QA warns of page 2 (under 80%), not of page 1
    issues = ports.blobs.get_json(work_key(USER, WORKFLOW_ID, WorkFile.QA))["issues"]
    low = [issue for issue in issues if issue["code"] == "OCR_LOW_CONFIDENCE"]
    assert [issue["severity"] for issue in low] == ["warning"]
    assert low[0]["message"].startswith("Page 2 was read from its image (OCR) with 56% confidence")


def test_only_the_pages_without_usable_text_go_to_ocr() -> None:
    # Given a PDF whose page 1 has text and page 2 only glyph names
    ports = MemoryPorts()
    ports.ocr = MemoryOcr({2: [("Hallway carpet 45 WME", 95.0)]})
    pdf = documents.make_pdf(["Claim no: ABC-123\nLaundry vinyl floor wet.", field.GLYPH_NAMES_PAGE])
    workflow = workflow_with(ports, InputMethod.PDF, pdf)
    # When INITIATION starts the job and polls it
    with pytest.raises(OcrPendingError):
        initiation.prepare_input(ports, workflow, STATE)
    initiation.prepare_input(ports, workflow, STATE)
    # Then only page 2 was read by OCR; page 1 kept its own text (no confidence)
    assert ports.ocr.started[0][2] == (2,)
    text = ports.blobs.get_text(work_key(USER, WORKFLOW_ID, WorkFile.TEXT))
    assert text.splitlines() == ["Claim no: ABC-123", "Laundry vinyl floor wet.", "Hallway carpet 45 WME"]
    pages = ports.blobs.get_json(work_key(USER, WORKFLOW_ID, WorkFile.PAGES))
    assert pages["lineConfidences"] == [None, None, 95.0]
    # ... and the "page 2 could not be read" warning is gone, since OCR read it
    assert pages["warnings"] == []


def test_a_photographed_form_is_read_at_once() -> None:
    # Given an IMAGE workflow: a JPEG photo of the sheet
    ports = MemoryPorts()
    ports.ocr = MemoryOcr({1: SHEET})
    workflow = workflow_with(ports, InputMethod.IMAGE, scans.photo_jpeg(scans.INSPECTION_SHEET))
    # When INITIATION runs / Then no job, no wait: the image is read and its lines are page 1
    result = initiation.prepare_input(ports, workflow, STATE)
    assert ports.ocr.started == [] and len(ports.ocr.images) == 1
    assert ports.ocr.images[0][:3] == b"\xff\xd8\xff"  # re-encoded upright as JPEG
    assert result.outcome["pages"] == 1
    pages = ports.blobs.get_json(work_key(USER, WORKFLOW_ID, WorkFile.PAGES))
    assert pages["linePages"] == [1, 1, 1, 1]
    assert pages["ocrWarnings"] == []


def test_a_heic_photo_reaches_the_engine_as_jpeg() -> None:
    # Given an iPhone's HEIC photo (Textract reads no HEIC: the engines always get JPEG)
    import io

    import pillow_heif
    from PIL import Image

    pillow_heif.register_heif_opener()
    heic = io.BytesIO()
    scans.render_page(scans.INSPECTION_SHEET).convert("RGB").save(heic, format="HEIF")
    assert heic.getvalue()[4:12] == b"ftypheic"
    ports = MemoryPorts()
    ports.ocr = MemoryOcr({1: SHEET})
    workflow = workflow_with(ports, InputMethod.IMAGE, heic.getvalue())
    # When INITIATION runs / Then the engine was given a JPEG of the same page
    initiation.prepare_input(ports, workflow, STATE)
    (image,) = ports.ocr.images
    assert Image.open(io.BytesIO(image)).format == "JPEG"
    assert Image.open(io.BytesIO(image)).size == scans.A4_PX


def test_an_image_workflow_refuses_what_is_not_a_photo() -> None:
    ports = MemoryPorts()
    workflow = workflow_with(ports, InputMethod.IMAGE, documents.make_pdf(["Kitchen wet"]))
    with pytest.raises(InputRejectedError) as caught:
        initiation.prepare_input(ports, workflow, STATE)
    assert caught.value.code == "UNSUPPORTED_FILE_TYPE"
    assert "a PDF" in caught.value.message


def test_a_job_that_never_ends_fails_the_workflow_with_its_code(env: pytest.MonkeyPatch) -> None:
    # Given a job started longer ago than OCR_MAX_WAIT_SECONDS, still running
    env.setenv("OCR_MAX_WAIT_SECONDS", "60")
    reset()
    ports = MemoryPorts()
    ports.ocr = MemoryOcr({1: SHEET}, pending_polls=10)
    workflow = workflow_with(ports, InputMethod.PDF, documents.make_image_only_pdf(1))
    with pytest.raises(OcrPendingError):
        initiation.prepare_input(ports, workflow, STATE)
    key = work_key(USER, WORKFLOW_ID, WorkFile.OCR)
    ports.blobs.put_json(key, {**_job_record(ports), "startedAt": 0})
    # When the state machine polls it / Then the input is refused with its own code
    with pytest.raises(InputRejectedError) as caught:
        initiation.prepare_input(ports, workflow, STATE)
    assert caught.value.code == "OCR_TIMED_OUT"


def test_a_scan_ocr_finds_no_words_on_is_refused_as_before() -> None:
    # Given a scan of nothing readable (the engine finds no line)
    ports = MemoryPorts()
    workflow = workflow_with(ports, InputMethod.PDF, documents.make_image_only_pdf(2))
    with pytest.raises(OcrPendingError):
        initiation.prepare_input(ports, workflow, STATE)
    # When the job is done / Then the refusal is extraction's own, saying OCR found nothing
    with pytest.raises(InputRejectedError) as caught:
        initiation.prepare_input(ports, workflow, STATE)
    assert caught.value.code == "PDF_NO_TEXT"
    assert "even by text recognition (OCR)" in caught.value.message


def test_with_ocr_off_a_scan_is_refused_before_any_analysis(env: pytest.MonkeyPatch) -> None:
    env.setenv("OCR_ENGINE", "off")
    reset()
    ports = MemoryPorts()
    workflow = workflow_with(ports, InputMethod.PDF, documents.make_pdf([field.GLYPH_NAMES_PAGE]))
    with pytest.raises(InputRejectedError) as caught:
        initiation.prepare_input(ports, workflow, STATE)
    assert caught.value.code == "PDF_TEXT_UNREADABLE"
    assert ports.ocr.started == []
