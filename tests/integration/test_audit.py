"""The audit log: each mutation appended once, listed to its own user, never changed."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from chalicelib.phases import processing
from tests.conftest import Api

BASE = "/api/orchestrator/workflows"
AUDIT = "/api/orchestrator/audit"
NOTES = "Cause: burst pipe in the laundry.\nLaundry 3 x 2.5 m, vinyl floor wet.\nLaundry wall 40 WME."


def all_entries(api: Api, limit: int = 100) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    token: str | None = None
    while True:
        reply = api.get(f"{AUDIT}?limit={limit}" + (f"&nextToken={token}" if token else ""))
        assert reply.status == 200, reply.body
        entries.extend(reply.body["auditEntries"])
        token = reply.body["nextToken"]
        if token is None:
            return entries


def test_each_mutation_is_recorded_once_with_who_what_when_where(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A workflow run to the end, its report downloaded, then deleted
    done = api.wait_for(api.create_text(NOTES))
    assert api.get(f"{BASE}/{done['id']}/report?format=md").status == 200
    assert api.delete(f"{BASE}/{done['id']}").status == 200
    # One waiting for its upload: patched, then cancelled
    pending = api.create_pending()
    assert api.patch(f"{BASE}/{pending}", {"progress": {"estimatedTime": "5 min"}}).status == 200
    assert api.delete(f"{BASE}/{pending}").status == 200
    # One that fails, is retried, paused and resumed (the pause withdrawn before the boundary)
    real = processing.analyze_text
    monkeypatch.setattr(
        processing, "analyze_text", lambda text, **_: (_ for _ in ()).throw(ValueError("bug"))
    )
    failing = api.create_text(NOTES)
    assert api.wait_for(failing)["status"] == "FAILED"
    monkeypatch.setattr(processing, "analyze_text", real)
    assert api.post(f"{BASE}/{failing}/retry").status == 200
    if api.post(f"{BASE}/{failing}/pause").status == 200:
        assert api.post(f"{BASE}/{failing}/resume").status == 200
    api.wait_for(failing)
    # An API key created, used three times, revoked
    created = api.post("/api/orchestrator/api-keys", {"name": "field app"})
    key_id = created.body["apiKey"]["id"]
    field_app = Api(api.base_url, api._pool, created.body["secret"])
    for _ in range(3):
        assert field_app.get(BASE).status == 200
    assert api.delete(f"/api/orchestrator/api-keys/{key_id}").status == 200
    # And requests that change nothing
    assert api.post(f"{BASE}/{pending}/pause").status == 409
    assert api.get(f"{BASE}/{done['id']}").status == 404
    assert api.get("/api/orchestrator/stats").status == 200

    entries = all_entries(api)

    paused = 1 if any(e["action"] == "WORKFLOW_PAUSE" for e in entries) else 0
    assert (
        Counter(e["action"] for e in entries)
        == Counter(
            {
                "WORKFLOW_CREATE": 3,
                "REPORT_DOWNLOAD": 1,
                "WORKFLOW_DELETE": 1,
                "WORKFLOW_PATCH": 1,
                "WORKFLOW_CANCEL": 1,
                "WORKFLOW_RETRY": 1,
                "WORKFLOW_PAUSE": paused,
                "WORKFLOW_RESUME": paused,
                "API_KEY_CREATE": 1,
                "API_KEY_USE": 1,
                "API_KEY_REVOKE": 1,
            }
        )
        - Counter()
    )  # drop zero counts
    owner = api.workflow_owner()
    assert all(e["userId"] == owner and e["sourceIp"] == "127.0.0.1" and e["requestId"] for e in entries)
    assert len({e["requestId"] for e in entries}) == len(entries)
    assert [e["at"] for e in entries] == sorted((e["at"] for e in entries), reverse=True)
    by_action = {e["action"]: e for e in entries}
    assert by_action["REPORT_DOWNLOAD"]["targetId"] == done["id"]
    assert by_action["REPORT_DOWNLOAD"]["details"] == {"format": "md"}
    assert by_action["WORKFLOW_PATCH"]["details"] == {"fields": ["estimatedTime"]}
    assert by_action["API_KEY_USE"]["apiKeyId"] == key_id and by_action["API_KEY_USE"]["targetId"] == key_id
    assert "apiKeyId" not in by_action["API_KEY_CREATE"] or by_action["API_KEY_CREATE"]["apiKeyId"] is None


def test_entries_page_newest_first_and_belong_to_their_user(api: Api) -> None:
    for _ in range(5):
        api.create_pending()

    first = api.get(f"{AUDIT}?limit=2")
    assert first.status == 200 and len(first.body["auditEntries"]) == 2
    entries = all_entries(api, limit=2)
    assert len(entries) == 5 and len({e["id"] for e in entries}) == 5
    assert entries[:2] == first.body["auditEntries"]

    assert all_entries(api.as_user("stranger-audit")) == []
    assert api.get(f"{AUDIT}?limit=0").status == 400
    assert api.get(f"{AUDIT}?nextToken=garbage").status == 400
    assert api.anonymous().get(AUDIT).status == 401


def test_nothing_in_the_api_changes_or_deletes_an_entry(api: Api) -> None:
    api.create_pending()
    (entry,) = all_entries(api)

    for method in ("PATCH", "DELETE", "PUT", "POST"):
        reply = api.call(method, AUDIT, body={"action": "WORKFLOW_DELETE"})
        assert reply.status == 405, (method, reply.body)
        assert reply.body["error"]["code"] == "METHOD_NOT_ALLOWED"
        assert reply.headers["Allow"] == "GET, OPTIONS"
    assert api.delete(f"{AUDIT}/{entry['id']}").status in (403, 404)

    assert all_entries(api) == [entry]
