"""How OCR is wired: the state machine's wait-and-poll loop, the one role allowed Textract, the
poll interval in every execution's input, photos sniffed as images, the price of a page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from chalicelib.analysis.citations import with_pages
from chalicelib.analysis.findings import SourceSpan, TextFact
from chalicelib.aws.engine import StepFunctionsEngine
from chalicelib.core.ocr_pricing import cost_usd
from chalicelib.extract.sniff import Container, sniff
from chalicelib.report.wording import where
from deploy import policies
from tests import scans

ASL = json.loads((Path(__file__).parents[2] / "stepfunctions" / "workflow.asl.json").read_text())


def test_a_pending_ocr_job_waits_in_a_wait_state_then_polls_through_initiation() -> None:
    states = ASL["States"]
    catch = {tuple(c["ErrorEquals"]): c for c in states["Initiation"]["Catch"]}
    pending = catch[("OcrPendingError",)]
    # The input goes on unchanged (ids and the poll interval), to a Wait, and back to Initiation
    assert (pending["ResultPath"], pending["Next"]) == (None, "AwaitOcr")
    assert states["AwaitOcr"] == {**states["AwaitOcr"], "Type": "Wait", "SecondsPath": "$.ocrPollSeconds"}
    assert states["AwaitOcr"]["Next"] == "Initiation"
    # ... caught before States.ALL, which would record a failure
    names = [c["ErrorEquals"] for c in states["Initiation"]["Catch"]]
    assert names.index(["OcrPendingError"]) < names.index(["States.ALL"])


def _allowed(function: str) -> set[str]:
    actions: set[str] = set()
    for statement in policies.statements(policies.ACCESS[function]):
        if statement.get("Effect") == "Allow":
            found = statement["Action"]
            actions |= {found} if isinstance(found, str) else set(found)
    return actions


def test_only_initiation_may_call_textract_and_only_text_detection() -> None:
    textract = {name: {a for a in _allowed(name) if a.startswith("textract:")} for name in policies.ACCESS}
    assert textract.pop("PhaseInitiation") == {
        "textract:StartDocumentTextDetection",
        "textract:GetDocumentTextDetection",
        "textract:DetectDocumentText",
    }
    assert all(not actions for actions in textract.values())


class _Sfn:
    def __init__(self) -> None:
        self.inputs: list[dict[str, Any]] = []

    def start_execution(self, **kwargs: Any) -> dict[str, Any]:
        self.inputs.append(json.loads(kwargs["input"]))
        return {"executionArn": "arn"}


def test_every_execution_carries_the_ocr_poll_interval() -> None:
    sfn = _Sfn()
    engine = StepFunctionsEngine(sfn, "arn:sm", settings_input={"ocrPollSeconds": 5})  # type: ignore[arg-type]
    engine.start("wf_1", "alice", resume_from="QA", extra={"reviewTimeoutSeconds": 9})
    assert sfn.inputs == [
        {"ocrPollSeconds": 5, "reviewTimeoutSeconds": 9, "workflowId": "wf_1", "userId": "alice",
         "attempt": 1, "resumeFrom": "QA"}
    ]  # fmt: skip


def test_photos_sniff_as_images_ocr_reads() -> None:
    assert sniff(scans.photo_jpeg(["Kitchen"])) == sniff(b"\xff\xd8\xff\xe0")
    assert sniff(b"\xff\xd8\xff\xe0").container is Container.IMAGE
    assert sniff(b"\x89PNG\r\n\x1a\n....").container is Container.IMAGE
    assert sniff(b"\x00\x00\x00\x18ftypheic\x00\x00").container is Container.IMAGE
    assert sniff(b"GIF89a....").container is Container.UNKNOWN  # not one OCR is given


def test_textract_pages_are_priced_per_page_and_the_local_engine_is_free() -> None:
    assert cost_usd("textract", 1000) == 1.5
    assert cost_usd("tesseract", 1000) == 0.0


def test_a_citation_of_an_ocr_line_says_how_sure_ocr_was() -> None:
    # Given facts cited on line 1 (the file's own text) and line 2 (read by OCR at 71.6%)
    ocr_fact = TextFact(value="38", source=SourceSpan(line=2, text="Laundry 38 WME"))
    text_fact = TextFact(value="ABC-1", source=SourceSpan(line=1, text="Claim ABC-1"))
    # When the page map is applied / Then only the OCR line carries a confidence, and says it
    span = with_pages(ocr_fact, [1, 2], [None, 71.6]).source
    assert (span.page, span.ocr_confidence) == (2, 71.6)
    assert where(span) == "p. 2, line 2, OCR 72%"
    assert where(with_pages(text_fact, [1, 2], [None, 71.6]).source) == "p. 1, line 1"
