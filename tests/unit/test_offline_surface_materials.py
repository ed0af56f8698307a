"""A room's bare ceiling named as what the water damaged, in a job whose notes name no lining."""

from __future__ import annotations

from chalicelib.analysis import analyze_text


def _materials(text: str, room: str) -> list[str]:
    area = next(area for area in analyze_text(text).affected_areas if area.room == room)
    return [material.lower() for material in area.materials]


def test_a_stained_ceiling_in_a_tenants_report_is_affected() -> None:
    # Given a water leak from the flat above, the study ceiling stained and sagging, no board named
    text = (
        "Water leak from the unit upstairs, clean water from a burst hose.\n"
        "Study: yellow stain on the study ceiling about a metre across, sagging slightly. Carpet damp."
    )
    # When the study's materials are read
    materials = _materials(text, "Study")
    # Then the ceiling is one of them
    assert "ceiling" in materials and "carpet" in materials


def test_a_ceiling_read_wet_is_affected() -> None:
    # Given a homeowner quoting the meter on the bedroom ceiling
    text = "Hot water pipe burst upstairs.\nBack bedroom: ceiling 41% on his meter. The spare room read 10%."
    # When the bedroom's materials are read
    # Then its ceiling is affected
    assert "ceiling" in _materials(text, "Back bedroom")


def test_a_ceiling_named_only_for_what_it_holds_or_said_fine_is_not() -> None:
    # Given a laundry whose ceiling fan dripped and whose ceiling is said dry, the floor vinyl wet
    text = (
        "Washing machine hose burst.\n"
        "Laundry: vinyl wet across the floor, water dripping from the ceiling fan. Ceiling itself dry."
    )
    # When the laundry's materials are read
    materials = _materials(text, "Laundry")
    # Then the vinyl is affected and no ceiling is
    assert "vinyl" in materials and "ceiling" not in materials


def test_where_the_board_is_named_the_board_is_read_not_a_bare_ceiling() -> None:
    # Given notes naming the plasterboard, and another sentence naming the stained ceiling bare
    text = (
        "Shower leak upstairs.\n"
        "Kitchen: plasterboard ceiling wet over 2 m2. The kitchen ceiling is stained near the light."
    )
    # When the kitchen's materials are read
    materials = _materials(text, "Kitchen")
    # Then the plasterboard is listed and no bare ceiling beside it
    assert "plasterboard" in materials and "ceiling" not in materials


def test_a_ceiling_named_as_where_something_else_lies_is_a_landmark() -> None:
    # Given a roof void whose insulation over (or above) the hall ceiling is soaked, the hall carpet wet
    for where in ("over", "above"):
        text = (
            "Storm water in through a cracked tile.\n"
            "Hall: carpet wet near the linen press.\n"
            f"Roof void: the insulation {where} the hall ceiling is soaked."
        )
        # When the areas' materials are read
        areas = {area.room: [m.lower() for m in area.materials] for area in analyze_text(text).affected_areas}
        # Then no ceiling is among them: the insulation is what is wet
        assert not any("ceiling" in materials for materials in areas.values())


# (notes, room, material expected among the room's, material that must not be): a water job naming one
# lining reads a damaged bare ceiling as that lining; naming two, or the ceiling fine, it reads none.
_ONE_LINING = [
    # the lining named once, on the meter line, the ceiling bare in the room's line
    (
        "Bath overflowed upstairs, clean supply water.\n"
        "Meter: pin-less, gypsum board scale on walls and ceilings.\n"
        "Den, 10 x 12 ft: ceiling discoloured and damp over about 20 SF.",
        "Den",
        "gypsum board",
        "ceiling",
    ),
    # the lining spelt another way, named in a later line; a room the lexicon does not know
    (
        "Cistern overflow in the flat above.\n"
        "Snug: brown water marks across the ceiling near the cornice.\n"
        "Readings taken on the Gyprock with the Tramex.",
        "Snug",
        "gyprock",
        "ceiling",
    ),
    # plaster as the one lining, the ceiling sagging
    (
        "Pipe burst in the roof space.\n"
        "Sitting room: ceiling sagging, drips at the rose. House is lath and plaster throughout.",
        "Sitting room",
        "lath",
        "ceiling",
    ),
]
# the near misses: two linings named (which board the ceiling is, is unsaid), the ceiling said fine, or
# a ceiling named by its system (a lay-in grid's tiles are no board)
_NOT_LINED = [
    (
        "Roof drain overflowed into the building.\n"
        "Store room: concrete floor wet, lay-in ceiling stained near the vent.\n"
        "Office: drywall wet at the base of the north wall.",
        "Store room",
        ("drywall", "ceiling"),
    ),
    (
        "Leak from the ensuite above.\n"
        "Study: ceiling stained over 1 m2, carpet damp.\n"
        "Walls are plasterboard, the ceiling in the old part is lath and plaster.",
        "Study",
        ("plasterboard", "lath", "ceiling"),
    ),
    (
        "Washing machine hose split.\nLaundry: vinyl wet, ceiling fine. Plasterboard walls dry.",
        "Laundry",
        ("plasterboard", "ceiling"),
    ),
]


def test_a_bare_damaged_ceiling_is_the_one_lining_the_notes_name() -> None:
    for text, room, expected, not_expected in _ONE_LINING:
        materials = _materials(text, room)
        assert any(expected in material for material in materials), (text, materials)
        assert not_expected not in materials, (text, materials)


def test_with_two_linings_or_a_sound_ceiling_no_lining_is_read_for_it() -> None:
    for text, room, absent in _NOT_LINED:
        materials = _materials(text, room)
        assert not any(name in material for material in materials for name in absent), (text, materials)
