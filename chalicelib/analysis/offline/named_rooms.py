"""A room the notes name by whose it is ("Mikaere's room (bedroom 2, 3.4 x 3.0)"), and the room
that name stands for wherever it is written again."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.spaces import Mention, room_mentions
from chalicelib.analysis.offline.text import FLAGS

# A room known by whose it is, as written: "Mikaere's room".
_NAMED_ROOM = re.compile(r"[a-z]{2,12}'s (?:bed)?room", FLAGS)


def named_room_aliases(texts: Sequence[str]) -> dict[str, Mention]:
    """ "Mikaere's room (bedroom 2, 3.4 x 3.0)" once, then "Mikaere's room" alone: the name the notes
    gave the room in its bracket stands for it wherever it is written by whose it is. Keyed by the
    key of the room as written whose it is; the mention it stands for."""
    aliases: dict[str, Mention] = {}
    for text in texts:
        if "'s " not in text or "(" not in text:
            continue
        for mention in room_mentions(text):
            written = text[mention.start : mention.end]
            if mention.base != "named_room" or not _NAMED_ROOM.fullmatch(written):
                continue
            own = room_mentions(written)
            if own and own[0].key != mention.key:
                aliases.setdefault(own[0].key, mention)
    return aliases
