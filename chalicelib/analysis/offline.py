"""The offline analyzer: deterministic rules over inspection notes, no network, no AI.

Every fact keeps the line it was read from. What the rules cannot find is listed in
`Findings.undetermined` rather than guessed. Formula factors and the edition each rule comes
from are configuration (`standards.json`, see `standards.py`).

Rules, in the order they decide:
- Damage type: a labelled line ("Loss type: ...", "Type of loss: ...") wins. Otherwise the first
  non-negated keyword of the highest-ranked type: fire/smoke, then mould, then water, then other.
  Fire and mould outrank water because fire notes mention suppression water and mould notes
  mention the leak behind them, while water notes rarely mention fire.
- Cause of loss: a labelled line ("Cause: ...", "Source of water: ..."), else a phrase after
  "caused by" / "due to" / ... in a sentence about the loss, else the first sentence naming a
  known cause (burst pipe, sewage backup, ...). "Cause: unknown" stays undetermined.
- Job facts: labelled claim number, insured, address (else the first street address written as
  one, "12 Smith St, Springfield"), date of loss (labelled, else a dated sentence about the loss)
  and inspection date (labelled, else the first dated visit line).
- Dates: ISO, "3 March 2024", "Mar 3, 2024" and numeric dates. A numeric date whose day and month
  could swap (03/04/2024) is read in the order the document itself settles: any unambiguous date
  in it (14/02/2025 is day-first), else the address's country (an AU/NZ state and postcode reads
  day-first, a US state and ZIP month-first), else `dates.numericOrder` in the configuration,
  else it is left undetermined. Numeric dates without a year ("16/02") are read only on visit
  lines, taking the year of the dates around them.
- Visit days: a line starting with a date, "Day 3", "Visit 2", "Intake", a weekday ... opens a
  visit; the readings and equipment after it belong to that date. "Day N" without a date is
  Day 1 + N - 1; readings before any visit line belong to the inspection date.
- Rooms: a vocabulary (kitchen, bedroom 2, "bed 3", "dining rm" ...) or a "Room: X" label. A room
  is an affected area when its line is headed by it or its sentence describes damage, and it is not
  called unaffected (dry standard, no damage); other rooms are only reading locations. A room's
  materials, dimensions and wet extents come from its part of the line and the lines after it, up
  to the next room or a blank line. A bare "bathroom" after "Downstairs bathroom" is that room;
  "Basement" alone is dropped when "Basement laundry" is an area. A room named only to place
  something ("below kitchen", "hall wall") is not the line's subject.
- Dimensions need a unit ("12x14 ft", "12' x 14'", "3.5 x 4 m", "12x14x8 ft"): "2 x 4" alone is too
  ambiguous. Wet extents: "wet floor 120 sf", "carpet wet wall to wall", "walls wet to 24in",
  "26 lf of drywall", "ceiling 40 sq ft stained", "ceiling 8x10 ft section stained", "2 offsets",
  "8 ft ceilings", "ceiling height 2.4 m throughout" (every room without its own).
- Readings: "32%MC", "MC 32%", "WME 45", "REL 20", "reading 18% on drywall", "drywall 18%" (unit
  "%": the scale was not written). Under a "Readings ...:" heading a bare number after a material
  is a reading too ("kitchen laminate 62"), on the scale the meter or heading names (WME, REL,
  %MC), else "%". A reading in an unaffected room or after "dry std"/"reference"
  is a dry-standard reading; it gives the dry standard of the same material and scale, and the
  drying goal is that plus the configured tolerance (per material where configured: concrete
  %MC is not wood). A reading is dry when the notes say so next
  to it ("11 WME dry"), else when it is at or below its goal. Air: "72F", "22 C", "RH 65%",
  "GPP 78", "DP 50F"; GPP and dew point are computed when not written. A temperature alone is no
  psychrometric reading. Locations: "outside", "affected (Kitchen)", "unaffected (Bedroom 1)",
  "dehumidifier inlet/outlet", "HVAC".
- S500 category: from the source of the water (supply line 1; washing machine/dishwasher/toilet
  overflow without faeces 2; sewage, flood, seawater 3, the worst source named wins), worsened to
  2 when clean water stood longer than the configured hours. A category the notes state is the
  value reported (it is the technician's documented call); a rule that disagrees is said in the
  justification and QA flags it. Rainwater and roof leaks are not categorised by rule.
- S500 class: class 4 when a low-permeance material (hardwood, concrete, plaster, masonry) is
  described wet; else the wet share of the affected rooms' floor + wall + ceiling surface. Wet
  extents only bounded by the notes ("drywall wicking 30 cm" along unknown walls) give a range,
  and the class is determined only when the whole range falls in one class.
- Equipment: the S500 air-mover and dehumidifier formulas with the configured factors, shown as a
  calculation; quantities placed are read from the notes ("3 AM + 1 LGR dehu"), per visit day,
  with "added"/"pulled" counted, and the most on site at once is the stated quantity.
- Scope items: lines starting with a work verb ("Remove & discard carpet pad 168 sf"), every
  bulleted line of a scope section, each part of an inline "Scope: a, b, c"; not "... not required".
- Hazards: asbestos (named, or a build year before the configured year), lead paint, electrical,
  sewage/Category 3, mould, slip/trip, structural, gas.
- S520 mould condition: stated, else 3 for visible growth, 2 for settled spores.

Lines are split on \\n, \\r\\n and \\r only, so line numbers match what an editor shows.
No pattern nests unbounded repetition, all run over whitespace-collapsed text, and each
sentence is examined a bounded number of times, so the analysis stays linear in the input.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal, TypeVar

from chalicelib.analysis.findings import (
    AffectedArea,
    AtmosphericReading,
    Classification,
    DamageType,
    DateFact,
    EquipmentItem,
    EquipmentKind,
    FindingField,
    Findings,
    HazardKind,
    JobInfo,
    LengthUnit,
    MoistureReading,
    SafetyHazard,
    ScopeItem,
    SourceSpan,
    TextFact,
)
from chalicelib.analysis.psychrometrics import celsius_to_fahrenheit, dew_point_f, gpp_from_fahrenheit
from chalicelib.analysis.standards import (
    Standards,
    SurfaceShare,
    air_mover_calculation,
    dehumidifier_calculation,
    drying_goal,
    load_standards,
)

_T = TypeVar("_T")

ANALYZER_NAME = "offline-rules"
ANALYZER_VERSION = "2.0.0"

_FLAGS = re.IGNORECASE | re.ASCII  # ASCII: \d must only match digits float() reads the same way
_MAX_QUOTE = 300
_MAX_ROOM_NAME = 60
_MAX_DESCRIPTION = 200
_FEET_PER_METRE = 3.28084
_SQFT_PER_SQM = _FEET_PER_METRE**2

# Control and invisible characters (and lone surrogates, which JSON cannot carry).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ud800-\udfff]"
)
_WHITESPACE = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TYPOGRAPHIC_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2033": '"',
        "\u00b2": "2",  # m², ft² (NFKC leaves the superscript alone in some inputs)
        "\u00b0": "\u00b0",
    }
)
# A full stop after an abbreviation or an initial ("approx.", "Mrs K. Walsh") ends no sentence.
_SENTENCE_END = re.compile(
    r"(?<!\bapprox)(?<!\best)(?<!\bno)(?<!\bvs)(?<!\bmr)(?<!\bmrs)(?<!\bdr)(?<!\bst)"
    r"(?<!\b[A-Za-z])[.!?](?= |$)",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(
    r"^(?:(?:tbc|tbd|tba|unknown|unsure|not known|not sure|pending|n/?a|none|nil"
    r"|to be (?:confirmed|determined|advised)|under investigation|investigating)\b|[?.\-\s]*$)",
    _FLAGS,
)
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

# --- damage type -------------------------------------------------------------------------------

_DAMAGE_KEYWORDS: tuple[tuple[DamageType, re.Pattern[str]], ...] = (
    (
        DamageType.FIRE_SMOKE,
        re.compile(
            r"\b(?:fire(?! ?(?:alarm|detector|extinguisher|exit|door|escape|rated|rating|blanket|place"
            r"|brigade"
            r"|dept|department|service|sprinkler))"
            r"|smoke(?! ?(?:alarm|detector))|soot|sooty|char|charred|charring|burnt|burned|burn"
            r"|scorch(?:ed|ing)?|flames?|combustion)\b",
            _FLAGS,
        ),
    ),
    (
        DamageType.MOULD,
        re.compile(r"\b(?:mou?ld(?:y|s)?|mildew|fung(?:al|us|i)|spores?|microbial)\b", _FLAGS),
    ),
    (
        DamageType.WATER,
        re.compile(
            r"\b(?:water|sewage|sewer|flood(?:ed|ing|s|water)?|burst|leak(?:s|ed|ing|age)?|overflow(?:ed"
            r"|ing|s)?"
            r"|supply line|pipe|rain(?:water)?|saturated|wet|damp)\b",
            _FLAGS,
        ),
    ),
    (
        DamageType.OTHER,
        re.compile(
            r"\b(?:hail|wind|impact|vehicle|vandal(?:ism)?|earthquake|theft|break-in|fallen tree)\b", _FLAGS
        ),
    ),
)
_LABEL_SEPARATOR = r" ?(?:[:=]| [-\u2013\u2014] ) ?"
_DAMAGE_LABEL = re.compile(
    rf"^(?:(?:loss|damage|claim|job) type|type of (?:loss|damage|claim)){_LABEL_SEPARATOR}", _FLAGS
)
# A keyword right after these is an absence or a risk, not evidence ("no mould", "check for mould").
_NEGATION_BEFORE = re.compile(
    r"\b(?:no|not|nil|without|none|never|negative for|free of|free from|prevent|preventing|avoid|risk of"
    r"|potential|check for|checked for|monitor for|test for|tested for|inspect for|rule out|ruled out)\b",
    _FLAGS,
)
_NEGATION_AFTER = re.compile(
    r"^[ :\-\u2013]*(?:none|nil|no|not|n/a|absent|negative|will|may|could|might|would)\b", _FLAGS
)
_NEGATION_WINDOW = 30

# --- cause of loss -----------------------------------------------------------------------------

_CAUSE_LABEL = re.compile(
    r"^(?:cause(?: of (?:loss|damage))?|source of (?:loss|water|damage|leak)|origin of (?:loss|fire)"
    rf"|point of origin|loss|(?P<bare>source|origin)){_LABEL_SEPARATOR}",
    _FLAGS,
)
_CAUSE_CUE = re.compile(
    r"\b(?:caused by|due to|as a result of|resulting from|originat(?:ed|ing) (?:from|at|in)|came from"
    r"|coming from|traced to|stemming from) ?",
    _FLAGS,
)
_CAUSE_KEYWORD = re.compile(
    r"\b(?:burst (?:flexi(?:ble)? )?(?:pipe|hose|line|main)|(?:pipe|hose|main) burst|flexi(?:ble)? hose"
    r"|supply line|failed (?:hose|valve|fitting|seal|flange)"
    r"|(?:toilet|bath|sink|basin|shower|washing machine|dishwasher|cistern)"
    r" (?:overflow(?:ed|ing)?|leak(?:ed|ing)?)|overflow(?:ed|ing)? (?:toilet|bath|sink|basin|cistern)"
    r"|(?:sewage|sewer) (?:backup|back-up|back up|overflow|surcharge)"
    r"|blocked (?:drain|sewer)|(?:sewer|drain|stormwater)(?: main| line| pipe)?"
    r" (?:blocked|blockage|collapsed)"
    r"|roof leak|storm|flash flood(?:ing|s)?|rising (?:water|flood(?:water)?s?)|riverine flood(?:ing)?"
    r"|(?:river|creek) (?:flood(?:ing)?|rose|broke its banks)|storm surge|overland flow"
    r"|(?:hot water (?:system|heater|unit|tank)|water heater) (?:failure|failed|burst|leak(?:ed|ing)?)"
    r"|electrical fault|cooking|unattended candle|lightning strike|ice dam|condensation"
    r"|(?:pipe|line|hose|valve|fitting|main|connector)s?"
    r" (?:leak(?:ed|ing|s)?|split|cracked|failed|burst|broke|let go|came (?:off|out|loose)|dislodged)"
    r"|(?:split|cracked|failed|broken|leaking) (?:\w+ ){0,2}(?:hose|pipe|line|valve|fitting))\b",
    _FLAGS,
)

# --- rooms, materials, places ------------------------------------------------------------------

# (key, pattern): alternatives sharing a key are the same room written differently.
_ROOMS: tuple[tuple[str, str], ...] = (
    ("living_dining", r"(?:living|lounge|family) ?(?:/|&|and) ?dining(?: room| area| rm)?"),
    ("living_room", r"living (?:room|area|rm)|living(?= ?(?:\d|:|carpet|floor))"),
    # "Family", "Living" alone name a room only before its size or a heading colon ("Family 5x4m").
    ("family_room", r"family (?:room|rm)|family(?= ?(?:\d|:|carpet|floor))"),
    ("dining_room", r"dining (?:room|area|rm)|dining(?! (?:table|chairs?|set|suite|furniture|hutch))"),
    ("rumpus_room", r"rumpus(?: room| rm)?"),
    ("utility_room", r"utility (?:room|rm)"),
    ("powder_room", r"powder (?:room|rm)"),
    ("laundry", r"laundry(?: room| rm)?"),
    ("kitchen", r"kitchen(?:ette)?"),
    ("ensuite", r"en-?suite(?: bathroom)?"),
    # "Bath" alone is as often the tub: only "master bath" or "bath wall/floor/..." is the room.
    (
        "bathroom",
        r"(?:hall|guest|kids|half|main) bath(?:room)?|bath ?room|bath ?rm"
        r"|bath(?(qual)\b|(?= (?:wall|floor|ceiling|vanity|bottom plate|door|subfloor|tile)s?\b))",
    ),
    ("bedroom", r"bed ?rooms?|bed ?rm|(?:beds?|br)(?= ?#?[1-9]\b)"),
    ("hallway", r"hall ?way|hall|corridor"),
    ("entry", r"entry ?way|entry|foyer"),
    ("lounge", r"lounge(?: room| rm)?(?! (?:suite|chairs?|furniture))"),
    ("basement", r"basement"),
    ("cellar", r"cellar"),
    ("garage", r"garage"),
    ("office", r"office"),
    ("study", r"study"),
    ("closet", r"closet|walk-in robe|wardrobe"),
    ("pantry", r"pantry"),
    ("attic", r"attic|roof (?:space|void)"),
    ("loft", r"loft"),
    ("crawlspace", r"crawl ?space"),
    ("stairwell", r"stair ?(?:well|case)|stairs"),
    ("sunroom", r"sun ?room"),
    ("playroom", r"play ?room"),
    ("nursery", r"nursery"),
    ("mudroom", r"mud ?room"),
    ("den", r"den"),
    ("great_room", r"great (?:room|rm)"),
    ("bonus_room", r"bonus (?:room|rm)"),
    # US notes write "master" for the master bedroom ("master slab 2.9 %MC").
    ("master", r"master(?! ?(?:bed|bath|closet|suite|en-?suite|wardrobe|robe|wir)\w*)"),
    ("toilet_room", r"(?:wc|toilet|w/c)(?= ?(?:\d|:))"),
    ("media_room", r"media (?:room|rm)|theatre room|theater room"),
)
_ROOM_QUALIFIER = (
    r"(?:(?P<qual>master|main|guest|spare|kids|front|rear|back|upstairs|downstairs|basement|lower level"
    r"|ground floor|first floor|second floor|upper|lower) )?"
)
# Rooms that hold other rooms: "Basement" is dropped when "Basement laundry" is an area too.
_CONTAINER_ROOMS = frozenset({"basement", "cellar"})
_SEGMENT_BREAK = re.compile(r"[,;|.(]| [-\u2013\u2014] ")
# "Basement below kitchen", "plasterboard hall wall": a room named to place something, not the subject.
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:below|above|under|beneath|next to|adjacent to|beside|behind|off|outside|from|into|to|towards?"
    r"|via|through)(?: the)? $",
    _FLAGS,
)
_LOCATIVE_AFTER = re.compile(r" (?:wall|side|door(?:way)?|end|edge|threshold)s?\b", _FLAGS)
# A room number is one digit that does not start a dimension ("Kitchen 3 x 4 m" is not room 3).
_ROOM_NUMBER = (
    r"(?: ?(?:#|no\.? ?)?(?P<num>[1-9])\b"
    r"(?![.,]?\d| ?(?:x|\u00d7|\*|by\b|ft\b|feet\b|foot\b|m\b|metres?\b|meters?\b|mm\b|cm\b|%|'|\"|/)))?"
)
_ROOM_ALTERNATIVES = "|".join(f"(?P<{key}>{pattern})" for key, pattern in _ROOMS)
_ROOM_PATTERN = re.compile(rf"\b{_ROOM_QUALIFIER}(?:{_ROOM_ALTERNATIVES})(?![a-z]){_ROOM_NUMBER}", _FLAGS)
_ROOM_LABEL = re.compile(rf"^(?:affected )?(?:room|area|space)s?(?: name)?{_LABEL_SEPARATOR}", _FLAGS)
_ROOM_NAME_END = re.compile(r"[,;(:]| [-\u2013\u2014] ", _FLAGS)
_ROOM_ABBREVIATIONS = re.compile(r"\brm\b", _FLAGS)
_PLURAL = re.compile(r"(?<=room)s$|(?<=bed)s$", _FLAGS)
_MORE_NUMBERS = re.compile(r" ?(?:and|&|/|,) ?(?P<more>[1-9])\b(?![.,]?\d| ?(?:x|\u00d7|ft\b|m\b|'))", _FLAGS)
# What may come before a room for the line to be its heading: bullets and numbering ("1. Kitchen:").
_HEADING_PREFIX = re.compile(r"[\s\-*#>\u2022\d.)]*")
_DAMAGE_CONTEXT_WORDS = re.compile(
    r"\b(?:damaged?|affected|impacted|stain(?:s|ed|ing)?|swollen|swelling|delaminat(?:ed|ing|ion)|cupp(?:ed"
    r"|ing)"
    r"|buckl(?:ed|ing)|lifting|warp(?:ed|ing)?|odou?rs?|residue|growth|wicking|collapsed|sagging|peeling"
    r"|bubbling|rot(?:ted|ting)?|soaked|pool(?:ed|ing)|standing|readings?|moisture|mc|wme|rel)\b",
    _FLAGS,
)
_MAX_ROOM_WORDS = 5  # a longer "Area: ..." value is prose, not a room name
_UNAFFECTED = re.compile(
    r"\b(?:unaffected|not affected|not impacted|unimpacted|no damage|undamaged"
    r"|no (?:visible )?(?:water|moisture)|dry (?:standard|std)"
    r"|(?:reference|control|baseline) (?:area|room|reading|point))\b",
    _FLAGS,
)
_PLACE = re.compile(
    r"\b(?:outside|outdoors?|exterior|ambient|unaffected area"
    r"|dehu(?:midifier)? (?:inlet|outlet|exhaust|intake)|hvac(?: (?:return|supply))?)\b",
    _FLAGS,
)
# (key, pattern); earlier alternatives win where they overlap ("carpet pad" is underlay, not carpet).
_MATERIALS: tuple[tuple[str, str], ...] = (
    ("drywall", r"drywall|plasterboard|gyprock|sheetrock|gypsum(?: ?board)?"),
    ("underlay", r"underlay|carpet pad|cushion|underpad|pad"),
    ("carpet", r"carpet(?:s|ing)?"),
    ("vinyl", r"vinyl(?: plank| tiles?| sheet)?|lvp|lvt|lino(?:leum)?"),
    ("laminate", r"laminate"),
    (
        "hardwood",
        r"hardwood(?: floor(?:ing)?)?|timber floor(?:ing|boards?)?|floorboards?|parquet"
        r"|(?:oak|maple|jarrah|blackbutt|spotted gum)(?: floor(?:ing|boards?)?)?",
    ),
    ("particleboard", r"particle ?board|chipboard|mdf"),
    ("plywood", r"plywood|osb"),
    ("cabinetry", r"cabinet(?:s|ry)?|vanity|kick ?boards?|toe ?kicks?"),
    ("subfloor", r"sub-?floor"),
    ("concrete", r"concrete(?: slab)?|slab"),
    ("tile", r"tiles?|tiled (?:floor|wall|splashback)s?|grout"),
    ("insulation", r"insulation|batts"),
    ("baseboard", r"baseboards?|skirting(?: boards?)?"),
    ("framing", r"framing|studs?|joists?|bottom plates?|sill plates?"),
    ("masonry", r"brick(?:work)?|masonry|block ?work|cmu"),
    ("plaster", r"plaster"),
    ("timber", r"timber(?: frame| framing| studs?| joists?)?"),
)
_MATERIAL_PATTERN = re.compile(
    r"\b(?:" + "|".join(f"(?P<{key}>{pattern})" for key, pattern in _MATERIALS) + r")\b", _FLAGS
)
_FLOOR_MATERIALS = frozenset(
    {
        "underlay",
        "carpet",
        "vinyl",
        "laminate",
        "hardwood",
        "subfloor",
        "concrete",
        "tile",
        "particleboard",
        "plywood",
    }
)
_WALL_MATERIALS = frozenset({"drywall", "plaster", "masonry"})

# --- dimensions, wet extents and readings ------------------------------------------------------

_NUMBER = r"\d{1,4}(?:[.,]\d{1,2})?"
_LENGTH_UNIT = r"(?:(?:ft|feet|foot|metres?|meters?|m)\b|')"
_DIMENSIONS = re.compile(
    rf"(?<![\d.,])(?P<a>{_NUMBER}) ?(?P<ua>{_LENGTH_UNIT})?(?: ?(?P<ai>\d{{1,2}}) ?(?:\"|in\b))?"
    rf" ?(?:x|\u00d7|\*|by) ?"
    rf"(?P<b>{_NUMBER}) ?(?P<ub>{_LENGTH_UNIT})?(?: ?(?P<bi>\d{{1,2}}) ?(?:\"|in\b))?"
    rf"(?: ?(?:x|\u00d7|\*|by) ?(?P<c>{_NUMBER}) ?(?P<uc>{_LENGTH_UNIT})?)?",
    _FLAGS,
)
# Only an area introduced as the room's ("floor area 24 m2") is one: "1 m2 of mould" is not.
_STATED_AREA = re.compile(
    r"\b(?:floor ?area|floor|room size|size|area)(?: ?(?:of|is|approx(?:imately)?\.?|about|~|:|=)){0,2} ?"
    r"(?<![\d.,])(?P<value>\d{1,5}(?:[.,]\d{1,2})?) ?"
    r"(?:(?P<sqft>sq\.? ?(?:ft|feet|foot)|sqft|ft2|square (?:feet|foot))"
    r"|(?P<sqm>m2|sq\.? ?m|sqm|square met(?:re|er)s?))\b",
    _FLAGS,
)
_AREA_UNIT = (
    r"(?:(?P<sqft>sq\.? ?(?:ft|feet|foot)|sqft|sf|ft2|square (?:feet|foot))"
    r"|(?P<sqm>m2|sq\.? ?m|sqm|square met(?:re|er)s?))\b"
)
_AREA_QUANTITY = re.compile(rf"(?<![\d.,])(?P<value>\d{{1,5}}(?:[.,]\d{{1,2}})?) ?{_AREA_UNIT}", _FLAGS)
_HEIGHT_UNIT = r"(?P<unit>in(?:ch(?:es)?)?\b|\"|cm\b|mm\b|ft\b|feet\b|foot\b|'|m\b)"
_WICKING = re.compile(
    r"\b(?:wick(?:ed|ing|s)?|wet|damp|saturated|moisture|water|tide ?marks?|stain(?:ed|ing)?)"
    r"(?: (?:up|to|at|approx\.?|approximately|~|about|around|of|by|height|level|high)){0,3} ?"
    rf"~?(?<![\d.,])(?P<value>\d{{1,4}}(?:[.,]\d{{1,2}})?) ?{_HEIGHT_UNIT}",
    _FLAGS,
)
_WALL_LENGTH = re.compile(
    r"(?<![\d.,])(?P<value>\d{1,4}(?:[.,]\d{1,2})?) ?"
    r"(?P<unit>lf|lin\.? ?ft|linear (?:feet|foot|ft)|lm|lin\.? ?m|linear met(?:re|er)s?)\b",
    _FLAGS,
)
_PATCH_BEFORE = re.compile(r"\b(?P<surface>ceilings?|clg|walls?)(?: [a-z]{1,12})? ?[:\-]? ?$", _FLAGS)
_PATCH_AFTER = re.compile(r" ?(?:section|patch|area|stain|portion)\b", _FLAGS)
_WALL_WORD = re.compile(r"\b(?:walls?|drywall|plasterboard|gyprock|sheetrock|plaster)\b", _FLAGS)
_CEILING_WORD = re.compile(r"\b(?:ceilings?|clg)\b", _FLAGS)
_FLOOR_WORD = re.compile(
    r"\b(?:floor(?:ing)?|carpet(?:s|ing)?|pad|underlay|cushion|vinyl|lvp|lvt|laminate|hardwood|timber floor"
    r"|floorboards?|tiles?|sub-?floor|slab|oak|maple|jarrah)\b",
    _FLAGS,
)
_WET_WORD = re.compile(
    r"\b(?:wet|saturated|soaked|damp|wicking|wicked|affected|damaged|stain(?:ed|ing|s)?|sagging|cupp(?:ed"
    r"|ing)"
    r"|crowning|buckl(?:ed|ing)|swollen|delaminat(?:ed|ing)|standing water|pooled|pooling|elevated"
    r"|high readings?)\b",
    _FLAGS,
)
# Only these say water is held in the material (a lifting tile says nothing about the slab under it).
_SOAKED_WORD = re.compile(
    r"\b(?:wet|saturated|soaked|damp|cupp(?:ed|ing)|crowning|buckl(?:ed|ing)|elevated|high readings?"
    r"|bound water|water ?logged)\b",
    _FLAGS,
)
_SIZE_LABEL_END = re.compile(
    r"\b(?:area|size|total|room)(?: ?(?:of|is|approx(?:imately)?\.?|about|~|:|=)){0,2} ?$|= ?$", _FLAGS
)
_FULL_EXTENT = re.compile(
    r"\b(?:(?:entire|whole|all(?: of)?(?: the)?|full|complete) (?P<noun>floor(?:ing)?|carpet(?:ed)?(?: area"
    r"| floor)?"
    r"|room|area|underlay|pad|ceiling|walls?|perimeter)|wall[- ]to[- ]wall|throughout|100 ?%)",
    _FLAGS,
)
_PERCENT_OF_FLOOR = re.compile(
    r"(?<![\d.])(?P<pct>\d{1,2}(?:\.\d)?) ?% (?:of (?:the )?)?(?:floor(?:ing)?|carpet|room|area)\b", _FLAGS
)
_ALL_WALLS = re.compile(
    r"\b(?:all (?:\d |four )?walls|perimeter(?: walls?)?|all 4 walls|every wall)\b", _FLAGS
)
_ABOVE_TWO_FEET = re.compile(r"\babove (?:2 ?(?:ft|feet|')|24 ?(?:in|\")|600 ?mm|0\.6 ?m)", _FLAGS)
_CEILING_HEIGHT = re.compile(
    r"\b(?:ceiling|clg)s?(?: (?:height|ht|hgt|is|are|approx\.?|~|at|of|=|:)){0,2} ?"
    rf"(?<![\d.,])(?P<value>{_NUMBER}) ?(?P<unit>ft|feet|foot|'|m|metres?|meters?)(?![\w'])(?! ?(?:x|by"
    rf"|\*)\b)"
    rf"|(?<![\d.,])(?P<value2>{_NUMBER}) ?(?P<unit2>ft|feet|foot|'|m|metres?|meters?)(?![\w'])"
    r"(?: high| tall)? (?:ceilings?|clg)\b",
    _FLAGS,
)
_INSETS = re.compile(
    r"\b(?P<n>\d{1,2}|no|one|two|three|four|five) (?:wall )?(?:insets?|offsets?)"
    r"(?: ?(?:/|and|&) ?(?:insets?|offsets?))?\b",
    _FLAGS,
)

_VALUE = r"(?<![\d.])(?P<value>\d{1,3}(?:\.\d{1,2})?)"
_LABEL_VALUE = r"(?P<value>\d{1,3}(?:\.\d{1,2})?)(?![\d.]\d)"
_READINGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (unit, re.compile(pattern, _FLAGS))
    for unit, pattern in (
        ("%MC", rf"{_VALUE} ?% ?MC\b"),
        ("%MC", rf"\bMC ?[:=]? ?{_LABEL_VALUE} ?%"),
        ("WME", rf"\bWME ?[:=]? ?{_LABEL_VALUE}"),
        ("WME", rf"{_VALUE} ?%? ?WME\b"),
        ("REL", rf"\bREL ?[:=]? ?{_LABEL_VALUE}"),
        ("REL", rf"{_VALUE} ?REL\b"),
        # A bare percentage names no scale, so it is reported as "%" rather than assumed %MC.
        ("%", rf"\breadings? ?(?:of|at|was|is|=|:)? ?{_LABEL_VALUE} ?%(?! ?(?:MC|RH)\b)"),
        ("%", rf"{_VALUE} ?% ?readings?\b"),
    )
)
# "drywall 18%", "carpet north side 22%": a percentage right after a material is its reading,
# unless it is a share ("100% wet", "30% of the floor").
_MATERIAL_PERCENT = re.compile(
    r"(?: [a-z]{1,12}){0,2}(?: ?[:=\-])? (?P<value>\d{1,3}(?:\.\d{1,2})?) ?%"
    r"(?! ?(?:MC|RH|WME|of|wet|saturated|affected|damaged|dry|coverage|area|humidity)\b)(?![\d.])",
    _FLAGS,
)
_LOSS_PATTERNS: tuple[re.Pattern[str], ...] = (_CAUSE_KEYWORD, *(pattern for _, pattern in _DAMAGE_KEYWORDS))
_DAMAGE_CONTEXT: tuple[re.Pattern[str], ...] = (
    _DAMAGE_CONTEXT_WORDS,
    *(pattern for _, pattern in _DAMAGE_KEYWORDS),
    _DIMENSIONS,
    *(pattern for _, pattern in _READINGS),
)
_MATERIAL_BARE = re.compile(
    r"(?: [a-z]{1,12}){0,2}(?: ?[:=\-])? (?P<value>\d{1,3}(?:\.\d{1,2})?)"
    r"(?![\d.]| ?(?:%|x\b|\u00d7|ft\b|feet\b|m\b|mm\b|cm\b|in\b|'|\"|sq|sf\b|lf\b|lm\b|m2\b|hrs?\b"
    r"|days?\b|am\b|pm\b|ppd\b))",
    _FLAGS,
)
# A readings block: its heading line and the lines under it, up to a blank line or another section.
_READINGS_HEADER = re.compile(
    r"^[\s\-*#>]*(?:[a-z/]+ ){0,3}(?:moisture (?:readings?|map|check|content)|readings?|mc readings?)\b",
    _FLAGS,
)
_SCALES = (
    (re.compile(r"\bwme\b", _FLAGS), "WME"),
    (re.compile(r"\b(?:ref(?:erence)?|rel(?:ative)?)\b", _FLAGS), "REL"),
    (re.compile(r"\b(?:wood|%\s?mc|mc)\b", _FLAGS), "%MC"),
)
_RH = (
    re.compile(rf"{_VALUE} ?% ?R\.?H\b", _FLAGS),
    re.compile(rf"\bR\.?H\.? ?[:=]? ?{_LABEL_VALUE} ?%?", _FLAGS),
    re.compile(rf"\bhumidity ?[:=]? ?{_LABEL_VALUE} ?%", _FLAGS),
)
_GPP = (
    re.compile(rf"\bGPP ?[:=]? ?{_LABEL_VALUE}", _FLAGS),
    re.compile(rf"{_VALUE} ?(?:GPP|gr/lb|grains per pound|grains)\b", _FLAGS),
)
_TEMPERATURE = (
    re.compile(
        r"(?<![\d.\w])(?P<value>-?\d{1,3}(?:\.\d)?) ?(?:\u00b0|\u00ba|deg(?:rees)?\.?)? ?(?P<unit>F"
        r"|C)\b(?![\w'])",
        _FLAGS,
    ),
    re.compile(
        r"\b(?:temp(?:erature)?|T)\.? ?[:=]? ?(?P<value>-?\d{1,3}(?:\.\d)?) ?(?:\u00b0|deg\.?)? ?(?P<unit>F"
        r"|C)\b",
        _FLAGS,
    ),
)
_DEW_POINT = re.compile(
    r"\b(?:dew ?point|dew pt|DP)\.? ?[:=]? ?(?P<value>-?\d{1,3}(?:\.\d)?) ?(?:\u00b0|deg\.?)? ?(?P<unit>F"
    r"|C)?\b",
    _FLAGS,
)
_AIR_PLACE = re.compile(
    r"\b(?:(?P<outside>outside|outdoors?|exterior|external)"
    r"|(?P<unaffected>unaffected(?: area)?|reference|control)"
    r"|(?P<inlet>dehu(?:midifier)? (?:inlet|intake)|dh (?:inlet|in)|lgr (?:inlet|in))"
    r"|(?P<outlet>dehu(?:midifier)? (?:outlet|exhaust|out)|dh (?:outlet|out)|lgr (?:outlet|out))"
    r"|(?P<hvac>hvac(?: (?:return|supply))?)"
    r"|(?P<affected>affected(?: area| chamber)?|inside|indoors?|chamber|containment|ambient))\b",
    _FLAGS,
)
_GOAL_BEFORE = re.compile(r"\b(?:goal|target|dry(?:ing)? goal)\b\W{0,3}(?:[a-z]+ ){0,2}\W{0,2}$", _FLAGS)
_REFERENCE_WORD = re.compile(
    r"\b(?:dry (?:std|standard|ref(?:erence)?)|ds|reference|ref|baseline|control|unaffected|unimpacted"
    r"|not affected)\b",
    _FLAGS,
)
_DRY_NOTE = re.compile(
    r"\b(?:(?P<neg>not dry|still wet|wet|above goal|not at goal|drying)|dry(?! ?(?:std|standard|goal|ref"
    r"|ing|-?out))"
    r"|dried|at goal|goal met|met goal|at dry (?:std|standard)|reached (?:goal|dry (?:std|standard)))\b",
    _FLAGS,
)
_METER = re.compile(
    r"\b(?P<brand>protimeter|delmhorst|tramex|flir|extech|wagner|gann|trotec|general tools|klein|sovereign"
    r"|pin(?:-| )?meter|pinless(?: meter)?|penetrating meter|non-?penetrating meter|thermo-?hygrometer)"
    r"(?: (?P<model>surveymaster(?: ?\d)?|mms ?\d|mini|aquant|timbermaster|reachmaster|hygromaster|navigator"
    r"|hydromette|orion ?\d{3}|moisture encounter(?: plus)?|[a-z]{0,4}-?\d{1,5}[a-z]{0,3}))?"
    r"(?: ?\((?P<mode>[^()]{1,30})\)| (?:in |on |set to |- )?(?P<mode2>wme|rel(?:ative)?|drywall|wood"
    r"|ref(?:erence)?"
    r"|gypsum|pin|pinless|search|measure)(?: mode| scale| setting))?",
    _FLAGS,
)
_MATERIAL_FOLLOWS = re.compile(r" ?(?:on|in|at|of|for)(?: the)? ", _FLAGS)
_UNSPECIFIED_LOCATION = "unspecified"

# --- dates -------------------------------------------------------------------------------------

_MONTH_NUMBERS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE = re.compile(
    r"(?<![\w/.\-])(?:"
    r"(?P<iso_y>\d{4})(?P<iso_sep>[-/.])(?P<iso_m>\d{1,2})(?P=iso_sep)(?P<iso_d>\d{1,2})"
    r"|(?P<n1>\d{1,2})(?P<sep>[/.\-])(?P<n2>\d{1,2})(?:(?P=sep)(?P<ny>\d{4}|\d{2}))?"
    rf"|(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?: of)?[ \-](?P<m1>{_MONTH_WORDS})\.?(?:,?[ \-]'?(?P<y1>\d{{4}}"
    rf"|\d{{2}}))?"
    rf"|(?P<m2>{_MONTH_WORDS})\.? (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y2>\d{{4}}))?"
    r")(?![\w/]|[.\-]\d)",
    _FLAGS,
)
DateOrder = Literal["DMY", "MDY"]
_AU_STATES = "NSW|VIC|QLD|WA|SA|TAS|ACT|NT"
_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND"
    "|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WV|WI|WY|DC"
)
# Case-sensitive on purpose: "wa 6000" in prose is not Western Australia.
_DAY_FIRST_HINT = re.compile(
    rf"\b(?:{_AU_STATES}),? \d{{4}}\b|\bAustralia\b|\bNew Zealand\b|\bNZ\b", re.ASCII
)
_MONTH_FIRST_HINT = re.compile(rf"\b(?:{_US_STATES}),? \d{{5}}(?:-\d{{4}})?\b|\bUSA\b", re.ASCII)
_HALF_YEAR = timedelta(days=183)

# --- job facts ---------------------------------------------------------------------------------

_CLAIM = re.compile(
    r"\b(?:claim|clm)s?(?: ?(?:no\.?|number|num|#|ref(?:erence)?\.?|id))?\.? ?[:#=\-]? ?#? ?"
    r"(?P<value>[A-Z0-9][A-Z0-9\-/_.]{2,30})",
    _FLAGS,
)
_INSURED = re.compile(
    r"\b(?:insured(?: name)?|insd|named insured|policy ?holder|home ?owner|h/o|owner|client|customer)"
    r"(?: name)? ?[:=\-]+ ?",
    _FLAGS,
)
_VALUE_END = re.compile(
    r"[;|(/]| [-\u2013\u2014] | (?:ph|phone|mob|mobile|tel|cell|email|e-?mail|contact)\b"
    r"| [A-Za-z]+(?: [A-Za-z]+)? ?:|,? \+?\d{3,}|@",
    _FLAGS,
)
_ADDRESS_LABEL = re.compile(
    r"\b(?:(?:loss|property|site|risk|job|service|insured|street|job site) )?(?:address|addr)\b\.? ?[:=\-]+ ?"
    r"|\b(?:property|site|location|loss location|risk)\b ?[:=]+ ?",
    _FLAGS,
)
_ADDRESS_END = re.compile(
    r"[;|(]| [-\u2013\u2014] | (?:ph|phone|mob|mobile|tel|cell|email|dol|claim|insured)\b", _FLAGS
)
_STREET_TYPES = (
    "St|Street|Rd|Road|Ave|Av|Avenue|Dr|Drive|Ct|Court|Pl|Place|Cres|Crescent|Pde|Parade|Ln|Lane|Blvd"
    "|Boulevard|Way|Tce|Terrace|Hwy|Highway|Cl|Close|Cct|Circuit|Gr|Grove|Esp|Esplanade|Pkwy|Parkway"
    "|Trl|Trail|Cir|Circle|Sq|Square"
)
_STREET = re.compile(
    r"(?<![\w/])(?:(?:Unit|Apt|Suite|Lot) ?\d{1,4}[A-Za-z]?,? |\d{1,4}[A-Za-z]?/)?\d{1,5}[A-Za-z]? "
    rf"(?:[NSEW]\.? |(?:North|South|East|West) )?(?:[A-Z][A-Za-z']+ ){{1,3}}(?:{_STREET_TYPES})\b\.?"
    r"(?:,? (?:[A-Z][A-Za-z]+ ){0,2}[A-Z][A-Za-z]+)?(?:,? [A-Z]{2,3}\b)?(?:,? \d{4,5}\b)?",
    re.ASCII,
)
_LOSS_DATE_LABEL = re.compile(
    r"\b(?:date of (?:loss|incident|damage|event)|d\.?o\.?l\b\.?|loss (?:date|occurred|happened)"
    r"|incident date"
    r"|date loss|occurred(?: on)?|discovered(?: on)?|event date)",
    _FLAGS,
)
_INSPECTION_LABEL = re.compile(
    r"\b(?:inspection date|date of inspection|date inspected|date of attendance|attendance date"
    r"|inspected(?: on)?|inspection|attended(?: site)?(?: on)?"
    r"|attendance|date attended|site (?:visit|inspection|attendance)|initial (?:visit|inspection|attendance)"
    r"|first (?:visit|attendance)|on site|arrived(?: on site)?|visit date)\b",
    _FLAGS,
)
_LABEL_TO_DATE = 40  # how far after a label its date may be
_BULLETS = re.compile(r"[\s\-*#>\u2022\u2013]*")
_VISIT_START = re.compile(
    r"(?:(?P<day>day) ?(?P<num>\d{1,2})\b|(?P<first>intake|initial|first (?:day|visit)|day one)\b"
    r"|(?P<reset>visit|site visit|re-?visit|return visit|re-?inspection|follow[- ]?up|final|check ?in"
    r"|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday"
    r"|sun|sunday)\b"
    r"|(?:monitor(?:ing)?|moisture (?:check|map(?:ping)?|readings?)|drying (?:check|log|day)|readings?"
    r"|inspection(?: date)?|inspected|date of inspection|attended|attendance|date attended|date)\b)",
    _FLAGS,
)
_NOT_VISIT = re.compile(r"(?:date of (?:loss|incident)|dol\b|d\.o\.l|loss date)", _FLAGS)

# --- S500 category, class; S520 condition --------------------------------------------------------

_STATED_CATEGORY = re.compile(
    r"\bcat(?:egory)?\.?(?: of (?:water|loss))? ?[:#=\-]? ?(?P<n>[1-3]|iii|ii|i)\b(?! ?(?:x|\u00d7))", _FLAGS
)
_STATED_CLASS = re.compile(
    r"\bclass(?: of (?:water|loss))? ?[:#=\-]? ?(?P<n>[1-4]|iv|iii|ii|i)\b(?! ?(?:x|\u00d7|fire))", _FLAGS
)
_STATED_CONDITION = re.compile(r"\b(?:s520 )?cond(?:ition)?\.? ?(?P<n>[1-3])\b", _FLAGS)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_JUSTIFYING_CUE = re.compile(
    r"\b(?:due to|because|as|from|source|since|per)\b| [-\u2013\u2014(] ?[a-z]", _FLAGS
)

# (category, what S500 calls it, pattern): the worst source named wins.
_CATEGORY_SOURCES: tuple[tuple[int, str, re.Pattern[str]], ...] = (
    (
        3,
        "sewage (grossly contaminated)",
        re.compile(
            r"\b(?:raw sewage|sewage|sewer (?:back-?up|back up|overflow|surcharge|line|main|blockage)"
            r"|black ?water|fa?ec(?:es|al)|feces|human waste"
            r"|(?:soil|waste|drain|sewer) (?:pipe|stack|line) (?:burst|broke|broken|leak(?:ed|ing)?"
            r"|fail(?:ed|ure)"
            r"|blocked|backed up|collapsed)"
            r"|(?:backed up|back-?up|overflow(?:ed|ing)?) (?:through|from|via) (?:the )?(?:floor waste"
            r"|floor drain"
            r"|toilet|shower drain|sewer)|floor waste (?:backed up|overflow(?:ed|ing)?|surcharg(?:ed"
            r"|ing)))\b",
            _FLAGS,
        ),
    ),
    (
        3,
        "flood, surface or sea water (grossly contaminated)",
        re.compile(
            r"\b(?:flood ?waters?|flash flood(?:ing)?|riverine flood(?:ing)?|river flood(?:ing)?"
            r"|rising (?:water|flood(?:water)?s?)|creek (?:rose|flooded|burst)|overland (?:flow|flooding"
            r"|water)"
            r"|storm ?surge|tidal (?:surge|inundation)|sea ?water|salt ?water inundation|king tide"
            r"|surface water (?:entered|intrusion|inundation|ingress)|ground ?water (?:intrusion|entered"
            r"|ingress)"
            r"|storm ?water (?:entered|ingress|inundation|runoff)|wind-?driven rain)\b",
            _FLAGS,
        ),
    ),
    (
        2,
        "washing machine or dishwasher discharge (significant contamination)",
        re.compile(
            r"\b(?:washing machine|washer|dish ?washer)(?: \w+){0,3}"
            r" (?:overflow(?:ed|ing)?|discharg(?:e|ed|ing)|drain(?:ed|ing)?|drain hose|waste hose|outlet hose"
            r"|pump(?:ed)?|malfunction(?:ed)?|flood(?:ed)?|leak(?:ed|ing)?|fail(?:ed|ure)|hose)\b"
            r"|\b(?:overflow(?:ed|ing)?|discharge) (?:from|of) (?:the )?(?:washing machine|washer"
            r"|dish ?washer)\b",
            _FLAGS,
        ),
    ),
    (
        2,
        "toilet bowl overflow without faeces (significant contamination)",
        re.compile(
            r"\b(?:toilet(?: bowl)? (?:overflow(?:ed|ing)?|blocked|backed up|blockage)"
            r"|overflow(?:ed|ing)? (?:toilet|wc)|urine)\b",
            _FLAGS,
        ),
    ),
    (
        2,
        "grey water (significant contamination)",
        re.compile(
            r"\b(?:gr[ae]y ?water|aquarium|fish tank|water ?bed|hydrostatic (?:pressure|seepage)"
            r"|(?:sink|basin|shower|bath|laundry tub|trough) (?:drain|waste)(?: pipe| line)?"
            r" (?:leak(?:ed|ing)?|blocked|backed up|burst|fail(?:ed|ure)))\b",
            _FLAGS,
        ),
    ),
    (
        1,
        "clean water supply",
        re.compile(
            r"\b(?:supply (?:line|hose|pipe)|(?:inlet|fill|cold|hot|mains?) (?:hose|line|pipe|supply)"
            r"|flexi(?:ble)? (?:hose|line|connector)|braided (?:hose|line|supply)"
            r"|(?:water|copper|pex|cpvc|pvc|poly) (?:pipe|line|main|supply)|water main|burst pipe|pipe burst"
            r"|broken pipe|split pipe|pinhole leak|ice ?maker(?: line| supply)?|fridge (?:line|water line)"
            r"|refrigerator (?:line|water line)"
            r"|(?:tap|faucet|mixer|valve|stop ?cock|isolation valve|angle (?:valve|stop))(?: \w+)?"
            r" (?:fail(?:ed|ure)?|leak(?:ed|ing)?|burst|broke|broken|split)"
            r"|hot water (?:system|heater|unit|tank|cylinder|service)|water heater|hws|geyser"
            r"|(?:toilet|cistern) (?:supply|inlet|fill valve|flexi)|cistern (?:overflow|leak)"
            r"|(?:burst|leak(?:ing|ed)?|broken|split|failed|cracked) (?:water )?pipe|pipe (?:leak|burst"
            r"|failure|split)|clean water(?: source| supply)?)\b",
            _FLAGS,
        ),
    ),
)
# A clean-water washing machine source: its supply hose, not its discharge.
_SUPPLY_HOSE = re.compile(r"\b(?:inlet|supply|fill|cold|hot)(?: water)? (?:hose|line)\b", _FLAGS)
_RAINWATER = re.compile(r"\b(?:roof leak|rain ?water|rain|storm|gutter|downpipe|skylight|flashing)\b", _FLAGS)
_STANDING = re.compile(
    r"\b(?:standing|stood|sat|sitting|left|undetected|unnoticed|undiscovered|stagnant|pooled|pooling"
    r"|unattended|away|on holiday|on vacation|before (?:being )?(?:discovered|found|noticed))\b",
    _FLAGS,
)
_DURATION = re.compile(
    r"(?<![\d.])(?P<n>\d{1,3}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten) ?"
    r"(?P<unit>h|hrs?|hours?|d|days?|wks?|weeks?)\b",
    _FLAGS,
)
_MOULD_GROWTH = re.compile(
    r"\b(?:(?:visible|active|heavy|extensive|significant|suspected|apparent)? ?(?:mou?ld|fungal|microbial)"
    r" (?:growth|colonies|coloni[sz]ation|contamination)|(?:black|green|white|grey|gray) mou?ld"
    r"|mou?ld (?:on|behind|visible|present|observed|found|spotting)|growth (?:on|behind|visible|observed))\b",
    _FLAGS,
)
_SETTLED_SPORES = re.compile(
    r"\b(?:settled spores|spore (?:contamination|deposition|settlement)|elevated spore(?: count)?s?)\b",
    _FLAGS,
)
_NORMAL_ECOLOGY = re.compile(r"\bnormal fungal ecology\b", _FLAGS)

# --- equipment, scope, hazards -----------------------------------------------------------------

_EQUIPMENT_KIND = (
    r"(?P<am>air ?movers?|AM'?s?|blowers?|turbo ?dryers?|axial(?: fans?| air movers?)?|centrifugal(?: fans?)?"
    r"|carpet dryers?|drying fans?)"
    r"|(?:(?P<dtype>lgr|conventional|refrigerant|desiccant) )?(?P<dh>dehu(?:midifier)?s?|dehus|dh)"
    r"|(?P<lgr>LGRs?)"
    r"|(?P<scrubber>air ?scrubbers?|AFDs?|air filtration devices?|HEPA (?:air )?scrubbers?|NAMs?"
    r"|negative air (?:machines?|units?)|hepa units?)"
    r"|(?P<other>hydroxyl (?:generators?|units?)|ozone (?:generators?|machines?)|heaters?|injecti?dry"
    r"|mat systems?)"
)
_EQUIPMENT_COUNT = re.compile(
    r"(?<![\w.:/#])(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\)?(?! ?(?:x|\u00d7) ?\d)"
    r" ?(?:x|\u00d7)? ?(?:[A-Za-z][\w\-]{0,14} ){0,2}?"
    rf"(?:{_EQUIPMENT_KIND})(?![\w])",
    _FLAGS,
)
_EQUIPMENT_COUNT_AFTER = re.compile(
    rf"(?<![\w])(?:{_EQUIPMENT_KIND}) ?(?:x|\u00d7|:|=|-) ?(?P<n>\d{{1,2}})\b(?! ?(?:%|ft|'|\"|in\b|m\b|ppd"
    rf"|pints))",
    _FLAGS,
)
_EQUIPMENT_CONTEXT = re.compile(
    r"\b(?:placed|place|set|setup|set up|installed|install|running|equipment|equip|dehu\w*|lgr|scrubbers?"
    r"|afd|air movers?|drying|pulled|removed|on site|onsite|in place|added|deployed|mobili[sz]ed|ams)\b",
    _FLAGS,
)
_TIME_BEFORE = re.compile(
    r"(?:\b(?:at|@|by|from|until|till|to|arrived|attended|approx\.?|around|about|~|after|before|since)"
    r"|\d:\d\d) ?$",
    _FLAGS,
)
_EQUIPMENT_REMOVED = re.compile(
    r"\b(?:pulled|pull|removed|picked up|collected|decommissioned|off ?hired|taken off|de-?mob\w*)\b", _FLAGS
)
_EQUIPMENT_ADDED = re.compile(r"\b(?:added|add|additional|extra|another)\b", _FLAGS)
_EQUIPMENT_TOTAL = re.compile(r"\btotal\b", _FLAGS)
_DAY_BEFORE = re.compile(
    r"\b(?:day|visit|#|no\.?|room|bed|bedroom|level|unit|cat|category|class)\s?$", _FLAGS
)
_UNIT_RATING = re.compile(
    r"(?<![\d.])(?P<ppd>\d{2,3}) ?(?:ppd|pints?(?: ?/ ?| per )day|pints?|pt/day)\b", _FLAGS
)
# Outside a scope section only unmistakable work verbs start an item ("Clean supply line ..." is not one).
_SCOPE_VERB_STRICT = re.compile(
    r"(?:remove|r ?& ?r|d ?& ?r|detach(?: (?:&|and) reset)?|flood ?cut|cut out|tear ?out|demo(?:lish|lition)?"
    r"|dispose|discard|replace|install|apply|extract(?:ion)?|deodori[sz]e|thermal fog|hepa(?: vac(?:uum)?)?"
    r"|anti-?microbial|pack ?out|content manipulation|encapsulate|erect|lift and|sand and|seal and)\b",
    _FLAGS,
)
_SECTION_LABEL = re.compile(r"^[A-Za-z][A-Za-z /&#]{0,30}:")
_SCOPE_VERB = re.compile(
    r"(?:remove|removed|r ?& ?r|d ?& ?r|detach(?: (?:&|and) reset)?|flood ?cut|cut out|cut|tear ?out"
    r"|demo(?:lish|lition|ed)?"
    r"|dispose|discard|replace|install|apply|applied|spray|clean|hepa(?: vac(?:uum)?)?|wipe|seal|encapsulate"
    r"|extract(?:ion|ed)?|deodori[sz]e|thermal fog|fog|sand|refinish|lift|strip|mask|contain(?:ment)?"
    r"|erect|build|pack ?out|content manipulation|move|treat|anti-?microbial|drill|vent|block|bag)\b",
    _FLAGS,
)
# A short heading line: "Scope", "Scope of works:", "Remediation scope", "Work performed".
_SCOPE_SECTION = re.compile(
    r"^[#*\s]*(?:[a-z&/]+ ){0,3}(?:scope|sow|remediation|recommend(?:ed|ations?)|mitigation|works?|repairs?)"
    r"(?: (?:of|works?|performed|completed|required|plan|items?|to be (?:done|completed)))*[^a-z0-9]*$",
    _FLAGS,
)
_SCOPE_INLINE = re.compile(
    r"^[\s\-*#>]*(?:scope(?: of works?)?|sow|works? (?:performed|required|completed))\s?[:\-]\s?(?=\S)",
    _FLAGS,
)
_ITEM_BREAK = re.compile(r"[;,]")
_NOT_AN_ITEM = re.compile(r"\b(?:not required|not needed|not necessary|no need|n/a)\b", _FLAGS)
_SCOPE_QUANTITY = re.compile(
    r"(?<![\d.,x])(?P<q>\d{1,5}(?:[.,]\d{1,2})?) ?"
    r"(?P<u>sq\.? ?ft|sqft|sf|ft2|square (?:feet|foot)|m2|sq\.? ?m|sqm|lf|lin\.? ?ft|linear (?:ft|feet|foot)"
    r"|lm|lin\.? ?m|ft|feet|foot|'|m|ea|each|pcs?|hrs?|hours?|days?|units?)(?![\w'])",
    _FLAGS,
)
_SCOPE_UNITS = (
    (re.compile(r"sq\.? ?ft|sqft|sf|ft2|square", _FLAGS), "sq ft"),
    (re.compile(r"m2|sq\.? ?m|sqm", _FLAGS), "m2"),
    (re.compile(r"lf|lin\.? ?ft|linear", _FLAGS), "lf"),
    (re.compile(r"lm|lin\.? ?m", _FLAGS), "lm"),
    (re.compile(r"ft|feet|foot|'", _FLAGS), "ft"),
    (re.compile(r"m", _FLAGS), "m"),
    (re.compile(r"ea|each|pcs?|units?", _FLAGS), "ea"),
    (re.compile(r"hrs?|hours?", _FLAGS), "hrs"),
    (re.compile(r"days?", _FLAGS), "days"),
)
_HAZARDS: tuple[tuple[HazardKind, str, re.Pattern[str]], ...] = (
    (
        HazardKind.ASBESTOS,
        "Asbestos",
        re.compile(
            r"\b(?:asbestos|acm|fibro(?: ?cement)?|vermiculite|popcorn ceiling|cottage cheese ceiling)\b",
            _FLAGS,
        ),
    ),
    (HazardKind.LEAD, "Lead", re.compile(r"\blead(?:-based| based)? paint\b", _FLAGS)),
    (
        HazardKind.ELECTRICAL,
        "Electrical",
        re.compile(
            r"\b(?:electrical hazard|electrocution|live (?:wires?|power|circuits?)|exposed wir(?:es|ing)"
            r"|(?:power ?points?|gpos?|outlets?|sockets?|switchboard|breakers?|wiring|light fittings?"
            r"|downlights?)"
            r" (?:wet|submerged|tripped|sparking|shorted|under water|affected|isolated|off|burnt|melted)"
            r"|(?:burnt|melted|damaged|wet) (?:wiring|wires|cables?|outlets?|power ?points?|gpos?)"
            r"|(?:power|electricity|circuits?)(?: [a-z]+){0,3} (?:isolated|turned off|cut|off at|shut off)"
            r"|tripped (?:breaker|rcd|safety switch))\b",
            _FLAGS,
        ),
    ),
    (
        HazardKind.BIOHAZARD,
        "Biohazard",
        re.compile(
            r"\b(?:raw sewage|sewage|black ?water|fa?ec(?:es|al)|feces|biohazard|bio-hazard)\b", _FLAGS
        ),
    ),
    (HazardKind.MOULD, "Mould", _MOULD_GROWTH),
    (
        HazardKind.SLIP_TRIP,
        "Slip/trip",
        re.compile(
            r"\b(?:slip(?:pery)? (?:hazard|risk)|trip (?:hazard|risk)|slippery|wet floor signs?)\b", _FLAGS
        ),
    ),
    (
        HazardKind.STRUCTURAL,
        "Structural",
        re.compile(
            r"\b(?:structural(?:ly)? (?:damage|concern|compromised|unsound|engineer)|sagging ceiling"
            r"|ceiling(?: [\w\-]+){0,5} (?:sagging|bowing|bulging|collapse[ds]?|down)|collaps(?:e|ed|ing)"
            r"|unsafe to enter|unstable|propped)\b",
            _FLAGS,
        ),
    ),
    (HazardKind.GAS, "Gas", re.compile(r"\bgas (?:leak|smell|odou?r)\b|\bcarbon monoxide\b", _FLAGS)),
)
_BUILT_YEAR = re.compile(
    r"\b(?:built|constructed|build year|year built|yr built|construction|circa|c\.|erected)\W{0,3}(?:in )?"
    r"(?P<year>1[89]\d\d|20[0-2]\d)\b",
    _FLAGS,
)
_HAZARD_SECTION = re.compile(
    r" ?(?:safety(?: notes?)?|hazards?|whs|oh&s|ohs|h&s|risks?|risk assessment)\b ?[:\-]? ?", _FLAGS
)


# --- text preparation --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    number: int
    quote: str  # what a SourceSpan shows: the line as written, trimmed and cleaned
    text: str  # what the rules match: NFKC-normalised, whitespace collapsed

    def span(self) -> SourceSpan:
        return SourceSpan(line=self.number, text=self.quote)


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _prepare_lines(text: str) -> list[_Line]:
    lines = []
    for number, raw in enumerate(_LINE_BREAK.split(text), start=1):
        cleaned = _collapse(_INVISIBLE.sub("", raw))
        normalised = _collapse(unicodedata.normalize("NFKC", cleaned).translate(_TYPOGRAPHIC_QUOTES))
        lines.append(_Line(number=number, quote=_truncate(cleaned, _MAX_QUOTE), text=normalised))
    return lines


def _clean_value(text: str) -> str | None:
    value = _truncate(text.strip(" .;,:-\u2013\u2014"), _MAX_QUOTE)
    return None if _PLACEHOLDER.match(value) else value


def _matched_key(match: re.Match[str], table: Sequence[tuple[str, str]]) -> str:
    """Which named alternative of a vocabulary pattern matched."""
    return next(key for key, _ in table if match.group(key) is not None)


def _first(candidates: Iterable[_T | None]) -> _T | None:
    return next((candidate for candidate in candidates if candidate is not None), None)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _count(word: str) -> int:
    return _NUMBER_WORDS.get(word.lower(), 0) if not word.isdigit() else int(word)


def _fmt(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".")


class _Sentences:
    """Where the sentences of one line start and end, each asked a question at most once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends = [match.end() for match in _SENTENCE_END.finditer(text)]
        self._answers: dict[tuple[int, tuple[re.Pattern[str], ...]], bool] = {}

    def bounds(self, pos: int) -> tuple[int, int]:
        index = bisect_right(self._ends, pos)
        start = self._ends[index - 1] if index else 0
        return start, self._ends[index] if index < len(self._ends) else len(self.text)

    def mentions_any(self, pos: int, patterns: tuple[re.Pattern[str], ...]) -> bool:
        key = (bisect_right(self._ends, pos), patterns)
        if key not in self._answers:
            start, end = self.bounds(pos)
            self._answers[key] = any(pattern.search(self.text, start, end) for pattern in patterns)
        return self._answers[key]


