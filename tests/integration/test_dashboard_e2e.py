"""The dashboard (web/) in a real browser: Playwright with Debian's chromium against this stack.

`make test` builds the page and installs chromium first (`make web chromium`) and sets
REQUIRE_E2E=1, so a missing build fails here instead of skipping. The browser tests themselves are
web/e2e/*.spec.ts; this test gives them the stack's URL, a user's token and the files they drop
(made here: no binary fixtures in git), and writes screenshots under web/screenshots/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
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

    def analyze(text: str) -> Any:
        if SLOW_MARK in text:
            time.sleep(SLOW_SECONDS)
        return real(text)

    monkeypatch.setattr(processing, "analyze_text", analyze)
    yield


def test_the_dashboard_in_a_browser(stack: LocalStack, slow_marked_notes: None, tmp_path: Path) -> None:
    # Given the built page served by the stack, a user, and the files the tests drop
    missing = _missing()
    if missing:
        if os.environ.get("REQUIRE_E2E"):
            pytest.fail(missing)
        pytest.skip(missing)
    _write_fixtures(tmp_path)
    user = f"e2e-{uuid.uuid4().hex[:8]}"
    _certify(stack.api_url, user)
    env = {
        **os.environ,
        "DASHBOARD_URL": stack.api_url,
        "DASHBOARD_TOKEN": token_for(user),
        "DASHBOARD_FIXTURES": str(tmp_path),
        "CHROMIUM_PATH": _chromium() or "",
        "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1",
    }
    # When the browser tests run
    result = subprocess.run(
        [str(WEB / "node_modules" / ".bin" / "playwright"), "test"],
        cwd=WEB,
        env=env,
        capture_output=True,
        text=True,
        timeout=420,
    )
    # Then every one passes
    assert result.returncode == 0, f"{result.stdout[-12000:]}\n{result.stderr[-4000:]}"


def _certify(api_url: str, user: str) -> None:
    """The browser's user signs a report: signing needs a certification on file (#22)."""
    import json
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
