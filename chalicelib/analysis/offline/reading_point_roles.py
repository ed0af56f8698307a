"""A point's role as its definition words it: a dry standard when they call it one, unless they deny
it ("edge check only - not a standard") or the word is the meter's scale ("(ME5 ref)")."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.readings import REFERENCE_WORD
from chalicelib.analysis.offline.text import FLAGS

# A role the words deny: "edge check only - not a standard", "not used as the reference"
_DENIED_STANDARD = re.compile(
    r"\b(?:not|never|no)\s+(?:a\s+|the\s+|used\s+(?:as\s+)?(?:a\s+|the\s+)?)?(?:dry\s+)?"
    r"(?:standard|std|ref(?:erence)?|control|baseline)\b",
    FLAGS,
)


# "(ME5 ref)", "Tramex reference": the meter's reference scale, no dry standard
METER_REFERENCE = re.compile(
    r"\b(?:[A-Za-z]{1,4}-?\d{1,5}[A-Za-z]?|tramex|protimeter|delmhorst|surveymaster)\s+ref(?:erence)?\b",
    FLAGS,
)


def role_words(words: str) -> str:
    """A point's words without the roles they deny or the meter's scale named like a role."""
    return METER_REFERENCE.sub(" ", _DENIED_STANDARD.sub(" ", words))


def names_reference(words: str) -> bool:
    """Whether a point's words call it a dry standard: not "not a reference", nor the meter's "(ME5 ref)"."""
    return REFERENCE_WORD.search(role_words(words)) is not None
