"""The class's measured share in the units the job is reported in, and the standard cited without
another country's tag when the notes show no country."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text

pytestmark = pytest.mark.unit

_ROOMS_M = "Lounge 5 x 4 m, carpet and underlay wet approx 9 m2.\nHall 3 x 1.2 m, carpet wet approx 2 m2.\n"


@pytest.mark.parametrize(
    "head",
    [
        "Job 4 - 9 Wattle Gr, Kalinga\n",  # no state, no postcode: no country
        "Job 4 - Flat 2, 9 Rowan Close\n",
    ],
)
def test_notes_in_metres_with_no_country_are_not_put_into_feet_or_an_american_edition(head: str) -> None:
    water_class = analyze_text(head + "Cause: burst flexi hose.\n" + _ROOMS_M).water_class
    assert water_class is not None
    assert "m\u00b2" in water_class.justification and "sq ft" not in water_class.justification
    assert "(US)" not in water_class.justification
    assert "country not determined" in water_class.justification
    assert "2.44 m assumed" in water_class.justification


def test_an_au_job_is_in_square_metres_without_a_country_tag() -> None:
    text = "Job 4 - 9 Wattle Gr, Kalinga QLD 4030\nCause: burst flexi hose.\n" + _ROOMS_M
    water_class = analyze_text(text).water_class
    assert water_class is not None
    assert "m\u00b2" in water_class.justification and "(US)" not in water_class.justification


def test_a_us_job_in_feet_keeps_feet_and_its_edition() -> None:
    # (the near miss: an American job measured in feet stays as it was)
    text = (
        "Job 4 - 9 Elm St, Dayton, OH 45402\nCause: burst supply line.\n"
        "Den 15 x 12 ft, carpet and pad wet approx 100 sq ft.\n"
    )
    water_class = analyze_text(text).water_class
    assert water_class is not None
    assert "sq ft" in water_class.justification and "(US)" in water_class.justification
