"""A Word package (.docx, .dotx; Transitional or Strict OOXML): checked before anything is
inflated, then its parts read as XML trees.

The order of checks, each from the ZIP's central directory unless said otherwise:

1. the directory is readable (`DOCX_NOT_ZIP`: a file that starts like a ZIP but is cut short or
   damaged; Python says "File is not a zip file");
2. zip-bomb limits on the *declared* sizes: the member count, the sum of uncompressed sizes, and
   each large member's compression ratio (`DOCX_ZIP_BOMB`), judged by the member's type: images
   and metafiles (EMF, WMF, BMP, TIFF...) hold long runs of identical bytes and compress far
   more than XML (a normal report's EMF logo: 130x), so they get `max_docx_media_compression_ratio`,
   still under DEFLATE's ceiling (about 1032x) that a bomb of zeros reaches. `zipfile` never
   inflates a member past its declared size, so after this check no read can exceed the limits;
3. `[Content_Types].xml` (size-checked, read bounded) names a WordprocessingML document or
   template; another Office or OpenDocument file is `UNSUPPORTED_FILE_TYPE` with its real type
   named (`describe_package`), anything else `DOCX_CORRUPT`;
4. macros: a `vbaProject.bin` member or a `macroEnabled` content type (`.docm`, `.dotm`):
   `DOCX_MACRO_ENABLED`;
5. the XML parts' size: each member is streamed through a parser that keeps nothing (entities
   unresolved, no DTD, no network, no "huge" mode) to count its elements, comments and
   processing instructions, and the bytes the parser accepts (a part that is not XML, such as an
   image, fails on its first chunk). Over `max_docx_xml_elements` of them, or
   `max_docx_xml_bytes` of XML, is `DOCX_TOO_COMPLEX`: the declared-size checks bound what is
   inflated, not what a small, very repetitive XML part costs as a tree;
6. `read_word_package` follows the package's relationships to the main document and to its
   headers, footers, footnotes and endnotes, and parses each with the same safe parser. Strict
   OOXML names its elements and relationships in other namespaces (`http://purl.oclc.org/ooxml/`);
   they are mapped to the Transitional ones, which mean the same, before parsing. Anything that
   fails here (no main part, XML that does not parse, a failed CRC) is `DOCX_CORRUPT`.

python-docx is not used to read: it refuses templates (`.dotx`, another content type) and
Strict documents, and reads no header, footnote or text box in document order.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from typing import Any

from chalicelib.extract.errors import DocumentRejectedError, RejectionCode
from chalicelib.extract.pages import ExtractLimits

CONTENT_TYPES = "[Content_Types].xml"
MAX_MEMBERS = 5_000  # a real .docx has tens of parts; a few thousand images is already extreme
RATIO_MIN_BYTES = 1024 * 1024  # small parts (styles, settings) may compress very well; harmless
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
# Pictures and drawings, by name: judged by the media ratio (the name only relaxes the ratio; the
# total declared size still bounds the member).
MEDIA_SUFFIXES = (
    ".emf", ".wmf", ".emz", ".wmz", ".bmp", ".dib", ".tif", ".tiff", ".png", ".gif", ".jpg", ".jpeg",
    ".svg", ".ico", ".wdp", ".jxr", ".pict", ".pct",
)  # fmt: skip
# The main part's content type (lower-cased): a document or template, with or without macros.
_WORD_CONTENT_TYPES = (
    b"wordprocessingml.document.main+xml",
    b"wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.document.macroenabled.main+xml",
    b"application/vnd.ms-word.template.macroenabledtemplate.main+xml",
)
_MACRO_MARKERS = (b"macroenabled", b"vbaproject")
# What other packages are, for the message (checked in order, on lower-cased content types).
_OTHER_PACKAGES = (
    (b"spreadsheetml", "an Excel workbook (.xlsx)"),
    (b"ms-excel", "an Excel workbook (.xlsx)"),
    (b"presentationml", "a PowerPoint presentation (.pptx)"),
    (b"ms-powerpoint", "a PowerPoint presentation (.pptx)"),
    (b"ms-visio", "a Visio drawing (.vsdx)"),
    (b"xpsdocument", "an XPS document (.xps)"),
    (b"oxps", "an XPS document (.oxps)"),
)
_OPENDOCUMENT = (
    (b"opendocument.text", "an OpenDocument text file (.odt)"),
    (b"opendocument.spreadsheet", "an OpenDocument spreadsheet (.ods)"),
    (b"opendocument.presentation", "an OpenDocument presentation (.odp)"),
)
# Strict OOXML namespace -> the Transitional one (same elements, same meaning).
_STRICT = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
)  # fmt: skip
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHUNK_BYTES = 64 * 1024


@dataclass
class WordPackage:
    """The parsed parts that hold text, headers and footers in the order the sections name them."""

    document: Any
    headers: list[Any] = field(default_factory=list)
    footers: list[Any] = field(default_factory=list)
    footnotes: Any = None
    endnotes: Any = None


def open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except Exception as error:  # BadZipFile, but also OSError/ValueError/EOFError on odd records
        raise DocumentRejectedError(RejectionCode.DOCX_NOT_ZIP, detail=_describe(error)) from error


def check_word_package(archive: zipfile.ZipFile, limits: ExtractLimits) -> None:
    """Steps 2 to 5: refuse what is not a Word document, or is one too large to parse."""
    check_directory(archive, limits)
    content_types = content_types_of(archive)
    if content_types is None or not any(marker in content_types for marker in _WORD_CONTENT_TYPES):
        described = describe_package(archive)
        if described:
            raise DocumentRejectedError(
                RejectionCode.UNSUPPORTED_FILE_TYPE,
                f"This file is {described}, not a Word document (.docx) or a PDF. "
                "Upload the inspection report as a .docx or PDF file.",
                detail=f"a package of another kind: {described}",
            )
        raise DocumentRejectedError(
            RejectionCode.DOCX_CORRUPT,
            "This file is a ZIP archive or another kind of document, not a Word document (.docx). "
            "Upload the inspection report as a .docx or PDF file.",
            detail="[Content_Types].xml is missing or names no WordprocessingML part",
        )
    _refuse_macros(archive, content_types)
    check_xml_parts(archive, limits)


def is_word_package(data: bytes) -> bool:
    """Whether `data` is a readable ZIP whose content types name a Word document (for TYPE_MISMATCH)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content_types = content_types_of(archive)
    except Exception:  # noqa: BLE001  # any failure means "not recognisably Word"
        return False
    return content_types is not None and any(marker in content_types for marker in _WORD_CONTENT_TYPES)


