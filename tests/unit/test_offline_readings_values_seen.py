"""Readings no reader saw, and numbers that are no readings: hyphen-joined point codes re-read
("STD-D 9", "REF-1 11"), a point first read past 100 re-read on the relative scale, a height by
"up" alone ("100 up"), a bracket's comma inside one item, a height in "in." carrying its surface,
a meter's span written with an en dash ("0\u2013100") and a numbered section heading of readings."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_point_rereads import point_rereads, told_point_rereads

pytestmark = pytest.mark.unit

_RECEIVED = date(2026, 12, 31)


def _readings(text: str) -> list[tuple[float, str, bool]]:
    return [
        (r.value, r.unit, r.is_reference) for r in analyze_text(text, received=_RECEIVED).moisture_readings
    ]


# --- hyphen-joined point codes re-read by their codes ---------------------------------------------

_CODED_MAP = """Burst hose under the vanity, found 14/10/2026.
Bathroom vanity and the passage wall wet.

POINT LIST
V1  vanity kick (MDF)
V2  passage wall plasterboard
{std}  lounge plasterboard (dry std)

{line}
"""


@pytest.mark.parametrize(
    ("std", "line"),
    [
        # bars between the items, the standard lettered by its room
        ("STD-L", "15/10   V1 36 | V2 27 | STD-L 10"),
        # commas, the standard numbered
        ("REF-1", "15/10: V1 36, V2 27, REF-1 10"),
        # a day and a dash before them, the standard first
        ("DS-L", "Fri 16/10 - DS-L 10, V1 36, V2 27"),
    ],
)
def test_a_hyphen_joined_standard_is_read_again_by_its_code(std: str, line: str) -> None:
    found = _readings(_CODED_MAP.format(std=std, line=line))
    assert (10.0, "%", True) in [(v, "%", ref) for v, _, ref in found if v == 10.0]
    assert {36.0, 27.0} <= {v for v, _, _ in found}


def test_a_code_the_map_never_gave_is_no_reading() -> None:
    # Near miss: "STD-K" is not a point of the list, so its value has no place
    found = _readings(_CODED_MAP.format(std="STD-L", line="15/10   V1 36 | V2 27 | STD-K 10"))
    assert 10.0 not in {v for v, _, _ in found}


def test_the_code_readers_take_the_registrys_hyphen_forms() -> None:
    known = frozenset({"V1", "V2", "STD-L", "REF-2"})
    assert point_rereads("V1 36 | STD-L 10 | REF-2 9", known) == [
        ("V1", 36.0, None),
        ("STD-L", 10.0, None),
        ("REF-2", 9.0, None),
    ]
    assert told_point_rereads("Last visit: STD-L 10, V2 12. All dry.", known) == [
        ("STD-L", 10.0, None),
        ("V2", 12.0, None),
    ]
    # a hyphen between a code and its value is no code ("V1-36" is not a point "V1-36")
    assert point_rereads("Kitchen-36 | hall-12", known) is None


# --- a point first read past 100 is on the relative scale when re-read -----------------------------

_WIDE_POINTS = """Supply line burst in the laundry, found 02/03/2026. Laundry and passage wet.
Readings (Protimeter - pins WME on skirting; search mode on {board})
L1 laundry skirting by tub ... 33 WME
L2 laundry {board} 300 above floor ... {first}
P1 passage {board} by door ... 280
04/03/26: L1 21, L2 {second}, P1 150.
"""


@pytest.mark.parametrize(
    ("board", "first", "second"),
    [("GIB", 410, 190), ("plasterboard", 520, 120), ("drywall", 350, 101)],
)
def test_a_point_first_read_past_100_is_re_read_on_the_relative_scale(
    board: str, first: int, second: int
) -> None:
    found = _readings(_WIDE_POINTS.format(board=board, first=first, second=second))
    assert (float(second), "REL", False) in found
    assert (150.0, "REL", False) in found
    assert (21.0, "WME", False) in found


def test_a_point_read_on_a_percent_scale_stays_there() -> None:
    # Near miss: a point first read at 33 WME re-read at 120 is no reading on that scale
    found = _readings(_WIDE_POINTS.format(board="GIB", first=410, second=190).replace("L1 21", "L1 120"))
    assert 120.0 not in {v for v, _, _ in found}


# --- a height by "up" alone --------------------------------------------------------------------

_UP_BLOCK = """Dishwasher leak found 11/05/2026, kitchen and meals area wet.
MOISTURE (Tramex ME5, plasterboard %)
12/05:
 {line}
 kitchen kick at sink - 41 WME
