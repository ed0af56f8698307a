"""The insured a report's client label names ("Prepared for:", "Commissioned by:"), unless it is the
insurer or an agent; and the claimant's own mail, told by the claim they started."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text


def _insured(text: str) -> str | None:
    insured = analyze_text(text).job.insured
    return insured.value if insured else None


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Prepared for: Tamsin Orchard Holdings Ltd / Claim #QX-11-2093", "Tamsin Orchard Holdings Ltd"),
        ("Commissioned by: Rewi Tautahi (owner), via the agent", "Rewi Tautahi"),
        ("Engaged by: Marguerite Lowe - owner-occupier", "Marguerite Lowe"),
    ],
)
def test_a_reports_client_label_names_the_insured(label: str, expected: str) -> None:
    text = f"Moisture survey - 8 Kauri Rd, Titirangi, Auckland 0604\n{label}\nLounge carpet wet.\n"
    assert _insured(text) == expected


@pytest.mark.parametrize(
    "label",
    [
        "Prepared for: Southern Cross Mutual Insurance, claims team",
        "Commissioned by: Harbourview Property Management",
    ],
)
def test_an_insurer_or_agent_as_client_is_not_the_insured(label: str) -> None:
    text = f"Moisture survey - 8 Kauri Rd, Titirangi, Auckland 0604\n{label}\nLounge carpet wet.\n"
    assert _insured(text) is None


@pytest.mark.parametrize(
    "told",
    [
        "I ticked the wrong box when I started the claim on the 3rd, sorry.",
        "Can you add the photos to my claim?",
    ],
)
def test_a_mail_from_the_claimant_names_the_insured(told: str) -> None:
    text = (
        "From: Odette Marchetti\nTo: claims@example-insurer.example\nSubject: Re: dryer fire\n\n"
        f"Hello,\nThe dryer caught fire on Thursday. {told}\nThanks\n"
    )
    assert _insured(text) == "Odette Marchetti"


def test_a_mail_telling_someone_elses_claim_names_no_insured() -> None:
    # (the near miss: the writer acts for the claimant)
    text = (
        "From: Odette Marchetti\nTo: claims@example-insurer.example\nSubject: Re: dryer fire\n\n"
        "Hello,\nThe dryer at the flat I manage caught fire on Thursday. The tenant started the claim.\n"
    )
    assert _insured(text) is None
