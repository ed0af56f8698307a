"""DOCX: check the ZIP before inflating anything, refuse macros, then read the body in order.

The order of checks, each from the ZIP's central directory unless said otherwise:

1. the directory is readable (`DOCX_NOT_ZIP`: a file that starts like a ZIP but is cut short or
   damaged; Python says "File is not a zip file");
2. zip-bomb limits on the *declared* sizes: the member count, the sum of uncompressed sizes, and
   each large member's compression ratio (`DOCX_ZIP_BOMB`). `zipfile` never inflates a member past
   its declared size, so after this check no read can exceed the limits;
3. `[Content_Types].xml` (size-checked, read bounded) names a WordprocessingML document, else
   `DOCX_CORRUPT` (a ZIP, or another Office file, that is not a Word document);
4. macros: a `vbaProject.bin` member or a `macroEnabled` content type (`.docm`, `.dotm`):
   `DOCX_MACRO_ENABLED`;
5. the XML parts' size: python-docx parses every XML part into memory at once, so each member
   is first streamed through a parser that keeps nothing (entities unresolved, no DTD, no
   network, no "huge" mode) to count its elements, comments and processing instructions, and the
   bytes the parser accepts (a part that is not XML, such as an image, fails on its first chunk).
   Over `max_docx_xml_elements` of them, or `max_docx_xml_bytes` of XML, is
   `DOCX_TOO_COMPLEX`: the declared-size checks bound what is inflated, not what a small, very
   repetitive XML part costs as a tree;
6. python-docx opens the package (its XML parser does not resolve entities); anything it raises,
   a failed CRC included, is `DOCX_CORRUPT`.

Text. The body's children are walked in document order: a paragraph is its lines, a table row is
one line of its cells joined by " | ", and content controls (`w:sdt`) and custom XML wrappers are
looked through. Paragraph text is gathered from the XML rather than python-docx's
`Paragraph.text`, which skips runs inside tracked insertions, inline content controls and simple
fields; deleted text, field codes and text boxes (floating shapes, duplicated in a fallback
copy) are not read, nor are headers, footers, footnotes and comments. Empty paragraphs and
empty rows are skipped. A cell's paragraphs (and nested tables) are joined with spaces; merged
cells appear once.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from chalicelib.extract.errors import DocumentRejectedError, RejectionCode
from chalicelib.extract.pages import ExtractLimits, PageText, check_text_size, clean_text

CONTENT_TYPES = "[Content_Types].xml"
MAX_MEMBERS = 5_000  # a real .docx has tens of parts; a few thousand images is already extreme
RATIO_MIN_BYTES = 1024 * 1024  # small parts (styles, settings) may compress very well; harmless
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
# The main part's content type (lower-cased): a document or template, with or without macros.
_WORD_CONTENT_TYPES = (
    b"wordprocessingml.document.main+xml",
    b"wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.document.macroenabled.main+xml",
    b"application/vnd.ms-word.template.macroenabledtemplate.main+xml",
)
_MACRO_MARKERS = (b"macroenabled", b"vbaproject")

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
# Block and row wrappers whose content counts as if it were in their parent.
_LOOK_THROUGH = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"})
_TEXT, _TAB, _BREAKS = f"{_W}t", f"{_W}tab", frozenset({f"{_W}br", f"{_W}cr"})
_NO_BREAK_HYPHEN = f"{_W}noBreakHyphen"
# Never descended into within a paragraph: properties, deleted or moved-away text, text boxes,
# and markup-compatibility fallbacks (a second copy of the preferred content).
_SKIP = frozenset(
    {
        f"{_W}pPr",
        f"{_W}rPr",
        f"{_W}sdtPr",
        f"{_W}del",
        f"{_W}moveFrom",
        f"{_W}txbxContent",
        f"{_MC}Fallback",
    }
)


def extract_docx_pages(data: bytes, limits: ExtractLimits) -> list[PageText]:
    """The body's text as one page (numbered 1: a .docx has no fixed pages)."""
    with _open_zip(data) as archive:
        check_directory(archive, limits)
        content_types = _content_types(archive)
        if content_types is None or not any(marker in content_types for marker in _WORD_CONTENT_TYPES):
            raise DocumentRejectedError(
                RejectionCode.DOCX_CORRUPT,
                "This file is a ZIP archive or another kind of document, not a Word document (.docx). "
                "Upload the inspection report as a .docx or PDF file.",
                detail="[Content_Types].xml is missing or names no WordprocessingML part",
            )
        _refuse_macros(archive, content_types)
        check_xml_parts(archive, limits)

    body = _open_body(data)
    lines: list[str] = []
    chars = -1
    for line in _body_lines(body):
        chars += len(line) + 1
        check_text_size(chars, limits)
        lines.append(line)
    if not lines:
        raise DocumentRejectedError(RejectionCode.DOCX_NO_TEXT)
    return [PageText(page=1, text="\n".join(lines))]


def is_word_package(data: bytes) -> bool:
    """Whether `data` is a readable ZIP whose content types name a Word document (for TYPE_MISMATCH)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content_types = _content_types(archive)
    except Exception:  # noqa: BLE001  # any failure means "not recognisably Word"
        return False
    return content_types is not None and any(marker in content_types for marker in _WORD_CONTENT_TYPES)


def check_directory(archive: zipfile.ZipFile, limits: ExtractLimits) -> None:
    """Zip-bomb checks from the central directory alone: nothing is inflated here."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise _bomb(f"{len(members)} members; the limit is {MAX_MEMBERS}")
    total = 0
    for member in members:
        total += member.file_size
        if total > limits.max_docx_uncompressed_bytes:
            raise _bomb(f"declared uncompressed size over {limits.max_docx_uncompressed_bytes} bytes")
        if member.file_size >= RATIO_MIN_BYTES:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > limits.max_docx_compression_ratio:
                raise _bomb(f"{member.filename!r} inflates {ratio:.0f}x ({member.file_size} bytes)")
        if member.flag_bits & 0x1:
            raise DocumentRejectedError(
                RejectionCode.DOCX_CORRUPT, detail=f"{member.filename!r} is ZIP-encrypted"
            )


