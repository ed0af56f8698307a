"""Where each row reading of a table, map or list goes: the point legend's code, the row's own
place, the room it names or the one the scan is in, its day and its scale, and whether it is a dry
standard (RowPlacesScan, used by ReadingsScan; which of a row's numbers are readings is in
scan_row_readings.py)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from chalicelib.analysis.offline.line_owners import Owners
from chalicelib.analysis.offline.reading_inline_codes import bracketed_spot, inline_point_code
from chalicelib.analysis.offline.reading_legend import cell_place
from chalicelib.analysis.offline.reading_line_items import keep_line_place, line_item_place
from chalicelib.analysis.offline.reading_meters import meter_scale
from chalicelib.analysis.offline.reading_named_numbers import named_space_lead
from chalicelib.analysis.offline.reading_numbers import MAX_PERCENT
from chalicelib.analysis.offline.reading_places import point_room
from chalicelib.analysis.offline.reading_point_meter import written_unit
from chalicelib.analysis.offline.reading_room_codes import leading_room_code
from chalicelib.analysis.offline.reading_room_pairs import paired_room
from chalicelib.analysis.offline.reading_room_phrases import (
    room_leading_landmark,
    room_phrase_before,
)
from chalicelib.analysis.offline.reading_row_parts import RowReading
from chalicelib.analysis.offline.reading_scales import (
    explicit_scale,
    wide_scale,
)
from chalicelib.analysis.offline.reading_sentence import after_temperature, sentence_start
from chalicelib.analysis.offline.reading_table_places import titled_name, unnamed_row_place
from chalicelib.analysis.offline.reading_where import UNSPECIFIED_LOCATION, side_mention
from chalicelib.analysis.offline.readings import (
    Goal,
    ReadingDraft,
    materials_in,
)
from chalicelib.analysis.offline.room_verdicts import is_spot
from chalicelib.analysis.offline.scan_listed_readings import SENTENCE_BREAK
from chalicelib.analysis.offline.spaces import (
    Mention,
    room_mentions,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
)

_ROOM_LOOK = 40
# "at ensuite wall", "near the laundry door": the room next, which only places a point
_LANDMARK_BEFORE = re.compile(
    r"\b(?:at|near|by|along|beside|against|behind|towards?|opposite|under|below|beneath)(?: the)? $", FLAGS
)
# A map's point code in a list line ("L1", "H2"): its letters may stand for its room's initials
_POINT_CODE = re.compile(r"(?<![\w.])[A-Z]{1,3}\d{1,2}\b")
_MAX_CODED_LINE = 400


@lru_cache(maxsize=4)
def _is_list_line(text: str) -> bool:
    return " / " in text or " | " in text


if TYPE_CHECKING:
    from chalicelib.analysis.offline.scan_readings import ReadingsScan


class RowPlacesScan:
    """Places a row reading and adds it; the state and the other halves' methods it uses are
    ReadingsScan's, of which this is a part."""

    def _add_row_reading(self, line: Line, reading: RowReading, owners: Owners) -> None:
        scan = cast("ReadingsScan", self)  # (a mixin of ReadingsScan: its state and methods)
        by_code, draft = scan._legend_row_draft(line, reading, scan._row_scales())
        if by_code:
            if draft is not None:  # (a goal's or an off-scale value's row gives none)
                scan._append(draft, told=False)
            return
        label = reading.label
        if scan._in_table and (heads := room_mentions(label)) and not label[: heads[0].start].strip():
            # ("| A1 | Aisle 7 concrete under the head |": the table's rows lead with their places, so
            # "| A4 | Paint desk drywall at 2 in. |" leads with one the vocabulary does not know)
            scan.__dict__["_table_places"] = True
        # The line's rooms own the parts after them, as for any reading ("Bed 3 carpet 41 WME,
        # plasterboard hall wall 29 WME" is Bed 3's); a table row's label names its own.
        in_table = scan._in_table  # (not " | " in the line: that would read a long line once per reading)
        own_words = in_table or reading.told
        owner = owners.at(reading.start)
        if not own_words and owner is not None and owner.start < reading.start - len(label) - 3:
            # "hall wall pbd 12 = dry std. bath wall 11": a part that names its own room, in a
            # sentence of its own, is that room's, not the room an earlier sentence named; within
            # the same sentence ("Bed 3 carpet 41, plasterboard hall wall 29") the room word only
            # says which wall of the line's room
            between = line.text[owner.start : reading.start - len(label)]
            own_words = bool(room_mentions(label)) and bool(SENTENCE_BREAK.search(between))
            listed = _is_list_line(line.text)  # ("/ joists 21 %MC": a list's own part)
            leading = room_leading_landmark(label)  # ("rec room wall next to the laundry 30")
            owner = (
                owner
                if own_words
                else (scan._resolve(leading) if leading is not None else None)
                or scan._area_by_word(label)
                or (scan._surface_room(label) if listed else None)
                or owner
            )
        if (
            not own_words
            and owner is not None
            and owner.start >= reading.end
            and (by_word := scan._area_by_word(label)) is not None
        ):
            # ("rec N wall 40 / ... / bath wall 45": a part that names an affected room by a word of
            # its name is that room's, not the room a later part of the line names)
            owner = by_word
        if reading.told and owner is not None and owner.start >= reading.end:
            owner = scan._before_forward_owner(line.text, reading, owner)
        elif not in_table and owner is not None and owner.start < sentence_start(line.text, reading.start):
            owner = scan._paragraph_room(line.text, owner)
        mentioned = room_mentions(label) if own_words else []  # ("Den 9 and OSB at closet 11": a spot)
        named = [scan._resolve(m) for m in mentioned if owner is None or not is_spot(label, m)]
        heading = scan._heading_room() if in_table and mentioned else None
        if heading is not None and all(_LANDMARK_BEFORE.search(label, 0, m.start) for m in mentioned):
            # ("carpet at ensuite door: 40 | 17" under "Main bedroom": a room after "at" is a landmark)
            named, owner = [], heading
        side = side_mention(label)
        if side is not None:
            # "laundry side wall of bath", "bath drywall, laundry side": the bath's wall, on the side
            # that faces the laundry
            whose = scan._area_by_word(label)
            named = [whose] if whose is not None else [m for m in named if m.key != side.key]
            owner = None if owner is not None and owner.key == side.key else owner
        if (alone := scan._side_alone(label)) is not None:
            named = [alone]  # ("Wardrobe side of shared wall": the wardrobe's face of the wall)
        if not named and not room_mentions(label) and (sized := scan._sized_space(label)) is not None:
            named = [sized]  # ("Stockroom slab: 4.9%" under the sales floor's list: the stockroom's)
        following = None if in_table else scan.room_right_after(line.text, reading.end)
        if following is not None:
            named = [following]  # "28%MC in the rumpus and 31%MC in the granny flat"
        if reading.told and not in_table and (paired := paired_room(line.text, reading.start)) is not None:
            named = [scan._resolve(paired)]  # "bedrooms 2 and 3 read 38 and 35": each its own, in order
        if reading.told and not named:
            # "but the cupboard wall was still 19": the Hot water cupboard, by its word
            named = [found] if (found := scan._area_by_word(label)) is not None else []
        if not named and not in_table and side is None:
            start = sentence_start(line.text, reading.start)
            ends = scan.__dict__.get("_line_reading_ends", ())
            named = [item] if (item := scan._item_room(line.text, reading.start, start, ends)) else []
        # ("diner screed by patio door", "rec dw at laundry wall 30": the diner's, the rec room's)
        if named:
            named[0] = scan._off_landmark(label, named[0])
        elif owner is not None:
            owner = scan._off_landmark(label, owner)
        transposed = in_table and scan._rows is not None and scan._rows.point_columns is not None
        # A column of a day-by-day table is named by its heading alone, never by the row's context.
        # A table row is named by its own words: the block's preamble is no context for it.
        place = (
            named[0]
            if named
            else None
            if transposed
            else owner
            or (
                scan._heading_room()
                if in_table
                else scan._remembered(label)
                or scan._spot_after(line.text, reading.end)
                or scan._fixture_room(label)
                or (
                    None
                    if scan._opens_own_space(label)
                    else line_item_place(scan.__dict__, line.number, label)
                )
                or scan._label_context(label)
            )
        )
        if bracketed_spot(label) and (before := line_item_place(scan.__dict__, line.number, "")) is not None:
            place = before  # ("kitchen K1 (bench) 38, K4 (pantry) 33": K4 is the kitchen's, by the pantry)
        beneath = scan._space_beneath(label)  # ("Under bathroom" in a crawlspace's log)
        place = beneath or place
        keep_line_place(scan.__dict__, line.number, place)
        if (
            reading.point is not None
            and not in_table
            and side is None
            and beneath is None
            and (mentions := room_mentions(label))
        ):
            # A map's point is in the first room its line names ("A  bottom plate, mech room / rec
            # room wall"); a room it is only near is a landmark ("A  master bed floorboards at
            # ensuite wall": the room the map is about)
            own = [m for m in mentions if not _LANDMARK_BEFORE.search(label, 0, m.start)]
            landmark = scan._resolve(mentions[0])
            # ("A  bottom plate, mech room / rec room wall": the room named first, by its short word)
            earlier = scan._area_by_word(label[: own[0].start]) if own and own[0].start else None
            if earlier is not None and earlier.key in scan.areas:
                place = earlier
            elif own:
                place = scan._resolve(own[0])
            elif (lead := scan._off_landmark(label, landmark)) is not landmark:
                place = lead  # ("C master bed floorboards at ensuite wall": the master bedroom's)
            elif scan._context is not None and scan._context.key in scan.areas:
                place = scan._context
        elif reading.point is not None and not in_table and not named and _is_list_line(line.text):
            # ("L1 GIB by machine 35 / L2 ... / H1 hall skirting 30": L1 and L2 in the Laundry, the one
            # affected room whose initial their letters are, not the room a later item names)
            codes = [code.group(0) for code in _POINT_CODE.finditer(line.text[:_MAX_CODED_LINE])]
            names = {key: area.room for key, area in scan.areas.items()}
            key = point_room(reading.point, codes, names)
            place = Mention(key=key, name=names[key], start=0, end=0) if key is not None else place
        spelt = None
        if (coded := leading_room_code(reading.point or label, scan.areas)) is not None:
            # ("T2 wall shared with laundry 33", "Day 2: laundry 30, T3 21": the room the row's
            # code spells, not the one its words or the line before name)
            place = Mention(key=coded, name=scan.areas[coded].room, start=0, end=0)
            named = [place]
        elif not named and not room_mentions(label) and (spelt := named_space_lead(label)) is not None:
            # ("S1 Gallery 2 centre: ..." under a line on the office: a space by its name and number
            # the vocabulary does not know is the row's own, not the one the lines before named)
            same = next((key for key, area in scan.areas.items() if area.room.lower() == spelt.lower()), None)
            place = Mention(key=same, name=scan.areas[same].room, start=0, end=0) if same else None
        materials = materials_in(label)
        material = materials[-1] if materials else None  # "vinyl/subfloor near cooktop: 17": the last
        said = (
            scan._label_scale(label)
            # ("F1 chipboard (pins) 36 29": the row reader takes the mode's word for the trade's
            # %MC; the scale the job says its pins read wins, as for a row that writes no scale)
            if reading.unit is not None
            and reading.unit == explicit_scale(label)
            and written_unit(label) is None
            and written_unit(line.text[reading.start : reading.end]) is None
            else reading.unit
        )
        unit = (
            said
            or scan._label_scale(label)  # ("| pins | 48 |": the scale the job says its pins read)
            or meter_scale(label, scan.__dict__.get("_meter_scales", {}))  # "| Surveymaster | 690 |"
            or scan._row_scales().for_material(material.key if material else None)
            or "%"
        )
        if reading.role == "goal":
            scan.goals.append(Goal(material.key if material else None, unit, reading.value))
            return
        if transposed and scan._rows is not None and scan._rows.point_columns:
            place = scan._column_room(label, scan._rows.point_columns)
        phrase = room_phrase_before(line.text, reading.start) if reading.told and not named else None
        if phrase is not None and (owner is None or owner.start < reading.start - _ROOM_LOOK * 5):
            place = None  # "Walls in the nappy change room read 75-90": the room its sentence names
        location = scan._name(place) if place is not None else phrase or scan._label_place(label)
        location = spelt if spelt is not None and place is None else location
        location = scan.__dict__.get("_run_place") or location
        if reading.room and (
            location == UNSPECIFIED_LOCATION
            or scan._room_cell_first(reading.room, place)
            # (a place the row's own words do not name came from the lines around it: the Room cell,
            # a space the vocabulary does not know, "Pharaoh's Tomb", is the row's own)
            or (
                not room_mentions(label)
                and not named
                and not room_mentions(reading.room)
                and titled_name(reading.room)
            )
        ):
            location = cell_place(reading.room) or location  # "| Rear passage | pine stud | 31 |"
        if location == UNSPECIFIED_LOCATION and in_table:  # ("| Partition base, bathroom side | 880 |")
            found = unnamed_row_place(label, side, scan.areas, scan._resolve, scan._fixture_room)
            location = scan._name(found) if found is not None else location
        location = scan._table_location(location, in_table and not transposed)
        re_read = False
        if reading.point is not None:
            # A map's point keeps its place, material and scale when it is re-read by its letter.
            re_read = reading.point in scan._points and not named
            known = scan._points.setdefault(reading.point, (location, material, unit))
            if not named:
                location, material, unit = known[0], material or known[1], said or known[2]
            reference_points: set[str] = scan.__dict__.setdefault("_reference_points", set())
            re_read_reference = reading.point in reference_points  # "R2 11 %MC": still the dry standard
        if reading.point is None and not in_table and (code := inline_point_code(label)) is not None:
            scan._points.setdefault(code, (location, material, unit))  # ("kitchen K1 (at bench) 38")
        unit = wide_scale(reading.value, unit, scan._row_scales(), scan._document_scales)
        if reading.point is not None and not re_read and unit == "REL":
            # ("H2 hall GIB 100 up ... 390", later "H2 180"): a point first read past 100 is on the
            # relative scale, and so is every re-read of it by its code
            known = scan._points[reading.point]
            scan._points[reading.point] = (known[0], known[1], "REL")
        if reading.value > MAX_PERCENT and unit != "REL":
            return  # "230" is a reading only on a relative scale
        draft = ReadingDraft(
            location=location,
            material=material,
            value=reading.value,
            unit=unit,
            meter=scan._meter,
            taken_on=reading.taken_on,
            is_reference=reading.role == "reference"
            or scan._reference_block
            or bool(scan.__dict__.get("_reference_list"))
            or (reading.point is not None and re_read_reference)
            # (a point re-read by its letter is in its own room, not the one the lines before name:
            # "A is the wettest wood point at 26%" after the storage room's dry standards)
            or (
                not re_read
                and scan._in_reference_room(place)
                and reading.label not in scan.__dict__.get("_drying_labels", frozenset())
            )
            or scan._tagged_reference(label, reading, place, line.number, line.text),
            said_dry=reading.said_dry,
            source=line.span(),
            point=reading.point,
        )
        if draft.is_reference and reading.point is not None:
            scan.__dict__.setdefault("_reference_points", set()).add(reading.point)
        if not scan._is_air(line, reading.unit or "") and not after_temperature(line.text, reading.start):
            scan._append(draft, told=reading.told)
