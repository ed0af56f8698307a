"""Uploaded PDFs and Word documents: every bad file is refused with its own code, good ones read in order."""

from __future__ import annotations

import logging
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Literal
from unittest import mock

import pytest

from chalicelib.extract import (
    DocumentKind,
    DocumentRejectedError,
    ExtractedDocument,
    ExtractLimits,
    PageText,
    RejectionCode,
    extract_document,
)
from chalicelib.extract.errors import DEFAULT_MESSAGES
from chalicelib.extract.pages import clean_text
from tests import documents

PDF, DOCX = DocumentKind.PDF, DocumentKind.DOCX
ROOT = Path(__file__).resolve().parents[2]


def rejected(
    data: bytes, expected: DocumentKind, limits: ExtractLimits | None = None
) -> DocumentRejectedError:
    with pytest.raises(DocumentRejectedError) as caught:
        if limits is None:
            extract_document(data, expected)
        else:
            extract_document(data, expected, limits)
    error = caught.value
    assert error.message.strip(), "every refusal carries a message for the user"
    return error


# --- PDF: what is read ---------------------------------------------------------------------


def test_three_page_pdf_keeps_page_numbers_and_maps_each_line_to_its_page() -> None:
    # Given a 3-page report with 2, 1 and 3 lines of text
    pages = [
        "Cause: burst flexi hose under kitchen sink.\nKitchen 12 x 14 ft, vinyl floor wet.",
        "Hallway 3.5 x 1.2 m, carpet saturated.",
        "Drywall north wall 32%MC\nCarpet MC 40%\nOutside RH 65%, GPP 78",
    ]
    # When it is extracted
    document = extract_document(documents.make_pdf(pages), PDF)
    # Then each page keeps its number and text, and each line of text() knows its page
    assert document.kind is DocumentKind.PDF
    assert document.has_page_numbers
    assert [page.page for page in document.pages] == [1, 2, 3]
    assert [page.text for page in document.pages] == pages
    lines = document.text().split("\n")
    assert lines == [line for page in pages for line in page.split("\n")]
    assert document.line_pages() == [1, 1, 2, 3, 3, 3]
    assert lines[document.line_pages().index(3)] == "Drywall north wall 32%MC"


def test_a_page_without_text_keeps_its_place_and_number() -> None:
    # Given a report whose second page has no text (a photo page, say)
    data = documents.make_pdf(["Kitchen 12 x 14 ft.", "", "Laundry 2.4 x 1.8 m."])
    # When it is extracted
    document = extract_document(data, PDF)
    # Then the empty page is still page 2, one empty line long, and page 3 stays page 3
    assert document.pages == [
        PageText(1, "Kitchen 12 x 14 ft."),
        PageText(2, ""),
        PageText(3, "Laundry 2.4 x 1.8 m."),
    ]
    assert document.text() == "Kitchen 12 x 14 ft.\n\nLaundry 2.4 x 1.8 m."
    assert document.line_pages() == [1, 2, 3]


def test_hundred_page_pdf_is_read_completely() -> None:
    # Given a 100-page report of 40 lines a page
    pages = documents.make_report_pages(100)
    # When it is extracted
    document = extract_document(documents.make_pdf(pages), PDF)
    # Then every page and line is there, and the last line is cited on page 100
    assert len(document.pages) == 100
    assert len(document.line_pages()) == 4000
    assert document.text().split("\n")[-1].startswith("p100 l40:")
    assert document.line_pages()[-1] == 100


def test_pdf_with_wrong_xref_offset_is_repaired_not_refused(caplog: pytest.LogCaptureFixture) -> None:
    # Given a complete PDF whose startxref offset is wrong (common in the wild; pypdf logs a repair)
    data = documents.pdf_with_wrong_startxref()
    # When it is extracted
    with caplog.at_level(logging.WARNING, logger="pypdf"):
        document = extract_document(data, PDF)
    # Then the logged warnings do no harm and all three pages are read
    assert len(document.pages) == 3
    assert any(record.name.startswith("pypdf") for record in caplog.records)


