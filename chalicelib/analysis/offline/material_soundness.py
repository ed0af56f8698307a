"""Whether a line says a material it names is fine, or only hedges about it: "slab not wet", "tiles
dry", "frame sound", "may have wicked", "water sat on the tiles and was wiped up", "no mould on the
framing". Such a material is named, not affected.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.text import FLAGS, HEDGE_WORDS

# "slab not wet", "tiles dry", "frame sound", "did not get wet": the material said to be fine.
_SOUND_AFTER = re.compile(
    r"[^.;,]{0,60}?\b(?:not (?:wet|damp|affected|damaged)|(?:was |is |were |are |all |read |reads )?dry\b"
    r"(?! ?(?:std|standard))|intact|sound|undamaged|unaffected|no swelling|fine\b|ok\b"
    r"|(?:read|reads|reading) normal"
    r"|(?:did ?n[o']t|never|has ?n[o']t|have ?n[o']t|had ?n[o']t) (?:get |got |gotten |become |been )?"
    r"(?:wet|damp|affected|touched)|stayed dry|remained dry"
    # "the tile did not lift", "the boards have not cupped": the damage a finish shows, said absent
    r"|(?:did ?n[o']t|has ?n[o']t|have ?n[o']t)"
    r" (?:lift|swell|cup|buckle|delaminate|lifted|swollen|cupped|buckled)\b"
    r"|(?:only )?(?:damp|wet) on (?:the )?(?:top|surface)|only surface (?:damp|wet)"
    r"|only (?:had |has |got )?surface (?:water|moisture)|surface (?:water|moisture) only"
    r"|same as (?:the )?(?:\w+ ){0,3}(?:reference|dry standard|baseline)"
    # "the studs are steel": a frame that takes up no water
    r"|(?:are|is|were|was) (?:steel|metal)\b"
    # "the tiles shed the water, nothing soaked in": a sealed finish the water ran off
    r"|shed (?:the |all the )?water|nothing soaked in|(?:did ?n[o']t|never) soak (?:in|through)\b"
    # "the slab itself didn't take any water", "the boards took up no moisture", "the tiles never
    # absorbed any of it": the material said to have taken none of the water
    r"|(?:did ?n[o']t|has ?n[o']t|have ?n[o']t|had ?n[o']t|never)"
    r" (?:take|took|taken|absorb(?:ed)?|pick(?:ed)?)(?: up| in)?"
    r" (?:(?:any|much)(?: of)?(?: the| it| that)?(?: water| moisture)?|(?:the )?(?:water|moisture))\b"
    r"|(?:took|taken|absorbed|picked) (?:up |in )?(?:no|none of the) (?:water|moisture)"
    # "back bar cabinet 9 %MC (no water got behind the bar)", "(the water never reached it)": a bracket
    # after its reading saying the water did not get there (bracketed: a clause of its own, "carpet
    # soaked, no water got into the hall", speaks of another place)
    r"|(?<=\()(?:but |and )?(?:no (?:water|moisture)"
    r"|(?:the )?(?:water|moisture) (?:never|did ?n[o']t))"
    r" (?:got|get|reach(?:ed)?|came|come|went|go|made it|make it)\b)",
    FLAGS,
)


SAID_SOUND = re.compile(
    r"\b(?:not (?:wet|damp|affected|damaged)|dry|intact|sound|fine|undamaged|unaffected|ok|normal"
    r"|no (?:damage|water))\b",
    FLAGS,
)


# "floor - laminate, tenant mopped a puddle, floor dry": the surface said fine later in the clause.
SOUND_LATER = re.compile(
    r"\b(?:floor|it|they|both|all|surface|boards?|joints?) (?:was |is |were |are |read |reads |all )?"
    r"(?:dry|fine|sound|ok|undamaged)\b|\bno swelling\b"
    # "plasterboard readings 12 and 11 (relative scale), which are normal", "subfloor 10 %MC - normal"
    r"|\b(?:which|that|these|those|both|all) (?:is|are|was|were) (?:all )?(?:normal|dry|fine)\b"
    r"|\d ?(?:%|%? ?mc|wme)?(?: \([^()]{1,30}\))? ?[-\u2013] (?:normal|dry)\b",
    FLAGS,
)


# "Ceramic tile floor (water on top)", "hardwood floorboards: water sat on the surface and was wiped
# up": water on a sealed surface that went no further; the material is not part of the drying.
SURFACE_WATER_KEYS = frozenset({"tile", "hardwood"})
SURFACE_WATER = re.compile(
    # ("... water sat on the" where a PDF wrapped the line)
    r"[^.;]{0,30}?\b(?:water (?:sat |was |lying |standing |pooled |only )?on(?: the)?(?: (?:top|surface)\b|$)"
    r"|(?:surface water only|only surface water)\b)"
    r"(?![^.;]{0,40}\b(?:lift\w*|cupp\w*|swell\w*|swollen|buckl\w*|crown\w*|delaminat\w*|loose|drummy"
    r"|soaked in|under the)\b)",
    FLAGS,
)
# "got wet where the water came down but it wasn't soaked through ... read 11 which is normal"
BUT_NOT_REACHED = re.compile(
    r"[^.]{0,120}?\bbut\b[^.]{0,80}?\b(?:(?:was|is|were|are)(?:n'?t| not) soaked(?: through)?"
    r"|not soaked through|(?:which|that) (?:is|was) normal|reads? normal)\b",
    FLAGS,
)


# "no damage to the tile", "no water on the boards": nothing at all found on it, which clears the same
# material named elsewhere in the room's part of the line ("no mould on the skirting" does not: the
# skirting may still be wet)
NO_DAMAGE_ON = re.compile(
    r"\bno (?:visible |sign of |signs of |obvious )?(?:water |moisture |heat |smoke )?"
    r"(?:damage|water|moisture|swelling) (?:on|in|to|behind|under)\b[^.;:]{0,50}$",
    FLAGS,
)


# "no visible mould on the back of the board or the framing": what nothing was found on.
NONE_ON = re.compile(
    # ("no water damage to the tiles", "no obvious heat damage on the boards")
    r"\bno (?:visible |sign of |signs of |obvious )?(?:water |moisture |heat |smoke )?"
    r"(?:mou?ld|growth|damage|staining|water|moisture|swelling|wicking)"
    r" (?:on|in|to|behind|under)\b[^.;:]{0,50}$",
    FLAGS,
)


# "may have wicked", "possibly the underlay", "check whether the pad": a hedge is not damage.
HEDGE_BEFORE = re.compile(
    rf"\b(?:{HEDGE_WORDS}|whether|unknown if|if any"
    r"|check(?:ed)? (?:for|if|whether|the)|to check|to be checked"
    # "an inspection hole cut in the ceiling to look at the joists": what was looked at, not found wet
    r"|to (?:look at|view|see|inspect))\b[^,;.]{0,30}$",
    FLAGS,
)


def said_sound(text: str, end: int) -> bool:
    """Whether the material ending at `end` is said fine right where it is named ("carpet (dry)")."""
    return _SOUND_AFTER.match(text, end, end + 90) is not None


# "the tenant dried it; ... so it's not on this claim", "dry, not part of loss", "Not in scope": what the
# sentence leaves out of the job is not among its affected materials.
OUT_OF_CLAIM = re.compile(
    r"\bnot (?:part of|on|in|included in|covered by|covered under)(?: the| this| our)? "
    r"(?:loss|claim|scope|job|assessment|drying chamber)\b"
    # "the concrete is not being dried or logged", "not being dried or monitored": left out of the drying
    r"|\bnot (?:being |to be )?(?:dried|logged|monitored)(?: or (?:dried|logged|monitored))?\b",
    FLAGS,
)


# "Oak floor in the dining room got drips; wiped up that night and it reads normal - not wet": the
# sentence comes back to the material as "it" or "they" to say it is fine.
_PRONOUN_SOUND = re.compile(
    r"[^.]{0,80}?[;,\-\u2013] (?:[a-z ]{0,50}? )?(?:it|they) (?:now |still )?"
    r"(?:is |was |are |were |reads? |tested |checked )?(?:normal|dry|fine|sound|ok|not wet)\b",
    FLAGS,
)


def said_sound_later(text: str, end: int, stop: int) -> int | None:
    """Where a later "it"/"they" of the sentence (ending at `stop`) says the material ending at `end` is
    fine, or None."""
    match = _PRONOUN_SOUND.match(text, end, min(stop, end + 160))
    return match.end() if match is not None else None


# "the pantry has the same tile but only the baseboard and the bottom of the drywall got wet": the
# sentence names which of its materials the water reached, and the others it names were not.
_ONLY_THESE = re.compile(
    r"\bonly (?P<named>[^.;:!?]{1,80}?) (?:got|was|were|is|are|has been|have been|went|became|ended up)"
    r" (?:wet|damp|affected|soaked|wicked|wicking|damaged)\b",
    FLAGS,
)


def outside_only_these(text: str, start: int, end: int, word_start: int, starts: Sequence[int]) -> bool:
    """Whether the sentence (start..end) says only some of its materials (their `starts`) got wet, and
    the material at `word_start` is not among them."""
    for match in _ONLY_THESE.finditer(text, start, end):
        named = range(match.start("named"), match.end("named"))
        if word_start in named:
            return False
        if any(start in named for start in starts):
            return True
    return False


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def same_part(kept: str, cleared: str) -> bool:
    """Whether a material a room keeps is the one a line says is fine: one name holding the other
    ("floor tiles" and "tiles"), or the same thing named in the plural or with a describing word
    ("ceramic tile" and "the tiles themselves"); "kickboards" and "cabinet carcasses" are two parts."""
    if kept in cleared or cleared in kept:
        return True
    kept_words = [_singular(word) for word in kept.lower().split()]
    cleared_words = [_singular(word) for word in cleared.lower().split()]
    if not kept_words or not cleared_words or kept_words[-1] != cleared_words[-1]:
        return False
    return set(kept_words) <= set(cleared_words) or set(cleared_words) <= set(kept_words)
