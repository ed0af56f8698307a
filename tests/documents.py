"""Generated PDFs, Word documents and bad files for the extraction tests and the benchmark.

Everything is built in memory, deterministically (fixed dates, fixed ZIP timestamps, seeded
"random" bytes), and fast: a 100-page PDF takes a fraction of a second. PDFs come from fpdf2
with a core font (Helvetica), so their text must be Latin-1; Word documents come from
python-docx and are re-zipped with fixed timestamps.
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal
from unittest import mock

if TYPE_CHECKING:
    from fpdf import FPDF

FIXED_DATE = datetime(2024, 3, 3, 9, 30, tzinfo=UTC)
_ZIP_DATE = (2024, 3, 3, 9, 30, 0)

# --- PDF -------------------------------------------------------------------------------------


def _new_pdf() -> FPDF:
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_producer("tests/documents.py")
    pdf.set_auto_page_break(False)  # one string in, exactly one page out
    pdf.set_font("Helvetica", size=10)
    return pdf


def _write_pages(pdf: FPDF, pages: list[str]) -> None:
    for page in pages:
        pdf.add_page()
        for number, line in enumerate(page.split("\n")):
            if line:
                pdf.text(x=15, y=20 + number * 5, text=line)


def make_pdf(pages: list[str]) -> bytes:
    """A PDF with a real text layer: one page per string, one text line per "\\n"-separated line."""
    pdf = _new_pdf()
    _write_pages(pdf, pages)
    return _output(pdf)


def make_report_pages(count: int, lines_per_page: int = 40) -> list[str]:
    """`count` pages of plausible inspection notes, each line naming its page and line."""
    rooms = ("Kitchen", "Hallway", "Dining room", "Laundry", "Bedroom 2", "Bathroom")
    return [
        "\n".join(
            f"p{page} l{line}: {rooms[(page + line) % len(rooms)]} 12 x 14 ft, drywall {20 + line % 15}%MC"
            for line in range(1, lines_per_page + 1)
        )
        for page in range(1, count + 1)
    ]


def make_image_only_pdf(n_pages: int = 2) -> bytes:
    """A "scanned" PDF: every page is a picture, with no text layer at all."""
    from PIL import Image

    scan = Image.linear_gradient("L").resize((170, 240))
    pdf = _new_pdf()
    for _ in range(n_pages):
        pdf.add_page()
        pdf.image(scan, x=20, y=20, w=170)
    return _output(pdf)


def make_encrypted_pdf(
    pages: list[str] | None = None,
    *,
    user_password: str | None = "secret",
    owner_password: str = "owner-secret",
    method: Literal["RC4", "AES_128", "AES_256"] = "AES_256",
) -> bytes:
    """An encrypted PDF; with `user_password=None` it opens without a password (owner-only)."""
    from fpdf.encryption import StandardSecurityHandler
    from fpdf.enums import EncryptionMethod

    pdf = _new_pdf()
    pdf.set_encryption(
        owner_password=owner_password,
        user_password=user_password,
        encryption_method=EncryptionMethod[method],
    )
    _write_pages(pdf, pages or ["Kitchen 12 x 14 ft, vinyl floor wet."])
    rng = random.Random(1)  # AES salts and IVs, seeded so the file is the same every time
    with mock.patch.object(StandardSecurityHandler, "get_random_bytes", side_effect=rng.randbytes):
        return _output(pdf)


def truncated_pdf(data: bytes | None = None, keep: float = 0.6) -> bytes:
    """The first `keep` of a PDF, as when an upload or a save was cut short."""
    data = data if data is not None else make_pdf(make_report_pages(3))
    return data[: int(len(data) * keep)]


def pdf_without_xref(data: bytes | None = None) -> bytes:
    """A PDF whose cross-reference table, trailer and `startxref` are gone, though it ends in %%EOF."""
    data = data if data is not None else make_pdf(make_report_pages(3))
    return data[: data.rindex(b"\nxref")] + b"\n%%EOF\n"


def pdf_with_wrong_startxref(data: bytes | None = None) -> bytes:
    """A complete PDF whose `startxref` offset is wrong: common in the wild, and readable."""
    data = data if data is not None else make_pdf(make_report_pages(3))
    at = data.rindex(b"startxref")
    return data[:at] + b"startxref\n17\n%%EOF\n"


def _output(pdf: FPDF) -> bytes:
    return bytes(pdf.output())


# --- Word ------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def make_docx(
    paragraphs: list[str],
    table: list[list[str]] | None = None,
    *,
    table_at: int = 1,
) -> bytes:
    """A .docx: `paragraphs` in order, with `table` (rows of cells) before `paragraphs[table_at]`."""
    import docx

    document = docx.Document()
    for index, text in enumerate([*paragraphs, None]):
        if table is not None and index == table_at:
            grid = document.add_table(rows=len(table), cols=max(len(row) for row in table))
            for row, cells in zip(grid.rows, table, strict=True):
                for cell, value in zip(row.cells, cells, strict=False):
                    cell.text = value
        if text is not None:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return rezip(buffer.getvalue())


def make_docx_with_body(body_xml: str) -> bytes:
    """A .docx whose `<w:body>` content is `body_xml` (prefix `w:`), for structures python-docx
    does not build: content controls, tracked changes, merged cells, text boxes."""
    document_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="">'
        f"<w:body>{body_xml}<w:sectPr/></w:body></w:document>"
    )
    return replace_members(make_docx([]), {"word/document.xml": document_xml.encode()})


def make_macro_docm(*, vba_part: bool = True, macro_content_type: bool = True) -> bytes:
    """A macro-enabled Word document (.docm): a `word/vbaProject.bin` part and/or its content type."""
    base = make_docx(["Dear insurer, please enable macros."])
    members = read_members(base)
    types = members["[Content_Types].xml"].decode()
    if macro_content_type:
        types = types.replace(DOCX_MAIN, DOCM_MAIN)
    if vba_part:
        vba_type = '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        types = types.replace("<Default Extension=", vba_type + "<Default Extension=", 1)
        members["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    members["[Content_Types].xml"] = types.encode()
    return write_members(members)


def make_zip_bomb(inflated_bytes: int = 16 * 1024 * 1024, member: str = "word/media/image1.png") -> bytes:
    """A real .docx plus one member of `inflated_bytes` zeros (a ~1000:1 ratio), streamed so that
    building it never holds the inflated data."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in read_members(make_docx(["Kitchen 12 x 14 ft."])).items():
            archive.writestr(_zip_info(name), data)
        chunk = bytes(1024 * 1024)
        with archive.open(_zip_info(member), "w", force_zip64=True) as stream:
            for _ in range(inflated_bytes // len(chunk)):
                stream.write(chunk)
    return buffer.getvalue()


def make_incompressible_docx(extra_bytes: int) -> bytes:
    """A .docx with `extra_bytes` of seeded random media: large when inflated, but no bomb ratio."""
    media = random.Random(7).randbytes(extra_bytes)
    return replace_members(make_docx(["Photos attached."]), {"word/media/photo1.jpeg": media})


def make_not_word_zip() -> bytes:
    """A valid ZIP that is not a Word document (a folder of site notes and photos)."""
    return write_members(
        {"notes.txt": b"Kitchen 12 x 14 ft.", "photos/IMG_0001.jpg": b"\xff\xd8\xff" + bytes(64)}
    )


def make_xlsx_like() -> bytes:
    """A ZIP that is an Office file, but a spreadsheet rather than a Word document."""
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    )
    return write_members({"[Content_Types].xml": types.encode(), "xl/workbook.xml": b"<workbook/>"})


