"""The report's sections about its review: QA's findings with the reviewer's overrides, the
DRAFT mark, and the sign-off block with the cover's "signed off by" line."""

from __future__ import annotations

from chalicelib.analysis.qa import QaIssue, QaResult
from chalicelib.core.models import QaOverride, Review, Signature
from chalicelib.report.blocks import Block, Column, KeyValues, Paragraph, Section, Subheading, Table
from chalicelib.report.wording import NONE, SEVERITY_LABELS, count, day, issue_standard, qa_verdict, timestamp

# On every page of a DRAFT, and above its title.
DRAFT_MARK = "DRAFT \u2014 for review, not for payment"


# Two audiences (ADR 0006): a DRAFT is the reviewer's copy, who overrides an error by its code and
# field, so it prints them; the report that goes out is the insurer's, who reads the finding and
# its standard, not our rule codes and JSON paths (the JSON keeps both).
REVIEW_QA_COLUMNS = (
    Column("Severity", 0.75),
    Column("Code", 2.2, code=True),
    Column("Field", 1.5, code=True),
    Column("Finding", 3.1),
    Column("Standard", 1.3),
)
QA_COLUMNS = (
    Column("Severity", 0.9),
    Column("Finding", 6.4),
    Column("Standard", 1.55),
)


def _qa_row(issue: QaIssue, *, draft: bool) -> tuple[str, ...]:
    severity, standard = SEVERITY_LABELS[issue.severity], issue_standard(issue)
    if draft:
        return (severity, issue.code, issue.field, issue.message, standard)
    return (severity, issue.message, standard)


REVIEW_OVERRIDE_COLUMNS = (
    Column("Code", 2.2, code=True),
    Column("Field", 1.5, code=True),
    Column("Reviewer's reason", 5.1),
)
OVERRIDE_COLUMNS = (
    Column("Finding", 4.4),
    Column("Reviewer's reason", 4.45),
)


def _override_finding(qa: QaResult, override: QaOverride) -> str:
    """The finding a reviewer let stand, in QA's words (its code when QA no longer raises it)."""
    for issue in qa.issues:
        if issue.code == override.code and (override.field is None or issue.field == override.field):
            return issue.message
    return override.code


def qa_section(qa: QaResult, review: Review | None = None, *, draft: bool = True) -> Section:
    checked = f"Checked {timestamp(qa.checked_at)}; " if qa.checked_at else ""
    verdict = Paragraph(f"{checked}QA {qa_verdict(qa)}.")
    if not qa.issues:
        return Section("qa", "QA findings", (verdict, Paragraph("No issues found.", empty=True)))
    columns = REVIEW_QA_COLUMNS if draft else QA_COLUMNS
    rows = tuple(_qa_row(issue, draft=draft) for issue in qa.issues)
    blocks: list[Block] = [verdict, Table(columns, rows)]
    if review is not None and review.approved_at is not None:
        approved = f"The findings were reviewed and approved on {day(review.approved_at.date())}"
        warnings = review.warnings_acknowledged
        if warnings:
            approved += f", with {count(warnings, 'warning')} acknowledged"
        blocks.append(Paragraph(approved + "."))
        if review.overrides:
            blocks.append(Subheading("QA errors the reviewer let stand"))
            if draft:
                coded = tuple((o.code, o.field or NONE, o.reason) for o in review.overrides)
                blocks.append(Table(REVIEW_OVERRIDE_COLUMNS, coded))
            else:
                worded = tuple((_override_finding(qa, o), o.reason) for o in review.overrides)
                blocks.append(Table(OVERRIDE_COLUMNS, worded))
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
