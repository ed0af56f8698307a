"""DOCX: the text of a Word document, its forms, text boxes, headers, footers and notes, in
reading order, each line marked with where it came from when that is not the body.

The package is checked and parsed by `ooxml.py`. The text, as lines:

    [Header] Claim number: ABC-123      each header's lines, in the order the sections name them
    Cause: burst flexi hose             the body, in document order
    Urgency: ☒ Urgent ☐ Routine         checkboxes as ☒ (checked) / ☐ (not)
    [Text box] Kitchen 12 x 14 ft       a text box's lines, after the paragraph it is anchored in
    [Footnote] Meter: Protimeter        footnotes, then endnotes
    [Footer] Acme Restorations          each footer's lines

A source marker is a prefix in square brackets the offline analyzer strips before it matches
(`Label: value` lines read as in the body); a reader, and Claude, see where the line came from.
Identical lines of one kind (the same header in three sections) appear once.

The body: a paragraph is its lines, a table row is one line of its cells joined by " | ", and
content controls (`w:sdt`) and custom XML wrappers are looked through. Paragraph text is
gathered from the XML: runs inside tracked insertions, content controls, simple fields and
hyperlinks are read; deleted text and field codes are not; a line break starts a new line.
Forms:
- a checkbox content control (`w14:checkbox`) is ☒ or ☐ from its `w14:checked` state, not the
  glyph its content happens to hold; a legacy checkbox field (FORMCHECKBOX) likewise from its
  `w:ffData` (`w:checked`, else `w:default`);
- a dropdown or text content control is its content; one still showing its placeholder
  ("Click or tap here to enter text.") is nothing; a legacy dropdown (FORMDROPDOWN) is its chosen
  entry; a legacy text field (FORMTEXT) is its result text;
- a Wingdings/Symbol box character (`w:sym`) typed as a checkbox is ☒ or ☐.
Text boxes and shapes (`w:txbxContent`) are read from the preferred copy of markup-compatibility
content (`mc:Choice`); the `mc:Fallback` copy of the same box is not read again.
Empty paragraphs and empty rows are skipped. A cell's paragraphs (and nested tables) are joined
with spaces; merged cells appear once. Headers and footers alone are not a document: without a
line from the body, its text boxes or its notes, the file is `DOCX_NO_TEXT`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from chalicelib.extract.errors import DocumentRejectedError, RejectionCode
from chalicelib.extract.ooxml import check_word_package, open_zip, read_word_package
from chalicelib.extract.pages import ExtractLimits, PageText, check_text_size, clean_text

HEADER, FOOTER, TEXT_BOX = "[Header] ", "[Footer] ", "[Text box] "
FOOTNOTE, ENDNOTE = "[Footnote] ", "[Endnote] "
CHECKED, UNCHECKED = "\u2612", "\u2610"  # ☒ ☐

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_SDT, _SDT_PR, _SDT_CONTENT = f"{_W}sdt", f"{_W}sdtPr", f"{_W}sdtContent"
# Block and row wrappers whose content counts as if it were in their parent.
_LOOK_THROUGH = frozenset({f"{_W}customXml", f"{_W}smartTag"})
_TEXT, _TAB, _BREAKS = f"{_W}t", f"{_W}tab", frozenset({f"{_W}br", f"{_W}cr"})
_NO_BREAK_HYPHEN, _SYM, _FLD_CHAR = f"{_W}noBreakHyphen", f"{_W}sym", f"{_W}fldChar"
_TEXT_BOX = f"{_W}txbxContent"
_VAL = f"{_W}val"
# Never descended into within a paragraph: properties, deleted or moved-away text, and
# markup-compatibility fallbacks (a second copy of the preferred content).
_SKIP = frozenset(
    {f"{_W}pPr", f"{_W}rPr", f"{_W}del", f"{_W}moveFrom", f"{_MC}Fallback", f"{_W}footnoteReference"}
)
_FALSE = frozenset({"0", "false", "off"})
# Box characters of the symbol fonts (the low byte of `w:char`): checked, and not.
_SYMBOL_CHECKED = frozenset({"78", "fd", "fe"})
_SYMBOL_UNCHECKED = frozenset({"6f", "71", "a8"})
_NOTE_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})


def extract_docx_pages(data: bytes, limits: ExtractLimits) -> list[PageText]:
    """The document's text as one page (numbered 1: a .docx has no fixed pages)."""
    with open_zip(data) as archive:
        check_word_package(archive, limits)
        package = read_word_package(archive)

    sources: list[tuple[str, Iterator[str]]] = [(HEADER, _blocks_lines(part)) for part in package.headers]
    sources.append(("", _blocks_lines(package.document.find(f"{_W}body"))))
    if package.footnotes is not None:
        sources.append((FOOTNOTE, _notes_lines(package.footnotes)))
    if package.endnotes is not None:
        sources.append((ENDNOTE, _notes_lines(package.endnotes)))
    sources.extend((FOOTER, _blocks_lines(part)) for part in package.footers)

    lines: list[str] = []
    seen: set[str] = set()
    chars, has_content = -1, False
    for marker, source in sources:
        for line in source:
            marked = marker + line
            if marker in (HEADER, FOOTER):
                if marked in seen:
                    continue
                seen.add(marked)
            else:
                has_content = True
            chars += len(marked) + 1
            check_text_size(chars, limits)
            lines.append(marked)
    if not has_content:
        raise DocumentRejectedError(RejectionCode.DOCX_NO_TEXT)
    return [PageText(page=1, text="\n".join(lines))]


