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
