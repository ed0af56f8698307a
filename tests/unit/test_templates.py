"""Report templates (#22 part 3) through the in-memory ports: the built-ins load and lay out a
water, a mould and a fire report; a custom template changes the report's sections and QA's
required fields; a template version a signed report used stays as it was."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from chalicelib.analysis import analyze_text, check_findings
from chalicelib.analysis.findings import DamageType
from chalicelib.analysis.qa_template import QaTemplate, RequiredField, missing
from chalicelib.core import revisions, signoff, templates, workflows
from chalicelib.core.documents import WorkFile, work_key
from chalicelib.core.errors import ConflictError, ForbiddenError, InvalidRequestError
from chalicelib.core.models import CreateWorkflowRequest, SignRequest, Workflow, WorkflowStatus
from chalicelib.core.template_models import ReportTemplate, TemplateBody
from chalicelib.core.tenancy import Membership, Role
from chalicelib.phases import initiation, output, processing, qa
from chalicelib.phases.review import review_point
from chalicelib.report import render_markdown, render_pdf
from chalicelib.report.render import Report
from tests.memory_ports import MemoryPorts, certify

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
USER = "alice"
NOTES = """Claim: CLM-7781
Insured: J. Citizen
Address: 14 Banksia St, Perth WA
Date of loss: 02/11/2026
Cause: burst supply line under the kitchen sink, clean water.
Kitchen 4 x 3.5 m, vinyl floor wet, skirting wet.
Readings 03/11/2026: kitchen skirting 28% WME, hallway skirting (unaffected) 10% WME dry standard.
Scope: remove skirting 7 lm.
"""


def _body(**changes: Any) -> TemplateBody:
    data: dict[str, Any] = {
        "name": "Panel A water",
        "lossTypes": ["water"],
        "sections": [
            {"kind": "qa", "title": "Desk review"},
            {"kind": "loss", "title": "What happened"},
            {"kind": "photos"},
            {"kind": "moisture-readings", "title": "Moisture map"},
            {
                "kind": "text",
                "title": "Terms of engagement",
                "text": "Payment within 30 days.\n\nNo lump sums.",
            },
        ],
        "requiredFields": [
            {
                "path": "parties.adjuster",
                "code": "ADJUSTER_MISSING",
                "severity": "error",
                "message": "Name the insurer's adjuster: panel A rejects reports without one.",
            }
        ],
        "branding": {"companyName": "Banksia Restorations", "primaryColour": "#0B5D3B"},
    }
    data.update(changes)
    return TemplateBody.model_validate(data)


def _headings(markdown: str) -> list[str]:
    return [line[3:] for line in markdown.splitlines() if line.startswith("## ")]


def _pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _report(findings_text: str, template: ReportTemplate | None) -> Report:
    findings = analyze_text(findings_text)
    report = Report(
        workflow_id="wf_" + "a" * 32,
        title="Template check",
        generated_at="2026-12-05T01:02:03Z",
        findings=findings,
        qa=check_findings(findings, template=template.qa() if template else None),
    )
    return report.with_template(template)


# --- the built-ins -------------------------------------------------------------------------------


def test_every_built_in_validates_and_names_fields_the_findings_have() -> None:
    # Given every built-in file (validated by the model, required-field paths against the findings)
    files = sorted((Path(templates.__file__).parent / "builtin_templates").glob("*.json"))
    loaded = [ReportTemplate.model_validate_json(path.read_text(encoding="utf-8")) for path in files]
    # Then each is named after its id and version, built in, and the three losses have one each
    assert [f"{t.id.removeprefix('builtin-')}.v{t.version}.json" for t in loaded] == [p.name for p in files]
    assert all(t.built_in for t in loaded)
    assert {DamageType.WATER, DamageType.MOULD, DamageType.FIRE_SMOKE} <= {
        k for t in loaded for k in t.loss_types
    }
    for loss, template_id in templates.INFERRED.items():
        pin = templates.inferred(loss)
        assert (
            pin is not None
            and pin.id == template_id
            and loss in templates.version(MemoryPorts(), pin.id, 1).loss_types
        )


@pytest.mark.parametrize(
    ("sample", "template_id"),
    [
        ("water_cat1_supply_line", "builtin-water-s500"),
        ("mould_bathroom_closet", "builtin-mould-s520"),
        ("fire_kitchen_smoke", "builtin-fire-s700"),
    ],
)
def test_the_built_ins_infer_from_the_loss_and_lay_out_their_report(sample: str, template_id: str) -> None:
    # Given a sample inspection of each kind of loss
    text = (SAMPLES / f"{sample}.txt").read_text(encoding="utf-8")
    pin = templates.inferred(analyze_text(text).damage_type)
    # Then its loss type infers its built-in
    assert pin is not None and pin.id == template_id
    template = templates.version(MemoryPorts(), pin.id, pin.version)
    # When the report is rendered with it
    report = _report(text, template)
    markdown = render_markdown(report)
    # Then the Markdown has the template's sections, in its order, under its titles (but the
    # documentation checklist, the contractor's, which only the reviewer's DRAFT prints)
    drawn_elsewhere = {"photos", "documentation-checklist"}
    planned = [s for s in template.sections if s.kind.value not in drawn_elsewhere]
    headings = _headings(markdown)
    assert len(headings) == len(planned)
    for heading, section in zip(headings, planned, strict=True):
        assert section.title is None or heading == section.title
    # And the PDF renders them too
    pdf_text = _pdf_text(render_pdf(report))
    for section in planned:
        if section.title:
            assert section.title in pdf_text


def test_the_water_built_in_lays_the_report_out_as_it_was_without_templates() -> None:
    text = (SAMPLES / "water_cat2_washing_machine.txt").read_text(encoding="utf-8")
    water = templates.version(MemoryPorts(), "builtin-water-s500", 1)
    assert render_markdown(_report(text, water)) == render_markdown(_report(text, None))
    findings = analyze_text(text)
    assert check_findings(findings, template=water.qa()) == check_findings(findings)


# --- a custom template ----------------------------------------------------------------------------


def test_a_custom_template_renames_reorders_and_omits_sections_in_markdown_and_pdf() -> None:
    # Given a custom template: QA first, the loss retitled, moisture, then the company's terms
    ports = MemoryPorts()
    template = templates.create_template(ports, USER, _body())
    # When the report is rendered with it
    report = _report(NOTES, template)
    markdown = render_markdown(report)
    # Then the Markdown follows it: its titles, its order, nothing it left out
    assert _headings(markdown) == ["Desk review", "What happened", "Moisture map", "Terms of engagement"]
    assert "Payment within 30 days." in markdown and "No lump sums." in markdown
    assert "## Summary" not in markdown and "## Sources" not in markdown
    # And so does the PDF, in the same order
    text = _pdf_text(render_pdf(report))
    positions = [
        text.find(title) for title in ("Desk review", "What happened", "Moisture map", "Terms of engagement")
    ]
    assert -1 not in positions and positions == sorted(positions)
    assert "Affected areas" not in text and "Sources" not in text


def test_a_template_needs_the_loss_qa_and_photos_and_names_real_fields() -> None:
    with pytest.raises(ValidationError, match="every report has these sections: photos, qa"):
        _body(sections=[{"kind": "loss"}])
    with pytest.raises(ValidationError, match="the findings have no field adjustor"):
        _body(
            requiredFields=[
                {"path": "parties.adjustor", "code": "ADJ_MISSING", "message": "Name the adjuster"}
            ]
        )
    with pytest.raises(ValidationError, match="cannot be turned off"):
        _body(qaRules={"off": ["AFFECTED_AREAS_MISSING"]})
    with pytest.raises(ValidationError, match="a text section needs a title"):
        _body(sections=[{"kind": "loss"}, {"kind": "qa"}, {"kind": "photos"}, {"kind": "text", "text": "x"}])


def test_a_required_field_missing_is_listed_with_the_templates_code_and_rules_follow_the_template() -> None:
    findings = analyze_text(NOTES)
    settings = QaTemplate(
        required_fields=[
            RequiredField(
                path="parties.adjuster",
                code="ADJUSTER_MISSING",
                message="Name the adjuster.",
                severity="error",
            ),
            RequiredField(
                path="moistureReadings.meter", code="METER_MISSING", message="Name the meter used."
            ),
        ],
        rules={"off": ["ATMOSPHERIC_READINGS_MISSING"], "severity": {"CAUSE_OF_LOSS_MISSING": "error"}},
    )
    result = check_findings(findings, template=settings)
    codes = {(issue.code, issue.field, issue.severity) for issue in result.issues}
    assert ("ADJUSTER_MISSING", "parties.adjuster", "error") in codes
    # A path through a list is asked of every entry
    assert list(missing(findings, "moistureReadings.meter")) == [
        f"moistureReadings[{i}].meter" for i in range(len(findings.moisture_readings))
    ]
    assert {c for c, _, _ in codes} >= {"METER_MISSING"} and result.passed is False
    assert "ATMOSPHERIC_READINGS_MISSING" not in {c for c, _, _ in codes}
    assert "ATMOSPHERIC_READINGS_MISSING" in {issue.code for issue in check_findings(findings).issues}


# --- through the phases ---------------------------------------------------------------------------


def _run(ports: MemoryPorts, workflow_id: str, *handlers: Any) -> dict[str, Any]:
    state: dict[str, Any] = {"workflowId": workflow_id, "userId": USER, "attempt": 1}
    for handle in handlers:
        state = handle(ports, state)
    return state


def _create(ports: MemoryPorts, template_id: str | None, text: str = NOTES) -> str:
    request = CreateWorkflowRequest.model_validate(
        {"inputMethod": "TEXT", "inputData": {"text": text}, "templateId": template_id}
    )
    return str(workflows.create_workflow(ports, USER, request)["workflowId"])


def _workflow(ports: MemoryPorts, workflow_id: str) -> Workflow:
    workflow = ports.workflows.get(workflow_id)
    assert workflow is not None
    return workflow


def test_a_custom_required_field_sends_the_workflow_to_review_not_to_failed() -> None:
    # Given a workflow created with a template that requires the adjuster, and notes without one
    ports = MemoryPorts()
    template = templates.create_template(ports, USER, _body())
    workflow_id = _create(ports, template.id)
    assert _workflow(ports, workflow_id).template.model_dump() == {  # type: ignore[union-attr]
        "id": template.id,
        "version": 1,
        "name": "Panel A water",
    }
    # When it runs to QA
    state = _run(ports, workflow_id, initiation.handle, processing.handle, qa.handle)
    # Then QA lists the template's code, and asks for a person rather than another analysis
    qa_document = ports.blobs.get_json(work_key(USER, workflow_id, WorkFile.QA))
    assert [i["message"] for i in qa_document["issues"] if i["code"] == "ADJUSTER_MISSING"] == [
        "Name the insurer's adjuster: panel A rejects reports without one."
    ]
    assert state["qaPassed"] is False and state["retry"] is False and state["reviewRequired"] is True
    # And the review point renders the DRAFT with the template's sections and waits for a person
    review_point(ports, {**state, "taskToken": "token-1"})
    workflow = _workflow(ports, workflow_id)
    assert workflow.status is WorkflowStatus.NEEDS_REVIEW
    draft = ports.blobs.get_text(f"reports/{USER}/{workflow_id}/draft/report.md")
    assert _headings(draft) == ["Desk review", "What happened", "Moisture map", "Terms of engagement"]
    # And the template's branding names the company, in place of the notes' (none here)
    assert "Banksia Restorations" in draft


def test_a_workflow_without_a_template_gets_its_loss_types_built_in_after_processing() -> None:
    ports = MemoryPorts()
    workflow_id = _create(ports, None)
    assert _workflow(ports, workflow_id).template is None
    _run(ports, workflow_id, initiation.handle, processing.handle)
    pin = _workflow(ports, workflow_id).template
    assert pin is not None and (pin.id, pin.version) == ("builtin-water-s500", 1)


def test_unknown_and_retired_templates_are_refused_at_creation() -> None:
    ports = MemoryPorts()
    for template_id in ("tpl_" + "0" * 32, "builtin-nothing", "../etc"):
        with pytest.raises(InvalidRequestError) as refused:
            _create(ports, template_id)
        assert refused.value.code == "UNKNOWN_TEMPLATE"
    template = templates.create_template(ports, USER, _body())
    templates.retire(ports, USER, template.id)
    with pytest.raises(InvalidRequestError) as refused:
        _create(ports, template.id)
    assert refused.value.code == "TEMPLATE_RETIRED"
    assert ports.workflows.workflows == {}  # nothing was stored


def test_a_signed_reports_template_version_stays_as_it_was_after_a_new_version() -> None:
    # Given a workflow made with version 1 of a template, completed and signed
    ports = MemoryPorts()
    template = templates.create_template(ports, USER, _body(requiredFields=[]))
    workflow_id = _create(ports, template.id)
    state = _run(ports, workflow_id, initiation.handle, processing.handle, qa.handle)
    assert state["qaPassed"] is True
    _run(ports, workflow_id, output.handle)
    sign = SignRequest(
        name="A. Tech", role="Technician", certification="IICRC WRT 1", statement="I inspected it."
    )
    certify(ports, USER)  # only a person with a certification on file may sign
    signed = signoff.sign(ports, _workflow(ports, workflow_id), USER, sign)
    signature = signoff.current_signature(signed)
    assert signature is not None
    signed_md = ports.blobs.get_text(signature.files["md"].key)
    assert _headings(signed_md)[:2] == ["Desk review", "What happened"]
    # When the template gets version 2, with other sections
    second = _body(
        requiredFields=[],
        sections=[{"kind": "loss", "title": "The loss"}, {"kind": "qa"}, {"kind": "photos"}],
    )
    assert templates.add_version(ports, USER, template.id, second).version == 2
    # Then version 1 is as it was
    assert templates.version(ports, template.id, 1) == template
    # And the signed revision's files are unchanged
    assert ports.blobs.get_text(signature.files["md"].key) == signed_md
    # And the next revision of the report keeps version 1 (its DRAFT is laid out by it)
    opened = revisions.open_revision(ports, _workflow(ports, workflow_id))
    assert opened.template is not None and opened.template.version == 1
    review_point(ports, {"workflowId": workflow_id, "userId": USER, "attempt": 1, "taskToken": "token-2"})
    draft = ports.blobs.get_text(f"reports/{USER}/{workflow_id}/draft/report.md")
    assert "What happened" in _headings(draft) and "The loss" not in _headings(draft)
    # While a new workflow gets version 2
    assert _workflow(ports, _create(ports, template.id)).template.version == 2  # type: ignore[union-attr]


# --- who may change what --------------------------------------------------------------------------


def test_only_an_admin_changes_templates_and_shared_ones_are_read_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ports = MemoryPorts()
    template = templates.create_template(ports, USER, _body())
    # A shared template: listed and readable by the other account, never changed by it
    shared = templates.share(ports, USER, template.id, "personal-bob")
    assert shared["sharedWith"] == ["personal-bob"]
    assert template.id in [t["id"] for t in templates.list_templates(ports, "bob")]
    assert templates.get_template(ports, "bob", template.id)["versions"][0]["version"] == 1
    assert (
        templates.get_template(ports, "bob", template.id)["template"]["sharedWith"] == []
    )  # the owner's business
    with pytest.raises(ForbiddenError) as refused:
        templates.add_version(ports, "bob", template.id, _body())
    assert refused.value.code == "TEMPLATE_READ_ONLY"
    # An account that was not shared with sees nothing
    with pytest.raises(templates.TemplateNotFoundError):
        templates.get_template(ports, "mallory", template.id)
    # Built-ins never change
    with pytest.raises(ConflictError):
        templates.retire(ports, USER, "builtin-water-s500")
    # A member who is not an admin may read but not create
    monkeypatch.setattr(
        templates.tenancy, "membership_of", lambda _p, user: Membership(user, "org-1", Role.TECHNICIAN)
    )
    assert templates.list_templates(ports, "tess")
    with pytest.raises(ForbiddenError) as refused:
        templates.create_template(ports, "tess", _body())
    assert refused.value.code == "TEMPLATE_ADMIN_REQUIRED"


def test_unsharing_hides_the_template_again_and_the_head_decides_over_a_leftover_listing() -> None:
    # Given a template shared with bob's account
    ports = MemoryPorts()
    template = templates.create_template(ports, USER, _body())
    templates.share(ports, USER, template.id, "personal-bob")
    # When it is un-shared, twice
    head, removed = templates.unshare(ports, USER, template.id, "personal-bob")
    again, removed_again = templates.unshare(ports, USER, template.id, "personal-bob")
    # Then bob's account neither lists nor reads it, and the second changed nothing
    assert (head["sharedWith"], removed, removed_again) == ([], True, False) and again == head
    assert template.id not in [t["id"] for t in templates.list_templates(ports, "bob")]
    with pytest.raises(templates.TemplateNotFoundError):
        templates.get_template(ports, "bob", template.id)
    # and a listing left behind (a share racing the un-share) shows nothing: the head decides
    ports.templates.by_org.setdefault("personal-bob", set()).add(template.id)
    assert template.id not in [t["id"] for t in templates.list_templates(ports, "bob")]
    # The owner's own account cannot be un-shared from its template, nor bob un-share it
    with pytest.raises(InvalidRequestError) as own:
        templates.unshare(ports, USER, template.id, f"personal-{USER}")
    assert own.value.code == "INVALID_SHARE"
    with pytest.raises(templates.TemplateNotFoundError):
        templates.unshare(ports, "bob", template.id, "personal-bob")


def test_the_built_in_files_are_json_a_reader_can_copy_from() -> None:
    water = json.loads(
        (Path(templates.__file__).parent / "builtin_templates" / "water-s500.v1.json").read_text()
    )
    body = {k: v for k, v in water.items() if k not in ("id", "version", "builtIn")}
    assert TemplateBody.model_validate(body).name == "Water damage (IICRC S500)"
