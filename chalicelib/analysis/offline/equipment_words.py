"""The words of drying equipment: its kinds as notes write them ("AM", "LGR", "HEPA scrubber", "heat
mats") and a count before or after a kind ("3 air movers", "1x LGR", "AM x3")."""

from __future__ import annotations

import re

from chalicelib.analysis.findings import EquipmentKind
from chalicelib.analysis.offline.text import FLAGS

EQUIPMENT_KIND = (
    # ("alerted at 6:12 AM on Saturday": an AM after a clock's minutes is the time of day, never a unit)
    r"(?P<am>air ?movers?|(?<!\d:\d\d )(?<!\d:\d\d)(?<!\d\.\d\d )AM'?s?|blowers?|turbo ?dryers?"
    r"|axial(?: fans?| air movers?)?|centrifugal(?: fans?)?"
    r"|carpet dryers?|drying fans?|fans?)"
    r"|(?:(?P<dtype>lgr|conventional|refrigerant|desiccant) )?(?P<dh>dehu(?:midifier)?s?|dehus|dh)"
    r"|(?P<lgr>LGRs?)"
    # ("2 LGR dehumidifiers and 1 desiccant": the kind said once for both; not a desiccant pack)
    r"|(?P<desiccant>desiccants?(?! (?:packs?|bags?|sachets?|wheels?|beads?)))"
    r"|(?P<scrubber>(?:hepa )?air ?scrubbers?|AFDs?|air filtration devices?|HEPA (?:air )?scrubbers?|NAMs?"
    r"|negative air (?:machines?|units?)|hepa units?|air filters?(?: machines?)?"
    # ("four of those loud fans, a big dehumidifier and an air cleaner thing": the owner's word for it)
    r"|air cleaners?)"
    r"|(?P<other>hydroxyl (?:generators?|units?)|ozone (?:generators?|machines?)|heaters?|injecti?dry"
    r"|mat systems?|floor[- ]drying (?:vacuum )?(?:systems?|units?)|(?:drying )?vacuum units?"
    # ("cabinet drying system", "wall cavity injection system": a system that dries one spot)
    r"|(?:cabinet|cavity|wall|ceiling|void) (?:drying|injection) systems?|injection (?:drying )?systems?"
    # ("1 ceiling cavity drying kit", "1 ceiling cavity dryer", "a void drying unit under the boards")
    r"|(?:(?:ceiling|wall|floor|subfloor)[ /])?(?:cavity|void) dry(?:ers?|ing (?:kits?|units?))"
    # ("hardwood floor-drying mat panels": the panels of a mat system, each a unit)
    r"|(?:(?:floor[ -])?drying )?mat panels?"
    r"|(?:heat(?:ed)? |floor |panel )?(?:drying )?mats?"
    r"|(?:cabinet |(?:ceiling |wall )?(?:void |cavity )?)injection(?: drying)? kits?|heat mats?"
    # ("floor drying panels", "ceiling drying panel kit", "radiant heat panels": not an access panel)
    r"|(?:(?:floor|ceiling|wall)[ -])?(?:drying|(?:radiant )?heat(?:ing)?) panels?(?: kits?| systems?)?"
    r"|panel (?:kits?|systems?))"
)


NUMBER_WORDS = r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|both|a|an|the|another"


# Words that place one thing by another ("behind", "under"): a word between a count and a kind that is one
# of these makes the kind a landmark of something else ("a baseboard behind heater").
_PLACE_WORDS = r"behind|beside|under|near|above|below|at|by|in|on|of|from|to|over"


# Equipment-days sums ("3 AM x 2 days + 2 AM x 2 days = 10 AM-days") count days, not units on site.
_NOT_ARITHMETIC = r"(?!-?(?:days?|hours?|hrs?)\b)(?! ?[x\u00d7*] ?\d{1,3} ?(?:days?|d|hours?|hrs?)\b)"


COUNT_BEFORE = re.compile(
    # ("1x AM", "2x LGR": a count written against its multiplier)
    rf"(?<![\w.:/#\-])(?P<n>{NUMBER_WORDS})(?:\b|(?=[x\u00d7] ?[A-Za-z]))(?! ?(?:x|\u00d7) ?\d)"
    # ("three of those snail-shaped fans", "2 of the air movers": a count of some of them)
    r"(?: of (?:the|those|these|their|its|our))?"
    r"(?: (?P<second>second|third|more|extra|additional|further|remaining),?)?"
    # (the words between are the unit's: "a baseboard behind heater" names a place, not a heater)
    rf" ?(?:x|\u00d7)? ?(?:(?!(?:{NUMBER_WORDS}|and|with|or|{_PLACE_WORDS})\b)"
    # ("1 ceiling/wall cavity injection system": a word may name two places)
    r"[A-Za-z][\w\-'/]{0,14} ){0,2}?"
    rf"(?:{EQUIPMENT_KIND})(?![\w]){_NOT_ARITHMETIC}",
    FLAGS,
)


