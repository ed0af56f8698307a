"""Hazards the writer names only to rule out, in the ways notes say it: nobody worried about it,
a part the water never reached, a register calling a sheet non-ACM, a survey that came back clean,
a lab result after a dash, someone's question answered no, and a look that overrides the build
year's presumption."""

from __future__ import annotations

import pytest

from chalicelib.analysis.findings import HazardKind
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.hazards import detect_hazards
from chalicelib.analysis.offline.text import prepare_lines
from chalicelib.analysis.standards import load_standards


def _hazards(text: str) -> set[HazardKind | None]:
    lines = prepare_lines(text)
    return {
        hazard.kind for hazard in detect_hazards(lines, None, load_standards(), Dates(lines, None).locale)
    }


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("- the place went up in 2003 so she wasn't worried about asbestos\n", HazardKind.ASBESTOS),
        (
            "Electrical: dishwasher power point in the next cupboard - dry, water didn't get near it.\n",
            HazardKind.ELECTRICAL,
        ),
        ("- Gas: the meter is round the side of the house and was nowhere near it.\n", HazardKind.GAS),
        ("Bathroom wall sheet is on the asbestos register as non-ACM.\n", HazardKind.ASBESTOS),
        (
            "The unit was refitted in 2018 and the asbestos survey done for that job was clean.\n",
            HazardKind.ASBESTOS,
        ),
        ("- Asbestos: wall texture sample sent Tue, result Thu - none detected.\n", HazardKind.ASBESTOS),
        ('Owner asked whether it was "sewage" - no, clean supply from the cistern.\n', HazardKind.BIOHAZARD),
        # present somewhere the water and the work do not reach
        (
            "The 1960s soffits might contain asbestos, but none of it is in the affected rooms.\n",
            HazardKind.ASBESTOS,
        ),
        (
            "- the laundry wall lining is old fibro, though intact and not to be disturbed.\n",
            HazardKind.ASBESTOS,
        ),
        ("Suspect asbestos vinyl in the hallway; it is well away from the wet areas.\n", HazardKind.ASBESTOS),
    ],
)
def test_a_hazard_the_writer_rules_out_is_no_hazard(text: str, kind: HazardKind) -> None:
    assert kind not in _hazards(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("- Asbestos: wall texture sample sent Tue, result pending.\n", HazardKind.ASBESTOS),
        (
            "Electrical: dishwasher power point in the next cupboard was wet - isolated.\n",
            HazardKind.ELECTRICAL,
        ),
        ("The owner was worried about asbestos in the old eaves lining.\n", HazardKind.ASBESTOS),
        # the near miss: present where the water and the work are
        (
            "The 1960s bathroom lining might contain asbestos, and the wet section has to be cut out.\n",
            HazardKind.ASBESTOS,
        ),
        ("Suspect asbestos vinyl in the laundry, but it is lifting in the wet area.\n", HazardKind.ASBESTOS),
    ],
)
def test_a_hazard_the_writer_keeps_stays(text: str, kind: HazardKind) -> None:
    assert kind in _hazards(text)


def test_a_look_that_finds_no_asbestos_outranks_the_build_years_presumption() -> None:
    # Given an Australian cottage old enough to presume asbestos, where the writer looked and found none
    before = "Property: 4 Hampton Rd, Fremantle WA 6160 (c.1910 limestone cottage)\n"
    assert HazardKind.ASBESTOS in _hazards(before)
    assert HazardKind.ASBESTOS not in _hazards(before + "No asbestos in the floor or the subfloor.\n")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Safety: extension leads taped and ramped at the doorways.\n", HazardKind.SLIP_TRIP),
        ("No hazards beyond the drying mat hoses (taped, flagged - trip).\n", HazardKind.SLIP_TRIP),
        (
            "Safety: tack strip exposed along the hall wall, taped and the owners told.\n",
            HazardKind.SLIP_TRIP,
        ),
        ("The hoses are taped down - my son nearly tripped on one.\n", HazardKind.SLIP_TRIP),
        (
            "- Burnt PVC residue is acidic and corrosive to electronics; clean within days.\n",
            HazardKind.OTHER,
        ),
        (
            "- Dry chemical powder (sodium bicarbonate) is an irritant - P2 masks, no sweeping.\n",
            HazardKind.OTHER,
        ),
        (
            "- Scooter battery residue and extinguisher powder: treat as hazardous, bag separately.\n",
            HazardKind.OTHER,
        ),
        ("Dried plaster slurry on the bench is a dust hazard once it dries.\n", HazardKind.OTHER),
    ],
)
def test_hazards_named_in_more_ways_are_read(text: str, kind: HazardKind) -> None:
    assert kind in _hazards(text)


def test_a_hazard_list_that_says_no_hazards_at_all_still_rules_them_out() -> None:
    assert HazardKind.SLIP_TRIP not in _hazards("No hazards: no trip hazard, floors dry.\n")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a sample's verdict closing its sentence, after a dash
        (
            "- Roof space insulation: swabbed by the 2020 survey as rock wool - no asbestos.\n",
            HazardKind.ASBESTOS,
        ),
        # "clear of" and "free" said of the hazard itself
        ("- The stippled ceiling was tested last spring and is clear of asbestos.\n", HazardKind.ASBESTOS),
        (
            "Hazards: the skim coat in the den was sampled and is asbestos-free (lab sheet 3/9).\n",
            HazardKind.ASBESTOS,
        ),
        # a register that lists nothing
        ("The 2017 asbestos register for the block lists nothing in the flat.\n", HazardKind.ASBESTOS),
    ],
)
def test_a_test_or_register_that_cleared_it_in_other_words_is_no_hazard(text: str, kind: HazardKind) -> None:
    assert kind not in _hazards(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the sample still out: no verdict
        ("- Roof space lagging: sampled in the 2020 asbestos survey, result to come.\n", HazardKind.ASBESTOS),
        # a register that lists something
        ("The asbestos register lists the eaves lining as ACM.\n", HazardKind.ASBESTOS),
    ],
)
def test_a_test_with_no_clearing_verdict_leaves_the_hazard(text: str, kind: HazardKind) -> None:
    assert kind in _hazards(text)


