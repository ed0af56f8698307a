"""The report's sections about its review: QA's findings with the reviewer's overrides, the
DRAFT mark, and the sign-off block with the cover's "signed off by" line."""

from __future__ import annotations

from chalicelib.analysis.qa import QaIssue, QaResult
from chalicelib.core.models import Review, Signature
from chalicelib.report.blocks import Block, Column, KeyValues, Paragraph, Section, Subheading, Table
from chalicelib.report.wording import NONE, SEVERITY_LABELS, count, day, issue_standard, qa_verdict, timestamp

# On every page of a DRAFT, and above its title.
DRAFT_MARK = "DRAFT \u2014 for review, not for payment"


QA_COLUMNS = (
    Column("Severity", 0.75),
    Column("Code", 2.2, code=True),
    Column("Field", 1.5, code=True),
    Column("Finding", 3.1),
    Column("Standard", 1.3),
)


def _qa_row(issue: QaIssue) -> tuple[str, ...]:
    return (SEVERITY_LABELS[issue.severity], issue.code, issue.field, issue.message, issue_standard(issue))


OVERRIDE_COLUMNS = (
    Column("Code", 2.2, code=True),
    Column("Field", 1.5, code=True),
    Column("Reviewer's reason", 5.1),
)


def qa_section(qa: QaResult, review: Review | None = None) -> Section:
    checked = f"Checked {timestamp(qa.checked_at)}; " if qa.checked_at else ""
    verdict = Paragraph(f"{checked}QA {qa_verdict(qa)}.")
    if not qa.issues:
        return Section("qa", "QA findings", (verdict, Paragraph("No issues found.", empty=True)))
    blocks: list[Block] = [verdict, Table(QA_COLUMNS, tuple(map(_qa_row, qa.issues)))]
    if review is not None and review.approved_at is not None:
        approved = f"The findings were reviewed and approved on {day(review.approved_at.date())}"
        warnings = review.warnings_acknowledged
        if warnings:
            approved += f", with {count(warnings, 'warning')} acknowledged"
        blocks.append(Paragraph(approved + "."))
        if review.overrides:
            blocks.append(Subheading("QA errors the reviewer let stand"))
            rows = tuple((o.code, o.field or NONE, o.reason) for o in review.overrides)
            blocks.append(Table(OVERRIDE_COLUMNS, rows))
    return Section("qa", "QA findings", tuple(blocks))


def signed_line(signature: Signature | None) -> tuple[tuple[str, str], ...]:
    if signature is None:
        return ()
    return (("Signed off by", f"{signature.name}, {signature.role} ({signature.certification})"),)


def signoff_section(signature: Signature) -> Section:
    """The signature block: who stands behind this revision of the report, and when."""
    who = KeyValues(
        (
            ("Name", signature.name),
            ("Role", signature.role),
            ("Certification", signature.certification),
            ("Signed", timestamp(signature.signed_at.isoformat())),
            ("Report revision", str(signature.revision)),
        )
    )
    return Section("sign-off", "Sign-off", (Paragraph(signature.statement), who))
