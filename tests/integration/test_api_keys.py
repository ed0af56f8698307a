"""Field apps: per-user API keys, and inspections pushed as structured JSON (inputMethod API)."""

from __future__ import annotations

from typing import Any

from chalicelib.wiring import ports
from tests.conftest import Api

BASE = "/api/orchestrator"
FIELD_INSPECTION: dict[str, Any] = {
    "job": {
        "claimNumber": "CLM-20931",
        "insured": "R. Nguyen",
        "address": "7 Ocean Pde",
        "dateOfLoss": "2026-11-20",
        "lossType": "water",
        "causeOfLoss": "washing machine hose burst",
    },
    "rooms": [
        {"name": "Laundry", "lengthFt": 8, "widthFt": 6, "materials": ["tile", "drywall"]},
        {"name": "Hallway", "lengthFt": 12, "widthFt": 4, "materials": ["carpet"]},
    ],
    "readings": [
        {"location": "Laundry", "material": "drywall", "value": 38, "unit": "WME"},
        {"location": "Hallway", "material": "carpet pad", "value": 22, "unit": "%MC"},
    ],
    "photos": [{"caption": "Burst hose behind machine", "room": "Laundry"}],
    "notes": "Water tracked into hallway carpet.\nNo odour.",
}


def _key_api(api: Api, name: str = "FieldPro tablet") -> tuple[Api, dict[str, Any]]:
    created = api.post(f"{BASE}/api-keys", {"name": name})
    assert created.status == 201, created.body
    keyed = api.anonymous()
    keyed.token = created.body["secret"]
    return keyed, created.body


def test_a_key_is_shown_once_and_stored_only_as_a_hash(api: Api) -> None:
    # Given a new key
    _, created = _key_api(api)
    secret, key = created["secret"], created["apiKey"]
    assert secret.startswith("rak_") and key["prefix"] == secret[:12]

    # Then listing shows it without its secret
    listed = api.get(f"{BASE}/api-keys").body["apiKeys"]
    assert [k["id"] for k in listed] == [key["id"]]
    assert secret not in str(listed)
    assert set(listed[0]) == {"id", "userId", "name", "prefix", "createdAt", "lastUsedAt", "revokedAt"}
    # ... and the store has a hash, never the secret
    stored = ports().api_keys.get(key["id"])
    assert stored is not None and secret not in str(stored) and len(stored[1]) == 64


def test_a_field_app_pushes_an_inspection_that_its_owner_sees(api: Api) -> None:
    # Given alice's key, used by a field app
    keyed, created = _key_api(api)
    check = keyed.post(f"{BASE}/integrations/test")
    assert check.status == 200
    assert check.body == {
        "success": True,
        "userId": api.workflow_owner(),
        "apiKeyId": created["apiKey"]["id"],
    }

    # When the app pushes a structured inspection
    reply = keyed.post(
        f"{BASE}/workflows", {"inputMethod": "API", "title": "7 Ocean Pde", "inputData": FIELD_INSPECTION}
    )
    assert reply.status == 201, reply.body

    # Then it runs to a report built from the structured fields
    workflow = keyed.wait_for(reply.body["workflowId"])
    assert workflow["status"] == "COMPLETED", workflow
    assert workflow["inputMethod"] == "API"
    findings = keyed.get(f"{BASE}/workflows/{workflow['id']}/report").body["report"]["findings"]
    assert findings["damageType"] == "water"
    assert {a["room"] for a in findings["affectedAreas"]} == {"Laundry", "Hallway"}
    assert {(r["value"], r["unit"]) for r in findings["moistureReadings"]} == {(38.0, "WME"), (22.0, "%MC")}

    # And alice sees it with her own token, bob does not
    assert [w["id"] for w in api.get(f"{BASE}/workflows").body["workflows"]] == [workflow["id"]]
    bob = api.as_user("bob-field")
    assert bob.get(f"{BASE}/workflows/{workflow['id']}").status == 404
    # ... and the key's last use was recorded
    (listed,) = api.get(f"{BASE}/api-keys").body["apiKeys"]
    assert listed["lastUsedAt"] is not None