_WINDOW = 120  # how far around a match its context is read: keeps every look linear in the line


def _around(sentences: _Sentences, start: int, end: int, reach: int = _WINDOW) -> tuple[int, int]:
    """The match's sentence, cut to `reach` characters either side of it."""
    sentence_start, sentence_end = sentences.bounds(start)
    return max(sentence_start, start - reach), min(sentence_end, end + reach)


def _excerpt(text: str, start: int, end: int) -> str | None:
    # Slice no more than a value can keep, so long sentences cost no more than short ones.
    return _clean_value(text[start : min(end, start + 2 * _MAX_QUOTE)])


def _is_negated(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - _NEGATION_WINDOW) : start]
    clause_start = max(before.rfind(mark) for mark in ".;!?,") + 1
    after = text[end : end + _NEGATION_WINDOW]
    return bool(_NEGATION_BEFORE.search(before[clause_start:]) or _NEGATION_AFTER.match(after))


def _evidence_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    return (match for match in pattern.finditer(text) if not _is_negated(text, match.start(), match.end()))


def _has_evidence(pattern: re.Pattern[str], text: str) -> bool:
    return _first(_evidence_matches(pattern, text)) is not None


def _dedupe_spans(spans: Iterable[SourceSpan]) -> list[SourceSpan]:
    seen: dict[int, SourceSpan] = {}
    for span in spans:
        seen.setdefault(span.line, span)
    return sorted(seen.values(), key=lambda span: span.line)


