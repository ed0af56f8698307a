"""Rooms of another household: "the neighbour's kitchen", "next door's laundry", "the downstairs
neighbour saw a stain on her hall ceiling". Water that showed in a neighbour's flat places the
leak; the room is not one of this job's affected areas. Nor is a room word that names a body of
people ("which is where the office got 8/12 from") or a word of a business's name ("Fernhill
Growers Nursery")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.proper_names import business_names, in_business_name
from chalicelib.analysis.offline.spaces_vocabulary import Mention, vocabulary_mentions
from chalicelib.analysis.offline.text import FLAGS, Sentences

# Right before the room: the neighbour's own ("the neighbour's hall", "next door's laundry").
_OTHERS_OWN = re.compile(
    r"\b(?:neighbou?r(?:'s|s'|\u2019s)|next[- ]door(?:'s|\u2019s))(?: [a-z]+)?(?: the)? $", FLAGS
)
# Right after a whole business's floor: "the nail salon next door" is another tenancy's (a room
# of the job "next door", "ran into the family room next door", is only beside the one before).
_NEXT_DOOR_AFTER = re.compile(r"[ \t]+next[- ]door\b(?!'s|\u2019s|[ \t]+to\b)", FLAGS)
_PREMISES = frozenset({"salon", "shop_front"})
# A possessive pronoun right before the room ("on her hall ceiling") ...
_PRONOUN = re.compile(r"\b(?:his|her|their)(?: [a-z]+)? $", FLAGS)
# ... whose sentence has a neighbour as its person, with no other person named after that.
_NEIGHBOUR = re.compile(
    r"\b(?:neighbou?rs?|(?:tenants?|occupants?|owners?) (?:below|above|next door|downstairs|upstairs))\b",
    FLAGS,
)
_OTHER_PERSON = re.compile(
    r"\b(?:insured|client|owner|homeowner|policyholder|tenant|he|she|they|Mr|Mrs|Ms|Dr)\b", FLAGS
)
_REACH = 160  # how far back in its sentence the neighbour may be named
# Right after the room, what only people do: "the office got 8/12 from the booking", "the office rang
# us", "reception logged the call" (the firm's staff; not "the office got wet", "the office took water")
_PEOPLE_ACT = re.compile(
    r"[ \t]+(?:booked|logged|rang|phoned|e-?mailed|texted|messaged|emailed|wrote|quoted|invoiced|said|says"
    r"|told|filled in|entered|asked|confirmed"
    # ("the date the office put down", "the office noted 3/4": what a firm's staff wrote on a job)
    r"|put down|noted|recorded|keyed in|typed|took down|wrote down"
    r"|got (?:the|this|that|a|an|it|\d)(?! ?(?:wet|damp|soaked|water)))\b",
    FLAGS,
)


def people_act(text: str, mention: Mention) -> bool:
    """ "Office wrote "Class 2?" on the docket": the room word is the firm's staff, doing what people do."""
    return _PEOPLE_ACT.match(text, mention.end) is not None


def others_room(text: str, sentences: Sentences, mention: Mention) -> bool:
    """Whether the room named is a neighbour's, not the insured's (or no room: a body of people, a
    word of a business's name)."""
    if _PEOPLE_ACT.match(text, mention.end) or in_business_name(text, mention.start, mention.end):
        return True
    if _OTHERS_OWN.search(text, max(0, mention.start - 30), mention.start):
        return True
    if mention.base in _PREMISES and _NEXT_DOOR_AFTER.match(text, mention.end):
        return True
    pronoun = _PRONOUN.search(text, max(0, mention.start - 20), mention.start)
    if pronoun is None:
        return False
    start = max(sentences.bounds(mention.start)[0], pronoun.start() - _REACH)
    # (the last neighbour named before the pronoun)
    last = max((found.end() for found in _NEIGHBOUR.finditer(text, start, pronoun.start())), default=None)
    return last is not None and _OTHER_PERSON.search(text, last, pronoun.start()) is None


def trading_rooms(lines: Sequence[str]) -> frozenset[str]:
    """The kinds of room (bases) a business's name in the notes ends with ("Fernhill Growers Nursery",
    "Harbour Partners Office"): the same word bare elsewhere is that business, not a room of the job
    ("water from the nursery's pond")."""
    bases: set[str] = set()
    for text in lines:
        for start, end in business_names(text):
            name = text[start:end]
            last = name.split()[-1]
            bases.update(
                mention.base
                for mention in vocabulary_mentions(name)
                if mention.end == len(name) and name[mention.start : mention.end].split()[-1] == last
            )
    return frozenset(bases)
