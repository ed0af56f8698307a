"""The neutral blocks a report is planned in (`sections.build_document`) and every renderer
lays out: sections of sub-headings, key-value lists, tables, paragraphs, bullet lists and photos."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Align = Literal["left", "right"]


@dataclass(frozen=True)
class Column:
    header: str
    weight: float = 1.0  # share of the table's width, relative to the other columns
    align: Align = "left"
    code: bool = False  # an identifier, shown exactly as written (Markdown code span, monospace)


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class KeyValues:
    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Paragraph:
    text: str
    empty: bool = False  # the one line that stands for a section with nothing to show


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Subheading:
    text: str


@dataclass(frozen=True)
class Figure:
    """A photo as the report shows it: the re-encoded JPEG, its caption, and a line of custody
    (when it was taken, its SHA-256 prefix)."""

    image: bytes
    width: int
    height: int
    caption: str
    detail: str


@dataclass(frozen=True)
class Figures:
    """One room's photos (`report/photos.py` plans them; every renderer lays them out)."""

    items: tuple[Figure, ...]


Block = Subheading | KeyValues | Table | Paragraph | Bullets | Figures


@dataclass(frozen=True)
class Section:
    key: str  # stable identifier, e.g. "moisture-readings"
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ReportDocument:
    title: str
    subtitle: str
    cover: KeyValues
    sections: tuple[Section, ...]
    footer: str  # one line for page footers; renderers add the page number
    # Set on a DRAFT (made for a review): every renderer shows it on every page.
    draft_mark: str | None = None
    # The company and claim, for the page header of the paged formats (PDF, Word).
    header: str = ""
    # The company's logo (checked, re-encoded PNG or JPEG) for the cover.
    logo: bytes | None = None
    # The template's colours ("#1F3A5F"): cover band and headings, rules and sub-headings.
    primary_colour: str | None = None
    accent_colour: str | None = None
    # Where the photos go (an index into `sections`) and their title, when the template says.
    photos_at: int | None = None
    photos_title: str | None = None


def rgb(colour: str | None, default: tuple[int, int, int]) -> tuple[int, int, int]:
    """ "#1F3A5F" as (31, 58, 95); the default when unset."""
    if not colour:
        return default
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
