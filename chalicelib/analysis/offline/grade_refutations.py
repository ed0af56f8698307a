"""Grades the notes reject: someone's "Category 1" the writer then answers ("Tenant reckons
\"just clean water, cat 1\" - no, WM discharge = Cat 2"; "treating it as Category 2, not clean
water"; "the job sheet says Category 1; I do not agree"). A rejected grade is neither the stated
one nor evidence for the judged one."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.text import FLAGS, Line

# "not clean water", "not Category 1", "rather than Cat 1": the grade a sentence sets aside.
_NOT_GRADE = {
    "category": re.compile(
        r"\b(?:not|rather than|instead of|no longer)(?: an?| the)? (?:(?P<clean>clean(?: water)?)"
        r"|cat(?:egory)?\.? ?(?P<n>[1-3]))\b",
        FLAGS,
    ),
    "class": re.compile(
        r"\b(?:not|rather than|instead of|no longer)(?: an?| the)? class ?(?P<n>[1-4])\b", FLAGS
    ),
}
_GRADE = {"category": r"cat(?:egory)?\.?", "class": r"class"}
# What answers a grade: 'cat 1" - no,', "Category 1; I do not agree", "Cat 1 is wrong", "logged it as
# Class 2 before anyone had seen it; that is not supported", "Class 3, which the evidence does not
# support".
_ANSWER = (
    # ("no," / "no -" / "no." answers; "no feces", "no solids" is a determiner, the writer's own finding)
    r"(?:no(?=\s*(?:[,.;:!\u2013\u2014-]|$)|\s+(?:it|that|this)\b)"
    r"|(?:I |we )?(?:do not|don't|did not|didn't) agree"
    r"|(?:that|this|it) is (?:wrong|incorrect|not right|not supported)|wrong\b|incorrect\b"
    r"|(?:which |that )?(?:the evidence |what we found )?(?:does not|doesn't|do not) support"
    r"|(?:is |was )?not supported|unsupported"
    # "my brother-in-law reckoned it would be Category 1 as it's only washing-up water, but Gareth was
    # clear it isn't", "..., but the technician said no"
    r"|but (?:[\w.'-]+ ){1,3}(?:was clear|were clear|said|says|insisted|confirmed|told (?:us|me|him|her))"
    r"(?: that)? (?:no\b|(?:it|that|this) (?:isn't|is not|wasn't|was not|isn\u2019t|wasn\u2019t)))"
)
_ANSWERED = {
    kind: re.compile(
        rf"\b{word} ?(?P<n>[1-4])\b[\"'\u201d)]?[^.!?]{{0,60}}?(?:[-\u2013\u2014;:,] ?){_ANSWER}"
        rf"|\b{word} ?(?P<m>[1-4]) (?:is|was) (?:wrong|incorrect|not right|overruled|rejected)\b"
        # "on wet area alone it reads like a Class 1 job. It is not: the water is in the stone"
        rf"|\b{word} ?(?P<k>[1-4])\b[^.!?]{{0,30}}[.!] (?:it|that|this) (?:is|was)(?: not|n't)\b"
        # "on surface area alone this reads like a Class 1 job (...), but the water is in the slab": a
        # grade the job only looks like, set against what it is in the same sentence
        rf"|\b(?:reads?|looks?|seems?|sounds?|appears?) (?:like|to be) (?:an? )?{word} ?(?P<h>[1-4])\b"
        rf"[^.!?]{{0,160}}?\b(?:but|however|yet)\b"
        # "I did think about Class 4 for the lime plaster, but the readings fell away fast": a grade
        # the writer weighed and set aside in the same sentence
        rf"|\b(?:thought|think|considered|consider|wondered|weighed|looked at)(?: about| of| whether)?"
        rf"(?: (?:it (?:was|is|being) )?(?:going with|calling it|treating it as|making it))?(?: an?)?"
        rf" {word}\.?"
        rf" ?(?P<c>[1-4])\b[^.!?]{{0,160}}?\b(?:but|however)\b"
        # "I do not agree with the intake sheet that this should be treated as Category 2": the
        # disagreement said first, the grade it is about after
        rf"|\b(?:do not|don't|did not|didn't|cannot|can't|can not) agree with\b[^.!?]{{0,100}}?\b{word}\.?"
        rf" ?(?P<d>[1-4])\b",
        FLAGS,
    )
    for kind, word in _GRADE.items()
}
# Who else grades a job before or beside the writer: the office, the booking, a vendor's estimate.
_OTHERS = (
    r"office|intake|job ?(?:card|sheet)|the card|work ?order|booking|dispatch|call (?:centre|center)"
    r"|vendor|contractor|insurer|carrier|estimate|estimator|adjuster|assessor|previous|first company"
    # ("the insurer's portal had it pre-filled as Class 2"): a form's default is nobody's judgement
    r"|portal|template|(?:claims? )?system|web ?form"
    # ("my cousin swears it should be Class 3"): a bystander's opinion, which the writer answers with
    # a grade of their own
    r"|neighbou?r|friend|brother(?:-in-law)?|sister(?:-in-law)?|husband|wife|cousin|uncle|aunt"
    r"|father(?:-in-law)?|mother(?:-in-law)?|dad|mum|mom"
)
_RECORDED = (
    r"put|puts|had|has|have|coded|codes|code|called|calls|listed|lists|logged|logs|marked|marks"
    r"|recorded|records|booked|books|rated|rates|graded|grades|treated|treats|classed|classified"
    r"|wrote|writes|shows|showed|sizes|sized|went with"
    r"|pre-?filled|prefilled|pre-?populated|defaulted|auto-?filled"
    r"|swears|swore|reckons|reckoned|insists|insisted|thinks|thought|believes|believed"
)
# "(Office put Cat 2 because the job was booked as ...)", "the intake sheet had it as Class 2",
# "the vendor's estimate codes Class 3": a grade someone else gave, reported. Set aside only where
# the writer states another grade of their own, and never when the sentence agrees with it.
_ATTRIBUTED = {
    kind: re.compile(
        rf"\b(?:{_OTHERS})\b[^.;!?()]{{0,60}}?\b(?:{_RECORDED})\b[^.;!?()]{{0,40}}?\b{word} ?"
        rf"[:=]? ?(?P<n>[1-4])\b(?P<rest>[^.;!?]{{0,60}})",
        FLAGS,
    )
    for kind, word in _GRADE.items()
}
_AGREED = re.compile(r"\b(?:agree[ds]?|concur|correct|confirmed|matches|right)\b", FLAGS)
_ANY_GRADE = {kind: re.compile(rf"\b{word} ?[:=\-]? ?(?P<n>[1-4])\b", FLAGS) for kind, word in _GRADE.items()}


def _attributed(lines: Sequence[Line], kind: str) -> frozenset[int]:
    """Grades the notes report from someone else, where the writer gives a different one."""
    reported: set[int] = set()
    spans: set[tuple[int, int]] = set()
    # (a line wrapped mid-sentence, "... (Office put" / "Cat 2 because ...": read with the next one)
    for line, after in zip(lines, [*lines[1:], None], strict=True):
        text = line.text if after is None else f"{line.text} {after.text}"
        for match in _ATTRIBUTED[kind].finditer(text):
            if match.start() > len(line.text):
                break  # the next line's own, read in its turn
            if _AGREED.search(text, match.start(), match.end()) and not re.search(
                r"\b(?:not|n't)\b", match.group("rest")
            ):
                continue
            reported.add(int(match.group("n")))
            at = match.start("n")
            spans.add(
                (line.number, at)
                if at < len(line.text) or after is None
                else (after.number, at - len(line.text) - 1)
            )
    if not reported:
        return frozenset()
    own = {
        int(match.group("n"))
        for line in lines
        for match in _ANY_GRADE[kind].finditer(line.text)
        if not any(number == line.number and match.start() <= at < match.end() for number, at in spans)
    }
    return frozenset(value for value in reported if own - {value})


def rejected_grades(lines: Sequence[Line], kind: str) -> frozenset[int]:
    """The categories (`kind` "category") or classes ("class") the notes set aside."""
    rejected: set[int] = set()
    for line in lines:
        for match in _NOT_GRADE[kind].finditer(line.text):
            rejected.add(1 if match.groupdict().get("clean") else int(match.group("n")))
        for match in _ANSWERED[kind].finditer(line.text):
            found = match.group("n") or match.group("m") or match.group("k") or match.group("h")
            rejected.add(int(found or match.group("d") or match.group("c")))
    return frozenset(rejected) | _attributed(lines, kind)


# Someone else's view of what the water was, which the writer's own grade answers: 'Tenille asked
# whether it should be treated as grey water "because ...". No - clean supply water', "My neighbor
# says this is gray water". A source word inside it is their guess, not the writer's evidence.
_ASKED_ANSWERED_NO = re.compile(
    r"\b(?:asked|asks|wondered|queried|wanted to know)(?: \w+){0,2} (?:if|whether)\b[^.?!\"]{0,120}"
    r"(?:\"[^\"]{0,80}\"[^.?!\"]{0,20})?[.?!]\s*(?=(?:no|nope|it isn'?t|it's not|it is not)\b)",
    FLAGS,
)
_OTHERS_VIEW = re.compile(
    r"\b(?:neighbou?r|friend|brother|sister|husband|wife|son|daughter|father|mother|dad|mum|mom"
    r"|tenant|caller|agent|landlord)(?:'s \w+| \(\w+\))? (?:says|said|reckons|reckoned|thinks|thought"
    r"|calls it|called it) (?:this|it|that)(?: is|'s| was)? [^.?!;]{0,80}",
    FLAGS,
)


def without_others_views(text: str) -> str:
    """The line with someone else's view of the water blanked out (offsets kept)."""
    out = text
    for pattern in (_ASKED_ANSWERED_NO, _OTHERS_VIEW):
        for match in pattern.finditer(out):
            out = out[: match.start()] + " " * (match.end() - match.start()) + out[match.end() :]
    return out
