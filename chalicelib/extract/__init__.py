"""Uploaded PDF and DOCX inspection reports: validated from their bytes, then their text extracted.

Importing this package loads neither pypdf nor lxml: `extract_document` imports the one a file
needs when it reads one.
"""

from __future__ import annotations

from chalicelib.extract.document import DocumentKind, ExtractedDocument, extract_document
from chalicelib.extract.errors import DocumentRejectedError, NeedsOcrError, RejectionCode
from chalicelib.extract.pages import DEFAULT_LIMITS, ExtractLimits, PageText

__all__ = [
    "DEFAULT_LIMITS",
    "DocumentKind",
    "DocumentRejectedError",
    "ExtractLimits",
    "ExtractedDocument",
    "NeedsOcrError",
    "PageText",
    "RejectionCode",
    "extract_document",
]
