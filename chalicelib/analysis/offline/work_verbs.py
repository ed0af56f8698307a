"""The work verbs: words that say restoration work was done or is to be done.

One vocabulary for two readers: the scope reader starts a line item outside a scope section only
with an unmistakable work verb (`SCOPE_VERB_STRICT`), and the wet-extent reader will not take a
quantity of work done for the wet extent (`WORK_DONE`: "cut out the sagging ceiling, 3.6 m2").
"""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS

# Unmistakable work verbs: "Clean supply line ..." or "Cut ..." alone could be anything, these not.
_STRICT_VERBS = (
    r"remove[ds]?|r ?& ?r|r ?& ?d|d ?& ?r|detach(?:ed)?(?: (?:&|and) reset)?|flood[- ]?cut|cut out"
    r"|tear ?out"
    r"|demo(?:lish|lition)?|dispose[ds]?|discard(?:ed)?|replace[ds]?|install(?:ed)?|apply|applied"
    r"|extract(?:ion|ed)?|deodori[sz]e|thermal fog|hepa(?: vac(?:uum)?)?|anti-?microbial|pack ?out"
    r"|content manipulation|encapsulate|erect|lift(?:ed)? and|lifted|sand and|seal and|supply(?: and|/| &)"
    r"|stripped|pulled and"
)
# A bare "strip" is the verb only where nothing names it first ("strip and bag", "and strip", "to strip"):
# after a word it is a noun ("oak strip, wet 2 ft band ~ 22 SF", "the carpet strip"), as it is before a
# place ("strip inside the roller door", "a strip of carpet along the wall").
STRIP_VERB = (
    r"(?:(?<![a-z] )|(?<=\band )|(?<=\bto )|(?<=\bthen ))strip"
    r"(?!\s+(?:inside|along|of|beside|across|near|under|by)\b)"
)
# Words that say work was done once a sentence is known to be about work, too loose to start an item
_DONE_VERBS = (
    rf"cut|remov(?:al|ing)|lift|pulled|tore out|demo(?:lished|ed)|{STRIP_VERB}|bag(?:ged)?|clean(?:ed)?"
)

# Outside a scope section only unmistakable work verbs start an item (matched at the item's start).
SCOPE_VERB_STRICT = re.compile(rf"(?:{_STRICT_VERBS})\b", FLAGS)

# "cut out the sagging ceiling section, 2.4 x 1.5 m (3.6 m2)": a quantity of work done is not the
# wet extent, whatever the sentence says was wet; "wet area after extraction: 0.4 m2" is a time
WORK_DONE = re.compile(
    rf"(?<!after )(?<!before )(?<!since )(?<!following )\b(?:{_STRICT_VERBS}|{_DONE_VERBS})\b", FLAGS
)