# --- damage type -------------------------------------------------------------------------------


def _labelled_damage_type(line: _Line) -> tuple[DamageType, SourceSpan] | None:
    # A label naming nothing we recognise ("Claim type: building") falls through to the keywords.
    label = _DAMAGE_LABEL.match(line.text)
    if label is None:
        return None
    value = line.text[label.end() :]
    named = _first(damage_type for damage_type, pattern in _DAMAGE_KEYWORDS if _has_evidence(pattern, value))
    return (named, line.span()) if named is not None else None


def _keyword_damage_type(lines: Sequence[_Line]) -> tuple[DamageType, SourceSpan] | None:
    for damage_type, pattern in _DAMAGE_KEYWORDS:
        evidence = _first(line for line in lines if _has_evidence(pattern, line.text))
        if evidence is not None:
            return damage_type, evidence.span()
    return None


def _detect_damage_type(lines: Sequence[_Line]) -> tuple[DamageType, SourceSpan] | None:
    return _first(_labelled_damage_type(line) for line in lines) or _keyword_damage_type(lines)


# --- cause of loss -----------------------------------------------------------------------------


def _labelled_cause(text: str) -> str | None:
    label = _CAUSE_LABEL.match(text)
    if label is None:
        return None
    rest = text[label.end() :]
    end = _SENTENCE_END.search(rest)
    value = _clean_value(rest[: end.start()] if end else rest)  # the first sentence is the cause
    # A bare "Source:" is as often the referral source as the loss source; "Loss:" may be a figure.
    if value is None or (
        (label.group("bare") or text[: label.end()].strip(" :=-").lower() == "loss")
        and not any(pattern.search(value) for pattern in _LOSS_PATTERNS)
    ):
        return None
    return value


