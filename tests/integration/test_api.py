"""The workflow API over HTTP: shapes, validation, ownership, paging, optimistic locking."""

from __future__ import annotations

import concurrent.futures
import csv
import io
from typing import Any

import pytest

from chalicelib.wiring import ports
from tests.conftest import Api

BASE = "/api/orchestrator"
SOME_ID = "wf_" + "a" * 32


def _all_routes(workflow_id: str) -> list[tuple[str, str, Any]]:
    return [
        ("POST", f"{BASE}/workflows", {"inputMethod": "TEXT", "inputData": {"text": "Kitchen wet"}}),
        ("GET", f"{BASE}/workflows", None),
        ("GET", f"{BASE}/workflows/{workflow_id}", None),
        ("PATCH", f"{BASE}/workflows/{workflow_id}", {"progress": {"estimatedTime": "1 min"}}),
        ("DELETE", f"{BASE}/workflows/{workflow_id}", None),
        ("GET", f"{BASE}/workflows/{workflow_id}/report", None),
        ("GET", f"{BASE}/stats", None),
    ]


def test_every_route_needs_a_token(api: Api) -> None:
    workflow_id = api.create_pending()
    for token in (None, "garbage", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9."):
        caller = api.anonymous()
        caller.token = token
        for method, path, body in _all_routes(workflow_id):
            reply = caller.call(method, path, body)
            assert reply.status == 401, (method, path, token, reply.body)
            assert reply.body["error"]["code"] == "UNAUTHORIZED"
    # And nothing was touched
    assert api.workflow(workflow_id)["version"] == 1


def test_another_users_workflow_is_not_found_on_every_route(api: Api) -> None:
    # Given alice's workflow
    workflow_id = api.create_pending()
    mallory = api.as_user("mallory")

    # When mallory calls every route that names it
    for method, path, body in _all_routes(workflow_id):
        if workflow_id not in path:
            continue
        reply = mallory.call(method, path, body)
        # Then it does not exist for her
        assert reply.status == 404, (method, path, reply.body)
        assert reply.body["error"]["code"] == "WORKFLOW_NOT_FOUND"

    # And she cannot list or count it
    assert mallory.get(f"{BASE}/workflows").body["workflows"] == []
    assert api.workflow(workflow_id)["status"] == "PENDING"
    assert api.workflow(workflow_id)["version"] == 1


def test_create_answers_201_with_the_seed_shape(api: Api) -> None:
    reply = api.post(f"{BASE}/workflows", {"inputMethod": "TEXT", "inputData": {"text": "Kitchen wet"}})
    assert reply.status == 201
    assert set(reply.body) == {"workflowId", "status"}
    assert reply.body["status"] == "PENDING"


def test_a_document_workflow_answers_with_its_upload_form(api: Api) -> None:
    created = api.create_upload("WORD", title="Smith claim")
    assert set(created) == {"workflowId", "status", "upload", "maxBytes"}
    assert created["status"] == "PENDING"
    workflow = api.workflow(created["workflowId"])
    assert workflow["title"] == "Smith claim"
    assert workflow["inputMethod"] == "WORD"
    assert workflow["currentPhase"] == "INITIATION"
    assert workflow["completedPhases"] == [] and workflow["progressPercentage"] == 0
    assert workflow["steps"] == []


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({}, 400, "VALIDATION_ERROR"),
        ([], 400, "INVALID_BODY"),
        ("TEXT", 400, "INVALID_BODY"),
        ({"inputMethod": "FAX"}, 400, "VALIDATION_ERROR"),
        ({"inputMethod": "text"}, 400, "VALIDATION_ERROR"),
        ({"inputMethod": "TEXT"}, 400, "MISSING_INPUT_DATA"),
        ({"inputMethod": "TEXT", "inputData": {"text": ""}}, 400, "INVALID_INPUT_DATA"),
        ({"inputMethod": "TEXT", "inputData": {"text": "   "}}, 400, "INVALID_INPUT_DATA"),
        ({"inputMethod": "TEXT", "inputData": {"text": 42}}, 400, "INVALID_INPUT_DATA"),
        ({"inputMethod": "TEXT", "inputData": {"text": "x", "extra": 1}}, 400, "INVALID_INPUT_DATA"),
        ({"inputMethod": "TEXT", "inputData": "notes"}, 400, "VALIDATION_ERROR"),
        ({"inputMethod": "PDF"}, 400, "MISSING_INPUT_DATA"),
        ({"inputMethod": "PDF", "inputData": {"text": "x"}}, 400, "INVALID_INPUT_DATA"),
        ({"inputMethod": "PDF", "title": ""}, 400, "VALIDATION_ERROR"),
        ({"inputMethod": "PDF", "title": "x" * 201}, 400, "VALIDATION_ERROR"),
        ({"inputMethod": "PDF", "owner": "bob"}, 400, "VALIDATION_ERROR"),
        ({"inputMethod": "API"}, 400, "MISSING_INPUT_DATA"),
        ({"inputMethod": "API", "inputData": {}}, 400, "EMPTY_INSPECTION"),
        ({"inputMethod": "API", "inputData": {"rooms": [{"name": ""}]}}, 400, "INVALID_INPUT_DATA"),
        ({"inputMethod": "API", "inputData": {"notes": "x", "source": "nope"}}, 400, "UNKNOWN_SOURCE"),
        ({"inputMethod": "TEXT", "inputData": {"text": "x" * 200_001}}, 413, "TEXT_TOO_LARGE"),
    ],
)
def test_invalid_create_bodies_are_refused_and_nothing_is_written(
    api: Api, body: Any, status: int, code: str
) -> None:
    reply = api.post(f"{BASE}/workflows", body)
    assert reply.status == status, reply.body
    assert reply.body["error"]["code"] == code
    assert reply.body["error"]["message"]
    assert api.get(f"{BASE}/workflows").body["workflows"] == []


