"""The room of a table row whose place cell names no room outright: the one affected room its
fixture stands in ("Floor under the dishwasher": the kitchen), or the room whose side of a wall it
was read on ("Partition base, bathroom side", when no other room is named)."""

from __future__ import annotations

from collections.abc import Callable, Collection

from chalicelib.analysis.offline.spaces import Mention, room_mentions


def unnamed_row_place(
    label: str,
    side: Mention | None,
    affected: Collection[str],
    resolve: Callable[[Mention], Mention],
    fixture_room: Callable[[str], Mention | None],
) -> Mention | None:
    """The affected room a table row's words point to without naming it as the place; None when
    they point to none, or to more than one."""
    if side is not None:
        # ("bath drywall, laundry side" names the bath as the place: only a side alone is the room)
        others = [m for m in room_mentions(label) if m.key != side.key]
        room = resolve(side)
        return room if not others and room.key in affected else None
    return fixture_room(label)
