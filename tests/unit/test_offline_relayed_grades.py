"""A grade the owner relays from the technician who graded the job is the stated one; a quoted
grade from anyone else, a guess, or one the writer answers is not."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text

pytestmark = pytest.mark.unit

_HEAD = "From: Ines Marlow\nSubject: leak at 4 Tern Close, Kambah ACT 2902\n\n"


@pytest.mark.parametrize(
    ("text", "category", "water_class"),
    [
        # a first name, straight quotes, both grades in one clause
        (
            'Tomasz from the drying firm looked at it. Tomasz said it was "Cat 2 - dirty" and "class 3"'
            " since the ceiling came down.\n",
            2,
            3,
        ),
        # the role, curly quotes, the verb "told us"
        (
            "The technician told us it\u2019s \u201cCategory 1\u201d and then left two fans in the study.\n",
            1,
            None,
        ),
        # a pronoun, the grade in a sentence of its own after the verb's object
        ('She came at noon. She confirmed "Class 2" for the lounge and hall.\n', None, 2),
    ],
)
def test_a_technicians_relayed_grade_is_stated(
    text: str, category: int | None, water_class: int | None
) -> None:
    # Given an owner's e-mail relaying the technician's grade in quotes, grading nothing herself
    findings = analyze_text(_HEAD + text)
    # Then the relayed grade is the stated one
    if category is not None:
        assert findings.water_category is not None
        assert (findings.water_category.value, findings.water_category.stated) == (category, category)
    if water_class is not None:
        assert findings.water_class is not None and findings.water_class.stated == water_class


@pytest.mark.parametrize(
    "text",
    [
        # a relative's view is theirs
        'My father-in-law said it was "Category 1" and went home.\n',
        # the insurer's side
        'The assessor said "Category 1" over the phone.\n',
        # a guess
        'Tomasz said it "might be Category 1" once he finds the pipe.\n',
        'Tomasz said it would be "Category 1" if it was the supply side.\n',
        # a grade the writer answers
        'Tomasz said "Category 1" - no, it was the washing machine emptying.\n',
        'Tomasz said "Category 1". I do not agree, it sat in the cupboard.\n',
        # quoted with no one saying it
        'The job sheet header reads "Category 1".\n',
    ],
)
def test_a_quoted_grade_from_anyone_else_is_not_stated(text: str) -> None:
    # Given a quoted category that is not the grading technician's undisputed word
    category = analyze_text(_HEAD + "The hall carpet is wet.\n" + text).water_category
    # Then no category is stated from it
    assert category is None or category.stated is None


def test_the_writers_own_grade_wins_over_a_relayed_one() -> None:
    # Given notes that relay a quote and state their own grade
    text = _HEAD + 'Tomasz said "Category 1" at first.\nAfter the trap was opened: Category 2.\n'
    category = analyze_text(text).water_category
    # Then the writer's own grade is the stated one
    assert category is not None and category.stated == 2
