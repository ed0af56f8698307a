"""Where a log's reading was taken when its label names the room by initials ("CR1 slab" for
Consult Room 1), or names its room first and another room only as a landmark ("lounge carpet by
the laundry door", "rumpus wall @ bathroom")."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.findings import SourceSpan
from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.reading_room_codes import room_code_key

_CODED = """Dental surgery - burst flexi hose under the staff sink, 03/03/2026.
Affected
- Consult Room 1, 3.0 x 3.0 m: vinyl and plasterboard
- Consult Room 2, 3.0 x 2.8 m: carpet tiles and plasterboard

Moisture readings - Tramex ME5 (%)
| Location | 03/03 | 05/03 |
|---|---|---|
| CR1 slab | 5.6 | 4.2 |
| CR2 plasterboard | 31 | 15 |
"""


def test_a_row_naming_its_room_by_initials_is_that_rooms() -> None:
    found = {(r.value, r.location) for r in analyze_text(_CODED).moisture_readings}
    assert (5.6, "Consult room 1") in found
    assert (15.0, "Consult room 2") in found


def _area(room: str) -> AreaDraft:
    return AreaDraft(room=room, base=room.lower(), source=SourceSpan(line=1, text=room))


def test_initials_need_one_room_and_are_never_a_scale() -> None:
    areas = {"a": _area("Treatment Room 2"), "b": _area("Treatment Room 3"), "c": _area("Master Bedroom")}
    assert room_code_key("TR3 slab", areas) == "b"
    assert room_code_key("MB carpet", areas) == "c"
    assert room_code_key("TR slab", areas) is None  # (no number: which treatment room is not said)
    assert room_code_key("tr2 slab", areas) is None  # (lower case is a word, not a code)
    assert room_code_key("slab 85 RH", {"x": _area("Rec Hall")}) is None


_LANDMARKS = """Tech notes 2026-05-11. Dishwasher supply let go overnight.
 lounge 6x4 - carpet wet along the laundry wall
 laundry 3x2 - vinyl, wet throughout
readings (protimeter, %)
 2026-05-11
  laundry vinyl edge ............ 40
  lounge carpet by laundry door ........ 33
  Lounge skirting @ laundry    27
"""


def test_a_label_naming_its_room_then_another_as_landmark_is_the_first_rooms() -> None:
    found = {(r.value, r.location) for r in analyze_text(_LANDMARKS).moisture_readings}
    assert (33.0, "Lounge") in found
    assert (27.0, "Lounge") in found
    assert (40.0, "Laundry") in found


_LETTERED_MAP = """Moisture map. Attended 10/02/2026. Laundry tap burst overnight.
Water ran from the laundry (2.4 x 2.0 m) under the wall into the master bedroom (5 x 4 m), where the
carpet is wet in a band along the laundry wall. Class 2.

MC
Protimeter pins (%WME).
A  laundry vinyl at tub ....................... 38%
B  master bed carpet at laundry wall .............. 27%
C  master bed carpet 1 m out ...................... 19%
"""


def test_a_map_point_named_by_its_room_before_a_landmark_room_is_its_rooms() -> None:
    found = {(r.value, r.location) for r in analyze_text(_LETTERED_MAP).moisture_readings}
    assert (27.0, "Master bedroom") in found
    assert (38.0, "Laundry") in found


_SHORT_ROOM_WORD = """MOISTURE MAP 2025-02-03. Water tank failed in the basement mechanical room.
Mechanical room (9 x 8 ft): bare concrete; drywall on the rec room wall wet on both faces.
Rec room (18 x 20 ft): carpet and underpad wet.
Bedroom 2 (11 x 10 ft): wet along the shared wall, drywall wicking.
MC
Delmhorst: wood on the wood scale (%MC), drywall on the 0-100 reference scale.
A  drywall @ 4 in., mech room side ................ 84 ref
B  drywall @ 4 in., rec room north wall ........... 66 ref
C  drywall @ 4 in., bedroom 2 closet .............. 52 ref
"""


def test_a_point_naming_its_room_by_a_short_word_is_that_rooms() -> None:
    found = {(r.value, r.location) for r in analyze_text(_SHORT_ROOM_WORD).moisture_readings}
    assert (84.0, "Basement mechanical room") in found
    assert (66.0, "Rec room") in found


# --- a numbered room shortened to its first initial and its number ------------------------------


def test_a_first_initial_and_number_spell_a_numbered_room_of_two_words() -> None:
    areas = {"a": _area("Exam Room 4"), "b": _area("Exam Room 5"), "c": _area("Laundry")}
    assert room_code_key("E4 vinyl", areas) == "a"
    assert room_code_key("E5", areas) == "b"
    # (near misses: no such number, another initial, a one-word room, a bare letter)
    assert room_code_key("E6 vinyl", areas) is None
    assert room_code_key("R4 vinyl", areas) is None
    assert room_code_key("L1 vinyl", {"c": _area("Laundry 1")}) is None
    assert room_code_key("E vinyl", areas) is None
    # (two rooms of that initial and number: which is not said)
    assert room_code_key("S2", {"a": _area("Suite Two 2"), "b": _area("Store Room 2")}) is None


_INITIAL_CODES = """Physio clinic, 14 Drummond St, Carlton VIC 3053. Attended Wednesday 03/06/2026.
Cleaner's bucket sink overflowed overnight in the cleaner's cupboard.
Affected: Exam Room 1 (3.2 x 3.0 m) and Exam Room 2 (3.0 x 3.0 m), vinyl and plasterboard wet.

Readings 03/06 (Tramex ME5, drywall scale %):
* E1 wall backing onto the cupboard 44; E1 window wall 12
* E2 wall by door 31
Follow-up 05/06: cupboard 20; E1 shared wall 18; E2 14.
"""


def test_rows_led_by_a_rooms_initial_and_number_are_that_rooms_not_the_landmarks() -> None:
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_INITIAL_CODES).moisture_readings}
    assert (44.0, "Exam room 1", date(2026, 6, 3)) in found
    assert (31.0, "Exam room 2", date(2026, 6, 3)) in found
    assert (18.0, "Exam room 1", date(2026, 6, 5)) in found
    assert (14.0, "Exam room 2", date(2026, 6, 5)) in found
    # (the landmark the row names is no place of its reading)
    assert not any(value == 44.0 and "upboard" in location for value, location, _ in found)
