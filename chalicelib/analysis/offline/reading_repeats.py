"""A reading said again: the scan keeps the first telling of a reading, not each restatement."""

from __future__ import annotations

from chalicelib.analysis.offline.reading_where import UNSPECIFIED_LOCATION
from chalicelib.analysis.offline.readings import ReadingDraft

_UNSPECIFIED_LOCATION = UNSPECIFIED_LOCATION
_REPEAT_REACH = 40  # how many readings back a restated one is looked for
_REPEAT_LINES = 10  # and how many lines back: a restatement is close to what it restates
_RESTATED_LINES = 25  # a readings list restating the rooms' notes reaches further back


def _same_point(one: ReadingDraft, other: ReadingDraft) -> bool:
    """Two readings that may be one point: the same material and place, or one of them unnamed."""
    materials = (one.material.key if one.material else None, other.material.key if other.material else None)
    locations = (one.location, other.location)
    return (None in materials or materials[0] == materials[1]) and (
        _UNSPECIFIED_LOCATION in locations or locations[0] == locations[1]
    )


class ReadingRepeats:
    """Whether a reading restates one already kept (the scan's readings so far)."""

    readings: list[ReadingDraft]

    def _repeats(self, draft: ReadingDraft, *, told: bool, in_block: bool) -> bool:
        """A reading said again: the dry standard of a day restated in a table ("7%MC (REF)" then a
        REF column of 7 that day), a sentence citing one already listed ("The restroom reading
        of 85 was the wettest"), or a readings list restating what the room's notes gave ("Main
        bath: ... Subfloor 32%MC (pin)" then, under "Readings 13/06", "- bath subfloor 32%MC")."""
        blocks: list[bool] = self.__dict__.get("_draft_blocks", [])
        first = max(0, len(self.readings) - _REPEAT_REACH)
        for index in range(first, len(self.readings)):
            earlier = self.readings[index]
            distance = (draft.source.line or 0) - (earlier.source.line or 0)  # the analyzer cites lines
            if distance > _RESTATED_LINES:
                continue
            if (
                in_block
                and index < len(blocks)
                and not blocks[index]
                and earlier.value == draft.value
                and earlier.taken_on == draft.taken_on
                and earlier.unit == draft.unit
                and earlier.material is not None
                and draft.material is not None
                and earlier.material.key == draft.material.key
                and earlier.location == draft.location
            ):
                return True
            if distance > _REPEAT_LINES:
                continue
            same = (
                earlier.value == draft.value
                and earlier.taken_on == draft.taken_on
                and (
                    earlier.unit == draft.unit
                    or "%" in (earlier.unit, draft.unit)
                    or "REL" in (earlier.unit, draft.unit)
                )
            )
            if (
                same
                and draft.is_reference
                and earlier.is_reference
                and earlier.source.line != draft.source.line  # ("skirt 12%MC, p-board 12%MC": two points)
                and _same_point(earlier, draft)
            ):
                return True
            if (
                same
                and told
                and earlier.location == draft.location
                and earlier.source.line != draft.source.line
            ):
                return True
        return False
