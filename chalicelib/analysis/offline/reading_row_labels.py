"""Whether a table row's words say it is a row of drying equipment rather than of a surface's readings.

"Air movers set 4 4 3" counts units; "Hallway slab, pad pulled back % 5.6 5.0 4.5" is the slab's
readings, the pad having been pulled back to read it: a verb of setting or pulling alone names no
unit when the row's words name a material the verb is about."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.reading_segments import EQUIPMENT_WORDS
from chalicelib.analysis.offline.readings import materials_in
from chalicelib.analysis.offline.text import FLAGS

# The verbs among the equipment words: they say what was done, not to what
_VERB = re.compile(r"\b(?:set|placed|pulled|removed|added|running)\b", FLAGS)


def counts_equipment(label: str) -> bool:
    """Whether a row's words name drying equipment: a unit's word, or a verb of placing or pulling
    with no material named for it to be about."""
    if EQUIPMENT_WORDS.search(label) is None:
        return False
    if EQUIPMENT_WORDS.search(_VERB.sub(" ", label)) is not None:
        return True  # ("2 air movers pulled", "dehu running")
    return not materials_in(label)
