"""Spaces the vocabulary does not know, named by their size (chalicelib/analysis/offline/sized_spaces.py)."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.measures import is_opening
from chalicelib.analysis.offline.sized_spaces import sized_space_mentions


@pytest.mark.parametrize(
    ("line", "name"),
    [
        (
            "- Group fitness studio, 14 x 9 m. Suspended ceiling wet over half the room.",
            "Group fitness studio",
        ),
        ("| Dish station | 12 x 10 ft | entire floor | quarry tile, FRP over drywall |", "Dish station"),
        ("Dry storage 16 x 10 ft - sealed concrete wet", "Dry storage"),
    ],
)
def test_a_name_followed_at_once_by_a_size_is_a_space(line: str, name: str) -> None:
    assert [mention.name for mention in sized_space_mentions(line)] == [name]


@pytest.mark.parametrize(
    "line",
    [
        "One 100 x 100 mm inspection hole cut at A, 50 mm up",
        "Cut 600 x 600 mm in the drywall at the toe kick",
        "Suspended ceiling 600 x 600 mm tiles, wet",
        "Plasterboard 2.4 x 1.2 m sheets removed",
        "Burn pattern 3 x 4 ft behind the dryer",
        "Total 14 x 9 m",
    ],
)
def test_a_cut_a_sheet_a_mark_or_a_size_label_is_no_space(line: str) -> None:
    assert sized_space_mentions(line) == []


def test_a_restaurant_table_of_its_own_spaces_gives_each_space() -> None:
    # Given a commercial loss whose areas table names spaces no house has
    notes = (
        "Sewer backup, Alder St Bistro, 410 SE Alder St, Portland OR 97214. Attended 12/14/2025.\n"
        "Sewage backed up through the dish station floor sink on 12/13/2025.\n"
        "Affected areas\n"
        "| Area | Size | Wet extent | Materials |\n"
        "|---|---|---|---|\n"
        "| Dish station | 12 x 10 ft | entire floor | quarry tile, FRP over drywall |\n"
        "| Dry storage | 16 x 10 ft | entire floor | sealed concrete, drywall |\n"
    )
    rooms = {area.room for area in analyze_text(notes).affected_areas}
    # Then both spaces are affected areas, in the notes' words
    assert {"Dish station", "Dry storage"} <= rooms, rooms


def test_the_size_of_a_sheet_cut_down_is_not_the_rooms() -> None:
    # Given a removal line giving the size of the ceiling sheet taken down
    line = "02/06: Cut down the sagging garage ceiling sheet, 2.4 x 1.2 m (2.9 m2), and bagged the batts."
    start = line.index("2.4")
    # Then the size is the sheet's, not the garage's
    assert is_opening(line, start, line.index(" (2.9"))


@pytest.mark.parametrize(
    "line", ["- Containment poly tent 3 x 3 m", "Poly enclosure 2.4 x 3 m", "- Dust barrier 4 x 2.5 m"]
)
def test_a_containment_put_up_around_the_work_is_no_space(line: str) -> None:
    # Given a scope line sizing the containment or barrier put up around the wet zone
    # Then no space is named by it
    assert sized_space_mentions(line) == []


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("- Treatment room (front) 4.2 x 3.6 m. Vinyl wet along the wall.", "Treatment room"),
        ("Wash bay (2 basins) 3.0 x 2.2 m - ceiling down.", "Wash bay"),
    ],
)
def test_a_name_glossed_in_brackets_before_its_size_is_a_space(line: str, name: str) -> None:
    assert [mention.name for mention in sized_space_mentions(line)] == [name]


def test_a_size_in_brackets_is_no_gloss() -> None:
    # ("Storeroom (2 x 3 m) 14 m2 of stock": the bracket is the size itself)
    assert sized_space_mentions("Stock cage (2 x 3 m) 14 m2 of stock") == []


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # (a known room word in the bracket after the name glosses it; known words later are others)
        ("- Pavilion (meeting room): 12 x 8 m, carpet wet on the deck side.", ["Pavilion"]),
        ("Chapel (prayer room) 9 x 6 m - carpet tiles wet at the vestry door", ["Chapel"]),
        (
            "- Studio (spare bedroom), 4 x 3 m, carpet wet, and the laundry floor beside it wet",
            ["Studio", "Laundry"],
        ),
    ],
)
def test_a_sized_name_glossed_by_a_known_room_is_the_space(line: str, names: list[str]) -> None:
    from chalicelib.analysis.offline.spaces import room_mentions

    assert [mention.name for mention in room_mentions(line)] == names


def test_a_known_room_that_opens_the_line_keeps_its_own_name() -> None:
    from chalicelib.analysis.offline.spaces import room_mentions

    # (the line opens with a room the vocabulary knows: no sized name stands before it)
    assert [m.name for m in room_mentions("- Kitchen (galley), 3 x 2.4 m, vinyl wet")][:1] == ["Kitchen"]


# The size may be hedged after the name's gloss, or open the name's own bracket after a gloss.
@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("- Cold store (back of house), approx. 6 m x 4 m. Slab wet at the door.", "Cold store"),
        ("- Pottery studio (ground floor, about 22 x 18 ft): kiln side wet", "Pottery studio"),
        ("Grain store (rear; roughly 5 x 3 m) - concrete wet", "Grain store"),
    ],
)
def test_a_hedged_size_after_the_names_gloss_is_still_the_spaces(line: str, name: str) -> None:
    assert [mention.name for mention in sized_space_mentions(line)] == [name]


@pytest.mark.parametrize(
    "line",
    [
        "- Inspection opening (wall, approx. 1 x 1 ft) cut by the tech",
        "- Test patch (approx. 300 x 300 mm), lifted",
        "The ceiling (about 4 x 6 ft) was opened",
    ],
)
def test_a_hedged_size_of_a_cut_or_patch_is_still_no_space(line: str) -> None:
    assert sized_space_mentions(line) == []
