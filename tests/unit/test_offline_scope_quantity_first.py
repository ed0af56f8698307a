"""Scope items told quantity first, the thing, then its verb ("14 m2 of batts removed"): the thing
between the quantity and its verb, and each item of a list its own verb."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text

_HEADER = "Site: 8 Tui Lane, Nelson 7010\n"


def _items(text: str) -> list[tuple[str | None, str | None, float | None, str | None]]:
    return [
        (item.action, item.material, item.quantity, item.unit)
        for item in analyze_text(_HEADER + text).scope_of_work
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Works completed: 9 m2 of sodden underlay lifted, 3.5 lm of skirting removed.\n",
            [("remove", "sodden underlay", 9.0, "m2"), ("remove", "skirting", 3.5, "lm")],
        ),
        (
            "Done so far - 40 sq ft of drywall cut out, 120 sq ft of carpet pad pulled and bagged.\n",
            [("remove", "drywall", 40.0, "sq ft"), ("remove", "carpet pad", 120.0, "sq ft")],
        ),
    ],
)
def test_quantity_first_items_each_take_their_own_thing_and_verb(
    text: str, expected: list[tuple[str, str, float, str]]
) -> None:
    assert _items(text) == expected


def test_a_verb_before_the_quantity_still_governs_it() -> None:
    # the near miss: "Removed the vinyl, 6 m2" has no verb of its own after the quantity
    assert _items("Removed the vinyl, 6 m2.\n") == [("remove", "vinyl", 6.0, "m2")]
