"""Rooms read by what the text says of them, not by where their name falls: a verdict said of a
material in a room (not of the room), a room only named in a later paragraph's aside, a room named
for where an opening is or for the appliance the loss began in, a cut's size on a work line, a later
sentence of a room's own line that sets it apart from this loss, and the room a wet figure is set
against."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text


def _areas(text: str) -> dict[str, tuple[float | None, float | None]]:
    return {
        area.room: (area.length_original or area.length_ft, area.width_original or area.width_ft)
        for area in analyze_text(text).affected_areas
    }


# A verdict on a material in a room is the material's: the room the water ran into stays affected.
_MATERIAL_IN_ROOM = [
    (
        "Water ran along the passage and under the door into Gallery B (12 x 6 m). The skirting in"
        " Gallery B itself stayed dry.",
        {"Gallery B": (12.0, 6.0)},
    ),
    (
        "Water ran along the passage and under the door into Gallery B (12 x 6 m). The cornice of"
        " Gallery B was not wet.",
        {"Gallery B": (12.0, 6.0)},
    ),
    # (the near miss: the room itself said not wet)
    ("Water ran along the passage, carpet soaked. Gallery B was checked: not wet.", {}),
]


@pytest.mark.parametrize(("text", "expected"), _MATERIAL_IN_ROOM)
def test_a_verdict_on_a_material_in_a_room_is_not_the_rooms(
    text: str, expected: dict[str, tuple[float | None, float | None]]
) -> None:
    assert _areas(text) == expected


# A room ruled out stays out where a later line names it only in a clause of its own (a reason, a
# while) beside damage said of something else; a line it heads with damage of its own brings it back.
_ASIDE = [
    (
        "Hall carpet soaked. Lounge was bone dry.\nWe moved the wet rugs out because the family wanted to"
        " sit in the lounge that evening.",
        ["Hall"],
    ),
    (
        "Hall carpet soaked. Study was bone dry.\nThe wet towels went out on the line while the twins did"
        " homework in the study.",
        ["Hall"],
    ),
    # (the near miss: a line the room heads, with damage of its own)
    (
        "Hall carpet soaked. Lounge was bone dry.\nLounge 5 x 4 m: carpet wet along the hall wall after all.",
        ["Hall", "Lounge"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _ASIDE)
def test_a_ruled_out_room_named_in_an_aside_stays_out(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# An opening's size is no news of the room it is in: the room is where the hatch is.
_OPENING = [
    (
        "Kitchen vinyl wet under the sink.\nAccess hatch in the linen cupboard 600 x 450 mm, tight crawl.",
        ["Kitchen"],
    ),
    (
        "Kitchen vinyl wet under the sink.\nManhole at the study, about 500 x 500 mm, used to get into the"
        " roof.",
        ["Kitchen"],
    ),
    # (the near miss: the room's own size, with its floor wet)
    (
        "Kitchen vinyl wet under the sink.\nLinen cupboard 1.2 x 0.6 m, floor wet.",
        ["Kitchen", "Linen cupboard"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _OPENING)
def test_a_room_named_for_where_an_opening_is_is_not_affected(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# A work line that opens by cutting or removing sizes the piece taken out, not the room.
_CUT_PIECE = [
    (
        "Bathroom floor flooded.\nRemoved the laundry ceiling under the bathroom 2.4 x 1.8 m, plasterboard"
        " saturated.",
        {"Bathroom": (None, None), "Laundry": (None, None)},
    ),
    (
        "Bathroom floor flooded.\nCut out study ceiling below the shower 1.5 x 1.2 m; insulation wet.",
        {"Bathroom": (None, None), "Study": (None, None)},
    ),
    # (the near miss: the room named and sized first, the cut said after)
    (
        "Bathroom floor flooded.\nLaundry 2.4 x 1.8 m: ceiling saturated, cut out.",
        {"Bathroom": (None, None), "Laundry": (2.4, 1.8)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), _CUT_PIECE)
def test_a_cut_pieces_size_is_not_the_rooms(
    text: str, expected: dict[str, tuple[float | None, float | None]]
) -> None:
    assert _areas(text) == expected


# The appliance the loss began in is named for the water it holds: its room is wet only where the
# text says so, and its own later verdict rules it out.
_ORIGIN = [
    (
        "The water heater in the garage failed overnight and the hall carpet got soaked.\nGarage: slab dry,"
        " nothing stored on the floor got wet. Not affected.",
        ["Hall"],
    ),
    (
        "The water tank in the shed split at the seam; the hall carpet got soaked.\nShed: concrete floor,"
        " drains to the yard. Not affected.",
        ["Hall"],
    ),
    # (the near miss: the room where it failed is said wet)
    ("Water heater in the garage let go; garage slab flooded.", ["Garage"]),
]


@pytest.mark.parametrize(("text", "expected"), _ORIGIN)
def test_the_room_an_appliance_failed_in_is_wet_only_where_said(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# A later sentence of a room's own line that sets it apart from this loss, after its grade.
_LATER_UNRELATED = [
    (
        "Hall carpet soaked.\n- Games room ceiling (below the ensuite): old brown ring. Meter reads dry."
        " Condition 1 - not part of this claim.",
        ["Hall"],
    ),
    (
        "Hall carpet soaked.\n- Games room wall (beside the laundry): faint old tide mark. Owner says it is"
        " years old. Not related to the incident.",
        ["Hall"],
    ),
    # (the near miss: the room's own damage and grade, nothing set apart)
    (
        "Hall carpet soaked.\n- Games room ceiling: stain wet to touch, readings high. Condition 3.",
        ["Hall", "Games room"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _LATER_UNRELATED)
def test_a_later_sentence_setting_a_room_apart_rules_it_out(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# The room a wet figure is set against is where the dry standard was read.
_COMPARED = [
    ("Laundry vinyl soaked. Vinyl by the washer read 40 against 11 in the guest room.", ["Laundry"]),
    ("Laundry vinyl soaked. Drywall by the tub 35% compared with 9% in the study.", ["Laundry"]),
    # (the near miss: a second wet figure in another room, soaked there too)
    (
        "Laundry vinyl soaked. Vinyl by the washer read 40, and the guest room carpet was soaked by the"
        " door.",
        ["Laundry", "Guest room"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _COMPARED)
def test_the_room_a_wet_figure_is_set_against_is_not_affected(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# A numbered row whose cells a PDF wrapped one under another: its fragments together are what the
# row says of its room ("reference", "dry standard" on a line of its own rule it out).
_WRAPPED_ROW = [
    (
        "Point Area Material 2/3 3/3\n1 Laundry vinyl (%) 45 30\n2 Laundry skirting (%MC) 28 19\n"
        "3 Study, upstairs\nplasterboard\nwall (%),\nreference\n11\n",
        ["Laundry"],
    ),
    (
        "Point Area Material 2/3 3/3\n1 Laundry vinyl (%) 45 30\n"
        "7 Den, ground\ncarpet edge\n(%MC),\ndry standard\n10\n",
        ["Laundry"],
    ),
    # (the near miss: the wrapped cells say the room is wet)
    (
        "Point Area Material 2/3 3/3\n1 Laundry vinyl (%) 45 30\n"
        "7 Den, ground\ncarpet edge\n(%MC),\nwet\n31\n",
        ["Laundry", "Den"],
    ),
    # (the row's point ID a cell alone on the line before its room: "REF" / "Sewing room" / ...)
    (
        "Laundry vinyl soaked.\nPoint Where 4/6 5/6\nL1 Laundry vinyl, % 45 30\n"
        "REF\nSewing  room\nskirting, %MC (dry\nstandard)\n11 11\n",
        ["Laundry"],
    ),
    (
        "Laundry vinyl soaked.\nPin Place Mon Tue\nL1 Laundry vinyl, % 45 30\n"
        "C2\nGames room\nwall \u2013 control\n9 9\n",
        ["Laundry"],
    ),
    # (the near miss: the wrapped cells after the lone ID say the room is wet)
    (
        "Laundry vinyl soaked.\nPin Place Mon Tue\nL1 Laundry vinyl, % 45 30\n"
        "C2\nGames room\ncarpet \u2013 soaked\n40 31\n",
        ["Laundry", "Games room"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _WRAPPED_ROW)
def test_a_wrapped_rows_fragments_say_what_its_room_is(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# A pipe named for the water it carries tells no wet room; the room's own verdict stands.
_PIPE = [
    (
        "Laundry vinyl soaked.\nThe study sits over the laundry - the cold water pipe runs in its wall cavity"
        " but nothing came through; the study is not affected.",
        ["Laundry"],
    ),
    (
        "Laundry vinyl soaked.\nThe hot water pipework runs under the den floor, nothing leaked there;"
        " den is not affected.",
        ["Laundry"],
    ),
    # (the near miss: the pipe burst there and the room is soaked)
    (
        "Laundry vinyl soaked.\nThe hot water pipe in the den wall burst and the den carpet is soaked.",
        ["Laundry", "Den"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _PIPE)
def test_a_water_pipe_is_no_wet_room(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# A list of rooms ruled out, wrapped onto the next line: the verdict heads it to its sentence's end.
_WRAPPED_VERDICT = [
    (
        "Lounge carpet soaked along the front wall, about 6 m2 of it wet through.\n- Not affected: the"
        " kitchen and the laundry (both a step up from the lounge and checked\n  with the meter and by"
        " hand), the study, the garage.\n",
        ["Lounge"],
    ),
    (
        "Lounge carpet soaked along the front wall, about 6 m2 of it wet through, underlay too.\nUnaffected"
        " rooms: bedroom 1 and bedroom 2 (doors were shut all night long and\nthe carpets read dry), the"
        " study and the sunroom.\n",
        ["Lounge"],
    ),
    # (the near miss: the list ended on its own line; the next room's line is its own)
    (
        "Lounge carpet soaked along the front wall, about 6 m2 of it wet through, underlay too.\n- Not"
        " affected: the kitchen and the laundry (both a step up from the lounge).\n- Study: carpet wet by"
        " the door, underlay wet.\n",
        ["Lounge", "Study"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _WRAPPED_VERDICT)
def test_a_wrapped_list_of_rooms_ruled_out_stays_ruled_out(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# The whole building's size, said before the rooms it holds, is no news of damage in them.
_WHOLE_BUILDING = [
    (
        "Single-storey brick house, about 18 x 12 m overall: lounge, kitchen, three bedrooms and the games"
        " room.\nLaundry vinyl soaked, 2 m2.",
        ["Laundry"],
    ),
    (
        "Tilt-up warehouse 40 x 25 m with the packing room at the back.\nDispatch office carpet wet.",
        ["Office"],
    ),
    # (the near miss: a room's own size, with its floor wet)
    ("Laundry vinyl soaked.\nPacking room 8 x 6 m, floor wet.", ["Laundry", "Packing room"]),
]


@pytest.mark.parametrize(("text", "expected"), _WHOLE_BUILDING)
def test_a_buildings_overall_size_names_no_affected_room(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# An opening sized straight after its name, then the room it is in.
_OPENING_SIZED_FIRST = [
    (
        "Kitchen vinyl wet under the sink.\nTight crawl; access hatch 24 x 30 in. in the hall closet floor.",
        ["Kitchen"],
    ),
    (
        "Kitchen vinyl wet under the sink.\nManhole about 600 x 600 mm in the linen press ceiling.",
        ["Kitchen"],
    ),
    # (the near miss: the room's own size, then its damage)
    (
        "Kitchen vinyl wet under the sink.\nLinen press 1.2 x 0.6 m, its floor soaked.",
        ["Kitchen", "Linen press"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _OPENING_SIZED_FIRST)
def test_an_opening_sized_before_its_room_names_no_affected_room(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# A line the dry standards' label leads: every room it names is where a standard was read.
_REFERENCE_LEAD = [
    (
        "Den carpet soaked.\n- Reference: laundry drywall 9 %, laundry joist 12 %MC, front entry oak 8 %MC",
        ["Den"],
    ),
    ("Den carpet soaked.\nDry standards - bed 3 wall 11, study skirting 10", ["Den"]),
    # (the near miss: the label names no standard; the room after it is wet)
    ("Den carpet soaked.\nReferred by the agent: study carpet wet along the den wall.", ["Den", "Study"]),
]


@pytest.mark.parametrize(("text", "expected"), _REFERENCE_LEAD)
def test_the_rooms_a_reference_line_names_are_not_affected(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# "to dry" is what the work was for, not a verdict: the room the loss began in stays affected.
_TO_DRY = [
    (
        "Source: the water heater in the utility closet rusted through at the base.\n"
        "Utility closet 4 ft x 5 ft, vinyl lifted and stood up to dry.",
        ["Utility closet"],
    ),
    (
        "Source: the water tank in the pantry split at the seam.\n"
        "Pantry 1.5 x 1.2 m, carpet pulled up and left to dry.",
        ["Pantry"],
    ),
    # (the near miss: the room's own line says it is dry)
    (
        "Source: the water tank in the pantry split at the seam; the hall carpet is soaked.\n"
        "Pantry 1.5 x 1.2 m, carpet checked: dry. Not affected.",
        ["Hall"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _TO_DRY)
def test_what_was_left_to_dry_is_no_verdict(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# The rest of a space said dry tells that some of it is not: no verdict on the room it names.
_REST_DRY = [
    (
        "Basin flexi weeping.\n- Shop floor approx 8.0 x 5.0 m. Rest of the shop tiles dry.",
        {"Shop floor": (8.0, 5.0)},
    ),
    (
        "Tap left on.\n- Salon floor about 9 x 6 m. The remainder of the salon vinyl dry.",
        {"Salon": (9.0, 6.0)},
    ),
    # (the near miss: the room's own surface said dry, nothing of the rest)
    ("Tap left on; hall carpet soaked.\n- Salon: vinyl dry. Not affected.", {"Hall": (None, None)}),
]


@pytest.mark.parametrize(("text", "expected"), _REST_DRY)
def test_the_rest_of_a_space_said_dry_is_no_verdict_on_it(
    text: str, expected: dict[str, tuple[float | None, float | None]]
) -> None:
    assert _areas(text) == expected


# A room the writer sets outside the job's own list of areas ("not part of this assessment's affected
# areas", "not in the survey's scope") is no area, whatever it shows.
_OUTSIDE_THE_LIST = [
    (
        "Hall carpet soaked.\nEnsuite: mildew on the grout, housekeeping - not part of this report's scope.",
        ["Hall"],
    ),
    (
        "Hall carpet soaked.\nLaundry: old mould on the ceiling paint; not among the survey's affected"
        " rooms.",
        ["Hall"],
    ),
    # (the near miss: the writer puts it in the list)
    (
        "Hall carpet soaked.\nLaundry: mould on the ceiling paint; part of this survey's affected rooms.",
        ["Hall", "Laundry"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _OUTSIDE_THE_LIST)
def test_a_room_set_outside_the_jobs_list_of_areas_is_not_one(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected
