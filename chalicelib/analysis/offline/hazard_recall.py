"""More ways writers flag a hazard, read beside hazards.py's own patterns (each kind is taken from
the first line naming it that does not rule it out, so these only add readings).

- Electrical: the board a circuit was isolated at ("lighting isolated at the DB", "isolated at the
  MCB", "turned off at the wall and the board"), a part kept off until an electrician sees it
  ("isolated pending an electrician"), a panel and what befell it ("the sub-panel is
  heat-damaged"), power brought back only after a check ("tested before re-energising"), and a
  fitting someone saw misbehave ("the ceiling light ... it flickered").
- Slip/trip: a wet floor finish people were kept off ("wet vinyl - signs and mats", "wet slab -
  cones and a spotter"), and a slip named in a hazards list ("slip on the slab (coned off)").
- Structural: fire-damaged framing ("charred ceiling joist"), a sagging ceiling on a hazards line.
- Biohazard: contaminated water worked in PPE ("Category 3 from the start, with full PPE", "Category
  2 water: gloves and P2 masks"; not water only treated "with Category 3 precautions"), vermin
  droppings ("mouse droppings in the attic cellulose").
- Mould: black spotting or spots on a lining ("black spotting under the cupboard base").
- Any kind: the writer's own tag in brackets after what they saw ("... before restart (electrical)").
- Other: silica dust, a confined space, fall-through, a snake or sharps, dry soot people are masked
  against, soot or a fire's remains called corrosive.
"""

from __future__ import annotations

import re

from chalicelib.analysis.findings import HazardKind
from chalicelib.analysis.offline.text import FLAGS

_BOARD = (
    r"(?:db|mcb|rcbo|distribution board|consumer unit|switchboard|switch board|fuse ?box|fuse board"
    r"|breaker(?: box| panel)?|(?:main |sub-?|electrical |service |breaker )panel|meter box)"
)

_PANEL = r"(?:(?:main|sub-?|electrical|service|breaker) ?panel|distribution board|consumer unit)"

_INSTALLATION = (
    r"(?:gpos?|power ?points?|outlets?|sockets?|receptacles?|circuits?|wiring|boards?|panels?|fittings?"
    r"|fixtures?|lights?|downlights?|floor box(?:es)?|isolators?|rcds?|gfcis?)"
)

_ELECTRICAL_MORE = re.compile(
    # ("washers locked out at the panel": a circuit made safe where its breakers are)
    rf"\b(?:(?:isolated|switched off|turned off|shut off|off|tripped|locked out|tagged out) at (?:the )?"
    rf"(?:{_BOARD}|panel)"
    # ("turned off at the wall and the board": the board named after the socket's own switch)
    rf"|(?:isolated|switched off|turned off|shut off|off) at (?:the )?(?:wall|socket|gpo|outlet|switch)"
    rf"(?:,| and| &)? (?:at )?(?:the )?(?:{_BOARD}|board|panel)"
    # a part kept off until an electrician has seen it: "isolated pending an electrician", "were isolated
    # until the electrician tested them", "switched off awaiting the electrician's check"
    r"|(?:isolated|switched off|turned off|shut off|disconnected|de-?energi[sz]ed|locked out|tagged out)"
    r"(?: (?!(?:water|gas|supply|valve|tap|main)\b)[\w\-]+){0,3}? (?:until|pending|awaiting|till)"
    r" (?:(?:the|an?|our|their|a licensed|a qualified) )?electrician"
    rf"|lighting(?: [\w\-]+){{0,5}} (?:isolated|switched off|turned off|off at)"
    rf"|{_PANEL}(?: [\w\-]+){{0,6}} (?:is |was |are |were )?(?:heat[- ]damaged|wet|flooded|tripped"
    r"|isolated|disconnected|damaged|scorched|melted)"
    r"|re-?energi[sz](?:e|ed|ing)"
    r"|(?:lights?|light fittings?|fittings?|outlets?|sockets?|power ?points?|gpos?|receptacles?"
    r"|switch(?:es)?|downlights?)\b[^.;]{0,60}?\b(?:it|they|which) (?:flickered|sparked|shorted|buzzed"
    r"|tripped)"
    # an electrician called to the installation: "electrician to assess separately", "the
    # electrician (booked 10/11) cleared the GPOs" (not other trades' work: "electrician to duct the
    # extractor"; a check that found it dry or sound is ruled out after it)
    rf"|electricians?(?: \([^()]{{1,30}}\))? (?:(?:is |was )?(?:to|booked to|called to|coming to|will)"
    r" (?:assess|check|test|inspect|look at|look over)\b"
    r"|(?:has |had )?(?:cleared|checked|tested|inspected|signed off)(?: and [\w-]+)?"
    rf" (?:the |all |both |two |three |\d+ )?(?:[\w'-]+ ){{0,2}}{_INSTALLATION}"
    # (the verdict straight after: "checked the floor boxes - dry")
    r"(?!\w|\s*[-,:]\s*(?:all )?(?:dry|sound|fine|ok|okay|clear)\b)))\b",
    FLAGS,
)

