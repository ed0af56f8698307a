"""Grades read for what the writer means: a covering that sheds water is no bound water, a cavity
drying kit is no Class 4, a grade weighed and set aside or only supposed is not the stated one, and a
stated Category 1 on standing water the technician found clean stands."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text

pytestmark = pytest.mark.unit

_HEAD = "Job 9. 5 Bay Rd, Kambah ACT 2902\nCause: flexi hose burst under the basin, clean mains water.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Class 1 - one corner of the salon, low-porosity tiles, no wicking at all.",
        "CL 1: patch by the door, low permeance sheet vinyl, nothing absorbed.",
    ],
)
def test_a_covering_that_sheds_water_is_no_bound_water(line: str) -> None:
    water_class = analyze_text(_HEAD + line + "\n").water_class
    assert water_class is not None and water_class.value == 1


def test_water_held_in_a_dense_material_is_still_class_4() -> None:
    # (the near miss: low permeance said of the material holding the water)
    text = _HEAD + "Class 4: water bound in the low-permeance screed, readings high after a week.\n"
    water_class = analyze_text(text).water_class
    assert water_class is not None and water_class.value == 4


@pytest.mark.parametrize(
    "line",
    [
        "Ceiling cavity drying kit (Injectidry) run through the downlight holes.",
        "Injectidry panels fed into the wall cavity behind the vanity.",
    ],
)
def test_a_cavity_drying_kit_is_no_class_4(line: str) -> None:
    text = _HEAD + "Class 3 - water from the unit above, study ceiling and batts wet.\n" + line + "\n"
    water_class = analyze_text(text).water_class
    assert water_class is not None and water_class.value == 3


@pytest.mark.parametrize(
    "line",
    [
        "Class 2 in my view. I did think about Class 4 for the sandstone footings, but they were dry by"
        " day two.",
        "Class 2. We considered calling it a Class 3 because of the hall, however nothing came from above.",
    ],
)
def test_a_grade_weighed_and_set_aside_is_not_stated(line: str) -> None:
    water_class = analyze_text(_HEAD + "Hall carpet and pad wet.\n" + line + "\n").water_class
    assert water_class is not None and water_class.stated == 2


@pytest.mark.parametrize(
    "line",
    [
        "Calling it Cat 1. Monitoring; if it turns sour it's Cat 2.",
        "Cat 1 for now - should it start to smell, Cat 2.",
    ],
)
def test_a_grade_only_supposed_is_not_stated(line: str) -> None:
    category = analyze_text(_HEAD + "Laundry vinyl wet.\n" + line + "\n").water_category
    assert category is not None and (category.value, category.stated) == (1, 1)


def test_standing_water_found_clean_keeps_the_stated_category_1() -> None:
    # Given clean water that stood three days, and the technician's check of it
    text = (
        _HEAD
        + "Owners away; the water sat on the subfloor about 3 days before anyone noticed - odourless, ran"
        " clear, no debris. Calling it Cat 1.\n"
    )
    category = analyze_text(text).water_category
    assert category is not None and category.value == 1


def test_standing_water_with_no_check_is_category_2() -> None:
    # (the near miss: the same standing time, nothing said of the water)
    text = _HEAD + "Owners away; water sat on the subfloor about 3 days before anyone noticed. Cat 1.\n"
    category = analyze_text(text).water_category
    assert category is not None and category.value == 2
