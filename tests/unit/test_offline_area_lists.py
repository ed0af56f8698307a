"""The areas a writer lists under an "Areas affected" heading, and rooms an S520 grade keeps affected."""

from __future__ import annotations

import pytest

from chalicelib.analysis import Findings, analyze_text
from chalicelib.analysis.offline.spaces import room_mentions

_STORY = (
    "Site: 4 Karri Way, Denmark WA 6333\nAttended 09/08/2026\n"
    "Over the long weekend the copper pipe to the header tank in the roof space above the laundry"
    " froze and split. It ran for two days before the owners got home.\n"
)
_LIST = (
    "Areas affected\n"
    "- Laundry 2.4 x 1.8 m: ceiling plasterboard down, batts above soaked, vinyl wet.\n"
    "- Scullery 2.0 x 1.6 m: ceiling stained and soft, cabinet kickboards swollen.\n"
    "The study next door was checked and is dry.\n"
)


def _rooms(findings: Findings) -> list[str]:
    return [area.room for area in findings.affected_areas]


def test_a_space_only_a_sentence_implied_and_the_writers_list_leaves_out_is_not_an_area() -> None:
    # Given a story whose first sentence places the failed unit in the roof space, and the
    # writer's own list of the affected areas that leaves the roof space out
    listed = analyze_text(_STORY + _LIST)
    # Then the roof space is not an area; the listed rooms are
    assert sorted(_rooms(listed)) == ["Laundry", "Scullery"]


def test_a_listed_space_stays_an_area() -> None:
    # Given the same story whose list names the roof space as well
    listed = analyze_text(
        _STORY + _LIST.replace("Areas affected\n", "Areas affected\n- Roof space: batts soaked.\n")
    )
    # Then the roof space is an area too
    assert "Roof space" in _rooms(listed)


def test_a_room_its_own_line_grades_condition_2_is_affected_though_no_growth_shows() -> None:
    # Given a mould report's room line that sees no growth but grades the room Condition 2
    text = "Landing: no visible growth, though settled dust lies on the architraves. Condition 2."
    # When its room is read
    (landing,) = room_mentions(text)
    # Then it is affected, not cleared by the "no visible growth" sentence
    assert landing.affected and not landing.unaffected


# An open-plan space written once with no size, whose rooms the notes then name as areas of their
# own, is those areas, not one more.
_OPEN_PLAN_APART = [
    (
        "Ground floor: lounge and dining on timber boards.\nAffected: Lounge 5.0 x 4.0 m, boards cupped."
        " Dining room 3.5 x 3.0 m, boards wet at the door.",
        ["Lounge", "Dining room"],
    ),
    (
        "Water crossed the study/library floor.\nStudy 3 x 3 m: carpet soaked.\nLibrary 4 x 3 m: boards wet.",
        ["Study", "Library"],
    ),
    # (the near miss: only one of its rooms named apart, the space stays)
    (
        "Water crossed the lounge/dining floor; carpet soaked.\nLounge 5 x 4 m: carpet soaked.",
        ["Lounge/dining", "Lounge"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _OPEN_PLAN_APART)
def test_an_open_plan_space_whose_rooms_are_named_apart_is_those_rooms(
    text: str, expected: list[str]
) -> None:
    assert [area.room for area in analyze_text(text).affected_areas] == expected