def test_power_cut_before_work_where_the_water_never_reached_the_wiring_is_a_precaution() -> None:
    text = (
        "We had the laundry circuit switched off at the board before lifting the vinyl; the outlets"
        " sit 450 mm up so the water never came near them.\n"
    )
    assert HazardKind.ELECTRICAL not in _hazards(text)


def test_power_cut_because_the_water_reached_the_wiring_stays_a_hazard() -> None:
    text = "We had the laundry circuit switched off at the board; water had run into the outlet box.\n"
    assert HazardKind.ELECTRICAL in _hazards(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Surveyor: R. Hema, BSc(Hons), LBP, IICRC WRT\n", False),
        ("Report by T. Ngata LBP #BP118822\n", False),
        ("1960s weatherboard, presume LBP on the sills - no sanding\n", True),
    ],
)
def test_lbp_among_a_persons_credentials_is_no_lead(text: str, expected: bool) -> None:
    assert (HazardKind.LEAD in _hazards(text)) is expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "We isolated the fridge circuit at the board first. The socket behind the fridge was bone dry.\n",
            HazardKind.ELECTRICAL,
        ),
        (
            "Laundry lights to be switched off at the board while the ceiling is replaced.\n",
            HazardKind.ELECTRICAL,
        ),
        ("- Unit built 2004; the linings post-date asbestos use in this state.\n", HazardKind.ASBESTOS),
    ],
)
def test_a_precaution_or_a_build_after_the_era_is_no_hazard(text: str, kind: HazardKind) -> None:
    assert kind not in _hazards(text)


def test_a_circuit_cut_with_the_socket_found_wet_stays_a_hazard() -> None:
    text = "We isolated the fridge circuit at the board first. The socket behind the fridge was wet.\n"
    assert HazardKind.ELECTRICAL in _hazards(text)


def test_someone_elses_quoted_sewage_is_no_biohazard_without_a_category_3_grade() -> None:
    text = 'The strata manager\'s email calls it "sewage from the riser". No odour; clean supply water.\n'
    assert HazardKind.BIOHAZARD not in _hazards(text)
    assert HazardKind.BIOHAZARD in _hazards("Sewage from the riser across the laundry floor.\n")


@pytest.mark.parametrize(
    "text",
    [
        "- Owner says the power went off in the storm around 2 am and the sump pump stopped.\n",
        "Electricity dropped out across the whole street overnight (blackout) - the freezer thawed.\n",
        "The mains supply flickered during the lightning and the pump tripped out.\n",
    ],
)
def test_the_supply_failing_in_the_weather_is_no_electrical_hazard(text: str) -> None:
    assert HazardKind.ELECTRICAL not in _hazards(text)


def test_power_cut_because_water_reached_the_wiring_stays_a_hazard() -> None:
    # the near miss: the installation itself failed with water in it
    text = "Water got into the kitchen GPO and the power tripped off at the board.\n"
    assert HazardKind.ELECTRICAL in _hazards(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "- Charred roof framing? Looked from the manhole - soot on the face only, sound; no"
            " structural concern.\n",
            HazardKind.STRUCTURAL,
        ),
        ("Charred bearers?? checked underneath, they are sound.\n", HazardKind.STRUCTURAL),
    ],
)
def test_the_writers_question_answered_by_a_check_is_no_hazard(text: str, kind: HazardKind) -> None:
    assert kind not in _hazards(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the question answered yes: the frame is damaged
        (
            "- Charred ceiling joist? Looked from the void above - charred deep at the bearing,"
            " needs an engineer.\n",
            HazardKind.STRUCTURAL,
        ),
        # no question: the charred framing stands
        ("Charred ceiling joists over the stove, to be assessed by the builder.\n", HazardKind.STRUCTURAL),
    ],
)
def test_a_question_left_open_or_none_asked_keeps_the_hazard(text: str, kind: HazardKind) -> None:
    assert kind in _hazards(text)


# A suspect material said to be elsewhere, with a dash before the place the work is kept clear of.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- ACM flue pipe in the laundry cupboard only \u2014 no ACM in the work area.\n", False),
        ("Fibro sheeting on the rear shed only - none of it near the wet areas.\n", False),
        (
            "Property: 9 Gum Rd, Elizabeth SA 5112\n- 1972 build, fibro gable ends only - no fibro in the"
            " affected rooms.\n",
            False,
        ),
        # near misses: the dash gives the part's state, or puts it where the work is
        ("Fibro wall lining in the bathroom - cut for inspection.\n", True),
        ("Fibro eaves only - the wet area lining is fibro too.\n", True),
    ],
)
def test_a_suspect_material_dashed_off_from_the_work_area(text: str, expected: bool) -> None:
    assert (HazardKind.ASBESTOS in _hazards(text)) is expected


def test_a_presumed_hazard_with_a_dashed_precaution_stays() -> None:
    # the dash gives what not to do with it, not a place outside the work
    text = "Laundry walls are fibro sheet, presumed asbestos given its age - not to be cut, test first\n"
    assert HazardKind.ASBESTOS in _hazards(text)
