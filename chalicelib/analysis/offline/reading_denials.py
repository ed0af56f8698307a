"""Readings the notes say are no dry standard, though a label or a room made them look like one:
"Point 9 is the dry edge of the wet kitchen floor - it is NOT a dry standard", "H is a check on the
dining room wall ... it is not a reference": a map's point named by its code, its row led by it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.readings import ReadingDraft
from chalicelib.analysis.offline.text import Line

_DENIAL = re.compile(
    r"\bnot (?:a |the |our )?(?:dry[- ]?(?:std|standard)|standard|reference|ref)\b", re.IGNORECASE
)
# The sentence's subject, when it is a point: "Point 9 is", "Points 3 and 4 are", "H is", "Pt 3 ...".
_SUBJECT = re.compile(
    r"\W{0,5}(?:(?i:points?|pts?\.?|#) ?(?P<numbered>\d{1,2}(?:(?:, ?| and | & )\d{1,2})*)"
    r"|(?P<code>[A-Z]{1,2}\d{0,2}))\b(?= (?:is|are|was|were)\b)",
)
_STOP = re.compile(r"[.!?](?:\s+|$)")
_WRAPS = 2  # the lines a sentence may wrap onto
_MAX_LINES = 5_000


def _lead_code(text: str) -> str | None:
    match = re.match(
        r"\s*(?:(?:point|pt\.?|#)\s*)?(?P<code>[A-Z]{0,2}\d{1,2}|[A-Z]{1,2})\b", text, re.IGNORECASE
    )
    return match.group("code").upper() if match else None


def denied_references(lines: Sequence[Line], drafts: Sequence[ReadingDraft]) -> None:
    """Unmark the dry standards the notes deny by the point a sentence is about."""
    codes: set[str] = set()
    texts = [line.text for line in lines[:_MAX_LINES]]
    for index, text in enumerate(texts):
        # a sentence starts the line or follows a full stop in it, and may wrap onto the next lines
        for start in (0, *(stop.end() for stop in _STOP.finditer(text))):
            subject = _SUBJECT.match(text, start)
            if subject is None:
                continue
            sentence = " ".join([text[start:], *texts[index + 1 : index + 1 + _WRAPS]])
            end = _STOP.search(sentence)
            if _DENIAL.search(sentence[: end.start() if end else len(sentence)]) is not None:
                named = subject.group("numbered") or subject.group("code")
                codes.update(code.upper() for code in re.findall(r"[A-Z]{0,2}\d{1,2}|[A-Z]{1,2}", named))
    for draft in drafts:
        if not draft.is_reference:
            continue
        if _lead_code(draft.source.text or "") in codes:
            draft.is_reference = False
