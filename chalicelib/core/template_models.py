"""A report template: what a report of one kind of loss holds, in which order, what QA requires
of its findings, its scope's line items and codes, and its branding (docs/adr/0020).

Built-in templates (water IICRC S500, mould S520, fire and smoke S700) are JSON files beside
`templates.py`; an organisation's own are records. Either way a template is read as one immutable
version (`id` + `version`): a new version is a new record, and a workflow keeps the version it
was given.
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from chalicelib.analysis.findings import DamageType
from chalicelib.analysis.qa_template import QaRules, QaTemplate, RequiredField
from chalicelib.core.api_model import RequestModel
from chalicelib.core.models import LineItemCatalogue, TimestampedModel

TEMPLATE_ID_PATTERN = re.compile(r"^(tpl_[0-9a-f]{32}|builtin-[a-z0-9-]{1,40})$")
TemplateId = Annotated[str, StringConstraints(pattern=TEMPLATE_ID_PATTERN.pattern)]
OrgId = Annotated[str, StringConstraints(min_length=1, max_length=160, pattern=r"^[A-Za-z0-9_.:@-]+$")]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
HexColour = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]


class SectionKind(StrEnum):
    """The sections the renderers can draw (`report/sections.py`), and free text."""

    SUMMARY = "summary"
    LOSS = "loss"
    CLASSIFICATION = "classification"
    AFFECTED_AREAS = "affected-areas"
    MOISTURE_READINGS = "moisture-readings"
    DRYING_LOG = "drying-log"
    ATMOSPHERIC_READINGS = "atmospheric-readings"
    EQUIPMENT = "equipment"
    PHOTOS = "photos"
    SCOPE_OF_WORK = "scope-of-work"
    SAFETY_HAZARDS = "safety-hazards"
    DOCUMENTATION_CHECKLIST = "documentation-checklist"
    QA = "qa"
    UNDETERMINED = "undetermined"
    SOURCES = "sources"
    TEXT = "text"  # the template's own words: terms, a company statement


# What every report prints, whatever its template: the loss itself, QA's verdict (with a
# reviewer's overrides and reasons), and the photos received (evidence, with their hashes).
REQUIRED_SECTIONS = frozenset({SectionKind.LOSS, SectionKind.QA, SectionKind.PHOTOS})


class TemplateSection(RequestModel):
    kind: SectionKind
    title: Title | None = Field(default=None, description="The heading; none: the section's own")
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=3000)] | None = (
        Field(default=None, description="A text section's words (paragraphs split on blank lines)")
    )

    @model_validator(mode="after")
    def _text_only_for_text(self) -> TemplateSection:
        if self.kind is SectionKind.TEXT and (self.text is None or self.title is None):
            raise ValueError("a text section needs a title and its text")
        if self.kind is not SectionKind.TEXT and self.text is not None:
            raise ValueError(f"only a text section has text ({self.kind.value} draws its own)")
        return self


class ScopeLine(RequestModel):
    """A line item this kind of job usually has, with its estimating codes."""

    action: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    material: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
    description: Title
    unit: Annotated[str, StringConstraints(min_length=1, max_length=12)]
    category: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = None
    selector: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = None


class TemplateScope(RequestModel):
    """The scope's line items: the codes they take (a catalogue, used in place of the company's own
    when set) and the lines a job of this kind usually has (for the estimator; nothing is added to
    a report from them)."""

    catalogue: LineItemCatalogue | None = None
    typical_lines: list[ScopeLine] = Field(default_factory=list, max_length=100)


class Branding(RequestModel):
    """How the report looks: unset fields take the company's settings (name, logo) or the house style."""

    company_name: Title | None = Field(default=None, description="Overrides the settings' company name")
    primary_colour: HexColour | None = Field(default=None, description='Cover band and headings, "#1F3A5F"')
    accent_colour: HexColour | None = Field(default=None, description="Rules and sub-headings")


class TemplateBody(RequestModel):
    """What a template says: everything but who made it and when. A new version sends it whole."""

    name: Title
    description: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = None
    loss_types: list[DamageType] = Field(min_length=1, max_length=4, description="The losses it is for")
    sections: list[TemplateSection] = Field(min_length=1, max_length=40)
    required_fields: list[RequiredField] = Field(default_factory=list, max_length=100)
    qa_rules: QaRules = Field(default_factory=QaRules)
    scope: TemplateScope = Field(default_factory=TemplateScope)
    branding: Branding = Field(default_factory=Branding)

    @model_validator(mode="after")
    def _sections_make_a_report(self) -> TemplateBody:
        kinds = [section.kind for section in self.sections if section.kind is not SectionKind.TEXT]
        if repeated := sorted({kind.value for kind in kinds if kinds.count(kind) > 1}):
            raise ValueError(f"sections appear once each: {', '.join(repeated)}")
        if absent := sorted(kind.value for kind in REQUIRED_SECTIONS - set(kinds)):
            raise ValueError(f"every report has these sections: {', '.join(absent)}")
        return self

    def qa(self) -> QaTemplate:
        return QaTemplate(required_fields=self.required_fields, rules=self.qa_rules)


class ReportTemplate(TemplateBody, TimestampedModel):
    """One version of a template, as it is kept: immutable."""

    id: TemplateId
    version: int = Field(ge=1)
    built_in: bool = False
    org_id: str | None = Field(default=None, description="The account it belongs to; none for a built-in")
    created_by: str | None = None
    created_at: datetime | None = None


class TemplateHead(TimestampedModel):
    """A template's current state: its newest version, whether it is retired, who it is shared with."""

    id: str
    name: str
    loss_types: list[DamageType]
    latest_version: int
    built_in: bool = False
    org_id: str | None = None
    retired: bool = False
    shared_with: list[str] = Field(default_factory=list)
    updated_at: datetime | None = None


class ShareTemplateRequest(RequestModel):
    org_id: OrgId = Field(description="The account that may read (and choose) the template")


class UnshareTemplateQuery(RequestModel):
    org_id: OrgId = Field(description="The account that may no longer read (or choose) the template")
