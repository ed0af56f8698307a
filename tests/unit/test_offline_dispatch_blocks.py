"""A header somebody filled in from the phone call before anyone was on site (a dispatcher, a call
centre, the office), then the technician's own notes: where the writer's observations say otherwise,
the writer wins; where they only repeat the header, it stands."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.findings import HazardKind
from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.dispatch_blocks import first_hand_text, second_hand_lines
from chalicelib.analysis.offline.text import prepare_lines, unwrap_paragraphs

_BOOKED_AS_SEWAGE = """LAKESIDE RESTORATION - JOB SUMMARY
#################################
(pre-filled by the call centre)
Customer: Ferro, Ana     Claim: LKS-448120
Address: 902 Birchmont Ave, Toledo, OH 43606
Date of loss: 03/08/2026
Loss type: SEWER BACKUP - Cat 3, Class 3
Rooms: Family room (24 x 16), Laundry, Half bath
#################################

Technician notes - first visit 03/09/2026 9:15 am

The owner told us the dishwasher supply line let go last night (Sunday 3/8) at about 11 pm. Clear
water, no smell, nothing came up the floor drain. Supply water.
Laundry (7 x 8): vinyl wet at the seams.
Family room: measured 22 x 16. Carpet and pad wet over about 120 SF near the laundry door.
Half bath: door was closed, floor and vanity dry. Not affected.
No biohazard. Gloves only.
"""


def test_a_header_filled_in_from_the_call_gives_way_to_what_the_technician_found() -> None:
    findings = analyze_text(_BOOKED_AS_SEWAGE)
    assert findings.water_category is not None and findings.water_category.value == 1
    assert findings.water_class is not None and findings.water_class.value != 3
    assert HazardKind.BIOHAZARD not in {hazard.kind for hazard in findings.safety_hazards}
    rooms = {area.room: area for area in findings.affected_areas}
    assert "Half bath" not in rooms and "Bathroom" not in rooms
    family = next(area for name, area in rooms.items() if "Family" in name)
    assert (family.length_ft, family.width_ft) == (22.0, 16.0)  # measured on site, not the booking's 24


def test_a_booked_loss_date_gives_way_to_the_day_the_writer_tells_the_loss() -> None:
    findings = analyze_text(_BOOKED_AS_SEWAGE.replace("last night (Sunday 3/8)", "on Saturday night (3/7)"))
    assert findings.job.date_of_loss is not None
    assert findings.job.date_of_loss.value == date(2026, 3, 7)


def test_what_the_writer_only_repeats_from_the_header_stands() -> None:
    notes = """-- dispatch info (typed from the phone call) --
Address: 18 Quarry Rd, Duluth, MN 55803
DOL: 02/11/2026   Cat 1 / Class 2
Rooms: kitchen, dining room
-- end header --