def _cued_cause(text: str) -> str | None:
    sentences = _Sentences(text)
    for cue in _CAUSE_CUE.finditer(text):
        # "Access delayed due to tenant" is not a cause of loss: the sentence must be about the loss.
        if sentences.mentions_any(cue.start(), _LOSS_PATTERNS):
            value = _excerpt(text, cue.end(), sentences.bounds(cue.start())[1])
            if value is not None:
                return value
    return None


def _keyword_cause(text: str) -> str | None:
    for keyword in _CAUSE_KEYWORD.finditer(text):
        if not _is_negated(text, keyword.start(), keyword.end()):
            return _excerpt(text, *_Sentences(text).bounds(keyword.start()))
    return None


def _source_cause(text: str) -> str | None:
    """Last resort: the sentence naming a water source the category rules know."""
    for _, _, pattern in _CATEGORY_SOURCES:
        match = _first(_evidence_matches(pattern, text))
        if match is not None:
            return _excerpt(text, *_Sentences(text).bounds(match.start()))
    return None


def _detect_cause(lines: Sequence[_Line]) -> tuple[str, SourceSpan] | None:
    for finder in (_labelled_cause, _cued_cause, _keyword_cause, _source_cause):
        for index, line in enumerate(lines):
            text = _continued(lines, index) if finder is _labelled_cause else line.text
            cause = finder(text)
            if cause is not None:
                return cause, line.span()
    return None


def _continued(lines: Sequence[_Line], index: int, extra: int = 2) -> str:
    """A line and the lines its sentence runs on to ("Cause: ... HO found water" / "at 2300 ...")."""
    text = lines[index].text
    for following in lines[index + 1 : index + 1 + extra]:
        bullets = _BULLETS.match(following.text)
        if (
            _SENTENCE_END.search(text)
            or not following.text
            or (bullets is not None and bullets.end() > 0)
            or _SECTION_LABEL.match(following.text)
        ):
            break
        text = f"{text} {following.text}"
    return text


# --- dates -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _DateMatch:
    start: int
    end: int
    value: date | None  # None: day and month could swap and nothing settles it, or no such day


def _year(written: str | None) -> int | None:
    if written is None:
        return None
    year = int(written.lstrip("'"))
    if year < 100:
        year += 2000 if year < 70 else 1900
    return year


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _near_anchor(month: int, day: int, anchor: date | None) -> date | None:
    """A date written without its year, in the year that puts it nearest the dates around it."""
    if anchor is None:
        return None
    for year in (anchor.year, anchor.year + 1, anchor.year - 1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and abs(candidate - anchor) <= _HALF_YEAR:
            return candidate
    return None


class _Dates:
    """Reads dates, with one decision per document on how to read 03/04/2024 (see module notes)."""

    def __init__(self, lines: Sequence[_Line], configured: DateOrder | None) -> None:
        self.order: DateOrder | None = self._settled_order(lines) or self._locale_order(lines) or configured
        self.ambiguous_seen = False

    @staticmethod
    def _settled_order(lines: Sequence[_Line]) -> DateOrder | None:
        evidence: set[DateOrder] = set()
        for line in lines:
            for match in _DATE.finditer(line.text):
                if match.group("n1") and match.group("ny"):
                    first, second = int(match.group("n1")), int(match.group("n2"))
                    if first > 12 >= second:
                        evidence.add("DMY")
                    elif second > 12 >= first:
                        evidence.add("MDY")
        # Both orders in one document: a typo somewhere; no order is settled.
        return evidence.pop() if len(evidence) == 1 else None

    @staticmethod
    def _locale_order(lines: Sequence[_Line]) -> DateOrder | None:
        day_first = any(_DAY_FIRST_HINT.search(line.text) for line in lines)
        month_first = any(_MONTH_FIRST_HINT.search(line.text) for line in lines)
        if day_first != month_first:
            return "DMY" if day_first else "MDY"
        return None

    def find(self, text: str, anchor: date | None, *, yearless_numeric: bool = False) -> list[_DateMatch]:
        found = []
        for match in _DATE.finditer(text):
            # "1/2", "24/7" and "3/4 in" are not dates; "16/02" is, on a visit line.
            yearless = match.group("n1") and match.group("ny") is None
            if yearless and (not yearless_numeric or match.group("sep") != "/"):
                continue
            month_word = match.group("m1") or match.group("m2")
            if month_word and month_word.lower() == "may" and not (match.group("y1") or match.group("y2")):
                continue  # "may" without a year is the verb far more often than the month
            found.append(_DateMatch(match.start(), match.end(), self._parse(match, anchor)))
        return found

    def _parse(self, match: re.Match[str], anchor: date | None) -> date | None:
        if match.group("iso_y"):
            return _safe_date(int(match.group("iso_y")), int(match.group("iso_m")), int(match.group("iso_d")))
        if match.group("n1"):
            return self._numeric(
                int(match.group("n1")), int(match.group("n2")), _year(match.group("ny")), anchor
            )
        month_word = (match.group("m1") or match.group("m2")).lower()[:3]
        day = int(match.group("d1") or match.group("d2"))
        year = _year(match.group("y1") or match.group("y2"))
        month = _MONTH_NUMBERS[month_word]
        return _safe_date(year, month, day) if year else _near_anchor(month, day, anchor)

    def _numeric(self, first: int, second: int, year: int | None, anchor: date | None) -> date | None:
        if first > 12 or (first == second) or (self.order == "DMY" and second <= 12):
            day, month = first, second
        elif second > 12 or self.order == "MDY":
            day, month = second, first
        else:
            self.ambiguous_seen = True
            return None
        return _safe_date(year, month, day) if year else _near_anchor(month, day, anchor)


def _first_date_after(dates: _Dates, text: str, position: int, anchor: date | None) -> date | None:
    for found in dates.find(text, anchor):
        if position <= found.start <= position + _LABEL_TO_DATE:
            return found.value
    return None


# --- job facts ---------------------------------------------------------------------------------


def _claim_number(text: str) -> str | None:
    for match in _CLAIM.finditer(text):
        value = match.group("value").rstrip(".,/-_")
        if any(char.isdigit() for char in value):
            return value
    return None


def _labelled_value(label: re.Pattern[str], end: re.Pattern[str], text: str) -> str | None:
    match = label.search(text)
    if match is None:
        return None
    rest = text[match.end() : match.end() + _MAX_QUOTE]
    cut = end.search(rest)
    return _clean_value(rest[: cut.start()] if cut else rest)


def _insured(text: str) -> str | None:
    value = _labelled_value(_INSURED, _VALUE_END, text)
    if value is None or not any(char.isalpha() for char in value) or len(value.split()) > 6:
        return None
    return value


def _address(text: str) -> str | None:
    value = _labelled_value(_ADDRESS_LABEL, _ADDRESS_END, text)
    # A labelled address has a street number; "Location: kitchen" is a room.
    if value is not None and any(char.isdigit() for char in value) and any(char.isalpha() for char in value):
        return value.rstrip(",")
    return None


def _street(text: str) -> str | None:
    match = _STREET.search(text)
    return match.group(0).rstrip(" ,.") if match else None


@dataclass
class _JobScan:
    claim: TextFact | None = None
    insured: TextFact | None = None
    address: TextFact | None = None
    street: TextFact | None = None
    loss_labelled: DateFact | None = None
    loss_sentence: DateFact | None = None
    inspection: DateFact | None = None

    def to_model(self) -> JobInfo:
        return JobInfo(
            claim_number=self.claim,
            insured=self.insured,
            address=self.address or self.street,
            date_of_loss=self.loss_labelled or self.loss_sentence,
            inspection_date=self.inspection,
        )


def _read_job(lines: Sequence[_Line], dates: _Dates, visits: _Visits) -> JobInfo:
    scan = _JobScan()
    anchor: date | None = None
    for line in lines:
        text = line.text
        if not text:
            continue
        found = [match.value for match in dates.find(text, anchor) if match.value]
        anchor = found[-1] if found else anchor
        scan.claim = scan.claim or _fact(_claim_number(text), line)
        scan.insured = scan.insured or _fact(_insured(text), line)
        scan.address = scan.address or _fact(_address(text), line)
        scan.street = scan.street or _fact(_street(text), line)
        if scan.loss_labelled is None and (label := _LOSS_DATE_LABEL.search(text)):
            scan.loss_labelled = _date_fact(_first_date_after(dates, text, label.end(), anchor), line)
        if scan.inspection is None and (label := _INSPECTION_LABEL.search(text)):
            scan.inspection = _date_fact(_first_date_after(dates, text, label.end(), anchor), line)
        if scan.loss_sentence is None and found and _is_loss_sentence(text, visits):
            scan.loss_sentence = _date_fact(found[0], line)
    if scan.inspection is None:
        scan.inspection = visits.first_visit(lines, dates)
    return scan.to_model()


def _is_loss_sentence(text: str, visits: _Visits) -> bool:
    """ "Kitchen fire 2 Jan 2025": a dated sentence about the loss itself, not a visit."""
    if visits.is_visit_line(text) or _INSPECTION_LABEL.search(text):
        return False
    return any(pattern.search(text) for pattern in _LOSS_PATTERNS)


def _fact(value: str | None, line: _Line) -> TextFact | None:
    return TextFact(value=_truncate(value, _MAX_QUOTE), source=line.span()) if value else None


def _date_fact(value: date | None, line: _Line) -> DateFact | None:
    return DateFact(value=value, source=line.span()) if value else None


# --- visit days --------------------------------------------------------------------------------


class _Visits:
    """Which visit day each line belongs to: readings and equipment are dated by it."""

    def __init__(self, dates: _Dates) -> None:
        self._dates = dates

    @staticmethod
    def _start(text: str) -> int:
        bullets = _BULLETS.match(text)
        return bullets.end() if bullets else 0

    def is_visit_line(self, text: str) -> bool:
        start = self._start(text)
        if _NOT_VISIT.match(text, start):
            return False
        if _VISIT_START.match(text, start):
            return True
        return any(found.start == start for found in self._dates.find(text, None, yearless_numeric=True))

    def first_visit(self, lines: Sequence[_Line], dates: _Dates) -> DateFact | None:
        """Without an inspection label, the first dated visit line is the inspection."""
        anchor: date | None = None
        for line in lines:
            found = [match.value for match in dates.find(line.text, anchor) if match.value]
            if self.is_visit_line(line.text):
                visit = [m.value for m in dates.find(line.text, anchor, yearless_numeric=True) if m.value]
                if visit:
                    return DateFact(value=visit[0], source=line.span())
            anchor = found[-1] if found else anchor
        return None

    def line_dates(self, lines: Sequence[_Line], inspection: date | None) -> list[date | None]:
        """The visit date each line falls under; before any visit line, the inspection date."""
        current, anchor, day_one = inspection, inspection, inspection
        result: list[date | None] = []
        for line in lines:
            text = line.text
            start = self._start(text)
            visit = _VISIT_START.match(text, start) if not _NOT_VISIT.match(text, start) else None
            found = self._dates.find(
                text, anchor, yearless_numeric=visit is not None or self.is_visit_line(text)
            )
            values = [match.value for match in found if match.value]
            if visit is not None or (found and found[0].start == start and not _NOT_VISIT.match(text, start)):
                current, day_one = self._visit_date(visit, values, current, day_one, inspection)
            anchor = values[-1] if values else anchor
            result.append(current)
        return result

    @staticmethod
    def _visit_date(
        visit: re.Match[str] | None,
        values: list[date],
        current: date | None,
        day_one: date | None,
        inspection: date | None,
    ) -> tuple[date | None, date | None]:
        if visit is not None and visit.group("day"):
            number = int(visit.group("num"))
            if values:
                return values[0], (values[0] if number == 1 else day_one)
            return (day_one + timedelta(days=number - 1) if day_one else None), day_one
        if values:
            return values[0], day_one
        if visit is not None and visit.group("first"):
            return inspection, day_one
        if visit is not None and visit.group("reset"):
            return None, day_one  # a new visit whose date is not written
        return current, day_one


# --- rooms -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    """A room (or reading place) named on a line; `key` tells two spellings of one room apart."""

    key: str
    name: str
    start: int
    end: int
    base: str = ""  # the room without qualifier or number: "bedroom" for "Master bedroom 2"
    qualified: bool = True
    affected: bool = True
    is_room: bool = True
    unaffected: bool = False  # explicitly called unaffected (dry standard, no damage)


@dataclass(frozen=True)
class _Dimensions:
    length_ft: float
    width_ft: float
    floor_area_sqft: float
    unit: LengthUnit
    height_ft: float | None = None


@dataclass
class _WetExtents:
    """What the notes say about how much of a room is wet; None is "not said"."""

    floor_sqft: float | None = None
    floor_full: bool = False
    floor_percent: float | None = None
    wall_total_sqft: float | None = None
    wall_above_sqft: float | None = None
    wall_length_ft: float | None = None
    wall_perimeter: bool = False
    wick_height_ft: float | None = None
    ceiling_sqft: float | None = None
    ceiling_full: bool = False
    ceiling_wet: bool = False
    ceiling_height_ft: float | None = None
    insets: int | None = None


@dataclass
class _AreaDraft:
    room: str
    base: str
    source: SourceSpan
    dimensions: _Dimensions | None = None
    stated_area_sqft: float | None = None
    stated_unit: LengthUnit | None = None
    materials: dict[str, str] = field(default_factory=dict)  # key -> name as first written
    wet: _WetExtents = field(default_factory=_WetExtents)
    soaked_materials: dict[str, SourceSpan] = field(default_factory=dict)  # key -> line saying it is wet
    evidence: list[SourceSpan] = field(default_factory=list)  # lines the wet extents came from

    @property
    def floor_sqft(self) -> float | None:
        dims = self.dimensions
        # The technician's stated area wins: rooms are not always rectangles.
        return self.stated_area_sqft or (dims.floor_area_sqft if dims else None)

    @property
    def height_ft(self) -> float | None:
        return self.wet.ceiling_height_ft or (self.dimensions.height_ft if self.dimensions else None)

    @property
    def perimeter_ft(self) -> float | None:
        dims = self.dimensions
        return 2 * (dims.length_ft + dims.width_ft) if dims else None

    def wet_floor(self) -> float | None:
        wet, floor = self.wet, self.floor_sqft
        if wet.floor_sqft is not None:
            return wet.floor_sqft
        if floor is not None and wet.floor_full:
            return floor
        if floor is not None and wet.floor_percent is not None:
            return round(floor * wet.floor_percent / 100, 1)
        return None

    def wet_wall_above(self, exclude_ft: float) -> float | None:
        """Wet wall above the excluded height (2 ft), as the air-mover formula counts it."""
        wet = self.wet
        if wet.wall_above_sqft is not None:
            return wet.wall_above_sqft
        height = wet.wick_height_ft
        if height is None:
            return None
        if height <= exclude_ft:
            return 0.0
        length = wet.wall_length_ft or (self.perimeter_ft if wet.wall_perimeter else None)
        if length is not None:
            return round(length * (height - exclude_ft), 1)
        if wet.wall_total_sqft is not None:
            return round(wet.wall_total_sqft * (height - exclude_ft) / height, 1)
        return None

    def wet_ceiling(self) -> float | None:
        if self.wet.ceiling_sqft is not None:
            return self.wet.ceiling_sqft
        return self.floor_sqft if self.wet.ceiling_full else None

    def to_model(self, standards: Standards) -> AffectedArea:
        dims = self.dimensions
        return AffectedArea(
            room=self.room,
            length_ft=dims.length_ft if dims else None,
            width_ft=dims.width_ft if dims else None,
            height_ft=self.height_ft,
            floor_area_sqft=self.floor_sqft,
            original_unit=dims.unit if dims else self.stated_unit,
            wet_floor_sqft=self.wet_floor(),
            wet_wall_sqft=self.wet_wall_above(standards.air_movers.wall_height_excluded_ft),
            wet_ceiling_sqft=self.wet_ceiling(),
            wall_insets_offsets=self.wet.insets,
            materials=list(self.materials.values()),
            source=self.source,
        )


_AreaLookup = Callable[[int], _AreaDraft | None]
HeightSink = Callable[[float], None]
_SURFACES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ceiling", _CEILING_WORD),
    ("wall", _WALL_WORD),
    ("floor", _FLOOR_WORD),
)
_WHOLE_BUILDING = re.compile(
    r"\b(?:throughout|all rooms|all areas|typical|everywhere|whole (?:house|unit|home|dwelling))\b", _FLAGS
)


