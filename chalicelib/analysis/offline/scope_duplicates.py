"""The same work told twice: once in the day's log and once in the claim's summary.

Inspectors write what they did as they did it ("removed the toe kicks on cabinets 1 and 2 (8 LF)",
"pulled the wet underlay out (4.5 m2 hall, 2 m2 bedroom 3)") and then list it again for the
insurer ("remove and reinstall toe kicks 8 LF", "remove and dispose underlay 6.5 m2"). A line item
billed twice is a wrong fact on the report, so the second telling is folded into the first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.findings import ScopeItem

_WORD = re.compile(r"[a-z]+")
# "remove and refit kickboards": the second verb of a pair is read into the material's name
_LEADING_VERB = re.compile(
    r"^(?:re-?fit|re-?install|re-?set|re-?fix|re-?instate|re-?lay|replace|dispose(?: of)?|discard|bag)"
    r"(?: and \w+)? ",
    re.IGNORECASE,
)


def _words(text: str | None) -> frozenset[str]:
    return frozenset(_WORD.findall((text or "").lower()))


def _same_material(mine: str, theirs: str) -> bool:
    """One name holds the other, or one's last two words are in the other ("reinstall toe kicks",
    "toe kicks on cabinets"; but "ceiling tiles" is not "carpet tiles")."""
    if mine in theirs or theirs in mine:
        return True
    for name, other in ((mine, theirs), (theirs, mine)):
        words = name.split()
        if len(words) >= 2 and f" {' '.join(words[-2:])} " in f" {other} ":
            return True
    return False


def same_work(item: ScopeItem, other: ScopeItem) -> bool:
    """The same work told on two lines: the same measure, of the same material ("toe kicks" and
    "toe kicks on cabinets"), by the same work or one that holds it ("remove" and "remove and
    reinstall")."""
    if item.quantity is None or item.source.line == other.source.line:
        return False
    if (item.quantity, item.unit) != (other.quantity, other.unit):
        return False
    if item.action == other.action == "extract" and item.unit == "L":
        return True  # ("extracted standing water (approx 900 L)", "extract 900 L water + silt": one job)
    mine, theirs = (_LEADING_VERB.sub("", (name or "").lower()) for name in (item.material, other.material))
    if mine and theirs and not _same_material(mine, theirs):
        return False
    # a different work only when both name the material ("drill 6 holes" is not "patch 6 holes")
    return item.action == other.action or (_action_held(item, other) and bool(mine and theirs))


def _action_held(item: ScopeItem, other: ScopeItem) -> bool:
    """The same work, or one that holds the other ("remove" and "remove and reinstall")."""
    if item.action == other.action:
        return True
    actions = _words(item.action), _words(other.action)
    return bool(actions[0] and actions[1]) and (actions[0] <= actions[1] or actions[1] <= actions[0])


def _parts_of(total: ScopeItem, items: Sequence[ScopeItem]) -> list[int]:
    """The items of one other line that split `total` by room: the same work, material and unit,
    two or more parts that add up to it ("4.5 m2 hall, 2 m2 bedroom 3" of "remove underlay 6.5 m2";
    not the new underlay laid over both rooms, which is other work)."""
    material = (total.material or "").lower()
    if total.quantity is None or not material:
        return []
    by_line: dict[int | None, list[int]] = {}
    for index, item in enumerate(items):
        name = (item.material or "").lower()
        if (
            item is total
            or item.source.line == total.source.line
            or item.unit != total.unit
            or item.quantity is None
            or not _action_held(item, total)
            or not name
            or (name not in material and material not in name)
        ):
            continue
        by_line.setdefault(item.source.line, []).append(index)
    for indexes in by_line.values():
        parts = sum(items[index].quantity or 0.0 for index in indexes)
        if len(indexes) >= 2 and abs(parts - total.quantity) < 0.05:
            return indexes
    return []


def without_split_parts(items: list[ScopeItem]) -> list[ScopeItem]:
    """The items, less the parts of any total another line gives for the same work."""
    dropped: set[int] = set()
    for item in items:
        dropped.update(_parts_of(item, items))
    return [item for index, item in enumerate(items) if index not in dropped]
