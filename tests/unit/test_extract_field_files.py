"""Files as they come from the field (#20): forms, headers and text boxes read and marked; odd but
sound files read; refusals that name what a file really is; garbage text sent to OCR, not analysed."""

from __future__ import annotations

import re
import time
from unittest import mock

import pytest

from chalicelib.analysis import DamageType, analyze_text
from chalicelib.extract import (
    DocumentKind,
    DocumentRejectedError,
    ExtractLimits,
    NeedsOcrError,
    RejectionCode,
    extract_document,
)
from tests import documents
from tests import field_documents as field
from tests.field_documents import para, run

PDF, DOCX = DocumentKind.PDF, DocumentKind.DOCX


def rejected(
    data: bytes, expected: DocumentKind, limits: ExtractLimits | None = None
) -> DocumentRejectedError:
    with pytest.raises(DocumentRejectedError) as caught:
        extract_document(data, expected, limits or ExtractLimits())
    return caught.value


# --- PDF forms -------------------------------------------------------------------------------


def test_filled_pdf_form_fields_become_labelled_lines_in_reading_order() -> None:
    # Given a form page whose fields are filled: a text field named by its tooltip, one by its
    # name, a checked and an unchecked checkbox, a radio group, a list choice, an empty field
    # and a push button (listed out of reading order)
    widgets = [
        {
            "/FT": "/Btn",
            "/T": "urgent",
            "/TU": "Urgent",
            "/V": "/Yes",
            "/AS": "/Yes",
            "/Rect": field.rect(50, 640, 60, 650),
        },
        {"/FT": "/Tx", "/T": "claim_number", "/V": "CLM-88213", "/Rect": field.rect(50, 700, 300, 715)},
        {
            "/FT": "/Btn",
            "/T": "routine",
            "/TU": "Routine",
            "/V": "/Off",
            "/AS": "/Off",
            "/Rect": field.rect(200, 640, 210, 650),
        },
        {
            "/FT": "/Tx",
            "/T": "insured",
            "/TU": "Insured name",
            "/V": "Priya Patel",
            "/Rect": field.rect(50, 680, 300, 695),
        },
        {
            "/FT": "/Btn",
            "/T": "category",
            "/Ff": 1 << 15,
            "/V": "/2",
            "/Kids": [
                {"/AS": "/Off", "/Rect": field.rect(50, 600, 60, 610)},
                {"/AS": "/2", "/Rect": field.rect(100, 600, 110, 610)},
            ],
        },
        {"/FT": "/Ch", "/T": "LossType", "/V": "Water", "/Rect": field.rect(50, 620, 300, 630)},
        {"/FT": "/Tx", "/T": "notes", "/V": "", "/Rect": field.rect(50, 560, 300, 570)},
        {"/FT": "/Btn", "/T": "submit", "/Ff": 1 << 16, "/Rect": field.rect(50, 500, 100, 520)},
    ]
    data = field.make_pdf_form("INSPECTION FORM\nClaim number:\nInsured:", widgets)
    # When it is extracted
    document = extract_document(data, PDF)
    # Then the page's own text comes first, then each field with a value, marked, top to bottom
    assert document.text().split("\n") == [
        "INSPECTION FORM",
        "Claim number:",
        "Insured:",
        "[Form field] Claim number: CLM-88213",
        "[Form field] Insured name: Priya Patel",
        "[Form field] \u2612 Urgent",
        "[Form field] \u2610 Routine",
        "[Form field] Loss Type: Water",
        "[Form field] Category: 2",
    ]


# --- Word forms, headers, text boxes, notes ----------------------------------------------------


def word_form() -> bytes:
    body = (
        para(
            run("Loss type: "),
            field.checkbox_control(True),
            run(" Water "),
            field.checkbox_control(False),
            run(" Fire"),
        )
        + para(
            run("Urgency: "),
            field.legacy_checkbox(True),
            run(" Urgent "),
            field.legacy_checkbox(False, default=False),
            run(" Routine"),
        )
        + para(
            run("Category: "),
            field.dropdown_control(["Category 1", "Category 2", "Category 3"], "Category 2"),
        )
        + para(run("Water source: "), field.legacy_dropdown(["Clean", "Grey", "Black"], 1))
        + para(run("Insured: "), field.legacy_text("Priya Patel"))
        + para(run("Date of loss: "), field.placeholder_control())
        + para(run("Site sketch"), field.text_box("Kitchen 12 x 14 ft, vinyl floor wet"))
        + para(run("Meter used"), '<w:r><w:footnoteReference w:id="1"/></w:r>')
    )
    return field.make_word_package(
        body,
        header=para(run("Claim number: CLM-88213")),
        footer=para(run("Acme Restorations Pty Ltd")),
        footnotes=["Protimeter Surveymaster, wood scale."],
    )