def test_a_body_that_is_not_json_is_a_400(api: Api) -> None:
    reply = api.call("POST", f"{BASE}/workflows", raw=b"{not json")
    assert reply.status == 400
    assert reply.body["error"]["code"] == "BAD_REQUEST"
    assert api.get(f"{BASE}/workflows").body["workflows"] == []


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=1000",
        "limit=ten",
        "status=RUNNING",
        "status=active,PENDING",
        "nextToken=%%%",
        "nextToken=eyJ4IjoxfQ",
    ],
)
def test_invalid_list_queries_are_400(api: Api, query: str) -> None:
    reply = api.get(f"{BASE}/workflows?{query}")
    assert reply.status == 400, reply.body
    assert "error" in reply.body


@pytest.mark.parametrize("bad_id", ["123", "wf_XYZ", "wf_" + "a" * 31, "WF_" + "a" * 32])
def test_bad_ids_are_400_on_every_route(api: Api, bad_id: str) -> None:
    for method, path, body in _all_routes(bad_id):
        if bad_id not in path:
            continue
        reply = api.call(method, path, body)
        assert reply.status == 400, (method, path, reply.body)
        assert reply.body["error"]["code"] == "INVALID_WORKFLOW_ID"


def test_chalices_own_errors_come_in_the_same_shape(api: Api) -> None:
    wrong_method = api.call("PUT", f"{BASE}/workflows", {})
    wrong_type = api.call("POST", f"{BASE}/workflows", raw=b"hi", headers={"Content-Type": "text/plain"})
    assert wrong_method.status == 405 and wrong_method.body["error"]["code"] == "METHOD_NOT_ALLOWED"
    assert wrong_type.status == 415 and wrong_type.body["error"]["code"] == "UNSUPPORTED_MEDIA_TYPE"


def test_unknown_workflow_is_404(api: Api) -> None:
    reply = api.get(f"{BASE}/workflows/{SOME_ID}")
    assert reply.status == 404 and reply.body["error"]["code"] == "WORKFLOW_NOT_FOUND"


