"""Report templates over HTTP on the local stack (moto's DynamoDB behind the real adapter): each
route, its 400 and 404 answers, a workflow created with a template, and the report laid out by it."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api

BASE = "/api/orchestrator"
NOTES = (
    "Claim: CLM-9912\nCause: burst supply line under the kitchen sink, clean water.\n"
    "Kitchen 4 x 3.5 m, vinyl floor wet.\nReadings: kitchen skirting 28% WME.\n"
)


def _template(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Panel B water",
        "lossTypes": ["water"],
        "sections": [
            {"kind": "loss", "title": "What happened"},
            {"kind": "qa", "title": "Desk review"},
            {"kind": "photos"},
            {"kind": "text", "title": "Company statement", "text": "We restore homes."},
        ],
        "requiredFields": [
            {
                "path": "parties.insurer",
                "code": "INSURER_MISSING",
                "severity": "warning",
                "message": "Name the insurer.",
            }
        ],
    }
    body.update(changes)
    return body


def test_templates_are_listed_created_read_versioned_retired_and_shared(api: Api) -> None:
    # The built-ins are listed for everyone
    listed = api.get(f"{BASE}/templates")
    assert listed.status == 200
    ids = [t["id"] for t in listed.body["templates"]]
    assert ids[:3] == ["builtin-fire-s700", "builtin-mould-s520", "builtin-water-s500"]
    built_in = api.get(f"{BASE}/templates/builtin-mould-s520")
    assert (
        built_in.status == 200
        and built_in.body["versions"][0]["sections"][2]["title"] == "Mould condition (IICRC S520)"
    )

    # Create: 201 with version 1, listed for the account
    created = api.post(f"{BASE}/templates", _template())
    assert created.status == 201, created.body
    template = created.body["template"]
    assert template["version"] == 1 and template["id"].startswith("tpl_")
    assert template["id"] in [t["id"] for t in api.get(f"{BASE}/templates").body["templates"]]

    # A new version: 201, the first unchanged
    second = api.post(f"{BASE}/templates/{template['id']}/versions", _template(name="Panel B water v2"))
    assert second.status == 201 and second.body["template"]["version"] == 2
    read = api.get(f"{BASE}/templates/{template['id']}").body
    assert read["template"]["latestVersion"] == 2 and read["template"]["name"] == "Panel B water v2"
    assert [v["version"] for v in read["versions"]] == [2, 1]
    assert read["versions"][1] == template

    # Shared with bob's account: he reads it, cannot change it
    bob = api.as_user("bob-templates")
    shared = api.post(f"{BASE}/templates/{template['id']}/share", {"orgId": "personal-bob-templates"})
    assert shared.status == 200 and shared.body["template"]["sharedWith"] == ["personal-bob-templates"]
    assert bob.get(f"{BASE}/templates/{template['id']}").status == 200
    refused = bob.post(f"{BASE}/templates/{template['id']}/versions", _template())
    assert refused.status == 403 and refused.body["error"]["code"] == "TEMPLATE_READ_ONLY"

    # Retired: flagged, and no longer chosen for new workflows
    retired = api.post(f"{BASE}/templates/{template['id']}/retire")
    assert retired.status == 200 and retired.body["template"]["retired"] is True
    chosen = api.post(
        f"{BASE}/workflows",
        {"inputMethod": "TEXT", "inputData": {"text": NOTES}, "templateId": template["id"]},
    )
    assert chosen.status == 400 and chosen.body["error"]["code"] == "TEMPLATE_RETIRED"


def test_template_routes_answer_400_and_404(api: Api) -> None:
    # A template that is not one: 400 with the problem, nothing stored
    bad = api.post(f"{BASE}/templates", _template(sections=[{"kind": "loss"}]))
    assert bad.status == 400 and bad.body["error"]["code"] == "VALIDATION_ERROR"
    unknown_field = api.post(
        f"{BASE}/templates",
        _template(requiredFields=[{"path": "nope", "code": "NOPE_MISSING", "message": "Nope."}]),
    )
    assert unknown_field.status == 400
    assert api.post(f"{BASE}/templates/builtin-water-s500/share", {}).status == 400
    # Unknown, or another account's: 404 on every route that names it
    created = api.post(f"{BASE}/templates", _template()).body["template"]
    mallory = api.as_user("mallory-templates")
    for caller, template_id in ((api, "tpl_" + "0" * 32), (api, "nonsense"), (mallory, created["id"])):
        for method, suffix, body in (
            ("GET", "", None),
            ("POST", "/versions", _template()),
            ("POST", "/retire", None),
            ("POST", "/share", {"orgId": "personal-x"}),
        ):
            reply = caller.call(method, f"{BASE}/templates/{template_id}{suffix}", body)
            assert reply.status == 404, (method, suffix, reply.body)
            assert reply.body["error"]["code"] == "TEMPLATE_NOT_FOUND"
    # Built-ins never change
    built_in = api.post(f"{BASE}/templates/builtin-water-s500/retire")
    assert built_in.status == 409 and built_in.body["error"]["code"] == "TEMPLATE_BUILT_IN"
    # An unknown templateId on a new workflow or upload
    for path, body in (
        (
            "/workflows",
            {"inputMethod": "TEXT", "inputData": {"text": NOTES}, "templateId": "tpl_" + "1" * 32},
        ),
        (
            "/uploads",
            {
                "inputMethod": "PDF",
                "fileName": "a.pdf",
                "contentType": "application/pdf",
                "size": 10,
                "templateId": created["id"],
            },
        ),
    ):
        reply = mallory.post(f"{BASE}{path}", body)
        assert reply.status == 400 and reply.body["error"]["code"] == "UNKNOWN_TEMPLATE", reply.body


def test_a_workflow_made_with_a_template_reports_by_it(api: Api) -> None:
    template = api.post(f"{BASE}/templates", _template()).body["template"]
    created = api.post(
        f"{BASE}/workflows",
        {"inputMethod": "TEXT", "inputData": {"text": NOTES}, "templateId": template["id"]},
    )
    assert created.status == 201, created.body
    workflow = api.wait_for(created.body["workflowId"])
    assert workflow["status"] == "COMPLETED", workflow
    assert workflow["template"] == {"id": template["id"], "version": 1, "name": "Panel B water"}
    report = api.get(f"{BASE}/workflows/{workflow['id']}/report?format=json").body["report"]
    assert "INSURER_MISSING" in [issue["code"] for issue in report["qa"]["issues"]]
    # A workflow that named none gets its loss type's built-in
    plain = api.wait_for(api.create_text(NOTES))
    assert plain["template"]["id"] == "builtin-water-s500"
