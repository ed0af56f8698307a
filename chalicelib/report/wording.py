"""How the report words what the findings hold: numbers, dates, units, labels, grades and
the standards cited. Shared by the section plan (`sections.py`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

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
from chalicelib.report.job_locale import current
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
    place = f"p. {span.page}, line {span.line}" if span.page is not None else f"line {span.line}"
    if span.ocr_confidence is not None:
        place += f", OCR {span.ocr_confidence:.0f}%"  # read from a scan or photo: how sure OCR was
    return place


def with_source(value: str, span: SourceSpan | None) -> str:
    return f"{value} ({where(span)})" if span is not None else value


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day(value: date) -> str:
    """A date as the job's country writes it: MM/DD/YYYY in the US; elsewhere 3 Mar 2024, which
    no reader can misread whatever their own country's order (`job_locale`)."""
    if current().month_first:
        return f"{value.month:02d}/{value.day:02d}/{value.year}"
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def timestamp(value: str) -> str:
    """A moment in the job's time zone, named ("16 Nov 2026 12:00 AEDT (Australia/Melbourne)");
    UTC, named, when the job's zone is not known. A time written without a zone stays as written."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        return f"{day(moment.date())} {moment:%H:%M}"
    zone = current().zone
    if zone is None:
        moment = moment.astimezone(UTC)
        return f"{day(moment.date())} {moment:%H:%M} UTC"
    moment = moment.astimezone(ZoneInfo(zone))
    return f"{day(moment.date())} {moment:%H:%M} {moment.tzname()} ({zone})"


# --- units -------------------------------------------------------------------------------------

_M_PER_FT = 0.3048
_SQM_PER_SQFT = _M_PER_FT**2
_SQM = "m\u00b2"


def is_metric(area: AffectedArea) -> bool:
    """Whether the notes measured the area in metres."""
    return area.original_unit is LengthUnit.METRES


def metric_report() -> bool | None:
    """The report's unit system: metric, imperial, or None (not settled: feet, with metres beside
    what was measured in metres)."""
    return current().metric


def _as_written(value: float) -> str:
    """A measure as the notes gave it: up to 3 decimals (mm in metres), trailing zeros dropped."""
    return f"{value:.3f}".rstrip("0").rstrip(".")


def sqft(value: float | None, metric: bool = False) -> str:
    """An area in the report's unit, with the unit it was measured in beside when that differs
    (`metric`: the notes measured it in metres)."""
    if value is None:
        return NONE
    feet = f"{number(value)} sq ft"
    metres = f"{number(value * _SQM_PER_SQFT)} {_SQM}"
    if metric_report():
        return metres if metric else f"{metres} ({feet})"
    return f"{feet} ({metres})" if metric else feet


def floor_area(area: AffectedArea) -> str:
    """The floor area; in metres, the product of the sides as written when it is that product
    (4.2 x 3.6 m is 15.12 m\u00b2, not the 15.13 that 13.8 x 11.8 ft gives back)."""
    value = area.floor_area_sqft
    if value is None or not (metric_report() and area.length_original and area.width_original):
        return sqft(value, is_metric(area))
    product = area.length_original * area.width_original
    if abs(product / _SQM_PER_SQFT - value) > max(0.5, value * 0.01):
        return sqft(value, True)  # a stated area, not the sides' product
    return f"{number(product)} {_SQM}"


def _sides_ft(area: AffectedArea) -> list[float] | None:
    sides = [side for side in (area.length_ft, area.width_ft) if side is not None]
    if len(sides) < 2:
        return None
    return [*sides, area.height_ft] if area.height_ft is not None else sides


def _sides_m(area: AffectedArea, sides_ft: list[float]) -> str:
    """The sides in metres: as written when the notes measured in metres, else converted at
    0.1 m (the feet are only kept to 0.1 ft, so a centimetre would be a digit we do not have)."""
    written = (area.length_original, area.width_original)
    if is_metric(area) and written[0] is not None and written[1] is not None:
        sides = [*written] + ([area.height_original] if area.height_original is not None else [])
        return " \u00d7 ".join(_as_written(side) for side in sides if side is not None) + " m"
    return " \u00d7 ".join(f"{side * _M_PER_FT:.1f}".removesuffix(".0") for side in sides_ft) + " m"


def dimensions(area: AffectedArea) -> str:
    """Length x width (x height) in the report's unit, with the unit they were written in beside."""
    sides = _sides_ft(area)
    if sides is None:
        return NONE
    feet = " \u00d7 ".join(number(side) for side in sides) + " ft"
    metres = _sides_m(area, sides)
    if metric_report():
        return metres if is_metric(area) else f"{metres} ({feet})"
    return f"{feet} ({metres})" if is_metric(area) else feet


def areas_intro(wet_walls: bool = True) -> str:
    """What the areas table's figures are; the wet-wall rule only where there are wet figures."""
    if metric_report():
        rule = "; wet wall area is above 2 ft (0.6 m), the height the S500 air-mover formula leaves out"
        shown = rule if wet_walls else ""
        return f"Dimensions and areas in metres, as measured{shown}. Measures taken in feet show them beside."
    rule = "; wet wall area is above 2 ft" if wet_walls else ""
    if metric_report() is False:
        return f"Dimensions and areas in feet{rule}. Measures taken in metres show them beside."
    return f"Dimensions in feet{rule}. Areas measured in metres also show m\u00b2."


def temperature(fahrenheit: float | None) -> str:
    if fahrenheit is None:
        return NONE
    celsius = f"{(fahrenheit - 32) * 5 / 9:.1f} \u00b0C"
    system = metric_report()
    if system is None:
        return f"{number(fahrenheit)} \u00b0F ({celsius})"
    return celsius if system else f"{number(fahrenheit)} \u00b0F"


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
# A reading written as a bare percentage: the cells print "%" and the table says once, under it,
# what that percentage is not (every cell saying so wrapped each one to three lines).
UNNAMED_SCALE = "%"


def reading_place(location: str, point: str | None) -> str:
    """Where a reading was taken, with the point's ID when the notes number their points: two
    plasterboard points of one bedroom are told apart as the notes tell them ("Bedroom 2, point 4")."""
    return f"{location}, point {point}" if point else location


def unnamed_scale_note(units: Iterable[str]) -> str | None:
    """The sentence under a readings table whose percentages name no scale, else None."""
    if UNNAMED_SCALE not in set(units):
        return None
    return (
        "Readings shown as % are on the meter's own percentage scale as the notes give them, not"
        " stated as %MC or WME."
    )


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
    # A tag naming another country than the job's is left off: an Australian job citing the
    # configured US edition prints "IICRC S500-2021", not "(US)" (ADR 0008); so is every tag on a
    # job whose notes settle no country (the edition is cited, the job is not called American).
    job = current()
    unsettled = job.from_job and job.country is None
    shown = (
        ref.country != "international"
        and not unsettled
        and (job.country is None or ref.country == job.country)
    )
    country = f" ({ref.country})" if shown else ""
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