def test_pdf_with_only_an_owner_password_opens_without_one() -> None:
    # Given a PDF with print/copy restrictions but no password needed to open it
    data = documents.make_encrypted_pdf(["Kitchen 12 x 14 ft."], user_password=None, method="RC4")
    # When it is extracted
    document = extract_document(data, PDF)
    # Then its text is read
    assert document.text() == "Kitchen 12 x 14 ft."


def test_pdf_at_the_page_limit_is_accepted() -> None:
    # Given a 3-page PDF and a limit of 3 pages
    data = documents.make_pdf(["a", "b", "c"])
    # When it is extracted
    document = extract_document(data, PDF, ExtractLimits(max_pdf_pages=3))
    # Then it is read
    assert len(document.pages) == 3


# --- PDF: what is refused ------------------------------------------------------------------


@pytest.mark.parametrize("method", ["RC4", "AES_128", "AES_256"])
def test_password_protected_pdf_is_refused(method: Literal["RC4", "AES_128", "AES_256"]) -> None:
    # Given a PDF that needs a password to open
    data = documents.make_encrypted_pdf(user_password="secret", method=method)
    # When it is extracted
    error = rejected(data, PDF)
    # Then it is PDF_ENCRYPTED, and the user is told to remove the password
    assert error.code == RejectionCode.PDF_ENCRYPTED == "PDF_ENCRYPTED"
    assert error.message == "This PDF is password-protected. Remove the password and upload it again."


@pytest.mark.parametrize("keep", [0.05, 0.5, 0.9, 0.995])
def test_truncated_pdf_is_refused_not_half_read(keep: float) -> None:
    # Given the first part of a 3-page PDF, as when an upload is cut short
    data = documents.truncated_pdf(documents.make_pdf(documents.make_report_pages(3)), keep=keep)
    # When it is extracted
    error = rejected(data, PDF)
    # Then it is PDF_CORRUPT (no page is returned half-read) and the user is told it is incomplete
    assert error.code == RejectionCode.PDF_CORRUPT
    assert "incomplete" in error.message


def test_pdf_without_xref_and_trailer_is_refused() -> None:
    # Given a PDF whose cross-reference table, trailer and startxref are missing, though it ends in %%EOF
    data = documents.pdf_without_xref()
    # When it is extracted
    error = rejected(data, PDF)
    # Then it is PDF_CORRUPT
    assert error.code == RejectionCode.PDF_CORRUPT


def test_pdf_header_with_unparseable_body_is_refused() -> None:
    # Given a file that starts and ends like a PDF but has noise in between
    data = b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\nstartxref\n9\n%%EOF\n"
    # When it is extracted
    error = rejected(data, PDF)
    # Then it is PDF_CORRUPT, with the parser's complaint kept for the logs only
    assert error.code == RejectionCode.PDF_CORRUPT
    assert error.detail
    assert error.detail not in error.message


def test_image_only_pdf_is_refused_as_no_text() -> None:
    # Given a scanned report: every page a picture, no text layer
    data = documents.make_image_only_pdf(3)
    # When it is extracted
    error = rejected(data, PDF)
    # Then it is PDF_NO_TEXT, and the message says scans (OCR) are not supported
    assert error.code == RejectionCode.PDF_NO_TEXT
    assert "OCR" in error.message
    assert "scan" in error.message


def test_pdf_over_the_page_limit_is_refused() -> None:
    # Given a 3-page PDF and a limit of 2 pages
    data = documents.make_pdf(["a", "b", "c"])
    # When it is extracted
    error = rejected(data, PDF, ExtractLimits(max_pdf_pages=2))
    # Then it is PDF_TOO_MANY_PAGES, with both numbers in the message
    assert error.code == RejectionCode.PDF_TOO_MANY_PAGES
    assert "3 pages" in error.message
    assert "limit is 2" in error.message