def check_xml_parts(archive: zipfile.ZipFile, limits: ExtractLimits) -> None:
    """Count what python-docx would build from the package's XML, without building it."""
    from lxml import etree  # deferred, like python-docx

    counter = _NodeCounter(limits.max_docx_xml_elements)
    xml_bytes = 0
    for member in archive.infolist():
        if member.is_dir():
            continue
        parser = etree.XMLParser(
            target=counter, resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False
        )
        try:
            with archive.open(member) as stream:
                while chunk := stream.read(_CHUNK_BYTES):
                    parser.feed(chunk)  # a part that is not XML (an image) fails on its first chunk
                    xml_bytes += len(chunk)
                    if xml_bytes > limits.max_docx_xml_bytes:
                        raise _too_complex(f"XML parts over {limits.max_docx_xml_bytes} bytes")
                parser.close()
        except DocumentRejectedError:
            raise
        except etree.XMLSyntaxError:
            pass  # not XML, or damaged: python-docx refuses it if it is a part it reads
        except Exception as error:  # bad CRC, unsupported compression, inflate errors
            raise DocumentRejectedError(RejectionCode.DOCX_CORRUPT, detail=_describe(error)) from error


_CHUNK_BYTES = 64 * 1024


class _NodeCounter:
    """An lxml parser target that counts elements, comments and processing instructions, keeps
    nothing, and stops the parse once there are more than `limit` in the package."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.count = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self._one()

    def comment(self, text: str) -> None:
        self._one()

    def pi(self, target: str, data: str | None = None) -> None:
        self._one()

    def end(self, tag: str) -> None:
        pass

    def close(self) -> int:
        return self.count

    def _one(self) -> None:
        self.count += 1
        if self.count > self.limit:
            raise _too_complex(f"XML parts over {self.limit} elements")


def _too_complex(detail: str) -> DocumentRejectedError:
    return DocumentRejectedError(RejectionCode.DOCX_TOO_COMPLEX, detail=detail)


def _open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except Exception as error:  # BadZipFile, but also OSError/ValueError/EOFError on odd records
        raise DocumentRejectedError(RejectionCode.DOCX_NOT_ZIP, detail=_describe(error)) from error


def _content_types(archive: zipfile.ZipFile) -> bytes | None:
    try:
        member = archive.getinfo(CONTENT_TYPES)
    except KeyError:
        return None
    if member.file_size > MAX_CONTENT_TYPES_BYTES:
        return None
    try:
        with archive.open(member) as stream:
            return stream.read(MAX_CONTENT_TYPES_BYTES).lower()
    except Exception as error:  # bad CRC, unsupported compression, inflate errors
        raise DocumentRejectedError(RejectionCode.DOCX_CORRUPT, detail=_describe(error)) from error


def _refuse_macros(archive: zipfile.ZipFile, content_types: bytes) -> None:
    names = [name.lower() for name in archive.namelist()]
    macro_part = next((name for name in names if name.rsplit("/", 1)[-1] == "vbaproject.bin"), None)
    if macro_part is not None or any(marker in content_types for marker in _MACRO_MARKERS):
        raise DocumentRejectedError(
            RejectionCode.DOCX_MACRO_ENABLED,
            detail=f"macro part {macro_part!r}" if macro_part else "macro-enabled content type",
        )


def _open_body(data: bytes) -> Any:
    import docx  # deferred: only Word uploads pay for importing python-docx (and lxml)

    try:
        return docx.Document(io.BytesIO(data)).element.body
    except Exception as error:  # python-docx/lxml/zipfile raise KeyError, ValueError, XMLSyntaxError...
        raise DocumentRejectedError(RejectionCode.DOCX_CORRUPT, detail=_describe(error)) from error


def _body_lines(body: Any) -> Iterator[str]:
    if body is None:
        return
    for block in _children(body, (_P, _TBL)):
        if block.tag == _P:
            text = clean_text(_paragraph_text(block))
            if text.strip():
                yield text
        else:
            for row in _children(block, (_TR,)):
                cells = [_cell_text(cell) for cell in _children(row, (_TC,))]
                if any(cells):
                    yield " | ".join(cells)


def _children(parent: Any, tags: tuple[str, ...]) -> Iterator[Any]:
    """`parent`'s children with one of `tags`, in order, looking through content controls."""
    for child in parent:
        if child.tag in tags:
            yield child
        elif child.tag in _LOOK_THROUGH:
            yield from _children(child, tags)


def _cell_text(cell: Any) -> str:
    parts: list[str] = []
    for block in _children(cell, (_P, _TBL)):
        if block.tag == _P:
            parts.append(_paragraph_text(block))
        else:
            parts.extend(
                _cell_text(inner) for row in _children(block, (_TR,)) for inner in _children(row, (_TC,))
            )
    return " ".join(" ".join(clean_text(part).split()) for part in parts if part.strip())


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts)


def _collect(element: Any, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:  # comments and processing instructions have no str tag
            continue
        if tag == _TEXT:
            parts.append(child.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in _BREAKS:
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        else:
            _collect(child, parts)


def _bomb(detail: str) -> DocumentRejectedError:
    return DocumentRejectedError(RejectionCode.DOCX_ZIP_BOMB, detail=detail)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:500]
