"""The parties to the claim: read from the notes (each fact cited), the company from the user's
settings (with a checked logo), and shown on the cover and on every page of the PDF and Word
reports. ADR 0008."""

from __future__ import annotations

import base64
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from chalicelib.analysis import analyze_text, check_findings
from chalicelib.api.errors import status_of
from chalicelib.core import user_settings
from chalicelib.core.company import InvalidLogoError, LogoTooLargeError, logo_bytes
from chalicelib.core.models import UserSettingsRequest
from chalicelib.report import Report, render_docx, render_markdown, render_pdf
from tests.memory_ports import MemoryPorts
from tests.unit.test_report_insurer_job import NOTES

pytestmark = pytest.mark.unit

LETTERHEAD = """GULF COAST RESTORATION SERVICES (SA) PTY LTD
ABN 12 345 678 901
14 Port Road, Adelaide SA 5000
"""
PARTIES = """Lead tech: Dana Lee (WRT, AMRT)
Insurer: Hollard Insurance
Adjuster: Tom Baxter (Crawford & Co)
Policy no. HOM-4471223
Insured phone: 0412 345 678
"""
# The realistic AU job, with a letterhead on top and the parties after the insured's line.
JOB = LETTERHEAD + NOTES.replace("Insured: Priya Raman\n", "Insured: Priya Raman\n" + PARTIES)


def _png(width: int = 120, height: int = 60) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((4, 4, width - 5, height - 5), outline=(31, 58, 95), width=4)
    draw.ellipse((10, 10, height - 10, height - 10), fill=(52, 109, 160))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _report(notes: str = JOB, ports: MemoryPorts | None = None) -> Report:
    findings = analyze_text(notes)
    company = user_settings.company_profile(ports, "u1") if ports else None
    report = Report(
        workflow_id="wf-parties",
        title="14 Wattle Grove \u2014 dishwasher leak",
        generated_at="2026-11-16T01:00:00Z",
        findings=findings,
        qa=check_findings(findings),
        company=company,
    )
    return report.with_logo(logo_bytes(ports, company) if ports else None)


def _pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def test_the_analyzer_reads_each_party_with_its_line() -> None:
    parties = analyze_text(JOB).parties
    lines = JOB.splitlines()
    read = {
        name: (fact.value, lines[fact.source.line - 1])
        for name, fact in parties
        if fact is not None and fact.source.line is not None
    }
    assert read == {
        "company": ("GULF COAST RESTORATION SERVICES (SA) PTY LTD", lines[0]),
        "company_licence": ("ABN 12 345 678 901", lines[1]),
        "company_address": ("14 Port Road, Adelaide SA 5000", lines[2]),
        "technician": ("Dana Lee", "Lead tech: Dana Lee (WRT, AMRT)"),
        "certifications": ("WRT, AMRT", "Lead tech: Dana Lee (WRT, AMRT)"),
        "insurer": ("Hollard Insurance", "Insurer: Hollard Insurance"),
        "adjuster": ("Tom Baxter (Crawford & Co)", "Adjuster: Tom Baxter (Crawford & Co)"),
        "policy_number": ("HOM-4471223", "Policy no. HOM-4471223"),
        "insured_phone": ("0412 345 678", "Insured phone: 0412 345 678"),
    }


@pytest.mark.parametrize(
    "line",
    [
        "Policy excess $500 paid by the insured",  # no policy number
        "Insurer: TBC",  # a placeholder
        "Tech: to be confirmed",  # no name
        "DAILY DRYING LOG - HARDWOOD FLOOR",  # a title, not a company
        "Claim 123-456-789 lodged",  # a claim number is no phone
    ],
)
def test_what_only_looks_like_a_party_is_left_out(line: str) -> None:
    parties = analyze_text(f"{line}\nInsured: Ann Lee\nKitchen floor wet.").parties
    assert all(fact is None for _, fact in parties), parties


def test_two_different_insurers_leave_the_insurer_out() -> None:
    parties = analyze_text("Insurer: Allianz\nKitchen wet.\nInsurer: QBE\n").parties
    assert parties.insurer is None


def test_markdown_shows_the_parties_on_top() -> None:
    markdown = render_markdown(_report())
    top = markdown.split("## ")[0]
    for shown in (
        "GULF COAST RESTORATION SERVICES (SA) PTY LTD; ABN 12 345 678 901",
        "Dana Lee (WRT, AMRT)",
        "Hollard Insurance",
        "HOM-4471223",
        "HOL-2026-118204",
        "Tom Baxter",
        "0412 345 678",
    ):
        assert shown in top, shown


def test_pdf_shows_the_parties_on_the_cover_and_company_and_claim_on_every_page() -> None:
    pages = _pdf_pages(render_pdf(_report()))
    cover = pages[0]
    for shown in ("GULF COAST RESTORATION", "Dana Lee (WRT, AMRT)", "Hollard Insurance", "HOM-4471223"):
        assert shown in cover, shown
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert "GULF COAST RESTORATION SERVICES (SA) PTY LTD" in page, number
        assert "Claim HOL-2026-118204" in page, number
        assert f"Page {number} of {len(pages)}" in page, number


