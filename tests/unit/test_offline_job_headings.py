"""The insured and address where a heading or an e-mail gives them without their own label: a job
filed under the customer's name, the policyholder asking about their cover, the next field on an
address's line."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text


def _insured(text: str) -> str | None:
    job = analyze_text(text).job
    return job.insured.value if job.insured else None


def _address(text: str) -> str | None:
    job = analyze_text(text).job
    return job.address.value if job.address else None


def test_a_heading_filing_the_claim_under_the_customers_name_gives_the_insured() -> None:
    # Given a heading with the claim, the household's names, then the street
    text = (
        "AMI claim 55-20931 - Tama & Mere Walker, 7 Rata Street, Naenae, Lower Hutt 5011\n"
        "The washing machine hose burst on Monday. Carpet wet in the hall.\n"
    )
    # Then the insured is the household named in the heading
    assert _insured(text) == "Tama & Mere Walker"


def test_a_heading_naming_a_building_before_the_street_gives_no_insured() -> None:
    # Given a heading with a building's name where a customer's would be
    text = "Job: Harbour View, 12 Quay Street, Auckland 1010\nThe ceiling leaked in unit 4.\n"
    # Then no insured is read from it
    assert _insured(text) is None


def test_the_policyholder_asking_about_their_cover_names_themselves_as_sender() -> None:
    # Given a homeowner's e-mail to the claims team
    text = (
        "From: Priya Natarajan\n"
        "To: claims team\n"
        "Subject: dishwasher leak at 4 Kauri Lane, Takapuna 0622\n"
        "\n"
        "The drying man left two fans. Could you let me know if we're covered for the vinyl?\n"
        "\n"
        "Thanks,\nPriya Natarajan\n"
    )
    # Then the sender is the insured
    assert _insured(text) == "Priya Natarajan"


def test_an_address_ends_where_the_next_field_on_its_line_begins() -> None:
    # Given a report header with two fields on one line
    text = "Property: 44 W Juniper Dr, Chandler, AZ 85224 Site visit: 05/02/2026\nSlab leak.\n"
    # Then the address stops before the site visit
    assert _address(text) == "44 W Juniper Dr, Chandler, AZ 85224"


@pytest.mark.parametrize(
    ("line", "street"),
    [
        ("U5/22 Frangipani Ct, Parap NT 0820 - washing machine", "U5/22 Frangipani Ct, Parap NT 0820"),
        ("Job at 8 Kōwhai Lane, Roslyn after the flexi let go", "8 Kōwhai Lane, Roslyn"),
        (
            "Suite 9, 980 Côte-Vertu Blvd W, Montréal, QC H4L 1Y7 - floor 3",
            "980 Côte-Vertu Blvd W, Montréal, QC H4L 1Y7",
        ),
        ("Customer at 5210 47 St NW, Calgary AB T3A 1B2 rang at 8", "5210 47 St NW, Calgary AB T3A 1B2"),
        (
            "Condo at 3320 rue Notre-Dame, Lachine QC H8S 2H1 - sink drain",
            "3320 rue Notre-Dame, Lachine QC H8S 2H1",
        ),
        ("File for 4 Weir Cottages, Pershore WR10 1AB - river flood", "4 Weir Cottages, Pershore WR10 1AB"),
    ],
)
def test_a_street_in_prose_with_accents_a_unit_a_grid_number_or_a_french_type_is_read(
    line: str, street: str
) -> None:
    # Given a job's street told in a line with no address label
    # Then the whole street is read
    address = _address(f"{line}\nThe floor was wet.\n")
    assert address is not None and street in address


def test_an_address_the_writer_marks_with_a_question_mark_is_not_given() -> None:
    # Given a first-response note unsure of the unit's number
    text = "Site: Flat 3, 9 Gully Rd, Ipswich? (tenant unsure - check with the agent)\nKitchen wet.\n"
    # Then no address is given
    assert _address(text) is None


def test_a_titled_person_heading_the_note_before_the_street_is_the_insured() -> None:
    # Given a note headed by the householder and the street, no label
    text = "Site notes\nMr T. Ashworth, 22 Mill Lane, Ely CB7 4DQ\nCeiling stain under the bathroom.\n"
    # Then the insured is that person
    assert _insured(text) == "Mr T. Ashworth"


def test_the_insured_named_by_the_word_in_a_reference_line_is_the_insured() -> None:
    # Given a review's reference line naming the insured without a colon
    text = "Re: Claim No. HX-55-2031, insured Marisol Beckett-Ruiz\nSlab leak under the kitchen.\n"
    # Then the insured is read
    assert _insured(text) == "Marisol Beckett-Ruiz"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a job heading's cells set apart by bars: the number, the customer, the street
        ("JOB 26-1187  |  Wierzbicki  |  7 Derwent Crest Kingston\nAttended 03/03/2026\n", "Wierzbicki"),
        ("Job 4471 | Okafor | 12 Birch Rd, Hamilton 3204\nAttended 03/03/2026\n", "Okafor"),
        # near miss: a cell that names the notes, not a customer
        ("JOB B-220 | Tech notes | 4 Elm St, Napier\nAttended 03/03/2026\n", None),
    ],
)
def test_a_job_heading_in_barred_cells_files_the_job_under_the_customer(
    text: str, expected: str | None
) -> None:
    assert _insured(text) == expected