_FLOOR_FINISH = (
    r"(?:floors?|vinyl|slab|tiles?|lino|linoleum|concrete|screed|epoxy|decking|timber|lvp|lvt|laminate"
    r"|planks?)"
)

_SLIP_MORE = re.compile(
    rf"\bwet (?:[\w\-]+ ){{0,2}}{_FLOOR_FINISH}(?=[^.;]{{0,50}}?\b(?:cones?|coned|signs?(?! of)|signage"
    r"|mats|spotters?|keep (?:out|off|clear)|kept (?:out|off|clear)|taped[- ]off|barriers?|barricaded"
    r"|cordoned)\b)"
    # a floor said to be slippery in other words: "LVP slick - cones", "the concrete with silt on it
    # was like ice", "tiles greasy underfoot" (not a denial between: "the slab is not slick")
    rf"|{_FLOOR_FINISH}\b(?:[^.;]{{0,40}}?\b(?:is|was|are|were|stays?|remains?))?(?! not\b)"
    r"(?:[^.;]{0,12}?)\b(?:slick|like ice|like glass|greasy|slimy|slippy)\b"
    # "Hazards: slip on the warehouse slab (coned off)", "electrical (GPO), slip (epoxy wet)"
    r"|(?<=[:,;] )slip(?= (?:on|in|at) |(?: risk| hazard)? \()"
    # what people trip on, made safe: "leads taped and ramped", "mat hoses (taped, flagged - trip)"
    # (not "refitting the hose - not covered (maintenance)": an insurer's cover, denied)
    # (not the water a hose put down: "hose water covered the whole floor")
    r"|(?:leads|cables?|cords?|hoses?|lay-?flat|ducting)"
    r"(?: (?!(?:not|no|never|water|spray|stream)\b)[\w\-]+){0,2}"
    r"(?: \(| (?:are |were )?)"
    r"(?:taped|ramped|flagged|covered)(?: down)?\b"
    # "tack strip exposed along the hall - trip", "exposed tack strip", "nearly tripped on one"
    r"|exposed (?:tack|carpet gripper|gripper) ?(?:strip|rod)s?|(?:tack|gripper) ?strips? exposed"
    r"|(?:nearly |almost )tripped (?:on|over)",
    FLAGS,
)

