"""Points by any ID the notes give them: the word for a point before its number ("pt1", "Pt. 2",
"point 3"), one ID for two surfaces read with each surface's word ("STD 10 wall, 12 skirting"),
points named where they are first read ("- K1 kitchen wall: 31%") and then by their IDs alone,
labels of two words ("Point legend:", "Test points -"), a meter's reference scale that is no dry
standard ("(ME5 ref)"), and a visit's line by position after "same spots"."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_point_registry import point_registry
from chalicelib.analysis.offline.reading_point_values import code_of, keyed_values
from chalicelib.analysis.offline.reading_skipped_values import skipped_values
from chalicelib.analysis.offline.readings import names_reference
from chalicelib.analysis.offline.text import Line

pytestmark = pytest.mark.unit

Found = set[tuple[float, str, date | None, bool]]


def _lines(text: str) -> list[Line]:
    return [Line(number, line, line) for number, line in enumerate(text.splitlines(), start=1)]


def _readings(text: str) -> Found:
    readings = analyze_text(text, received=date(2026, 12, 31)).moisture_readings
    return {(r.value, r.location, r.taken_on, r.is_reference) for r in readings}


# --- the word for a point before its number ----------------------------------------------------


@pytest.mark.parametrize(
    ("written", "code"),
    [("pt1", "1"), ("Pt. 2", "2"), ("point 3", "3"), ("PNT#4", "4"), ("(pt 5)", "5"), ("P1", "P1")],
)
def test_the_word_for_a_point_and_its_number_is_that_numbers_point(written: str, code: str) -> None:
    assert code_of(written) == code


_POINT_WORDS = """Ensuite shower leak at 4 Tern Close, Albany WA 6330, attended 03/03/2026.
Ensuite and hallway wet.
Moisture meter Protimeter, pins %MC on timber, plasterboard scale % on walls.
{one} ensuite wall beside the vanity
{two} ensuite skirting by the door
{three} hallway skirting outside the ensuite
03/03  {one} 41 / {two} 33 / {three} 27
05/03  {one} 25 / {two} board cut out, not read / {three} 18
"""


@pytest.mark.parametrize(
    ("one", "two", "three"),
    [("pt1", "pt2", "pt3"), ("Pt. 1", "Pt. 2", "Pt. 3"), ("point 1", "point 2", "point 3")],
)
def test_points_named_by_the_word_for_a_point_are_read_by_it(one: str, two: str, three: str) -> None:
    found = _readings(_POINT_WORDS.format(one=one, two=two, three=three))
    assert {
        (41.0, "Ensuite", date(2026, 3, 3), False),
        (33.0, "Ensuite", date(2026, 3, 3), False),
        (27.0, "Hallway", date(2026, 3, 3), False),
        (25.0, "Ensuite", date(2026, 3, 5), False),
        (18.0, "Hallway", date(2026, 3, 5), False),
    } == found


def test_a_lower_case_letter_id_is_no_point() -> None:
    # ("b1 30" in prose: a lower-case letter and digit is no ID, unlike "pt1")
    assert keyed_values("03/03  b1 30 / b2 22", {"B1", "B2"}) is None
    run = keyed_values("03/03  pt1 30 / pt2 22", {"1", "2"})
    assert run is not None and [(v.code, v.value) for v in run.values] == [("1", 30.0), ("2", 22.0)]


# --- one ID for two surfaces, each value with its surface's word -------------------------------

_SURFACES = """Laundry tub overflow at 9 Moss Rd, Mandurah WA 6210, attended 10/02/2026. Laundry affected.
Meter: Tramex ME5.
L1 laundry wall at tub
L2 laundry skirting by the door
STD study wall / study skirting
10/02  L1 36 / L2 29 / STD {first}
13/02  L1 18 / L2 14 / STD {second}
"""


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("10 wall, 12 skirt", "wall 10"),  # (value then word; word then value)
        ("skirting 12 / wall 10", "wall: 10"),  # (the other order; a colon between)
        ("10% wall & 12 skirting", "10 wall"),
    ],
)
def test_one_id_for_two_surfaces_reads_each_value_by_its_surfaces_word(first: str, second: str) -> None:
    found = _readings(_SURFACES.format(first=first, second=second))
    references = {(value, day) for value, _, day, reference in found if reference}
    assert references == {(10.0, date(2026, 2, 10)), (12.0, date(2026, 2, 10)), (10.0, date(2026, 2, 13))}
    assert (18.0, "Laundry", date(2026, 2, 13), False) in found


def test_a_word_naming_no_surface_of_the_id_reads_no_value_for_it() -> None:
    found = _readings(_SURFACES.format(first="10 carpet", second="9 carpet"))
    assert not {(value, day) for value, _, day, reference in found if reference}


# --- labels, and definitions parted by slashes ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Point legend: 1 wash bay floor at drain / 2 wash bay wall drywall / 3 plant room slab",
        "Test points - 1 wash bay floor at drain / 2 wash bay wall drywall / 3 plant room slab",
        "Reading locations: 1 wash bay floor at drain; 2 wash bay wall drywall; 3 plant room slab",
    ],
)
def test_a_label_of_two_words_leads_a_legend(text: str) -> None:
    assert sorted(point_registry(_lines(text)).points) == ["1", "2", "3"]


def test_a_sentence_about_points_is_no_legend() -> None:
    text = "Point legend was left in the van so the readings are by room below 1 and 2 of them."
    assert not point_registry(_lines(text)).points


def test_definitions_with_a_mark_after_their_ids_part_at_a_slash() -> None:
    registry = point_registry(_lines("STD-F = foyer slab (dry) / STD-W = store wall drywall (unaffected)"))
    references = {code: point.reference for code, point in registry.points.items()}
    assert references == {"STD-F": True, "STD-W": True}
    registry = point_registry(_lines("R1 - store wall drywall (%) / R2 - store carpet (REL)"))
    assert sorted(registry.points) == ["R1", "R2"]


# --- points named where they are first read ----------------------------------------------------

_FIRST_READ = """Hot water unit failure, 2 Finch Way, Broome WA 6725, attended 07/09/2026.
Kitchen and dining room wet.
07/09/2026
{bullet} K1 kitchen wall by the fridge{mark} 31%
{bullet} K2 kitchen toe kick under sink{mark} 24 WME
{bullet} D1 dining room wall, north side{mark} 27%
09/09/2026
{bullet} K1 19%, K2 15 WME, D1 not re-read
"""


@pytest.mark.parametrize(("bullet", "mark"), [("-", ":"), ("*", " ="), ("", " -")])
def test_points_named_at_their_first_reading_are_read_later_by_their_ids(bullet: str, mark: str) -> None:
    found = _readings(_FIRST_READ.format(bullet=bullet, mark=mark))
    assert (19.0, "Kitchen", date(2026, 9, 9), False) in found
    assert (15.0, "Kitchen", date(2026, 9, 9), False) in found
    assert (31.0, "Kitchen", date(2026, 9, 7), False) in found


def test_one_point_named_at_its_reading_defines_nothing() -> None:
    text = "Kitchen leak.\nK1 kitchen wall by the fridge: 31%\nThe tech said it was wet.\n"
    assert not point_registry(_lines(text)).points


# --- a meter's reference scale is no dry standard ----------------------------------------------


@pytest.mark.parametrize(
    ("words", "reference"),
    [
        ("store carpet at the door (ME5 ref)", False),
        ("store carpet at the door, Tramex reference", False),
        ("store carpet (CME4 ref)", False),
        ("office carpet (ref)", True),
        ("office wall, dry ref", True),
        ("office wall (DS1 ref)", True),
    ],
)
def test_a_meters_reference_scale_is_no_dry_standard(words: str, reference: bool) -> None:
    assert names_reference(words) is reference


# --- a visit's values by position after "same spots" -------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Tue 17/03 - same spots: 22%, 14%, (skirting gone), 12%. He didn't do the study.",
        "Tue 17/03 - same points: 22%, 14%, (skirting gone), 12%",
        "17/03, the same places: 22%, 14%, (skirting gone), 12%",
    ],
)
def test_a_visits_line_after_same_spots_keeps_each_slot(line: str) -> None:
    found = skipped_values(line)
    assert found is not None
    assert [value for value, _ in found[1]] == [22.0, 14.0, None, 12.0]


def test_a_sentence_with_numbers_is_no_visits_line() -> None:
    assert skipped_values("Tue 17/03 - we moved 2 fans, 3 dehus and (one scrubber) to the hall") is None


def test_a_remark_with_a_number_closes_no_visits_line() -> None:
    # (". Study standard still 11." is a reading of its own, for the other readers)
    assert (
        skipped_values("Tue 17/03 - same spots: 22%, 14%, (skirting gone), 12%. Study standard still 11.")
        is None
    )


@pytest.mark.parametrize(
    ("words", "reference"),
    [
        ("shop carpet at the front door (CME4 ref) - the edge of the wet, not a reference", False),
        ("shop wall by the door - still the shop, not used as the standard", False),
        ("office wall (dry std)", True),
    ],
)
def test_a_point_its_words_deny_is_no_dry_standard(words: str, reference: bool) -> None:
    assert names_reference(words) is reference


def test_words_after_a_bar_saying_the_standards_were_not_read_end_the_run() -> None:
    run = keyed_values("24/03: A 17 B 19 C 14 | stds not re-read", {"A", "B", "C"})
    assert run is not None and [(v.code, v.value) for v in run.values] == [
        ("A", 17.0),
        ("B", 19.0),
        ("C", 14.0),
    ]
