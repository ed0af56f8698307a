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

pypdf logs repairs it makes as warnings (logger "pypdf"); those are left to logging.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from chalicelib.extract.document import ExtractLimits, PageText, check_text_size, clean_text
from chalicelib.extract.errors import DocumentRejectedError, RejectionCode

if TYPE_CHECKING:
    from pypdf import PdfReader

EOF_WINDOW = 1024
_TRAILER = re.compile(rb"startxref\s+\d+\s*%%EOF")


def extract_pdf_pages(data: bytes, limits: ExtractLimits) -> list[PageText]:
    check_complete(data)
    from pypdf import PdfReader  # deferred: only PDF uploads pay for importing pypdf

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
        pages: list[PageText] = []
        chars = -1  # the "\n" between pages counts; there is one fewer than pages
        for number, page in enumerate(reader.pages, start=1):
            text = clean_text(page.extract_text())
            chars += len(text) + 1
            check_text_size(chars, limits)
            pages.append(PageText(page=number, text=text))
    except DocumentRejectedError:
        raise
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
