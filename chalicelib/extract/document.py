"""The entry point: validate an uploaded PDF or DOCX from its bytes, then extract its text.

`extract_document(data, expected, limits)` runs the checks cheapest first and parses nothing
it has not checked:

1. size: `EMPTY_FILE`, `FILE_TOO_LARGE`;
2. type, sniffed from the bytes (never the file name or content type): `UNSUPPORTED_FILE_TYPE`
   (naming what the file is when it can be told: an .xls, a .pptx, an email),
   `TYPE_MISMATCH` against what the user declared, `DOC_LEGACY_FORMAT` / `DOCX_ENCRYPTED` for
   OLE2 files;
3. the format's own checks and extraction (`pdf.py`, `docx_text.py` over `ooxml.py`), which load
   pypdf and lxml on first use only (Lambda cold start);
4. `TEXT_TOO_LARGE` over `limits.max_chars`.

Every refusal is a `DocumentRejectedError`; no parser exception escapes. A refusal that only
reading the pages' images could overcome (`PDF_NO_TEXT`, `PDF_TEXT_UNREADABLE`) is its subclass
`NeedsOcrError`, naming the pages: the hand-over point for an OCR engine.

Warnings. What was read despite a problem (a damaged page left out, a page whose text was
garbage) is said in `warnings`, sentences for the reader of the findings; `ocr_pages` lists the
pages that had no usable text (for an OCR engine, later).

Pages. A PDF gives one `PageText` per physical page, numbered from 1, in order, including pages
with no text (their text is ""), so `len(pages)` is the page count. A DOCX has no fixed pages
(Word paginates when it renders), so it is a single `PageText` numbered 1: cite page numbers only
when `has_page_numbers` (i.e. the document is a PDF).

Text. Page text uses "\\n" line breaks only (no "\\r", no other control characters except tab),
with trailing spaces and blank lines at a page's edges removed, so `text().split("\\n")` is the
list of lines `line_pages()` describes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from chalicelib.extract.errors import DocumentRejectedError, RejectionCode
from chalicelib.extract.pages import DEFAULT_LIMITS, ExtractLimits, PageText, check_text_size
from chalicelib.extract.sniff import Container, describe_ole2, is_encrypted_office_package, sniff


class DocumentKind(StrEnum):
    PDF = "PDF"
    DOCX = "DOCX"


@dataclass(frozen=True)
class ExtractedDocument:
    kind: DocumentKind
    pages: list[PageText]
    warnings: tuple[str, ...] = ()
    ocr_pages: tuple[int, ...] = ()  # pages with no usable text layer (PDF only)

    @property
    def has_page_numbers(self) -> bool:
        """Whether `PageText.page` is a real page a reader can find (PDF), or just 1 (DOCX)."""
        return self.kind is DocumentKind.PDF

    def text(self) -> str:
        """All pages joined with "\\n": the analyzer's input."""
        return "\n".join(page.text for page in self.pages)

    def line_pages(self) -> list[int]:
        """For each line of `text()` (split on "\\n"), its page: index 0 is line 1."""
        return [page.page for page in self.pages for _ in range(page.text.count("\n") + 1)]


def extract_document(
    data: bytes, expected: DocumentKind, limits: ExtractLimits = DEFAULT_LIMITS
) -> ExtractedDocument:
    """Validate `data` (what the user declared as `expected`) and extract its text, or refuse it."""
    expected = DocumentKind(expected)
    if not data:
        raise DocumentRejectedError(RejectionCode.EMPTY_FILE)
    if len(data) > limits.max_bytes:
        raise DocumentRejectedError(
            RejectionCode.FILE_TOO_LARGE,
            f"This file is {_megabytes(len(data))}; the limit is {_megabytes(limits.max_bytes)}. "
            "Make it smaller (for example, compress or remove large photos) and upload it again.",
        )

    sniffed = sniff(data)
    if sniffed.container is Container.OLE2:
        # Whatever was declared: the message says what the file really is and what to do.
        if is_encrypted_office_package(data):
            raise DocumentRejectedError(RejectionCode.DOCX_ENCRYPTED)
        if description := describe_ole2(data):
            raise _unsupported(description)
        raise DocumentRejectedError(RejectionCode.DOC_LEGACY_FORMAT)

    if sniffed.container is Container.PDF:
        if expected is not DocumentKind.PDF:
            raise DocumentRejectedError(
                RejectionCode.TYPE_MISMATCH,
                "This file is a PDF, but it was uploaded as a Word document. "
                "Choose PDF as the upload type and upload it again.",
            )
        from chalicelib.extract.pdf import extract_pdf_pages

        read = extract_pdf_pages(data, limits)
        pages, warnings, ocr_pages = read.pages, tuple(read.warnings), tuple(read.ocr_pages)
    elif sniffed.container is Container.ZIP:
        from chalicelib.extract.docx_text import extract_docx_pages
        from chalicelib.extract.ooxml import describe_zip, is_word_package

        if expected is not DocumentKind.DOCX:
            if is_word_package(data):
                raise DocumentRejectedError(
                    RejectionCode.TYPE_MISMATCH,
                    "This file is a Word document, but it was uploaded as a PDF. "
                    "Choose Word as the upload type (or save it as a PDF) and upload it again.",
                )
            raise _unsupported(describe_zip(data) or sniffed.description)
        pages, warnings, ocr_pages = extract_docx_pages(data, limits), (), ()
    else:
        raise _unsupported(sniffed.description)

    document = ExtractedDocument(kind=expected, pages=pages, warnings=warnings, ocr_pages=ocr_pages)
    check_text_size(sum(len(page.text) for page in pages) + len(pages) - 1, limits)
    return document


def _unsupported(description: str) -> DocumentRejectedError:
    if not description:
        return DocumentRejectedError(RejectionCode.UNSUPPORTED_FILE_TYPE)
    return DocumentRejectedError(
        RejectionCode.UNSUPPORTED_FILE_TYPE,
        f"This file is {description}, not a PDF or a Word document (.docx). "
        "Upload the inspection report as a PDF or .docx file.",
    )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
