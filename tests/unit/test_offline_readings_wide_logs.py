"""Drying logs whose layout the general mechanisms must reach as a family, not one document:

- a point key parted by " / " (a PDF may wrap it between a point's ID and its words), standards
  told apart by a letter ("STD-A", "REF-B", "DS-C");
- the day-by-point table as a PDF gives it (no bars): a row that lost an empty cell cannot say
  which point each value is, so it is read by no one, and the rows under it are still the table's,
  unless the row holds its skipped points' places ("cut", "n/r") and is short by dry standards
  only: then its points are in order, and a standard's value is the one whose last value it repeats;
  a cell saying the material was taken out ("cut", "stripped") is no value;
- a table's readings column holding each visit's day and then its value ("3/12 28 ; 5/12 21");
- a key to the points drawn on a sketch ("Map key", "Pin legend", "Key to the plan") heads the
  readings under it like "Moisture map" does."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_point_registry import point_registry
from chalicelib.analysis.offline.reading_point_table import held_places_row
from chalicelib.analysis.offline.reading_visit_cells import visit_values_in_cell
from chalicelib.analysis.offline.text import Line

pytestmark = pytest.mark.unit

Found = set[tuple[float, str, date | None, bool]]


def _lines(text: str) -> list[Line]:
    return [Line(number, line, line) for number, line in enumerate(text.splitlines(), start=1)]


def _readings(text: str) -> Found:
    readings = analyze_text(text).moisture_readings
    return {(r.value, r.location, r.taken_on, r.is_reference) for r in readings}


# --- a slash-parted key, wrapped, with lettered standards ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Point key: K1 kitchen subfloor (%MC) / K2 kitchen wall by sink (%) / REF-A study wall (%)",
            {"K1": ("kitchen", False), "K2": ("kitchen", False), "REF-A": ("study", True)},
        ),
        (
            # (wrapped by a PDF between an ID and its words)
            "Legend: M1 family room carpet edge (%) / M2 family room skirting (%MC) / M3\n"
            "family room wall (%) / DS-B office floor (%MC) / DS-C\n"
            "office wall (%)",
            {
                "M1": ("family room", False),
                "M2": ("family room", False),
                "M3": ("family room", False),
                "DS-B": ("office", True),
                "DS-C": ("office", True),
            },
        ),
    ],
)
def test_a_key_parted_by_slashes_defines_each_point(text: str, expected: dict[str, tuple[str, bool]]) -> None:
    registry = point_registry(_lines(text))
    assert {code: (point.room, point.reference) for code, point in registry.points.items()} == expected


def test_a_slash_in_a_points_words_parts_nothing() -> None:
    # the near miss: "timber / plaster" is one point's words (its two surfaces), no point of its own
    registry = point_registry(_lines("Points: W1 garage timber / plaster junction; W2 garage floor"))
    assert {code.split("/")[0] for code in registry.points} == {"W1", "W2"}


_PDF_LOG = """Burst flexi hose under the vanity on 13 March 2026. The ensuite and the walk-in robe got wet.
Meter: Protimeter, WME on timber, % on plasterboard.
Point key: E1 ensuite floor particleboard (WME) / E2 ensuite wall (%) / W1 robe skirting (WME) / STD-A
bedroom 1 floor (WME) / STD-B bedroom 1 wall (%)
Day E1 E2 W1 STD-A STD-B
14/03/2026 31 48 26 12 9
15/03/2026 27 stripped 21 12
16/03/2026 22 stripped 17 12 10
"""


def test_a_pdf_day_by_point_table_reads_its_full_rows_past_a_short_one() -> None:
    found = _readings(_PDF_LOG)
    day_one, day_three = date(2026, 3, 14), date(2026, 3, 16)
    assert (31.0, "Ensuite", day_one, False) in found
    assert (26.0, "Walk-in robe", day_one, False) in found or any(
        value == 26.0 and day == day_one and not reference for value, _, day, reference in found
    )
    assert (22.0, "Ensuite", day_three, False) in found
    assert any(value == 10.0 and day == day_three and reference for value, _, day, reference in found)
    # the short row holds its stripped point's place, so the cell left out is a dry standard's: the
    # points before the standards are read in order, and its 12 is STD-A's, whose last value it repeats
    # (STD-B's was 9)
    assert (27.0, "Ensuite", date(2026, 3, 15), False) in found
    assert any(value == 21.0 and day == date(2026, 3, 15) for value, _, day, _ in found)
    assert [value for value, _, day, reference in found if day == date(2026, 3, 15) and reference] == [12.0]
    # a stripped point is no value
    assert not any(day == day_three and value == 48.0 for value, _, day, _ in found)


# --- a readings column of visits, each its day first --------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (
            "3/12 28 ; 5/12 21 ; 8/12 15",
            [(28.0, date(2026, 12, 3)), (21.0, date(2026, 12, 5)), (15.0, date(2026, 12, 8))],
        ),
        ("Dec 3: 44 %, Dec 5: 30 %", [(44.0, date(2026, 12, 3)), (30.0, date(2026, 12, 5))]),
        ("2026-12-03 - 19 / 2026-12-06 - 13", [(19.0, date(2026, 12, 3)), (13.0, date(2026, 12, 6))]),
        ("04-Dec 17 (dry, left)", [(17.0, date(2026, 12, 4))]),
        # the near misses: a note with a date in it, a day with no value, a date and its year
        ("removed 5/12 (cut out)", []),
        ("3/12 see photo 14", []),
        ("3/12 28 then fans off", []),
    ],
)
def test_a_cell_of_days_each_then_its_value(cell: str, expected: list[tuple[float, date]]) -> None:
    dates = Dates(_lines("Attended 3 December 2026."), None)
    found = visit_values_in_cell(cell, dates, date(2026, 12, 3))
    assert [(visit.value, visit.taken_on) for visit in found] == expected


_VISITS_TABLE = """Job booked 28/11/2026. Storm water under the back door on 1 December 2026.
The laundry and the rumpus room got wet.
Readings (pin meter, %MC)
ID | Where | Material | Readings
L1 | Laundry | Cabinet base | 3/12 28 ; 5/12 21 ; 8/12 15
R1 | Rumpus room | Skirting | 3/12 24 ; 5/12 18
R2 | Rumpus room | Door jamb | removed 5/12 (replaced)
"""


def test_a_tables_readings_column_of_day_value_visits_reads_each_visit() -> None:
    found = _readings(_VISITS_TABLE)
    assert (28.0, "Laundry", date(2026, 12, 3), False) in found
    assert (15.0, "Laundry", date(2026, 12, 8), False) in found
    assert any(value == 18.0 and day == date(2026, 12, 5) for value, _, day, _ in found)
    # the jamb's cell is a note: no reading of it
    assert len(found) == 5


# --- a key to a sketch heads the readings under it ----------------------------------------------


@pytest.mark.parametrize(
    "heading",
    ["Map key (letters as drawn on the plan):", "Pin legend - see sketch", "Key to the sketch"],
)
def test_a_key_to_a_sketch_heads_its_lettered_readings(heading: str) -> None:
    text = (
        "Overflowing gutter on 13/10/2026 soaked the sunroom and the study.\n"
        f"{heading}\n"
        "14/10\n"
        "A sunroom slab by the door - 5.2%\n"
        "B sunroom wall, west, 80 mm up - 38%\n"
        "C study wall by window - 27%\n"
        "16/10\n"
        "A 4.0, B 21, C 14\n"
    )
    found = _readings(text)
    assert (38.0, "Sunroom", date(2026, 10, 14), False) in found
    assert (21.0, "Sunroom", date(2026, 10, 16), False) in found
    assert (14.0, "Study", date(2026, 10, 16), False) in found


def test_a_map_named_in_prose_heads_nothing() -> None:
    # the near miss: a sentence about the map, then a line of sizes, gives no reading
    text = (
        "Overflowing gutter on 9/10/2026 soaked the sunroom.\n"
        "The map key was left with the owner.\n"
        "A sunroom 4.2 x 3.1 m\n"
    )
    assert _readings(text) == set()


# --- a crawlspace's points told by the room above them ------------------------------------------

_CRAWL_LOG = """Frozen line split on 14 January 2027.
Crawl space: water on the vapour barrier, joists and sheathing wet. The floors above are dry.
Readings (pin meter, %MC)
Point | Where | Member | Value
J1 | Beneath the den | Joist | 27
J2 | Below the sunroom | Floor sheathing | 22
J3 | East sill at the split | Sill plate | 30
REF | Under the study | Joist | 11
"""


def test_points_under_a_room_are_in_the_crawl_space_beneath_it() -> None:
    found = _readings(_CRAWL_LOG)
    assert (27.0, "Crawl space", None, False) in found or any(
        value == 27.0 and place.lower().startswith("crawl") for value, place, _, _ in found
    )
    assert any(value == 22.0 and place.lower().startswith("crawl") for value, place, _, _ in found)
    # a row naming no room is in the room of the table's other rows
    assert any(value == 30.0 and place.lower().startswith("crawl") for value, place, _, _ in found)
    assert any(value == 11.0 and reference for value, _, _, reference in found)


def test_under_a_fixture_in_a_house_without_a_crawl_space_is_the_room() -> None:
    # the near miss: no space lies under the rooms, so "under the vanity" is the bathroom's own spot
    text = (
        "Leaking trap under the bathroom vanity found 2 February 2027. Bathroom and hall wet.\n"
        "Readings (%MC)\n"
        "Point | Where | Member | Value\n"
        "B1 | Under bathroom vanity | Cabinet base | 31\n"
        "H1 | Hall | Skirting | 19\n"
    )
    found = _readings(text)
    assert any(value == 31.0 and place == "Bathroom" for value, place, _, _ in found)


# --- a heading of the site notes names the visit's day in passing -------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "==== Site notes (R. Ames, on site Mon 14/9/26 9am) ====",
        "Technician's page - visited 14/09/2026:",
        "---- Inspection by J. Lu, attended 14-Sep-26 ----",
    ],
)
def test_readings_under_a_site_notes_heading_take_its_visits_day(heading: str) -> None:
    text = (
        "Date rung in: 12/9/26   Taken by: office\n"
        "Caller says the laundry floor is wet.\n"
        f"{heading}\n"
        "- Laundry: vinyl lifting, particleboard swollen at the washer.\n"
        "- Readings: laundry particleboard 34 %MC, hall skirting 12 %MC for comparison.\n"
    )
    found = _readings(text)
    assert any(value == 34.0 and day == date(2026, 9, 14) for value, _, day, _ in found)


def test_a_sentence_telling_of_someone_attending_starts_no_visit() -> None:
    # the near miss: the plumber's day is no visit of ours; the readings keep the heading's day
    text = (
        "Date rung in: 12/9/26   Taken by: office\n"
        "==== Site notes (R. Ames, on site Mon 14/9/26) ====\n"
        "- Laundry: vinyl lifting, particleboard swollen at the washer.\n"
        "- The plumber attended Tue 15/9/26 and replaced the hose.\n"
        "- Readings: laundry particleboard 34 %MC.\n"
    )
    found = _readings(text)
    assert any(value == 34.0 and day == date(2026, 9, 14) for value, _, day, _ in found)


def test_a_point_under_an_affected_room_is_that_rooms_own_subfloor() -> None:
    # the near miss: the hall above is affected too, so "sub under hall" is the hall's subfloor
    text = (
        "Split drain under the hall on 3/3/2027.\n"
        "Crawl space: poly soaked. Hallway: subfloor and joists wet from below, oak cupping.\n"
        "Readings (%MC)\n"
        "Point | Where | Member | Value\n"
        "S1 | Under hallway | Subfloor | 24\n"
    )
    found = _readings(text)
    assert any(value == 24.0 and place == "Hallway" for value, place, _, _ in found)


# --- a Space column names the row's place before a room word in another cell --------------------


@pytest.mark.parametrize(
    ("title", "space", "material"),
    [
        ("Space", "Quiet zone", "ply deck under carpet tiles"),
        ("Room", "Focus pods", "timber deck at the riser"),
    ],
)
def test_a_room_column_the_vocabulary_does_not_know_names_the_rows_place(
    title: str, space: str, material: str
) -> None:
    text = (
        "Sprinkler head knocked on 13/10/2026 in a shared office; level 3 wet.\n"
        f"Affected: {space.lower()} - carpet tiles wet, about 30 m2.\n"
        "Moisture readings (Protimeter, WME)\n"
        f"Pt | {title} | Material | 13/10 | 15/10\n"
        f"1 | {space} | {material} | 31 | 22\n"
    )
    found = _readings(text)
    assert any(value == 31.0 and place == space for value, place, _, _ in found), found
    assert not any(place == "Deck" for _, place, _, _ in found)


# --- a distance with its unit left off is no reading ---------------------------------------------


@pytest.mark.parametrize(
    "row",
    [" 2 tile 450 out from the tub ........ 21", " 2 slab 300 in from the door ..... 21"],
)
def test_a_bare_distance_in_a_points_words_leaves_the_value_after_the_leader(row: str) -> None:
    text = (
        "Bath overflow 24/11/26; ensuite floor wet.\n"
        "Meter: Tramex ME5, reference scale on tile and slab.\n"
        "25/11 readings\n"
        " 1 tile at the tub front ......... 64\n"
        f"{row}\n"
    )
    found = _readings(text)
    assert any(value == 21.0 for value, _, _, _ in found)
    assert not any(value in (450.0, 300.0) for value, _, _, _ in found)  # (the distance)


_HELD_PLACES = """Dishwasher hose split 20/04/2026; kitchen and pantry wet.
Meter: Tramex ME5, % on plasterboard, %MC on the ply.
Point key: K1 kitchen ply subfloor (%MC) / K2 kitchen wall (%) / P1 pantry wall (%) / REF-1 lounge ply
(%MC) / REF-2 lounge wall (%)
Date K1 K2 P1 REF-1 REF-2
21/04/2026 33 61 40 11 8
22/04/2026 26 n/r 29 8
23/04/2026 19 cut 22 10
24/04/2026 15 cut 14 7
"""


def test_a_short_row_holding_its_skipped_points_places_reads_its_points_and_matching_standard() -> None:
    found = _readings(_HELD_PLACES)
    second, third, fourth = date(2026, 4, 22), date(2026, 4, 23), date(2026, 4, 24)
    assert (26.0, "Kitchen", second, False) in found
    assert (29.0, "Pantry", second, False) in found
    # 8 repeats REF-2's last value: REF-2's (REF-1's was 11)
    assert any(value == 8.0 and day == second and reference for value, _, day, reference in found)
    assert (22.0, "Pantry", third, False) in found
    assert (14.0, "Pantry", fourth, False) in found
    # near misses: 10 and 7 repeat no standard's last value, so which standard they are stays unsaid
    assert not any(day in (third, fourth) and reference for _, _, day, reference in found)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        # a skip held by "n/r"; the leftover 9 repeats DS-2's last value
        (["3/5", "40", "n/r", "30", "9"], ["3/5", "40", "n/r", "30", "-", "9"]),
        # a skip held by a dash; the leftover repeats neither standard: left unread
        (["3/5", "40", "-", "30", "15"], ["3/5", "40", "-", "30", "-", "-"]),
        # near misses: no cell holds a skip's place (any cell may be the one dropped), or too short
        (["3/5", "40", "22", "30", "9"], None),
        (["3/5", "n/r", "30"], None),
    ],
)
def test_a_short_rows_cells_as_a_full_row(cells: list[str], expected: list[str] | None) -> None:
    titles = ["Date", "A1", "A2", "A3", "DS-1", "DS-2"]
    assert held_places_row(cells, titles, {"DS-1": "12", "DS-2": "9"}) == expected


# --- a PDF's day-by-point table whose days are written in words and whose codes carry a scale -------

_WORDED_DAYS = """Insured: P Okoro. 12 Lark St, Halifax NS B3H 1A1. First visit {first}.
Kitchen and hall wet from a fridge line.
Moisture readings
K1 kitchen drywall, 2 in. AFF / K2 kitchen toe-kick (MDF) / H1 hall baseboard / R1 bed 1 drywall (dry std)
{header}
{rows}
"""


@pytest.mark.parametrize(
    ("first", "header", "rows", "expected"),
    [
        (
            "Nov 29, 2026",
            "Date K1 % K2 %MC H1 %MC R1 %",
            "Nov 29 36 28 17 9\nNov 30 27 22 14 -\nDec 1 19 18 12 9",
            {(36.0, date(2026, 11, 29)), (22.0, date(2026, 11, 30)), (12.0, date(2026, 12, 1))},
        ),
        (  # the day first, joined to its month by a dash; scales bracketed; another header word
            "29 Nov 2026",
            "Visit K1 (%) K2 (%MC) H1 (%MC) R1 (%)",
            "29-Nov 36 28 17 9\n30-Nov 27 22 14 -\n1-Dec 19 18 12 9",
            {(36.0, date(2026, 11, 29)), (22.0, date(2026, 11, 30)), (12.0, date(2026, 12, 1))},
        ),
    ],
)
def test_a_wide_tables_day_in_words_is_one_cell_and_a_codes_scale_its_columns(
    first: str, header: str, rows: str, expected: set[tuple[float, date]]
) -> None:
    found = _readings(_WORDED_DAYS.format(first=first, header=header, rows=rows))
    assert expected <= {(value, day) for value, _, day, _ in found}
    assert (9.0, date(2026, 11, 29), True) in {(value, day, ref) for value, _, day, ref in found}
    assert len(found) == 11  # (every value, none twice; "-" is no value)