def test_a_profile_maps_another_apps_field_names(api: Api) -> None:
    payload = {
        "source": "snake-case-export",
        "job_info": {"claim_no": "C-1", "loss_cause": "roof leak in storm"},
        "room_list": [{"room_name": "Bedroom", "length_ft": 10, "width_ft": 11}],
        "moisture_readings": [{"reading_location": "Bedroom", "reading_value": 19, "reading_unit": "%MC"}],
    }
    reply = api.post(f"{BASE}/workflows", {"inputMethod": "API", "inputData": payload})
    assert reply.status == 201, reply.body
    workflow = api.wait_for(reply.body["workflowId"])
    findings = api.get(f"{BASE}/workflows/{workflow['id']}/report").body["report"]["findings"]
    assert [a["room"] for a in findings["affectedAreas"]] == ["Bedroom"]
    assert findings["causeOfLoss"] is not None and "roof leak" in findings["causeOfLoss"]


def test_a_revoked_key_is_refused_everywhere(api: Api) -> None:
    # Given a key that worked
    keyed, created = _key_api(api)
    assert keyed.get(f"{BASE}/workflows").status == 200

    # When its owner revokes it
    assert api.delete(f"{BASE}/api-keys/{created['apiKey']['id']}").body == {"success": True}

    # Then every call with it is 401, and the list shows it revoked
    assert keyed.get(f"{BASE}/workflows").status == 401
    assert keyed.post(f"{BASE}/integrations/test").status == 401
    (listed,) = api.get(f"{BASE}/api-keys").body["apiKeys"]
    assert listed["revokedAt"] is not None
    # ... revoking again is fine
    assert api.delete(f"{BASE}/api-keys/{created['apiKey']['id']}").status == 200


def test_keys_are_the_owners_alone(api: Api) -> None:
    _, created = _key_api(api)
    mallory = api.as_user("mallory-keys")
    assert mallory.get(f"{BASE}/api-keys").body["apiKeys"] == []
    reply = mallory.delete(f"{BASE}/api-keys/{created['apiKey']['id']}")
    assert reply.status == 404 and reply.body["error"]["code"] == "API_KEY_NOT_FOUND"
    assert api.get(f"{BASE}/api-keys").body["apiKeys"][0]["revokedAt"] is None


def test_an_api_key_cannot_manage_keys(api: Api) -> None:
    keyed, created = _key_api(api)
    for reply in (
        keyed.post(f"{BASE}/api-keys", {"name": "escalate"}),
        keyed.get(f"{BASE}/api-keys"),
        keyed.delete(f"{BASE}/api-keys/{created['apiKey']['id']}"),
    ):
        assert reply.status == 403 and reply.body["error"]["code"] == "USER_TOKEN_REQUIRED"


def test_forged_and_malformed_keys_are_unauthorized(api: Api) -> None:
    _, created = _key_api(api)
    secret = created["secret"]
    forged = secret[:-4] + ("AAAA" if not secret.endswith("AAAA") else "BBBB")
    for token in (forged, "rak_", "rak_0123456789abcdef_short", "rak_" + "0" * 16 + "_" + "x" * 43):
        caller = api.anonymous()
        caller.token = token
        reply = caller.get(f"{BASE}/workflows")
        assert reply.status == 401, token


def test_invalid_key_requests_are_400(api: Api) -> None:
    for body in ({}, {"name": ""}, {"name": "x" * 101}, {"name": "ok", "scope": "admin"}):
        assert api.post(f"{BASE}/api-keys", body).status == 400
    assert api.delete(f"{BASE}/api-keys/not-a-key").status == 404
    assert api.get(f"{BASE}/api-keys").body["apiKeys"] == []
