"""PDF: refuse truncated, encrypted, oversized and image-only files, else the text of each page.

Truncation. pypdf's lenient mode (the one real-world PDFs need: wrong xref offsets, stray
bytes, broken object numbers) rebuilds a missing cross-reference table by scanning the file for
objects, so a file cut short would be half-read without complaint; strict mode refuses too many
files viewers open. So completeness is checked before pypdf sees the file: a PDF ends with
`startxref <offset> %%EOF`, and one cut short does not. What follows the last such trailer is
tolerated when it holds no PDF syntax (zeros, spaces, a download tool's padding: `_PADDING`) and
cut off before parsing; anything else past it (an incremental update cut short) is `PDF_CORRUPT`.

Encryption. A PDF with only an owner password (print/copy restrictions) opens without one, so it
is decrypted with the empty password and read; one that needs a user password is
`PDF_ENCRYPTED`. AES needs the `cryptography` package: where it is not installed, an AES
owner-only file is refused as `PDF_ENCRYPTED` too (the user can still remove the password).

Work. pypdf's own limits bound memory, but not time: a content stream of a few KB that repeats a
cheap operator, or draws one form XObject thousands of times, keeps it busy for minutes, and
neither counting pages nor one stream's parse can be interrupted from Python. So the file is
read in a child process limited to `limits.max_pdf_cpu_seconds` of CPU time (`isolation.py`):
past it the file is `PDF_TOO_COMPLEX`, whatever the machine's load.

Damage. A structure pypdf cannot read (no page tree, a broken trailer) is `PDF_CORRUPT`. A
page whose own reading fails is left empty (it keeps its number) with a warning the findings
carry, and the other pages are read; only when every page fails is the file `PDF_CORRUPT`.

Text. Each page is its text (`clean_text`: Unicode repaired, controls removed), then its filled
form fields (`pdf_forms.py`). A page whose text is garbage (`text_quality.py`: glyph names,
`(cid:NN)`, letter soup) is left empty with a warning and listed in `ocr_pages`, as is a page
with no text at all; when no page has usable text the file is a `NeedsOcrError`:
`PDF_NO_TEXT`, or `PDF_TEXT_UNREADABLE` when some page had garbage.

pypdf logs repairs it makes as warnings (logger "pypdf"); the child hands them to this
process's logging.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from chalicelib.extract.errors import DocumentRejectedError, NeedsOcrError, RejectionCode
from chalicelib.extract.isolation import ChildFailed, CpuBudgetSpent, run_with_cpu_limit
from chalicelib.extract.pages import ExtractLimits, PageText, check_text_size, clean_text
from chalicelib.extract.text_quality import unreadable_reason

if TYPE_CHECKING:
    from pypdf import PdfReader

_TRAILER = re.compile(rb"startxref\s+\d+\s*%%EOF")
_EOF = b"%%EOF"
# Keywords of PDF objects: after the last trailer, any of them means more PDF (an update cut
# short), not padding.
_PDF_SYNTAX = re.compile(rb"\bobj\b|endobj|\bxref\b|trailer|startxref|stream|%PDF-")
_TRAILER_REACH = 1024  # how far before its %%EOF a trailer's `startxref` may start


@dataclass
class PdfText:
    pages: list[PageText]
    warnings: list[str] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # pages with no usable text: for OCR


@dataclass(frozen=True)
class _RawPage:
    number: int
    text: str  # the content's text, then the form field lines; "" when damaged
    damaged: str | None = None  # why reading it failed (for logs)


# A page object as written in the file ("/Type /Page", not "/Pages"). Pages inside compressed object
# streams are not seen, so this can only count fewer pages than the file holds, never more.
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![s\w])")


def _unlisted_pages(data: bytes, listed: int) -> str | None:
    """A warning when the file holds more page objects than its page tree lists: a damaged tree
    hides them from the reader (pdftotext, which scans objects, finds them)."""
    written = len(_PAGE_OBJECT.findall(data))
    if written <= listed:
        return None
    return (
        f"The PDF holds {written} pages but its page list names only {listed} (the file is damaged);"
        f" {written - listed} could not be read. Check the original document, or save it again as PDF."
    )


def extract_pdf_pages(data: bytes, limits: ExtractLimits) -> PdfText:
    data = data[: check_complete(data)]
    try:
        raw = run_with_cpu_limit(
            lambda: _read_pages(data, limits), limits.max_pdf_cpu_seconds, forward_logs=("pypdf",)
        )
    except CpuBudgetSpent as spent:
        raise DocumentRejectedError(RejectionCode.PDF_TOO_COMPLEX, detail=str(spent)) from None
    except ChildFailed as failed:  # a crash in native code, or out of memory
        raise DocumentRejectedError(RejectionCode.PDF_CORRUPT, detail=str(failed)) from None
    checked = _checked(raw)
    unlisted = _unlisted_pages(data, len(raw))
    if unlisted is not None:
        checked.warnings.append(unlisted)
    return checked


def _checked(raw: list[_RawPage]) -> PdfText:
    result = PdfText(pages=[])
    unreadable = 0
    for page in raw:
        text = clean_text(page.text)
        if page.damaged is not None:
            result.warnings.append(
                f"Page {page.number} of the PDF could not be read (that page is damaged in the file) "
                "and was left out; check it in the original document."
            )
        elif not text.strip():
            result.ocr_pages.append(page.number)
        elif unreadable_reason(text) is not None:
            unreadable += 1
            result.ocr_pages.append(page.number)
            result.warnings.append(
                f"The text of page {page.number} of the PDF could not be read (its fonts turn the words "
                "into codes) and was left out; check it in the original document."
            )
            text = ""
        result.pages.append(PageText(page=page.number, text=text))
    if all(page.damaged is not None for page in raw):
        raise DocumentRejectedError(RejectionCode.PDF_CORRUPT, detail=f"all {len(raw)} pages failed")
    if not any(page.text.strip() for page in result.pages):
        pages = tuple(page.number for page in raw)
        code = RejectionCode.PDF_TEXT_UNREADABLE if unreadable else RejectionCode.PDF_NO_TEXT
        detail = f"{len(pages)} pages, {unreadable} with garbage text, no readable text"
        raise NeedsOcrError(code, pages, detail=detail)
    return result


def _read_pages(data: bytes, limits: ExtractLimits) -> list[_RawPage]:
    """In the child: pypdf's reading of every page (raw text), or a refusal."""
    from pypdf import PdfReader  # deferred: only PDF uploads pay for importing pypdf

    from chalicelib.extract.pdf_forms import form_lines

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _unlock(reader)
        count = len(reader.pages)
    except DocumentRejectedError:
        raise
    except Exception as error:  # pypdf on hostile input raises any type (KeyError, RecursionError...)
        raise DocumentRejectedError(RejectionCode.PDF_CORRUPT, detail=_describe(error)) from error
    if count == 0:
        raise DocumentRejectedError(RejectionCode.PDF_CORRUPT, detail="the page tree has no pages")
    if count > limits.max_pdf_pages:
        raise DocumentRejectedError(
            RejectionCode.PDF_TOO_MANY_PAGES,
            f"This PDF has {count:,} pages; the limit is {limits.max_pdf_pages:,}. "
            "Upload only the inspection report pages.",
        )
    pages: list[_RawPage] = []
    chars = -1  # the "\n" between pages counts; there is one fewer than pages
    for number in range(1, count + 1):
        try:
            page = reader.pages[number - 1]
            text = page.extract_text()
            fields = form_lines(page)
        except Exception as error:  # noqa: BLE001  # one damaged page: the others are still read
            pages.append(_RawPage(number, "", damaged=_describe(error)))
            continue
        text = "\n".join([text, *fields]) if fields else text
        chars += len(text) + 1
        check_text_size(chars, limits)
        pages.append(_RawPage(number, text))
    return pages


