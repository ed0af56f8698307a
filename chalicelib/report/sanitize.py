"""Text from the notes made safe for each report format: the one place the renderers escape it.

Every string in a report may come from what a contractor typed or uploaded (addresses, names,
rooms, notes, quoted lines), so it is treated as hostile. The rules, and why:

Common to every format (`clean`, `plain`):
- ANSI escape sequences (``ESC [ 31 m``) are removed whole, not just their ESC.
- C0 and C1 control characters, DEL, U+2028/U+2029, lone surrogates and U+FFFE/U+FFFF become a
  space: XML 1.0 cannot hold most of them (python-docx would raise), and the rest break lines or
  terminals. JSON keeps tab, CR and LF, and turns U+2028/U+2029 into LF; the one-line form `plain`
  used by the documents folds all of them, then collapses runs of whitespace.
- Invisible format characters are removed: the bidi embeddings, overrides, isolates and marks
  (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), which reorder what follows ("Trojan
  Source": ``\\u202egnp.exe`` shows as "exe.png"); zero-width space, word joiner, BOM and the
  invisible operators (U+200B, U+2060-U+2064, U+FEFF, U+180E), soft hyphen (U+00AD), the
  interlinear annotation marks (U+FFF9-U+FFFB) and the tag characters (U+E0000-U+E007F, used to
  hide text). ZWJ and ZWNJ (U+200C, U+200D) are kept: Persian, Indic scripts and emoji need them
  to be spelled right, and they join or split glyphs without reordering anything.
- Everything else is kept: é, m², °C, CJK, Arabic and Hebrew letters (their own right-to-left
  order is the ordinary bidi algorithm at work, not an override).

Markdown (`markdown_text`, `markdown_code`), on top of `plain` (so user text is one line, and a
newline in it cannot start a heading, list, quote, table row or HTML block):
- ``&``, ``<`` and ``>`` become ``&amp;``, ``&lt;`` and ``&gt;``: no raw HTML, tag or autolink
  (``<script>``, ``<img onerror>``, ``<http://evil>``) in any Markdown dialect, CommonMark or not.
- ``\\ ` * _ [ ] { } | ~ $`` are backslash-escaped wherever they are: with ``[`` and ``]`` escaped
  no link, image, footnote or reference definition can be formed (so ``(``, ``)`` and ``!`` need
  no escape); ``*``, ``_``, ``~`` are emphasis and strikethrough, a backtick a code span, ``|`` a
  table cell, ``{}`` attribute lists (Python-Markdown, Pandoc) and ``$`` maths (GitHub).
- ``://`` becomes ``\\://`` and ``www.`` at a word's start ``www\\.``, so GFM's extended autolinks
  do not turn a URL typed in the notes into a live link; the text still reads as the URL.
- At the start of the text, what would open a block is escaped: ``#`` and a space (a heading),
  ``-`` or ``+`` and a space (a list item), ``--`` (a thematic break), ``=`` (a setext underline),
  ``1.``/``1)`` and a space (an ordered list); "-5 °C" is left alone. A trailing ``#`` run is
  escaped too, or a heading would drop it as a closing sequence.
- Characters that start nothing are left alone, so "2.5 m (Cat 2) - dry!" stays readable.
- Code spans (identifiers) drop backticks and escape ``|`` (GFM table cells); nothing inside a code
  span is markup.

Word (`docx_text`): `plain`. python-docx writes runs as XML text nodes (lxml escapes ``<&>``), so
markup cannot inject; the renderer creates no hyperlink and no field from user text, so a typed
``{ HYPERLINK "..." }`` or ``DDEAUTO`` stays words.

PDF (`pdf_text`): `plain`. The renderer never uses fpdf2's ``markdown=True`` or ``write_html``
and passes no ``link=``, so user text creates no emphasis, link or annotation. fpdf2 replaces its
page-count alias (``{nb}`` by default) anywhere in the text, so the renderer uses an alias made of
control characters, which `plain` guarantees user text cannot contain (`PDF_PAGE_COUNT_ALIAS`).

JSON (`clean_data`): data stays data (JSON escapes its own syntax); every string, key or value,
goes through `clean` so JSON tells the same story as the documents.

CSV (`csv_cell`), the line-items export a spreadsheet or an estimating system opens: `plain`,
then a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a CR gets a leading ``'``, so
``=cmd|' /C calc'!A0`` typed in the notes is shown as text rather than run as a formula (the
OWASP advice for CSV injection). Quoting of commas and quotes is the `csv` module's.
"""

