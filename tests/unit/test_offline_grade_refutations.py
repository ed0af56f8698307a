"""A category someone else gives and the notes reject is neither the stated grade nor evidence."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "value", "stated"),
    [
        (
            'Src: WM drain hose jumped out of standpipe. Tenant reckons "just clean water, cat 1" - no,'
            " WM discharge = Cat 2.\nLaundry tiles wet.\n",
            2,
            2,
        ),
        (
            "Their tech said the water came through the attic insulation and was brown, so they are"
            " treating it as Category 2, not clean water. (The roofer had told us it was just snowmelt,"
            " so clean water, Category 1.)\nBedroom ceiling wet.\n",
            2,
            2,
        ),
        (
            "Mains water through a warm ceiling for two days: I assess it as Category 2. The contractor's"
            " job sheet says Category 1; I do not agree.\nNappy room vinyl wet.\n",
            2,
            2,
        ),
    ],
)
def test_a_rejected_category_is_set_aside(text: str, value: int, stated: int) -> None:
    # Given notes where one category is given and then rejected
    category = analyze_text("Job 1. 5 Bay Rd, Kambah ACT 2902\n" + text).water_category
    # Then the grade kept is the one the notes stand by
    assert category is not None and (category.value, category.stated) == (value, stated)


def test_no_before_a_noun_is_a_finding_not_an_answer() -> None:
    # Given a stated grade followed by the writer's own finding that starts with "no"
    text = (
        "Job 3. 5 Bay Rd, Kambah ACT 2902\n"
        "Loss: cistern fill valve stuck, the supply line itself sound; pan kept filling over the rim.\n"
        "Cat 2 - toilet bowl overflow, no solids in the bowl, under a day.\nEnsuite vinyl wet.\n"
    )
    category = analyze_text(text).water_category
    # Then the stated grade stands: "no solids" does not answer "Cat 2"
    assert category is not None and (category.value, category.stated) == (2, 2)


def test_a_category_nobody_rejects_stands() -> None:
    # Given a plain supply-line leak the notes call Category 1
    text = "Job 2. 5 Bay Rd, Kambah ACT 2902\nSupply line burst: clean water, Category 1.\n"
    category = analyze_text(text).water_category
    # Then it is Category 1
    assert category is not None and category.value == 1


@pytest.mark.parametrize(
    "text",
    [
        "Category 1 (clean treated water). Class 1: under 5% of the floor wet, little absorbed. The"
        " insurer's phone triage logged it as Class 2 before anyone had seen it; that is not supported"
        " by what we found.\n",
        "Class 1: a metre of sheet vinyl wet. A quote from another contractor described it as Class 2,"
        " which the evidence does not support: nothing came from above.\n",
    ],
)
def test_a_rejected_class_is_set_aside(text: str) -> None:
    # Given notes that state Class 1 and reject someone else's Class 2
    water_class = analyze_text("Job 3. 5 Bay Rd, Kambah ACT 2902\nSurgery vinyl wet.\n" + text).water_class
    # Then the class stated is the one the notes stand by
    assert water_class is not None and water_class.stated == 1


def test_a_booking_date_is_not_the_loss() -> None:
    # Given a job whose only date near the damage is when the booking came in
    text = 'Booking came in 12/03/25 from the strata office - "water damage, bedroom, urgent".\n'
    job = analyze_text("Unit 7, 4 Sea St, Mooloolaba QLD 4557\n" + text).job
    # Then the date of loss stays undetermined
    assert job.date_of_loss is None


def test_a_header_grade_the_body_contradicts_is_kept_as_stated_beside_the_judged_one() -> None:
    # Given a report header that says Category 1 / Class 1 over a creek flood soaking a room wall to wall
    notes = (
        "Address: 12 Mill Rd, Dayton, OH 45419\n"
        "Water category: Category 1 - clean water\n"
        "Water class: Class 1\n"
        "The creek behind the house came over its bank; creek water came in through the window wells.\n"
        "Basement family room 26 x 15 ft: carpet and pad soaked wall to wall, drywall wicking 14 in.\n"
        "Utility room: 1 in. of water on the concrete, extracted.\n"
    )
    findings = analyze_text(notes)
    category, water_class = findings.water_category, findings.water_class
    # Then the judged grades are Category 3 and Class 2, and the stated ones are kept beside them
    assert category is not None and (category.value, category.stated) == (3, 1)
    assert water_class is not None and (water_class.value, water_class.stated) == (2, 1)
    assert "The notes state Class 1" in water_class.justification


def test_a_stated_class_1_stands_over_a_small_patch_of_wet_carpet() -> None:
    # Given a stated Class 1 where carpet and underlay are wet over a small area only
    notes = (
        "Site: 4 Ash St, Lockleys SA 5032\n"
        "CAT 3 - sewage. CLASS 1 - mostly tiles, small carpet area only.\n"
        "Bathroom 2.6 x 1.7 - tiled floor, whole floor wet\n"
        "Hallway - cpt + u/lay wet approx 2.5 m2 outside bathroom door\n"
    )
    water_class = analyze_text(notes).water_class
    # Then the technician's call stands
    assert water_class is not None and (water_class.value, water_class.stated) == (1, 1)


def test_a_backed_up_floor_drain_or_grease_interceptor_is_a_category_3_source() -> None:
    # Given a restaurant's dish-pit drain backing up behind a blocked grease interceptor
    notes = (
        "Location: 2210 SE Division St, Portland, OR 97202\n"
        "Water around the floor drain in the dish pit. The grease interceptor downstream had blocked and"
        " the drain backed up overnight. Gray-brown water with food solids, foul odor. Category 3.\n"
    )
    category = analyze_text(notes).water_category
    # Then the category has its source as the reason, not only the notes' word for it
    assert category is not None and category.value == 3
    assert category.justification.startswith("Source:")
    # And a dishwasher's drain is still Category 2
    dishwasher = analyze_text("Dishwasher drain hose leaked under the kitchen cabinets.\n").water_category
    assert dishwasher is not None and dishwasher.value == 2


def test_a_relatives_guess_the_sentence_says_the_technician_rejected_is_not_the_stated_grade() -> None:
    # Given a homeowner reporting the technician's Category 2 and a relative's Category 1 he turned down
    notes = (
        "The drying technician said it was Category 2 because it came from the laundry tub waste."
        " My neighbour reckoned it would be Category 1 as it was only rinse water, but Marco was clear it"
        " isn't. Water across the laundry vinyl.\n"
    )
    category = analyze_text(notes).water_category
    # Then the technician's grade is the stated one
    assert category is not None and (category.value, category.stated) == (2, 2)


def test_a_source_denied_assumed_or_only_in_the_subject_does_not_grade_the_water() -> None:
    from chalicelib.analysis import classify_water_source

    # Given an appliance that "never drained", and a belief the writer had before the plumber came
    denied = classify_water_source("the washer never drained - it was the supply hose")
    assert denied is None or denied[0] == 1
    assert classify_water_source("I assumed it was clean water because it came from the tap") is None
    # And an e-mail whose subject names the washer while the body names the supply hose
    notes = (
        "Subject: Claim AB-1234 - washer flood, what's happened\n"
        "Hi Jo,\nThe plumber found the cold supply hose to the washer had split at the tap. Laundry vinyl"
        " and the hall carpet wet.\n"
    )
    category = analyze_text(notes).water_category
    # Then the body's supply hose grades it, Category 1
    assert category is not None and category.value == 1


def test_a_category_stated_after_the_water_s_story_is_justified_by_it() -> None:
    # Given a storm job whose notes tell where the water went, then give the grade after a colon
    notes = (
        "Date of loss: 14/02/2026, storm\n"
        "Rain that came under the ridge capping and ran over the ceiling battens and old dust: Category 2.\n"
        "Lounge ceiling wet approx 5 m2.\n"
    )
    category = analyze_text(notes).water_category
    # Then the stated grade carries that story as its reason
    assert category is not None and category.value == 2
    assert "ridge capping" in category.justification
    # (a bare grade after a colon is no reason)
    bare = analyze_text("Roof leak in the storm.\nLounge ceiling wet approx 5 m2.\nCat: Category 2.\n")
    assert bare.water_category is not None and not bare.water_category.justification.strip()


@pytest.mark.parametrize(
    ("text", "value", "stated"),
    [
        (
            "Card: Cause washer leak   Cat: 2\nFound a dripping cold tap, clean mains water = Category 1."
            " (The office had\nCat 2 on the card because it was booked as a washer job.)\n"
            "Laundry tiles wet.\n",
            1,
            1,
        ),
        (
            "Burst flexi under the basin, clean supply water: Category 1. I can't agree with the booking"
            " sheet that it should be treated as Category 2.\nVanity kick wet.\n",
            1,
            1,
        ),
    ],
)
def test_a_grade_reported_from_someone_else_is_set_aside(text: str, value: int, stated: int) -> None:
    # Given the writer's own category and the office's different one, reported
    category = analyze_text("Job 4. 5 Bay Rd, Kambah ACT 2902\n" + text).water_category
    # Then the writer's grade is the one kept, and the office's is no evidence
    assert category is not None and (category.value, category.stated) == (value, stated)


def test_a_class_the_intake_sheet_gave_is_set_aside() -> None:
    # Given the writer's Class 3 and, in brackets, the intake sheet's Class 2
    text = (
        "Job 5. 5 Bay Rd, Kambah ACT 2902\nClass 3 - water from the flat above soaked the lounge ceiling."
        " (The intake sheet put it as Class 2 before anyone had been up.)\nLounge ceiling wet.\n"
    )
    water_class = analyze_text(text).water_class
    # Then Class 3 stands
    assert water_class is not None and (water_class.value, water_class.stated) == (3, 3)


def test_a_grade_the_writer_agrees_with_is_kept() -> None:
    # Given the office's grade reported and agreed with
    text = (
        "Job 6. 5 Bay Rd, Kambah ACT 2902\nSewer backed up through the floor drain. The office coded it"
        " Category 3, which is right.\nBasement carpet wet.\n"
    )
    category = analyze_text(text).water_category
    # Then it is Category 3
    assert category is not None and category.value == 3


def test_sources_listed_as_candidates_are_guesses() -> None:
    # Given a list of possible sources under a header that says it is not known
    text = (
        "Job 7. 5 Bay Rd, Kambah ACT 2902\nHall ceiling stained and soft.\nSource not found yet. Could be:\n"
        "1) the evaporative cooler on the roof\n2) a supply line in the wall behind the bath\n"
        "3) the roof sheeting\nNobody has been in the roof space yet.\n"
    )
    # Then no category is judged from them
    assert analyze_text(text).water_category is None


def test_a_room_named_for_an_appliance_names_no_source() -> None:
    # Given a closet named for the water heater in it, found dry
    text = "Job 8. 5 Bay Rd, Kambah ACT 2902\nBedroom carpet damp.\nWater heater closet: floor and pan dry.\n"
    # Then no clean-water source is read from it
    assert analyze_text(text).water_category is None


@pytest.mark.parametrize(
    ("text", "quoted", "left_out"),
    [
        (
            # A job story's one-line paragraph: the grade and its reason close it.
            "Rang at 7:40 on Monday; the owner had come down to make breakfast and heard the drip"
            " through the pantry ceiling, then found the upstairs ensuite vanity's waste joint had"
            " parted. It had sat on the ceiling boards since Friday because nobody was home. We graded it"
            " Category 2.\nPantry ceiling wet.\n",
            "It had sat on the ceiling boards since Friday because nobody was home. We graded it Category 2.",
            "Rang at 7:40",
        ),
        (
            # The grade's own sentence says why: it is quoted alone.
            "Arrived 2 pm to a long list of jobs from the landlord and a tenant who wanted to talk about"
            " the lease before anything else, which we politely deferred to the agent. Category 1 because"
            " it had only been there an hour and nothing it ran over was dirty.\nKitchen wet.\n",
            "Category 1 because it had only been there an hour and nothing it ran over was dirty.",
            "Arrived 2 pm",
        ),
    ],
)
def test_a_grade_stated_inside_a_paragraph_quotes_its_sentence_not_the_paragraph_opening(
    text: str, quoted: str, left_out: str
) -> None:
    category = analyze_text(text).water_category
    assert category is not None and category.stated is not None
    assert quoted in category.justification
    assert left_out not in category.justification


def test_a_short_line_stating_a_grade_is_quoted_whole() -> None:
    category = analyze_text("Cat 2 because of the two days it sat.\nKitchen vinyl wet.\n").water_category
    assert category is not None
    assert "Cat 2 because of the two days it sat." in category.justification


@pytest.mark.parametrize(
    "text",
    [
        'The owner asked whether it counts as grey water "since it is the laundry". No - the cold tap'
        " supply split, clean water. Category 1.\nLaundry vinyl wet.\n",
        "My neighbour says this is grey water - it isn't, the fridge line let go. Category 1.\nKitchen"
        " vinyl wet.\n",
    ],
)
def test_someone_elses_view_of_the_water_is_no_evidence_against_the_writers_grade(text: str) -> None:
    category = analyze_text(text).water_category
    assert category is not None and category.value == 1


def test_a_grey_water_source_the_writer_tells_still_grades_category_2() -> None:
    text = "The washing machine drain hose came off mid-cycle; grey water over the laundry. Category 1.\n"
    category = analyze_text(text).water_category
    assert category is not None and category.value == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a form's default the writer overrules with a grade of their own
        (
            "Class 1 - a damp strip of vinyl by the sink, nothing wicked. The claims system had it"
            " pre-filled as Class 3; that is only its default.\nKitchen vinyl wet.\n",
            (1, 1),
        ),
        (
            "My call is Class 1: the tiles shed it and the wall took none. The insurer's web form"
            " defaulted to Class 2.\nBathroom tiles wet.\n",
            (1, 1),
        ),
        # a bystander's opinion, which the writer answers with the grade the technician gave
        (
            "The technician put it at Class 2, a third of the basement carpet wet. My uncle insists it"
            " should be Class 4 because it is the basement; I left it with the technician.\n"
            "Basement carpet wet.\n",
            (2, 2),
        ),
        (
            "Class 2 per the drying tech. Our neighbour reckons it is Class 3, but he was not here.\n"
            "Lounge carpet and pad wet.\n",
            (2, 2),
        ),
        # near miss: the bystander's grade is the only one the notes give, so it is not set aside
        (
            "My cousin thinks it is Class 2 - carpet and pad wet across the lounge.\nLounge carpet wet.\n",
            (2, 2),
        ),
    ],
)
def test_a_class_a_form_or_a_bystander_gave_is_set_aside_for_the_writers(
    text: str, expected: tuple[int, int]
) -> None:
    # Given a class the writer's own overrules, from a pre-filled form or a relative's opinion
    water_class = analyze_text("Job 7. 5 Bay Rd, Kambah ACT 2902\n" + text).water_class
    # Then the writer's class is the stated and judged one
    assert water_class is not None and (water_class.value, water_class.stated) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a grade field the writer leaves open: the grades it names are only supposed
        (
            "Source not found yet: pipe, groundwater or the storm drain.\nCategory: cannot say until the"
            " leak is traced - supply water would be Cat 1, the drain would not.\nStore room slab wet.\n",
            None,
        ),
        (
            "Source not found yet: pipe, groundwater or the storm drain.\nCategory: unknown - Category 1"
            " only if it proves to be the supply pipe.\nStore room slab wet.\n",
            None,
        ),
        # near miss: a grade field the writer fills in stands
        (
            "Supply pipe split under the bench.\nCategory: 1 - clean supply water.\nStore room slab wet.\n",
            1,
        ),
    ],
)
def test_a_category_field_left_open_states_no_grade(text: str, expected: int | None) -> None:
    # Given a category field that says the grade cannot be given yet, then supposes one
    category = analyze_text("Job 8. 5 Bay Rd, Kambah ACT 2902\n" + text).water_category
    # Then no category is stated from it
    assert (category.value if category is not None else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short form of the class word in a field note
        (
            "Src: HWS relief valve, potable.\nCat 1, Cl 1 - small patch of tiles only.\nLaundry tiles wet.\n",
            1,
        ),
        ("Cls. 3 - ceiling down in the lounge, batts soaked.\nLounge ceiling wet.\n", 3),
    ],
)
def test_a_short_form_of_the_class_word_states_the_class(text: str, expected: int) -> None:
    water_class = analyze_text(text).water_class
    assert water_class is not None and water_class.stated == expected


def test_a_short_form_needs_a_class_number_after_it() -> None:
    # Given "cl" that is not the class word (a clause mark, a chemical)
    water_class = analyze_text(
        "Pool room: Cl 250 ppm in the tank water.\nPool room carpet wet.\n"
    ).water_class
    assert water_class is None or water_class.stated is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # water from a washing machine, told with "from" / "out of"
        (
            "The water from the washing machine ran over the laundry floor and into the hall.\n"
            "Hall carpet wet.\n",
            2,
        ),
        ("Leak out of the dishwasher overnight, kitchen floorboards wet.\n", 2),
        # used water from a fixture: a sink's waste, dishwater
        ("It was sink waste - dishwater with scraps - under the vanity. Vanity floor wet.\n", 2),
        ("Basin waste water had been seeping into the wall cavity for weeks.\nBathroom wall wet.\n", 2),
        # but the washer's supply hose named after it is clean water
        ("Water from the washer's inlet hose across the laundry tiles.\n", 1),
    ],
)
def test_a_machine_s_or_a_fixture_s_used_water_is_category_2(text: str, expected: int) -> None:
    category = analyze_text(text).water_category
    assert category is not None and category.value == expected


@pytest.mark.parametrize(
    "text",
    [
        # a source word inside a firm's name
        "Harbour Flood Water Services arrived at 9 and lifted the carpet.\nLounge carpet wet.\n",
        "The plumber from Eastside Sewage Solutions checked the pipes; the hall carpet is wet.\n",
    ],
)
def test_a_firm_named_for_a_source_names_no_source(text: str) -> None:
    from chalicelib.analysis import classify_water_source

    assert all(
        classify_water_source(line) is None or classify_water_source(line)[0] < 3
        for line in text.splitlines()
    )


@pytest.mark.parametrize(
    "text",
    [
        # the question someone else asked about the water
        "Ground floor office carpet wet. The manager wondered whether it was sewage; the plumber"
        " found a burst cold pipe.\n",
        "The tenant asked if this was grey water. It was the cold supply line to the basin.\n"
        "Bathroom vinyl wet.\n",
    ],
)
def test_a_question_about_the_water_is_no_source(text: str) -> None:
    category = analyze_text(text).water_category
    assert category is not None and category.value == 1


@pytest.mark.parametrize(
    "header",
    ["Source: NOT FOUND.", "Cause of loss - unknown", "Origin: not yet identified", "Source: ??"],
)
def test_places_checked_under_an_open_source_field_are_no_source(header: str) -> None:
    # Given a source field left open, and the places checked listed under it
    text = (
        f"{header}\n- Hot water system in the garage: base dry, valve not dripping.\n"
        "- Supply pipe in the wall: no access yet.\nLounge carpet wet along the east wall.\n"
    )
    # Then no category is judged from them
    assert analyze_text(text).water_category is None


def test_a_source_in_a_title_case_heading_is_still_the_source() -> None:
    from chalicelib.analysis import classify_water_source

    # the near miss: a heading's words, not a firm's name (no trade word, no initials)
    found = classify_water_source("Basement Sewage Backup at 14 Elm Rd")
    assert found is not None and found[0] == 3


@pytest.mark.parametrize(
    "line",
    [
        "CLASS 1 - the work order form says Class 3, not what I measured.",
        "Class 1: booking notes said Cl 2; only the tiles are wet.",
    ],
)
def test_the_booking_s_grade_reported_beside_the_writer_s_own_is_not_the_stated_one(line: str) -> None:
    water_class = analyze_text(line + "\nBathroom tiles wet approx 1 m2.\n").water_class
    assert water_class is not None and water_class.stated == 1


def test_a_fixture_s_waste_named_only_as_a_thing_to_test_is_no_source() -> None:
    # the near miss: the waste fitting listed in a to-do, not the water
    text = (
        "Stain on the hall ceiling below the bathroom.\n"
        "- Book plumber: leak detection (basin waste, flood test).\n"
    )
    assert analyze_text(text).water_category is None
