"""Sizes in scope prose that are not quantities of work, and parts of a thing given by their size.

"painted plasterboard above a 1.2 m tiled dado" describes a wall; its 1.2 m is a height, with or
without the article. "removed the lower 300 mm of fibre cement lining, 24 lm": the item is the lining,
24 lm of it, not "lower"."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text

_HEADER = "Site: 5 Banksia Way, Bunbury WA 6230\n\n"


def _items(text: str) -> list[tuple[str | None, str | None, float | None, str | None]]:
    return [
        (item.action, item.material, item.quantity, item.unit)
        for item in analyze_text(_HEADER + text).scope_of_work
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The laundry has a tiled floor on slab and painted fibre cement above a 1.5 m tiled splashback.\n",
        "Both offices have carpet tiles and painted plasterboard up to the 2.1 m bulkhead.\n",
    ],
)
def test_a_height_after_an_article_is_no_line_item(sentence: str) -> None:
    # Given a description of a room's finishes, a height among them
    # When the notes are read
    # Then no line item is made from the height
    assert _items(sentence) == []


def test_a_run_after_work_is_still_a_line_item() -> None:
    # Given the near miss: work done to a run of trim, measured in bare metres
    items = _items("Work done: removed the swollen skirting in the lounge, 6.5 m.\n")
    # Then it is one item of 6.5 lm
    assert [(action, quantity) for action, _, quantity, _ in items] == [("remove", 6.5)]


@pytest.mark.parametrize(
    ("sentence", "material"),
    [
        ("Work done: cut out the bottom 400 mm of plasterboard, 18 lm, and bagged it.\n", "plasterboard"),
        ("Work done: we removed the lower 2 ft of drywall, 30 lf.\n", "drywall"),
    ],
)
def test_a_part_given_by_its_size_names_the_thing(sentence: str, material: str) -> None:
    # Given a strip of a lining named by its height, then the run removed
    # When the scope is read
    items = _items(sentence)
    # Then the item is the lining, not the word before its height
    assert [item[1] for item in items] == [material]