def describe_zip(data: bytes) -> str:
    """`describe_package` of `data`, or "" when its directory cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return describe_package(archive)
    except Exception:  # noqa: BLE001  # not a readable ZIP: nothing to name
        return ""


def describe_package(archive: zipfile.ZipFile) -> str:
    """What a ZIP that is not a Word document is, in words ("an Excel workbook (.xlsx)"), or ""."""
    try:
        content_types = content_types_of(archive)
        if content_types is not None:
            return next((words for marker, words in _OTHER_PACKAGES if marker in content_types), "")
        member = archive.getinfo("mimetype")  # OpenDocument: a stored first member names the type
        if member.file_size > 200:
            return ""
        with archive.open(member) as stream:
            mimetype = stream.read(200).lower()
        return next((words for marker, words in _OPENDOCUMENT if marker in mimetype), "")
    except Exception:  # noqa: BLE001  # no mimetype member, a damaged one: nothing to name
        return ""


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
            media = member.filename.lower().endswith(MEDIA_SUFFIXES)
            limit = limits.max_docx_media_compression_ratio if media else limits.max_docx_compression_ratio
            if ratio > limit:
                raise _bomb(f"{member.filename!r} inflates {ratio:.0f}x ({member.file_size} bytes)")
        if member.flag_bits & 0x1:
            raise DocumentRejectedError(
                RejectionCode.DOCX_CORRUPT, detail=f"{member.filename!r} is ZIP-encrypted"
            )


def check_xml_parts(archive: zipfile.ZipFile, limits: ExtractLimits) -> None:
    """Count what parsing the package's XML would build, without building it."""
    from lxml import etree  # deferred: only Word uploads pay for importing lxml

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
            pass  # not XML, or damaged: refused below if it is a part that is read
        except Exception as error:  # bad CRC, unsupported compression, inflate errors
            raise DocumentRejectedError(RejectionCode.DOCX_CORRUPT, detail=_describe(error)) from error


