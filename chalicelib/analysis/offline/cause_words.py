"""The words of a loss's cause: its labels ("Cause:", "Circumstances:"), its cues ("caused by"), and
what failed ("burst flexi hose", "caught fire", "float valve stuck open")."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.spaces import DAMAGE_KEYWORDS, LABEL_SEPARATOR
from chalicelib.analysis.offline.text import FLAGS

CAUSE_LABEL = re.compile(
    r"^(?:cause(?: of (?:loss|damage))?|source of (?:loss|water|damage|leak)|origin of (?:loss|fire)"
    # ("Circumstances:", "What happened:", "Incident:", "bkgrd:" head a story: only one naming the
    # loss is its cause)
    rf"|point of origin|loss|(?P<bare>source|src|origin|circumstances|what happened"
    # ("FOL: candle caught the curtain", "Facts of loss: ...": the adjuster's facts of the loss)
    rf"|how it (?:started|happened)|incident|event|background|bkgrd|history|fol|facts? of (?:the )?loss"
    rf"|loss (?:details|description)|description of (?:the )?loss)){LABEL_SEPARATOR}",
    FLAGS,
)


CAUSE_CUE = re.compile(
    r"\b(?:caused by|due to|as a result of|resulting from|originat(?:ed|ing) (?:from|at|in)|came from"
    r"|coming from|traced to|stemming from) ?"
    # ("Water came from above: the kitchenette ceiling ...": a direction, not a cause)
    r"(?! ?(?:above|below|upstairs|downstairs|overhead|the ceiling|the floor above)\b)",
    FLAGS,
)


CAUSE_KEYWORD = re.compile(
    r"\b(?:burst (?:flexi(?:ble)? )?(?:pipe|hose|line|main)|(?:pipe|hose|main) burst|flexi(?:ble)? hose"
    r"|supply line|failed (?:hose|valve|fitting|seal|flange)"
    r"|(?:toilet|bath|(?:bath)?tub|sink|basin|shower|washing machine|dishwasher|cistern)"
    r" (?:overflow(?:ed|ing)?|leak(?:ed|ing)?)"
    r"|overflow(?:ed|ing)? (?:toilet|bath|(?:bath)?tub|sink|basin|cistern)"
    # "the tap was left on and it ran over the tub", "water spilled over the edge of the bath"
    r"|(?:ran|run|running|spilled|spilt|spilling|flowed|poured) over (?:the )?(?:top |edge |rim |side )?"
    r"(?:of (?:the )?)?(?:bath|(?:bath)?tub|sink|basin|toilet|cistern|laundry tub|trough)"
    r"|(?:sewage|sewer) (?:backup|back-up|back up|overflow|surcharge)"
    r"|blocked (?:drain|sewer)|(?:sewer|drain|stormwater)(?: main| line| pipe)?"
    r" (?:blocked|blockage|collapsed)"
    r"|roof leak|(?:hail|thunder|rain|wind|ice)? ?storm|wildfire|bushfire"
    r"|flash flood(?:ing|s)?|rising (?:water|flood(?:water)?s?)|riverine flood(?:ing)?"
    r"|(?:river|creek) (?:flood(?:ing)?|rose|broke its banks)|storm surge|overland flow"
    r"|(?:hot water (?:system|heater|unit|tank)|water heater) (?:failure|failed|burst|leak(?:ed|ing)?)"
    r"|electrical fault|cooking|unattended candle|lightning strike|ice dam|condensation"
    # a fire told by what lit what: "candle on the bookshelf caught the curtain", "the heater set the
    # bedspread alight"; and the cook's pan: "pan of oil on the cooktop", "a pot of fat left on the hob"
    r"|(?:candles?|cigarettes?|heaters?|lamps?|incense|tea ?lights?)(?: [\w-]+){0,4}? (?:caught|ignited|lit)"
    r" (?:the |a |an )?(?:[\w-]+ ){0,2}(?:curtains?|sheers?|blinds?|drapes?|bedding|bedspread|couch|sofa"
    r"|paper|books?|cushions?|rug|towels?)"
    r"|(?:pan|pot|wok|fryer|saucepan) of (?:hot )?(?:oil|fat|grease|chip fat)"
    # "the condensate line found disconnected", "washer drain hose had come unhooked"
    r"|(?:condensate|drain|supply|waste|washer|dishwasher|ice ?maker|fridge|sink|toilet|basin)(?: [\w-]+)?"
    r" (?:line|hose|pipe)s? (?:(?:was|were|had|has|had been|found) )?(?:disconnected|detached|unhooked"
    r"|come unhooked)"
    # fires: "oil in a pan on the hob ignited", "a pot of oil ... caught fire", "fire started in the fryer"
    r"|caught (?:fire|alight)|(?:self-)?ignited|burst into flames|fire (?:started|began) (?:in|at|on|from)"
    # "a candle set fire to the lamp shade", "the e-bike pack went into thermal runaway"
    r"|set fire to|set (?:\w+ ){0,3}(?:alight|on fire)|(?:went )?into thermal runaway|went up in flames"
    # "the extraction duct above the oven caught.": caught fire, told short (not "the leak was caught")
    r"|(?<!was )(?<!were )(?<!been )(?<!be )(?<!is )caught(?=\s*(?:[.;]|$))"
    # "the oil flashed. Flames hit the microwave": a fire told by its flames
    r"|(?:oil|fat|grease|pan) (?:flashed|flared)|flames (?:hit|spread|reached|shot|climbed|took hold)"
    # "the float valve stuck open", "a pinhole in the copper", "the hose had worn through"
    r"|(?:float|ball) ?(?:valve|cock)(?: \w+){0,4} stuck|stuck open|pinhole|(?:worn|rusted|corroded) through"
    # "Floor drain in basement backed up", "the kitchen sink line backed up into the dishwasher": a drain
    # or a fixture's line pushing water back (not "backed up the files")
    r"|(?:drain|sewer|sewer line|lateral|main|toilet|sink|basin|tub|shower|waste|stack)s?(?: [\w-]+){0,3}"
    r" back(?:ed|s|ing)? ?up\b"
    # "the braided flexi on the basin cold tap had let go at the crimp", "a push-fit joiner gave way":
    # a fitting that let go, by its own name
    # ("the PEX tail to the vanity mixer pulled out of its crimp fitting": a tail pulled from its joint)
    r"|(?:flexi(?:ble)?|hose|pipe|fitting|connector|coupling|joiner|tap|valve|tail)s?(?: [\w-]+){0,6}?"
    r" (?:has |had |have )?(?:let go|gave way|given way|blown off|blew off|pulled apart"
    r"|pulled (?:out of|out from|free of|off) (?:its|the|a) (?:[\w-]+ )?(?:fitting|crimp|joint|coupling"
    r"|connector|olive|spigot))"
    # ("grout cracked at one corner" is what was seen, not yet what leaked)
    r"|(?:seal|silicone|sealant|membrane|flashing|boot|gasket)s? (?:has |had |have )?"
    r"(?:failed|let go|perished)"
    r"|(?:failed|perished) (?:\w+ ){0,2}(?:seal|grout|silicone|sealant|membrane|flashing|boot|gasket)s?"
    r"|(?:cracked|split) (?:\w+ ){0,2}(?:membrane|flashing|boot)s?"
    r"|(?:membrane|flashing|boot)s? (?:was |is |had |has )?(?:cracked|split)"
    # "the box gutter blocked at its outlet and overflowed", "condensate line clogged ... pan overflowed"
    r"|(?:gutter|downpipe|outlet|condensate (?:line|pan|drain))s? (?:\w+ ){0,3}(?:blocked|clogged|overflowed)"
    r"|pan overflowed|separated at (?:a |the )?(?:[\w-]+ ){0,2}(?:coupling|joint|fitting)"
    # "Hail blocked the eastern box gutter", "the tub left filling", "the elbow ... blew off"
    r"|(?:blocked|clogged|packed) (?:the |a )?(?:[\w-]+ ){0,2}(?:gutter|downpipe|outlet|drain)s?"
    r"|left (?:the )?(?:tub|bath|sink|basin|taps?)(?: \w+)? (?:filling|running|on)\b"
    r"|(?:dryer|lint|chimney|grease|electrical|appliance) fire"
    r"|sprinkler (?:\w+ ){0,3}(?:discharged|activated|fused|broke|struck)"
    r"|struck (?:a |the )?(?:\w+ )?sprinkler"
    r"|froze and (?:split|burst)|freeze (?:break|burst)|burned dry|left (?:simmering|unattended)"
    # "froze overnight (-9F), split when it thawed": a freeze break told in two clauses (where it
    # froze may stand between: "froze where it ran along the cold outside wall and split"; not a day:
    # "froze during the cold snap that started 2026-11-26 and split" dates the snap, not the split)
    r"|froze\b[^.;]{0,30}?\b(?:split|burst|cracked)|froze\b[^.;\d]{0,80}?\b(?:split|burst|cracked)"
    # "the 200 L fish tank split a seam", "the waterbed ruptured": a vessel of water that let go
    r"|(?:aquariums?|fish ?tanks?|water ?beds?|water (?:tanks?|coolers?|butts?)|rain(?:water)? tanks?)"
    # (its size in brackets may stand between: "aquarium (1.2 x 0.4 m) split")
    r"(?: (?!(?:was|were|is|are|not|no|never|nothing)\b)[\w-]+){0,3}(?: \([^()]{1,40}\))?"
    r" (?:had |has )?(?:split|cracked|burst|ruptured|leaked|gave way|let go|failed|collapsed)"
    r"|leaking (?:\w+ ){0,3}(?:joint|trap|waste|valve|pipe|hose|fitting|connection|seal|drain)"
    # ("Slow drip at the kitchen sink drain slip joint": a drip told by the joint it came from)
    r"|drip(?:ping)? (?:at|from) (?:the |a )?(?:[\w-]+ ){0,4}(?:joint|trap|waste|valve|fitting|connection"
    r"|seal|union|olive)s?\b(?![^.;]{0,20}\b(?:was|is|were) (?:dry|fine|sound|tight))"
    r"|(?:joint|trap|waste|valve|pipe|hose|fitting|connection|coupling)s? (?:\w+ ){0,4}"
    r"(?:is |was |are |were |has been )?weeping"
    r"|(?:shower|bath|tub|sink|basin|toilet|cistern) (?:is |was |has been |had been )(?:leaking|overflowing)"
    r"|(?:pipe|line|hose|valve|fitting|main|connector|elbow|coupling)s?"
    r" (?:leak(?:ed|ing|s)?|split|cracked|failed|burst|broke|let go|came (?:off|out|loose|free)|dislodged"
    # "the outlet hose jumped out of the standpipe", "the flexi popped off the tap"
    r"|jumped (?:out|off)|popped (?:out|off)|blew (?:out|off))"
    # "a forklift struck a sprinkler head", "the sprinkler head was knocked off": a sprinkler let go
    r"|(?:struck|hit|knocked|snapped|broke) (?:off )?(?:a |an |the )?(?:[\w-]+ ){0,2}sprinkler"
    r"|sprinkler (?:head |pipe |line )?(?:was |were )?(?:struck|hit|knocked|broke|burst|activated"
    r"|discharged|went off|let go|failed|froze)"
    r"|(?:split|cracked|failed|broken|leaking) (?:\w+ ){0,2}(?:hose|pipe|line|valve|fitting)"
    # a part told, then what happened to it a few words on: "the cold valve stem cracked", "the
    # push-fit elbow on the cold feed to the RO unit blew off", "the plastic nut on the waste trap had
    # worked loose", "the kiln controller shorted", "the hose under our kitchen sink burst" (no denial
    # between: "the valve was not cracked")
    # ("the copper feed line to the espresso machine under the front counter split": a line named by
    # what it carries, and where it runs, up to eight words)
    r"|(?:valve|elbow|fitting|coupling|nut|union|connector|stem|trap|controller|element|thermostat"
    r"|hose|pipe|flexi(?:ble)?|(?:feed|supply|inlet|water|copper|pex|poly) line)s?"
    r"(?: (?!(?:was|were|is|are|not|no|never|nothing)\b)[\w-]+){0,8}"
    r" (?:had |has )?(?:cracked|blew (?:off|out)|worked (?:itself )?loose|let go"
    r"|came (?:off|apart|loose|away)|split|burst|shorted|perished|snapped|sheared)"
    # a slow leak as a mould inspector tells it: "the wax seal and the vanity drain had both been
    # weeping", "the slip nut was loose and had been dripping", "the tap body cracked and weeping",
    # "the shower's waterproofing has failed", "rocking on a failed wax ring"
    r"|(?:seal|wax ring|drain|trap|slip nut|nut|tap|tap body|flange|joint|waste|valve)s?"
    r" (?:had |has |have )(?:both |all )?been (?:weeping|dripping|leaking)"
    r"|(?:loose|cracked|split) and (?:had been |has been )?(?:weeping|dripping|leaking)"
    # ("waterproofing at the hob has failed": where it failed may stand between)
    r"|waterproofing(?: (?!(?:was|were|is|are|not|no|never)\b)[\w-]+){0,4} (?:has |had |have )?"
    r"(?:failed|broken down)|failed (?:wax ring|waterproofing)"
    r"|flange (?:leaked|leaking|leaks)"
    # "the bathroom exhaust fan discharges into the attic": wet air, the mould inspector's cause
    r"|fan (?:\w+ ){0,2}(?:vents?|venting|vented|discharges|discharging|discharged|exhausts|exhausting)"
    r" (?:straight |directly )?into (?:the )?(?:attic|roof ?space|ceiling (?:space|void|cavity)|loft))\b",
    FLAGS,
)


LOSS_PATTERNS: tuple[re.Pattern[str], ...] = (CAUSE_KEYWORD, *(pattern for _, pattern in DAMAGE_KEYWORDS))
