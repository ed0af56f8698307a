"""A sentence's verdict on every room it names: "Kitchen, office and staff room were checked: no
readings above background" (read by spaces.py for each line's rooms)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.room_states import (
    MOTION_INTO,
    READING_NUMBER,
    SAID_DRY,
    UNAFFECTED,
    UNAFFECTED_MILD,
    seen_damage,
)
from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import FLAGS, Sentences

_BRACKETED = re.compile(r"\([^()]*\)")


_SPORES = re.compile(r"\bspores?\b|\bcondition ?2\b", FLAGS)
_GRADED_CONDITION = re.compile(r"\bcond(?:ition)?\.? ?[23]\b(?! ?(?:-|\u2013|to|or) ?1)", FLAGS)


def sentence_unaffected(
    text: str, found: Sequence[Mention], sentences: Sentences, flags: list[list[bool]]
) -> None:
    """ "Kitchen, office and staff room were checked: no readings above background": a sentence that
    calls its rooms unaffected and says nothing is wet or damaged speaks for every room it names."""
    said: dict[tuple[int, int], bool] = {}
    graded = _GRADED_CONDITION.search(text) is not None  # (once a line: linear in a long one)
    for mention, flag in zip(found, flags, strict=True):
        bounds = sentences.bounds(mention.start)
        if bounds not in said:
            start, end = bounds
            # ("R1 = vestry woodblock (dry standard)": a bracket's verdict is its own room's only)
            sentence = _BRACKETED.sub(" ", text[start:end])
            said[bounds] = (
                (
                    UNAFFECTED.search(sentence) is not None
                    or UNAFFECTED_MILD.search(sentence) is not None
                    # "Bathroom and bedroom 2 open off the hallway; both were checked and are dry."
                    # (settled spores are S520 Condition 2 however little grows: "no visible growth,
                    # settled spores on contents" is not a clean room)
                    or (SAID_DRY.search(sentence) is not None and _SPORES.search(sentence) is None)
                )
                and not seen_damage(text, start, end)
                and READING_NUMBER.search(sentence) is None
            )
        # ("the ensuite floor was dry; it ran ... into the master bedroom": where it ran is not dry)
        moved_into = MOTION_INTO.search(text, max(bounds[0], mention.start - 80), mention.start)
        # ("Hallway: no visible growth, but settled dust on the skirting. Condition 2.": a room its own
        # heading line grades S520 Condition 2 or 3 is not cleared by one sentence of that line)
        if said[bounds] and not moved_into and not (flag[4] and graded):
            flag[1] = True
