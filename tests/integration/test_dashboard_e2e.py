"""The dashboard (web/) in a real browser: Playwright with Debian's chromium against this stack.

`make test` builds the page and installs chromium first (`make web chromium`) and sets
REQUIRE_E2E=1, so a missing build fails here instead of skipping. The browser tests themselves are
web/e2e/*.spec.ts; this test gives them the stack's URL, a user's token and the files they drop
(made here: no binary fixtures in git), and writes screenshots under web/screenshots/.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from local_stack.stack import LocalStack
from tests.conftest import token_for

WEB = Path(__file__).resolve().parents[2] / "web"
SLOW_MARK = "[[slow]]"  # notes holding this take a few seconds in PROCESSING (the pause test)
SLOW_SECONDS = 6.0
INSPECTION_LINES = (
    "Claim No: CLM-20931",
    "Cause: washing machine hose burst in the laundry.",
    "Laundry 8x6 ft, tile floor and drywall wet.",
    "Drywall, laundry wall: 38 WME.",
)

pytestmark = pytest.mark.xdist_group("dashboard")


def _missing() -> str | None:
    if not (WEB / "node_modules" / ".bin" / "playwright").exists():
        return "web/node_modules is not installed (make web)"
    if not (WEB / "dist" / "index.html").is_file():
        return "web/dist is not built (make web)"
    if _chromium() is None:
        return "chromium is not installed (make chromium)"
    return None


def _chromium() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def _write_fixtures(directory: Path) -> None:
    from docx import Document

    document = Document()
    document.add_heading("Inspection: 7 Ocean Pde", level=1)
    for line in INSPECTION_LINES:
        document.add_paragraph(line)
    document.save(str(directory / "inspection.docx"))
    _write_pdf(directory / "inspection.pdf")
    # A Windows program's first bytes: what a renamed .exe starts with.
    from PIL import Image

    Image.new("RGB", (64, 48), (180, 120, 90)).save(directory / "kitchen.png")
    program = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(512)
    (directory / "program.exe").write_bytes(program)


def _write_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for line in INSPECTION_LINES:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


@pytest.fixture
def slow_marked_notes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """PROCESSING of notes holding SLOW_MARK takes a few seconds, so the page can pause it."""
    from chalicelib.phases import processing

    real = processing.analyze_text

    def analyze(text: str, **kwargs: Any) -> Any:
        if SLOW_MARK in text:
            time.sleep(SLOW_SECONDS)
        return real(text, **kwargs)

    monkeypatch.setattr(processing, "analyze_text", analyze)
    yield


@pytest.fixture
def one_webhook_attempt(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A webhook delivery fails for good at its first failed attempt (the stack's worker runs in
    this process), so the page's 'Send again' is reached in seconds, not after 13 hours."""
    from chalicelib.settings import get_settings

    monkeypatch.setenv("WEBHOOK_MAX_ATTEMPTS", "1")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


class FlakyReceiver:
    """A webhook receiver on localhost: the first POST of each delivery is answered 503, every
    later one (a redelivery) 200."""

    def __init__(self) -> None:
        seen: set[str] = set()

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                delivery = self.headers.get("RestoreAssist-Delivery", "")
                status = 200 if delivery in seen else 503
                seen.add(delivery)
                body = b"ok" if status == 200 else b"busy, try later"
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/restoreassist"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# The people of the browser tests beside the main user: each spec of the account's pages works
# with its own, so none sees another's jobs, organisation or templates.
PEOPLE = ("team-owner", "team-member", "tpl-owner", "tpl-partner", "tpl-chooser", "hooks-admin", "analyst")


# The browser suite runs about 3 minutes on a quiet machine; the subprocess below allows 15, and
# pytest's own limit (300 s for a test) must not cut it short first on a loaded one.
@pytest.mark.timeout(900)
def test_the_dashboard_in_a_browser(
    stack: LocalStack, slow_marked_notes: None, one_webhook_attempt: None, tmp_path: Path
) -> None:
    # Given the built page served by the stack, its users, a webhook receiver, and the files the
    # tests drop
    missing = _missing()
    if missing:
        if os.environ.get("REQUIRE_E2E"):
            pytest.fail(missing)
        pytest.skip(missing)
    _write_fixtures(tmp_path)
    run = uuid.uuid4().hex[:8]
    user = f"e2e-{run}"
    _certify(stack.api_url, user)
    people = {name: {"id": f"e2e-{run}-{name}", "token": token_for(f"e2e-{run}-{name}")} for name in PEOPLE}
    receiver = FlakyReceiver()
    env = {
        **os.environ,
        "DASHBOARD_URL": stack.api_url,
        "DASHBOARD_TOKEN": token_for(user),
        "DASHBOARD_USERS": json.dumps(people),
        "DASHBOARD_WEBHOOK_URL": receiver.url,
        "DASHBOARD_FIXTURES": str(tmp_path),
        "CHROMIUM_PATH": _chromium() or "",
        "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1",
    }
    # When the browser tests run
    try:
        result = subprocess.run(
            # DASHBOARD_SPECS narrows a run to some specs (e.g. "team templates"), to work on them
            [
                str(WEB / "node_modules" / ".bin" / "playwright"),
                "test",
                *os.environ.get("DASHBOARD_SPECS", "").split(),
            ],
            cwd=WEB,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
    finally:
        receiver.close()
    # Then every one passes
    assert result.returncode == 0, f"{result.stdout[-12000:]}\n{result.stderr[-4000:]}"


def _certify(api_url: str, user: str) -> None:
    """The browser's user signs a report: signing needs a certification on file (#22)."""
    import urllib.request

    body = {"number": "123456", "categories": ["WRT"], "expiresOn": "2099-06-30"}
    request = urllib.request.Request(
        f"{api_url}/api/orchestrator/members/{user}/certification",
        data=json.dumps(body).encode(),
        method="PUT",
        headers={"Authorization": f"Bearer {token_for(user)}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
