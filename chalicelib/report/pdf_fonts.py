"""The PDF report's fonts, loaded once per container and handed to each document fresh.

`FPDF.add_font` parses the TTF again for every document (tables, the character map, a width per
character: about 6 ms a style), and fpdf2's subsetter then decompiles the font's OpenType
layout tables (GSUB, GPOS, GDEF) only to drop them (about 15 ms a report). Here each style is
read once per container, its layout tables are dropped up front (fpdf2 never shapes our text:
no `set_text_shaping`, so they are dead weight), and its metrics are kept in a template
`TTFFont`. A document gets a shallow copy of the template with the parts fpdf2 changes per
document made fresh: its own `TTFont` (subsetting rewrites it in place), its subset map, its
index and its missing-glyph list. Everything shared (widths, character map, descriptor) is only
read after loading. Loading costs about 40 ms of CPU once per container. (Pruning the glyphs only
shaping reaches as well, with fontTools' subsetter, saves 6 ms a report but costs 0.35 s once:
too much for the first download in a new API container.)

This reaches under `FPDF.add_font` to the attributes `TTFFont` sets, so fpdf2 is pinned in
requirements.txt; the report tests render every style and check the text comes back out.
"""

from __future__ import annotations

import copy
import io
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF
    from fpdf.fonts import TTFFont

FONT_PACKAGE = "fontpkg-fira-sans"
FONT_FAMILY = "Fira Sans"
FONT = "FiraSans"  # the name fpdf2 knows the embedded font by
_STYLES = {"": (400, "normal"), "B": (700, "normal"), "I": (400, "italic")}
# Tables fpdf2's subsetter drops from every embedded font anyway (fpdf/output.py), plus `DSIG`
# (a signature that no longer matches once subset) and `kern` (fpdf2 kerns only when shaping).
_UNUSED_TABLES = ("GDEF", "GPOS", "GSUB", "MATH", "FFTM", "hdmx", "meta", "DSIG", "kern")


class MissingFontError(RuntimeError):
    """The PDF's Unicode font is not installed."""


@cache
def font_files() -> dict[str, Path]:
    """The TTF for each style fpdf2 is given ("" regular, "B" bold, "I" italic)."""
    try:
        import fontpkg
    except ImportError as error:
        raise MissingFontError(f"the PDF report needs the {FONT_PACKAGE} package") from error
    try:
        return {
            style: Path(str(fontpkg.path(FONT_FAMILY, weight=weight, style=slant)))
            for style, (weight, slant) in _STYLES.items()
        }
    except fontpkg.FontpkgError as error:
        raise MissingFontError(f"the PDF report needs the {FONT_PACKAGE} package: {error}") from error


@dataclass(frozen=True)
class _LoadedFont:
    template: TTFFont
    data: bytes  # the TTF without its layout tables: what each document's subsetter starts from


_LOADED: dict[str, _LoadedFont] = {}
_LOCK = threading.Lock()  # the local stack renders on several threads


def _loaded() -> dict[str, _LoadedFont]:
    if len(_LOADED) == len(_STYLES):
        return _LOADED
    with _LOCK:
        if len(_LOADED) < len(_STYLES):
            import tempfile

            from fontTools import ttLib
            from fpdf import FPDF
            from fpdf.fonts import TTFFont

            scratch = FPDF()
            with tempfile.TemporaryDirectory() as folder:
                for style, path in font_files().items():
                    font = ttLib.TTFont(path, recalcTimestamp=False, lazy=True)
                    for tag in _UNUSED_TABLES:
                        if tag in font:
                            del font[tag]
                    buffer = io.BytesIO()
                    font.save(buffer)
                    # fpdf2 reads a font from a named file only, so the stripped one is written once.
                    stripped = Path(folder) / f"{FONT}-{style or 'R'}.ttf"
                    stripped.write_bytes(buffer.getvalue())
                    scratch.add_font(FONT, style, str(stripped))
                    template = scratch.fonts[f"{FONT.lower()}{style}"]
                    assert isinstance(template, TTFFont)
                    template.ttfont = None  # each document opens its own
                    _LOADED[style] = _LoadedFont(template, buffer.getvalue())
    return _LOADED


def install_fonts(pdf: FPDF) -> None:
    """Give `pdf` the report's font in every style, as `add_font` would, without re-reading it."""
    from fontTools import ttLib
    from fpdf.fonts import SubsetMap

    for loaded in _loaded().values():
        font = copy.copy(loaded.template)
        font.i = len(pdf.fonts) + 1
        font.ttfont = ttLib.TTFont(io.BytesIO(loaded.data), recalcTimestamp=False, lazy=True)
        font.subset = SubsetMap(font)
        font.missing_glyphs = []
        font.biggest_size_pt = 0
        pdf.fonts[font.fontkey] = font