def test_list_is_newest_first_filtered_and_paged(api: Api) -> None:
    # Given five workflows, two of them cancelled
    ids = [api.create_pending(title=f"w{i}") for i in range(5)]
    for workflow_id in ids[1:3]:
        assert api.delete(f"{BASE}/workflows/{workflow_id}").status == 200

    # When listed two at a time
    seen: list[str] = []
    token = None
    while True:
        query = "limit=2" + (f"&nextToken={token}" if token else "")
        page = api.get(f"{BASE}/workflows?{query}").body
        assert len(page["workflows"]) <= 2
        seen += [w["id"] for w in page["workflows"]]
        token = page["nextToken"]
        if not token:
            break

    # Then every workflow appears once, newest first
    assert seen == list(reversed(ids))
    assert all("steps" not in w or w["steps"] is None for w in page["workflows"])

    # And the status filters select by status, "active" meaning PENDING or IN_PROGRESS
    active = api.get(f"{BASE}/workflows?status=active&limit=100").body["workflows"]
    assert [w["id"] for w in active] == [ids[4], ids[3], ids[0]]
    cancelled = api.get(f"{BASE}/workflows?status=CANCELLED").body["workflows"]
    assert [w["id"] for w in cancelled] == [ids[2], ids[1]]

    # And "active" pages across its two statuses without losing or repeating one
    first = api.get(f"{BASE}/workflows?status=active&limit=2").body
    second = api.get(f"{BASE}/workflows?status=active&limit=2&nextToken={first['nextToken']}").body
    assert [w["id"] for w in first["workflows"] + second["workflows"]] == [ids[4], ids[3], ids[0]]
    assert second["nextToken"] is None


def test_patch_moves_progress_forward_and_refuses_going_back(api: Api) -> None:
    workflow_id = api.create_pending()
    path = f"{BASE}/workflows/{workflow_id}"

    forward = api.patch(
        path,
        {
            "progress": {
                "currentPhase": "PROCESSING",
                "completedPhases": ["INITIATION"],
                "progressPercentage": 25,
                "estimatedTime": "3 min",
            }
        },
    )
    assert forward.status == 200, forward.body
    workflow = forward.body["workflow"]
    assert workflow["currentPhase"] == "PROCESSING" and workflow["progressPercentage"] == 25
    assert workflow["version"] == 2 and forward.headers["ETag"] == '"2"'

    back = api.patch(path, {"progress": {"progressPercentage": 10}})
    assert back.status == 409 and back.body["error"]["code"] == "PROGRESS_BACKWARDS"

    for bad in (
        {"progress": {"currentPhase": "REVIEW"}},
        {"progress": {"completedPhases": ["QA"]}},
        {"progress": {"progressPercentage": 101}},
        {"progress": {}},
        {"progress": {"progressPercentage": 30}, "status": "COMPLETED"},
        {"status": "COMPLETED"},
    ):
        reply = api.patch(path, bad)
        assert reply.status == 400, (bad, reply.body)

    assert api.workflow(workflow_id)["version"] == 2


def test_if_match_with_a_stale_version_is_a_conflict(api: Api) -> None:
    workflow_id = api.create_pending()
    path = f"{BASE}/workflows/{workflow_id}"
    ok = api.patch(path, {"progress": {"progressPercentage": 5}}, headers={"If-Match": '"1"'})
    assert ok.status == 200 and ok.body["workflow"]["version"] == 2

    stale = api.patch(path, {"progress": {"progressPercentage": 6}}, headers={"If-Match": '"1"'})
    assert stale.status == 409 and stale.body["error"]["code"] == "VERSION_CONFLICT"
    bad = api.patch(path, {"progress": {"progressPercentage": 6}}, headers={"If-Match": "yesterday"})
    assert bad.status == 400
    assert api.workflow(workflow_id)["progressPercentage"] == 5


