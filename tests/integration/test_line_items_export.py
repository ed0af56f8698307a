"""The line items over HTTP: a user's catalogue in their settings (a bad one refused, nothing
written), and `?format=csv` downloading the coded lines under the job's name."""

from __future__ import annotations

import csv
import io
import urllib.request

from tests.conftest import Api

SETTINGS = "/api/orchestrator/settings"
NOTES = (
    "Job: 27 Wattle Grove, Croydon VIC 3136\nClaim number: HOL-2026-7\n"
    "Cause: dishwasher hose split, grey water over the hallway.\n"
    "Hallway 5.0 x 1.2 m, carpet and underlay wet over 6 m2.\n"
    "Scope of works:\n- Remove and dispose of wet carpet underlay 6 m2 (hallway)\n"
    "- Extract water from hallway carpet 6 m2\n"
)
CATALOGUE = {
    "system": "Our estimator",
    "entries": [{"action": "remove", "material": "underlay", "category": "WTR", "selector": "PADR"}],
}


def test_a_users_catalogue_codes_the_csv_and_a_bad_one_changes_nothing(api: Api) -> None:
    user = api.as_user("estimator")
    # Given a user who keeps their own catalogue
    saved = user.put(SETTINGS, {"lineItemCatalogue": CATALOGUE})
    assert saved.status == 200, saved.body
    assert saved.body["settings"]["lineItemCatalogue"]["entries"][0]["selector"] == "PADR"
    # When they send a bad one, it is refused in the one error shape and nothing is written
    bad = {
        "system": "x",
        "entries": [{"action": "remove", "material": "*", "category": "=1+1", "selector": "A"}],
    }
    refused = user.put(SETTINGS, {"lineItemCatalogue": bad})
    assert refused.status == 400
    assert set(refused.body["error"]) >= {"code", "message"}
    assert (
        user.get(SETTINGS).body["settings"]["lineItemCatalogue"]
        == saved.body["settings"]["lineItemCatalogue"]
    )
    # And a report of theirs codes its lines with it: in the JSON ...
    workflow_id = user.create_text(NOTES)
    workflow = user.wait_for(workflow_id)
    if workflow["status"] == "NEEDS_REVIEW":
        errors = user.get(f"/api/orchestrator/workflows/{workflow_id}/report?format=json").body["report"][
            "qa"
        ]
        overrides = [
            {"code": issue["code"], "reason": "Confirmed on site"}
            for issue in errors["issues"]
            if issue["severity"] == "error"
        ]
        assert (
            user.post(f"/api/orchestrator/workflows/{workflow_id}/approve", {"overrides": overrides}).status
            == 200
        )
        workflow = user.wait_for(workflow_id)
    assert workflow["status"] == "COMPLETED", workflow
    report = user.get(f"/api/orchestrator/workflows/{workflow_id}/report?format=json").body["report"]
    assert [(i["category"], i["selector"]) for i in report["lineItems"]] == [("WTR", "PADR"), (None, None)]
    # ... and in the CSV, downloaded under the job's name like the other formats
    reply = user.get(f"/api/orchestrator/workflows/{workflow_id}/report?format=csv")
    assert reply.status == 200, reply.body
    assert reply.body["contentType"] == "text/csv; charset=utf-8"
    with urllib.request.urlopen(reply.body["url"], timeout=10) as response:
        disposition = response.headers.get("Content-Disposition", "")
        data = response.read().decode("utf-8-sig")
    assert disposition.startswith('attachment; filename="HOL-2026-7_') and disposition.endswith('.csv"')
    rows = list(csv.reader(io.StringIO(data)))
    assert rows[1][2:8] == [
        "Remove and dispose of wet carpet underlay 6 m2 (hallway)",
        "Hallway",
        "6",
        "m\u00b2",
        "WTR",
        "PADR",
    ]
    assert len(rows) == 3
