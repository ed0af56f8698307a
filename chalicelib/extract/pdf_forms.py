"""A PDF page's filled form fields (AcroForm widgets) as labelled lines.

pypdf's `extract_text` reads the page's content stream, not the widgets drawn over it, so a
filled form came out as its blank labels. Each widget on the page gives one line, marked with
where it came from, in reading order (top to bottom, then left to right), after the page's text:

    [Form field] Claim number: ABC-123        a text field or a choice (list, combo box)
    [Form field] ☒ Urgent                     a checkbox, checked (☐ when not)
    [Form field] Category: 2                  a radio group: its chosen option
    [Form field] Notes: first line            a multi-line value: each line marked
    [Form field] second line

The label is the field's tooltip (`/TU`, the name a form designer writes for people) or else its
name (`/T`, parents' names first) with `_` and `.` read as spaces. Empty text fields, push
buttons and signatures give no line; a radio group (or a checkbox group sharing one field) gives
one line for all its widgets.
"""

from __future__ import annotations

import re
from typing import Any

FORM_FIELD = "[Form field] "
CHECKED, UNCHECKED = "\u2612", "\u2610"  # ☒ ☐, as Word writes a checkbox content control
MAX_WIDGETS = 2_000  # per page; a real form has tens
_MAX_DEPTH = 32  # of a field's parents
_PUSHBUTTON, _RADIO = 1 << 16, 1 << 15
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def form_lines(page: Any) -> list[str]:
    """The page's form field lines, in reading order ([] when it has none)."""
    annotations = _resolved(page.get("/Annots"))
    if not isinstance(annotations, list):
        return []
    done: set[int] = set()
    placed: list[tuple[float, float, list[str]]] = []
    for reference in annotations[:MAX_WIDGETS]:
        widget = _resolved(reference)
        if not isinstance(widget, dict) or widget.get("/Subtype") != "/Widget":
            continue
        chain = _chain(widget)
        field = next((node for node in chain if "/T" in node), widget)
        if id(field) in done:
            continue
        lines = _field_lines(widget, field, chain)
        if lines is None:
            continue
        if len(_kids(field)) > 1:  # radio group or checkbox group: one line for all its widgets
            done.add(id(field))
        left, top = _position(widget)
        placed.append((-top, left, lines))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [FORM_FIELD + line for _, _, lines in placed for line in lines]


def _field_lines(
    widget: dict[Any, Any], field: dict[Any, Any], chain: list[dict[Any, Any]]
) -> list[str] | None:
    kind = _inherited(chain, "/FT")
    flags = _inherited(chain, "/Ff")
    flags = int(flags) if isinstance(flags, int) else 0
    label = _label(field, chain)
    value = _inherited(chain, "/V")
    if kind == "/Btn":
        if flags & _PUSHBUTTON:
            return None
        if flags & _RADIO or len(_kids(field)) > 1:
            chosen = _name(value)
            return [f"{label}: {chosen}"] if chosen and chosen != "Off" else None
        state = widget.get("/AS", value)
        checked = _name(state) not in ("", "Off")
        return [f"{CHECKED if checked else UNCHECKED} {label}"]
    if kind in ("/Tx", "/Ch"):
        text = _text(value)
        if not text.strip():
            return None
        first, *rest = [line.strip() for line in text.splitlines() if line.strip()]
        return [f"{label}: {first}", *rest]
    return None  # signatures, and widgets of no field type


def _chain(widget: dict[Any, Any]) -> list[dict[Any, Any]]:
    """The widget, then its parents, nearest first (a cycle or a deep tree is cut short)."""
    chain, seen = [widget], {id(widget)}
    node = _resolved(widget.get("/Parent"))
    while isinstance(node, dict) and id(node) not in seen and len(chain) < _MAX_DEPTH:
        chain.append(node)
        seen.add(id(node))
        node = _resolved(node.get("/Parent"))
    return chain


def _inherited(chain: list[dict[Any, Any]], key: str) -> Any:
    return next((_resolved(node[key]) for node in chain if key in node), None)


def _kids(field: dict[Any, Any]) -> list[Any]:
    kids = _resolved(field.get("/Kids"))
    return kids if isinstance(kids, list) else []


def _label(field: dict[Any, Any], chain: list[dict[Any, Any]]) -> str:
    tooltip = _text(_resolved(field.get("/TU")))
    if tooltip.strip():
        return " ".join(tooltip.split())
    names = [_text(_resolved(node["/T"])) for node in reversed(chain) if "/T" in node]
    name = " ".join(part for part in names if part.strip())
    name = _CAMEL.sub(" ", name.replace("_", " ").replace(".", " "))
    words = " ".join(name.split())
    return words[:1].upper() + words[1:] if words else "Field"


def _position(widget: dict[Any, Any]) -> tuple[float, float]:
    rect = _resolved(widget.get("/Rect"))
    try:
        x1, y1, x2, y2 = (float(_resolved(number)) for number in rect)
        return min(x1, x2), max(y1, y2)
    except Exception:  # noqa: BLE001  # no or a damaged rectangle: first on the page
        return 0.0, float("inf")


def _name(value: Any) -> str:
    return str(value).lstrip("/") if value is not None else ""


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_text(_resolved(item)) for item in value)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return "" if value is None else str(value)


def _resolved(value: Any) -> Any:
    """An indirect reference's object, or the value itself."""
    return value.get_object() if hasattr(value, "get_object") else value
