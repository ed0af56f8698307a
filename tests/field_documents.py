"""Generated documents as they come from the field: filled PDF forms, Word forms with headers,
text boxes and notes, Strict and template packages, other Office files, PDFs with padding, a
damaged page, broken font maps or garbage text. Deterministic, like `tests/documents.py`.
"""

from __future__ import annotations

import io
import random
from typing import Any

from tests.documents import make_pdf, read_members, write_members

# --- PDF -------------------------------------------------------------------------------------


def _writer(base: bytes) -> Any:
    from pypdf import PdfReader, PdfWriter

    return PdfWriter(clone_from=PdfReader(io.BytesIO(base)))


def _written(writer: Any) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def rect(left: float, bottom: float, right: float, top: float) -> Any:
    from pypdf.generic import ArrayObject, FloatObject

    return ArrayObject([FloatObject(left), FloatObject(bottom), FloatObject(right), FloatObject(top)])


def make_pdf_form(page_text: str, widgets: list[dict[str, Any]]) -> bytes:
    """A one-page PDF with `page_text` and an AcroForm whose widgets are `widgets` (pypdf
    dictionaries by key, e.g. {"/FT": "/Tx", "/T": "claim_number", "/V": "ABC-123", "/Rect": ...}):
    plain strings become names when they start with "/", text otherwise. A "/Kids" list holds
    child widget dictionaries (a radio group)."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject

    writer = _writer(make_pdf([page_text]))
    page = writer.pages[0]
    annotations = ArrayObject()
    fields = ArrayObject()

    def add(spec: dict[str, Any], parent: Any = None) -> Any:
        node = DictionaryObject()
        reference = writer._add_object(node)
        for key, value in spec.items():
            if key != "/Kids":
                node[NameObject(key)] = _pdf_value(value)
        if parent is not None:
            node[NameObject("/Parent")] = parent
        kids = spec.get("/Kids")
        if kids:
            node[NameObject("/Kids")] = ArrayObject(add(kid, reference) for kid in kids)
        else:
            node[NameObject("/Type")] = NameObject("/Annot")
            node[NameObject("/Subtype")] = NameObject("/Widget")
            node[NameObject("/P")] = page.indirect_reference
            annotations.append(reference)
        return reference

    for spec in widgets:
        fields.append(add(spec))
    page[NameObject("/Annots")] = annotations
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject({NameObject("/Fields"): fields})
    return _written(writer)


def _pdf_value(value: Any) -> Any:
    from pypdf.generic import NameObject, NumberObject, PdfObject, TextStringObject

    if isinstance(value, PdfObject):
        return value
    if isinstance(value, int):
        return NumberObject(value)
    if isinstance(value, str) and value.startswith("/"):
        return NameObject(value)
    return TextStringObject(value)


def pdf_with_damaged_page(pages: list[str], damaged: int) -> bytes:
    """A PDF of `pages` whose page `damaged` (1-based) ends in an inline image cut short: pypdf
    raises reading that page's text (the others read normally)."""
    from pypdf.generic import NameObject, StreamObject

    writer = _writer(make_pdf(pages))
    content = StreamObject()
    content.set_data(b"BT /F1 12 Tf (a) Tj ET BI /W 10 /H 10 /BPC 8 /CS /RGB ID \x00\x01")
    writer.pages[damaged - 1][NameObject("/Contents")] = writer._add_object(content)
    return _written(writer)


