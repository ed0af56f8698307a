"""The report's sections in its template's order, under its titles, with its own text sections.

`sections.build_document` plans every section the findings can fill; this module keeps those the
template lists, in its order, retitled where it says, and adds its text sections (terms, a company
statement) where they stand. Without a template the order is the one the report always had (the
built-in water template's). A DRAFT puts QA first whatever the template says: its reviewer starts
from what QA found. The sign-off, once signed, always comes last.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from chalicelib.core.template_models import Branding, ReportTemplate, SectionKind, TemplateSection
from chalicelib.report.blocks import Paragraph, Section

# The order without a template: the built-in water template's (`builtin_templates/water-s500.v1.json`).
DEFAULT_ORDER = (
    "summary",
    "loss",
    "classification",
    "affected-areas",
    "moisture-readings",
    "drying-log",
    "atmospheric-readings",
    "equipment",
    "scope-of-work",
    "safety-hazards",
    "documentation-checklist",
    "qa",
    "undetermined",
    "sources",
)


@dataclass(frozen=True)
class Layout:
    sections: tuple[Section, ...]
    photos_at: int | None  # where the photos go; None: before the scope (photos.with_photos)
    photos_title: str | None


def laid_out(planned: Mapping[str, Section], template: ReportTemplate | None, *, draft: bool) -> Layout:
    """The planned sections (by key) as the template lays them out."""
    entries = (
        [TemplateSection(kind=SectionKind(key)) for key in DEFAULT_ORDER]
        if template is None
        else template.sections
    )
    out: list[Section] = []
    photos_at: int | None = None
    photos_title: str | None = None
    for number, entry in enumerate(entries, start=1):
        if entry.kind is SectionKind.PHOTOS:
            photos_at, photos_title = len(out), entry.title
        elif entry.kind is SectionKind.TEXT:
            paragraphs = [part.strip() for part in (entry.text or "").split("\n\n") if part.strip()]
            out.append(
                Section(f"text-{number}", entry.title or "", tuple(Paragraph(text) for text in paragraphs))
            )
        elif (section := planned.get(entry.kind.value)) is not None:
            out.append(replace(section, title=entry.title) if entry.title else section)
    if draft:
        at = next((index for index, section in enumerate(out) if section.key == "qa"), None)
        if at is not None:
            out.insert(0, out.pop(at))
            if photos_at is not None and photos_at <= at:
                photos_at += 1
    return Layout(tuple(out), photos_at, photos_title)


def branding(template: ReportTemplate | None) -> Branding:
    return template.branding if template is not None else Branding()
