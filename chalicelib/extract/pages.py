"""What every extractor shares: the limits it works within, a page of text, and how that text
is cleaned. Here rather than in `document.py`, which dispatches to the extractors: they import
this, it imports them, and neither imports the other back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chalicelib.extract.errors import DocumentRejectedError, RejectionCode
from chalicelib.unicode_text import repair_unicode


@dataclass(frozen=True)
class ExtractLimits:
    max_bytes: int = 25 * 1024 * 1024
    max_pdf_pages: int = 500
    max_docx_uncompressed_bytes: int = 200 * 1024 * 1024  # sum of the ZIP directory's declared sizes
    max_docx_compression_ratio: float = 100.0  # per member (members of 1 MiB or more)
    # Pictures and metafiles by name (EMF, PNG...): a normal EMF logo compressed 130x. DEFLATE tops
    # out near 1032x, which a member of zeros (a bomb) reaches.
    max_docx_media_compression_ratio: float = 500.0
    # The XML parts are parsed into in-memory trees (`ooxml.py`): a tree takes ~80 bytes an element
    # (a 2 MB upload of empty paragraphs grew the process by 380 MiB). A long report has a few
    # hundred thousand elements; more is refused (DOCX_TOO_COMPLEX) before any tree is built.
    max_docx_xml_bytes: int = 64 * 1024 * 1024
    max_docx_xml_elements: int = 2_000_000
    max_chars: int = 2_000_000  # of text(), newlines included
    # CPU-time budget for reading a PDF (PDF_TOO_COMPLEX past it), enforced on a child process
    # (`isolation.py`): a few KB of content stream can keep pypdf busy for minutes. The INITIATION
    # Lambda (1024 MB: about 0.6 of a vCPU) stops at 90 s of wall-clock time; 20 s of CPU is
    # about 35 s there. A 352-page book takes 6-11 s.
    max_pdf_cpu_seconds: int = 20


DEFAULT_LIMITS = ExtractLimits()


@dataclass(frozen=True)
class PageText:
    page: int  # 1-based physical page of a PDF; always 1 for a DOCX
    text: str


def check_text_size(chars: int, limits: ExtractLimits) -> None:
    if chars > limits.max_chars:
        raise DocumentRejectedError(
            RejectionCode.TEXT_TOO_LARGE,
            f"This document has more than {limits.max_chars:,} characters of text, far more than an "
            "inspection report. Upload only the report itself.",
            detail=f"at least {chars} characters",
        )


_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# C0/C1 controls except tab and newline, and DEL; also U+FFFE/U+FFFF non-characters.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)


def clean_text(raw: str) -> str:
    """One page's text with "\\n" line breaks only, no control characters, no lone surrogates
    (`repair_unicode`), and no blank edges."""
    text = _LINE_BREAKS.sub("\n", repair_unicode(raw))
    text = _CONTROLS.sub("", text)
    text = _TRAILING_SPACE.sub("", text)
    return text.strip("\n")
