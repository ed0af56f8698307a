"""Grades the writer relays from the technician who graded the job: an owner's or a property
manager's e-mail quoting what the drying firm's technician said ('Rob said it was "Category 1, clean
water"', 'their tech told us "Cat 2, class 2" on site', 'She said it's a "Class 1" job'). The quote
is the firm's own call, passed on without dispute; it is the stated grade where the writer grades
nothing themselves.

Quoted grades from anyone else stay someone else's words: the insurer's, the booking's, a relative's
or a neighbour's ('the owner's son reckons "class 3"'), a guess ('said "sounds like class 3 if ..."'),
or one the writer answers ('"clean water, Category 1" - Josh disagreed')."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS, Sentences

# Someone's quoted words: straight or curly double quotes.
_QUOTE = re.compile(r"\"[^\"]{1,120}\"|\u201c[^\u201d]{1,120}\u201d")

# The verb that relays a statement: said, told us, confirmed, called it, classed it, wrote down.
_SAID = re.compile(
    r"\b(?:said|says|told (?:me|us|him|her|them|mum|dad)|confirmed|explained|called it|classed it"
    r"|classified it|rated it|graded it|put it (?:at|as|down as)|wrote(?: down)?|went with)\b",
    FLAGS,
)

# Who graded it: the firm's technician, by role or by a pronoun or a first name. Checked on the
# words just before the verb ("Rob", "Their tech", "the guy from the drying company", "She").
_FIRM_SPEAKER = re.compile(
    r"\b(?:tech|techs|technician|technicians|restorer|drier|dryer|drying (?:company|firm|team|guys?|man|lady)"
    r"|restoration (?:company|firm|team|guys?)|(?:team|crew) (?:leader|lead)|supervisor|the guys?|the lady"
    r"|he|she|they)\s*$",
    FLAGS,
)
_NAME_SPEAKER = re.compile(r"(?-i:\b[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*$")

# People and papers whose grade is theirs, not the firm's: the booking, the insurer's side, the
# household, bystanders. A possessive ("Jo's brother", "the owner's son") names somebody else too.
_NOT_THE_FIRM = re.compile(
    r"\b(?:office|intake|booking|dispatch|call (?:centre|center)|insurer|insurance|carrier|adjuster"
    r"|assessor|broker|agent|estimate|estimator|portal|form|template|system|builder|roofer|plumber"
    r"|electrician|owner|tenant|landlord|manager|caller|neighbou?r|friend|brother|sister|husband|wife"
    r"|partner|son|daughter|cousin|uncle|aunt|father|mother|dad|mum|mom|in-law|I|we)\b|'s\b|\u2019s\b",
    FLAGS,
)
# The speaker's words, at most this many before the verb, inside the verb's clause.
_SPEAKER_REACH = 40

# A grade given as a guess, or as what it would be if something held.
_HEDGED = re.compile(
    r"\b(?:might|may|could|would|should|probably|possibly|perhaps|maybe|presumably|sounds? like"
    r"|looks? like|at least|gotta|if|unless|not sure|reckon\w*|think\w*|thought)\b|\?",
    FLAGS,
)

# What the writer answers the quote with: "- no", "but it had sat for days", "Josh disagreed".
_DISPUTED = re.compile(
    r"[-\u2013\u2014;:,] ?(?:no|nope)\b|\b(?:but|however|disagree\w*|wrong|incorrect|overrul\w*"
    r"|not (?:right|so|true)|(?:was|is)n'?t|(?:was|is) not)\b",
    FLAGS,
)
_ANSWER_NEXT = re.compile(r"\s*(?:no|nope|wrong|not so|not true|I (?:don't|do not) agree)\b", FLAGS)


def relayed_quotes(text: str) -> list[tuple[int, int]]:
    """The spans of the quotes in `text` that relay the grading technician's own words."""
    spans: list[tuple[int, int]] = []
    sentences = Sentences(text)
    for quote in _QUOTE.finditer(text):
        start, end = sentences.bounds(quote.start())
        said = [found for found in _SAID.finditer(text, start, quote.start())]
        if not said:
            continue
        verb = said[-1]
        lead = text[max(start, verb.start() - _SPEAKER_REACH) : verb.start()]
        # (only the clause the verb is in: "Dale was worried, but Rob said ...")
        lead = re.split(r"[,;:()]| and | but ", lead)[-1]
        if _NOT_THE_FIRM.search(lead):
            continue
        if not (_FIRM_SPEAKER.search(lead) or _NAME_SPEAKER.search(lead)):
            continue
        between = text[verb.end() : quote.start()]
        # ("Rob said it was \"Category 1\" and \"Class 2\"": one verb relays both quotes; another
        # verb's clause in between would have been found as the last verb)
        if _HEDGED.search(between) or _HEDGED.search(quote.group(0)):
            continue
        if _DISPUTED.search(text, quote.end(), end) or _ANSWER_NEXT.match(text, end):
            continue
        spans.append((quote.start(), quote.end()))
    return spans
