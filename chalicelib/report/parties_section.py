"""Who is who on the report's cover, and the line every page carries (company, claim).

The company is the user's own, from their settings (`PUT /settings`), when they gave one: it is
who stands behind the report, and its letterhead in the notes may be a subcontractor's or an old
template's. Without settings, the company the notes name. Every other party comes from the
findings (each fact cited in the Sources section).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chalicelib.analysis.findings import Parties, TextFact
from chalicelib.report.wording import NOT_DETERMINED

if TYPE_CHECKING:
    from chalicelib.report.render import Report


def _value(fact: TextFact | None) -> str | None:
    return fact.value if fact is not None else None


def company_name(report: Report) -> str | None:
    own = report.company.name if report.company else None
    return own or _value(report.findings.parties.company)


def _company(report: Report) -> str:
    own, parties = report.company, report.findings.parties
    if own is not None and own.name:
        parts = [own.name, own.licence, own.address, own.phone, own.email]
    else:
        parts = [_value(parties.company), _value(parties.company_licence), _value(parties.company_address)]
    shown = [part for part in parts if part]
    return "; ".join(shown) if shown else NOT_DETERMINED


def technician(parties: Parties) -> str | None:
    name, certifications = _value(parties.technician), _value(parties.certifications)
    if name is None:
        return None
    return f"{name} ({certifications})" if certifications else name


def _contact(parties: Parties) -> str | None:
    shown = [value for value in (_value(parties.insured_phone), _value(parties.insured_email)) if value]
    return " \u00b7 ".join(shown) or None


def claim_parties(parties: Parties) -> tuple[tuple[str, str], ...]:
    """The insurer's side, shown beside the claim number (policy and insurer always: an adjuster
    must see that they were not recorded)."""
    rows = [
        ("Policy number", _value(parties.policy_number) or NOT_DETERMINED),
        ("Insurer", _value(parties.insurer) or NOT_DETERMINED),
    ]
    if parties.adjuster is not None:
        rows.append(("Adjuster", parties.adjuster.value))
    return tuple(rows)


def insured_contact(parties: Parties) -> tuple[tuple[str, str], ...]:
    contact = _contact(parties)
    return (("Insured contact", contact),) if contact else ()


def contractor_parties(report: Report) -> tuple[tuple[str, str], ...]:
    return (
        ("Restoration company", _company(report)),
        ("Technician", technician(report.findings.parties) or NOT_DETERMINED),
    )


def running_line(report: Report) -> str:
    """Company and claim, for the header or footer of every page."""
    job = report.findings.job
    claim = job.claim_number.value if job.claim_number else None
    company = company_name(report)
    parts = [company] if company else []
    parts.append(f"Claim {claim}" if claim else "Claim not determined")
    return " \u00b7 ".join(parts)


def party_spans(parties: Parties) -> list[tuple[str, TextFact]]:
    """The parties' facts, labelled for the Sources section."""
    labelled = (
        ("company", parties.company),
        ("company licence", parties.company_licence),
        ("company address", parties.company_address),
        ("technician", parties.technician),
        ("certifications", parties.certifications),
        ("insurer", parties.insurer),
        ("adjuster", parties.adjuster),
        ("policy number", parties.policy_number),
        ("insured phone", parties.insured_phone),
        ("insured email", parties.insured_email),
    )
    return [(label, fact) for label, fact in labelled if fact is not None]
