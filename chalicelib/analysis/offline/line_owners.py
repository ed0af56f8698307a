"""Who a position on a line belongs to: the room whose part of the line it is in."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from chalicelib.analysis.offline.measure_rooms import related_in_bracket
from chalicelib.analysis.offline.spaces import segments
from chalicelib.analysis.offline.spaces_vocabulary import Mention


class Owners:
    """Who a position on a line belongs to: the mention whose part of the line it is in. Text before
    the first mention's clause belongs to none (the room the notes were already talking about). A
    room a bracket only relates the one before it to ("Dining area (open to the kitchen) - 10 x 9 ft,
    approx 45 SF wet") owns its bracket; what follows the bracket is the first room's again."""

    def __init__(self, text: str, mentions: Sequence[Mention]) -> None:
        ordered = sorted(mentions, key=lambda mention: mention.start)
        parts = [
            (start, mention) for (start, _), mention in zip(segments(text, ordered), ordered, strict=True)
        ]
        for index in range(1, len(ordered)):
            mention = ordered[index]
            close = text.find(")", mention.end)
            after = ordered[index + 1].start if index + 1 < len(ordered) else len(text)
            if related_in_bracket(text, mention) and 0 <= close < after:
                parts.append((close + 1, ordered[index - 1]))
        parts.sort(key=lambda part: part[0])
        self._starts = [start for start, _ in parts]
        self._mentions = [mention for _, mention in parts]

    def at(self, pos: int) -> Mention | None:
        index = bisect_right(self._starts, pos) - 1
        return self._mentions[index] if index >= 0 else None
