"""Rooms of another household: "the neighbour's kitchen", "next door's laundry", "the downstairs
neighbour saw a stain on her hall ceiling". Water that showed in a neighbour's flat places the
leak; the room is not one of this job's affected areas."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.spaces_vocabulary import Mention
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


def others_room(text: str, sentences: Sentences, mention: Mention) -> bool:
    """Whether the room named is a neighbour's, not the insured's."""
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
