"""QA's photo rules: the evidence a desk adjuster looks for before paying for drying and
demolition. Warnings only: a missing photo weakens a claim, it does not make the findings wrong.

- `AFFECTED_AREA_WITHOUT_PHOTO`: each affected room should have at least one photo.
- `DEMOLITION_WITHOUT_BEFORE_PHOTO`: each scope line that removes, demolishes, cuts or tears out
  material should have a photo of that room taken before the work. Photos carry no work date
  here, so a photo counts as "before" unless its caption says it is after ("after", "removed",
  "post-demo", "completed").

Photos keep arriving after QA (a TEXT workflow reports at once; the phone uploads later), so a
report rendered later judges these two rules again against the photos it shows (`with_photos_now`):
it never asks for a photo it prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from chalicelib.analysis.findings import Findings, ScopeItem
from chalicelib.analysis.qa_issues import QaIssue, QaResult, issue
from chalicelib.analysis.qa_template import QaTemplate, apply_rules, with_thresholds
from chalicelib.analysis.standards import Standards, load_standards

PHOTO_CODES = frozenset({"AFFECTED_AREA_WITHOUT_PHOTO", "DEMOLITION_WITHOUT_BEFORE_PHOTO"})

_DEMOLITION = re.compile(
    r"\b(?:remov\w*|demo|demolish\w*|cut\w*|tear\w*\s+out|tore\s+out|torn\s+out|rip\w*\s+out|strip\w*|flood\s+cut)\b",
    re.IGNORECASE,
)
_AFTER = re.compile(r"\b(?:after|post[- ]?(?:demo\w*|removal)|removed|completed|finished)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PhotoEvidence:
    """A photo received for the workflow, as QA sees it."""

    room: str
    caption: str


def _folded(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


def _same_room(photo_room: str, room: str) -> bool:
    """ "Laundry" and "laundry room" are one room; "Bed 1" and "Bed 2" are not."""
    a, b = _folded(photo_room), _folded(room)
    return bool(a and b) and (a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def is_demolition(item: ScopeItem) -> bool:
    return bool(_DEMOLITION.search(f"{item.action or ''} {item.description}"))


def photo_issues(
    findings: Findings, photos: Sequence[PhotoEvidence], standards: Standards
) -> Iterator[QaIssue]:
    for index, area in enumerate(findings.affected_areas):
        if not any(_same_room(photo.room, area.room) for photo in photos):
            yield issue(
                standards,
                "documentation",
                "AFFECTED_AREA_WITHOUT_PHOTO",
                "warning",
                f"affectedAreas[{index}]",
                f"{area.room}: no photo of this affected area was received; insurers expect photos of"
                " every affected room.",
            )
    for index, item in enumerate(findings.scope_of_work):
        if not is_demolition(item):
            continue
        before = [
            photo
            for photo in photos
            if (item.room is None or _same_room(photo.room, item.room)) and not _AFTER.search(photo.caption)
        ]
        if not before:
            where = f" in {item.room}" if item.room else ""
            yield issue(
                standards,
                "documentation",
                "DEMOLITION_WITHOUT_BEFORE_PHOTO",
                "warning",
                f"scopeOfWork[{index}]",
                f"{item.description}: no photo{where} from before the work was received; demolition"
                " without a before-photo is commonly cut at desk review.",
            )


def with_photos_now(
    qa: QaResult, findings: Findings, photos: Sequence[PhotoEvidence], template: QaTemplate | None = None
) -> QaResult:
    """QA's result with its photo rules judged again against `photos` (those received by now),
    under the same template settings QA used; every other issue stays as QA found it. A photo
    rule a template made an error can pass now, so `passed` is judged again too."""
    standards = load_standards().for_notes(findings.locale.country)
    if template is not None:
        standards = with_thresholds(standards, template.rules.thresholds)
    fresh = list(photo_issues(findings, photos, standards))
    if template is not None:
        fresh = apply_rules(fresh, template.rules)
    issues = [found for found in qa.issues if found.code not in PHOTO_CODES] + fresh
    return qa.model_copy(
        update={"issues": issues, "passed": not any(found.severity == "error" for found in issues)}
    )