def read_word_package(archive: zipfile.ZipFile) -> WordPackage:
    """Step 6: the main document and the parts with text it relates to, parsed."""
    try:
        parts = {info.filename.lower(): info for info in archive.infolist()}
        main_name = _target(archive, parts, "", "_rels/.rels", "officeDocument") or "word/document.xml"
        document = _parse(archive, parts, main_name) if main_name else None
        if document is None or document.find(f"{_W}body") is None:
            raise DocumentRejectedError(
                RejectionCode.DOCX_CORRUPT, detail="no main document part with a body"
            )
        folder, name = posixpath.split(main_name or "")
        relations = _relationships(archive, parts, posixpath.join(folder, "_rels", name + ".rels"))
        package = WordPackage(document=document)
        for reference_tag, found in (
            (f"{_W}headerReference", package.headers),
            (f"{_W}footerReference", package.footers),
        ):
            seen: set[str] = set()
            for reference in document.iter(reference_tag):
                target = relations.get(reference.get(_R_ID, ""))
                if target and target[1] not in seen:
                    seen.add(target[1])
                    part = _parse(archive, parts, _resolve(folder, target[1]))
                    if part is not None:
                        found.append(part)
        for kind in ("footnotes", "endnotes"):
            target_name = next((target for rel_type, target in relations.values() if rel_type == kind), None)
            if target_name:
                setattr(package, kind, _parse(archive, parts, _resolve(folder, target_name)))
        return package
    except DocumentRejectedError:
        raise
    except Exception as error:  # lxml, zipfile (bad CRC), odd relationship targets
        raise DocumentRejectedError(RejectionCode.DOCX_CORRUPT, detail=_describe(error)) from error


def _relationships(
    archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], name: str
) -> dict[str, tuple[str, str]]:
    """A .rels part: id -> (the type's last word, target), internal targets only."""
    root = _parse(archive, parts, name)
    if root is None:
        return {}
    found: dict[str, tuple[str, str]] = {}
    for relation in root.iter(f"{_RELS_NS}Relationship"):
        if relation.get("TargetMode", "Internal") != "Internal":
            continue
        found[relation.get("Id", "")] = (
            relation.get("Type", "").rsplit("/", 1)[-1],
            relation.get("Target", ""),
        )
    return found


def _target(
    archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], folder: str, rels: str, kind: str
) -> str | None:
    relations = _relationships(archive, parts, rels)
    target = next((target for rel_type, target in relations.values() if rel_type == kind), None)
    return _resolve(folder, target) if target else None


def _resolve(folder: str, target: str) -> str:
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(path).lstrip("/")


def _parse(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], name: str) -> Any:
    """The part's XML tree (Strict namespaces mapped), or None when there is no such part."""
    from lxml import etree

    member = parts.get(name.lower())
    if member is None:
        return None
    data = archive.read(member)
    for strict, transitional in _STRICT:
        data = data.replace(strict, transitional)
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
    return etree.fromstring(data, parser)


def content_types_of(archive: zipfile.ZipFile) -> bytes | None:
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


def _bomb(detail: str) -> DocumentRejectedError:
    return DocumentRejectedError(RejectionCode.DOCX_ZIP_BOMB, detail=detail)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:500]
