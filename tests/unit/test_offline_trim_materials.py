"""Trim (cornices, door jambs and linings) read only by its own words, never as a landmark."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.trim_materials import baseboard_as_landmark, trim_reached


def _materials(text: str, room: str) -> list[str]:
    area = next(area for area in analyze_text(text).affected_areas if area.room == room)
    return [material.lower() for material in area.materials]


@pytest.mark.parametrize(
    ("line", "trim"),
    [
        ("Study: ceiling wet near the window, cornice stained.", "cornice"),
        ("Bathroom door jamb (pine): 23 %MC", "door jamb"),
        ("3 LDY door lining ...... 21 WME", "door lining"),
        ("K2 Kitchen door lining timber WME 26 18 14", "door lining"),
    ],
)
def test_a_trim_with_its_own_damage_or_reading_is_reached(line: str, trim: str) -> None:
    start = line.index(trim)
    assert trim_reached(line, start, start + len(trim))


@pytest.mark.parametrize(
    ("line", "trim"),
    [
        ("Ceiling stained along the cornice, approx 2 m2.", "cornice"),
        ("Wall below cornice 38", "cornice"),
        ("Plasterboard at the door jamb damp.", "door jamb"),
        ("New cornice 12 lm, set and paint.", "cornice"),
    ],
)
def test_a_trim_named_as_a_landmark_or_only_measured_is_not(line: str, trim: str) -> None:
    start = line.index(trim)
    assert not trim_reached(line, start, start + len(trim))


def test_a_rooms_stained_cornice_is_among_its_materials_but_a_landmark_one_is_not() -> None:
    # Given a dining room whose cornice is stained, and a study where water ran from the cornice
    text = (
        "Dining 3.4 x 3.2 m: plasterboard ceiling wet approx 2 m2, cornice stained.\n"
        "Study 3.0 x 2.8 m: wall plasterboard wet running down from the cornice.\n"
    )
    # Then the dining room's cornice is affected and the study's is not
    assert "cornice" in _materials(text, "Dining")
    assert "cornice" not in _materials(text, "Study")


@pytest.mark.parametrize(
    "line",
    [
        "P4 lounge gyprock at skirting 31",
        "Study wall, 28 WME at skirting height",
        "Dining wall plaster 50 mm above skirting: 22 WME",
        "Water ran down the west wall from the ceiling to the baseboard.",
        "Mould on the drywall behind the baseboard, lower 6 in.",
    ],
)
def test_a_skirting_that_marks_where_the_lining_was_read_is_no_wet_skirting(line: str) -> None:
    start = line.lower().index("skirting") if "skirting" in line else line.index("baseboard")
    end = start + (len("skirting") if "skirting" in line else len("baseboard"))
    assert baseboard_as_landmark(line, start, end)


@pytest.mark.parametrize(
    "line",
    [
        "Den: carpet, underlay and skirting wet",
        "Water damage to the skirting along the hall",
        "the baseboard on the shared wall is swollen at the bottom",
        "plasterboard at the skirting swollen",
        "Remove skirting, 14 lm",
    ],
)
def test_a_skirting_named_for_its_own_damage_is_no_landmark(line: str) -> None:
    word = "skirting" if "skirting" in line else "baseboard"
    start = line.index(word)
    assert not baseboard_as_landmark(line, start, start + len(word))


@pytest.mark.parametrize(
    ("line", "fitting"),
    [
        ("Lounge: drapes smoke-stained along the hem.", "drapes"),
        ("Bed 4: window sill blistered, plasterboard below wet.", "window sill"),
        ("Stair: handrail sooted end to end.", "handrail"),
        ("| 7 | Office window reveal | plaster | 310 REL |", "window reveal"),
        ("Nursery: curtains (blockout) water-damaged at the hem.", "curtains"),
    ],
)
def test_a_fitting_with_its_own_damage_or_reading_is_reached(line: str, fitting: str) -> None:
    start = line.index(fitting)
    assert trim_reached(line, start, start + len(fitting))


@pytest.mark.parametrize(
    ("line", "fitting"),
    [
        ("Dust on the window sill and the bedhead.", "window sill"),
        ("Water ran down beside the handrail to the landing.", "handrail"),
        ("Wall plaster at the window sill 33 WME", "window sill"),
        ("Dry clean curtains 2 pairs", "curtains"),
    ],
)
def test_a_fitting_named_as_a_landmark_or_as_work_is_not(line: str, fitting: str) -> None:
    start = line.index(fitting)
    assert not trim_reached(line, start, start + len(fitting))


def test_a_rooms_own_damaged_fittings_are_its_materials_but_a_landmark_sill_is_not() -> None:
    # Given a games room whose curtains are damaged, and a study where water ran in under a window sill
    text = (
        "Games room 5.0 x 4.0 m: carpet wet approx 6 m2, curtains water-damaged at the hem.\n"
        "Study 3 x 3 m: carpet wet where water ran in below the window sill.\n"
    )
    # Then the games room's curtains are affected, and the study's sill is not
    assert "curtains" in _materials(text, "Games room")
    assert "window sill" not in _materials(text, "Study")