def test_default_limits_match_the_contract() -> None:
    # Given the default limits / Then they are the agreed values
    assert ExtractLimits() == ExtractLimits(
        max_bytes=25 * 1024 * 1024,
        max_pdf_pages=500,
        max_docx_uncompressed_bytes=200 * 1024 * 1024,
        max_docx_compression_ratio=100.0,
        max_docx_media_compression_ratio=500.0,
        max_chars=2_000_000,
        max_pdf_cpu_seconds=20,
    )


# --- Any file ------------------------------------------------------------------------------


@pytest.mark.parametrize("expected", [PDF, DOCX])
def test_empty_file_is_refused(expected: DocumentKind) -> None:
    # Given an upload of zero bytes / When it is extracted / Then it is EMPTY_FILE
    assert rejected(b"", expected).code == RejectionCode.EMPTY_FILE


def test_file_over_the_byte_limit_is_refused_before_parsing() -> None:
    # Given a PDF one byte over a limit, and one exactly at it
    data = documents.make_pdf(["Kitchen 12 x 14 ft."])
    # When each is extracted
    error = rejected(data, PDF, ExtractLimits(max_bytes=len(data) - 1))
    document = extract_document(data, PDF, ExtractLimits(max_bytes=len(data)))
    # Then the larger is FILE_TOO_LARGE and the other is read
    assert error.code == RejectionCode.FILE_TOO_LARGE
    assert "limit" in error.message
    assert document.text() == "Kitchen 12 x 14 ft."


def test_renamed_exe_declared_as_pdf_is_unsupported() -> None:
    # Given a Windows program renamed report.pdf and declared as a PDF
    # When it is extracted
    error = rejected(documents.EXE_BYTES, PDF)
    # Then the type comes from the bytes: UNSUPPORTED_FILE_TYPE, naming what it really is
    assert error.code == RejectionCode.UNSUPPORTED_FILE_TYPE
    assert "Windows program" in error.message


@pytest.mark.parametrize(
    ("head", "described_as"),
    [
        (b"MZ\x90\x00", "Windows program"),
        (b"\x7fELF\x02\x01\x01", "a program"),
        (b"\xcf\xfa\xed\xfe\x07\x00", "a program (Mach-O)"),
        (b"#!/bin/sh\n", "a script"),
    ],
    ids=["exe", "elf", "mach-o", "shebang"],
)
def test_a_program_with_a_pdf_inside_its_first_kilobyte_is_refused(head: bytes, described_as: str) -> None:
    # Given a program whose first kilobyte also holds a PDF header and a whole small PDF after it
    data = head + b"\x00" * 200 + documents.make_pdf(["Kitchen carpet wet"])
    # Then it is refused for what it begins as, whatever follows
    error = rejected(data, PDF)
    assert error.code == RejectionCode.UNSUPPORTED_FILE_TYPE
    assert described_as in error.message


@pytest.mark.parametrize(
    ("data", "expected", "described_as"),
    [
        (documents.PNG_BYTES, PDF, "image (PNG)"),
        (documents.PLAIN_TEXT_BYTES, PDF, "plain text"),
        (documents.PLAIN_TEXT_BYTES, DOCX, "plain text"),
        (documents.RTF_BYTES, DOCX, "Rich Text"),
        (documents.make_not_word_zip(), PDF, "ZIP archive"),
        (bytes(range(256)) * 4, DOCX, "not a PDF or a Word document"),
        (b"\x00", PDF, "not a PDF or a Word document"),
    ],
    ids=["png", "text-as-pdf", "text-as-word", "rtf", "zip-as-pdf", "random", "one-byte"],
)
def test_files_that_are_neither_pdf_nor_docx_are_unsupported(
    data: bytes, expected: DocumentKind, described_as: str
) -> None:
    # Given a file that is not a PDF or a Word document / When it is extracted
    error = rejected(data, expected)
    # Then it is UNSUPPORTED_FILE_TYPE, and the message says what it looks like
    assert error.code == RejectionCode.UNSUPPORTED_FILE_TYPE
    assert described_as in error.message