"""


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("kitchen wall behind dishwasher pb 100 up - 33 %", 33.0),
        ("meals wall pb, 150 up: 24 %", 24.0),
        ("kitchen wall gib 300 up -- 19", 19.0),
    ],
)
def test_a_height_by_up_alone_is_no_reading(line: str, value: float) -> None:
    found = {v for v, _, _ in _readings(_UP_BLOCK.format(line=line))}
    assert value in found
    assert not found & {100.0, 150.0, 300.0}


def test_a_value_that_went_up_is_still_a_reading() -> None:
    # Near miss: "24 up from 19" is a reading that rose, no height
    found = {v for v, _, _ in _readings(_UP_BLOCK.format(line="kitchen wall pb 24 up, meals wall pb 18"))}
    assert {24.0, 18.0} <= found


# --- a bracket's comma is inside one item -------------------------------------------------------

_STANDARDS = """Kitchen fire, hose water through the kitchen on 19/07/2026.
MOISTURE (Protimeter Mini - WME on timber; Tramex ME5 plasterboard %)
20/07:
 kitchen kick at cooktop - 38 WME
 {line}
"""


@pytest.mark.parametrize(
    "line",
    [
        "dry std: bed 2 skirting (upstairs) 11 WME; study wall pb (downstairs, front) 8 %",
        "dry std: lounge skirting 11 WME, study wall pb (front, by the window) 8 %",
        "dry std: study wall pb (ground floor, east) 8 %; bed 2 skirting 11 WME",
    ],
)
def test_a_bracket_with_a_comma_is_one_items_words(line: str) -> None:
    found = _readings(_STANDARDS.format(line=line))
    assert (8.0, "%", True) in found
    assert (11.0, "WME", True) in found


# --- heights in "in." carry the surface before them -----------------------------------------------

_HEIGHTS = """Tank failure on 14/09/2026 in the basement suite.
Moisture (Delmhorst, drywall %)
{line}
"""


@pytest.mark.parametrize(
    ("line", "values"),
    [
        ("• Closet wall drywall at 4 in.: 31 % / at 12 in.: 22 % / at 24 in.: 3 %", {31.0, 22.0, 3.0}),
        ("• Closet wall drywall @ 6 in. 28 %; @ 18 in. 14 %", {28.0, 14.0}),
        ("• Hall wall plasterboard at 100 mm: 31 / at 300 mm: 22", {31.0, 22.0}),
    ],
)
def test_heights_after_a_surface_are_that_surfaces_readings(line: str, values: set[float]) -> None:
    assert values <= {v for v, _, _ in _readings(_HEIGHTS.format(line=line))}


# --- a meter's span and a numbered section heading ------------------------------------------------

_SECTION = """Tank failure on 14/09/2026 in the basement suite; bedroom wet.

{heading}
• Bedroom wall drywall at 4 in.: 12 %
• Bedroom baseboard, exterior wall: 17 %MC
"""


@pytest.mark.parametrize(
    "heading",
    [
        "3. Moisture (Delmhorst BD-2100; drywall scale 0\u2013100 reads in %, wood scale %MC on plates)",
        "4.2 Moisture readings (Tramex; plasterboard 0 \u2013 100, timber %MC)",
        "Moisture (Delmhorst; drywall scale 0\u2013100 reads in %, wood %MC on baseboard)",
    ],
)
def test_a_numbered_section_of_readings_with_a_meters_span(heading: str) -> None:
    found = _readings(_SECTION.format(heading=heading))
    values = {v for v, _, _ in found}
    assert {12.0, 17.0} <= values
    # the span's ends are no readings
    assert not values & {0.0, 100.0}


def test_a_range_of_readings_after_an_en_dash_is_no_single_reading() -> None:
    # Near miss: "readings 14\u201318" is a range, as "14-18" is: neither end is read alone
    found = {
        v
        for v, _, _ in _readings(
            _SECTION.format(heading="Moisture (Tramex, %)").replace("12 %", "14\u201318 %")
        )
    }
    assert 18.0 not in found


# --- air humidity among probe results, and a bound in words ---------------------------------------

_PROBED = """Basement flooded 10/01/2026; family room drywall wet. Inspected 02/04/2026.
Moisture readings (Delmhorst drywall scale %, wood %MC)
- Family room bottom plate (through a 1 in. probe hole): 24 %MC
- Family room drywall at 4 in.: 23 %
{line}
"""


@pytest.mark.parametrize(
    "line",
    [
        "- Basement air 58% RH / 19 C; main floor 41% RH / 21 C (atmospheric - for information).",
        "- Lower level 62 %RH, 18.5 \u00b0C; upper level 47 %RH, 21 \u00b0C.",
        "- Atmospheric: family room 60 %RH; hallway 52 %RH.",
    ],
)
def test_air_humidity_after_probes_is_no_material_reading(line: str) -> None:
    found = _readings(_PROBED.format(line=line))
    assert all(unit != "%RH" for _, unit, _ in found)
    assert {24.0, 23.0} <= {v for v, _, _ in found}


_SLEEVES = """Leak under the kitchen screed found 08/10/2026. Inspected 13/10/2026.
Moisture data
Screed: {words} (%RH).
- Screed sleeve S1 (kitchen): 97 %RH.
"""


@pytest.mark.parametrize(
    "words",
    ["hygrometer in drilled sleeves", "equilibrium RH in screed sleeves", "hygrometer probes in the slab"],
)
def test_a_slabs_humidity_in_sleeves_is_a_reading(words: str) -> None:
    assert (97.0, "%RH", False) in _readings(_SLEEVES.format(words=words))


def test_a_slab_humidity_with_its_temperature_is_the_airs() -> None:
    # Near miss: a room's humidity and temperature under the same heading is the air's
    text = _SLEEVES.format(words="hygrometer in drilled sleeves") + "- Kitchen 55 %RH / 20 C.\n"
    assert 55.0 not in {v for v, _, _ in _readings(text)}


_BOUNDS = """Wardrobe leak found 20/11/2026; bedroom 3 wardrobe gib and framing wet.
Moisture (Protimeter, pins WME)
- Wardrobe bottom plate: 31 WME
Recommendations
1. {line}
"""


@pytest.mark.parametrize(
    "line",
    [
        "Dry the framing to below 18 WME before re-lining.",
        "Keep drying until the bottom plate reads under 16 WME.",
        "Framing to be no more than 15 WME at sign-off.",
    ],
)
def test_a_bound_in_words_is_no_reading(line: str) -> None:
    found = {v for v, _, _ in _readings(_BOUNDS.format(line=line))}
    assert 31.0 in found
    assert not found & {18.0, 16.0, 15.0}


def test_a_reading_of_a_place_under_something_is_still_read() -> None:
    # Near miss: "under" before a place, not before the value
    found = {v for v, _, _ in _readings(_BOUNDS.format(line="Subfloor under the vanity 22 WME."))}
    assert 22.0 in found


# --- the first item of a run of codes a colon leads -----------------------------------------------

_CODES = """Water damage, laundry flooded 10/11/2026.