def truncated_docx(data: bytes | None = None, keep: float = 0.6) -> bytes:
    """The first `keep` of a .docx: its ZIP directory (at the end) is gone."""
    data = data if data is not None else make_docx(["Kitchen 12 x 14 ft."])
    return data[: int(len(data) * keep)]


def docx_with_broken_xml() -> bytes:
    """A .docx whose main document part is not well-formed XML."""
    return replace_members(make_docx(["x"]), {"word/document.xml": b"<w:document><w:body><w:p>"})


def docx_with_bad_crc() -> bytes:
    """A .docx whose document part's bytes were damaged after zipping (its CRC no longer matches)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in read_members(make_docx(["Kitchen 12 x 14 ft."])).items():
            archive.writestr(_zip_info(name, zipfile.ZIP_STORED), data)
    raw = bytearray(buffer.getvalue())
    at = raw.index(b"Kitchen 12 x 14 ft.")
    raw[at : at + 7] = b"Bedroom"
    return bytes(raw)


def read_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_members(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(_zip_info(name), data)
    return buffer.getvalue()


def replace_members(data: bytes, replacements: dict[str, bytes]) -> bytes:
    return write_members({**read_members(data), **replacements})


def rezip(data: bytes) -> bytes:
    """The same ZIP with fixed timestamps, so generated documents are byte-for-byte stable."""
    return write_members(read_members(data))


def _zip_info(name: str, compression: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = compression
    return info


# --- Not documents ---------------------------------------------------------------------------


def _ole2(*stream_names: str) -> bytes:
    """An OLE2 compound file's header sector plus a directory sector naming `stream_names`."""
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # signature
        + bytes(16)  # CLSID
        + b"\x3e\x00\x03\x00\xfe\xff\x09\x00\x06\x00"  # versions, byte order, sector shifts
        + bytes(6)
        + (1).to_bytes(4, "little") * 2  # directory sectors, FAT sectors
        + (1).to_bytes(4, "little")  # first directory sector
        + bytes(4)
        + (4096).to_bytes(4, "little")  # mini stream cutoff
    )
    header = header.ljust(512, b"\x00")
    directory = b"".join(
        name.encode("utf-16-le").ljust(64, b"\x00") + (2 * len(name) + 2).to_bytes(2, "little") + bytes(62)
        for name in ("Root Entry", *stream_names)
    )
    return header + directory.ljust(1024, b"\x00")