def test_real_pdf_declared_as_word_is_a_type_mismatch() -> None:
    # Given a genuine PDF the user declared as a Word document / When it is extracted
    error = rejected(documents.make_pdf(["Kitchen"]), DOCX)
    # Then it is TYPE_MISMATCH, telling the user to choose PDF
    assert error.code == RejectionCode.TYPE_MISMATCH
    assert "is a PDF" in error.message


def test_real_docx_declared_as_pdf_is_a_type_mismatch() -> None:
    # Given a genuine .docx the user declared as a PDF / When it is extracted
    error = rejected(documents.make_docx(["Kitchen"]), PDF)
    # Then it is TYPE_MISMATCH, telling the user it is a Word document
    assert error.code == RejectionCode.TYPE_MISMATCH
    assert "is a Word document" in error.message


def test_pdf_with_junk_before_its_header_is_still_a_pdf() -> None:
    # Given a PDF with a few bytes of junk before %PDF- (viewers accept up to 1024)
    data = b"\r\n\r\n" + documents.make_pdf(["Kitchen 12 x 14 ft."])
    # When it is extracted declared as Word / Then it is recognised as a PDF
    assert rejected(data, DOCX).code == RejectionCode.TYPE_MISMATCH


@pytest.mark.parametrize("kind", [PDF, DOCX])
def test_text_over_the_character_limit_is_refused(kind: DocumentKind) -> None:
    # Given a document whose text() is 11 characters ("0123456789" twice would be 21 with its newline)
    data = (
        documents.make_pdf(["0123456789", "0123456789"])
        if kind is PDF
        else documents.make_docx(["0123456789", "0123456789"])
    )
    # When it is extracted with a limit one under, and exactly at, the text's 21 characters
    error = rejected(data, kind, ExtractLimits(max_chars=20))
    document = extract_document(data, kind, ExtractLimits(max_chars=21))
    # Then the first is TEXT_TOO_LARGE and the second is read
    assert error.code == RejectionCode.TEXT_TOO_LARGE
    assert len(document.text()) == 21


# --- Word: what is read --------------------------------------------------------------------


