"""A list of what the source could be, when the writer has not found it: "Could be any of: 1. the
flat above ... 3. rain - there was a lot of rain on Sunday 29/11". Each item is a guess, so a day
told inside one (a storm, a service) dates no loss (job_dates.py). The list may run on in prose:
"where's it coming from. options. one the aircon ... two the shower next door ... three rain, big
storm saturday 28th": each day in that paragraph is a guess too. So is a day in one sentence of
guesses joined by "or" on a line where the writer says they do not know yet."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS, Line

# The line that opens the list: a guess announced, with nothing after it but the list.
_OPENS = re.compile(
    r"\b(?:could be(?: (?:any|one) of(?: these| the following)?)?|might be|may be(?: any of)?"
    r"|possible (?:sources?|causes?)|possibilities|candidates|suspects|options|theories"
    r"|likely (?:sources?|causes?)|what it could be)\s*[:\-\u2013]?\s*$",
    FLAGS,
)

# A list opened mid-line and counted in words or numbers: "options. one the aircon, ...", "possible
# causes: 1) the shower ...". It runs to the paragraph's end.
_OPENS_INLINE = re.compile(
    r"\b(?:options|possibilities|possible (?:sources?|causes?)|candidates|suspects|theories"
    r"|could be (?:any|one) of(?: these| the following)?)\s*[.:\-\u2013]\s*(?:one|1[.)]|\(1\)|\(?a\))\s",
    FLAGS,
)

# The guesses run on in one sentence, and the writer says they do not know: "Could be the shower
# above, the hot water service, or the box gutter - we had rain Sunday 29/11 ... Don't know yet."
_GUESS_SENTENCE = re.compile(
    # (a bracketed aside may ask its own question: "the hose bib (was it shut off?), or the heater loop")
    r"(?:^|[.!?]\s)\W*(?:it )?(?:could be|might be|may be|possibly|either)\b"
    r"(?:[^.!?()]|\([^()]{0,80}\)){0,200}?\bor\b",
    FLAGS,
)
_UNDECIDED = re.compile(
    r"\b(?:don'?t|do not|doesn'?t) know(?: yet)?\b|\bnot sure\b|\bno idea\b|\bunknown\b"
    r"|\b(?:can'?t|cannot|(?:not |un)able to|no way to) (?:tell|say|determine)\b|\bundetermined\b"
    r"|\bnot (?:yet )?(?:found|confirmed)\b",
    FLAGS,
)

# An item of the list: a number or a bullet at the line's start.
_ITEM = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[a-e][.)]|[-*\u2022])\s", FLAGS)


class Hypotheses:
    """Follows the lines in order; `read` says whether a line is one of the guessed sources."""

    def __init__(self) -> None:
        self._open = False
        self._prose_until = -1  # the last line number of a prose list's paragraph so far

    def read(self, line: Line) -> bool:
        text = line.text
        if self._prose_until >= 0:
            # (a paragraph's lines follow on without a gap; a blank line or a skip ends it)
            if text.strip() and line.number == self._prose_until + 1:
                self._prose_until = line.number
                return True
            self._prose_until = -1
        if _OPENS_INLINE.search(text):
            self._prose_until = line.number
            return True
        if _GUESS_SENTENCE.search(text) and _UNDECIDED.search(text):
            return True  # (the line's days are told inside the guesses)
        if _OPENS.search(text):
            self._open = True
            return False
        if not self._open:
            return False
        if _ITEM.match(text):
            return True
        # (a wrapped item goes on indented; anything else closes the list)
        if text[:1].isspace() and text.strip():
            return True
        self._open = False
        return False