# A Word 97-2003 .doc (an OLE2 compound file with a WordDocument stream).
OLE_DOC_BYTES = _ole2("WordDocument", "1Table", "\x05SummaryInformation")
# A password-protected .docx: Word stores the encrypted package inside an OLE2 file.
ENCRYPTED_DOCX_BYTES = _ole2("EncryptionInfo", "EncryptedPackage", "\x06DataSpaces")
# A Windows program renamed to report.pdf.
EXE_BYTES = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00\xb8" + bytes(43) + b"\x80\x00\x00\x00"
).ljust(128, b"\x00") + b"This program cannot be run in DOS mode.\r\r\n$".ljust(384, b"\x00")
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(13) + zlib.crc32(b"IHDR").to_bytes(4, "big")
PLAIN_TEXT_BYTES = b"Cause: burst supply line under the kitchen sink.\nKitchen 12x14 ft, vinyl floor wet.\n"
RTF_BYTES = rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} Kitchen 12 x 14 ft.\par }"


def garbage(count: int, seed: int = 20240303) -> Iterator[bytes]:
    """Seeded random and near-miss byte strings: noise, and real headers followed by noise."""
    rng = random.Random(seed)
    prefixes = (b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"PK\x05\x06", b"MZ")
    for index in range(count):
        body = rng.randbytes(rng.randint(0, 4096))
        yield prefixes[index % len(prefixes)] + body


@contextmanager
def quiet_pypdf() -> Iterator[None]:
    """Silence pypdf's repair warnings (expected with broken files) for the duration."""
    import logging

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def mutations(data: bytes, count: int, seed: int = 7) -> Iterator[bytes]:
    """`data` with seeded damage: overwritten bytes, cut ranges, or a cut-off end."""
    rng = random.Random(seed)
    for _ in range(count):
        damaged = bytearray(data)
        action = rng.randrange(3)
        if action == 0:
            for _ in range(rng.randint(1, 16)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        elif action == 1:
            start = rng.randrange(len(damaged))
            del damaged[start : start + rng.randint(1, 512)]
        else:
            del damaged[rng.randrange(1, len(damaged)) :]
        yield bytes(damaged)
