"""The standards configuration: editions per rule, factors as data, another file by STANDARDS_FILE."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from chalicelib.analysis import AffectedArea, SourceSpan, analyze_text
from chalicelib.analysis.standards import (
    DEFAULT_STANDARDS_FILE,
    STANDARDS_FILE_VARIABLE,
    air_mover_calculation,
    class_for_share,
    dehumidifier_calculation,
    drying_goal,
    least_wet_share,
    load_standards,
    read_standards,
)

SPAN = SourceSpan(line=1, text="Kitchen")


def _room(**fields: object) -> AffectedArea:
    values: dict[str, object] = {
        "room": "Kitchen",
        "length_ft": 12.0,
        "width_ft": 14.0,
        "floor_area_sqft": 168.0,
    }
    values.update(fields)
    return AffectedArea.model_validate({**values, "source": SPAN})


@pytest.fixture
def custom_file(tmp_path: Path) -> Iterator[Path]:
    """A copy of the bundled standards with other factors, loaded through STANDARDS_FILE."""
    data = json.loads(DEFAULT_STANDARDS_FILE.read_text(encoding="utf-8"))
    data["references"]["waterCategory"] = {"standard": "IICRC S500", "edition": "2025", "country": "AU"}
    data["airMovers"]["wetFloorSqftPerAirMover"]["chosen"] = 50
    data["dryStandard"]["tolerancePoints"] = 2
    path = tmp_path / "standards.au.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    yield path
    load_standards.cache_clear()


def test_the_bundled_file_names_every_rule_with_its_edition() -> None:
    # Given the bundled standards
    standards = load_standards()
    # When each group of rules is looked up
    # Then each names its standard and edition: S500-2021 for water, S520 for mould, S700 for fire
    assert standards.cite("water_category") == "IICRC S500-2021 (US)"
    assert standards.ref("air_movers").edition == "2021"
    assert standards.ref("mould_condition").standard == "IICRC S520"
    assert standards.ref("fire_smoke").standard == "IICRC S700"
    # And the factors are the documented ones
    assert standards.dehumidifiers.types["conventional"].class_factors == {"1": 100, "2": 40, "3": 30}
    assert standards.dehumidifiers.types["lgr"].class_factors == {"1": 100, "2": 50, "3": 40, "4": 40}
    assert standards.dehumidifiers.types["lgr"].firm_source is False
    assert (standards.water_class.class1_max_wet_share, standards.water_class.class2_max_wet_share) == (
        0.05,
        0.4,
    )
    assert standards.default_ceiling_height_ft == 8


def test_standards_file_points_at_another_configuration(
    monkeypatch: pytest.MonkeyPatch, custom_file: Path
) -> None:
    # Given STANDARDS_FILE naming a file with other editions and factors
    monkeypatch.setenv(STANDARDS_FILE_VARIABLE, str(custom_file))
    load_standards.cache_clear()
    # When notes are analysed
    findings = analyze_text("Cause: supply line burst\nKitchen 12 x 14 ft, LVP wet approx 120 sf\n")
    # Then the category cites the configured edition and the air movers use the configured ratio
    assert findings.water_category is not None
    assert (findings.water_category.standard.edition, findings.water_category.standard.country) == (
        "2025",
        "AU",
    )
    movers = findings.equipment[0]
    assert "1 per 50 sq ft of wet floor" in movers.calculation
    assert movers.quantity == 1 + 3  # 1 per room + 120 / 50 rounded up
    assert drying_goal(10.0, load_standards()) == 12.0


def test_the_file_is_read_once(monkeypatch: pytest.MonkeyPatch, custom_file: Path) -> None:
    # Given the standards already loaded
    load_standards.cache_clear()
    first = load_standards()
    # When STANDARDS_FILE changes afterwards
    monkeypatch.setenv(STANDARDS_FILE_VARIABLE, str(custom_file))
    # Then the process keeps the configuration it started with
    assert load_standards() is first


def test_a_malformed_file_is_refused(tmp_path: Path) -> None:
    # Given a file missing a factor and with an unknown key
    data = json.loads(DEFAULT_STANDARDS_FILE.read_text(encoding="utf-8"))
    del data["airMovers"]["perAffectedRoom"]
    data["surprise"] = 1
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    # When it is read
    # Then validation names the problems instead of running with a silent default
    with pytest.raises(ValidationError, match="perAffectedRoom"):
        read_standards(path)


def test_air_movers_per_s500_with_range_and_working() -> None:
    # Given a room with wet floor, wet wall above 2 ft and ceiling, and two offsets
    room = _room(wet_floor_sqft=168.0, wet_wall_sqft=60.0, wet_ceiling_sqft=40.0, wall_insets_offsets=2)
    # When air movers are calculated
    calculation = air_mover_calculation([room], load_standards())
    # Then 1 + ceil(168/60)=3 + ceil(100/125)=1 + 2 = 7; at 70/150 sq ft it is 7, at 50/100 it is 8
    assert calculation is not None
    assert (calculation.quantity, calculation.least, calculation.most) == (7, 7, 8)
    assert "Kitchen: 1 per room + 168 sq ft wet floor / 60 = 3" in calculation.text
    assert "IICRC S500-2021 (US)" in calculation.text


def test_air_movers_need_the_wet_floor() -> None:
    # Given a room whose wet floor is not stated
    # When air movers are calculated
    # Then nothing is guessed
    assert air_mover_calculation([_room()], load_standards()) is None


def test_dehumidifier_per_class_factor_with_assumptions_said() -> None:
    # Given a 168 sq ft room with no stated ceiling height, Class 2
    standards = load_standards()
    # When conventional and LGR dehumidification are calculated
    conventional = dehumidifier_calculation([_room()], 2, standards)
    lgr = dehumidifier_calculation([_room()], 2, standards, kind="LGR", unit_pints_per_day=70)
    # Then 1,344 cu ft / 40 = 33.6 and / 50 = 26.9 pints/day, the 8 ft height and LGR source caveat said
    assert conventional is not None and conventional.inputs["requiredPintsPerDay"] == 33.6
    assert "8 ft assumed" in conventional.text
    assert lgr is not None and (lgr.inputs["requiredPintsPerDay"], lgr.quantity) == (26.9, 1)
    assert "no firm public source" not in lgr.text  # a caveat for the contractor, not the report
    assert any("no firm public source" in caveat for caveat in lgr.caveats)
    # And a conventional unit has no Class 4 factor, so nothing is calculated
    assert dehumidifier_calculation([_room()], 4, standards) is None


def test_class_thresholds_and_the_lower_bound_from_findings() -> None:
    # Given the configured thresholds
    standards = load_standards()
    # When shares are classified
    # Then under 5 % is Class 1, up to 40 % Class 2, above Class 3
    assert [class_for_share(share, standards) for share in (0.04, 0.05, 0.40, 0.41)] == [1, 2, 2, 3]
    # And a room's proven wet share counts its floor, wall above 2 ft and ceiling over all surfaces
    share = least_wet_share([_room(wet_floor_sqft=168.0)], standards)
    assert share is not None and round(share.wet_low / share.total, 3) == round(168 / 752, 3)


def test_drying_goal_tolerance_per_material() -> None:
    # Given the bundled tolerance (4 points) and concrete's own (1 point)
    standards = load_standards()
    # When goals are computed
    # Then drywall is dry within 4 points of its standard, a concrete slab within 1
    assert drying_goal(10.0, standards, "drywall") == 14.0
    assert drying_goal(2.9, standards, "concrete slab") == 3.9


def test_a_metric_jobs_air_mover_working_is_said_in_square_metres_with_the_same_quantities() -> None:
    # Given a 4 x 3.5 m room (about 150.7 sq ft) with 10 m2 of wet floor
    room = _room(
        length_ft=13.12, width_ft=11.48, floor_area_sqft=150.7, wet_floor_sqft=107.64, wall_insets_offsets=0
    )
    # When air movers are calculated for a job measured in metres, and for the same job in feet
    metric = air_mover_calculation([room], load_standards(), metric=True)
    imperial = air_mover_calculation([room], load_standards())
    assert metric is not None and imperial is not None
    # Then the quantities agree and the working is in square metres, with no feet in it
    assert (metric.quantity, metric.least, metric.most) == (imperial.quantity, imperial.least, imperial.most)
    assert "Kitchen: 1 per room + 10 m\u00b2 wet floor / 5.57 = 2" in metric.text
    assert "sq ft" not in metric.text and " ft" not in metric.text
    assert "wet wall above 0.61 m" in metric.text


def test_a_metric_jobs_dehumidifier_working_is_said_in_cubic_metres_and_litres() -> None:
    # Given the 168 sq ft (15.61 m2) kitchen of the imperial test, Class 2, on a metric job
    calculation = dehumidifier_calculation([_room()], 2, load_standards(), metric=True)
    imperial = dehumidifier_calculation([_room()], 2, load_standards())
    assert calculation is not None and imperial is not None
    # Then the rooms' volume is in cubic metres at the assumed 2.44 m, the pints in litres beside,
    # the cubic feet the factor divides kept in brackets, and no Fahrenheit
    assert calculation.quantity == imperial.quantity
    assert "Kitchen 15.61 m\u00b2 x 2.44 m (assumed) = 38.1 m\u00b3" in calculation.text
    assert "(1,344 cu ft) / class 2 factor 40 = 33.6 AHAM pints/day (15.9 L/day)" in calculation.text
    assert "\u00b0F" not in calculation.text and "sq ft" not in calculation.text
    # And the imperial working is as it was
    assert "Kitchen 168 sq ft x 8 ft (assumed) = 1,344 cu ft" in imperial.text