def _notes_lines(notes: Any) -> Iterator[str]:
    for note in notes:
        if note.get(f"{_W}type") not in _NOTE_SEPARATORS:
            yield from _blocks_lines(note)


def _blocks_lines(parent: Any) -> Iterator[str]:
    """The lines of a body, cell, header, note or text box: paragraphs and table rows, each
    followed by the lines of the text boxes anchored in it."""
    if parent is None:
        return
    for block in _children(parent, (_P, _TBL)):
        boxes: list[Any] = []
        if block.tag == _P:
            text = clean_text(_paragraph_text(block, boxes))
            if text.strip():
                yield from text.split("\n")
        else:
            for row in _children(block, (_TR,)):
                cells = [_cell_text(cell, boxes) for cell in _children(row, (_TC,))]
                if any(cells):
                    yield " | ".join(cells)
        for box in boxes:
            yield from (TEXT_BOX + line for line in _blocks_lines(box))


def _children(parent: Any, tags: tuple[str, ...]) -> Iterator[Any]:
    """`parent`'s children with one of `tags`, in order, looking through content controls."""
    for child in parent:
        if child.tag in tags:
            yield child
        elif child.tag == _SDT:
            content = _control_content(child)
            if content is not None:
                yield from _children(content, tags)
        elif child.tag in _LOOK_THROUGH:
            yield from _children(child, tags)


def _cell_text(cell: Any, boxes: list[Any]) -> str:
    parts: list[str] = []
    for block in _children(cell, (_P, _TBL)):
        if block.tag == _P:
            parts.append(_paragraph_text(block, boxes))
        else:
            parts.extend(
                _cell_text(inner, boxes)
                for row in _children(block, (_TR,))
                for inner in _children(row, (_TC,))
            )
    return " ".join(" ".join(clean_text(part).split()) for part in parts if part.strip())


def _paragraph_text(paragraph: Any, boxes: list[Any]) -> str:
    parts: list[str] = []
    _collect(paragraph, parts, boxes)
    return "".join(parts)


def _collect(element: Any, parts: list[str], boxes: list[Any]) -> None:
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
        elif tag == _SYM:
            parts.append(_symbol(child))
        elif tag == _FLD_CHAR:
            parts.append(_legacy_field(child))
        elif tag == _TEXT_BOX:
            boxes.append(child)  # read after the paragraph, as its own lines
        elif tag == _SDT:
            checkbox = _checkbox_state(child)
            if checkbox is not None:
                parts.append(CHECKED if checkbox else UNCHECKED)
                continue
            content = _control_content(child)
            if content is not None:
                _collect(content, parts, boxes)
        else:
            _collect(child, parts, boxes)


def _control_content(control: Any) -> Any:
    """A content control's content, or None while it shows its placeholder text."""
    properties = control.find(_SDT_PR)
    if properties is not None and properties.find(f"{_W}showingPlcHdr") is not None:
        return None
    return control.find(_SDT_CONTENT)


def _checkbox_state(control: Any) -> bool | None:
    """A checkbox content control's state; None when the control is no checkbox."""
    properties = control.find(_SDT_PR)
    box = properties.find(f"{_W14}checkbox") if properties is not None else None
    if box is None:
        return None
    checked = box.find(f"{_W14}checked")
    return checked is not None and checked.get(f"{_W14}val", "1").lower() not in _FALSE


def _legacy_field(char: Any) -> str:
    """What a legacy form field shows where it begins: a checkbox's box, a dropdown's choice.
    (A text field's result is in the runs that follow, read as any text.)"""
    data = char.find(f"{_W}ffData") if char.get(f"{_W}fldCharType") == "begin" else None
    if data is None:
        return ""
    checkbox = data.find(f"{_W}checkBox")
    if checkbox is not None:
        state = checkbox.find(f"{_W}checked")
        if state is None:
            state = checkbox.find(f"{_W}default")
        checked = state is not None and state.get(_VAL, "1").lower() not in _FALSE
        return CHECKED if checked else UNCHECKED
    dropdown = data.find(f"{_W}ddList")
    if dropdown is not None:
        entries = [entry.get(_VAL, "") for entry in dropdown.findall(f"{_W}listEntry")]
        result = dropdown.find(f"{_W}result")
        try:
            index = int(result.get(_VAL, "0")) if result is not None else 0
        except ValueError:
            index = 0
        return entries[index] if 0 <= index < len(entries) else ""
    return ""


def _symbol(sym: Any) -> str:
    """A `w:sym` character: a box from a symbol font as ☒/☐, a plain character as itself."""
    code = (sym.get(f"{_W}char") or "").lower()
    low = code[-2:]
    if code.startswith("f0") and low in _SYMBOL_CHECKED:
        return CHECKED
    if code.startswith("f0") and low in _SYMBOL_UNCHECKED:
        return UNCHECKED
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    return "" if 0xF000 <= value <= 0xF0FF or value < 0x20 else chr(value) if value < 0x110000 else ""