def test_word_form_controls_header_text_box_footer_and_footnote_are_read_in_order() -> None:
    # Given a Word form: checkbox content controls (their glyphs as Word writes them), legacy
    # checkboxes, a dropdown control, a legacy dropdown and text field, a control still showing
    # its placeholder, a text box (with its VML fallback copy), a footnote, a header and a footer
    # When it is extracted
    document = extract_document(word_form(), DOCX)
    # Then each is read once, checkboxes with their state, and every line not from the body
    # says where it came from
    assert document.text().split("\n") == [
        "[Header] Claim number: CLM-88213",
        "Loss type: \u2612 Water \u2610 Fire",
        "Urgency: \u2612 Urgent \u2610 Routine",
        "Category: Category 2",
        "Water source: Grey",
        "Insured: Priya Patel",
        "Date of loss:",
        "Site sketch",
        "[Text box] Kitchen 12 x 14 ft, vinyl floor wet",
        "Meter used",
        "[Footnote] Protimeter Surveymaster, wood scale.",
        "[Footer] Acme Restorations Pty Ltd",
    ]


def test_checkbox_state_comes_from_the_control_not_the_glyph_it_shows() -> None:
    # Given a checkbox control marked checked whose content still shows the empty box
    control = field.checkbox_control(True).replace("\u2612", "\u2610")
    data = field.make_word_package(para(run("Urgent: "), control))
    # When it is extracted / Then it is checked
    assert extract_document(data, DOCX).text() == "Urgent: \u2612"


def test_analyzer_reads_the_claim_number_in_a_header_and_the_checked_box_only() -> None:
    # Given the Word form's text, as the pipeline hands it to the analysis
    text = extract_document(word_form(), DOCX).text()
    # When the offline analyzer reads it
    findings = analyze_text(text)
    # Then the claim number comes from the header line, cited as written, and the loss type
    # from the checked box: the unchecked "Fire" is not evidence of a fire
    assert findings.job.claim_number is not None
    assert findings.job.claim_number.value == "CLM-88213"
    assert findings.job.claim_number.source.text == "[Header] Claim number: CLM-88213"
    assert findings.damage_type is DamageType.WATER


def test_text_only_in_a_text_box_is_read_but_a_header_alone_is_no_document() -> None:
    # Given a document whose only text is in a text box, and one whose only text is a header
    boxed = field.make_word_package(para(field.text_box("Hallway carpet saturated")))
    header_only = field.make_word_package(para(), header=para(run("Acme Restorations")))
    # When each is extracted / Then the text box is the text; the letterhead alone is DOCX_NO_TEXT
    assert extract_document(boxed, DOCX).text() == "[Text box] Hallway carpet saturated"
    assert rejected(header_only, DOCX).code == RejectionCode.DOCX_NO_TEXT


# --- Word packages: Strict, templates, other files ----------------------------------------------


@pytest.mark.parametrize(("strict", "template"), [(True, False), (False, True)], ids=["strict", "dotx"])
def test_strict_ooxml_and_templates_are_read(strict: bool, template: bool) -> None:
    # Given a Strict OOXML document, and a .dotx template (another main content type)
    data = field.make_word_package(
        para(run("Kitchen 12 x 14 ft, vinyl floor wet.")),
        header=para(run("Claim: CLM-7")),
        strict=strict,
        template=template,
    )
    # When each is extracted / Then it is read like any .docx
    assert extract_document(data, DOCX).text().split("\n") == [
        "[Header] Claim: CLM-7",
        "Kitchen 12 x 14 ft, vinyl floor wet.",
    ]


