"""A room the writer only named or sized in a list, struck off by a later sentence of its own."""

from __future__ import annotations

from chalicelib.analysis import Findings, analyze_text

_HEAD = (
    "Job: 7 Mill Lane, Perth PH1 5AB\nVisited 03/11/2026\n"
    "Rooms: Utility, back bedroom (3.2 x 2.8 m)\n"
    "The washing machine inlet hose split overnight and flooded the utility floor.\n"
)


def _rooms(findings: Findings) -> list[str]:
    return sorted(area.room for area in findings.affected_areas)


def test_a_listed_room_the_writer_later_calls_not_affected_is_no_area() -> None:
    # Given a list of the rooms, then a sentence of the back bedroom's own that rules it out
    found = analyze_text(
        _HEAD + "Utility: vinyl wet, skirting swollen.\nThe back bedroom is NOT affected - dry.\n"
    )
    # Then only the utility is an affected area
    assert _rooms(found) == ["Utility"]


def test_a_sized_room_a_survey_grades_condition_1_is_no_area() -> None:
    # Given a list of the rooms' sizes, then a survey line grading one of them normal
    found = analyze_text(
        "Sizes\nCellar store: 12 x 9 ft.\nPlay room: 20 x 14 ft.\n\n"
        "Play room - carpet wet along the wall, drywall wicking 8 in. Condition 2.\n"
        "Cellar store - Condition 1. Nothing found.\n"
    )
    assert "Cellar store" not in _rooms(found)
    assert "Play room" in _rooms(found)


def test_a_dry_point_in_a_sized_room_does_not_strike_it_off() -> None:
    # Given a sized room, then only one dry point of it
    found = analyze_text(
        _HEAD + "Utility: vinyl wet, skirting swollen.\n"
        "Back bedroom carpet wet along the utility wall, underlay soaked.\n"
        "Back bedroom wardrobe door: 9 - dry.\n"
    )
    # Then the room stays an area: a dry point is not the room's verdict
    assert "Back bedroom" in _rooms(found)
