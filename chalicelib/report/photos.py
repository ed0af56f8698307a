"""Photos in the report: loaded through the ports, planned as a section of `Figures` by room, and
laid out by each renderer (PDF and Word embed the images; Markdown lists them).

The images are the re-encoded copies made at receipt (JPEG, no EXIF or GPS, longest side capped),
read through the `Blobs` port by OUTPUT: the renderers never fetch anything. Each photo shows
its caption, when it was taken (EXIF's time when the camera wrote one, else the uploader's) and
the first characters of the SHA-256 of the bytes received, so the original can be matched to its
record. GPS is printed only when `REPORT_PHOTO_GPS` says so (docs/adr/0007-photos.md).

Captions the notes name ("Photo (Laundry): burst hose") with no image received are listed, so a
reader knows which photos the contractor took but did not send.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from pydantic import Field

from chalicelib.analysis.findings import CamelModel
from chalicelib.core.documents import WorkFile, work_key
from chalicelib.core.models import Photo, Workflow
from chalicelib.core.ports import NotFound, Ports
from chalicelib.report.blocks import Bullets, Figure, Figures, Paragraph, ReportDocument, Section, Subheading
from chalicelib.report.sanitize import markdown_text

if TYPE_CHECKING:
    from docx.document import Document

    from chalicelib.report.pdf_layout import TextSetter
    from chalicelib.report.render import Report

HASH_PREFIX = 12  # hex characters of the SHA-256 printed beside a photo
# A line of the notes that names a photo: "Photo 3 (Laundry): hose behind machine", "IMG: ...".
_NAMED_PHOTO = re.compile(
    r"^\s*[-*\u2022]?\s*(?:photo|pic|picture|image|img)\b\s*#?\d*\s*(?:\((?P<room>[^)]{1,80})\))?\s*[:\-\u2013]\s*"
    r"(?P<caption>\S.{0,300})$",
    re.IGNORECASE,
)
# The section comes before the scope: "photos ... before any demolition" is what the scope needs.
_BEFORE_SECTIONS = ("scope-of-work", "safety-hazards", "undetermined", "notes", "sources")


class ReportPhoto(CamelModel):
    id: str
    room: str
    caption: str
    taken_at: str | None = Field(default=None, description="EXIF's time when written, else the uploader's")
    sha256: str
    width: int
    height: int
    gps: str | None = Field(default=None, description="Only when the REPORT_PHOTO_GPS setting is on")


class PhotoCaption(CamelModel):
    """A photo the notes name with no image received."""

    caption: str
    room: str | None = None
    line: int


# --- loading, through the ports --------------------------------------------------------------------


def received_hashes(ports: Ports, workflow: Workflow) -> list[str]:
    """The SHA-256 of each photo received with a report copy: what a report of them depends on."""
    from chalicelib.core.photos import received_photos

    return [
        photo.sha256
        for photo in received_photos(ports, workflow.id)
        if photo.report_key is not None and photo.sha256 is not None
    ]


def load(
    ports: Ports, workflow: Workflow, *, with_gps: bool, with_bytes: bool = True
) -> tuple[list[ReportPhoto], dict[str, bytes]]:
    """The received photos as the report lists them, and their report copies' bytes by id (read
    only `with_bytes`: JSON, Markdown and CSV list photos, only PDF and Word embed them)."""
    from chalicelib.core.photos import received_photos

    photos, images = [], {}
    for photo in received_photos(ports, workflow.id):
        if photo.report_key is None or photo.sha256 is None:
            continue
        if with_bytes:
            try:
                images[photo.id] = ports.blobs.get_bytes(photo.report_key)
            except NotFound:
                continue  # a copy deleted by hand: the record still lists it (GET .../photos)
        photos.append(_report_photo(photo, with_gps))
    return photos, images


def _report_photo(photo: Photo, with_gps: bool) -> ReportPhoto:
    from chalicelib.core.photos import taken_at

    moment = taken_at(photo)
    source = " (EXIF)" if photo.exif_taken_at else ""
    gps = f"{photo.gps.latitude:.5f}, {photo.gps.longitude:.5f}" if with_gps and photo.gps else None
    return ReportPhoto(
        id=photo.id,
        room=photo.room,
        caption=photo.caption,
        taken_at=f"{moment:%Y-%m-%d %H:%M}{source}" if moment else None,
        sha256=photo.sha256 or "",
        width=photo.width or 0,
        height=photo.height or 0,
        gps=gps,
    )


def named_without_images(ports: Ports, workflow: Workflow, photos: list[ReportPhoto]) -> list[PhotoCaption]:
    """Photos the notes (or a field app's `photos[]`, which become such lines) name, with no
    received photo of that caption."""
    try:
        text = ports.blobs.get_text(work_key(workflow.user_id, workflow.id, WorkFile.TEXT))
    except NotFound:
        return []
    received = {_folded(photo.caption) for photo in photos}
    named = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _NAMED_PHOTO.match(line)
        if match and _folded(match["caption"]) not in received:
            named.append(PhotoCaption(caption=match["caption"].strip(), room=match["room"], line=number))
    return named


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


# --- planning: the section ---------------------------------------------------------------------


def with_photos(document: ReportDocument, report: Report, images: dict[str, bytes] | None) -> ReportDocument:
    """The document with a Photos section (before the scope), when there is anything to show;
    `images` None lists the photos without embedding them (Markdown)."""
    section = photo_section(report, images)
    if section is None:
        return document
    sections = list(document.sections)
    at = document.photos_at  # where the report's template puts them
    if at is None:
        at = next((i for i, s in enumerate(sections) if s.key in _BEFORE_SECTIONS), len(sections))
    if document.photos_title:
        section = replace(section, title=document.photos_title)
    sections.insert(at, section)
    return replace(document, sections=tuple(sections))


def photo_section(report: Report, images: dict[str, bytes] | None) -> Section | None:
    listed_only = images is None
    images = images or {}
    shown = [photo for photo in report.photos if listed_only or photo.id in images]
    if not shown and not report.photo_captions:
        return None
    blocks: list[Subheading | Figures | Paragraph | Bullets] = []
    for room, photos in _by_room(shown, [area.room for area in report.findings.affected_areas]):
        blocks.append(Subheading(room))
        blocks.append(Figures(tuple(_figure(photo, images.get(photo.id, b"")) for photo in photos)))
    if report.photo_captions:
        blocks.append(Paragraph("Photos the notes name that were not received:"))
        blocks.append(Bullets(tuple(_caption_line(named) for named in report.photo_captions)))
    return Section("photos", "Photos", tuple(blocks))


def _by_room(photos: list[ReportPhoto], affected: list[str]) -> list[tuple[str, list[ReportPhoto]]]:
    """Rooms in the order the findings list affected areas, then any other room by name."""
    groups: dict[str, tuple[str, list[ReportPhoto]]] = {}
    for photo in photos:
        groups.setdefault(_folded(photo.room), (photo.room, []))[1].append(photo)
    order = {_folded(room): index for index, room in enumerate(affected)}
    ranked = sorted(groups, key=lambda key: (order.get(key, len(order)), key))
    return [groups[key] for key in ranked]


def _figure(photo: ReportPhoto, image: bytes) -> Figure:
    return Figure(
        image=image, width=photo.width, height=photo.height, caption=photo.caption, detail=detail(photo)
    )


def detail(photo: ReportPhoto) -> str:
    parts = [f"Taken {photo.taken_at}" if photo.taken_at else "Time not recorded"]
    parts.append(f"SHA-256 {photo.sha256[:HASH_PREFIX]}\u2026")
    if photo.gps:
        parts.append(f"GPS {photo.gps}")
    return " \u00b7 ".join(parts)


def _caption_line(named: PhotoCaption) -> str:
    room = f" ({named.room})" if named.room else ""
    return f"{named.caption}{room}, notes line {named.line}"


# --- layout, one function per renderer ----------------------------------------------------------


def markdown_figures(block: Figures) -> str:
    """Markdown lists the photos (no images: the Word and PDF reports embed them)."""
    return "\n".join(
        f"- {markdown_text(figure.caption)} \u2014 {markdown_text(figure.detail)}" for figure in block.items
    )


_PDF_IMAGE_MM = 78.0  # the image's width on the page; the caption takes the rest of the line
_PDF_MAX_HEIGHT_MM = 90.0


def pdf_figures(setter: TextSetter, block: Figures, fit: Callable[[str], str]) -> None:
    """Each photo at a fixed width, its caption and custody line beside it (the text wrapped by
    `pdf_layout`, as every other block of the PDF is)."""
    pdf = setter.pdf
    left = pdf.l_margin
    for figure in block.items:
        ratio = figure.height / figure.width if figure.width else 0.75
        width = min(_PDF_IMAGE_MM, _PDF_MAX_HEIGHT_MM / ratio) if ratio else _PDF_IMAGE_MM
        height = width * ratio
        if pdf.will_page_break(height + 4):
            pdf.add_page()
        top = pdf.get_y()
        pdf.image(io.BytesIO(figure.image), x=left, y=top, w=width, h=height)
        text_x = left + _PDF_IMAGE_MM + 5
        text_width = pdf.w - pdf.r_margin - text_x
        room = text_width - 2 * pdf.c_margin
        pdf.set_y(top)
        caption = setter.wrap(fit(figure.caption), room, "B", 9.5)
        setter.write_lines(caption, text_x, text_width, 4.8, "B", 9.5)
        setter.write_lines(setter.wrap(fit(figure.detail), room, "", 8), text_x, text_width, 4.0, "", 8)
        pdf.set_xy(left, max(pdf.get_y(), top + height) + 4)


def docx_figures(word: Document, block: Figures, clean: Callable[[str], str]) -> None:
    """Each photo inline, 8 cm wide, with its caption and custody line under it."""
    from docx.shared import Cm, Pt

    for figure in block.items:
        word.add_picture(io.BytesIO(figure.image), width=Cm(8))
        caption = word.add_paragraph()
        caption.add_run(clean(figure.caption)).bold = True
        caption.add_run("\n" + clean(figure.detail)).font.size = Pt(8)