_FRAME = r"(?:joists?|trusses?|rafters?|beams?|purlins?|studs?|bearers?|framing|top plates?)"
# A member named only as where something else is: "batts between two joists sagging" (the batts sag).
_WHERE_ELSE = "".join(
    f"(?<!{place} {each})"
    for place in ("between", "under", "beneath", "below", "across", "along", "over", "among")
    for each in ("", "the ", "two ", "the two ", "2 ", "the 2 ", "three ", "3 ", "adjacent ")
)
_STRUCTURAL_MORE = re.compile(
    # a ceiling that gave way, listed by the writer as a hazard: "HAZARDS: ... The dining ceiling sagged
    # around the chandelier box and was cut out" (a sagging ceiling in the room notes is only wet)
    r"^\W*(?:hazards?|safety|risks?|whs|oh&s)\s*:[^\n]*?\bceiling(?! tiles?)(?: [\w\-]+){0,6}"
    r" (?:sag|sagging|sagged|bowing|bowed|bulging|bellied)\b|"
    # (not across a joining word: "the duct is charred and one purlin is scorched")
    rf"\b(?:(?:charred|burnt|burned|fire[- ]damaged) (?:(?!(?:and|or|but|nor)\b)[\w\-]+ ){{0,2}}{_FRAME}"
    # the member first: "two roof purlins over bay 2 scorched and sagging" (no denial between: "joists
    # are not charred")
    rf"|{_WHERE_ELSE}{_FRAME}(?: (?!(?:not|no|never|nor|neither|un\w+)\b)[\w\-]+){{0,6}}"
    # (scorched alone is a surface mark: "studs scorched but solid")
    r" (?:charred|burnt|burned|sagging|fire[- ]damaged)"
    # the suspended ceiling's own frame giving way: "T-bar grid sagging in one bay", "the ceiling grid
    # sagged over the coffee station" (not its tiles: "tiles saturated and sagging in the grid")
    r"|(?:ceiling |t-?bar |suspended |suspension )grid(?: (?!(?:not|no|never|tiles?)\b)[\w\-]+){0,4}?"
    r" (?:is |was |has )?(?:sagging|sagged|sags|bowed|bowing|dropping|collapsed|collapsing|failing"
    r"|failed))\b",
    FLAGS,
)

_MASKS = r"(?:P2|N95|P100|FFP[23]|masks?|respirators?)"

# Hazards of no listed kind that writers name in a safety list or in passing: silica dust, a
# confined crawlspace, fall-through between ceiling joists, a snake or sharps on site, dry loose
# soot or ash people are masked against. (Not a drain snake, nor masks worn for sewage or mould:
# those are other kinds' PPE.)
_OTHER_MORE = re.compile(
    r"\b(?:silica(?: dust)?|confined[- ]space|fall[- ]through"
    # a crawl too tight to work in freely: "tight crawl, two-person rule", "low clearance - one person
    # in at a time" (a crawlspace merely named is no hazard)
    r"|(?:tight|low|restricted|cramped|limited|narrow) (?:crawl(?:space| space)?|clearance)"
    # the crawl's clearance given, then what it takes: "crawl clearance only 18 in. - tight, knee pads
    # and a spotter" (not a clearance alone: "crawlspace clearance 36 in., dry")
    r"|crawl(?:space| space)?\b[^;]{0,60}?\b(?:tight|cramped|spotter|two[- ]person)\b"
    r"|two[- ]person rule|one (?:person|tech|worker) (?:in )?at a time"
    # the smoke of burnt plastics people are masked against: "soot from burnt plastics - FFP3 masks"
    rf"|(?:soot|residue|smoke)(?: [\w\-]+){{0,3}} (?:burnt|burned|melted) (?:plastics?|pvc|rubber|foam)"
    rf"[^.;]{{0,50}}?\b{_MASKS}"
    # the burnt plastic named first: "burnt plastics residue and soot in the kitchen - PPE"
    rf"|(?:burnt|burned|melted) (?:plastics?|pvc|rubber|foam) (?:residue|soot|smoke|fumes)"
    rf"[^.;]{{0,50}}?\b(?:{_MASKS}|ppe)"
    r"|(?-i:(?<!drain )(?<!sewer )snakes?)(?! (?:camera|cable|line))"
    r"|(?:needles?|syringes?|sharps)(?= (?:found|in|on|under|behind|were|was)\b)"
    rf"|(?:dry|loose) (?:soot|dust|ash)[^.;]{{0,40}}?\b{_MASKS}"
    rf"|(?:soot|dust|ash)(?: [\w\-]+){{0,3}} (?:is|was|are|were) (?:dry|loose)[^.;]{{0,40}}?\b{_MASKS}"
    # a fire's chemical residue: "PVC combustion residue is acidic and corrosive", "Dry chemical
    # powder is an irritant", "battery residue and extinguisher powder: treat as hazardous",
    # "Respirators for the burnt PVC residue", "a dust hazard once it dries"
    r"|(?:residue|powder|dust|fumes)(?: [\w\-]+){0,3}(?: \([^()]{1,40}\))?(?: (?:is|are)(?: an?)?|:)"
    r" (?:irritant|corrosive|acidic"
    r"|toxic|caustic|treat(?:ed)? as hazardous)"
    rf"|{_MASKS} for (?:the )?(?:[\w\-]+ ){{0,3}}(?:residue|fumes|powder)"
    # the soot itself, or what the fire left, called corrosive, or the masks it takes: "Battery remains
    # and soot are corrosive", "Oily soot residue - gloves and masks for cleaning"
    r"|(?:soot|ash|remains)(?: [\w\-]+){0,3}(?: \([^()]{1,40}\))?(?: (?:is|are)(?: an?)?|:)"
    r" (?:irritant|corrosive|acidic|toxic|caustic|treat(?:ed)? as hazardous)"
    rf"|soot(?: [\w\-]+){{0,2}}\s[-:\u2013]\s(?:[\w ]{{0,20}}?)\b{_MASKS}"
    r"|(?:dust|chemical|fume|fumes|battery) hazard)\b",
    FLAGS,
)

