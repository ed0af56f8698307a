"""The insured told rather than labelled: a field tagged "(insured)", "the insured is ...", a caller
named by title after "got the call from", and the policyholder's mail about "our spare room"."""

from __future__ import annotations

import pytest

from chalicelib.analysis.findings import JobInfo
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.job import read_job
from chalicelib.analysis.offline.text import prepare_lines
from chalicelib.analysis.offline.visit_days import Visits


def _insured(text: str) -> str | None:
    lines = prepare_lines(text)
    dates = Dates(lines, None)
    job: JobInfo = read_job(lines, dates, Visits(dates))
    return job.insured.value if job.insured else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Drying report - lobby and lift well\n"
            "Body corporate: The Proprietors of Harbourside Lofts, Strata Plan 20417 (insured)\n"
            "Site: 8 Quay Rd, Fremantle WA 6160\n",
            "The Proprietors of Harbourside Lofts, Strata Plan 20417",
        ),
        (
            "From: Tess Moyle <tess@coastalrentals.example>\n"
            "Subject: Unit 4 leak\n\n"
            "I look after unit 4 for its owner. The claim is on the building cover, so the insured is"
            " Owners Corporation 2 PS 610233K. The tenant noticed the stain on Monday.\n",
            "Owners Corporation 2 PS 610233K",
        ),
        (
            "Job story - 14 Banksia Rd, Yeppoon\n\n"
            "Took the call from Ms Corinne Aldous on Monday just before 8. The dishwasher hose had split"
            " overnight and her husband had mopped what he could.\n",
            "Ms Corinne Aldous",
        ),
        (
            "From: Mere Tautahi\n"
            "To: claims@example.co.nz\n"
            "Subject: Claim 55-1200 - drying done\n\n"
            "Just to say the fans have gone from our spare room and the carpet is back down.\n\n"
            "Nga mihi, Mere\n",
            "Mere Tautahi",
        ),
        # a file's surname first, in capitals, after a lower-case abbreviation
        ("Claim 7730-118-WA    insd HARAWIRA, Mere\nLaundry vinyl wet.\n", "HARAWIRA, Mere"),
        # a body told as insured at the end of a sentence, its legal ending kept, the stop not
        (
            "Hall floor dried in four days. For the file: claim 22-90417, insured Kestrel Bay Rowing"
            " Club Inc.\n",
            "Kestrel Bay Rowing Club Inc",
        ),
    ],
)
def test_the_insured_told_in_words(text: str, expected: str) -> None:
    assert _insured(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no party named where the writer says who it is
        "Claim 4410\nThe insured is not known yet; the agent will confirm.\n",
        # a call from an agent is no owner's call
        "Job 77\nGot the call from Mrs Anne Lowe, the letting agent, about the flat's ceiling.\n",
        # capitals and a comma that are no surname-first name
        "Claim 7731\nKITCHEN, Hall and Laundry wet; insd to confirm.\n",
    ],
)
def test_no_insured_where_the_words_name_no_policyholder(text: str) -> None:
    assert _insured(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a field's person tagged with two roles, the second the policy's ("/" between them)
        (
            "Damp survey\nAddress: 9 Hollin Row, Otley LS21 1AB\nInstructed by: Mrs Petra Lindqvist"
            " (freeholder/policyholder)\n",
            "Mrs Petra Lindqvist",
        ),
        ("Intake\nCaller: Joaquin Ferreira (owner / insured)   Ph: 0400 111 222\n", "Joaquin Ferreira"),
        # a field's person tagged as the owner who lives there
        ("JOB SHEET\nRang in: Talia Brennan (owner occupier)\nSite: 5 Kauri Rd, Taupo\n", "Talia Brennan"),
        # the policyholders said as a plural, and a body told with its article
        (
            "Notes\nThe policy holders are Ines & Marco Vidal. The hall floor is lifted.\n",
            "Ines & Marco Vidal",
        ),
        (
            "Story\nThe insured is the Riverbend Pipe Band Society, who rent the upstairs hall.\n",
            "Riverbend Pipe Band Society",
        ),
        # a person tagged in prose, the role in a bracket after the name
        (
            "Job story\nThe flat below belongs to Mr Tobias Wren (policyholder, Kea Mutual claim KM-11) and"
            " was dry.\n",
            "Mr Tobias Wren",
        ),
        # the owner the work is for, after an agent who instructed it
        (
            "Survey\nInstructed by: Dale Lettings (agent) on behalf of the landlord, Ms Odile Farrant\n",
            "Ms Odile Farrant",
        ),
        # the insurer engaged us, the insured's own label follows on the line
        ("Report\nClient: Harbour Insurance, ref 55-01; Insured: Dr Amos Kettle\n", "Dr Amos Kettle"),
        # a heading's cells: claim | names | street (a street type of the American suburbs)
        (
            "Claim GA-8812-26 | Luis & Rosa Mendez | 412 Quail Hollow, Macon, GA 31210\nBath leak.\n",
            "Luis & Rosa Mendez",
        ),
    ],
)
def test_the_insured_tagged_or_told_for(text: str, expected: str) -> None:
    assert _insured(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a tenant tagged is no policyholder, nor the agent the work is for
        "Intake\nCaller: Bree Ashdown (tenant)\nSite: 4 Elm Rd, Nelson\n",
        "Survey\nInstructed by: Mr Colm Teague (tenant) on behalf of the letting agent\n",
        # the customer is the tenant, named loosely
        'Intake\nCustomer: tenant, "Rhiannon" (surname not given)\n',
        # the insurer as client with no insured's label after it
        "Report\nClient: Harbour Insurance, ref 55-01\n",
        # a person in brackets with another role
        "Notes\nMet Mr Huw Parry (the adjuster) at the door.\n",
    ],
)
def test_no_insured_from_a_tag_or_a_for_that_names_another_role(text: str) -> None:
    assert _insured(text) is None
