"""Concrete slabs: in-slab RH probe readings ("%RH") are slab readings, dated by their heading;
a percentage of depth is not a reading; a room named by its first word places a reading."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_probes import probe_readings

_NOTES = """Slab leak, 4 Acacia Pl, Gungahlin ACT 2912. Attended 02/03/26.
Study 3.0 x 3.0, tiles on slab, wet extent approx 5 sqm. Rumpus room 5 x 4, tiles on slab, wet.
Ref = laundry tiles on same slab, unaffected.

Tramex CME concrete scale %:
02/03 ref laundry 3.0 | study at leak 6.1 | rumpus 4.9
Slab RH probes (holes drilled to 40% depth, read after 72 h) 05/03:
 ref laundry 75 %RH | study 96 %RH | rumpus 91 %RH
Outside 22 C 60 %RH.

16/03: CME study 4.0, rumpus 3.6. RH study 86 %RH, rumpus 82 %RH.
"""


def _found(text: str) -> list[tuple[float, str, str, date | None, bool]]:
    return [
        (reading.value, reading.unit, reading.location, reading.taken_on, reading.is_reference)
        for reading in analyze_text(text).moisture_readings
    ]


def test_probe_humidity_is_a_slab_reading_dated_by_its_heading() -> None:
    found = _found(_NOTES)
    assert (96.0, "%RH", "Study", date(2026, 3, 5), False) in found
    assert (75.0, "%RH", "Laundry", date(2026, 3, 5), True) in found
    assert (86.0, "%RH", "Study", date(2026, 3, 16), False) in found
    assert (82.0, "%RH", "Rumpus room", date(2026, 3, 16), False) in found
    # the outside air is not the slab's, and a drilled depth is no reading
    assert not any(value in (60.0, 40.0) for value, *_ in found)


def test_a_room_named_by_its_first_word_places_a_concrete_reading() -> None:
    found = _found(_NOTES)
    # "rumpus 4.9" is the Rumpus room's, "study at leak 6.1" the study's
    assert (4.9, "%", "Rumpus room", date(2026, 3, 2), False) in found
    assert (6.1, "%", "Study", date(2026, 3, 2), False) in found
    assert (3.6, "%", "Rumpus room", date(2026, 3, 16), False) in found


def test_probe_readings_leave_air_alone() -> None:
    line = "ambient 55 %RH, dehu outlet 20 %RH, kitchen probe 90 %RH, 70F 45 %RH"
    assert [(reading.label, reading.value) for reading in probe_readings(line, None)] == [
        ("kitchen probe", 90.0)
    ]
