"""A height range with its unit after the second number ("wicking 150-250 mm") is no reading, even
in a readings block where a bare number after a material is one; two readings apart stay two."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text

pytestmark = pytest.mark.unit


def test_a_height_range_in_a_readings_block_is_no_reading() -> None:
    text = (
        "MOISTURE MAP AND NOTES\n"
        "Attended 02/06/2026. Family room 5 x 4 m wet.\n"
        "Class 2: carpet soaked, plasterboard wicking 150-250 mm up the walls.\n"
    )
    assert [r.value for r in analyze_text(text).moisture_readings] == []


def test_a_reading_beside_a_height_is_still_read() -> None:
    text = (
        "MOISTURE MAP AND NOTES\n"
        "Attended 02/06/2026. Family room 5 x 4 m wet.\n"
        "Family room plasterboard 34% at 150 mm.\n"
    )
    assert [r.value for r in analyze_text(text).moisture_readings] == [34.0]
