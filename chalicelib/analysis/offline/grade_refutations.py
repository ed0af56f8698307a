"""Grades the notes reject: someone's "Category 1" the writer then answers ("Tenant reckons
\"just clean water, cat 1\" - no, WM discharge = Cat 2"; "treating it as Category 2, not clean
water"; "the job sheet says Category 1; I do not agree"). A rejected grade is neither the stated
one nor evidence for the judged one."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.text import FLAGS, Line

# "not clean water", "not Category 1", "rather than Cat 1": the grade a sentence sets aside.
_NOT_GRADE = re.compile(
    r"\b(?:not|rather than|instead of|no longer)(?: an?| the)? (?:(?P<clean>clean(?: water)?)"
    r"|cat(?:egory)?\.? ?(?P<n>[1-3]))\b",
    FLAGS,
)
# A grade answered at once: 'cat 1" - no,', "Category 1; I do not agree", "Cat 1 is wrong".
_ANSWERED = re.compile(
    r"\bcat(?:egory)?\.? ?(?P<n>[1-3])\b[\"'\u201d)]?[^.!?]{0,12}?(?:[-\u2013\u2014;:,] ?)"
    r"(?:no\b|(?:I |we )?(?:do not|don't|did not|didn't) agree"
    r"|(?:that|this|it) is (?:wrong|incorrect|not right)|wrong\b|incorrect\b)"
    r"|\bcat(?:egory)?\.? ?(?P<m>[1-3]) (?:is|was) (?:wrong|incorrect|not right|overruled|rejected)\b",
    FLAGS,
)


def rejected_categories(lines: Sequence[Line]) -> frozenset[int]:
    """The water categories the notes set aside, wherever they say so."""
    rejected: set[int] = set()
    for line in lines:
        for match in _NOT_GRADE.finditer(line.text):
            rejected.add(1 if match.group("clean") else int(match.group("n")))
        for match in _ANSWERED.finditer(line.text):
            rejected.add(int(match.group("n") or match.group("m")))
    return frozenset(rejected)
