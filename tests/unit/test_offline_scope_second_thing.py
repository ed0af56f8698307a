"""A scope line with two quantities under one verb: the second quantity's own thing, written after
the first quantity ("... plasterboard: 6 m2 (and the lath strip, 1.2 lm)"), is what it measures. Giving
it the first thing again would price the wrong material (and code it with the first's catalogue entry)."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text

_HEADER = "Site: 14 Kereru Road, Hamilton 3200\n\nScope\n"


def _items(text: str) -> list[tuple[str | None, str | None, float | None, str | None]]:
    return [
        (item.action, item.material, item.quantity, item.unit)
        for item in analyze_text(_HEADER + text).scope_of_work
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # Given one verb and a bracketed second thing with its own quantity
            "- Take down wet laundry ceiling lining: 4.5 m2 (and the cornice along the back wall, 3.2 lm)\n",
            # Then the second quantity measures the cornice
            [("remove", "ceiling lining", 4.5, "m2"), ("remove", "cornice along the back wall", 3.2, "lm")],
        ),
        (
            "- Remove soaked drywall 48 sq ft (plus the baseboard at the closet, 14 lf)\n",
            [("remove", "soaked drywall", 48.0, "sq ft"), ("remove", "baseboard", 14.0, "lf")],
        ),
    ],
)
def test_a_second_quantity_takes_the_thing_written_before_it(
    text: str, expected: list[tuple[str, str, float, str]]
) -> None:
    # When the line is read
    # Then each quantity keeps its own thing
    assert _items(text) == expected


def test_a_bare_second_quantity_still_shares_the_first_thing() -> None:
    # Given the near miss: two rooms' quantities of one thing, nothing named between them
    items = _items("- Remove carpet 22 m2 lounge and 9 m2 hallway\n")
    # Then both are carpet
    assert [(material, quantity) for _, material, quantity, _ in items] == [("carpet", 22.0), ("carpet", 9.0)]


def test_each_measured_item_of_a_prose_clause_is_described_by_its_own_words() -> None:
    # Given one sentence of work with three measured items
    notes = (
        "Work done: vacuumed the silt, removed the lower 200 mm of plasterboard, 16 lm, pulled and bagged "
        "the wet carpet in both bedrooms, 22 m2, and sprayed sanitiser on the slab (30 m2).\n"
    )
    descriptions = [item.description for item in analyze_text(_HEADER + notes).scope_of_work]
    # Then each line item reads as its own piece of work, not the whole sentence three times
    assert descriptions == [
        "removed the lower 200 mm of plasterboard, 16 lm",
        "pulled and bagged the wet carpet in both bedrooms, 22 m2",
        "sprayed sanitiser on the slab (30 m2)",
    ]


def test_a_clause_with_one_item_keeps_its_whole_wording() -> None:
    # Given the near miss: one measured item in its clause
    items = analyze_text(_HEADER + "- Remove wet underlay in the study, 6 m2, and bag it\n").scope_of_work
    # Then its description is the whole line as written
    assert [item.description for item in items] == ["Remove wet underlay in the study, 6 m2, and bag it"]
