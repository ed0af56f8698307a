"""Uploaded PDF and DOCX inspection reports: validated from their bytes, then their text extracted.

Importing this package loads neither pypdf nor python-docx: `extract_document` imports the one a
file needs when it reads one.
"""

from __future__ import annotations

from chalicelib.extract.document import (
    DEFAULT_LIMITS,
    DocumentKind,
    ExtractedDocument,
    ExtractLimits,
    PageText,
    extract_document,
)
from chalicelib.extract.errors import DocumentRejectedError, RejectionCode

__all__ = [
    "DEFAULT_LIMITS",
    "DocumentKind",
    "DocumentRejectedError",
    "ExtractLimits",
    "ExtractedDocument",
    "PageText",
    "RejectionCode",
    "extract_document",
]
