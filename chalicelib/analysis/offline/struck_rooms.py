"""Whether a later line of a room's own strikes it off the affected areas: "Hall: the walls read dry.
Not affected." after a sentence that only named the hall; "The bathroom is NOT affected" after a
list that only named the rooms ("Rooms: Bathroom, kitchen (4 x 3 m)"); "Basement office - Condition
1. Nothing found." after a list of the rooms' sizes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.dispatch_blocks import reported_spans
from chalicelib.analysis.offline.readings import ReadingDraft
from chalicelib.analysis.offline.room_states import STRUCK_OFF, UNAFFECTED, line_says_damage
from chalicelib.analysis.offline.room_verdicts import (
    own_sentence_clear,
    said_dry_part,
    says_no_drying,
    verdict_sentence,
)
from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import FLAGS, Sentences

# What rules a whole room out, beyond "unaffected": a survey's "Condition 1", "nothing found". A room
# only said dry ("Bedroom ceiling by the door: 9 - dry") may be a dry point of a wet room, so a room
# the writer listed or sized is struck off only by words like these.
_RULED_OUT = re.compile(
    r"\bcondition ?1\b(?! ?(?:-|\u2013|to|or) ?[23])|\bnothing (?:found|wet|there|seen)\b|\bnot wet\b", FLAGS
)


# A line that corrects what the file said before ("The room entered as "Living room" on Day 1 is the
# DINING ROOM. The living room was checked and is not affected."; "Bedroom is dry ... The intake's
# "bedroom carpet soaked" must have been the hall"): a room it then clears in a sentence of its own is
# struck off, whatever the notes said of it before.
_CORRECTING = re.compile(
    r"\b(?:wrong|incorrect(?:ly)?|mistaken(?:ly)?|(?:in|by) (?:error|mistake)|a mistake|must have been"
    r"|correct(?:ion|ed|ing)|mis-?(?:labell?ed|entered|read|named)"
    r"|(?:entered|logged|listed|recorded|written|booked) as"
    # "Bedroom 2 carpet is DRY - the tech meant the hall carpet", "should have said the den": whose
    # words the line puts right, told as what they meant to say
    r"|meant|should (?:have )?(?:said|read|been))\b",
    FLAGS,
)


# "Homeowner noticed a musty smell in the hall closet", "the tenant said the bedroom carpet was
# soaked": what the client told the writer, which the writer's own check may later overturn.
_TOLD = re.compile(
    r"\b(?:home ?owners?|owners?|clients?|tenants?|insureds?|occupants?|residents?|landlord|caller"
    r"|neighbou?rs?|(?:his|her|their) (?:wife|husband|partner|son|daughter))"
    r"(?: \([^()]{0,30}\))? (?:had |has )?(?:noticed|mentioned|reported|said|says|told|thought|thinks"
    r"|believes?|believed|claimed|claims|complained|described|suspected|suspects)\b",
    FLAGS,
)


def told_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of a line that report what the client (or the booking) said, not what the writer
    found: a room only these name is second-hand until the writer's own words name it."""
    spans = reported_spans(text)
    if _TOLD.search(text) is None:
        return spans
    sentences = Sentences(text)
    for match in _TOLD.finditer(text):
        bounds = sentences.bounds(match.start())
        if bounds not in spans:
            spans.append(bounds)
    return spans


def _unfounded(area: AreaDraft, readings: Sequence[ReadingDraft], *, listed: bool) -> bool:
    """Nothing found in the area yet: no material, size or reading of its own; or, `listed`, only
    named or sized so far, on a line that told no damage (a size says where, never that it is wet)."""
    if listed and line_says_damage(area.source.text):
        return False
    name = area.room.lower()
    has_reading = any(name in reading.location.lower() for reading in readings)
    return not (area.materials or (area.dimensions and not listed) or has_reading)


