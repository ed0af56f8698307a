"""Claim references and insureds in more of the forms files give them: an abbreviated insurer's
reference, an incident number on the insurer's line, "Insurance:" for "Insurer:", a reference told
where it was written; a role bracketed "(insured)", an agent acting for the owner after a comma, a
numbered company, a trading name after "t/a" or "o/a", and the policyholder's own mail about the
family and the floors."""

from __future__ import annotations

import pytest

from chalicelib.analysis.findings import JobInfo
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.job import read_job
from chalicelib.analysis.offline.job_claim import claim_number
from chalicelib.analysis.offline.text import prepare_lines
from chalicelib.analysis.offline.visit_days import Visits


def _job(text: str) -> JobInfo:
    lines = prepare_lines(text)
    dates = Dates(lines, None)
    return read_job(lines, dates, Visits(dates))


def _insured(text: str) -> str | None:
    job = _job(text)
    return job.insured.value if job.insured else None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Job: WDN-26-118    Ins. ref: HOM55012877 (AAMI)", "HOM55012877"),
        ("Insurer: Coastal Business Cover - incident no. CBC-INC-2612-0044", "CBC-INC-2612-0044"),
        ("Insurance: Maritime Home Mutual, file MHM-NS-26-10452 (adjuster to call)", "MHM-NS-26-10452"),
        ("(the insurer's claim ref on the job sheet: QX-HC-2612-55310)", "QX-HC-2612-55310"),
    ],
)
def test_the_claim_reference_in_more_forms(line: str, expected: str) -> None:
    assert claim_number(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Insurer: Vero   Our file: SLA-2231",
        "Insurance: none yet, our file 4471",
        "Claim no. to follow: 12/11",
    ],
)
def test_our_file_or_a_date_is_still_no_claim(line: str) -> None:
    assert claim_number(line) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tenant (insured): Saltmarsh Analytics Pty Ltd\nSite: 4 Wharf St, Hobart TAS 7000\n",
            "Saltmarsh Analytics Pty Ltd",
        ),
        ("Client: Keystone Lettings on behalf of the owner, Mr Ewan Daubney\n", "Mr Ewan Daubney"),
        ("Insured: 1184220 Alberta Ltd. o/a Prairie Rose Diner\n", "1184220 Alberta Ltd"),
        ("Insured: Harbour Grind Pty Ltd t/a The Daily Grind\n", "Harbour Grind Pty Ltd"),
    ],
)
def test_the_insured_in_more_label_forms(text: str, expected: str) -> None:
    assert _insured(text) == expected


def test_a_phone_number_is_still_no_insured() -> None:
    assert _insured("Insured: 0412 556 701\n") is None


def test_the_policyholders_mail_about_the_family_names_the_sender() -> None:
    # Given a homeowner's email to the insurer that never says "our house"
    text = (
        "From: Ngaire Tuhoe\n"
        "To: claims@example.test\n"
        "Subject: RE: claim update - kitchen floor\n"
        "Thanks for coming out. The dryer fans are loud - my father-in-law nearly tripped on a hose.\n"
    )
    assert _insured(text) == "Ngaire Tuhoe"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table's row as a Word table gives it, and as a PDF's text does (cells a space apart)
        (
            "Field | Detail\nPolicyholder | Rhona Albiston\nProperty | 3 Kirk Wynd, Perth PH1 5QT\n",
            "Rhona Albiston",
        ),
        (
            "Item Detail\nInsured Dunmore Glass Studio Ltd\nSite 8 Mill Lane, Ennis\n",
            "Dunmore Glass Studio Ltd",
        ),
        ("Client / insured | Pemberton Rowing Club Inc\n", "Pemberton Rowing Club Inc"),
        # where the name was taken from, between the label and its colon
        ("Insured as per the policy schedule: Harwick Joinery Ltd.\n", "Harwick Joinery Ltd"),
    ],
)
def test_the_insured_in_a_tables_row_and_a_label_that_says_its_source(text: str, expected: str) -> None:
    assert (_insured(text) or "").rstrip(".") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Insured | Address | Phone\n",  # a header row: no name
        "Insured contents were moved to the garage.\n",  # prose: the words after are no name
        "Policyholder advised the leak started Friday.\n",
    ],
)
def test_a_header_row_or_prose_after_the_label_is_no_insured(text: str) -> None:
    assert _insured(text) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the insurer's own job number, abbreviated, beside our reference
        ("ins job no. QBE 5512-0031 / our ref DRY-2611-14", "QBE 5512-0031"),
        # a label given in two languages, then the table's cell
        ("Claim no. / No de réclamation | DSJ-44-901177", "DSJ-44-901177"),
        ("Claim # / Réclamation : LMC-26-30418", "LMC-26-30418"),
    ],
)
def test_the_claim_under_an_insurers_job_label_and_a_bilingual_label(line: str, expected: str) -> None:
    assert claim_number(line) == expected


@pytest.mark.parametrize(
    "line", ["Job no. 26-1187", "Our job no. DRY-2611-14", "Claim no. / policy | pending"]
)
def test_our_job_number_and_a_claim_not_yet_given_are_no_claim(line: str) -> None:
    assert claim_number(line) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table row led by its pipe, a comma inside the name, a bracket after it
        ("| Insured | Tallis & Daughters Joinery, LLC |\n", "Tallis & Daughters Joinery, LLC"),
        ("| Insured | Hugo Marchetti (owner, lives upstairs) |\n", "Hugo Marchetti"),
        # a surname-first household, its address after a wide gap
        ("Insd: Parata, Mere & Tane    14 Kauri St, Te Awamutu 3800\n", "Parata, Mere & Tane"),
        # a party whose bracket gives another role and the policy
        ("Prepared for: Quayside Court Ltd (freeholder and buildings policyholder)\n", "Quayside Court Ltd"),
        # a sentence opening with the insured
        (
            "Report for the bakery, as asked. Insured is Rise & Crumb Pty Ltd, tenancy 4.\n",
            "Rise & Crumb Pty Ltd",
        ),
    ],
)
def test_the_insured_in_rows_gaps_brackets_and_a_sentence(text: str, expected: str | None) -> None:
    assert _insured(text) == expected


def test_a_bracket_naming_only_another_role_is_no_insured() -> None:
    assert _insured("Prepared for: Quayside Court Ltd (freeholder)\n") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the next field's label on the same line, with no colon after the name
        ("Insured: NAKAMURA, Ken & Yuki Claim reference QBE-5521907\n", "NAKAMURA, Ken & Yuki"),
        ("Policyholder: Rhiannon Pugh Policy no. HH-0099812 (Admiral)\n", "Rhiannon Pugh"),
        ("Owner: Tomasz Wiśniewski Insurer claim: TD-44-2291\n", "Tomasz Wiśniewski"),
        ("Insured: Marguerite Holt Clm # 55-88120\n", "Marguerite Holt"),
    ],
)
def test_the_insured_stops_at_the_next_fields_label(text: str, expected: str) -> None:
    assert _insured(text) == expected


def test_a_name_that_only_contains_a_label_word_is_kept_whole() -> None:
    # the near miss: "Carrier" as part of a firm's name, not a label
    assert _insured("Insured: Carrier Street Bakery Pty Ltd\n") == "Carrier Street Bakery Pty Ltd"
