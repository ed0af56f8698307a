"""A drying log's point legend (what each code stands for) and the wide table of its points (a row
per visit, a column per code), as a Word table and as a PDF's text with wrapped cells."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_legend import points_scale_legend

_WORD = """Drying log, job 9021, 8 Wattle Grove. Attended 21/05/2026.
The laundry floor and the study wall are wet from a leaking tub tap.
Point legend
| Point | Room | Material | Location | Meter |
|---|---|---|---|---|
| L1 | Laundry | vinyl over particleboard | 300 mm from the tub | Protimeter, %WME |
| S2 | Study | plasterboard | 200 mm above floor | Tramex, relative (0-100) |
| DS | Lounge (unaffected) | plasterboard | east wall | Tramex, relative (0-100) |
Drying goals: particleboard 18 %WME or less.
| Date | Time | L1 | S2 | DS |
|---|---|---|---|---|
| 21/05/2026 | 10:15 | 31 | 77 | 12 |
| 23/05/2026 | 09:40 | 18 | n/r | 13 |
"""


def _found(text: str) -> list[tuple[float, str, str, date | None, bool]]:
    return [
        (r.value, r.unit, r.location, r.taken_on, r.is_reference)
        for r in analyze_text(text).moisture_readings
    ]


def test_a_wide_table_reads_each_column_as_its_legend_point() -> None:
    found = _found(_WORD)
    assert (31.0, "WME", "Laundry", date(2026, 5, 21), False) in found
    assert (77.0, "REL", "Study", date(2026, 5, 21), False) in found
    assert (12.0, "REL", "Lounge", date(2026, 5, 21), True) in found
    assert (18.0, "WME", "Laundry", date(2026, 5, 23), False) in found
    assert (13.0, "REL", "Lounge", date(2026, 5, 23), True) in found
    # the legend's heights and scale ranges, the times and the "n/r" cell are no readings
    values = {value for value, *_ in found}
    assert not values & {300.0, 200.0, 100.0, 10.0, 15.0, 40.0}
    assert len(found) == 5


_PDF = """Drying log, job 9022, 8 Wattle Grove. Attended 21/05/2026.
The laundry floor and the study wall are wet from a leaking tub tap.
Point legend
Code Level Room Material Instrument / scale
L1 Ground floor Laundry vinyl over particleboard Protimeter pins, %WME
S2 Ground floor Study plasterboard
Tramex meter
non-invasive, relative
(0-999)
DS Ground floor Lounge (dry) plasterboard
Tramex meter, relative
Target: within 40 of the dry standard.
Date L1 S2 DS
21/05/202
6 31 640 120
23/05/2026 18 - 118
"""


def test_a_pdf_legend_with_wrapped_cells_and_a_wrapped_date() -> None:
    # (the level word stays with the room the notes name: "Ground floor laundry")
    found = [(v, u, place.split()[-1], d, ref) for v, u, place, d, ref in _found(_PDF)]
    assert (31.0, "WME", "laundry", date(2026, 5, 21), False) in found
    assert (640.0, "REL", "Study", date(2026, 5, 21), False) in found
    assert (120.0, "REL", "Lounge", date(2026, 5, 21), True) in found
    assert (18.0, "WME", "laundry", date(2026, 5, 23), False) in found
    assert (118.0, "REL", "Lounge", date(2026, 5, 23), True) in found
    assert len(found) == 5  # "(0-999)", the target's 40 and the "-" cell are none


def test_codes_without_a_legend_are_not_read_as_points() -> None:
    text = """Job 9023. Attended 21/05/2026. Laundry floor wet.
Date L1 S2 DS
21/05/2026 31 640 120
"""
    assert all(reading.location != "Study" for reading in analyze_text(text).moisture_readings)


def test_a_pdf_legend_row_with_an_unknown_room_is_skipped_not_the_legend_ended() -> None:
    text = (
        _PDF.replace(
            "S2 Ground floor Study plasterboard",
            "Q9 Ground floor Sunporch annexe timber deck\nS2 Ground floor Study plasterboard",
        )
        .replace("Date L1 S2 DS", "Date L1 Q9 S2 DS")
        .replace("6 31 640 120", "6 31 22 640 120")
        .replace("23/05/2026 18 - 118", "23/05/2026 18 - - 118")
    )
    found = [(v, u, place.split()[-1], d, ref) for v, u, place, d, ref in _found(text)]
    assert (640.0, "REL", "Study", date(2026, 5, 21), False) in found
    assert (120.0, "REL", "Lounge", date(2026, 5, 21), True) in found
    assert 22.0 not in [value for value, *_ in found]  # the unknown point's column is left out


_GRID = """Cylinder leak, 9 Rose St, Nelson. Attended 14/02/2026.
Hallway and bedroom 1 carpet and GIB wet. Lounge not affected (reference).
POINT LEGEND
A - Hallway, GIB, west wall at 150 mm
C - Bedroom 1, GIB, hallway wall at 150 mm
E - Hot water cupboard, bottom plate (timber)
R1 - Lounge, GIB (reference)
DAILY READINGS
Point Scale 14/02 15/02 16/02
A WME 31 24 15
C WME 27 18 -
E %MC 26 19 -
R1 WME 11 11 11
"""


def test_a_grid_row_ending_in_unread_days_keeps_its_point() -> None:
    found = {(r.value, r.unit, r.location, r.taken_on) for r in analyze_text(_GRID).moisture_readings}
    assert (27.0, "WME", "Bedroom 1", date(2026, 2, 14)) in found
    assert (18.0, "WME", "Bedroom 1", date(2026, 2, 15)) in found
    assert (19.0, "%MC", "Hot water cupboard", date(2026, 2, 15)) in found
    assert (15.0, "WME", "Hallway", date(2026, 2, 16)) in found


_SCALE_NOTE = """Tech notes 2026-06-02. Dishwasher hose off, kitchen and dining ceiling below.
Kitchen 12 x 10 ft, dining 12 x 12 ft wet.
READINGS 6/2 / 6/4 / 6/6
1 kitchen subfloor from below - 28 / 20 / 14
2 kitchen ceiling center - 90 / 55 / 21
3 dining ceiling, kitchen side - 61 / 33 / 17
(2-3 REL)
"""


def test_a_bracketed_note_of_which_points_take_a_scale_is_no_reading() -> None:
    readings = analyze_text(_SCALE_NOTE).moisture_readings
    assert not any(r.source.text.startswith("(2-3") for r in readings)
    assert points_scale_legend("(2-4 REL)")
    assert points_scale_legend("(pts 1, 3 %MC)")
    assert not points_scale_legend("walls 22-31 REL")
    assert not points_scale_legend("(dry std 12 REL)")
