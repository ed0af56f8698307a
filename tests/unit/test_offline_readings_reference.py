"""Which readings are dry standards: a reading of an unaffected room, or one labelled so; never a
reading of an affected room that has dried down to the dry standard."""

from __future__ import annotations

from chalicelib.analysis.offline import analyze_text

_NOTES = """JOB SHEET - burst hose
Att: 12 Mar 26 0800, 4 Wattle St, Unley SA 5061
Laundry - vinyl wet, pbd wicking. Hall - cpt wet outside laundry door.
Bed 2 - unaffected, used as ref

MC - Protimeter (%, no scale) 12/3
 bed 2 skirting 10 (ref)
 hall skirting 24
 laundry wall pbd 19

15 Mar 26 - hall skirting 11 = dry std. laundry wall 12. All eqpt pulled.
"""


def _readings(text: str) -> list[tuple[float, str, bool]]:
    return [
        (reading.value, reading.location, reading.is_reference)
        for reading in analyze_text(text).moisture_readings
    ]


def test_an_affected_room_at_the_dry_standard_is_not_the_dry_standard() -> None:
    found = _readings(_NOTES)
    # The unaffected bedroom's reading is the dry standard
    assert (10.0, "Bedroom 2", True) in found
    # "hall skirting 11 = dry std" says the hall has dried to it: a hall reading, not a reference
    assert (11.0, "Hall", False) in found
    # and the next part of the line names its own room
    assert (12.0, "Laundry", False) in found
    assert [reading for reading in found if reading[2]] == [(10.0, "Bedroom 2", True)]
