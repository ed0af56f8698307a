"""A grade someone else only holds ("the old hands reckoned it should be Class 4"), written beside the
writer's own call, is not what the notes state: the report would otherwise say "The notes state
Class 4" of notes that reject it."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text

_HEADER = "Site: 9 Pipi Street, Mount Maunganui 3116\nLounge 5 x 4 m, carpet wet over half the floor.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Class 2 as I see it: carpet and pad, a little wicking. The owner's brother reckoned it should be "
        "Class 3 because the room smelled damp - no.\n",
        "My call is Class 2. The builder thought it was a Class 4 job because of the slab; it is not.\n",
    ],
)
def test_someone_elses_opinion_beside_the_writers_call_is_not_stated(line: str) -> None:
    # Given the writer's own class and someone else's opinion after it
    water_class = analyze_text(_HEADER + line).water_class
    # Then the notes state the writer's class
    assert water_class is not None and water_class.stated == 2


def test_the_writers_own_reckoning_is_their_call() -> None:
    # Given the near miss: the writer reckons, correcting an earlier figure
    line = "Booked as Class 1. Having seen the pad I reckon it should be Class 2.\n"
    water_class = analyze_text(_HEADER + line).water_class
    # Then the writer's later grade is what the notes state
    assert water_class is not None and water_class.stated == 2