_PPE = r"(?:gloves|ppe|p2|n95|p100|ffp[23]|respirators?|tyvek|coveralls)"

_BIOHAZARD_MORE = re.compile(
    r"\b(?:cat(?:egory)? ?[23]|grey water|gray water|black water|sewage|contaminated|silt)\b"
    rf"(?![^.;]{{0,50}}?\bprecautions?\b)[^.;]{{0,50}}?\b{_PPE}\b"
    # (not a bird's on a roof: vermin inside the building)
    r"|\b(?:mouse|mice|rats?|rodents?|possums?|vermin)(?: [\w\-]+)? (?:droppings|faeces|feces|urine)\b",
    FLAGS,
)

_MOULD_MORE = re.compile(
    r"\bblack (?:spotting|spots|specks)\b"
    # mould listed as a hazard, first in the list or after a comma: "Hazards: mould (settled spores in
    # the family room)", "Risks: slip, mould" (not "Hazards: no mould", which is no item of the list)
    r"|\b(?:hazards?|risks?|safety|whs|oh&s|ohs)\s*:\s*(?:[^.;:]{0,60}?,\s*)?mou?ld(?=\s*(?:\(|,|;|\.|$))",
    FLAGS,
)

# The writer's own tag of the kind, in brackets after what they saw: "the isolator got wet; it was
# switched off and tested before restart (electrical)", "charred purlins (structural)".
_TAG = r"(?<=\S )\((?:%s)\)"
_ELECTRICAL_TAG = re.compile(_TAG % r"electrical|electrics", FLAGS)
_STRUCTURAL_TAG = re.compile(_TAG % r"structural", FLAGS)
_SLIP_TAG = re.compile(_TAG % r"slip(?: ?/ ?trip| risk| hazard)?|trip(?: risk| hazard)?", FLAGS)
_BIOHAZARD_TAG = re.compile(_TAG % r"bio-?hazard", FLAGS)

EXTRA_HAZARDS: tuple[tuple[HazardKind, str, re.Pattern[str]], ...] = (
    (HazardKind.ELECTRICAL, "Electrical", _ELECTRICAL_TAG),
    (HazardKind.STRUCTURAL, "Structural", _STRUCTURAL_TAG),
    (HazardKind.SLIP_TRIP, "Slip/trip", _SLIP_TAG),
    (HazardKind.BIOHAZARD, "Biohazard", _BIOHAZARD_TAG),
    (HazardKind.BIOHAZARD, "Biohazard", _BIOHAZARD_MORE),
    (HazardKind.MOULD, "Mould", _MOULD_MORE),
    (HazardKind.ELECTRICAL, "Electrical", _ELECTRICAL_MORE),
    (HazardKind.SLIP_TRIP, "Slip/trip", _SLIP_MORE),
    (HazardKind.STRUCTURAL, "Structural", _STRUCTURAL_MORE),
    (HazardKind.OTHER, "Other", _OTHER_MORE),
)
