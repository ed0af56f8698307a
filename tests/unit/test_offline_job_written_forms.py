"""Job facts in forms people write without a form's labels: the policy's own dates, an English or a
lettered street with its suburb and city, the insured as a heading's person, a relative's policy, a
homeowner or an owner written with no colon, an American carrier's file number, and an office
intake's loss day the technician corrects."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis import analyze_text

_RECEIVED = date(2026, 12, 31)


def _job(text: str):  # type: ignore[no-untyped-def]
    return analyze_text(text, received=_RECEIVED).job


def _value(fact: object) -> object:
    return getattr(fact, "value", None)


# --- the policy's own days ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "policy_line",
    [
        "Policy incepted 02/02/2026; no earlier escape of water on the file.",
        "Cover renewed on 1 May 2026 - no escape of water claims since.",
        "Inception of policy 15/01/2026, no prior escape of water.",
    ],
)
def test_the_policys_start_is_not_the_loss(policy_line: str) -> None:
    # Given an adjuster's notes that give the loss no day, and end on the policy's own start day
    text = (
        "Adjuster's notes - 6 Elmhurst Vale, Bath BA2 4QT\n"
        "Visit: Friday 18 September 2026.\n"
        "The washing machine hose had been weeping for a while behind the machine.\n"
        "Lounge 4 x 3.5 m: ceiling wet about 2 m2.\n"
        f"{policy_line}\n"
    )
    # When the job is read
    job = _job(text)
    # Then the policy's day is no loss day
    assert job.date_of_loss is None


def test_a_loss_day_beside_the_policy_is_still_the_loss() -> None:
    # Given (the near miss) a loss line that names the policy but no start of it
    text = (
        "Adjuster's notes - 6 Elmhurst Vale, Bath BA2 4QT\n"
        "Escape of water under this policy on 15/09/2026: the washing machine hose split.\n"
        "Lounge 4 x 3.5 m: ceiling wet about 2 m2.\n"
    )
    # When the job is read
    job = _job(text)
    # Then the loss day stands
    assert _value(job.date_of_loss) == date(2026, 9, 15)


# --- streets --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Policyholder: Mr Idris Vaughan, 41 Ashgrove Vale, Bath BA1 2XY", "41 Ashgrove Vale, Bath BA1 2XY"),
        ("Policyholder: Ms Nell Garside, 9 Kestrel Mount, Otley LS21 3AB", "9 Kestrel Mount, Otley LS21 3AB"),
        ("12 Banksia Crt, Karama NT 0812. Tenant on site.", "12 Banksia Crt, Karama NT 0812"),
        ("MAP - 5 Rimu Terrace, Sydenham, Christchurch 8023", "5 Rimu Terrace, Sydenham, Christchurch 8023"),
        ("22 Avenue K North, Regina, SK S4N 1A1", "22 Avenue K North, Regina, SK S4N 1A1"),
        ("Shop front at 1500 Avenue J, Brooklyn, NY 11230", "1500 Avenue J, Brooklyn, NY 11230"),
    ],
)
def test_a_street_is_read_with_its_suburb_and_city(line: str, expected: str) -> None:
    # Given a street of a type or a form written in England, the Territory, New Zealand or a
    # lettered avenue, with its suburb and its city before the postcode
    text = f"Drying record\n{line}\nLaundry floor wet, vinyl lifted.\n"
    # When the job is read
    job = _job(text)
    # Then the whole address is read
    assert _value(job.address) == expected


def test_a_second_place_after_a_street_needs_a_postcode() -> None:
    # Given (the near miss) a street whose town is followed by rooms, not by a postcode
    text = "Drying record\nSite at 14 Totara Street, Hamilton, Lounge and hall wet.\n"
    # When the job is read
    job = _job(text)
    # Then the rooms are not read into the address
    assert _value(job.address) == "14 Totara Street, Hamilton"


# --- the insured ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Insured entity: Mangrove Point Leisure Pty Ltd", "Mangrove Point Leisure Pty Ltd"),
        (
            "Hi Pat, the policy is in my wife's name (Ingrid Solberg), 4 Birch Cl, Nepean ON K2G 1A1.",
            "Ingrid Solberg",
        ),
        ("Hello - the policy is in my father's name, Tomasz Wrona. He is away.", "Tomasz Wrona"),
        ("Homeowners Ana and Luis Ortega. Claim # AZ-55-120", "Ana and Luis Ortega"),
        ("Homeowner Priscilla Doane, on site all day.", "Priscilla Doane"),
        ("12 Banksia Crt, Karama NT 0812. Owner T. Vasquez-Lee (lives overseas).", "T. Vasquez-Lee"),
        ("Ana & Luis Ortega | 12 Pecan Dr, Tempe, AZ 85281 | Claim - 7719", "Ana & Luis Ortega"),
        ("Tomas Reyes Sr., 40 Oak Dr, Mesa, AZ 85203 - carrier ref 88-1", "Tomas Reyes Sr."),
    ],
)
def test_the_insured_written_without_a_forms_label(line: str, expected: str) -> None:
    # Given the insured as a field called an entity, a relative's policy, a homeowner or an owner
    # with no colon, or a person heading the notes with their street
    text = f"Drying notes\n{line}\nKitchen floor wet, about 6 m2.\n"
    # When the job is read
    job = _job(text)
    # Then that person or body is the insured
    assert _value(job.insured) == expected


@pytest.mark.parametrize(
    "line",
    [
        "The policy is in my husband's name, as he bought the house.",
        "Homeowners Association meeting notes attached.",
        "12 Banksia Crt, Karama NT 0812. Owner R. Tait's agent rang about it.",
        "Coastal Dry Solutions, 14 Port Rd, Adelaide SA 5000",
    ],
)
def test_words_after_those_forms_that_are_no_name_are_no_insured(line: str) -> None:
    # Given (the near miss) the same forms followed by no person's name, or a firm heading its street
    text = f"Drying notes\n{line}\nKitchen floor wet, about 6 m2.\n"
    # When the job is read
    job = _job(text)
    # Then nobody is made the insured
    assert job.insured is None


# --- the claim number ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Dana Whitlock, 71 Juniper Dr, Boise, ID 83702 - carrier file no. ID-HO-551207", "ID-HO-551207"),
        ("Carrier's claim # 44-99217", "44-99217"),
    ],
)
def test_the_carriers_file_is_the_claim(line: str, expected: str) -> None:
    # Given an American's notes that call the insurer the carrier
    text = f"Project narrative\n{line}\nHall carpet wet.\n"
    # When the job is read
    job = _job(text)
    # Then the carrier's number is the claim
    assert _value(job.claim_number) == expected


def test_a_carrier_named_with_no_number_is_no_claim() -> None:
    # Given (the near miss) the carrier named, and only our own file numbered
    text = "Project narrative\nCarrier: Plainsview Mutual. Our file no. 2026-118.\nHall carpet wet.\n"
    # When the job is read
    job = _job(text)
    # Then no claim number is made up
    assert job.claim_number is None


# --- an intake's loss day the technician corrects -------------------------------------------------


@pytest.mark.parametrize(
    "own_account",
    [
        "Tenant ran the dishwasher Wednesday 9/12 about 8 pm and the hose split; floor wet by 10 pm, "
        "so the leak started Wednesday night.",
        "The washing machine hose burst on Wednesday 9/12 at 9 pm while the family was out.",
    ],
)
def test_the_technicians_loss_day_overrules_the_intakes(own_account: str) -> None:
    # Given an office intake that books the loss on the day of the call, and the technician's own
    # account of the day before
    text = (
        "=== OFFICE INTAKE (phone, Thu 10/12/2026 7.40 am) ===\n"
        "Insured: Pahl, Greta\n"
        "Address: 8 Moana Road, Kiama NSW 2533\n"
        "Loss: roof leak into the kitchen, DOL Thu 10/12.\n"
        "=== TECHNICIAN (on site Thu 10/12 10.30 am) ===\n"
        f"Intake is wrong on the source. No roof leak. {own_account}\n"
        "Kitchen 4 x 3 m, laminate wet about 5 m2.\n"
    )
    # When the job is read
    job = _job(text)
    # Then the loss is the technician's day, not the booking's
    assert _value(job.date_of_loss) == date(2026, 12, 9)


def test_an_intakes_loss_day_the_technician_repeats_stands() -> None:
    # Given (the near miss) a technician who tells the loss on the intake's own day
    text = (
        "=== OFFICE INTAKE (phone, Thu 10/12/2026 7.40 am) ===\n"
        "Insured: Pahl, Greta\n"
        "Address: 8 Moana Road, Kiama NSW 2533\n"
        "Loss: dishwasher hose split, DOL Thu 10/12.\n"
        "=== TECHNICIAN (on site Thu 10/12 10.30 am) ===\n"
        "The dishwasher hose split at 6 am Thursday 10/12, as booked.\n"
        "Kitchen 4 x 3 m, laminate wet about 5 m2.\n"
    )
    # When the job is read
    job = _job(text)
    # Then the booked day stands
    assert _value(job.date_of_loss) == date(2026, 12, 10)