def test_docx_with_a_highly_compressible_metafile_is_read_but_a_bomb_is_not() -> None:
    # Given a normal report carrying a 2 MiB EMF that compresses ~130:1, and one whose "image"
    # is 16 MiB of zeros (~1000:1, a zip bomb under an image's name)
    emf = field.emf_like()
    normal = field.with_member(documents.make_docx(["Photos attached."]), "word/media/image1.emf", emf)
    # When each is extracted / Then the metafile passes and the bomb is still refused
    assert extract_document(normal, DOCX).text() == "Photos attached."
    assert (
        rejected(documents.make_zip_bomb(member="word/media/image1.emf"), DOCX).code
        == RejectionCode.DOCX_ZIP_BOMB
    )


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (field.XLSX, "an Excel workbook (.xlsx)"),
        (field.PPTX, "a PowerPoint presentation (.pptx)"),
        (field.ODT, "an OpenDocument text file (.odt)"),
        (documents._ole2("Workbook", "\x05SummaryInformation"), "an older Excel workbook (.xls)"),
        (
            documents._ole2("__substg1.0_0037001F", "__properties_version1.0"),
            "an Outlook email message (.msg)",
        ),
    ],
    ids=["xlsx", "pptx", "odt", "xls", "msg"],
)
@pytest.mark.parametrize("expected", [DOCX, PDF])
def test_other_office_files_are_named_in_the_refusal(data: bytes, named: str, expected: DocumentKind) -> None:
    # Given another Office (or OpenDocument) file, uploaded as Word or as PDF / When it is extracted
    error = rejected(data, expected)
    # Then it is an unsupported type, and the message says what the file is
    assert error.code == RejectionCode.UNSUPPORTED_FILE_TYPE
    assert named in error.message
    assert "Word document" not in error.message.split(",")[0]


def test_encrypted_office_container_is_not_called_a_word_document() -> None:
    # Given an encrypted Office 2007+ file (an OLE2 container: the type inside cannot be known)
    error = rejected(documents.ENCRYPTED_DOCX_BYTES, DOCX)
    # Then it is DOCX_ENCRYPTED, and the message says it may be Word, Excel or PowerPoint
    assert error.code == RejectionCode.DOCX_ENCRYPTED
    assert "password-protected Office document (Word, Excel or PowerPoint)" in error.message


# --- PDF: padding, damaged pages, work budget ------------------------------------------------


@pytest.mark.parametrize("padding", [bytes(20_000), b"\r\n" + b" " * 3000, b"\x00\xff" * 700 + b"junk"])
def test_padding_after_the_end_of_a_pdf_is_tolerated(padding: bytes) -> None:
    # Given a complete PDF followed by zeros (a browser-download artefact), spaces, or noise
    data = documents.make_pdf(["Kitchen 12 x 14 ft.", "Hallway carpet wet."]) + padding
    # When it is extracted / Then both pages are read
    assert extract_document(data, PDF).text() == "Kitchen 12 x 14 ft.\nHallway carpet wet."


def test_an_update_cut_short_after_the_last_complete_revision_is_still_refused() -> None:
    # Given a complete PDF followed by the start of an incremental update, cut off
    data = (
        documents.make_pdf(["Kitchen"])
        + b"\n5 0 obj\n<< /Type /Page /Contents 6 0 R >>\nendobj\n6 0 obj\n<< /Len"
    )
    # When it is extracted / Then it is PDF_CORRUPT (more PDF follows: not padding)
    assert rejected(data, PDF).code == RejectionCode.PDF_CORRUPT


def test_a_damaged_page_is_left_out_with_a_warning_and_the_others_are_read() -> None:
    # Given a 3-page PDF whose second page's content cannot be read
    data = field.pdf_with_damaged_page(["Kitchen 12 x 14 ft.", "Hallway carpet wet.", "Drywall 32% MC."], 2)
    # When it is extracted
    with documents.quiet_pypdf():
        document = extract_document(data, PDF)
    # Then pages 1 and 3 are read, page 2 keeps its place empty, and a warning names it
    assert [(page.page, page.text) for page in document.pages] == [
        (1, "Kitchen 12 x 14 ft."),
        (2, ""),
        (3, "Drywall 32% MC."),
    ]
    assert len(document.warnings) == 1
    assert "Page 2" in document.warnings[0] and "left out" in document.warnings[0]


def test_pages_a_damaged_page_tree_does_not_list_are_warned_of() -> None:
    # Given a 3-page PDF whose page tree was damaged so that it lists only the first two pages
    data = documents.make_pdf(["Kitchen 12 x 14 ft.", "Hallway carpet wet.", "Drywall 32% MC."])
    tree = re.search(rb"/Count 3(\s*)/Kids \[(\d+ 0 R)(\s+)(\d+ 0 R)(\s+)(\d+ 0 R)\]", data)
    assert tree is not None
    kept = b"/Count 2" + tree.group(1) + b"/Kids [" + tree.group(2) + tree.group(3) + tree.group(4)
    damaged = data.replace(tree.group(0), kept.ljust(len(tree.group(0)) - 1) + b"]")  # offsets unchanged
    # When it is extracted
    with documents.quiet_pypdf():
        document = extract_document(damaged, PDF)
    # Then the pages it lists are read, and a warning says one more could not be
    assert [page.text for page in document.pages] == ["Kitchen 12 x 14 ft.", "Hallway carpet wet."]
    assert len(document.warnings) == 1 and "3 pages" in document.warnings[0]
    # And an undamaged file has no such warning
    assert not extract_document(data, PDF).warnings