def test_docx_paragraph_table_paragraph_come_out_in_document_order() -> None:
    # Given a Word document: a paragraph, a table, an empty paragraph, another paragraph
    data = documents.make_docx(
        ["Inspection of 12 Smith St", "", "No mould observed."],
        table=[["Room", "Material", "Reading"], ["Kitchen", "Drywall", "32%MC"]],
        table_at=1,
    )
    # When it is extracted
    document = extract_document(data, DOCX)
    # Then the table sits between the paragraphs, one line a row with cells joined by " | ",
    # and the empty paragraph is skipped
    assert document.text().split("\n") == [
        "Inspection of 12 Smith St",
        "Room | Material | Reading",
        "Kitchen | Drywall | 32%MC",
        "No mould observed.",
    ]
    # And a DOCX is one page numbered 1, with no real page numbers to cite
    assert document.kind is DocumentKind.DOCX
    assert [page.page for page in document.pages] == [1]
    assert document.line_pages() == [1, 1, 1, 1]
    assert not document.has_page_numbers


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _box(text: str) -> str:
    inner = f"<w:txbxContent><w:p>{_run(text)}</w:p></w:txbxContent>"
    return (
        "<w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{inner}</wps:txbx></w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict><v:textbox>{inner}</v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def test_docx_reads_content_controls_tracked_changes_and_fields_once() -> None:
    # Given a body written by a real report template: content controls, tracked changes, a
    # tab and a line break, a text box, a hyperlink and fields
    body = (
        f"<w:p>{_run('Claim: ')}<w:sdt><w:sdtPr/><w:sdtContent>{_run('88213')}</w:sdtContent></w:sdt></w:p>"
        f"<w:sdt><w:sdtPr/><w:sdtContent><w:p>{_run('Insured: Patel')}</w:p></w:sdtContent></w:sdt>"
        f'<w:p>{_run("Cause: burst ")}<w:ins w:id="1" w:author="T">{_run("flexi ")}</w:ins>'
        f'<w:del w:id="2" w:author="T"><w:r><w:delText>copper </w:delText></w:r></w:del>{_run("hose")}</w:p>'
        f'<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>{_run("Kitchen")}'
        f"<w:r><w:tab/></w:r>{_run('12 x 14 ft')}<w:r><w:br/></w:r>{_run('Vinyl floor wet')}</w:p>"
        f"<w:p>{_run('See photo')}{_box('Text box caption')}</w:p>"
        '<w:p><w:hyperlink w:history="1">' + _run("site plan") + "</w:hyperlink>"
        f'<w:fldSimple w:instr=" PAGE ">{_run("7")}</w:fldSimple></w:p>'
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{_run("3 March 2024")}'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    # When it is extracted
    document = extract_document(documents.make_docx_with_body(body), DOCX)
    # Then what a reader sees is read, once: control contents, inserted (not deleted) text, field
    # results (not codes); a line break starts a new line; a text box once (not its fallback
    # copy), marked, after the paragraph it is anchored in
    assert document.text().split("\n") == [
        "Claim: 88213",
        "Insured: Patel",
        "Cause: burst flexi hose",
        "Kitchen\t12 x 14 ft",
        "Vinyl floor wet",
        "See photo",
        "[Text box] Text box caption",
        "site plan7",
        "3 March 2024",
    ]


def test_docx_tables_with_merged_and_nested_cells_give_one_line_a_row() -> None:
    # Given a table with a cell spanning two columns, a vertically merged cell, a nested
    # table, an empty cell and an empty row
    def cell(*paragraphs: str, props: str = "") -> str:
        return f"<w:tc>{props}" + "".join(f"<w:p>{_run(text)}</w:p>" for text in paragraphs) + "</w:tc>"

    nested = f"<w:tbl><w:tr>{cell('North wall')}{cell('32%MC', 'at base')}</w:tr></w:tbl>"
    span_two = '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'
    merge_down = '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
    body = (
        "<w:tbl><w:tblPr/><w:tblGrid/>"
        f"<w:tr>{cell('Kitchen', props=span_two)}{cell('Wet')}</w:tr>"
        f"<w:tr>{cell('Hallway', props=merge_down)}"
        f"<w:tc><w:p>{_run('Readings:')}</w:p>{nested}</w:tc>{cell()}</w:tr>"
        f"<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>{cell('Carpet')}{cell('40%')}</w:tr>"
        f"<w:tr>{cell()}{cell()}{cell()}</w:tr>"
        "</w:tbl>"
    )
    # When it is extracted
    document = extract_document(documents.make_docx_with_body(body), DOCX)
    # Then each row is one line; merged cells appear once; a cell's paragraphs and nested
    # table are joined with spaces; empty cells keep their place; the empty row is skipped
    assert document.text().split("\n") == [
        "Kitchen | Wet",
        "Hallway | Readings: North wall 32%MC at base | ",
        " | Carpet | 40%",
    ]


# --- Word: what is refused -----------------------------------------------------------------


@pytest.mark.parametrize("expected", [DOCX, PDF])
def test_legacy_doc_is_refused_with_how_to_convert(expected: DocumentKind) -> None:
    # Given a Word 97-2003 .doc (an OLE2 file), declared as Word or as PDF / When it is extracted
    error = rejected(documents.OLE_DOC_BYTES, expected)
    # Then it is DOC_LEGACY_FORMAT, and the message says how to save it as .docx
    assert error.code == RejectionCode.DOC_LEGACY_FORMAT
    assert ".docx" in error.message


def test_password_protected_docx_is_refused_as_encrypted_not_legacy() -> None:
    # Given a password-protected .docx (Word wraps it in an OLE2 file) / When it is extracted
    error = rejected(documents.ENCRYPTED_DOCX_BYTES, DOCX)
    # Then it is DOCX_ENCRYPTED, not mistaken for an old .doc
    assert error.code == RejectionCode.DOCX_ENCRYPTED
    assert "password" in error.message


@pytest.mark.parametrize(
    "data",
    [documents.truncated_docx(keep=0.6), documents.truncated_docx(keep=0.98), b"PK\x03\x04" + bytes(2000)],
    ids=["cut-at-60%", "cut-at-98%", "zip-signature-then-zeros"],
)
def test_docx_whose_zip_directory_cannot_be_read_is_not_a_zip(data: bytes) -> None:
    # Given a file that starts like a ZIP but is cut short or damaged / When it is extracted
    error = rejected(data, DOCX)
    # Then it is DOCX_NOT_ZIP, and the user is told it is damaged or incomplete
    assert error.code == RejectionCode.DOCX_NOT_ZIP
    assert "damaged or incomplete" in error.message


@pytest.mark.parametrize(
    "data",
    [
        documents.make_not_word_zip(),
        documents.docx_with_broken_xml(),
        documents.docx_with_bad_crc(),
        documents.write_members({}),
    ],
    ids=["plain-zip", "broken-xml", "bad-crc", "empty-zip"],
)
def test_readable_zip_that_is_not_a_valid_word_document_is_corrupt(data: bytes) -> None:
    # Given a ZIP that opens but is not a valid Word document / When it is extracted as Word
    error = rejected(data, DOCX)
    # Then it is DOCX_CORRUPT
    assert error.code == RejectionCode.DOCX_CORRUPT
    assert "not a" in error.message


def test_zip_bomb_is_refused_from_the_directory_before_anything_is_inflated() -> None:
    # Given a .docx with a 16 MiB member of zeros squeezed ~1000:1
    data = documents.make_zip_bomb()
    # When it is extracted, with every way of reading a member booby-trapped
    trap = mock.Mock(side_effect=AssertionError("a member was read"))
    with mock.patch.object(zipfile.ZipFile, "open", trap), mock.patch.object(zipfile.ZipFile, "read", trap):
        error = rejected(data, DOCX)
    # Then it is DOCX_ZIP_BOMB, decided from the declared sizes alone
    assert error.code == RejectionCode.DOCX_ZIP_BOMB
    trap.assert_not_called()


def test_docx_over_the_declared_uncompressed_limit_is_a_zip_bomb() -> None:
    # Given a .docx carrying 2 MB of incompressible media (ratio ~1), and a 1.5 MB limit
    data = documents.make_incompressible_docx(2_000_000)
    # When it is extracted under that limit, and under the default limits
    error = rejected(data, DOCX, ExtractLimits(max_docx_uncompressed_bytes=1_500_000))
    document = extract_document(data, DOCX)
    # Then the sum of declared sizes decides: refused under the small limit, read under the default
    assert error.code == RejectionCode.DOCX_ZIP_BOMB
    assert document.text() == "Photos attached."


def test_docx_with_thousands_of_parts_is_a_zip_bomb() -> None:
    # Given a .docx padded with 6,000 tiny parts
    members = documents.read_members(documents.make_docx(["Kitchen"]))
    members.update({f"word/media/pad{index}.xml": b"" for index in range(6000)})
    # When it is extracted / Then it is DOCX_ZIP_BOMB
    assert rejected(documents.write_members(members), DOCX).code == RejectionCode.DOCX_ZIP_BOMB


@pytest.mark.parametrize(
    ("vba_part", "macro_content_type"),
    [(True, True), (True, False), (False, True)],
    ids=["docm", "vba-part-only", "content-type-only"],
)
def test_macro_enabled_document_is_refused(vba_part: bool, macro_content_type: bool) -> None:
    # Given a Word document with a VBA project part and/or the macroEnabled content type
    data = documents.make_macro_docm(vba_part=vba_part, macro_content_type=macro_content_type)
    # When it is extracted / Then it is DOCX_MACRO_ENABLED, with how to save without macros
    error = rejected(data, DOCX)
    assert error.code == RejectionCode.DOCX_MACRO_ENABLED
    assert "macros" in error.message


@pytest.mark.parametrize(
    "data",
    [
        documents.make_docx(["", "   ", "\t"]),
        documents.make_docx([], table=[["", ""], ["", ""]]),
        documents.make_docx_with_body(f"<w:p>{_box('   ')}</w:p>"),
    ],
    ids=["blank-paragraphs", "empty-table", "blank-text-box"],
)
def test_docx_without_body_text_is_refused(data: bytes) -> None:
    # Given a Word document with nothing readable in its body / When it is extracted
    error = rejected(data, DOCX)
    # Then it is DOCX_NO_TEXT
    assert error.code == RejectionCode.DOCX_NO_TEXT


# --- Robustness and contract ---------------------------------------------------------------


def test_garbage_and_damaged_documents_only_ever_raise_document_rejected() -> None:
    # Given seeded random byte strings (some behind real PDF/ZIP/OLE2/MZ headers) and seeded
    # damage to a valid PDF, an owner-password PDF and a .docx
    samples = [(data, kind) for data in documents.garbage(150) for kind in (PDF, DOCX)]
    for source, kind in [
        (documents.make_pdf(documents.make_report_pages(2, 10)), PDF),
        (documents.make_encrypted_pdf(user_password=None, method="RC4"), PDF),
        (documents.make_docx(["Intro", "After"], [["Room", "MC"], ["Kitchen", "32%"]]), DOCX),
    ]:
        samples += [(data, kind) for data in documents.mutations(source, 100, seed=len(source))]
    # When each is extracted
    outcomes: dict[str, int] = {}
    with documents.quiet_pypdf():
        for data, kind in samples:
            try:
                document = extract_document(data, kind)
            except DocumentRejectedError as error:
                # Then a refusal always has a known code and a message
                assert error.code in set(RejectionCode)
                assert error.message
                outcomes[error.code] = outcomes.get(error.code, 0) + 1
            else:
                # Or the damage was harmless and the result is consistent
                assert isinstance(document, ExtractedDocument)
                assert len(document.line_pages()) == document.text().count("\n") + 1
                outcomes["read"] = outcomes.get("read", 0) + 1
    # And the samples really exercised the checks, not just the first one
    assert {"UNSUPPORTED_FILE_TYPE", "PDF_CORRUPT", "DOCX_NOT_ZIP", "DOCX_CORRUPT", "read"} <= set(outcomes)


def test_every_code_has_a_plain_message() -> None:
    # Given every rejection code / Then each has a default message written for a contractor
    for code in RejectionCode:
        message = DEFAULT_MESSAGES[code]
        assert message.endswith(".")
        for jargon in ("xref", "zip bomb", "OLE", "exception", "Error"):
            assert jargon not in message


def test_rejection_is_an_exception_with_code_message_and_detail() -> None:
    # Given a refusal / Then it carries the code as a plain string, the message, and a log-only detail
    error = DocumentRejectedError(RejectionCode.PDF_CORRUPT, detail="PdfReadError: bad xref")
    assert error.code == "PDF_CORRUPT"
    assert error.message == DEFAULT_MESSAGES[RejectionCode.PDF_CORRUPT]
    assert str(error).startswith("PDF_CORRUPT: ")
    assert "bad xref" in repr(error)


def test_page_text_uses_newlines_only() -> None:
    # Given text with CR/LF, CR, a form feed, a NUL, trailing spaces and blank edges
    # When it is cleaned / Then lines are split by "\n" only and control characters are gone
    assert clean_text("\n\nA\r\nB\rC\x0cD\x00E  \nF\t\n\n") == "A\nB\nC\nDE\nF"


def test_importing_the_package_loads_neither_pypdf_nor_python_docx() -> None:
    # Given a fresh interpreter / When it imports chalicelib.extract
    probe = (
        "import sys, chalicelib.extract; "
        "print(sorted(m for m in ('pypdf', 'docx', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    # Then the heavy parsers are still unloaded (they load on the first document)
    assert out.stdout.strip() == "[]"


def test_generated_documents_are_deterministic() -> None:
    # Given the generators / When each runs twice / Then the bytes are the same
    assert documents.make_pdf(["a", "b"]) == documents.make_pdf(["a", "b"])
    assert documents.make_encrypted_pdf() == documents.make_encrypted_pdf()
    assert documents.make_docx(["a"], [["b"]]) == documents.make_docx(["a"], [["b"]])
