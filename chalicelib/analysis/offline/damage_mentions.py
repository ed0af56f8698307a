"""Damage words that name no damage of this job: a restorer's trading name that pairs two kinds of
damage ("Coastline Water & Mould - Moisture Map", "RIVERSIDE FLOOD & FIRE"), a mould the writer did
not see ("couldn't spot any mould", "nobody has seen mould") or only guessed at ("could be mould or
just soot", "mould?"), and a mould a client only asked about ("the tenant asked about mould").

Read only for the damage type: a restorer names itself for every damage it works on, so a pair of
kinds joined by "&" says nothing about this job; a denied or guessed mould is no mould found.
"""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS

# Two kinds of damage joined into one name, each word capitalised as a name is
# ("Flood & Fire", "WATER AND MOLD"); "Fire and water damage" names the job's own damages.
_KIND = r"(?:water|flood|fire|smoke|mou?ld|storm)"
_PAIRED_KINDS = re.compile(rf"\b{_KIND} ?(?:&|\+|and) ?{_KIND}\b(?! damage)", FLAGS)


# Before a mould word: a look that found none ("can't see any", "nobody has seen", "couldn't find
# any") or a guess ("might be", "could be", "maybe"), or a client's question ("asked about").
_DOUBT_BEFORE = re.compile(
    r"(?:\b(?:can(?:no|['\u2019])?t|could(?:n['\u2019]?t| not)|nobody (?:has|had)|no-?one (?:has|had))"
    r" (?:see|seen|spot|spotted|find|found|detect|detected|smell)(?: any)?"
    r"|\b(?:might|may|could) (?:just |also |possibly )?be(?: (?:an?|some))?"
    r"|\b(?:maybe|possibly|perhaps)(?: (?:an?|some))?"
    r"|\basked (?:about|if there (?:was|is) (?:any )?))\s*$",
    FLAGS,
)

# After a mould word: a question ("mould? didn't see any") or the other guess it is weighed against
# ("mould or might just be dust").
_DOUBT_AFTER = re.compile(
    r"^(?:\?|,? or (?:(?:it )?(?:might|may|could)|maybe|possibly|perhaps|just)\b)", FLAGS
)

_REACH = 40  # how far before a mould word its doubt is looked for


def in_paired_kinds_name(text: str, start: int, end: int) -> bool:
    """Whether the damage word at [start, end) is one of a trading name's pair of kinds."""
    return any(
        pair.start() <= start
        and end <= pair.end()
        and all(
            word[0].isupper() for word in re.findall(r"[a-z]+", pair.group(0), FLAGS) if word.lower() != "and"
        )
        for pair in _PAIRED_KINDS.finditer(text)
    )


def doubted_mould(text: str, start: int, end: int) -> bool:
    """Whether the mould word at [start, end) is denied by a look, guessed at or only asked about."""
    return (
        _DOUBT_BEFORE.search(text[max(0, start - _REACH) : start]) is not None
        or _DOUBT_AFTER.match(text[end : end + _REACH]) is not None
    )