On site 02/11/2026 2 pm. Kitchen: laminate wet along the dishwasher, about 40 SF.
Dining room: laminate wet at the doorway.
"""
    findings = analyze_text(notes)
    assert findings.job.date_of_loss is not None and findings.job.date_of_loss.value == date(2026, 2, 11)
    assert findings.water_category is not None and findings.water_category.value == 1
    assert {area.room for area in findings.affected_areas} >= {"Kitchen", "Dining room"}


def _numbers(text: str) -> set[int]:
    return set(second_hand_lines(unwrap_paragraphs(prepare_lines(text))))


def test_a_marker_that_closes_its_block_covers_the_fields_above_it() -> None:
    notes = (
        "DOL: 06/01/2026\nCategory: 1\nRooms: hall\n(header entered by the office from the phone call)\n"
        "\nOn site."
    )
    assert _numbers(notes) == {1, 2, 3, 4}


def test_headings_and_rooms_that_only_name_an_office_are_no_markers() -> None:
    notes = (
        "Office (by the front door):\ncarpet wet\n\nDispatch office: drywall wet.\nJOB SHEET\nDOL: 1/2/2026"
    )
    assert _numbers(notes) == set()


def test_a_sentence_reporting_the_booking_is_not_the_writers_evidence() -> None:
    text = "The sewage wording in the header came from the call centre. No odour, clear water."
    kept = first_hand_text(text)
    assert "sewage" not in kept and "clear water" in kept and len(kept) == len(text)


_OFFICE_CARD = """=== JOB CARD (office) ===
Job: 7741   Client: R. Oduya, 4 Kestrel Way
DOL: 03/02/2026   Cause: dishwasher overflow   Cat: 2
Affected: kitchen
=== TECHNICIAN - site visit 03/02/2026 ===
Card is wrong on the source. Not the dishwasher: the cold water supply pipe under the sink has a
pinhole and sprayed clean mains water onto the cabinet floor. Category 1.
Kitchen: vinyl wet in front of the sink, about 2 m2.
"""


def test_an_office_card_titled_between_rules_is_second_hand() -> None:
    assert _numbers(_OFFICE_CARD) == {1, 2, 3, 4}
    assert _numbers("=== OFFICE NOTES ===\nstaff kitchen\n=== END ===") == set()


def test_the_cause_on_an_office_card_gives_way_to_the_source_the_writer_found() -> None:
    findings = analyze_text(_OFFICE_CARD)
    assert findings.cause_of_loss is not None
    assert "dishwasher overflow" not in findings.cause_of_loss
    assert findings.water_category is not None and findings.water_category.value == 1


_CLAIMS_LINE_INTAKE = """== OFFICE INTAKE (phoned in by the insurer's claims line, 3 May 2026 09:40) ==
Claim no: ZX-441920
Date of loss: 2 May 2026
Cause: "burst main - maybe sewage from the drain"
== SITE NOTES (R. Tamaki, on site 3 May 2026 11:00) ==
- Date of loss is today, 3 May 2026, not the 2nd: the sink mixer hose split at 06:15 this morning.
- Clean mains water from the mixer hose, Category 1. Drain runs freely.
- Kitchen vinyl wet about 3 m2.
"""


def test_an_intake_phoned_in_by_a_claims_line_is_second_hand_up_to_the_next_title() -> None:
    # the block ends at the next title set between two-equals rules, not at the next blank line
    assert _numbers(_CLAIMS_LINE_INTAKE) == {1, 2, 3, 4}


def test_a_booked_sewage_cause_gives_way_to_the_writers_lower_grade() -> None:
    findings = analyze_text(_CLAIMS_LINE_INTAKE)
    assert findings.water_category is not None and findings.water_category.value == 1
    assert HazardKind.BIOHAZARD not in {hazard.kind for hazard in findings.safety_hazards}
    assert findings.job.date_of_loss is not None and findings.job.date_of_loss.value == date(2026, 5, 3)


def test_a_sewage_booking_the_writer_grades_as_sewage_keeps_the_biohazard() -> None:
    notes = _CLAIMS_LINE_INTAKE.replace(
        "Clean mains water from the mixer hose, Category 1. Drain runs freely.",
        "Floor waste backed up with foul water, Category 3.",
    )
    findings = analyze_text(notes)
    assert HazardKind.BIOHAZARD in {hazard.kind for hazard in findings.safety_hazards}


def test_two_dashes_around_words_are_no_title_that_ends_a_block() -> None:
    notes = "-- dispatch details (from the phone call) --\nDOL: 1/2/2026\n-- kitchen --\nRooms: kitchen\n"
    assert _numbers(notes) == {1, 2, 3, 4}


def test_an_office_block_saying_what_it_entered_from_is_second_hand() -> None:
    notes = (
        "=== OFFICE (from the insurer's instruction, entered Mon 2/3/2026 by K. Tui) ===\n"
        "DOL: 2/3/2026\nCategory: 2\n=== END OFFICE ===\n"
        "TECH - Tue 3/3/2026: supply line to the fridge, clean water.\n"
    )
    assert _numbers(notes) == {1, 2, 3}
    # an office's own notes heading, saying nothing of where its fields came from, is no block
    assert _numbers("=== OFFICE KITCHEN ===\nsink cupboard wet\n") == set()


def test_a_booked_source_gives_way_to_the_writers_own_stated_category() -> None:
    notes = (
        "=== OFFICE SECTION (entered from the phone call) ===\n"
        "DOL: 4 June 2026\nCause: dishwasher overflow - Cat 2\n"
        "=== TECHNICIAN SECTION ===\n"
        "On site 5 June 2026. The water came from the ice maker tap behind the fridge. Clean - Category 1.\n"
        "Kitchen vinyl wet, about 3 m2.\n"
    )
    findings = analyze_text(notes)
    assert findings.water_category is not None and findings.water_category.value == 1


def test_a_booked_source_the_writer_does_not_grade_still_judges_the_category() -> None:
    notes = (
        "=== OFFICE SECTION (entered from the phone call) ===\n"
        "Cause: dishwasher overflow\n"
        "=== TECHNICIAN SECTION ===\n"
        "On site 5 June 2026. Kitchen vinyl wet, about 3 m2.\n"
    )
    findings = analyze_text(notes)
    assert findings.water_category is not None and findings.water_category.value == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an office's intake titled between double rules, up to the writer's own titled section
        (
            "== OFFICE INTAKE (phoned through by the broker, 02/03/2026 09:15) ==\nDOL: 01/03/2026\n"
            "Rooms: lounge - carpet soaked\n== SITE NOTES (J. Fenn, 02/03/2026) ==\nLounge is dry.",
            {1, 2, 3},
        ),
        # the office's entry of an insurer's instruction, its title long
        (
            "=== OFFICE (from the insurer's instruction, entered Mon 02/03/2026 by T. Haines) ===\n"
            "Affected: study approx 4 x 3 m\n=== END OFFICE ===\n\nStudy is dry.",
            {1, 2},
        ),
        # near miss: a title of the writer's own between double rules is no office block
        ("== SITE NOTES (office visit booked for Friday) ==\nStudy: carpet wet.", set()),
    ],
)
def test_an_office_intake_titled_between_rules_is_second_hand(text: str, expected: set[int]) -> None:
    assert _numbers(text) == expected


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        ("STORM CALL INTAKE (dispatch)\nCause: roof leak\nCategory: 2\n\nOn site.", {1, 2, 3}),
        ("Acme Dry - job booking (the call centre)\nLoss: sewer backup\nRooms: den\n\nOn site.", {1, 2, 3}),
        # near misses: a room in brackets, an intake that names no one who typed it
        ("Office (by the front door)\ncarpet wet\n\nOn site.", set()),
        ("Air intake (roof)\nduct wet\n\nOn site.", set()),
    ],
)
def test_a_title_naming_in_brackets_who_typed_the_intake_opens_a_second_hand_block(
    notes: str, expected: set[int]
) -> None:
    assert _numbers(notes) == expected


def test_a_sewage_source_on_an_intake_titled_for_the_office_gives_way_to_the_writers_clean_water() -> None:
    text = (
        "RAPID DRY - LOSS INTAKE (office)\nCaller: J. Brandt\nSource: toilet overflow? - CAT 3\n\n"
        "--- SITE NOTES (on site 4/2/2026) ---\n- Not the toilet. The dishwasher supply hose split: clean"
        " supply water, Category 1.\n- Kitchen vinyl wet about 30 SF.\n"
    )
    category = analyze_text(text).water_category
    assert category is not None and category.value == 1


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        # a bracketed marker whose time or date has a dot between digits
        ("(Office - from phone call 3.2.27 8.15am, Jo)\nDOL: 02/02/27\nRooms: study\n\nOn site.", {1, 2, 3}),
        # a field saying the office took the call, under the firm's title
        (
            "HARBOUR DRY LTD\nTaken by: Priya (reception) 2027-01-14 07:10\nCause: dishwasher leak\n"
            "-----\nTech notes: on site.",
            {2, 3},
        ),
        ("Call booked by - dispatch (Sam)\nCause: toilet overflow\n\nOn site.", {1, 2}),
        # a capitalised intake title opens its block down to the rule
        ("ACME RESTORATION - PHONE BOOKING\nCaller: Lee Tran\nCause: burst hose\n=====\nOn site.", {1, 2, 3}),
        # near misses: a reading taken by the tech, an intake in a sentence, a lower-case "booking"
        ("Reading taken by: Sam (tech)\nHall wall 34\n\nOn site.", set()),
        ("Readings 8.30am. Air intake on the roof checked.\nDuct dry.", set()),
        ("Loss intake\nCause: burst hose\n\nOn site.", set()),
    ],
)
def test_an_intake_marked_by_who_took_the_call_is_second_hand(notes: str, expected: set[int]) -> None:
    assert _numbers(notes) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the intake's source (a washer) gives way to the source the writer found and graded
        (
            "HARBOUR DRY LTD\nTaken by: Priya (office)\nCause: washing machine overflow - Cat 2\n-----\n"
            "Tech: it was the washer's cold fill hose that split, not the drain. Mains supply, Cat 1.\n"
            "Laundry vinyl wet.\n",
            1,
        ),
        (
            "ACME RESTORATION - CALL SHEET\nCause: sewer backup in the laundry - Cat 3\n=====\n"
            "On site: the laundry tap's braided hose let go. Clean water, Category 1.\nLaundry tiles wet.\n",
            1,
        ),
        # near miss: no grade of the writer's own, so the intake's source still judges it
        (
            "HARBOUR DRY LTD\nTaken by: Priya (office)\nCause: washing machine overflow\n-----\n"
            "Tech: laundry vinyl wet, about 2 m2.\n",
            2,
        ),
    ],
)
def test_an_intake_source_gives_way_to_the_writers_graded_source(text: str, expected: int) -> None:
    category = analyze_text(text).water_category
    assert category is not None and category.value == expected


def test_the_writer_s_own_section_heading_ends_the_booking_block() -> None:
    from chalicelib.analysis.offline.dispatch_blocks import second_hand_lines
    from chalicelib.analysis.offline.text import prepare_lines

    for heading in ("SITE ATTENDANCE 14/3 9:20", "Technician notes (on site 4 Mar)", "ON SITE - DAY ONE"):
        # Given an intake table that runs straight into the technician's own notes
        lines = prepare_lines(
            "NEW LOSS INTAKE (office)\n| Caller | A. Wu |\n| Category | Cat 1 - clean |\n"
            f"{heading}\nIt is the shower waste that failed - grey water, Cat 2.\n"
        )
        second = second_hand_lines(lines)
        # Then the booking's rows are second-hand and the writer's lines are not
        assert {2, 3} <= second and 5 not in second
    # But a field of the block in capitals with its colon is no heading
    lines = prepare_lines("NEW LOSS INTAKE (office)\nCALLER: A WU\nROOMS: KITCHEN\n")
    assert 3 in second_hand_lines(lines)
