"""PDF: refuse truncated, encrypted, oversized and image-only files, else the text of each page.

Truncation. pypdf's lenient mode (the one real-world PDFs need: wrong xref offsets, stray
bytes, broken object numbers) rebuilds a missing cross-reference table by scanning the file for
objects, so a file cut short would be half-read without complaint; strict mode refuses too many
files viewers open. So completeness is checked before pypdf sees the file: a PDF ends with
`startxref <offset> %%EOF` (within its last 1024 bytes, the tolerance viewers use), and one cut
short does not. With that marker present, pypdf then parses leniently; any error it raises while
reading the structure or any page refuses the whole file (no partial text).

Encryption. A PDF with only an owner password (print/copy restrictions) opens without one, so it
is decrypted with the empty password and read; one that needs a user password is
`PDF_ENCRYPTED`. AES needs the `cryptography` package: where it is not installed, an AES
owner-only file is refused as `PDF_ENCRYPTED` too (the user can still remove the password).

Time. pypdf's own limits bound memory, but not time: a content stream of a few KB that repeats a
cheap operator, or draws one form XObject thousands of times (each drawing re-parses the form),
keeps it busy for minutes. So reading the pages has a wall-clock budget, `limits.max_pdf_seconds`,
checked before each page and, on pages that can be slow (large content with text, or form
XObjects), before each operator pypdf interprets, forms included; past it the file is
`PDF_TOO_COMPLEX`. What is not interruptible is one stream's parse, which pypdf caps
(`stream_parsing_work_maximum_count`). Other pages are read without the per-operator check,
because any operator callback makes pypdf parse even the streams it would otherwise skip as
text-free (drawings).

pypdf logs repairs it makes as warnings (logger "pypdf"); those are left to logging.
"""

from __future__ import annotations

import io
import re
import time
from typing import TYPE_CHECKING, Any

from chalicelib.extract.errors import DocumentRejectedError, RejectionCode
from chalicelib.extract.pages import ExtractLimits, PageText, check_text_size, clean_text

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader

EOF_WINDOW = 1024
_TRAILER = re.compile(rb"startxref\s+\d+\s*%%EOF")
# A page whose decoded content is at most this, and which draws no form XObject, is read without
# per-operator time checks: its worst case (tens of thousands of cheap operators) is under a second.
CHEAP_PAGE_CONTENT_BYTES = 256 * 1024
# What pypdf looks for before it parses a content stream for text (as bytes, anywhere): without
# any, it skips the stream, however large.
_TEXT_OPERATORS = re.compile(rb"Tj|TJ|Do|['\"]")
_MAX_CONTENT_BYTES = 75_000_000  # pypdf's limit on a page's joined content streams


class _OutOfTime(BaseException):
    """Raised from pypdf's operator callback once the budget is spent. A BaseException, because
    pypdf catches (and logs) any Exception raised while it reads a form XObject."""


def extract_pdf_pages(data: bytes, limits: ExtractLimits) -> list[PageText]:
    check_complete(data)
    from pypdf import PdfReader  # deferred: only PDF uploads pay for importing pypdf

    deadline = time.monotonic() + limits.max_pdf_seconds
    pages: list[PageText] = []
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _unlock(reader)
        count = len(reader.pages)
        if count == 0:
            raise DocumentRejectedError(RejectionCode.PDF_CORRUPT, detail="the page tree has no pages")
        if count > limits.max_pdf_pages:
            raise DocumentRejectedError(
                RejectionCode.PDF_TOO_MANY_PAGES,
                f"This PDF has {count:,} pages; the limit is {limits.max_pdf_pages:,}. "
                "Upload only the inspection report pages.",
            )
        chars = -1  # the "\n" between pages counts; there is one fewer than pages
        for number, page in enumerate(reader.pages, start=1):
            _check_time(deadline)
            text = clean_text(_page_text(page, deadline))
            chars += len(text) + 1
            check_text_size(chars, limits)
            pages.append(PageText(page=number, text=text))
    except DocumentRejectedError:
        raise
    except _OutOfTime:
        raise DocumentRejectedError(
            RejectionCode.PDF_TOO_COMPLEX,
            detail=f"text extraction over {limits.max_pdf_seconds:g} s (page {len(pages) + 1})",
        ) from None
    except Exception as error:  # pypdf on hostile input raises any type (KeyError, RecursionError...)
        raise DocumentRejectedError(RejectionCode.PDF_CORRUPT, detail=_describe(error)) from error

    if not any(page.text.strip() for page in pages):
        raise DocumentRejectedError(RejectionCode.PDF_NO_TEXT, detail=f"{len(pages)} pages, no text layer")
    return pages


def check_complete(data: bytes) -> None:
    """Refuse a PDF that does not end with its trailer: cut short in transfer or while saving."""
    window = data[-(EOF_WINDOW + 64) :]
    trailers = list(_TRAILER.finditer(window))
    if not trailers or len(window) - trailers[-1].end() > EOF_WINDOW:
        raise DocumentRejectedError(
            RejectionCode.PDF_CORRUPT,
            "This PDF is incomplete: its end is missing (it may not have finished saving or uploading), "
            "so it can't be read. Open it on your computer to check it, save or export it as a PDF again, "
            "and upload the new file.",
            detail="no 'startxref <offset> %%EOF' in the last 1024 bytes",
        )


def _check_time(deadline: float) -> None:
    if time.monotonic() > deadline:
        raise _OutOfTime


def _page_text(page: PageObject, deadline: float) -> str:
    if _is_cheap(page):
        return page.extract_text()

    def check(*_: Any) -> None:
        _check_time(deadline)

    return page.extract_text(visitor_operand_before=check)


def _is_cheap(page: PageObject) -> bool:
    """Whether the page can be read without per-operator time checks: its content has no operator
    that shows text or draws a form (pypdf then skips it unparsed), or it is small and draws no
    form XObject. If that cannot be told, the page gets the checks."""
    try:
        contents = _resolved(page.get("/Contents"))
        size, has_text = 0, False
        scanned: set[int] = set()
        for stream in map(_resolved, contents if isinstance(contents, list) else [contents]):
            if not hasattr(stream, "get_data"):
                continue
            data = stream.get_data()  # decoded once: pypdf keeps it for extract_text
            size += len(data)  # per reference, as pypdf joins them: one stream may be listed often
            if size > _MAX_CONTENT_BYTES:
                return False  # pypdf refuses it
            if id(stream) not in scanned:  # streams live on in the reader's cache
                scanned.add(id(stream))
                has_text = has_text or _TEXT_OPERATORS.search(data) is not None
        if not has_text:
            return True
        if size > CHEAP_PAGE_CONTENT_BYTES:
            return False
        resources = _resolved(page.get("/Resources"))
        xobjects = _resolved(resources.get("/XObject")) if isinstance(resources, dict) else None
        return not isinstance(xobjects, dict) or not any(
            isinstance(xobject := _resolved(value), dict) and xobject.get("/Subtype") == "/Form"
            for value in xobjects.values()
        )
    except Exception:  # noqa: BLE001  # a damaged page: pypdf's own reading says what is wrong
        return False


def _resolved(value: Any) -> Any:
    """An indirect reference's object, or the value itself."""
    return value.get_object() if hasattr(value, "get_object") else value


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
