"""How the report words what the findings hold: numbers, dates, units, labels, grades and
the standards cited. Shared by the section plan (`sections.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from chalicelib.analysis.findings import (
    AffectedArea,
    Classification,
    DamageType,
    EquipmentKind,
    FindingField,
    LengthUnit,
    SourceSpan,
    StandardRef,
)
from chalicelib.analysis.qa import QaIssue, QaResult, Severity
from chalicelib.report.sanitize import plain

# --- text --------------------------------------------------------------------------------------

NONE = "\u2014"  # an empty cell
NOT_DETERMINED = "Not determined"


def number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def sentence(text: str) -> str:
    """The text with its first letter in upper case (str.capitalize would lower the rest)."""
    return text[:1].upper() + text[1:]


def count(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def where(span: SourceSpan) -> str:
    if span.line is None:
        return "entered on review"
    return f"p. {span.page}, line {span.line}" if span.page is not None else f"line {span.line}"


def with_source(value: str, span: SourceSpan | None) -> str:
    return f"{value} ({where(span)})" if span is not None else value


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day(value: date) -> str:
    """A date no reader can misread (3 Mar 2024), whatever their country's order."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def timestamp(value: str) -> str:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    offset = moment.utcoffset()
    zone = "" if offset is None else " UTC" if not offset else f" UTC{moment:%z}"
    return f"{day(moment.date())} {moment:%H:%M}{zone}"


# --- units -------------------------------------------------------------------------------------

_M_PER_FT = 0.3048
_SQM_PER_SQFT = _M_PER_FT**2


def is_metric(area: AffectedArea) -> bool:
    return area.original_unit is LengthUnit.METRES


def sqft(value: float | None, metric: bool = False) -> str:
    """An area in sq ft, with m² beside it when the notes measured in metres."""
    if value is None:
        return NONE
    shown = f"{number(value)} sq ft"
    return f"{shown} ({number(value * _SQM_PER_SQFT)} m\u00b2)" if metric else shown


def dimensions(area: AffectedArea) -> str:
    sides = [side for side in (area.length_ft, area.width_ft) if side is not None]
    if len(sides) < 2:
        return NONE
    if area.height_ft is not None:
        sides.append(area.height_ft)
    feet = " \u00d7 ".join(number(side) for side in sides) + " ft"
    if not is_metric(area):
        return feet
    metres = " \u00d7 ".join(number(side * _M_PER_FT) for side in sides)
    return f"{feet} ({metres} m)"


def temperature(fahrenheit: float | None) -> str:
    if fahrenheit is None:
        return NONE
    return f"{number(fahrenheit)} \u00b0F ({(fahrenheit - 32) * 5 / 9:.1f} \u00b0C)"


# --- labels ------------------------------------------------------------------------------------

DAMAGE_TYPE_LABELS = {
    DamageType.WATER: "Water",
    DamageType.FIRE_SMOKE: "Fire / smoke",
    DamageType.MOULD: "Mould",
    DamageType.OTHER: "Other",
}
SUBTITLES = {
    DamageType.WATER: "Water damage inspection report",
    DamageType.FIRE_SMOKE: "Fire and smoke damage inspection report",
    DamageType.MOULD: "Mould inspection report",
}
FIELD_LABELS: dict[str, str] = {
    FindingField.DAMAGE_TYPE: "Loss type",
    FindingField.CAUSE_OF_LOSS: "Cause of loss",
    FindingField.AFFECTED_AREAS: "Affected areas",
    FindingField.MOISTURE_READINGS: "Moisture readings",
    FindingField.CLAIM_NUMBER: "Claim number",
    FindingField.INSURED: "Insured",
    FindingField.ADDRESS: "Property address",
    FindingField.DATE_OF_LOSS: "Date of loss",
    FindingField.INSPECTION_DATE: "Inspection date",
    FindingField.WATER_CATEGORY: "Water category (IICRC S500)",
    FindingField.WATER_CLASS: "Water class (IICRC S500)",
    FindingField.EQUIPMENT: "Equipment",
    "mouldCondition": "Mould condition (IICRC S520)",
    "atmosphericReadings": "Atmospheric readings",
}
SEVERITY_LABELS: dict[Severity, str] = {"error": "Error", "warning": "Warning", "info": "Info"}
_SEVERITY_NOUNS: dict[Severity, tuple[str, str]] = {
    "error": ("error", "errors"),
    "warning": ("warning", "warnings"),
    "info": ("info", "info"),
}
EQUIPMENT_LABELS = {
    EquipmentKind.AIR_MOVER: ("Air mover", "air movers"),
    EquipmentKind.DEHUMIDIFIER: ("Dehumidifier", "dehumidifiers"),
    EquipmentKind.AIR_SCRUBBER: ("Air scrubber", "air scrubbers"),
    EquipmentKind.OTHER: ("Other equipment", "other items"),
}
UNIT_LABELS = {"%": "% (scale not stated)"}


@dataclass(frozen=True)
class Grade:
    """How one kind of classification is named, and what each of its values means."""

    label: str  # "Water category (IICRC S500)"
    short: str  # "Water category"
    value_name: str  # "Category"
    meanings: dict[int, str]


CATEGORY = Grade(
    "Water category (IICRC S500)",
    "Water category",
    "Category",
    {
        1: "clean water from a sanitary source",
        2: "grey water, significant contamination",
        3: "black water, grossly contaminated",
    },
)
CLASS = Grade(
    "Water class (IICRC S500)",
    "Water class",
    "Class",
    {
        1: "least evaporation load, under about 5% of surfaces wet",
        2: "significant load, about 5\u201340% of surfaces wet",
        3: "greatest load, over about 40% of surfaces wet",
        4: "specialty drying, bound water in low-permeance materials",
    },
)
CONDITION = Grade(
    "Mould condition (IICRC S520)",
    "Mould condition",
    "Condition",
    {1: "normal fungal ecology", 2: "settled spores (contamination)", 3: "actual mould growth"},
)


def grade_value(grade: Grade, classification: Classification) -> str:
    meaning = grade.meanings.get(classification.value)
    name = f"{grade.value_name} {classification.value}"
    return f"{name} \u2014 {meaning}" if meaning else name


def standard_label(ref: StandardRef) -> str:
    """E.g. "IICRC S500-2021 (US), section 12.2"."""
    edition = plain(ref.edition)
    name = f"{plain(ref.standard)}-{edition}" if edition.isdigit() else f"{plain(ref.standard)}, {edition}"
    country = f" ({ref.country})" if ref.country != "international" else ""
    section = f", section {plain(ref.section)}" if ref.section else ""
    return f"{name}{country}{section}"


def issue_standard(issue: QaIssue) -> str:
    """The standard a QA rule cites, once QA issues carry one (a reference or plain text)."""
    cited: object = getattr(issue, "standard", None)
    if isinstance(cited, StandardRef):
        return standard_label(cited)
    if isinstance(cited, str) and cited.strip():
        return cited
    standard, edition = getattr(cited, "standard", None), getattr(cited, "edition", None)
    if isinstance(standard, str) and isinstance(edition, str):
        return f"{standard}-{edition}" if edition.isdigit() else f"{standard}, {edition}"
    return NONE


def qa_verdict(qa: QaResult) -> str:
    severities = [issue.severity for issue in qa.issues]
    counts = ", ".join(
        count(severities.count(severity), *nouns) for severity, nouns in _SEVERITY_NOUNS.items()
    )
    return f"{'passed' if qa.passed else 'not passed'} ({counts})"
