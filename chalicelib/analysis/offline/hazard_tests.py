"""Asbestos and lead a test or survey cleared: "sample sent 05/10 - no asbestos detected", "tested
negative for lead", "the asbestos register lists no ACMs". A suspicion on another line is then no
hazard of the job."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.findings import HazardKind
from chalicelib.analysis.offline.text import FLAGS, Line

# A lab or survey result that clears what was suspected ("sample sent 05/10 - no asbestos detected",
# "tested negative for lead"): the suspicion on another line is not a hazard of the job.
_CLEARED_BY_TEST = re.compile(
    r"\b(?:no|nil|none) (?:\w+ ){0,2}(?P<a>asbestos|acms?|lead)\w*(?: fibres?| risks?| hazards?)?"
    r" (?:was |were )?"
    r"(?:detected|found|identified|present|disturbed)"
    # "no asbestos register issues in these rooms", "no lead paint concerns": the record raised none
    r"|\b(?:no|nil) (?P<e>asbestos|acms?|lead)(?:[- ](?:register|survey|paint|containing))?"
    r" (?:issues?|concerns?|problems?|flags?)\b"
    # "the asbestos register for Block B shows no asbestos-containing material in the ceiling"
    r"|\b(?:register|survey|report|records?)\b(?: [\w()-]+){0,4}"
    r" (?:shows?|showed|says|lists?|records?|confirms?)"
    r" (?:no|nil) (?P<d>asbestos|acms?)"
    r"|\bnegative (?:result )?for (?:\w+ ){0,2}(?P<b>asbestos|lead)"
    # "lagging sampled in the 2019 survey as glass wool - no asbestos.": the sample's verdict
    # closing its sentence
    r"|\b(?:sampled|tested|surveyed|survey|register|lab|swabbed)\b[^.;]{0,100}?"
    r" ?[-\u2013:,] ?(?:no|nil) (?P<f>asbestos|acms?|lead)(?= ?(?:[.;]|$))"
    r"|\b(?P<c>asbestos|lead)\w*(?: \w+){0,6} (?:tested|came back|returned|was|were|is|are)"
    r" (?:negative|clear|clean|not detected)",
    FLAGS,
)
_TESTED_KINDS = {
    "asbestos": HazardKind.ASBESTOS,
    "acm": HazardKind.ASBESTOS,
    "acms": HazardKind.ASBESTOS,
    "lead": HazardKind.LEAD,
}


# "An asbestos survey from 2019 is on file: none identified", "tested in 2021 for the asbestos
# register: no asbestos": a survey or test, then after its colon the result that clears it.
# "Asbestos - ceiling texture sampled 14/11; lab result 17/11: none detected": the sample named in
# one clause of the sentence, its result after the next clause's colon.
_RESULT_AFTER_COLON = re.compile(
    r"(?P<record>[^.:]{0,160}): ?(?:none|nil|negative|clear|no (?:asbestos|acms?|lead))\b", FLAGS
)
_SURVEYED = re.compile(
    r"\b(?:survey\w*|test\w*|sampl\w*|register|reports?|records?|lab|swab\w*|results?)\b", FLAGS
)
_KIND_WORD = re.compile(r"\b(?P<a>asbestos|acms?|lead)\b", FLAGS)


def cleared_by_test(lines: Sequence[Line]) -> set[HazardKind]:
    cleared: set[HazardKind] = set()
    for index, line in enumerate(lines):
        text = line.text
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        # "The asbestos register (2019 survey)" over "lists no ACMs ...": a sentence a wrap broke
        # after its bracket goes on in lower case on the next line
        if following[:1].islower():
            text = f"{text} {following}"
        for match in _CLEARED_BY_TEST.finditer(text):
            word = next(group for group in match.group("a", "b", "c", "d", "e", "f") if group).lower()
            cleared.add(_TESTED_KINDS[word])
        for match in _RESULT_AFTER_COLON.finditer(text):
            record = match.group("record")
            kinds = [found.group("a").lower() for found in _KIND_WORD.finditer(record)]
            # (one kind only: "asbestos and lead sampled: none" leaves which one unsaid)
            if _SURVEYED.search(record) and len({_TESTED_KINDS[kind] for kind in kinds}) == 1:
                cleared.add(_TESTED_KINDS[kinds[0]])
    return cleared
