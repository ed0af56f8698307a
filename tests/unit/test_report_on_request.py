"""PDF and Word rendered when first downloaded, then kept; the cheap formats by OUTPUT; every
format, hashed, at sign-off. Through the in-memory ports (tests/memory_ports.py), with the
renderers counted by a spy in `files.RENDERERS`."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from io import BytesIO

import pytest
from pypdf import PdfReader

from chalicelib.analysis import analyze_text, check_findings
from chalicelib.core import signoff, workflows
from chalicelib.core.documents import WorkFile, report_key, work_key
from chalicelib.core.errors import WorkflowNotFoundError
from chalicelib.core.models import (
    InputMethod,
    SignRequest,
    Workflow,
    WorkflowStatus,
    new_workflow_id,
    utc_now,
)
from chalicelib.report import files
from chalicelib.report.render import Report
from tests.memory_ports import MemoryPorts, certify, load

NOTES = "Kitchen: dishwasher leak, laminate wet over 6 m2. Readings 28% at the dishwasher."

Spy = Counter[str]


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> Spy:
    """How many times each format was rendered."""
    counted: Spy = Counter()
    for extension, render in list(files.RENDERERS.items()):

        def spy(
            report: Report, render: Callable[[Report], str | bytes] = render, name: str = extension
        ) -> str | bytes:
            counted[name] += 1
            return render(report)

        monkeypatch.setitem(files.RENDERERS, extension, spy)
    return counted


def _analysed(ports: MemoryPorts, *, status: WorkflowStatus = WorkflowStatus.IN_PROGRESS) -> Workflow:
    """A workflow whose findings and QA are stored, as PROCESSING and QA leave them."""
    now = utc_now()
    workflow = Workflow(
        id=new_workflow_id(),
        user_id="alice",
        title="Kitchen leak",
        input_method=InputMethod.TEXT,
        status=status,
        created_at=now - timedelta(minutes=1),
        updated_at=now,
    )
    findings = analyze_text(NOTES)
    ports.blobs.put_json(work_key("alice", workflow.id, WorkFile.FINDINGS), findings.model_dump(mode="json"))
    ports.blobs.put_json(
        work_key("alice", workflow.id, WorkFile.QA), check_findings(findings).model_dump(mode="json")
    )
    ports.workflows.create(workflow)
    return workflow


def _completed_by_output(ports: MemoryPorts, workflow: Workflow) -> Workflow:
    rendered = files.render_report_files(ports, workflow)

    def to_completed(record: Workflow) -> None:
        record.status = WorkflowStatus.COMPLETED
        record.completed_at = utc_now()
        record.output_data = {"reports": rendered.keys, "onRequest": list(rendered.on_request)}

    return ports.workflows.update(workflow.id, to_completed)


def _served_key(reply: dict[str, object]) -> str:
    return str(reply["url"]).removeprefix("memory://").split("?")[0]


def test_output_renders_only_the_cheap_formats_and_says_which_wait(renders: Spy) -> None:
    # Given an analysed workflow
    ports = MemoryPorts()
    workflow = _analysed(ports)
    # When OUTPUT renders its report
    rendered = files.render_report_files(ports, workflow)
    # Then JSON, Markdown and CSV are rendered and stored, PDF and Word are not
    assert sorted(rendered.keys) == ["csv", "json", "md"]
    assert renders == Counter({"json": 1, "md": 1, "csv": 1})
    assert sorted(rendered.on_request) == ["docx", "pdf"]
    stored = set(ports.blobs.documents)
    assert not {k for k in stored if k.endswith((".pdf", ".docx"))}


@pytest.mark.parametrize("extension", ["pdf", "docx"])
def test_the_first_download_renders_and_later_ones_reuse_the_file(renders: Spy, extension: str) -> None:
    # Given a completed workflow whose OUTPUT rendered the cheap formats
    ports = MemoryPorts()
    workflow = _completed_by_output(ports, _analysed(ports))
    renders.clear()
    # When its owner asks for the file twice
    first = workflows.get_report(ports, load(ports, "alice", workflow.id), extension)
    key = _served_key(first)
    data = ports.blobs.get_bytes(key)
    second = workflows.get_report(ports, load(ports, "alice", workflow.id), extension)
    # Then it was rendered once, stored, and the second answer is the same file, unchanged
    assert renders == Counter({extension: 1})
    assert _served_key(second) == key and ports.blobs.get_bytes(key) == data
    assert data.startswith(b"%PDF" if extension == "pdf" else b"PK")
    # And the answer keeps its shape: a short-lived link, not the bytes
    assert set(first) == {"format", "contentType", "url", "expiresIn", "draft"} and first["draft"] is False


def test_a_stranger_gets_404_and_nothing_is_rendered(renders: Spy) -> None:
    ports = MemoryPorts()
    workflow = _completed_by_output(ports, _analysed(ports))
    renders.clear()
    with pytest.raises(WorkflowNotFoundError):
        workflows.get_report(ports, load(ports, "mallory", workflow.id), "pdf")
    assert renders == Counter()
    assert not [k for k in ports.blobs.documents if k.endswith(".pdf")]


def test_the_file_rendered_on_request_has_the_reports_time_and_content() -> None:
    # Given a completed workflow, its report generated by OUTPUT
    ports = MemoryPorts()
    workflow = _completed_by_output(ports, _analysed(ports))
    generated = workflows.get_report(ports, load(ports, "alice", workflow.id), "json")["report"][
        "generatedAt"
    ]
    # When the PDF is downloaded later
    pdf = ports.blobs.get_bytes(
        _served_key(workflows.get_report(ports, load(ports, "alice", workflow.id), "pdf"))
    )
    # Then it is dated with OUTPUT's time, not the request's, and shows the findings
    reader = PdfReader(BytesIO(pdf))
    assert reader.metadata is not None and reader.metadata.creation_date is not None
    assert reader.metadata.creation_date == datetime.fromisoformat(generated).replace(microsecond=0)
    assert "dishwasher" in " ".join(page.extract_text() for page in reader.pages)


def test_a_changed_draft_is_rendered_again_and_never_served_stale(renders: Spy) -> None:
    # Given a DRAFT, downloaded once as PDF
    ports = MemoryPorts()
    workflow = _analysed(ports, status=WorkflowStatus.NEEDS_REVIEW)
    files.render_report_files(ports, workflow, draft=True)
    workflow = ports.workflows.update(workflow.id, lambda r: setattr(r, "output_data", {"draft": True}))
    first = _served_key(workflows.get_report(ports, load(ports, "alice", workflow.id), "pdf"))
    # When the findings change and the draft is rendered again (as an edit in review does)
    findings = analyze_text(NOTES + "\nHallway: carpet wet over 4 m2.")
    ports.blobs.put_json(work_key("alice", workflow.id, WorkFile.FINDINGS), findings.model_dump(mode="json"))
    files.render_report_files(ports, workflow, draft=True)
    renders.clear()
    second = _served_key(workflows.get_report(ports, load(ports, "alice", workflow.id), "pdf"))
    # Then the next download is a new file, rendered from the new findings
    assert second != first and renders == Counter({"pdf": 1})
    assert "/draft/" in second


def test_a_workflow_rendered_before_this_change_serves_its_stored_file(renders: Spy) -> None:
    # Given a completed workflow whose OUTPUT stored every format (no source kept)
    ports = MemoryPorts()
    workflow = _completed_by_output(ports, _analysed(ports))
    ports.blobs.documents = {k: v for k, v in ports.blobs.documents.items() if not k.endswith("source.json")}
    renders.clear()
    # When its PDF is asked for
    reply = workflows.get_report(ports, load(ports, "alice", workflow.id), "pdf")
    # Then the old key is served and nothing is rendered
    assert _served_key(reply) == report_key("alice", workflow.id, "pdf")
    assert renders == Counter()


def test_sign_off_renders_every_format_and_records_the_served_files_hashes(renders: Spy) -> None:
    # Given a completed workflow whose PDF was downloaded before signing
    ports = MemoryPorts()
    workflow = _completed_by_output(ports, _analysed(ports))
    unsigned = _served_key(workflows.get_report(ports, load(ports, "alice", workflow.id), "pdf"))
    renders.clear()
    # When a person with a certification on file signs it
    certify(ports, "alice")
    request = SignRequest(
        name="Sam Lee", role="Technician", certification="IICRC WRT 1", statement="I inspected this job."
    )
    signed = signoff.sign(ports, workflow, "alice", request)
    # Then sign-off rendered every format once, and each download is the file whose hash it recorded
    assert renders == Counter({"json": 1, "md": 1, "csv": 1, "pdf": 1, "docx": 1})
    signature = signoff.current_signature(signed)
    assert signature is not None and sorted(signature.files) == ["csv", "docx", "json", "md", "pdf"]
    for extension in ("pdf", "docx", "md", "csv"):
        key = _served_key(workflows.get_report(ports, load(ports, "alice", workflow.id), extension))
        assert key == signature.files[extension].key != unsigned
        assert hashlib.sha256(ports.blobs.get_bytes(key)).hexdigest() == signature.files[extension].sha256
    assert renders["pdf"] == 1  # serving the signed files rendered nothing more