def struck_off(
    text: str,
    room: Mention,
    area: AreaDraft | None,
    readings: Sequence[ReadingDraft],
    *,
    second_hand: bool,
    booked: frozenset[int] = frozenset(),
    rooms: Sequence[Mention] = (),
) -> bool:
    """A room called unaffected in a sentence of its own that tells no damage, where the area so far
    is one the writer's list only named or sized, one only a sentence's damage implied or a header
    filled in from the call listed (`second_hand`), or one the line says it struck off."""
    if area is None:
        return False
    sentences = Sentences(text)
    # ("Hall closet: musty odour, no visible growth. Condition 1. Not an affected area.": the room's
    # line closes on a sentence that is only the verdict, whatever mild sign its first one names)
    if not own_sentence_clear(text, room, rooms) and not (
        rooms and rooms[0].key == room.key and verdict_sentence(text, sentences, rooms)
    ):
        return False
    start, end = _own_span(text, room, rooms)
    if _CORRECTING.search(text) is not None and _said_clear(text, start, end):
        return True
    if _unfounded(area, readings, listed=True) and (
        UNAFFECTED.search(text, start, end) is not None or _RULED_OUT.search(text, start, end) is not None
    ):
        return True
    # ("Water ran from the shower room into the hall", then "The shower room itself drained to its
    # floor waste; it needed nothing more than a mop": where the water passed held none of it, and no
    # line gave it a wet material, a size or a reading)
    named = second_hand or STRUCK_OFF.search(text) is not None or says_no_drying(text, start, end)
    if named and _unfounded(area, readings, listed=False):
        return True
    # "Primary bedroom carpet: dry." after a booked "carpet in primary bedroom wet"; "Front room - door
    # was shut; no soot, floor dry" after "eating in the front room" and its floor named in a
    # description: an area only implied or booked, whose damage no line of the writer's own told
    return (
        (second_hand or _dry_standards_only(area, readings))
        and _said_clear(text, start, end)
        and not _told_first_hand(area, readings, booked)
    )


_LINE_LEAD = re.compile(r"[\s\-*#>\u2022\d.)]*(?:the )?", FLAGS)


def _own_span(text: str, room: Mention, rooms: Sequence[Mention]) -> tuple[int, int]:
    """The room's sentence; or, on a line the room heads and no other room is named after it, the
    whole line from it ("Master bedroom: checked with the meter - dry. Far side of the house. Not
    affected.": each sentence after the first goes on about the room), unless a later one tells damage."""
    start, end = Sentences(text).bounds(room.start)
    if (
        _LINE_LEAD.fullmatch(text, 0, room.start) is not None
        and not any(other.start >= room.end and other.key != room.key for other in rooms)
        and not line_says_damage(text[end:])
    ):
        return start, len(text)
    return start, end


def _dry_standards_only(area: AreaDraft, readings: Sequence[ReadingDraft]) -> bool:
    """ "REF-1 powder room tile floor: 11 REL", then "Dining room and powder room not affected.": a
    room the notes read only for its dry standards."""
    name = area.room.lower()
    own = [reading for reading in readings if name in reading.location.lower()]
    return bool(own) and all(reading.is_reference for reading in own)


def _said_clear(text: str, start: int, end: int) -> bool:
    return (
        UNAFFECTED.search(text, start, end) is not None
        or _RULED_OUT.search(text, start, end) is not None
        or said_dry_part(text, start, end)
    )


def _told_first_hand(area: AreaDraft, readings: Sequence[ReadingDraft], booked: frozenset[int]) -> bool:
    """A material said wet on a line of the writer's own, a wet extent, a size the writer gave ("- the
    laundry, 2.4 x 1.8 m, floor tiles on slab" under what was wet), or a reading in the room that is
    not a dry standard."""
    if any(span.line not in booked for span in area.soaked_materials.values()) or area.evidence:
        return True
    if area.dimensions is not None and area.source.line not in booked:
        return True
    name = area.room.lower()
    return any(name in reading.location.lower() and not reading.is_reference for reading in readings)
