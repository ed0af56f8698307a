"""Chalice's own test client (`chalice.test.Client`) as a small JSON API client, one user each.

The routes run in this process against the session's local stack (its moto server), exactly as
`app.py` declares them: authentication, the rate limit, the error shape and the audit entry
included, without the local HTTP gateway in between. The client reads no `.chalice/config.json`
(an empty project directory): that file's stage variables (AUTH_MODE=cognito) are AWS's, not the
tests'.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from chalice.test import Client

from tests.conftest import Reply, assert_no_internals, token_for

BASE = "/api/orchestrator"


class ChaliceApi:
    def __init__(self, client: Client, user_id: str, token: str | None = None) -> None:
        self._client = client
        self.user_id = user_id
        self.token = token if token is not None else token_for(user_id)

    def as_user(self, user_id: str) -> ChaliceApi:
        return ChaliceApi(self._client, user_id)

    def with_token(self, token: str) -> ChaliceApi:
        """The same user with another credential (an API key, say)."""
        return ChaliceApi(self._client, self.user_id, token)

    def call(self, method: str, path: str, body: Any = None) -> Reply:
        headers = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        data = json.dumps(body) if body is not None else None
        response = self._client.http.request(method, f"{BASE}{path}", headers=headers, body=data)
        text = response.body.decode() if response.body else ""
        parsed = json.loads(text) if text else None
        assert_no_internals(parsed, f"{method} {path}")
        return Reply(response.status_code, parsed, dict(response.headers))

    def get(self, path: str) -> Reply:
        return self.call("GET", path)

    def post(self, path: str, body: Any = None) -> Reply:
        return self.call("POST", path, body if body is not None else {})

    def put(self, path: str, body: Any = None) -> Reply:
        return self.call("PUT", path, body)

    def delete(self, path: str) -> Reply:
        return self.call("DELETE", path)


@contextmanager
def chalice_client() -> Iterator[Client]:
    import app

    with tempfile.TemporaryDirectory() as empty, Client(app.app, project_dir=empty) as client:
        yield client


def join_organisation(owner: ChaliceApi, member: ChaliceApi, role: str) -> str:
    """`owner`'s organisation (made if they have none), which `member` joins with `role`."""
    current = owner.get("/organisations/current").body
    org_id = current["membership"]["orgId"]
    if current["organisation"] is None:
        created = owner.post("/organisations", {"name": f"{owner.user_id} Restorations"})
        assert created.status == 201, created.body
        org_id = created.body["organisation"]["id"]
    invited = owner.post(f"/organisations/{org_id}/invitations", {"userId": member.user_id, "role": role})
    assert invited.status == 201, invited.body
    accepted = member.post(f"/invitations/{invited.body['invitation']['id']}/accept")
    assert accepted.status == 200, accepted.body
    return str(org_id)
