"""`analyze_text`: the topics put together into `Findings`, with what stayed undetermined."""

from __future__ import annotations

import re
from datetime import date

from chalicelib.analysis.findings import (
    DamageType,
    FindingField,
    Findings,
    Locale,
    UnitSystem,
)
from chalicelib.analysis.offline.cause_of_loss import detect_cause
from chalicelib.analysis.offline.classification import (
    detect_category,
    detect_class,
    detect_condition,
    states_water_grade,
)
from chalicelib.analysis.offline.dates import (
    Dates,
)
from chalicelib.analysis.offline.equipment import (
    equipment_items,
    read_equipment_log,
    stated_equipment,
)
from chalicelib.analysis.offline.hazards import (
    detect_hazards,
)
from chalicelib.analysis.offline.job import (
    detect_damage_type,
    read_job,
)
from chalicelib.analysis.offline.lining_materials import with_lining_materials
from chalicelib.analysis.offline.material_words import without_tile_shorthand
from chalicelib.analysis.offline.original_measures import with_original_measures
from chalicelib.analysis.offline.parties import read_parties
from chalicelib.analysis.offline.reading_denials import denied_references
from chalicelib.analysis.offline.reading_inline_legend import inline_legend
from chalicelib.analysis.offline.reading_materials import with_wet_reading_materials
from chalicelib.analysis.offline.reading_rows import RowReader
from chalicelib.analysis.offline.readings import (
    finalise_readings,
)
from chalicelib.analysis.offline.residue_materials import with_residue_materials
from chalicelib.analysis.offline.scan import (
    RoomScan,
)
from chalicelib.analysis.offline.scope import (
    scope_items,
    scope_line_numbers,
)
from chalicelib.analysis.offline.scope_material_rooms import (
    with_area_rooms,
    with_roomless_scope_materials,
)
from chalicelib.analysis.offline.surface_materials import with_bare_boards_judged, with_bare_surfaces_judged
from chalicelib.analysis.offline.text import prepare_lines, unwrap_paragraphs
from chalicelib.analysis.offline.visit_days import Visits
from chalicelib.analysis.standards import (
    Standards,
    load_standards,
)

ANALYZER_NAME = "offline-rules"
_GRADED_WATER = re.compile(r"\b(?:cat(?:egory)?\.? ?[1-3]|class ?[1-4])\b", re.IGNORECASE)


ANALYZER_VERSION = "2.0.0"


def _metric(locale: Locale) -> bool:
    """Whether the job's figures are said in metres, as the report will print them: the country's
    own system where the address shows one (Canada: metric unless its notes are imperial), else
    the units the notes themselves write. A job with no country is never put into feet just
    because the configured standard is American."""
    if locale.country in ("AU", "NZ", "GB"):
        return True
    if locale.country == "US":
        return False
    if locale.country == "CA":
        return locale.units is not UnitSystem.IMPERIAL
    return locale.units is UnitSystem.METRIC


# --- entry point -------------------------------------------------------------------------------