def _sentence_case(text: str) -> str:
    lowered = _collapse(text).lower()
    return lowered[:1].upper() + lowered[1:]


def _room_name(words: Iterable[str | None], base: str) -> str:
    name = " ".join(word for word in words if word)
    name = _ROOM_ABBREVIATIONS.sub("room", name)
    if base == "bedroom" and re.fullmatch(r"(?:\w+ )?bed ?#?\s?[1-9]", name, _FLAGS):
        name = re.sub(r"\bbed ?#?\s?", "bedroom ", name, flags=_FLAGS)
    return _sentence_case(name)


def _vocabulary_mentions(text: str) -> list[_Mention]:
    mentions = []
    for match in _ROOM_PATTERN.finditer(text):
        base = _matched_key(match, _ROOMS)
        qualifier, number = match.group("qual"), match.group("num")
        written = _PLURAL.sub("", match.group(base))
        mentions.append(_numbered(base, qualifier, written, number, match.start(), match.end()))
        if number is not None:
            # "Bedroom 1 and 2", "Beds 2/3": each number is a room of its own.
            more = _MORE_NUMBERS.match(text, match.end())
            if more is not None:
                mentions.append(
                    _numbered(base, qualifier, written, more.group("more"), more.start("more"), more.end())
                )
    return mentions


def _numbered(
    base: str, qualifier: str | None, written: str, number: str | None, start: int, end: int
) -> _Mention:
    return _Mention(
        key=f"{qualifier or ''}|{base}|{number or ''}".lower(),
        name=_room_name((qualifier, written, number), base),
        start=start,
        end=end,
        base=base,
        qualified=bool(qualifier or number),
    )


def _labelled_mentions(text: str) -> list[_Mention]:
    label = _ROOM_LABEL.match(text)
    if label is None:
        return []
    value = text[label.end() :]
    ends = (pattern.search(value) for pattern in (_ROOM_NAME_END, _DIMENSIONS, _STATED_AREA))
    cut = min((match.start() for match in ends if match), default=len(value))
    name = _clean_value(value[:cut])
    if name is None or len(name.split()) > _MAX_ROOM_WORDS:
        return []
    name = _truncate(name, _MAX_ROOM_NAME)
    key = f"label|{name.lower()}"
    return [_Mention(key=key, name=name, start=label.end(), end=label.end() + cut, base=key, qualified=True)]


def _segments(text: str, mentions: Sequence[_Mention]) -> list[tuple[int, int]]:
    """The part of the line each mention owns: the text between two mentions is split at its last
    clause break ("kitchen 74F 66% RH | unaffected bedroom": the "unaffected" is the bedroom's)."""
    bounds = []
    for index, mention in enumerate(mentions):
        previous_end = mentions[index - 1].end if index else 0
        start = _last_break(text, previous_end, mention.start, default=mention.start if index else 0)
        if index + 1 < len(mentions):
            end = _last_break(text, mention.end, mentions[index + 1].start, default=mentions[index + 1].start)
        else:
            end = len(text)
        bounds.append((start, end))
    return bounds


def _last_break(text: str, start: int, end: int, *, default: int) -> int:
    last = default
    for match in _SEGMENT_BREAK.finditer(text, start, end):
        last = match.start()
    return last


def _is_locative(text: str, mention: _Mention, has_subject: bool) -> bool:
    if not has_subject:
        return False
    before = _LOCATIVE_BEFORE.search(text, max(0, mention.start - 14), mention.start)
    return before is not None or _LOCATIVE_AFTER.match(text, mention.end) is not None


def _room_mentions(text: str) -> list[_Mention]:
    """Rooms named on a line, each marked affected or not.

    A room is affected when its line is a heading for it ("Kitchen: ...", "Room: X") or its sentence
    describes damage, and nothing in its part of the line calls it unaffected (dry standard, no damage).
    "Smoke detectors in hallway were sounding" names a room without saying it is damaged.
    """
    found = _vocabulary_mentions(text)
    is_label_line = _ROOM_LABEL.match(text) is not None
    if not found:
        found = _labelled_mentions(text)
    found = [mention for index, mention in enumerate(found) if not _is_locative(text, mention, index > 0)]
    sentences = _Sentences(text)
    mentions = []
    for mention, (segment_start, segment_end) in zip(found, _segments(text, found), strict=True):
        # A mention owns its part of its sentence; that is where "unaffected" would be said.
        sentence_start, sentence_end = sentences.bounds(mention.start)
        unaffected = (
            _UNAFFECTED.search(text, max(segment_start, sentence_start), min(segment_end, sentence_end))
            is not None
        )
        is_heading = is_label_line or _HEADING_PREFIX.fullmatch(text, 0, mention.start) is not None
        described = is_heading or sentences.mentions_any(mention.start, _DAMAGE_CONTEXT)
        mentions.append(replace(mention, affected=described and not unaffected, unaffected=unaffected))
    return mentions


def _place_mentions(text: str) -> list[_Mention]:
    return [
        _Mention(
            key=f"place|{match.group(0).lower()}",
            name=_sentence_case(match.group(0)),
            start=match.start(),
            end=match.end(),
            is_room=False,
        )
        for match in _PLACE.finditer(text)
    ]


class _Owners:
    """Who a position on a line belongs to: the mention whose part of the line it is in. Text before
    the first mention's clause belongs to none (the room the notes were already talking about)."""

    def __init__(self, text: str, mentions: Sequence[_Mention]) -> None:
        self._mentions = sorted(mentions, key=lambda mention: mention.start)
        self._starts = [start for start, _ in _segments(text, self._mentions)]

    def at(self, pos: int) -> _Mention | None:
        index = bisect_right(self._starts, pos) - 1
        return self._mentions[index] if index >= 0 else None


# --- dimensions --------------------------------------------------------------------------------


def _length_unit(written: str | None) -> LengthUnit | None:
    if not written:
        return None
    return LengthUnit.METRES if written.lower().startswith("m") else LengthUnit.FEET


def _side(value: str, inches: str | None, unit: LengthUnit) -> float:
    if unit is LengthUnit.METRES:
        return _number(value) * _FEET_PER_METRE
    return _number(value) + (int(inches) / 12 if inches else 0.0)


def _parse_dimensions(match: re.Match[str]) -> _Dimensions | None:
    written = (match.group("ua"), match.group("ub"), match.group("uc"))
    units = {unit for unit in map(_length_unit, written) if unit}
    # No unit ("2 x 4") or two different ones is too ambiguous to convert.
    if len(units) != 1:
        return None
    unit = units.pop()
    if unit is LengthUnit.METRES and (match.group("ai") or match.group("bi")):
        return None
    length = _side(match.group("a"), match.group("ai"), unit)
    width = _side(match.group("b"), match.group("bi"), unit)
    if length <= 0 or width <= 0:
        return None
    height = _side(match.group("c"), None, unit) if match.group("c") else None
    return _Dimensions(
        round(length, 1),
        round(width, 1),
        round(length * width, 1),
        unit,
        round(height, 1) if height else None,
    )


def _dimensions_in(text: str) -> Iterator[tuple[int, int, _Dimensions]]:
    for match in _DIMENSIONS.finditer(text):
        dimensions = _parse_dimensions(match)
        if dimensions is not None:
            yield match.start(), match.end(), dimensions


def _patch_surface(text: str, start: int, end: int) -> str | None:
    """ "Kitchen ceiling 8x10 ft section stained": the size of a wet patch, not of the room."""
    before = _PATCH_BEFORE.search(text, max(0, start - 20), start)
    if before is not None:
        return "ceiling" if before.group("surface").lower().startswith(("ceiling", "clg")) else "wall"
    return (
        "ceiling"
        if _PATCH_AFTER.match(text, end) and _CEILING_WORD.search(text, max(0, start - 40), start)
        else None
    )


def _stated_areas_in(text: str) -> Iterator[tuple[int, float, LengthUnit]]:
    for match in _STATED_AREA.finditer(text):
        value = _number(match.group("value"))
        # "wet floor area 120 sf" is a wet extent, not the room's size.
        if value > 0 and not _WET_WORD.search(text, max(0, match.start() - 20), match.start() + 6):
            if match.group("sqm"):
                yield match.start(), round(value * _SQFT_PER_SQM, 1), LengthUnit.METRES
            else:
                yield match.start(), round(value, 1), LengthUnit.FEET


def _area_sqft(match: re.Match[str]) -> float:
    value = _number(match.group("value"))
    return round(value * _SQFT_PER_SQM, 1) if match.group("sqm") else round(value, 1)


def _height_ft(value: str, unit: str) -> float | None:
    number = _number(value)
    unit = unit.lower()
    if unit in ("in", "inch", "inches", '"'):
        feet = number / 12
    elif unit == "cm":
        feet = number / 30.48
    elif unit == "mm":
        feet = number / 304.8
    elif unit == "m":
        feet = number * _FEET_PER_METRE
    else:
        feet = number
    return round(feet, 2) if 0 < feet <= 30 else None


# --- materials and readings --------------------------------------------------------------------


@dataclass(frozen=True)
class _Material:
    key: str
    name: str
    start: int
    end: int


@dataclass(frozen=True)
class _Reading:
    unit: str
    value: float
    start: int
    end: int


def _materials_in(text: str) -> list[_Material]:
    return [
        _Material(
            _matched_key(match, _MATERIALS), _collapse(match.group(0)).lower(), match.start(), match.end()
        )
        for match in _MATERIAL_PATTERN.finditer(text)
    ]


def _readings_in(text: str, materials: Sequence[_Material], bare_scale: str | None = None) -> list[_Reading]:
    """Readings on a line. In a readings block (`bare_scale` set) a bare number right after a
    material is a reading too ("kitchen laminate 62"), on the meter's scale when it is named."""
    candidates = [
        _Reading(unit=unit, value=float(match.group("value")), start=match.start("value"), end=match.end())
        for unit, pattern in _READINGS
        for match in pattern.finditer(text)
    ]
    for material in materials:
        # Anchored at the material's end, so each try is bounded.
        match = _MATERIAL_PERCENT.match(text, material.end)
        unit = "%"
        if match is None and bare_scale is not None:
            match, unit = _MATERIAL_BARE.match(text, material.end), bare_scale
        if match is not None:
            candidates.append(
                _Reading(
                    unit=unit, value=float(match.group("value")), start=match.start("value"), end=match.end()
                )
            )
    candidates.sort(key=lambda reading: (reading.start, -reading.end))
    # Patterns overlap ("MC 32%" next to "32%MC"): keep the first reading at each position.
    readings: list[_Reading] = []
    for candidate in candidates:
        if not readings or candidate.start >= readings[-1].end:
            readings.append(candidate)
        elif candidate.start == readings[-1].start and candidate.unit != "%" and readings[-1].unit == "%":
            readings[-1] = candidate  # a written scale beats a bare percentage at the same place
    return readings


class _MaterialFinder:
    """Which material a reading is about: notes write "drywall 32%MC" and "18% on drywall"."""

    def __init__(self, text: str, materials: list[_Material]) -> None:
        self._text = text
        self._sentences = _Sentences(text)
        self._materials = materials
        self._starts = [material.start for material in self._materials]

    def for_reading(self, readings: Sequence[_Reading], index: int) -> _Material | None:
        reading = readings[index]
        after = bisect_left(self._starts, reading.end)
        following = self._materials[after] if after < len(self._materials) else None
        if following and _MATERIAL_FOLLOWS.fullmatch(self._text, reading.end, following.start):
            return following
        # Otherwise the material named before the reading, in its sentence and after the previous reading.
        before = bisect_left(self._starts, reading.start)
        sentence_start, sentence_end = self._sentences.bounds(reading.start)
        lower = max(readings[index - 1].end if index else 0, sentence_start)
        if before > 0 and self._materials[before - 1].start >= lower:
            return self._materials[before - 1]
        upper = min(
            readings[index + 1].start if index + 1 < len(readings) else len(self._text),
            sentence_end,
        )
        return following if following and following.start < upper else None


@dataclass
class _ReadingDraft:
    """A moisture reading before the dry standards of the whole document are known."""

    location: str
    material: _Material | None
    value: float
    unit: str
    meter: str | None
    taken_on: date | None
    is_reference: bool
    said_dry: bool | None
    source: SourceSpan


