"""The dashboard as the local gateway serves it (local_stack/web.py), on a page built in a temp dir."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from local_stack.web import WebPage


@pytest.fixture
def page(tmp_path: Path) -> WebPage:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>RestoreAssist</title>")
    (dist / "assets" / "index-abc.js").write_text("console.log(1)")
    (tmp_path / "secret.txt").write_text("not the page's")
    return WebPage({"websocketUrl": "ws://127.0.0.1:8001", "auth": {"mode": "dev"}}, dist)


def test_api_paths_stay_the_apis(page: WebPage) -> None:
    # Given the API's paths and the page's, Then only GET/HEAD outside /api/ is the page's
    assert not page.owns("GET", "/api/orchestrator/workflows")
    assert not page.owns("GET", "/api/orchestrator/no-such-thing?x=1")
    assert not page.owns("GET", "/api")
    assert not page.owns("POST", "/")
    assert page.owns("GET", "/") and page.owns("HEAD", "/config.json") and page.owns("GET", "/apiary")


def test_config_json_names_the_websocket_url(page: WebPage) -> None:
    status, headers, body = page.answer("/config.json")
    assert status == 200 and headers["Cache-Control"] == "no-store"
    assert json.loads(body)["websocketUrl"] == "ws://127.0.0.1:8001"


def test_files_and_the_index(page: WebPage) -> None:
    # When the page, an asset, a route of the page and a missing file are asked for
    assert page.answer("/")[2].startswith(b"<!doctype html>")
    status, headers, _ = page.answer("/assets/index-abc.js")
    assert status == 200 and "javascript" in headers["Content-Type"]
    assert "immutable" in headers["Cache-Control"]
    assert page.answer("/workflows/wf_1")[2].startswith(b"<!doctype html>")  # the page routes it
    assert page.answer("/assets/missing.js")[0] == 404


def test_nothing_outside_the_build_is_served(page: WebPage) -> None:
    for path in ("/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt"):
        status, _, body = page.answer(path)
        assert b"not the page's" not in body, path
        assert status in (200, 404)


def test_an_unbuilt_page_says_how_to_build_it(tmp_path: Path) -> None:
    status, _, body = WebPage({}, tmp_path / "nothing").answer("/")
    assert status == 503 and b"make run" in body
