"""A workflow's activity through the local API and WebSockets (#22 part 2): who did what, when
(edits, approvals, downloads, comments) is listed by the API and pushed to the activity channel,
for whoever may see the workflow."""

from __future__ import annotations

import json
from typing import Any

from websockets.sync.client import connect

from local_stack.stack import LocalStack
from tests.conftest import Api, token_for

API = "/api/orchestrator"
NOTES = "Cause: burst pipe in the laundry.\nLaundry 3 x 2.5 m, vinyl floor wet. Wall 40 WME."


def _next(ws: Any) -> dict[str, Any]:
    return dict(json.loads(ws.recv(timeout=30)))


def test_downloads_comments_and_control_are_listed_and_pushed_to_watchers(
    api: Api, stack: LocalStack
) -> None:
    # Given a completed workflow, watched on its activity channel
    workflow_id = api.wait_for(api.create_text(NOTES))["id"]
    channel = f"workflow:{workflow_id}:activity"
    with connect(f"{stack.websocket_url}/?token={api.token}", open_timeout=10) as ws:
        ws.send(json.dumps({"action": "subscribe", "channel": channel}))
        assert _next(ws)["type"] == "SUBSCRIBED"
        # When its report is downloaded and someone comments
        assert api.get(f"{API}/workflows/{workflow_id}/report?format=md").status == 200
        commented = api.post(f"{API}/workflows/{workflow_id}/comments", {"text": "Client called back."})
        assert commented.status == 201, commented.body
        # Then both come over the socket, in order, each saying who did what
        pushed = [_next(ws), _next(ws)]
    assert [(m["type"], m["channel"], m["data"]["action"]) for m in pushed] == [
        ("ACTIVITY", channel, "REPORT_DOWNLOAD"),
        ("ACTIVITY", channel, "COMMENT_ADD"),
    ]
    assert pushed[0]["data"]["details"] == {"format": "md"}
    assert pushed[1]["data"]["actorId"] == api.workflow_owner()
    # And the API lists them newest first, after the creation
    listed = api.get(f"{API}/workflows/{workflow_id}/activity").body["activity"]
    assert [e["action"] for e in listed] == ["COMMENT_ADD", "REPORT_DOWNLOAD", "WORKFLOW_CREATE"]
    assert listed[0]["text"] == "Client called back." and commented.body["comment"]["id"] == listed[0]["id"]


def test_a_stranger_neither_lists_nor_watches_nor_comments(api: Api, stack: LocalStack) -> None:
    workflow_id = api.create_text(NOTES)
    mallory = api.as_user("mallory-activity")
    assert mallory.get(f"{API}/workflows/{workflow_id}/activity").status == 404
    assert mallory.post(f"{API}/workflows/{workflow_id}/comments", {"text": "hi"}).status == 404
    with connect(f"{stack.websocket_url}/?token={token_for('mallory-activity')}", open_timeout=10) as ws:
        ws.send(json.dumps({"action": "subscribe", "channel": f"workflow:{workflow_id}:activity"}))
        reply = _next(ws)
    assert reply["type"] == "ERROR" and reply["error"]["code"] == "WORKFLOW_NOT_FOUND"