def pdf_with_surrogates(text: str) -> bytes:
    """A one-page PDF of `text` whose font maps "A" to a lone high surrogate and "K" to a lone
    low one (a broken ToUnicode map, as found in the wild): pypdf extracts U+D800 / U+DC00."""
    from pypdf.generic import NameObject, StreamObject

    writer = _writer(make_pdf([text]))
    cmap = StreamObject()
    cmap.set_data(
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Broken def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"2 beginbfchar <41> <D800> <4B> <DC00> endbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    reference = writer._add_object(cmap)
    fonts = writer.pages[0]["/Resources"]["/Font"]
    for name in fonts:
        fonts[name].get_object()[NameObject("/ToUnicode")] = reference
    return _written(writer)


def caesar(text: str, shift: int = 3) -> str:
    """`text` with each letter moved `shift` places: what a font with a shifted glyph map gives."""

    def moved(char: str) -> str:
        if "a" <= char <= "z":
            return chr((ord(char) - 97 + shift) % 26 + 97)
        if "A" <= char <= "Z":
            return chr((ord(char) - 65 + shift) % 26 + 65)
        return char

    return "".join(moved(char) for char in text)


INSPECTION_PAGE = (
    "Claim number: CLM-88213\n"
    "Cause of loss: the dishwasher supply line burst and water ran under the kitchen cabinets.\n"
    "Kitchen 12 x 14 ft, vinyl floor and the bottom of the drywall are wet.\n"
    "Hallway carpet and pad are saturated along the kitchen side of the room.\n"
    "Drywall north wall 32% MC at the base, 12% at 600 mm. Dry standard 10%.\n"
    "Placed 3 air movers and 1 dehumidifier on the first day and took readings daily."
)
GLYPH_NAMES_PAGE = "\n".join("/g3/g135/g12/g4/g55 /g6/g7/g19/g3/g88 /g41/g2/g9" for _ in range(6))
CID_PAGE = "\n".join("(cid:12)(cid:45)(cid:3) (cid:8)(cid:9)(cid:71)(cid:3)" for _ in range(6))


# --- Word ------------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
STRICT_R = "http://purl.oclc.org/ooxml/officeDocument/relationships"
_NAMESPACES = (
    f'xmlns:w="{W}" xmlns:r="{R}" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="w14"'
)
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}.main+xml"
_PART = "application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*inner: str) -> str:
    return "<w:p>" + "".join(inner) + "</w:p>"


def checkbox_control(checked: bool) -> str:
    """A checkbox content control (Word 2010+), showing the glyph of its state as Word writes it."""
    state = "1" if checked else "0"
    glyph = "\u2612" if checked else "\u2610"
    return (
        f'<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{state}"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
        f"<w:sdtContent>{run(glyph)}</w:sdtContent></w:sdt>"
    )


def dropdown_control(items: list[str], shown: str) -> str:
    entries = "".join(f'<w:listItem w:displayText="{item}" w:value="{item}"/>' for item in items)
    return (
        f"<w:sdt><w:sdtPr><w:dropDownList>{entries}</w:dropDownList></w:sdtPr>"
        f"<w:sdtContent>{run(shown)}</w:sdtContent></w:sdt>"
    )


def placeholder_control(text: str = "Click or tap here to enter text.") -> str:
    return f"<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{run(text)}</w:sdtContent></w:sdt>"


