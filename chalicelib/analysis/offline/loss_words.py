"""Words that tell the water getting out or in, and words that only announce the weather: what
dates a loss (job_dates.py)."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS

# The water getting out, in the event's sentence or the next one.
LEAK_WORD = re.compile(
    r"\b(?:leak(?:s|ed|ing)?|wept|weep(?:s|ing)?|drip(?:s|ped|ping)?|ran|let go|burst|overflow(?:ed|ing)?"
    r"|split|gave way|came (?:off|loose|apart)|never (?:quite )?tight|(?:was|were|came) loose|rusted through"
    r"|(?:came|coming|pouring|poured|gushing|gushed|spraying|sprayed) (?:out|from|through|down))\b",
    FLAGS,
)


# The water getting out or coming in: what dates a loss over the weather that caused it.
ESCAPE = re.compile(
    rf"{LEAK_WORD.pattern}|\b(?:came|got|poured|flowed|ran|seeped) (?:in|into|across|under|through)\b"
    r"|\b(?:broke its banks|flooded|inundated|ceiling (?:was |started )?(?:dripping|leaking))\b",
    FLAGS,
)
# The sound of a pipe or hose letting go, heard before the water is found ("heard a bang around 11pm
# ... when I got up the floor was under water"): the night it was heard is the escape's.
ESCAPE_SOUND = re.compile(
    r"\bheard (?:a |an |this |the )?(?:loud |big |sharp |almighty )?"
    r"(?:bang|crack|pop|thud|thump|clunk|hiss(?:ing)?)\b",
    FLAGS,
)
# A warning or forecast of the weather is not the loss ("the flood warning went out on the 14th").
ANNOUNCEMENT = re.compile(
    r"\b(?:warnings?|forecasts?|alerts?|watch(?:es)?|evacuation (?:notice|order))\b", FLAGS
)
