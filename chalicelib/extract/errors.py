"""Why an uploaded document was refused: a stable code and a message the contractor reads.

Every refusal of `extract_document` is a `DocumentRejectedError`; nothing a parser raises on a
bad file escapes as anything else. `code` is one of `RejectionCode` (a `StrEnum`, so it compares
equal to and serialises as its plain string); `message` is shown to the user as written, so it
says what is wrong and what to do, without jargon; `detail` is for logs only (the parser's own
words, offsets) and never shown.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class RejectionCode(StrEnum):
    # Any file
    EMPTY_FILE = "EMPTY_FILE"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    UNSUPPORTED_FILE_TYPE = "UNSUPPORTED_FILE_TYPE"  # not a PDF or DOCX at all (sniffed from the bytes)
    TYPE_MISMATCH = "TYPE_MISMATCH"  # a real PDF declared as WORD, or a real DOCX declared as PDF
    TEXT_TOO_LARGE = "TEXT_TOO_LARGE"  # extracted text over `ExtractLimits.max_chars`
    # PDF
    PDF_ENCRYPTED = "PDF_ENCRYPTED"  # needs a password to open (an owner-only password is fine)
    PDF_CORRUPT = "PDF_CORRUPT"  # truncated (no `startxref … %%EOF` at the end) or unparseable
    PDF_NO_TEXT = "PDF_NO_TEXT"  # no page has a text layer: a scan (a `NeedsOcrError`)
    PDF_TEXT_UNREADABLE = (
        "PDF_TEXT_UNREADABLE"  # the text layer is garbage: glyph names, (cid:NN)... (`NeedsOcrError`)
    )
    PDF_TOO_MANY_PAGES = "PDF_TOO_MANY_PAGES"
    PDF_TOO_COMPLEX = "PDF_TOO_COMPLEX"  # reading it took more than `max_pdf_cpu_seconds` of CPU time
    # Word
    DOC_LEGACY_FORMAT = "DOC_LEGACY_FORMAT"  # an OLE2 file: Word 97-2003 .doc (or another old Office file)
    DOCX_ENCRYPTED = "DOCX_ENCRYPTED"  # a password-protected Office file (.docx, .xlsx...: an OLE2 file)
    DOCX_NOT_ZIP = "DOCX_NOT_ZIP"  # starts like a ZIP but its directory cannot be read (damaged, cut short)
    DOCX_CORRUPT = "DOCX_CORRUPT"  # a readable ZIP that is not a valid Word document
    DOCX_ZIP_BOMB = "DOCX_ZIP_BOMB"  # declared sizes/ratios over the limits (checked before inflating)
    DOCX_TOO_COMPLEX = "DOCX_TOO_COMPLEX"  # its XML parts are over `max_docx_xml_bytes` / `..._elements`
    DOCX_MACRO_ENABLED = "DOCX_MACRO_ENABLED"  # .docm: vbaProject.bin or a macroEnabled content type
    DOCX_NO_TEXT = "DOCX_NO_TEXT"  # no text in the body, its text boxes, form fields or notes


_REUPLOAD_PDF = (
    "Open it on your computer to check it, save or export it as a PDF again, and upload the new file."
)
_REUPLOAD_WORD = "Open it in Word, save it again as a Word Document (.docx), and upload the new file."

DEFAULT_MESSAGES: dict[RejectionCode, str] = {
    RejectionCode.EMPTY_FILE: (
        "The uploaded file is empty. Check you picked the right file and upload it again."
    ),
    RejectionCode.FILE_TOO_LARGE: "This file is too large to process. Make it smaller and upload it again.",
    RejectionCode.UNSUPPORTED_FILE_TYPE: (
        "This file is not a PDF or a Word document (.docx). "
        "Upload the inspection report as a PDF or .docx file."
    ),
    RejectionCode.TYPE_MISMATCH: (
        "This file's type does not match the upload type you chose. "
        "Choose the matching type and upload it again."
    ),
    RejectionCode.TEXT_TOO_LARGE: (
        "This document has far more text than an inspection report. Upload only the report itself."
    ),
    RejectionCode.PDF_ENCRYPTED: "This PDF is password-protected. Remove the password and upload it again.",
    RejectionCode.PDF_CORRUPT: (
        "This PDF is damaged or incomplete (it may not have finished saving or uploading), "
        "so it can't be read. " + _REUPLOAD_PDF
    ),
    RejectionCode.PDF_NO_TEXT: (
        "This PDF has no text we can read: it looks like a scanned image or photo, and text recognition "
        "(OCR) is turned off for this service. Upload the PDF exported from your report software or word "
        "processor, or the Word document itself."
    ),
    RejectionCode.PDF_TEXT_UNREADABLE: (
        "The text in this PDF can't be read: its fonts turn the words into symbols or codes when the text "
        "is taken out. Export the report again as a PDF from the program that made it (or print it to a "
        "new PDF), upload the Word document itself, or send a clear scan of it."
    ),
    RejectionCode.PDF_TOO_MANY_PAGES: "This PDF has too many pages. Upload only the inspection report pages.",
    RejectionCode.PDF_TOO_COMPLEX: (
        "This PDF is too complex to read within our processing limits: its pages hold an unusually large "
        "amount of drawing or text instructions (detailed plans, or one drawing repeated many times, "
        "for example). "
        "Upload only the inspection report pages, or print the report to a new PDF and upload that."
    ),
    RejectionCode.DOC_LEGACY_FORMAT: (
        "This is an older Word document (.doc) or another older Office file, which can't be read. "
        "In Word, choose File > Save As > Word Document (.docx), or save it as a PDF, "
        "and upload the new file."
    ),
    RejectionCode.DOCX_ENCRYPTED: (
        "This file is a password-protected Office document (Word, Excel or PowerPoint). If it is the Word "
        "report, remove the password (in Word: File > Info > Protect Document > Encrypt with Password, then "
        "clear it), save it as a Word Document (.docx), and upload it again."
    ),
    RejectionCode.DOCX_NOT_ZIP: (
        "This Word file is damaged or incomplete (it may not have finished saving or uploading), so it can't "
        "be opened. " + _REUPLOAD_WORD
    ),
    RejectionCode.DOCX_CORRUPT: "This file is not a valid Word document (.docx). " + _REUPLOAD_WORD,
    RejectionCode.DOCX_ZIP_BOMB: (
        "This Word file unpacks to far more data than a real report, so it was refused for safety. "
        "Remove very large embedded files, save it again as .docx, and upload the new file."
    ),
    RejectionCode.DOCX_TOO_COMPLEX: (
        "This Word document holds far more content than an inspection report, so it was refused for safety. "
        "Upload only the report itself (split a very long document into parts), saved as .docx or PDF."
    ),
    RejectionCode.DOCX_MACRO_ENABLED: (
        "This Word document contains macros (a .docm file), which are not accepted for security reasons. "
        "In Word, choose File > Save As > Word Document (.docx) to remove them, and upload the new file."
    ),
    RejectionCode.DOCX_NO_TEXT: (
        "This Word document has no text in its main body, text boxes or form fields (text inside pictures "
        "can't be read, and headers and footers alone are not a report). Put the inspection notes in the "
        "document and upload it again."
    ),
}


class DocumentRejectedError(Exception):
    """The document cannot be used; re-uploading the same bytes will not help."""

    code: str
    message: str
    detail: str | None

    def __init__(self, code: RejectionCode, message: str | None = None, *, detail: str | None = None) -> None:
        self.code = code
        self.message = message if message is not None else DEFAULT_MESSAGES[code]
        self.detail = detail
        super().__init__(f"{code}: {self.message}")

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its state (the default re-calls __init__ with `args`, the formatted string):
        # a PDF is read in a child process, which hands its refusal back pickled.
        return (_restore, (type(self), self.args, dict(vars(self))))

    def __repr__(self) -> str:
        code = str(self.code)
        name = type(self).__name__
        return f"{name}(code={code!r}, message={self.message!r}, detail={self.detail!r})"


class NeedsOcrError(DocumentRejectedError):
    """The document has pages whose text can only come from reading their image (OCR): no text
    layer (`PDF_NO_TEXT`), or one that extracts as garbage (`PDF_TEXT_UNREADABLE`).

    Raised only when no page has readable text (a document with some readable pages is read,
    and lists the others in `ExtractedDocument.ocr_pages`). INITIATION catches this kind and has
    the OCR port read `pages` (1-based: every page of the file, since none had usable text) from
    their images (`phases/reading.py`); with OCR off it is refused with its own message."""

    pages: tuple[int, ...]

    def __init__(
        self,
        code: RejectionCode,
        pages: tuple[int, ...],
        message: str | None = None,
        *,
        detail: str | None = None,
    ) -> None:
        super().__init__(code, message, detail=detail)
        self.pages = pages


def _restore(cls: type[DocumentRejectedError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error