def test_the_outcome_does_not_depend_on_wall_clock_time() -> None:
    # Given a 30-page report and a machine so busy that each look at the clock finds 100 s gone
    data = documents.make_pdf(documents.make_report_pages(30, 40))
    clock = iter(range(0, 10**9, 100))
    # When it is extracted under the default budget
    with mock.patch.object(time, "monotonic", side_effect=lambda: float(next(clock))):
        document = extract_document(data, PDF)
    # Then it is read in full: the budget counts CPU time, not time passing
    assert len(document.pages) == 30


# --- Text sanity -----------------------------------------------------------------------------


def test_lone_surrogates_from_a_broken_font_map_are_replaced() -> None:
    # Given a PDF whose font maps two letters to lone UTF-16 surrogates
    data = field.pdf_with_surrogates("Claim ABC-123 water in Kitchen")
    # When it is extracted
    text = extract_document(data, PDF).text()
    # Then they are replacement characters, and the text encodes as UTF-8
    assert text == "Claim \ufffdBC-123 water in \ufffditchen"
    assert text.encode("utf-8")


@pytest.mark.parametrize(
    "garbage",
    [field.GLYPH_NAMES_PAGE, field.CID_PAGE, field.caesar(field.INSPECTION_PAGE)],
    ids=["glyph-names", "cid-codes", "shifted-letters"],
)
def test_pdf_whose_text_is_garbage_needs_ocr_and_is_not_analysed(garbage: str) -> None:
    # Given a PDF whose only page extracts as glyph names, (cid:NN) codes, or shifted letters
    data = documents.make_pdf([garbage])
    # When it is extracted
    error = rejected(data, PDF)
    # Then it is refused as unreadable, as the kind an OCR engine takes (with the pages to read)
    assert error.code == RejectionCode.PDF_TEXT_UNREADABLE
    assert isinstance(error, NeedsOcrError)
    assert error.pages == (1,)
    assert "scan" in error.message


def test_a_garbage_page_among_readable_ones_is_left_out_and_listed_for_ocr() -> None:
    # Given a readable page, a glyph-name page, and an image-only (blank) page
    data = documents.make_pdf([field.INSPECTION_PAGE, field.GLYPH_NAMES_PAGE, ""])
    # When it is extracted
    document = extract_document(data, PDF)
    # Then the readable page is the text, the garbage page is empty with a warning, and both
    # pages without usable text are listed for OCR
    assert document.text() == field.INSPECTION_PAGE + "\n\n"
    assert document.ocr_pages == (2, 3)
    assert len(document.warnings) == 1 and "page 2" in document.warnings[0]


def test_scanned_pdf_is_a_needs_ocr_refusal() -> None:
    # Given an image-only PDF / When it is extracted / Then PDF_NO_TEXT, as the OCR kind, all pages
    error = rejected(documents.make_image_only_pdf(2), PDF)
    assert error.code == RejectionCode.PDF_NO_TEXT
    assert isinstance(error, NeedsOcrError)
    assert error.pages == (1, 2)


def test_readable_reports_are_never_judged_garbage() -> None:
    # Given every text note of the development corpus, each as a PDF page of 40 lines
    from pathlib import Path

    from chalicelib.extract.text_quality import unreadable_reason

    root = Path(__file__).resolve().parents[2] / "samples"
    checked = 0
    for path in sorted(root.rglob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for start in range(0, len(lines), 40):
            # Then none is called unreadable
            assert unreadable_reason("\n".join(lines[start : start + 40])) is None, (path, start)
            checked += 1
    assert checked > 100


def test_a_claim_number_in_a_header_table_is_read_whole() -> None:
    # Given a letterhead whose claim number sits in a table: label cell, value cell
    table = (
        "<w:tbl><w:tr><w:tc>"
        + para(run("Claim No:"))
        + "</w:tc><w:tc>"
        + para(run("CLM-4410"))
        + "</w:tc></w:tr></w:tbl>"
    )
    data = field.make_word_package(para(run("Kitchen carpet wet.")), header=table)
    # When it is extracted and analysed
    text = extract_document(data, DOCX).text()
    findings = analyze_text(text)
    # Then the row is one marked line, and the claim number is the value cell, whole
    assert text.split("\n")[0] == "[Header] Claim No: | CLM-4410"
    assert findings.job.claim_number is not None
    assert findings.job.claim_number.value == "CLM-4410"