def analyze_text(text: str, *, standards: Standards | None = None, received: date | None = None) -> Findings:
    """Read inspection notes into findings; never raises on odd input, never guesses.

    `received`: the day the notes reached us (the pipeline passes the workflow's creation day). It
    bounds the year a weekday with no year falls in ("Tuesday 10 November"); without it the notes'
    own written years decide, and only notes that write no year at all fall back on the clock's."""
    standards = standards or load_standards()
    lines = unwrap_paragraphs(prepare_lines(text))
    dates = Dates(lines, standards.dates.numeric_order, received)
    standards = standards.for_notes(dates.locale.country)  # the job's editions, its country tag
    visits = Visits(dates)
    job = read_job(lines, dates, visits)
    line_dates = visits.line_dates(lines, job.inspection_date.value if job.inspection_date else None)
    damage = detect_damage_type(lines)
    if damage is not None and damage[0] is DamageType.MOULD and (graded := states_water_grade(lines)):
        # Mould found while drying a water loss the writer grades: the loss is the water's
        damage = (DamageType.WATER, graded)
    damage_type = damage[0] if damage else None
    cause = detect_cause(lines)
    scope_lines = scope_line_numbers(lines)
    inspection = job.inspection_date.value if job.inspection_date else None
    rooms = RoomScan(line_dates, scope_lines, RowReader(dates, inspection))
    rooms.note_scales(text)
    legend = inline_legend(lines, text)
    rooms.know_points(legend.points, legend.lines)
    rooms.scan(lines)
    drafts = rooms.finish()
    denied_references(lines, rooms.readings)
    areas = with_original_measures([draft.to_model(standards) for draft in drafts])
    areas = with_bare_boards_judged(with_bare_surfaces_judged(areas, lines, damage_type), lines)
    is_water = damage_type is DamageType.WATER
    # Firefighting water is a water loss too when the notes grade it ("Cat 3 - water through ash")
    graded_water = is_water or (
        damage_type is DamageType.FIRE_SMOKE and _GRADED_WATER.search(text) is not None
    )
    category, category_notes = (
        detect_category(lines, cause[1].line if cause else None, standards) if graded_water else (None, [])
    )
    water_class, class_notes = (
        detect_class(lines, drafts, standards, _metric(dates.locale)) if graded_water else (None, [])
    )
    findings = Findings(
        job=job,
        parties=read_parties(lines),
        locale=dates.locale,
        damage_type=damage_type,
        damage_type_evidence=damage[1] if damage else None,
        cause_of_loss=cause[0] if cause else None,
        cause_of_loss_evidence=cause[1] if cause else None,
        water_category=category,
        water_class=water_class,
        mould_condition=detect_condition(lines, damage_type, standards),
        affected_areas=with_roomless_scope_materials(
            with_residue_materials(
                with_lining_materials(
                    with_wet_reading_materials(
                        areas, readings := finalise_readings(rooms.readings, rooms.goals, standards)
                    ),
                    readings,
                    lines,
                ),
                lines,
                damage_type,
                rooms.area_names,
            ),
            scope := scope_items(lines, scope_lines, rooms.rooms_by_line),
        ),
        moisture_readings=readings,
        atmospheric_readings=rooms.air,
        equipment=equipment_items(
            areas,
            stated_equipment(lines, line_dates, log := read_equipment_log(lines, line_dates, dates)),
            water_class.value if water_class else None,
            is_water,
            standards,
            _metric(dates.locale),
        ),
        equipment_runs=log.runs,
        scope_of_work=scope,
        safety_hazards=detect_hazards(lines, category if is_water else None, standards, dates.locale),
        notes=[*_date_notes(dates), *category_notes, *class_notes],
        analyzer=ANALYZER_NAME,
        analyzer_version=ANALYZER_VERSION,
    )
    findings.affected_areas = without_tile_shorthand(findings.affected_areas, text)
    findings.scope_of_work = with_area_rooms(findings.scope_of_work, findings.affected_areas)
    findings.undetermined = _undetermined(findings)
    return findings


def _date_notes(dates: Dates) -> list[str]:
    if dates.ambiguous_seen and dates.order is None:
        return [
            "Some numeric dates could be day-first or month-first and nothing in the notes settles it;"
            " they are left undetermined."
        ]
    return []


def _undetermined(findings: Findings) -> list[str]:
    """Every field the notes did not give; type-specific fields only for that type of loss."""
    job = findings.job
    is_water = findings.damage_type is DamageType.WATER
    missing = {
        FindingField.DAMAGE_TYPE: findings.damage_type is None,
        FindingField.CAUSE_OF_LOSS: findings.cause_of_loss is None,
        FindingField.AFFECTED_AREAS: not findings.affected_areas,
        FindingField.MOISTURE_READINGS: not findings.moisture_readings,
        FindingField.CLAIM_NUMBER: job.claim_number is None,
        FindingField.INSURED: job.insured is None,
        FindingField.ADDRESS: job.address is None,
        FindingField.DATE_OF_LOSS: job.date_of_loss is None,
        FindingField.INSPECTION_DATE: job.inspection_date is None,
        FindingField.WATER_CATEGORY: is_water and findings.water_category is None,
        FindingField.WATER_CLASS: is_water and findings.water_class is None,
        FindingField.EQUIPMENT: is_water and not findings.equipment,
    }
    return [str(name) for name, is_missing in missing.items() if is_missing]