from __future__ import annotations

import re

# A CSI sequence (ESC [ params intermediates final) or a two-character escape (ESC and one of @-_).
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]")
# Invisible characters that reorder or hide text: removed (see the module docstring for the list).
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)
# Controls, line/paragraph separators and what XML cannot carry; JSON keeps tab, LF and CR.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_DATA_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SEPARATORS = re.compile("[\u2028\u2029]")

# fpdf2's total-page-count alias, made of characters `plain` removes from user text; three
# characters long, so fpdf2 leaves room for three digits, as it does for its own "{nb}".
PDF_PAGE_COUNT_ALIAS = "\x1dN\x1d"


def _visible(text: str) -> str:
    return _INVISIBLE.sub("", _ANSI.sub("", text))


def clean(text: str) -> str:
    """Text with no control, bidi or invisible characters; tab, CR and LF are kept."""
    return _DATA_CONTROL.sub(" ", _SEPARATORS.sub("\n", _visible(text)))


def plain(text: str) -> str:
    """User text as one safe line: unsafe characters become spaces and runs of space collapse."""
    return " ".join(_CONTROL.sub(" ", _visible(text)).split())


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """User text as one CSV cell a spreadsheet shows as text, never evaluates."""
    cell = plain(text)
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def clean_data(value: object) -> object:
    """JSON-ready data (dicts, lists, scalars) with every string, keys included, `clean`ed."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(key) if isinstance(key, str) else key: clean_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [clean_data(item) for item in value]
    return value


# --- Markdown ----------------------------------------------------------------------------------

_HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_HTML_SPECIAL = re.compile("[&<>]")
# Characters that are Markdown syntax wherever they stand.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|~$])")
# What a linkifier would turn into a live link: a scheme's "://", a "www." starting a word.
_AUTOLINK = re.compile(r"(?<=[A-Za-z0-9]):(?=//)|(?<![\w.\\])(?i:www)\.(?=\w)")
# What would start a heading, list, thematic break or setext underline at a line's start.
_BLOCK_START = re.compile(r"^(?:(\d{1,9})([.)])(?=\s|$)|#{1,6}(?=\s|$)|[+\-](?=\s|$)|-(?=-)|=)")
# A run of "#" closing the text, which an ATX heading would strip as its closing sequence.
_CLOSING_HASHES = re.compile(r"(?<=\s)(#+)$")


def markdown_text(text: str) -> str:
    """User text as one line of Markdown that shows as written, in a paragraph or a table cell."""
    escaped = _HTML_SPECIAL.sub(lambda match: _HTML_ENTITIES[match.group(0)], plain(text))
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
    escaped = _AUTOLINK.sub(_escape_autolink, escaped)
    escaped = _CLOSING_HASHES.sub(r"\\\1", escaped)
    return _BLOCK_START.sub(_escape_block_start, escaped, count=1)


def _escape_autolink(match: re.Match[str]) -> str:
    return "\\:" if match.group(0) == ":" else match.group(0)[:-1] + "\\."


def _escape_block_start(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return f"{match.group(1)}\\{match.group(2)}"
    return "\\" + match.group(0)


def markdown_code(text: str) -> str:
    """An identifier as a code span, shown exactly as written; empty text stays empty."""
    shown = plain(text).replace("`", "").replace("|", "\\|").strip()
    return f"`{shown}`" if shown else ""


# --- Word and PDF ------------------------------------------------------------------------------


def docx_text(text: str) -> str:
    """User text for a python-docx run: one line, nothing XML 1.0 cannot hold."""
    return plain(text)


def pdf_text(text: str) -> str:
    """User text for fpdf2 (which the renderer never asks to read markup): one line."""
    return plain(text)