@dataclass(frozen=True)
class _Goal:
    material_key: str | None
    unit: str
    value: float


def _meter_in(text: str) -> str | None:
    match = _METER.search(text)
    if match is None:
        return None
    return _truncate(_collapse(match.group(0)), _MAX_ROOM_NAME)


def _said_dry(text: str, start: int, end: int) -> bool | None:
    """What the notes say right after a reading: "11 WME (dry)", "32%MC still wet"."""
    match = _DRY_NOTE.search(text, start, min(end, start + 40))
    if match is None:
        return None
    return match.group("neg") is None


# --- air readings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _AirToken:
    kind: Literal["temp", "rh", "gpp", "dew"]
    value: float
    start: int
    end: int


def _air_tokens(text: str) -> list[_AirToken]:
    tokens: list[_AirToken] = []
    for pattern in _TEMPERATURE:
        for match in pattern.finditer(text):
            value = float(match.group("value"))
            fahrenheit = value if match.group("unit").lower() == "f" else celsius_to_fahrenheit(value)
            if -20 <= fahrenheit <= 140:
                tokens.append(_AirToken("temp", round(fahrenheit, 1), match.start(), match.end()))
    for pattern in _RH:
        tokens += [
            _AirToken("rh", float(m.group("value")), m.start(), m.end()) for m in pattern.finditer(text)
        ]
    for pattern in _GPP:
        tokens += [
            _AirToken("gpp", float(m.group("value")), m.start(), m.end()) for m in pattern.finditer(text)
        ]
    for match in _DEW_POINT.finditer(text):
        value = float(match.group("value"))
        is_celsius = (match.group("unit") or "F").lower() == "c"
        tokens.append(
            _AirToken(
                "dew",
                round(celsius_to_fahrenheit(value) if is_celsius else value, 1),
                match.start(),
                match.end(),
            )
        )
    tokens.sort(key=lambda token: (token.start, -token.end))
    kept: list[_AirToken] = []
    for token in tokens:
        # A dew point's "50F" is also a temperature token: the longer, earlier match wins.
        if not kept or token.start >= kept[-1].end:
            kept.append(token)
    return [token for token in kept if token.kind != "rh" or 0 < token.value <= 100]


def _air_place(text: str, start: int, end: int, *, last: bool = True) -> str | None:
    match = None
    for candidate in _AIR_PLACE.finditer(text, start, end):
        match = candidate
        if not last:
            break
    if match is None:
        return None
    for group, name in (
        ("outside", "outside"),
        ("unaffected", "unaffected"),
        ("inlet", "dehumidifier inlet"),
        ("outlet", "dehumidifier outlet"),
        ("hvac", "HVAC"),
        ("affected", "affected"),
    ):
        if match.group(group):
            return name
    return None


def _atmospheric(
    tokens: Sequence[_AirToken], location: str, taken_on: date | None, line: _Line
) -> AtmosphericReading:
    values = {token.kind: token.value for token in tokens}
    temperature, humidity = values.get("temp"), values.get("rh")
    gpp, dew = values.get("gpp"), values.get("dew")
    if temperature is not None and humidity is not None and humidity > 0:
        # Computed only when the notes do not give them: the meter's own figure is the record.
        gpp = gpp if gpp is not None else round(gpp_from_fahrenheit(temperature, humidity), 1)
        dew = dew if dew is not None else round(dew_point_f(temperature, humidity), 1)
    return AtmosphericReading(
        location=location,
        temperature_f=temperature,
        relative_humidity=humidity,
        gpp=gpp,
        dew_point_f=dew,
        taken_on=taken_on,
        source=line.span(),
    )


# --- the scan ----------------------------------------------------------------------------------


class _RoomScan:
    """One pass over the lines, carrying the room the notes are currently talking about."""

    def __init__(self, line_dates: Sequence[date | None], scope_lines: frozenset[int]) -> None:
        self.areas: dict[str, _AreaDraft] = {}
        self.readings: list[_ReadingDraft] = []
        self.goals: list[_Goal] = []
        self.air: list[AtmosphericReading] = []
        self.unaffected: set[str] = set()
        self.rooms_by_line: dict[int, str] = {}
        self.default_height_ft: float | None = None
        self._in_readings = False
        self._block_header = ""
        self._context: _Mention | None = None
        self._meter: str | None = None
        self._line_dates = line_dates
        self._scope_lines = scope_lines

    def scan(self, lines: Iterable[_Line]) -> None:
        for index, line in enumerate(lines):
            if not line.text:
                # A blank line ends a room's section, and a readings block.
                self._context = None
                self._in_readings = False
                continue
            rooms = [self._resolve(room) for room in _room_mentions(line.text)]
            # A room called unaffected stays a reference room: its later readings are dry standards.
            rooms = [
                replace(room, affected=False)
                if room.key in self.unaffected and room.key not in self.areas
                else room
                for room in rooms
            ]
            for room in rooms:
                if room.affected and room.key not in self.areas:
                    self.areas[room.key] = _AreaDraft(room=room.name, base=room.base, source=line.span())
                elif room.unaffected and room.key not in self.areas:
                    self.unaffected.add(room.key)
            self._note_room(line, rooms)
            owners = _Owners(line.text, rooms)
            self._meter = _meter_in(line.text) or self._meter
            self._update_block(line)
            self._attach_details(line, owners, is_scope=line.number in self._scope_lines)
            self._collect_readings(line, rooms, self._line_dates[index])
            self._collect_air(line, rooms, self._line_dates[index])
            if rooms:
                self._context = rooms[-1]

    def _in_reference_room(self, place: _Mention | None) -> bool:
        """A room called unaffected, here or before, and never described as damaged."""
        if place is None or not place.is_room:
            return False
        return place.unaffected or (place.key in self.unaffected and place.key not in self.areas)

    def _update_block(self, line: _Line) -> None:
        if _READINGS_HEADER.match(line.text):
            self._in_readings = True
            self._block_header = line.text  # "Readings (Tramex ME5, ref scale) 12/09:" names the scale
        elif _SECTION_LABEL.match(line.text):
            self._in_readings = False  # "Equipment: ..." starts another section

    def _bare_scale(self) -> str | None:
        if not self._in_readings:
            return None
        named = f"{self._meter or ''} {self._block_header}"
        return next((scale for pattern, scale in _SCALES if pattern.search(named)), "%")

    def _name(self, place: _Mention | None) -> str:
        if place is None:
            return _UNSPECIFIED_LOCATION
        return self.areas[place.key].room if place.key in self.areas else place.name

    def _set_default_height(self, height: float) -> None:
        self.default_height_ft = self.default_height_ft or height

    def finish(self) -> list[_AreaDraft]:
        """The affected areas, with a whole-building ceiling height where a room has none."""
        self.drop_containers()
        for area in self.areas.values():
            if area.height_ft is None and self.default_height_ft is not None:
                area.wet.ceiling_height_ft = self.default_height_ft
        return list(self.areas.values())

    def _note_room(self, line: _Line, rooms: Sequence[_Mention]) -> None:
        named = _first(self.areas[room.key].room for room in rooms if room.key in self.areas)
        if named:
            self.rooms_by_line[line.number] = named

    def _resolve(self, room: _Mention) -> _Mention:
        """A bare "bathroom" after "Downstairs bathroom" is that room, when it is the only one; and
        "laundry" first, "basement laundry" later are one room, named the longer way."""
        if room.key in self.areas:
            return room
        same_base = [key for key, area in self.areas.items() if area.base == room.base]
        if len(same_base) != 1:
            return room
        existing = same_base[0]
        if not room.qualified:
            return replace(room, key=existing, name=self.areas[existing].room)
        if existing.startswith("|") and room.key.endswith("|") and existing.endswith("|"):
            # Only a qualifier is added ("basement laundry"), never a number ("bedroom 2").
            area = self.areas.pop(existing)
            area.room = room.name
            self.areas[room.key] = area
            if existing in self.unaffected:
                self.unaffected.add(room.key)
        return room

    def drop_containers(self) -> None:
        """ "Basement" named on its own is the level the basement rooms are on, not another room."""
        for key, area in list(self.areas.items()):
            is_level = area.base in _CONTAINER_ROOMS and key.startswith("|")
            if is_level and any(other.startswith(f"{area.base}|") for other in self.areas):
                del self.areas[key]

    def _owner(self, owners: _Owners, pos: int) -> _Mention | None:
        return owners.at(pos) or self._context

    def _area_at(self, owners: _Owners, pos: int) -> _AreaDraft | None:
        owner = self._owner(owners, pos)
        if owner is None or not owner.affected:
            return None
        return self.areas.get(owner.key)

    def _attach_details(self, line: _Line, owners: _Owners, *, is_scope: bool) -> None:
        text = line.text
        sentences = _Sentences(text)
        for material in _materials_in(text):
            area = self._area_at(owners, material.start)
            if area is not None:
                area.materials.setdefault(material.key, material.name)
                start, end = _around(sentences, material.start, material.end, reach=60)
                if not is_scope and _has_evidence(_SOAKED_WORD, text[start:end]):
                    area.soaked_materials.setdefault(material.key, line.span())
        for start, end, dimensions in _dimensions_in(text):
            area = self._area_at(owners, start)
            patch = _patch_surface(text, start, end)
            if area is not None and patch is not None:
                if patch == "ceiling":
                    area.wet.ceiling_sqft = area.wet.ceiling_sqft or dimensions.floor_area_sqft
                else:
                    area.wet.wall_total_sqft = area.wet.wall_total_sqft or dimensions.floor_area_sqft
                area.evidence.append(line.span())
            elif area is not None and area.dimensions is None:
                area.dimensions = dimensions
                # Cite the line the measurements are on: it is the fact an adjuster checks.
                area.source = line.span()
        for start, sqft, unit in _stated_areas_in(text):
            area = self._area_at(owners, start)
            if area is not None and area.stated_area_sqft is None:
                area.stated_area_sqft, area.stated_unit = sqft, unit
        if not is_scope:
            _WetReader(text, sentences, line, self._set_default_height).read(
                lambda pos: self._area_at(owners, pos)
            )

    def _collect_readings(self, line: _Line, rooms: Sequence[_Mention], taken_on: date | None) -> None:
        text = line.text
        materials = _materials_in(text)
        readings = _readings_in(text, materials, self._bare_scale())
        if not readings:
            return
        places = _Owners(text, [*rooms, *_place_mentions(text)])
        finder = _MaterialFinder(text, materials)
        sentences = _Sentences(text)
        affected_starts = [room.start for room in rooms if room.affected]
        previous_material: _Material | None = None
        for index, reading in enumerate(readings):
            previous_end = readings[index - 1].end if index else 0
            next_start = readings[index + 1].start if index + 1 < len(readings) else len(text)
            material = finder.for_reading(readings, index)
            if material is None and previous_material is not None and index:
                # "oak 26 %MC at fridge, 19 %MC center": the material carries on in its sentence.
                same_sentence = sentences.bounds(readings[index - 1].start) == sentences.bounds(reading.start)
                material = previous_material if same_sentence else None
            previous_material = material
            if _GOAL_BEFORE.search(text, max(previous_end, reading.start - 30), reading.start):
                self.goals.append(_Goal(material.key if material else None, reading.unit, reading.value))
                continue
            place = places.at(reading.start) or self._context
            self.readings.append(
                _ReadingDraft(
                    location=self._name(place),
                    material=material,
                    value=reading.value,
                    unit=reading.unit,
                    meter=self._meter,
                    taken_on=taken_on,
                    is_reference=self._in_reference_room(place)
                    or _is_reference(text, sentences, reading, affected_starts),
                    said_dry=_said_dry(text, reading.end, next_start),
                    source=line.span(),
                )
            )

    def _collect_air(self, line: _Line, rooms: Sequence[_Mention], taken_on: date | None) -> None:
        text = line.text
        groups: list[list[_AirToken]] = []
        for token in _air_tokens(text):
            current = groups[-1] if groups else None
            # A new reading starts when a value repeats or a new place is named in between.
            if (
                current is None
                or any(seen.kind == token.kind for seen in current)
                or _AIR_PLACE.search(text, current[-1].end, token.start)
                or _ROOM_PATTERN.search(text, current[-1].end, token.start)
            ):
                groups.append([token])
            else:
                current.append(token)
        # A temperature alone ("heat set to 72F") is not a psychrometric reading.
        groups = [group for group in groups if any(token.kind in ("rh", "gpp") for token in group)]
        starts = [room.start for room in rooms]
        windows = [
            (
                (groups[index - 1][-1].end if index else 0, group[0].start),
                (group[-1].end, groups[index + 1][0].start if index + 1 < len(groups) else len(text)),
            )
            for index, group in enumerate(groups)
        ]
        # "Ambient 70F 58% RH master bath, 68F 45% RH hallway": when the first values have no place
        # before them and the last have one after, the line names each place after its values.
        trailing = (
            bool(windows)
            and not self._names_place(text, (rooms, starts), windows[0][0])
            and self._names_place(text, (rooms, starts), windows[-1][1])
        )
        for group, (before, after) in zip(groups, windows, strict=True):
            order = (after, before) if trailing else (before, after)
            location = self._air_location(text, (rooms, starts), *order)
            self.air.append(_atmospheric(group, location, taken_on, line))

    @staticmethod
    def _names_place(
        text: str, rooms: tuple[Sequence[_Mention], Sequence[int]], window: tuple[int, int]
    ) -> bool:
        start, end = window
        # "Ambient" and "affected" say whose air only in general; a room or "outside" names it.
        place = _air_place(text, start, end)
        return place not in (None, "affected") or _air_room(*rooms, start, end, last=True) is not None

    def _air_location(
        self,
        text: str,
        rooms: tuple[Sequence[_Mention], Sequence[int]],
        before: tuple[int, int],
        after: tuple[int, int],
    ) -> str:
        """The place named before the values, else right after them ("70F 58% RH master bath")."""
        for (start, end), last in ((before, before[1] <= after[0]), (after, after[1] <= before[0])):
            place = _air_place(text, start, end, last=last)
            room = _air_room(*rooms, start, end, last=last)
            if place in (None, "affected", "unaffected") and room is not None:
                explicit = place or ("unaffected" if room.unaffected else None)
                kind = explicit or ("affected" if room.key in self.areas else "unaffected")
                return f"{kind} ({self.areas[room.key].room if room.key in self.areas else room.name})"
            if place is not None:
                return place
        if self._context is not None and self._context.key in self.areas:
            return f"affected ({self.areas[self._context.key].room})"
        return _UNSPECIFIED_LOCATION


def _is_reference(
    text: str, sentences: _Sentences, reading: _Reading, affected_starts: Sequence[int]
) -> bool:
    """A dry-standard reading by its label: after "dry std"/"reference" in its sentence ("Dry std:
    drywall 10 WME, carpet 8%MC") with no affected room named in between ("dry std 10: kitchen
    35 WME" is a kitchen reading)."""
    sentence_start = _around(sentences, reading.start, reading.end, reach=160)[0]
    label = None
    for match in _REFERENCE_WORD.finditer(text, sentence_start, reading.start):
        label = match
    if label is None:
        return False
    return bisect_left(affected_starts, label.end()) == bisect_left(affected_starts, reading.start)


def _air_room(
    rooms: Sequence[_Mention], starts: Sequence[int], start: int, end: int, *, last: bool
) -> _Mention | None:
    low, high = bisect_left(starts, start), bisect_left(starts, end)
    if low >= high:
        return None
    return rooms[high - 1] if last else rooms[low]


