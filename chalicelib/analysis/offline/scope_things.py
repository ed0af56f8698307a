"""What a scope item is done to, as its line writes it: between its verb and its quantity ("removed the
underlay, 5 m2"), else before the verb ("Ceiling out 110 SF"), else after the quantity; a later
quantity's own thing ("... 6 m2 (and the lath strip, 1.2 lm)"), a part given by its size ("the lower
300 mm of fibre cement lining"). Read by scope.py."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.scope_quantities import Quantity, Verb
from chalicelib.analysis.offline.text import FLAGS

MAX_MATERIAL_WORDS = 7  # a longer stretch between verb and quantity is prose, not a material

# Between an item's quantity and its own verb, only its thing: "14 m2 of batts removed"; not the close
# of a bracket or a joined clause ("the underlay (3 m2 hall, 1.5 m2 study) and bagged it").
OWN_VERB_BREAK = re.compile(r"[();:]|\. |\b(?:and|then|before|after)\b", FLAGS)

# ("(about 48 sq ft) is damp and matted - remove": a state and a dash, not the thing's name)
_THING_BREAK = re.compile(r" [-\u2013] |\b(?:is|are|was|were|has|have)\b", FLAGS)


_MATERIAL_TRIM = re.compile(
    r"^(?:\W|\b(?:of|the|a|an|all|both|wet|approx\.?|about|around|roughly|entire|whole|any|new|and|plus|in|to)\b)+"
    r"|(?:\W|\b(?:of|the|a|an|and|in|to|approx\.?|about|around|roughly|at|from|on|with|for|over|across)\b)+$",
    FLAGS,
)


# A part of a thing given by its size: "(the) lower 300 mm of <thing>", "first 2 ft of <thing>".
_SIZED_PART = re.compile(
    r"^\W*(?:(?:the|a|an)\s+)?(?:(?:lower|upper|bottom|top|first|last|end)\s+)?[\d.,]+\s?(?:mm|cm|m|in|ft|'|\")"
    r"\s+of\s+(?:the\s+)?(?P<thing>[^\d]+)$",
    FLAGS,
)
_MATERIAL_STOP = re.compile(
    r"[(:]|\b(?:so|to match|then|which|because|with|while|after|before|if|at)\b", FLAGS
)


def item_material(
    text: str,
    verb: Verb | None,
    quantity: Quantity,
    segment_start: int,
    clause_end: int,
    rooms: Sequence[tuple[int, int, str]],
) -> str | None:
    """What the work is done to, as written: between the verb and the quantity ("removed the
    underlay, 5 m2"), else before the verb ("Ceiling out 110 SF"), else after the quantity."""
    spans: list[tuple[int, int, bool]] = []
    if verb is not None and verb.end <= quantity.start:
        spans += [
            # A later quantity's thing follows the one before it: "... plasterboard: 6 m2 (and the
            # lath strip, 1.2 lm)" takes the lath strip; with nothing named there, the verb's thing.
            (max(verb.end, segment_start), quantity.start, True),
            (verb.end, quantity.start, True),
            (quantity.end, clause_end, True),
            (segment_start, verb.start, False),
        ]
    elif (
        verb is not None
        and verb.start >= quantity.end
        and not OWN_VERB_BREAK.search(text, quantity.end, verb.start)
        and not _THING_BREAK.search(text, quantity.end, verb.start)
    ):
        # ("14 m2 of wet batts removed from the roof space": the thing between the quantity and its verb)
        spans += [
            (quantity.end, verb.start, True),
            (segment_start, quantity.start, False),
            (quantity.end, clause_end, True),
        ]
    else:
        spans += [(segment_start, quantity.start, False), (quantity.end, clause_end, True)]
    for start, end, first_part in spans:
        words = text[start:end]
        for room_start, room_end, _ in rooms:
            if start <= room_start and room_end <= end:
                words = words.replace(text[room_start:room_end], " ")
        if first_part and words.lstrip().startswith("("):
            words = words.lstrip()[1:]  # the bracket opens this quantity's own thing: "(and the lath strip"
        stop = _MATERIAL_STOP.search(words)
        words = words[: stop.start()] if stop and first_part else words
        words = words.split(",")[0] if first_part else words.split(",")[-1]
        words = _MATERIAL_TRIM.sub("", " ".join(words.split()))
        sized = _SIZED_PART.match(words)
        if sized:
            words = sized.group("thing")  # "the lower 300 mm of fibre cement lining": the lining
        words = _MATERIAL_TRIM.sub(
            "", re.split(r"\d", words)[0]
        )  # "plasterboard 0.4m x": its size is no part
        if words and len(words.split()) <= MAX_MATERIAL_WORDS:
            return words
    return None