def legacy_checkbox(checked: bool, *, default: bool | None = None) -> str:
    """A FORMCHECKBOX field: its state in `w:ffData`; no result text follows."""
    state = (
        f'<w:checked w:val="{int(checked)}"/>' if default is None else f'<w:default w:val="{int(default)}"/>'
    )
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/>{state}'
        "</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def legacy_dropdown(entries: list[str], chosen: int) -> str:
    listed = "".join(f'<w:listEntry w:val="{entry}"/>' for entry in entries)
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:ddList><w:result w:val="{chosen}"/>{listed}'
        "</w:ddList></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMDROPDOWN </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def legacy_text(value: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:textInput/></w:ffData></w:fldChar></w:r>'
        '<w:r><w:instrText> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'{run(value)}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def text_box(*lines: str) -> str:
    """A floating text box as Word writes it: the shape (mc:Choice) and a VML copy (mc:Fallback)."""
    inner = "<w:txbxContent>" + "".join(para(run(line)) for line in lines) + "</w:txbxContent>"
    return (
        "<w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{inner}</wps:txbx></w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict><v:textbox>{inner}</v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def make_word_package(
    body: str,
    *,
    header: str | None = None,
    footer: str | None = None,
    footnotes: list[str] | None = None,
    template: bool = False,
    strict: bool = False,
) -> bytes:
    """A Word package built part by part: `body` (w: XML), an optional header, footer (w: XML of
    their paragraphs) and footnotes (texts); a template (.dotx) or a Strict OOXML document."""
    kind = "template" if template else "document"
    overrides = [("/word/document.xml", _MAIN.format(kind=kind))]
    relations: list[tuple[str, str, str]] = []
    parts: dict[str, str] = {}
    references = ""
    if header is not None:
        parts["word/header1.xml"] = f"<w:hdr {_NAMESPACES}>{header}</w:hdr>"
        overrides.append(("/word/header1.xml", _PART.format(kind="header")))
        relations.append(("rIdH", "header", "header1.xml"))
        references += '<w:headerReference w:type="default" r:id="rIdH"/>'
    if footer is not None:
        parts["word/footer1.xml"] = f"<w:ftr {_NAMESPACES}>{footer}</w:ftr>"
        overrides.append(("/word/footer1.xml", _PART.format(kind="footer")))
        relations.append(("rIdF", "footer", "footer1.xml"))
        references += '<w:footerReference w:type="default" r:id="rIdF"/>'
    if footnotes is not None:
        notes = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        notes += "".join(
            f'<w:footnote w:id="{index}">{para(run(text))}</w:footnote>'
            for index, text in enumerate(footnotes, 1)
        )
        parts["word/footnotes.xml"] = f"<w:footnotes {_NAMESPACES}>{notes}</w:footnotes>"
        overrides.append(("/word/footnotes.xml", _PART.format(kind="footnotes")))
        relations.append(("rIdN", "footnotes", "footnotes.xml"))
    conformance = ' w:conformance="strict"' if strict else ""
    parts["word/document.xml"] = (
        f"<w:document {_NAMESPACES}{conformance}><w:body>{body}"
        f"<w:sectPr>{references}</w:sectPr></w:body></w:document>"
    )
    rel_base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts["word/_rels/document.xml.rels"] = _rels(
        [(i, f"{rel_base}/{t}", target) for i, t, target in relations]
    )
    parts["_rels/.rels"] = _rels([("rId1", f"{rel_base}/officeDocument", "word/document.xml")])
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides)
        + "</Types>"
    )
    members = {}
    for name, xml in parts.items():
        if strict:
            xml = xml.replace(W, STRICT_W).replace(rel_base, STRICT_R).replace(R, STRICT_R)
        members[name] = (_XML_HEAD + xml).encode()
    return write_members(members)


def _rels(relations: list[tuple[str, str, str]]) -> str:
    return (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in relations)
        + "</Relationships>"
    )


def emf_like(size: int = 2 * 1024 * 1024, records_between_noise: int = 75) -> bytes:
    """Metafile-like bytes: runs of identical records with a little noise; DEFLATE squeezes them
    about 130:1 (a normal report's EMF logo did)."""
    rng = random.Random(130)
    record = b"\x0e\x00\x00\x00\x14\x00\x00\x00" + bytes(12)
    out = bytearray()
    while len(out) < size:
        out += record * records_between_noise + rng.randbytes(4)
    return bytes(out[:size])


def with_member(data: bytes, name: str, member: bytes) -> bytes:
    return write_members({**read_members(data), name: member})


def office_package(main_type: str, main_part: str) -> bytes:
    """A minimal Office package whose main part has content type `main_type`."""
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/{main_part}" ContentType="{main_type}"/></Types>'
    )
    return write_members({"[Content_Types].xml": types.encode(), main_part: b"<root/>"})


XLSX = office_package(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml"
)
PPTX = office_package(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    "ppt/presentation.xml",
)
ODT = write_members({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})