def test_fifty_concurrent_patches_lose_nothing(api: Api) -> None:
    # Given one workflow
    workflow_id = api.create_pending()
    path = f"{BASE}/workflows/{workflow_id}"

    # When 50 clients patch it at the same moment
    def patch(i: int) -> Any:
        return api.patch(path, {"progress": {"estimatedTime": f"{i} min"}})

    with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
        replies = list(pool.map(patch, range(50)))

    # Then every one was applied on top of the others: 50 distinct versions, none lost
    assert [r.status for r in replies] == [200] * 50, [r.body for r in replies if r.status != 200]
    versions = sorted(r.body["workflow"]["version"] for r in replies)
    assert versions == list(range(2, 52))
    assert api.workflow(workflow_id)["version"] == 51


def test_delete_of_a_pending_workflow_cancels_it(api: Api) -> None:
    workflow_id = api.create_pending()
    assert api.delete(f"{BASE}/workflows/{workflow_id}").body == {"success": True}
    workflow = api.workflow(workflow_id)
    assert workflow["status"] == "CANCELLED"
    # A cancelled workflow takes no more progress
    reply = api.patch(f"{BASE}/workflows/{workflow_id}", {"progress": {"progressPercentage": 50}})
    assert reply.status == 409


def test_stats_count_the_callers_workflows(api: Api) -> None:
    done = api.create_text("Kitchen 10x12 ft flooded from a burst pipe. Subfloor 30%MC.")
    api.create_pending()
    cancelled = api.create_pending()
    api.delete(f"{BASE}/workflows/{cancelled}")
    api.wait_for(done)
    api.as_user("someone-else").create_pending()

    stats = api.get(f"{BASE}/stats").body["stats"]

    assert stats["totalWorkflows"] == 3
    assert stats["byStatus"]["COMPLETED"] == 1
    assert stats["byStatus"]["PENDING"] == 1
    assert stats["byStatus"]["CANCELLED"] == 1
    assert stats["activeWorkflows"] == 1
    assert stats["averageCompletionSeconds"] > 0
    assert stats["phaseDurations"]["OUTPUT"]["count"] == 1


def test_analytics_count_the_callers_workflows_as_json_and_csv(api: Api) -> None:
    # Given a completed workflow and a pending one of the caller's today, and someone else's
    done = api.create_text("Kitchen 10x12 ft flooded from a burst pipe. Subfloor 30%MC.")
    api.create_pending()
    api.wait_for(done)
    api.as_user("someone-else").create_pending()

    # When the caller asks for the last 30 days, then by input method as CSV
    figures = api.get(f"{BASE}/analytics").body["analytics"]
    reply = api.get(f"{BASE}/analytics?groupBy=inputMethod&format=csv")

    # Then they are the caller's two, with the completed one's times
    totals = figures["totals"]
    assert (figures["scope"], figures["groupBy"], len(figures["groups"])) == ("user", "day", 30)
    assert totals["workflows"] == 2 and totals["byStatus"]["COMPLETED"] == 1
    assert totals["completionSeconds"]["count"] == 1 and totals["phaseSeconds"]["OUTPUT"]["count"] == 1
    assert sum(group["workflows"] for group in figures["groups"]) == 2
    assert reply.status == 200 and reply.headers["Content-Type"].startswith("text/csv")
    rows = {row["key"]: row for row in csv.DictReader(io.StringIO(reply.body))}
    assert (rows["TEXT"]["workflows"], rows["PDF"]["workflows"], rows["total"]["workflows"]) == (
        "1",
        "1",
        "2",
    )
    # And a range over 366 days is refused in the API's error shape
    refused = api.get(f"{BASE}/analytics?from=2025-01-01&to=2026-12-31")
    assert refused.status == 400 and refused.body["error"]["code"] == "RANGE_TOO_LONG"


def test_store_keeps_no_document_in_the_record(api: Api) -> None:
    workflow_id = api.create_text("Bathroom 2x3 m, water from shower leak. Wall 40 WME.")
    record = ports().workflows.get(workflow_id)
    assert record is not None and record.input_data is not None
    assert "text" not in record.input_data
    assert record.input_data["characters"] > 0
