"""CORS: only the allow-listed origins are named back, and preflights need no token."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from chalicelib.settings import get_settings
from tests.conftest import Api

APP_ORIGIN = "https://app.restoreassist.example"
WORKFLOWS = "/api/orchestrator/workflows"


@pytest.fixture
def allow_list(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("CORS_ALLOWED_ORIGINS", f"{APP_ORIGIN}, http://localhost:3000")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


def _preflight(api: Api, origin: str, path: str = WORKFLOWS) -> tuple[int, dict[str, str]]:
    reply = api.anonymous().call(
        "OPTIONS",
        path,
        headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
    )
    return reply.status, {k.lower(): v for k, v in reply.headers.items()}


def test_an_allowed_origins_preflight_is_answered_without_a_token(api: Api, allow_list: None) -> None:
    for path in (WORKFLOWS, f"{WORKFLOWS}/wf_{'0' * 32}/pause", "/api/orchestrator/audit"):
        status, headers = _preflight(api, APP_ORIGIN, path)

        assert status == 204, path
        assert headers["access-control-allow-origin"] == APP_ORIGIN
        assert "POST" in headers["access-control-allow-methods"]
        assert "Authorization" in headers["access-control-allow-headers"]
        assert "access-control-allow-credentials" not in headers


def test_any_other_origin_is_refused_and_never_reflected(api: Api, allow_list: None) -> None:
    for origin in ("https://evil.example", f"{APP_ORIGIN}.evil.example", "null", APP_ORIGIN.upper()):
        status, headers = _preflight(api, origin)

        assert status == 403, origin
        assert "access-control-allow-origin" not in headers

        reply = api.get(WORKFLOWS, headers={"Origin": origin})
        assert reply.status == 200
        assert "access-control-allow-origin" not in {k.lower() for k in reply.headers}


def test_an_allowed_origin_may_read_the_answer_and_its_etag(api: Api, allow_list: None) -> None:
    workflow_id = api.create_pending()

    reply = api.get(f"{WORKFLOWS}/{workflow_id}", headers={"Origin": APP_ORIGIN})

    headers = {k.lower(): v for k, v in reply.headers.items()}
    assert headers["access-control-allow-origin"] == APP_ORIGIN
    assert headers["vary"] == "Origin"
    assert "ETag" in headers["access-control-expose-headers"]
    # Errors carry it too, or a browser could not read them
    missing = api.get(f"{WORKFLOWS}/wf_{'0' * 32}", headers={"Origin": APP_ORIGIN})
    assert missing.status == 404
    assert {k.lower(): v for k, v in missing.headers.items()}["access-control-allow-origin"] == APP_ORIGIN


def test_without_an_allow_list_no_origin_gets_anything(api: Api) -> None:
    status, headers = _preflight(api, APP_ORIGIN)
    assert status == 403 and "access-control-allow-origin" not in headers
    reply = api.get(WORKFLOWS, headers={"Origin": APP_ORIGIN})
    assert "access-control-allow-origin" not in {k.lower() for k in reply.headers}
