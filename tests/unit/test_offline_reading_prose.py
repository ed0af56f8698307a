"""Readings told in sentences (chalicelib/analysis/offline/reading_prose.py)."""

from __future__ import annotations

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_prose import prose_readings
from chalicelib.analysis.offline.text import prepare_lines


def _read(text: str) -> list[tuple[float, str | None]]:
    dates = Dates(prepare_lines(text), None)
    return [(reading.value, reading.unit) for reading in prose_readings(text, dates, None, None)]


def test_readings_given_at_heights_up_a_wall() -> None:
    # Given a sentence of readings, each at the height it was taken, on a named scale
    text = (
        "Readings on the east wall: 34 at 100 mm above the floor, 27 at 400 mm, 16 at 900 mm"
        " (relative scale)."
    )
    # When it is read
    # Then each number before "at <height>" is a reading on that scale, the heights are not
    assert _read(text) == [(34.0, "REL"), (27.0, "REL"), (16.0, "REL")]


def test_percentages_after_a_reading_verb_and_a_range() -> None:
    # Given a sentence with a reading, a range and a share of the floor
    text = "The drywall read 27% near the door and ranged 18-22% further along; 30% of the floor was wet."
    # Then the readings and both ends of the range are read; the share of the floor is not
    assert _read(text) == [(27.0, "%"), (18.0, "%"), (22.0, "%")]


def test_a_sentence_that_names_no_material_or_surface_gives_no_reading() -> None:
    # Given percentages in a sentence about something else
    assert _read("The crew read 40% of the file notes and measured 12% more time on site.") == []
