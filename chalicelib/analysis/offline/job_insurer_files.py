"""Notes the insurer's side writes: a loss adjuster's report, an insurer's or adjuster's claim file
notes. Their writer's own visit ("Date of our inspection: 18/11", "Site inspection (me)", "my first
visit") is the insurer's, not the job's first: the mitigation vendor or contractor they write about
was there before them ("the contractor ... attended on the morning of 15/11"), and that earlier
attendance is the first visit (job_dates.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.proper_names import business_names
from chalicelib.analysis.offline.text import FLAGS, Line

# The title of a file the insurer's side keeps: "TAMAR LOSS ADJUSTING PTY LTD", "FILE NOTES -
# Southland Loss Adjusters Ltd", "Independent adjuster's file notes", "MUTUAL INSURANCE - CLAIM FILE
# NOTES". Not a restorer's sheet that only names the adjuster on a line of its own ("Adjuster: ...").
_INSURERS_TITLE = re.compile(
    # ("NORTHERN LOSS ASSESSORS": an assessor's report, the restorer it writes about came first)
    r"\bloss (?:adjust(?:ing|ers?)|assess(?:ing|ors?))\b"
    r"|\badjust(?:er|ing|ers)(?:'s|s')? (?:file|report|notes|file notes)\b"
    r"|\bclaims? file notes\b",
    FLAGS,
)
_TITLE_LINES = 3  # the title is among the first few lines that say anything


def insurers_file(lines: Sequence[Line]) -> bool:
    """Whether the notes are the insurer's side's own file, by their title."""
    said = [line.text for line in lines if line.text][:_TITLE_LINES]
    return any(_INSURERS_TITLE.search(text) for text in said)


# A visit the insurer's writer makes with (or to meet) the vendor is still the writer's own: "Site
# visit with the vendor", "SITE VISIT with Murihiku tech". A visit told of the vendor's side alone
# is theirs: "the contractor ... attended on the morning of 15/11/2026".
_VENDORS_OWN = re.compile(
    r"\b(?:vendor|contractor|restorer|restoration|drying (?:company|firm|contractor)|dry[- ]?out"
    r"|mitigation (?:company|firm|contractor))\b[^.;]{0,80}?\b(?:attended|arrived|on site|came)\b",
    FLAGS,
)
_WITH_WRITER = re.compile(
    r"\b(?:with|met|meet|meeting) (?:the )?(?:vendor|contractor|restorer|\w+ tech)\b", FLAGS
)


# The firm's visit told by its name: "Midwest Dry & Restore attended the evening of 14/11".
# ("Ballarat Water Damage Co. attended 1 December": the name's "Co." is no sentence's end)
_ATTENDED_AFTER = re.compile(
    r"(?:\.(?= (?-i:[a-z])))?[^.;]{0,40}?\b(?:attended|arrived|(?:was|were) on site|came (?:out|in))\b", FLAGS
)


def vendors_visit(text: str) -> bool:
    """Whether a visit line in the insurer's file tells the vendor's own attendance."""
    if _WITH_WRITER.search(text) is not None:
        return False
    if _VENDORS_OWN.search(text) is not None:
        return True
    return any(_ATTENDED_AFTER.match(text, end) for _, end in business_names(text))