def test_word_has_the_parties_on_the_cover_and_company_and_claim_in_header_and_footer() -> None:
    import docx

    document = docx.Document(io.BytesIO(render_docx(_report())))
    cover = "\n".join(cell.text for row in document.tables[0].rows for cell in row.cells)
    for shown in ("GULF COAST RESTORATION", "Dana Lee (WRT, AMRT)", "Hollard Insurance", "HOM-4471223"):
        assert shown in cover, shown
    section = document.sections[0]
    header = "\n".join(paragraph.text for paragraph in section.header.paragraphs)
    footer = "\n".join(paragraph.text for paragraph in section.footer.paragraphs)
    assert "GULF COAST RESTORATION SERVICES (SA) PTY LTD \u00b7 Claim HOL-2026-118204" in header
    assert "Claim HOL-2026-118204" in footer and "Page" in footer
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml


def _settings_with_logo(logo: str) -> MemoryPorts:
    ports = MemoryPorts()
    request = UserSettingsRequest.model_validate(
        {
            "company": {
                "name": "Wattle Restorations Pty Ltd",
                "licence": "ABN 98 765 432 109",
                "address": "3 Dandenong Rd, Melbourne VIC 3000",
                "logo": logo,
            }
        }
    )
    user_settings.update(ports, "u1", request)
    return ports


def test_the_settings_company_and_logo_are_on_the_cover(tmp_path: Path) -> None:
    # Given the user's company with a logo sent as a data: URL
    ports = _settings_with_logo("data:image/png;base64," + base64.b64encode(_png()).decode())
    company = user_settings.company_profile(ports, "u1")
    assert company is not None and company.logo is not None
    assert company.logo.content_type == "image/png" and (company.logo.width, company.logo.height) == (120, 60)
    # When the report is rendered with it
    report = _report(ports=ports)
    data = render_pdf(report)
    # Then the settings' company (not the letterhead's) heads the cover and every page
    pages = _pdf_pages(data)
    assert "Wattle Restorations Pty Ltd; ABN 98 765 432 109" in pages[0]
    assert all("Wattle Restorations Pty Ltd \u00b7 Claim HOL-2026-118204" in page for page in pages)
    # And the logo is drawn on the cover, and in the Word file
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(data)).pages[0].images) == 1
    import docx

    assert len(docx.Document(io.BytesIO(render_docx(report))).inline_shapes) == 1
    assert "Wattle Restorations Pty Ltd" in render_markdown(report).split("## ")[0]
    if shutil.which("pdftoppm"):  # for a person to look at: pytest --basetemp=...
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-", str(tmp_path / "page")], input=data, check=True)


@pytest.mark.parametrize(
    ("logo", "error", "code", "status"),
    [
        (base64.b64encode(b"GIF89a not a logo").decode(), InvalidLogoError, "INVALID_LOGO", 400),
        ("not base64 at all!", InvalidLogoError, "INVALID_LOGO", 400),
        (base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 64).decode(), InvalidLogoError, "INVALID_LOGO", 400),
        (base64.b64encode(_png(4000, 20)).decode(), InvalidLogoError, "INVALID_LOGO", 400),
        (
            base64.b64encode(b"\xff\xd8\xff" + b"\0" * (600 * 1024)).decode(),
            LogoTooLargeError,
            "LOGO_TOO_LARGE",
            413,
        ),
    ],
)
def test_a_bad_logo_is_refused_with_its_own_code_and_nothing_is_written(
    logo: str, error: type[Exception], code: str, status: int
) -> None:
    ports = MemoryPorts()
    request = UserSettingsRequest.model_validate({"company": {"name": "Wattle", "logo": logo}})
    with pytest.raises(error) as raised:
        user_settings.update(ports, "u1", request)
    assert raised.value.code == code  # type: ignore[attr-defined]
    assert status_of(raised.value) == status  # type: ignore[arg-type]
    assert ports.blobs.documents == {}
    assert ports.user_settings.get("u1") is None


def test_changing_the_company_name_keeps_its_logo() -> None:
    ports = _settings_with_logo(base64.b64encode(_png()).decode())
    user_settings.update(ports, "u1", UserSettingsRequest.model_validate({"company": {"name": "New Name"}}))
    company = user_settings.company_profile(ports, "u1")
    assert company is not None and company.name == "New Name" and company.logo is not None
    user_settings.update(ports, "u1", UserSettingsRequest.model_validate({"company": {"logo": None}}))
    company = user_settings.company_profile(ports, "u1")
    assert company is not None and company.logo is None and company.licence == "ABN 98 765 432 109"


def test_a_letterhead_line_with_the_abn_gives_the_street_as_the_company_address() -> None:
    # Given a letterhead whose address line also carries the ABN
    parties = analyze_text(
        "CROYDON RESTORATIONS PTY LTD\n14 Port Road, Adelaide SA 5000  ABN 12 345 678 901\nKitchen wet.\n"
    ).parties
    # Then the address is the street and town alone, and the ABN is the licence
    address = parties.company_address
    assert address is not None and address.value == "14 Port Road, Adelaide SA 5000"
    assert parties.company_licence is not None and parties.company_licence.value == "ABN 12 345 678 901"
