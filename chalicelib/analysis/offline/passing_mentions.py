"""Rooms named for something other than damage: where things were put ("spare boxes in the
garage"), where a machine is ("bathroom exhaust fan"), where the valve was shut ("at the main in
the garage")."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.material_words import material_words
from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import FLAGS

# "(spare boxes in garage)", "staged in the garage": a room named for where things were put.
PASSING = re.compile(
    r"\b(?:stag(?:ed|ing)|stor(?:ed|ing)|stacked|kept|parked|spare|boxes|samples?|air tests?"
    r"|moved (?:to|into)|taken (?:to|into)|set up in|looked (?:up|down) (?:into|at)"
    r"|from (?:below|above|underneath)"
    # "the joists were checked from the attic and are clean": where the writer looked from
    r"|(?:checked|seen|inspected|viewed|looked at|metered|read|accessed) from"
    r"|(?:going|went|go|walk\w*|climb\w*|carr(?:y|ied|ying)) (?:down|up))\b",
    FLAGS,
)


# "he shut off the water at the main in the garage": where the valve is, not where the water went
_VALVE_BEFORE = re.compile(
    r"\b(?:shut|turned|switched) (?:it |the water |the supply |the main )?off\b[^.;,]{0,40}$"
    r"|\bat the (?:water )?(?:main|meter|stop ?cock|shut-?off)(?: valve)? (?:in|by|under) (?:the )?$",
    FLAGS,
)


# "checked the split in the kitchen, condensate tray dry": the room where an appliance the writer
# checked stands; what the line says of the appliance is not said of the room.
_APPLIANCE_BEFORE = re.compile(
    r"\bthe (?:split(?: system)?|air ?con(?:ditioner)?|a/?c(?: unit)?|heat ?pump|hot water (?:unit|system)"
    r"|hws|fridge|dishwasher|washing machine) (?:unit )?in (?:the )?$",
    FLAGS,
)


# "Crawl space fan", "Bathroom exhaust fan": a room naming where a machine is, not a heading for the
# room. (Not "Kitchen door": a door is part of the room, and its damage is the room's.)
_THING_AFTER = re.compile(
    r" (?:exhaust |extractor |ceiling |drying )?(?:fans?|air ?movers?|blowers?|dehu\w*|heaters?|scrubbers?"
    r"|afds?|extractors?"
    # ("the hall smoke/leak detector sounded": where an alarm hangs)
    r"|(?:smoke|leak|heat|water|flood|co)(?: ?/ ?(?:smoke|leak|heat|water|flood|co))?"
    r" (?:detectors?|alarms?|sensors?))\b",
    FLAGS,
)


# "she was in the lounge when she heard water hitting the floor", "we were asleep in the front bedroom
# when the alarm went": where someone was when the loss was found, not where the water went
_SOMEONE_WAS_IN = re.compile(
    r"(?<!water )(?<!it )(?<!there )\b(?:was|were)(?: (?:sitting|standing|asleep|sleeping|working|cooking"
    r"|reading|watching (?:tv|television)|in bed|upstairs|downstairs|at home))?"
    r" in (?:the |her |his |my |our |their )?$",
    FLAGS,
)
# (heard or smelt from there, or called: found from afar; "when she saw the carpet was soaked" may
# well be the room's own carpet)
_WHEN_NOTICED = re.compile(
    r",? (?:at the time )?(?:when|as) (?:(?:she|he|they|we|i|someone|the \w+) (?:first )?"
    r"(?:heard|smelt|smelled|got (?:a|the) (?:call|text))|the (?:alarm|detector) (?:went|sounded))\b",
    FLAGS,
)


def names_a_thing_there(text: str, mention: Mention) -> bool:
    """A room named for a machine in it or a valve shut there, or for where someone was when the loss
    was noticed, not for what happened to it."""
    return (
        _THING_AFTER.match(text, mention.end) is not None
        or (
            _WHEN_NOTICED.match(text, mention.end) is not None
            and _SOMEONE_WAS_IN.search(text, max(0, mention.start - 40), mention.start) is not None
        )
        or _VALVE_BEFORE.search(text, max(0, mention.start - 60), mention.start) is not None
        or _APPLIANCE_BEFORE.search(text, max(0, mention.start - 40), mention.start) is not None
    )


# "The plasterboard in the studio itself was not wet", "the tiles of bed 2 read dry": a room named
# as where a material is; a verdict on its sentence is said of the material first.
_MATERIAL_IN = re.compile(r"(?:\s+itself)?\s+(?:in|of|on|at)\s+(?:the\s+)?$", FLAGS)
_MATERIAL_REACH = 40


def names_a_material_there(text: str, mention: Mention) -> bool:
    """Whether a room is named only as where a material is: "<material> in <room>"."""
    low = max(0, mention.start - _MATERIAL_REACH)
    for word in material_words(text[low : mention.start]):
        if _MATERIAL_IN.fullmatch(text, low + word.end, mention.start):
            return True
    return False