class _WetReader:
    """Wet extents on one line: floor, wall and ceiling areas, wicking heights, ceiling height."""

    def __init__(self, text: str, sentences: _Sentences, line: _Line, on_default_height: HeightSink) -> None:
        self.text = text
        self.sentences = sentences
        self.line = line
        self._on_default_height = on_default_height

    def read(self, area_at: _AreaLookup) -> None:
        self._quantities(area_at)
        self._full_extents(area_at)
        self._percentages(area_at)
        self._walls(area_at)
        self._ceilings(area_at)

    def _record(self, area: _AreaDraft) -> None:
        if not area.evidence or area.evidence[-1].line != self.line.number:
            area.evidence.append(self.line.span())

    def _surface(self, start: int, end: int) -> str | None:
        """The surface a quantity is about: the last one named before it in its clause, else the
        first one after it in its clause, else the last one before it in its sentence."""
        sentence_start, sentence_end = _around(self.sentences, start, end)
        clause_start = max(sentence_start, self.text.rfind(",", sentence_start, start) + 1)
        before = self._last_surface(clause_start, start)
        if before is not None:
            return before
        comma = self.text.find(",", end, sentence_end)
        clause_end = comma if comma >= 0 else sentence_end
        for name, pattern in _SURFACES:
            if pattern.search(self.text, end, clause_end):
                return name
        return self._last_surface(sentence_start, start)

    def _last_surface(self, start: int, end: int) -> str | None:
        best: tuple[int, str] | None = None
        for name, pattern in _SURFACES:
            for match in pattern.finditer(self.text, start, end):
                if best is None or match.start() > best[0]:
                    best = (match.start(), name)
        return best[1] if best else None

    def _is_wet(self, start: int, end: int) -> bool:
        window_start, window_end = _around(self.sentences, start, end, reach=40)
        return _has_evidence(_WET_WORD, self.text[window_start:window_end])

    def _quantities(self, area_at: _AreaLookup) -> None:
        for match in _AREA_QUANTITY.finditer(self.text):
            before = self.text[max(0, match.start() - 24) : match.start()]
            size_label = _SIZE_LABEL_END.search(before)
            if size_label and not _WET_WORD.search(
                before, max(0, size_label.start() - 16), size_label.start()
            ):
                continue  # "floor area 24 m2" is the room's size
            area = area_at(match.start())
            if area is None or not self._is_wet(match.start(), match.end()):
                continue
            surface = self._surface(match.start(), match.end())
            sqft = _area_sqft(match)
            if surface == "ceiling" and area.wet.ceiling_sqft is None:
                area.wet.ceiling_sqft = sqft
            elif surface == "wall":
                if _ABOVE_TWO_FEET.search(self.text, match.end(), match.end() + 25):
                    area.wet.wall_above_sqft = sqft
                elif area.wet.wall_total_sqft is None:
                    area.wet.wall_total_sqft = sqft
            elif surface == "floor" and area.wet.floor_sqft is None:
                area.wet.floor_sqft = sqft
            else:
                continue
            self._record(area)

    def _full_extents(self, area_at: _AreaLookup) -> None:
        for match in _FULL_EXTENT.finditer(self.text):
            area = area_at(match.start())
            if area is None or not self._is_wet(match.start(), match.end()):
                continue
            noun = (match.group("noun") or "").lower()
            if noun.startswith("ceiling"):
                area.wet.ceiling_full = True
            elif noun.startswith(("wall", "perimeter")):
                area.wet.wall_perimeter = True
            elif noun or self._surface(match.start(), match.end()) in (None, "floor"):
                area.wet.floor_full = True
            else:
                continue
            self._record(area)

    def _percentages(self, area_at: _AreaLookup) -> None:
        for match in _PERCENT_OF_FLOOR.finditer(self.text):
            area = area_at(match.start())
            if area is not None and self._is_wet(match.start(), match.end()):
                area.wet.floor_percent = float(match.group("pct"))
                self._record(area)

    def _walls(self, area_at: _AreaLookup) -> None:
        for match in _WICKING.finditer(self.text):
            start, end = _around(self.sentences, match.start(), match.end())
            if not _WALL_WORD.search(self.text, start, end) or _CEILING_HEIGHT.match(
                self.text, match.start()
            ):
                continue
            height = _height_ft(match.group("value"), match.group("unit"))
            area = area_at(match.start())
            if area is not None and height is not None and area.wet.wick_height_ft is None:
                area.wet.wick_height_ft = height
                self._record(area)
        for match in _WALL_LENGTH.finditer(self.text):
            area = area_at(match.start())
            if area is not None and self._surface(match.start(), match.end()) == "wall":
                unit = match.group("unit").lower()
                metres = unit in ("lm",) or unit.startswith(("lin m", "lin. m", "linear m"))
                value = _number(match.group("value"))
                area.wet.wall_length_ft = round(value * _FEET_PER_METRE, 1) if metres else round(value, 1)
                self._record(area)
        for match in _ALL_WALLS.finditer(self.text):
            area = area_at(match.start())
            if area is not None and self._is_wet(match.start(), match.end()):
                area.wet.wall_perimeter = True
                self._record(area)
        for match in _INSETS.finditer(self.text):
            area = area_at(match.start())
            if area is not None:
                word = match.group("n").lower()
                area.wet.insets = 0 if word == "no" else _count(word)

    def _ceilings(self, area_at: _AreaLookup) -> None:
        for match in _CEILING_HEIGHT.finditer(self.text):
            value, unit = (
                match.group("value") or match.group("value2"),
                match.group("unit") or match.group("unit2"),
            )
            area = area_at(match.start())
            height = _height_ft(value, "m" if unit.lower().startswith("m") else "ft")
            if height is None or not 6 <= height <= 30:
                continue
            start, end = _around(self.sentences, match.start(), match.end())
            if _WHOLE_BUILDING.search(self.text, start, end):
                self._on_default_height(height)  # "ceiling height 2.4 m throughout"
            elif area is not None:
                area.wet.ceiling_height_ft = height
        heights = [(match.start(), match.end()) for match in _CEILING_HEIGHT.finditer(self.text)]
        for match in _CEILING_WORD.finditer(self.text):
            area = area_at(match.start())
            if area is None or any(start <= match.start() < end for start, end in heights):
                continue  # "8 ft ceilings" is a height, not a wet ceiling
            if _is_negated(self.text, match.start(), match.end()):
                continue  # "no ceiling involvement"
            start, end = self._clause(match.start(), match.end())
            if _has_evidence(_WET_WORD, self.text[start:end]):
                area.wet.ceiling_wet = True

    def _clause(self, start: int, end: int) -> tuple[int, int]:
        sentence_start, sentence_end = _around(self.sentences, start, end)
        clause_start = self.text.rfind(",", sentence_start, start) + 1 or sentence_start
        comma = self.text.find(",", end, sentence_end)
        return max(clause_start, sentence_start), comma if comma >= 0 else sentence_end


# --- readings: dry standards, drying goals, dry or not -----------------------------------------


def _reading_key(draft: _ReadingDraft) -> tuple[str | None, str]:
    return (draft.material.key if draft.material else None, draft.unit)


def _finalise_readings(
    drafts: Sequence[_ReadingDraft], goals: Sequence[_Goal], standards: Standards
) -> list[MoistureReading]:
    """Each reading compared with the dry standard of its own material and scale."""
    references: dict[tuple[str | None, str], float] = {}
    for draft in drafts:
        if draft.is_reference:
            references.setdefault(_reading_key(draft), draft.value)
    stated_goals: dict[tuple[str | None, str], float] = {}
    for stated in goals:
        stated_goals.setdefault((stated.material_key, stated.unit), stated.value)
    readings = []
    for draft in drafts:
        key = _reading_key(draft)
        # A reference without a material serves every reading on its scale; never another material's.
        dry_standard = None if draft.is_reference else references.get(key, references.get((None, draft.unit)))
        goal = (
            drying_goal(dry_standard, standards, draft.material.key if draft.material else None)
            if dry_standard is not None
            else stated_goals.get(key, stated_goals.get((None, draft.unit)))
        )
        readings.append(
            MoistureReading(
                location=draft.location,
                material=draft.material.name if draft.material else None,
                value=draft.value,
                unit=draft.unit,
                meter=draft.meter,
                taken_on=draft.taken_on,
                dry_standard=dry_standard,
                drying_goal=None if draft.is_reference else goal,
                is_dry=None if draft.is_reference else _is_dry(draft, goal),
                is_reference=draft.is_reference,
                source=draft.source,
            )
        )
    return readings


def _is_dry(draft: _ReadingDraft, goal: float | None) -> bool | None:
    # What the notes say is the record (QA checks it against the goal); else the goal decides.
    if draft.said_dry is not None:
        return draft.said_dry
    return draft.value <= goal if goal is not None else None


# --- S500 category -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Graded:
    """A graded value and the line it was read from."""

    value: int
    reason: str
    span: SourceSpan


def classify_water_source(text: str) -> tuple[int, str] | None:
    """The IICRC S500 category the water source named in `text` implies, and what S500 calls it.

    The worst source named wins (sewage in a supply-line note makes it Category 3). None when no
    known source is named; rainwater and roof leaks are not categorised by rule."""
    best: tuple[int, str] | None = None
    for category, reason, pattern in _CATEGORY_SOURCES:
        for match in _evidence_matches(pattern, text):
            value, why = category, reason
            if category == 2 and _SUPPLY_HOSE.search(match.group(0)):
                value, why = 1, "appliance supply hose (clean water supply)"
            if best is None or value > best[0]:
                best = (value, why)
    return best


def _stated_grade(lines: Sequence[_Line], pattern: re.Pattern[str]) -> _Graded | None:
    for line in lines:
        for match in _evidence_matches(pattern, line.text):
            written = match.group("n").lower()
            value = _ROMAN.get(written) or int(written)
            return _Graded(value=value, reason=line.text, span=line.span())
    return None


def _source_grades(lines: Sequence[_Line]) -> list[_Graded]:
    grades = []
    for line in lines:
        found = classify_water_source(line.text)
        if found is not None:
            grades.append(_Graded(value=found[0], reason=found[1], span=line.span()))
    return grades


def _standing_hours(lines: Sequence[_Line]) -> tuple[float, SourceSpan] | None:
    """How long water stood before mitigation, when the notes say ("undetected for 4 days")."""
    longest: tuple[float, SourceSpan] | None = None
    for line in lines:
        sentences = _Sentences(line.text)
        for match in _DURATION.finditer(line.text):
            start, end = _around(sentences, match.start(), match.end())
            sentence = line.text[start:end]
            if not _has_evidence(_STANDING, sentence) or not _STANDING_WATER.search(sentence):
                continue
            if _EQUIPMENT_RUNNING.search(sentence):
                continue  # "dehu left running 3 days" is drying time, not standing water
            hours = _count(match.group("n")) if not match.group("n")[0].isdigit() else float(match.group("n"))
            hours *= _HOURS_PER_UNIT[match.group("unit").lower()[0]]
            if longest is None or hours > longest[0]:
                longest = (hours, line.span())
    return longest


_STANDING_WATER = re.compile(r"\b(?:water|leak\w*|pool\w*|flood\w*|wet|moisture)\b", _FLAGS)
_EQUIPMENT_RUNNING = re.compile(r"\b(?:running|equipment|dehu\w*|air movers?|AMs?|fans?)\b", _FLAGS)
_HOURS_PER_UNIT = {"h": 1.0, "d": 24.0, "w": 168.0}


@dataclass
class _Explained:
    """The reasons, evidence and notes a classification is being built with."""

    reasons: list[str]
    evidence: list[SourceSpan]
    notes: list[str]


def _merge_stated(
    label: str, stated: _Graded | None, derived: _Graded | None, explained: _Explained, fallback: list[str]
) -> int:
    """A grade the notes state is the value reported (the technician's documented call); the
    rule's grade is its justification, or, when they differ, a disagreement said out loud."""
    if stated is None:
        return derived.value if derived is not None else 0
    explained.evidence.insert(0, stated.span)
    if derived is None:
        explained.reasons[:] = fallback
    elif derived.value != stated.value:
        explained.reasons.insert(0, f"The notes state {label} {stated.value} (line {stated.span.line}).")
        explained.notes.append(
            f"The notes state {label} {stated.value}; the rules give {label} {derived.value}."
        )
    else:
        explained.reasons.append(f"The notes state the same (line {stated.span.line}).")
    return stated.value


def _stated_reasons(stated: _Graded | None) -> list[str]:
    if stated is None or not _justified(stated):
        return []
    return [f"Stated in the notes: \u201c{_truncate(stated.reason, 160)}\u201d."]


def _justified(graded: _Graded) -> bool:
    """A stated grade with its own reason on the line ("Cat 2 - grey water"), not a bare "Cat 2"."""
    return _JUSTIFYING_CUE.search(graded.reason) is not None


def _detect_category(
    lines: Sequence[_Line], cause_line: int | None, standards: Standards
) -> tuple[Classification | None, list[str]]:
    stated = _stated_grade(lines, _STATED_CATEGORY)
    # The cause-of-loss line is the first evidence an adjuster looks for.
    sources = sorted(_source_grades(lines), key=lambda grade: grade.span.line != cause_line)
    notes: list[str] = []
    derived = max(sources, key=lambda grade: grade.value) if sources else None
    evidence = [grade.span for grade in sources if derived and grade.value == derived.value][:3]
    reasons = []
    if derived is not None:
        reasons.append(
            f"Source: {derived.reason} (line {derived.span.line}) is Category {derived.value}"
            f" per {standards.cite('water_category')}."
        )
        standing = _standing_hours(lines)
        if derived.value == 1 and standing and standing[0] >= standards.category.standing_hours_cat1_to_cat2:
            derived = replace(derived, value=2)
            evidence.append(standing[1])
            reasons.append(
                f"Clean water stood about {_fmt(standing[0])} h (line {standing[1].line}), over the"
                f" {_fmt(standards.category.standing_hours_cat1_to_cat2)} h after which S500 treats it as"
                " degraded: Category 2."
            )
    elif any(_RAINWATER.search(line.text) for line in lines):
        notes.append(
            "Rainwater or a roof leak: its category depends on what it picked up on the way in;"
            " the rules do not categorise it."
        )
    if stated is None and derived is None:
        return None, notes
    value = _merge_stated(
        "Category", stated, derived, _Explained(reasons, evidence, notes), _stated_reasons(stated)
    )
    return (
        Classification(
            value=value,
            justification=" ".join(reasons),
            evidence=_dedupe_spans(evidence),
            standard=standards.ref("water_category"),
        ),
        notes,
    )


# --- S500 class --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Bounds:
    low: float
    high: float

    def __add__(self, other: _Bounds) -> _Bounds:
        return _Bounds(self.low + other.low, self.high + other.high)


_NONE = _Bounds(0.0, 0.0)


def _exact(value: float) -> _Bounds:
    return _Bounds(value, value)


def _surface_share(area: _AreaDraft, standards: Standards) -> SurfaceShare | None:
    """The wet part of one room's floor + walls + ceiling, as bounds when the notes only bound it."""
    dims, floor, perimeter = area.dimensions, area.floor_sqft, area.perimeter_ft
    if dims is None or floor is None or perimeter is None:
        return None
    height, assumed = area.height_ft or standards.default_ceiling_height_ft, area.height_ft is None
    materials = set(area.materials)
    wet_floor = area.wet_floor()
    floor_part = (
        _exact(wet_floor)
        if wet_floor is not None
        else _Bounds(0.0, floor)
        if materials & _FLOOR_MATERIALS
        else _NONE
    )
    wall_part = _wall_bounds(area, perimeter, height, bool(materials & _WALL_MATERIALS))
    wet_ceiling = area.wet_ceiling()
    ceiling_part = (
        _exact(wet_ceiling)
        if wet_ceiling is not None
        else _Bounds(0.0, floor)
        if area.wet.ceiling_wet
        else _NONE
    )
    wet = floor_part + wall_part + ceiling_part
    return SurfaceShare(
        wet_low=wet.low, wet_high=wet.high, total=2 * floor + perimeter * height, assumed_height=assumed
    )


def _wall_bounds(area: _AreaDraft, perimeter: float, height: float, wall_material_wet: bool) -> _Bounds:
    wet = area.wet
    wick = min(wet.wick_height_ft, height) if wet.wick_height_ft is not None else None
    length = wet.wall_length_ft or (perimeter if wet.wall_perimeter else None)
    if wet.wall_total_sqft is not None:
        bounds = _exact(wet.wall_total_sqft)
    elif length is not None and wick is not None:
        bounds = _exact(length * wick)
    elif length is not None:
        bounds = _Bounds(0.0, length * height)
    elif wick is not None:
        bounds = _Bounds(0.0, perimeter * wick)
    elif wall_material_wet or wet.wall_above_sqft:
        bounds = _Bounds(0.0, perimeter * height)
    else:
        bounds = _NONE
    above = wet.wall_above_sqft or 0.0
    return _Bounds(max(bounds.low, above), max(bounds.high, above))


def _share_of(drafts: Sequence[_AreaDraft], standards: Standards) -> SurfaceShare | None:
    shares = [_surface_share(area, standards) for area in drafts]
    if not shares or any(share is None for share in shares):
        return None
    present = [share for share in shares if share is not None]
    return SurfaceShare(
        wet_low=sum(share.wet_low for share in present),
        wet_high=sum(share.wet_high for share in present),
        total=sum(share.total for share in present),
        assumed_height=any(share.assumed_height for share in present),
    )


def _percent(part: float, total: float) -> str:
    return f"{100 * part / total:.0f} %"


def _share_text(share: SurfaceShare, rooms: str, standards: Standards) -> str:
    wet = (
        f"{_fmt(share.wet_low)} sq ft ({_percent(share.wet_low, share.total)})"
        if share.wet_low == share.wet_high
        else f"{_fmt(share.wet_low)}-{_fmt(share.wet_high)} sq ft"
        f" ({_percent(share.wet_low, share.total)}-{_percent(share.wet_high, share.total)})"
    )
    config = standards.water_class
    text = (
        f"Wet floor, wall and ceiling surface {wet} of {_fmt(share.total)} sq ft in {rooms}"
        f" (Class 1 under {config.class1_max_wet_share:.0%}, Class 2 to {config.class2_max_wet_share:.0%},"
        f" Class 3 above, per {standards.cite('water_class')})."
    )
    if share.assumed_height:
        text += f" Ceiling height not stated: {_fmt(standards.default_ceiling_height_ft)} ft assumed."
    return text


def _class_four(drafts: Sequence[_AreaDraft], standards: Standards) -> _Graded | None:
    low_permeance = set(standards.water_class.low_permeance_materials)
    for area in drafts:
        for key, span in area.soaked_materials.items():
            if key in low_permeance:
                return _Graded(
                    value=4,
                    reason=(
                        f"Wet {area.materials.get(key, key)} in {area.room} (line {span.line}): a"
                        f" low-permeance material holding bound water needs specialty drying, Class 4 per"
                        f" {standards.cite('water_class')}."
                    ),
                    span=span,
                )
    return None


def _detect_class(
    lines: Sequence[_Line], drafts: Sequence[_AreaDraft], standards: Standards
) -> tuple[Classification | None, list[str]]:
    stated = _stated_grade(lines, _STATED_CLASS)
    notes: list[str] = []
    rooms = ", ".join(area.room for area in drafts)
    share = _share_of(drafts, standards)
    area_evidence = [span for area in drafts for span in (area.source, *area.evidence)]
    derived = _class_four(drafts, standards)
    reasons: list[str] = [derived.reason] if derived else []
    evidence: list[SourceSpan] = [derived.span] if derived else []
    if derived is None and share is not None and share.class_value(standards) is not None:
        value = share.class_value(standards) or 0
        derived = _Graded(value=value, reason=_share_text(share, rooms, standards), span=drafts[0].source)
        reasons, evidence = [derived.reason], area_evidence
    if stated is None and derived is None:
        if drafts and share is None:
            notes.append("Water class not determined: a room's dimensions are not stated.")
        elif share is not None:
            notes.append("Water class not determined: " + _share_text(share, rooms, standards))
        return None, notes
    fallback = _stated_class_reasons(stated, share, rooms, standards) if stated is not None else []
    if stated is not None and derived is None and share is not None:
        evidence += area_evidence
    value = _merge_stated("Class", stated, derived, _Explained(reasons, evidence, notes), fallback)
    return (
        Classification(
            value=value,
            justification=" ".join(reasons),
            evidence=_dedupe_spans(evidence),
            standard=standards.ref("water_class"),
        ),
        notes,
    )


def _stated_class_reasons(
    stated: _Graded, share: SurfaceShare | None, rooms: str, standards: Standards
) -> list[str]:
    reasons = _stated_reasons(stated)
    if share is not None and share.total > 0 and stated.value <= 3:
        low = 1 if share.wet_low <= 0 else _class_at(share.wet_low / share.total, standards)
        high = _class_at(share.wet_high / share.total, standards)
        if low <= stated.value <= high:
            reasons.append(_share_text(share, rooms, standards) + f" Consistent with Class {stated.value}.")
    return reasons


def _class_at(share: float, standards: Standards) -> int:
    if share < standards.water_class.class1_max_wet_share:
        return 1
    return 2 if share <= standards.water_class.class2_max_wet_share else 3


# --- S520 mould condition ----------------------------------------------------------------------


