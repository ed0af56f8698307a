"""Cupping that does not make a Class 4: boards the writer calls slightly cupped, or a cupping only
supposed ("re-sand if cupping stays"), against the technician's own lower class."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text


def _class(text: str) -> int | None:
    graded = analyze_text(text).water_class
    return graded.value if graded else None


_NOTES = (
    "Claim: QX-44-1180\n"
    "Address: 5 Ironbark Close, Dubbo NSW 2830\n"
    "Laundry tub waste came apart on 03/05/2026; grey water over the kitchen floor.\n"
    "Kitchen 4.2 x 3.6 m: jarrah floorboards wet over about 6 m2 near the tub.\n"
    "{cupping}\n"
    "Cat 2. Class 2 (one room's floor only, no walls or ceiling).\n"
)


@pytest.mark.parametrize(
    "cupping",
    [
        "Boards cupped slightly near the tub.",
        "A little cupping at the board joins, nothing more.",
        "Re-sand the kitchen floor in 4 weeks if cupping stays.",
    ],
)
def test_slight_or_supposed_cupping_leaves_the_stated_class(cupping: str) -> None:
    # Given a stated Class 2 and boards whose cupping the writer calls slight or only supposes
    text = _NOTES.format(cupping=cupping)
    # When the class is graded
    graded = _class(text)
    # Then the stated class stands
    assert graded == 2


def test_boards_cupped_hard_are_still_bound_water() -> None:
    # Given (the near miss) boards cupped badly, with no hedge on it
    text = _NOTES.format(cupping="Boards badly cupped across the whole run.")
    # When the class is graded
    graded = _class(text)
    # Then the bound water in the timber makes it Class 4
    assert graded == 4