POINTS
L1  laundry skirting (MDF)
L2  laundry wall plasterboard
L3  laundry wall plasterboard, 1 m out

{line}
"""


@pytest.mark.parametrize(
    "line",
    [
        "Readings again: L1 19, L3 12, L2 14.",
        "Thu 12/11 - all at goal: L1 19, L2 14, L3 12.",
        "Last check (owner present): L1 19, L2 14, L3 12",
    ],
)
def test_the_first_code_after_a_colon_is_read(line: str) -> None:
    assert {19.0, 14.0, 12.0} <= {v for v, _, _ in _readings(_CODES.format(line=line))}


def test_an_unknown_code_after_a_colon_is_no_reading() -> None:
    # Near miss: "Q7" is no point of the list
    found = {v for v, _, _ in _readings(_CODES.format(line="Readings again: Q7 19, L3 12, L2 14."))}
    assert 19.0 not in found


# --- a lead word before its item's comma ----------------------------------------------------------

_LEAD = """Dishwasher leak 10/10/2026, kitchen floor wet.

Moisture data
Protimeter: pins on timber (WME)

Visit 1 - 13/10/2026
{line}
"""


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("- Oak, island end (P1): 28 WME; oak centre of room (P2): 24 WME.", 28.0),
        ("- Jarrah, by the sink (K1): 31 WME; jarrah at the door (K2): 19 WME.", 31.0),
        ("* Skirting, left of the tub: 27 WME / skirting at the door: 15 WME", 27.0),
    ],
)
def test_a_lead_word_is_its_first_items_material(line: str, value: float) -> None:
    assert value in {v for v, _, _ in _readings(_LEAD.format(line=line))}


def test_a_bracket_of_readings_keeps_its_items_apart() -> None:
    # Near miss of the bracket rule: a bracket that lists readings is parted at its commas
    found = _readings(
        _LEAD.format(line="- 15/10 all at std (laundry skirting 13, hall skirting 12, kitchen kick 14).")
    )
    assert {13.0, 12.0, 14.0} <= {v for v, _, _ in found}


# --- a note about a slip restates the log's values ------------------------------------------------

_SLIP = """Sprinkler leak 06/03/2026; stockroom drywall wet.
Moisture readings
- 2026-03-09: north wall 31%; stockroom wall 15%; plywood shelf 17 %MC.
- {line}
"""


@pytest.mark.parametrize(
    ("line", "told"),
    [
        (
            "Note: the field sheet shows the stockroom wall as 51%; a transcription slip, the correct "
            "figure is 15% as entered above.",
            {51.0},
        ),
        ("Note: the app lists the north wall as 13%, a slip; the correct value is 31%.", {13.0}),
        ("P5 was entered as 71 in the app first - it's 17.", {71.0}),
    ],
)
def test_a_slip_note_gives_no_new_readings(line: str, told: set[float]) -> None:
    found = [v for v, _, _ in _readings(_SLIP.format(line=line))]
    assert not set(found) & told
    assert found.count(15.0) == 1 and found.count(31.0) == 1


def test_a_note_with_no_slip_still_gives_its_reading() -> None:
    # Near miss: a later reading told in a note, no slip named
    found = {
        v for v, _, _ in _readings(_SLIP.format(line="Note: the stockroom wall was re-read at 12% on 03-11."))
    }
    assert 12.0 in found


def test_a_bound_told_as_a_past_result_is_the_value() -> None:
    # Near miss of the bound rule: "had dried to below 14" tells what the plate read
    found = {
        v
        for v, _, _ in _readings(_BOUNDS.format(line="The bottom plate had dried to below 14 WME by day 5."))
    }
    assert 14.0 in found