def _detect_condition(
    lines: Sequence[_Line], damage_type: DamageType | None, standards: Standards
) -> Classification | None:
    derived: _Graded | None = None
    for value, pattern, reason in (
        (3, _MOULD_GROWTH, "actual growth (Condition 3)"),
        (2, _SETTLED_SPORES, "settled spores from a Condition 3 area (Condition 2)"),
        (1, _NORMAL_ECOLOGY, "normal fungal ecology (Condition 1)"),
    ):
        line = _first(line for line in lines if _has_evidence(pattern, line.text))
        if line is not None:
            derived = _Graded(value=value, reason=f"{reason} (line {line.number})", span=line.span())
            break
    mould_named = damage_type is DamageType.MOULD or derived is not None
    stated = _stated_grade(lines, _STATED_CONDITION) if mould_named else None
    if stated is None and derived is None:
        return None
    cite = standards.cite("mould_condition")
    reasons = [f"The notes show {derived.reason}, per {cite}."] if derived else []
    evidence = [derived.span] if derived else []
    value = _merge_stated(
        "Condition", stated, derived, _Explained(reasons, evidence, []), _stated_reasons(stated)
    )
    return Classification(
        value=min(value, 3),
        justification=" ".join(reasons),
        evidence=_dedupe_spans(evidence),
        standard=standards.ref("mould_condition"),
    )


# --- equipment ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Count:
    kind: EquipmentKind
    quantity: int
    mode: Literal["set", "add", "remove", "total"]
    dehumidifier_type: str | None
    start: int
    end: int


@dataclass
class _Stated:
    """What the notes say was placed: the most on site at once, and where that is written."""

    quantity: int = 0
    source: SourceSpan | None = None
    dehumidifier_type: str | None = None
    unit_pints_per_day: float | None = None


def _kind_of(match: re.Match[str]) -> tuple[EquipmentKind, str | None] | None:
    if match.group("am"):
        return EquipmentKind.AIR_MOVER, None
    if match.group("dh"):
        written = (match.group("dtype") or "").lower()
        return EquipmentKind.DEHUMIDIFIER, {"refrigerant": "conventional"}.get(written, written or None)
    if match.group("lgr"):
        return EquipmentKind.DEHUMIDIFIER, "lgr"
    if match.group("scrubber"):
        return EquipmentKind.AIR_SCRUBBER, None
    if match.group("other"):
        return EquipmentKind.OTHER, None
    return None


def _is_time(text: str, match: re.Match[str]) -> bool:
    """ "arrived 9 AM" is a time, "set 3 AM" is three air movers."""
    kind_text = match.group("am") or ""
    if kind_text.lower() not in ("am",):
        return False
    if _TIME_BEFORE.search(text, max(0, match.start() - 12), match.start()):
        return True
    context = (
        text[max(0, match.start() - _WINDOW) : match.start()]
        + " "
        + text[match.end() : match.end() + _WINDOW]
    )
    return not _EQUIPMENT_CONTEXT.search(context)


def _counts_in(text: str) -> list[_Count]:
    sentences = _Sentences(text)
    found: list[_Count] = []
    matches = sorted(
        [*_EQUIPMENT_COUNT.finditer(text), *_EQUIPMENT_COUNT_AFTER.finditer(text)],
        key=lambda match: match.start(),
    )
    previous_end = 0
    for match in matches:
        if found and match.start() < found[-1].end:
            continue
        kind = _kind_of(match)
        if kind is None or _is_time(text, match):
            continue
        if _DAY_BEFORE.search(text, max(0, match.start() - 10), match.start()):
            continue
        quantity = _count(match.group("n"))
        if quantity <= 0:
            continue
        before = text[max(previous_end, sentences.bounds(match.start())[0]) : match.start()]
        after = text[match.end() : match.end() + 16]
        mode: Literal["set", "add", "remove", "total"] = "set"
        if _EQUIPMENT_REMOVED.search(before) or _EQUIPMENT_REMOVED.match(after.lstrip()):
            mode = "remove"
        elif _EQUIPMENT_ADDED.search(before):
            mode = "add"
        elif _EQUIPMENT_TOTAL.search(before):
            mode = "total"
        found.append(_Count(kind[0], quantity, mode, kind[1], match.start(), match.end()))
        previous_end = match.end()
    return found


def _stated_equipment(
    lines: Sequence[_Line], line_dates: Sequence[date | None]
) -> dict[EquipmentKind, _Stated]:
    """Per visit day: placements add up, "added" adds, "pulled" removes, a "total" line replaces."""
    groups: dict[tuple[int, date | None], list[tuple[_Line, _Count]]] = {}
    group_order: dict[date | None, int] = {}
    for line, taken_on in zip(lines, line_dates, strict=True):
        counts = _counts_in(line.text) if line.text else []
        if counts:
            order = group_order.setdefault(taken_on, len(group_order))
            groups.setdefault((order, taken_on), []).extend((line, count) for count in counts)
    stated: dict[EquipmentKind, _Stated] = {}
    running: dict[EquipmentKind, int] = {}
    for key in sorted(groups, key=lambda item: item[0]):
        for kind in EquipmentKind:
            entries = [(line, count) for line, count in groups[key] if count.kind is kind]
            if entries:
                _apply_day(kind, entries, running, stated)
    for line in lines:
        rating = _UNIT_RATING.search(line.text)
        dehu = stated.get(EquipmentKind.DEHUMIDIFIER)
        if rating and dehu is not None and dehu.unit_pints_per_day is None:
            dehu.unit_pints_per_day = float(rating.group("ppd"))
    return stated


def _apply_day(
    kind: EquipmentKind,
    entries: Sequence[tuple[_Line, _Count]],
    running: dict[EquipmentKind, int],
    stated: dict[EquipmentKind, _Stated],
) -> None:
    placed = sum(count.quantity for _, count in entries if count.mode == "set")
    totals = [count.quantity for _, count in entries if count.mode == "total"]
    on_site = totals[-1] if totals else placed if placed else running.get(kind, 0)
    on_site += sum(count.quantity for _, count in entries if count.mode == "add")
    on_site -= sum(count.quantity for _, count in entries if count.mode == "remove")
    running[kind] = max(on_site, 0)
    record = stated.setdefault(kind, _Stated())
    types = [count.dehumidifier_type for _, count in entries if count.dehumidifier_type]
    record.dehumidifier_type = record.dehumidifier_type or (types[0] if types else None)
    if running[kind] > record.quantity:
        record.quantity = running[kind]
        record.source = next(
            (line.span() for line, count in entries if count.mode != "remove"), entries[0][0].span()
        )


def _equipment(
    areas: Sequence[AffectedArea],
    stated: dict[EquipmentKind, _Stated],
    water_class: int | None,
    is_water: bool,
    standards: Standards,
) -> list[EquipmentItem]:
    items = []
    if is_water or EquipmentKind.AIR_MOVER in stated:
        item = _air_mover_item(areas, stated.get(EquipmentKind.AIR_MOVER), is_water, standards)
        items += [item] if item else []
    if is_water or EquipmentKind.DEHUMIDIFIER in stated:
        item = _dehumidifier_item(
            areas, stated.get(EquipmentKind.DEHUMIDIFIER), water_class, is_water, standards
        )
        items += [item] if item else []
    for kind in (EquipmentKind.AIR_SCRUBBER, EquipmentKind.OTHER):
        record = stated.get(kind)
        if record is not None and record.quantity > 0:
            items.append(_stated_only(kind, record, "S500 gives no quantity formula for this equipment"))
    return items


def _stated_only(kind: EquipmentKind, record: _Stated, why: str) -> EquipmentItem:
    return EquipmentItem(
        kind=kind,
        quantity=record.quantity,
        calculation=f"Not calculated: {why}. Quantity as placed per the notes.",
        stated_quantity=record.quantity,
        source=record.source,
    )


def _air_mover_item(
    areas: Sequence[AffectedArea], record: _Stated | None, is_water: bool, standards: Standards
) -> EquipmentItem | None:
    calculation = air_mover_calculation(areas, standards) if is_water else None
    if calculation is None:
        if record is None or record.quantity <= 0:
            return None
        unknown = (
            ", ".join(area.room for area in areas if area.wet_floor_sqft is None) or "the affected rooms"
        )
        return _stated_only(EquipmentKind.AIR_MOVER, record, f"the wet floor area of {unknown} is not stated")
    return EquipmentItem(
        kind=EquipmentKind.AIR_MOVER,
        quantity=calculation.quantity,
        calculation=calculation.text,
        inputs=calculation.inputs,
        stated_quantity=record.quantity if record else None,
        standard=standards.ref("air_movers"),
        source=record.source if record else None,
    )


def _dehumidifier_item(
    areas: Sequence[AffectedArea],
    record: _Stated | None,
    water_class: int | None,
    is_water: bool,
    standards: Standards,
) -> EquipmentItem | None:
    kind = record.dehumidifier_type if record else None
    calculation = (
        dehumidifier_calculation(
            areas,
            water_class,
            standards,
            kind=kind,
            unit_pints_per_day=record.unit_pints_per_day if record else None,
        )
        if is_water
        else None
    )
    if calculation is None:
        if record is None or record.quantity <= 0:
            return None
        return _stated_only(
            EquipmentKind.DEHUMIDIFIER, record, _why_no_dehumidifier(areas, water_class, kind, standards)
        )
    return EquipmentItem(
        kind=EquipmentKind.DEHUMIDIFIER,
        quantity=calculation.quantity,
        calculation=calculation.text,
        inputs=calculation.inputs,
        stated_quantity=record.quantity if record else None,
        standard=standards.ref("dehumidifiers"),
        source=record.source if record else None,
    )


def _why_no_dehumidifier(
    areas: Sequence[AffectedArea], water_class: int | None, kind: str | None, standards: Standards
) -> str:
    if water_class is None:
        return "the water class is not determined"
    unmeasured = [area.room for area in areas if area.floor_area_sqft is None]
    if unmeasured:
        return f"the floor area of {', '.join(unmeasured)} is not stated"
    if kind and kind not in standards.dehumidifiers.types:
        return f"{kind} dehumidifiers have no configured sizing factors"
    return f"no configured factor for Class {water_class}"


# --- scope of work -----------------------------------------------------------------------------


def _scope_line_numbers(lines: Sequence[_Line]) -> frozenset[int]:
    """Work items: lines starting with a work verb, and every line of a "Scope:" section."""
    numbers: set[int] = set()
    in_section = False
    for line in lines:
        if not line.text:
            in_section = False
            continue
        if _SCOPE_SECTION.match(line.text):
            in_section = True
            continue
        if _SCOPE_INLINE.match(line.text):
            numbers.add(line.number)  # "Scope: remove laminate 14 m2, remove kickboards 4.2 lm"
            continue
        bullets = _BULLETS.match(line.text)
        start = bullets.end() if bullets else 0
        if in_section and start == 0 and _SECTION_LABEL.match(line.text) and not _SCOPE_VERB.match(line.text):
            in_section = False  # "Safety: ..." starts another section
        if in_section and (start > 0 or _SCOPE_VERB.match(line.text, start)):
            numbers.add(line.number)  # a bullet or a work verb in the scope section
        elif not in_section and _SCOPE_VERB_STRICT.match(line.text, start):
            numbers.add(line.number)
    return frozenset(numbers)


def _scope_unit(written: str) -> str:
    return next((unit for pattern, unit in _SCOPE_UNITS if pattern.fullmatch(written)), written.lower())


def _scope_items(
    lines: Sequence[_Line], numbers: frozenset[int], rooms_by_line: dict[int, str]
) -> list[ScopeItem]:
    items = []
    for line in lines:
        if line.number not in numbers:
            continue
        for text in _scope_chunks(line.text):
            description = _clean_value(text)
            if description is None or _NOT_AN_ITEM.search(text):
                continue  # "Soda blast not required" is a decision, not a line item
            quantity = _SCOPE_QUANTITY.search(text)
            items.append(
                ScopeItem(
                    description=_truncate(description, _MAX_DESCRIPTION),
                    room=rooms_by_line.get(line.number),
                    quantity=_number(quantity.group("q")) if quantity else None,
                    unit=_scope_unit(quantity.group("u")) if quantity else None,
                    source=line.span(),
                )
            )
    return items


def _scope_chunks(text: str) -> list[str]:
    """A scope line's items: the line itself, or for "Scope: a, b, c" each part that starts with
    a work verb (a part without one continues the item before it)."""
    inline = _SCOPE_INLINE.match(text)
    if inline is None:
        bullets = _BULLETS.match(text)
        return [text[bullets.end() if bullets else 0 :]]
    chunks: list[str] = []
    for part in _ITEM_BREAK.split(text[inline.end() :]):
        part = part.strip()
        if chunks and not _SCOPE_VERB.match(part):
            chunks[-1] = f"{chunks[-1]}, {part}"
        elif part:
            chunks.append(part)
    return chunks


# --- safety hazards ----------------------------------------------------------------------------


def _hazard_text(label: str, line: _Line, start: int) -> str:
    sentence_start, sentence_end = _around(_Sentences(line.text), start, start, reach=_MAX_DESCRIPTION)
    section = _HAZARD_SECTION.match(line.text, sentence_start)
    if section is not None:
        sentence_start = section.end()  # "Safety: ..." says the label already given
    excerpt = _clean_value(line.text[sentence_start:sentence_end]) or line.text
    return _truncate(f"{label}: {excerpt}", _MAX_DESCRIPTION)


def _detect_hazards(
    lines: Sequence[_Line], category: Classification | None, standards: Standards
) -> list[SafetyHazard]:
    """One hazard per kind, from a "Safety:" line when there is one, else the first line naming it."""
    hazards: dict[HazardKind, SafetyHazard] = {}
    safety_first = sorted(lines, key=lambda line: not _HAZARD_SECTION.match(line.text))
    for kind, label, pattern in _HAZARDS:
        for line in safety_first:
            match = _first(_evidence_matches(pattern, line.text))
            if match is not None:
                hazards[kind] = SafetyHazard(
                    description=_hazard_text(label, line, match.start()), kind=kind, source=line.span()
                )
                break
    if HazardKind.ASBESTOS not in hazards:
        era = _asbestos_era(lines, standards)
        if era is not None:
            hazards[HazardKind.ASBESTOS] = era
    if (
        category is not None
        and category.value == 3
        and HazardKind.BIOHAZARD not in hazards
        and category.evidence
    ):
        hazards[HazardKind.BIOHAZARD] = SafetyHazard(
            description="Biohazard: Category 3 water is grossly contaminated; PPE and containment required.",
            kind=HazardKind.BIOHAZARD,
            source=category.evidence[0],
        )
    order = list(HazardKind)
    return sorted(hazards.values(), key=lambda hazard: order.index(hazard.kind or HazardKind.OTHER))


def _asbestos_era(lines: Sequence[_Line], standards: Standards) -> SafetyHazard | None:
    before = standards.hazards.asbestos_era_built_before
    for line in lines:
        built = _BUILT_YEAR.search(line.text)
        if built and int(built.group("year")) < before:
            return SafetyHazard(
                description=(
                    f"Asbestos: built {built.group('year')}, before {before}; asbestos-containing materials"
                    " possible, test before demolition."
                ),
                kind=HazardKind.ASBESTOS,
                source=line.span(),
            )
    return None


# --- entry point -------------------------------------------------------------------------------


def analyze_text(text: str, *, standards: Standards | None = None) -> Findings:
    """Read inspection notes into findings; never raises on odd input, never guesses."""
    standards = standards or load_standards()
    lines = _prepare_lines(text)
    dates = _Dates(lines, standards.dates.numeric_order)
    visits = _Visits(dates)
    job = _read_job(lines, dates, visits)
    line_dates = visits.line_dates(lines, job.inspection_date.value if job.inspection_date else None)
    damage = _detect_damage_type(lines)
    damage_type = damage[0] if damage else None
    cause = _detect_cause(lines)
    scope_lines = _scope_line_numbers(lines)
    rooms = _RoomScan(line_dates, scope_lines)
    rooms.scan(lines)
    drafts = rooms.finish()
    areas = [draft.to_model(standards) for draft in drafts]
    is_water = damage_type is DamageType.WATER
    category, category_notes = (
        _detect_category(lines, cause[1].line if cause else None, standards) if is_water else (None, [])
    )
    water_class, class_notes = _detect_class(lines, drafts, standards) if is_water else (None, [])
    findings = Findings(
        job=job,
        damage_type=damage_type,
        damage_type_evidence=damage[1] if damage else None,
        cause_of_loss=cause[0] if cause else None,
        cause_of_loss_evidence=cause[1] if cause else None,
        water_category=category,
        water_class=water_class,
        mould_condition=_detect_condition(lines, damage_type, standards),
        affected_areas=areas,
        moisture_readings=_finalise_readings(rooms.readings, rooms.goals, standards),
        atmospheric_readings=rooms.air,
        equipment=_equipment(
            areas,
            _stated_equipment(lines, line_dates),
            water_class.value if water_class else None,
            is_water,
            standards,
        ),
        scope_of_work=_scope_items(lines, scope_lines, rooms.rooms_by_line),
        safety_hazards=_detect_hazards(lines, category, standards),
        notes=[*_date_notes(dates), *category_notes, *class_notes],
        analyzer=ANALYZER_NAME,
        analyzer_version=ANALYZER_VERSION,
    )
    findings.undetermined = _undetermined(findings)
    return findings


def _date_notes(dates: _Dates) -> list[str]:
    if dates.ambiguous_seen and dates.order is None:
        return [
            "Some numeric dates could be day-first or month-first and nothing in the notes settles it;"
            " they are left undetermined."
        ]
    return []


def _undetermined(findings: Findings) -> list[str]:
    """Every field the notes did not give; type-specific fields only for that type of loss."""
    job = findings.job
    is_water = findings.damage_type is DamageType.WATER
    missing = {
        FindingField.DAMAGE_TYPE: findings.damage_type is None,
        FindingField.CAUSE_OF_LOSS: findings.cause_of_loss is None,
        FindingField.AFFECTED_AREAS: not findings.affected_areas,
        FindingField.MOISTURE_READINGS: not findings.moisture_readings,
        FindingField.CLAIM_NUMBER: job.claim_number is None,
        FindingField.INSURED: job.insured is None,
        FindingField.ADDRESS: job.address is None,
        FindingField.DATE_OF_LOSS: job.date_of_loss is None,
        FindingField.INSPECTION_DATE: job.inspection_date is None,
        FindingField.WATER_CATEGORY: is_water and findings.water_category is None,
        FindingField.WATER_CLASS: is_water and findings.water_class is None,
        FindingField.EQUIPMENT: is_water and not findings.equipment,
    }
    return [str(name) for name, is_missing in missing.items() if is_missing]