COUNT_AFTER = re.compile(
    # ("LGR (1)": a count in brackets of its own; not "(2 family, 1 dining)", a breakdown)
    rf"(?<![\w])(?:{EQUIPMENT_KIND})(?: ?\([^)]{{1,20}}\))?"
    # ("added AM -> 8 total": the count an arrow leads to, when it says it is the total)
    r" ?(?:x|\u00d7|:|=|\((?=\d{1,2}\))|(?:->|\u2192)(?= ?\d{1,2} (?:total|on ?site|left|running)\b)) ?"
    r"(?P<n>\d{1,2})\b"
    # (not a size: "2 in" is inches only before a number, an "x" or a dimension word, not "2 in the hall")
    r"(?! ?(?:%|ft|'|\"|m\b|ppd|pints|days?\b|d\b|hours?\b|hrs?\b"
    r"|in\b(?=\s*(?:$|[^\w\s]|\d|[x\u00d7]\b|thick|wide|deep|high|long|tall))))",
    FLAGS,
)


# A list that writes each kind then its count: "Air movers 5 (office), LGR dehumidifiers 2, HEPA air
# scrubbers 3", "Hydroxyl generator 2 units for 4 days". Only a kind in words: "DH 2", "AM 5" are tags.
COUNT_AFTER_BARE = re.compile(
    rf"(?<![\w])(?!(?:am|dh|afd|nam|lgr)'?s? )(?:{EQUIPMENT_KIND}) (?P<n>[1-9]\d?)"
    r"(?= units?\b| ?\(|[,;](?!\d)|\.(?!\d)|$)",
    FLAGS,
)


# "AM1-AM3", "HM1-HM4", "DH 2-3": a run of unit tags is that many units (anywhere in a cell).
TAG_RANGE = re.compile(
    # ("AM-01 to AM-03": the run written out)
    r"\b(?P<tag>[A-Z]{1,4}) ?-?(?P<a>\d{1,3})(?: ?[-\u2013] ?| to )(?:(?P=tag) ?-?)?(?P<b>\d{1,3})\b"
)


# A row that starts with its units' tag and then names their kind: "AM 5 air mover Guest bedroom ...",
# "AM 1-4 air mover ...", "DH-2 LGR dehumidifier ...". The number is the unit's, not a count.
TAG_THEN_KIND = re.compile(
    r"^\W*(?P<tag>[A-Z]{1,4}) ?-?(?P<a>\d{1,3})(?: ?[-\u2013] ?(?:(?P=tag) ?-?)?(?P<b>\d{1,3}))?"
    rf"\s+(?=(?:[\w-]+ ){{0,2}}(?:{EQUIPMENT_KIND})(?!\w))",
)


# "AM-21, AM-22, AM-23": a list of unit tags of one kind is that many units.
TAG_LIST = re.compile(r"\b(?P<tag>[A-Z]{1,4})-?\d{1,3}(?:\s*(?:,|&|\band\b)\s*(?P=tag)-?\d{1,3}\b)+")


def listed_units(match: re.Match[str]) -> int:
    """How many tags a list of them names: "AM-21, AM-22, AM-23" three."""
    return len(re.findall(r"\d{1,3}", match.group(0)))


def tagged_units(match: re.Match[str]) -> int:
    """How many units a row's tag names: "AM 1-4" four, "AM 5" one."""
    first, last = int(match.group("a")), int(match.group("b") or match.group("a"))
    return last - first + 1 if 0 <= last - first < 50 else 1


# A kind named with no count in front: counts as one only in a one-unit-per-row log.
KIND_ONLY = re.compile(rf"(?<![\w])(?:{EQUIPMENT_KIND})(?![\w])", FLAGS)


EXTRA_NUMBERS = {"eleven": 11, "twelve": 12, "both": 2, "a": 1, "an": 1, "another": 1}


def kind_of(match: re.Match[str]) -> tuple[EquipmentKind, str | None] | None:
    if match.group("am"):
        return EquipmentKind.AIR_MOVER, None
    if match.group("dh"):
        written = (match.group("dtype") or "").lower()
        return EquipmentKind.DEHUMIDIFIER, {"refrigerant": "conventional"}.get(written, written or None)
    if match.group("lgr"):
        return EquipmentKind.DEHUMIDIFIER, "lgr"
    if match.group("desiccant"):
        return EquipmentKind.DEHUMIDIFIER, "desiccant"
    if match.group("scrubber"):
        return EquipmentKind.AIR_SCRUBBER, None
    if match.group("other"):
        return EquipmentKind.OTHER, None
    return None


# Words that take units off site ("pulled 2 AM", "picked up", "off-hired").
REMOVED = re.compile(
    r"\b(?:pulled|pull|removed|remove|picked up|collected|decommissioned|off ?-?hired?|taken (?:off|out|away)"
    r"|took|de-?mob\w*|lifted|came out|come out|out of)\b",
    FLAGS,
)


# A system told with its parts: "mat system (6 mats, 1 vacuum unit)", "a mat system on the floor with six
# mats and a pump". The parts are counted in the one system, not as units of their own.
_SYSTEM_PARTS = re.compile(
    r"\b(?:systems?|kits?)\b(?:\s*(?P<bracket>\([^)]{0,60}\))|[^.;()]{0,30}?\bwith\b(?P<with>[^.;()]{0,60}))",
    FLAGS,
)


def system_parts(text: str) -> list[tuple[int, int]]:
    """Where `text` lists a system's parts: counts there are not units on site."""
    spans = []
    for match in _SYSTEM_PARTS.finditer(text):
        group = "bracket" if match.group("bracket") is not None else "with"
        spans.append((match.start(group), match.end(group)))
    return spans


def without_system_parts(text: str) -> str:
    """`text` with a system's listed parts blanked (same length, so positions hold)."""
    for start, end in system_parts(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text