def check_complete(data: bytes) -> int:
    """Where the PDF ends: just past its last `startxref <offset> %%EOF`. Refuses a PDF cut
    short in transfer or while saving (no such trailer, or more PDF after it)."""
    end = len(data)
    while (at := data.rfind(_EOF, 0, end)) >= 0:
        trailer_end = at + len(_EOF)
        window = data[max(0, at - _TRAILER_REACH) : trailer_end]
        if _TRAILER.search(window) is not None:
            if _PDF_SYNTAX.search(data, trailer_end) is None:
                return trailer_end
            break  # a complete revision, then more PDF: an update cut short
        end = at
    raise DocumentRejectedError(
        RejectionCode.PDF_CORRUPT,
        "This PDF is incomplete: its end is missing (it may not have finished saving or uploading), "
        "so it can't be read. Open it on your computer to check it, save or export it as a PDF again, "
        "and upload the new file.",
        detail="no 'startxref <offset> %%EOF' closing the file",
    )


def _unlock(reader: PdfReader) -> None:
    from pypdf import PasswordType

    try:
        unlocked = reader.decrypt("") is not PasswordType.NOT_DECRYPTED
        detail = "a user password is required"
    except Exception as error:  # noqa: BLE001  # missing AES backend, unknown security handler, bad dictionary
        unlocked, detail = False, _describe(error)
    if not unlocked:
        raise DocumentRejectedError(RejectionCode.PDF_ENCRYPTED, detail=detail)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:500]
