"""What a file is, from its first bytes only: never from its name or declared content type.

`sniff` tells the containers we handle (PDF, ZIP, OLE2, and the images OCR reads) from everything
else, and for the rest gives a plain-words description ("an image (GIF)") for the rejection
message. Whether a ZIP is a
Word document is decided by `docx_text`, which reads its directory.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# Readers accept a PDF header anywhere in the first 1024 bytes (junk before it is common:
# mail gateways, some scanners); the spec's `%PDF-1.x` / `%PDF-2.0` follow.
PDF_MAGIC = b"%PDF-"
PDF_HEADER_WINDOW = 1024
# A local file header (any real ZIP with members), or the end-of-directory record of an empty ZIP.
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
# The OLE2 / Compound File Binary header: Word 97-2003 .doc, .xls, .ppt, .msg, and password-protected
# Office 2007+ files (which Word wraps in an OLE2 container with an `EncryptedPackage` stream).
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE2_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


class Container(StrEnum):
    PDF = "PDF"
    ZIP = "ZIP"
    OLE2 = "OLE2"
    IMAGE = "IMAGE"  # a photo or scan OCR can read: JPEG, PNG, HEIC/HEIF
    UNKNOWN = "UNKNOWN"


@dataclass(frozen=True)
class Sniffed:
    container: Container
    description: str  # in words, for messages: "a PDF", "an image (PNG)", ...; "" when unknown


# Signatures of what people upload by mistake, for a precise message. Order matters (longest first).
_OTHER_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "an image (PNG)"),
    (0, b"\xff\xd8\xff", "an image (JPEG)"),
    (0, b"GIF87a", "an image (GIF)"),
    (0, b"GIF89a", "an image (GIF)"),
    (0, b"II*\x00", "an image (TIFF)"),
    (0, b"MM\x00*", "an image (TIFF)"),
    (8, b"WEBP", "an image (WebP)"),
    (4, b"ftypheic", "a photo (HEIC)"),
    (4, b"ftypheix", "a photo (HEIC)"),
    (4, b"ftypmif1", "a photo (HEIF)"),
    (0, b"{\\rtf", "a Rich Text (.rtf) file"),
    (0, b"MZ", "a Windows program (.exe)"),
    (0, b"\x7fELF", "a program"),
    (0, b"\x1f\x8b", "a compressed archive (.gz)"),
    (0, b"Rar!\x1a\x07", "a compressed archive (.rar)"),
    (0, b"7z\xbc\xaf\x27\x1c", "a compressed archive (.7z)"),
)

# The pictures OCR reads (an IMAGE input, or a photo sent as the document): what Pillow and
# pillow-heif decode for `extract/images.py`.
OCR_IMAGES = frozenset({"an image (PNG)", "an image (JPEG)", "a photo (HEIC)", "a photo (HEIF)"})


# A program, whatever follows its first bytes: a Windows .exe with a PDF header inside its first
# kilobyte would otherwise pass as a PDF (readers look for the header anywhere in that window).
_EXECUTABLES: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "a Windows program (.exe)"),
    (b"\x7fELF", "a program"),
    (b"\xfe\xed\xfa\xce", "a program (Mach-O)"),
    (b"\xfe\xed\xfa\xcf", "a program (Mach-O)"),
    (b"\xce\xfa\xed\xfe", "a program (Mach-O)"),
    (b"\xcf\xfa\xed\xfe", "a program (Mach-O)"),
    (b"\xca\xfe\xba\xbe", "a program (Mach-O)"),
    (b"#!", "a script"),
)


def sniff(data: bytes) -> Sniffed:
    head = data[:PDF_HEADER_WINDOW]
    for magic, description in _EXECUTABLES:
        if head.startswith(magic):
            return Sniffed(Container.UNKNOWN, description)
    if head.startswith(PDF_MAGIC):
        return Sniffed(Container.PDF, "a PDF")
    if head.startswith(ZIP_MAGICS):
        return Sniffed(Container.ZIP, "a ZIP archive")
    if head.startswith(OLE2_MAGIC):
        return Sniffed(Container.OLE2, "an older Office file")
    if PDF_MAGIC in head:
        return Sniffed(Container.PDF, "a PDF")
    description = _describe_other(head)
    if description in OCR_IMAGES:
        return Sniffed(Container.IMAGE, description)
    return Sniffed(Container.UNKNOWN, description)


def is_encrypted_office_package(data: bytes) -> bool:
    """An OLE2 file holding an encrypted Office 2007+ package (a password-protected .docx, .xlsx
    or .pptx: the container does not say which, its content is encrypted)."""
    return data.startswith(OLE2_MAGIC) and _OLE2_ENCRYPTED_PACKAGE in data


# An older Office file's kind, from the names of the streams in its directory (UTF-16 names,
# looked for in the bytes: the directory is not parsed). Word's own stream is checked first.
_OLE2_KINDS: tuple[tuple[bytes, str], ...] = (
    ("WordDocument".encode("utf-16-le"), ""),
    ("Workbook".encode("utf-16-le"), "an older Excel workbook (.xls)"),
    ("Book".encode("utf-16-le") + b"\x00\x00", "an older Excel workbook (.xls)"),
    ("PowerPoint Document".encode("utf-16-le"), "an older PowerPoint presentation (.ppt)"),
    ("__substg1.0_".encode("utf-16-le"), "an Outlook email message (.msg)"),
)


def describe_ole2(data: bytes) -> str:
    """What an unencrypted OLE2 file is, in words, when it is not a Word .doc ("" for a .doc or
    a file that cannot be told)."""
    return next((words for name, words in _OLE2_KINDS if name in data), "")


def _describe_other(head: bytes) -> str:
    for offset, signature, description in _OTHER_SIGNATURES:
        if head[offset : offset + len(signature)] == signature:
            return description
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "a web page (HTML)"
    if lowered.startswith(b"<?xml"):
        return "an XML file"
    if _looks_like_text(head):
        return "a plain text file"
    return ""


def _looks_like_text(head: bytes) -> bool:
    text = head.decode("utf-8", errors="replace")  # a character cut at the window's end is one U+FFFD
    if not text:
        return False
    printable = sum(1 for ch in text if ch != "\ufffd" and (ch.isprintable() or ch in "\r\n\t"))
    return printable / len(text) > 0.95
