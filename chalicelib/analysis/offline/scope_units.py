"""Quantities a scope line item is measured in, and how each unit is named in the findings.

Bare feet are not a unit of work ("flood cut at 2 ft" is a height); packed contents keep their own
unit ("38 boxes" is priced per box, not each).
"""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS

# Units a line item is measured in. Bare feet are not among them: "flood cut at 2 ft" is a height.
QUANTITY = re.compile(
    r"(?<![\d.,/])(?P<q>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,5}(?:\.\d{1,2})?) ?"
    r"(?P<u>sq\.? ?ft\.?|sqft|sf|ft2|square (?:feet|foot)|m2|sq\.? ?m|sqm|square met(?:re|er)s?"
    r"|lf|lin\.? ?ft|linear (?:ft|feet|foot)|lm|l/m|lin\.? ?m|linear met(?:re|er)s?|met(?:re|er)s?|m"
    r"|ea|each|pcs?|hrs?|hours?|days?"
    r"|(?:\w+ )?(?:pieces|tiles|holes|panels|sheets|boards|fixtures|items)|boxes|cartons|pallets"
    r"|pairs?|sets?|lots?|no\.|(?-i:L)|lit(?:re|er)s?|(?-i:LS)|lump ?sum)(?![\w'])",
    FLAGS,
)


# The one unit table, for prose quantities and for a schedule's unit cell alike; "" keeps the word
# as written (a contents list prices by the "lot", "pair" or "set", a pack-out by "pallets").
_SCOPE_UNITS = (
    (re.compile(r"sq\.? ?ft\.?|sqft|sf|ft2|ft\u00b2|square (?:feet|foot)", FLAGS), "sq ft"),
    (re.compile(r"m2|m\u00b2|sq\.? ?m|sqm|square met(?:re|er)s?", FLAGS), "m2"),
    (re.compile(r"lf|lin\.? ?ft|linear (?:ft|feet|foot)", FLAGS), "lf"),
    (re.compile(r"lm|l/m|lin\.? ?m|linear met(?:re|er)s?|met(?:re|er)s?|m", FLAGS), "lm"),
    # "patch 5 holes": holes are priced by the hole; "6 drying holes" are counted each
    (re.compile(r"holes", FLAGS), "holes"),
    (
        re.compile(
            r"ea|each|no\.?|nr|pcs?|units?"
            r"|(?:\w+ )?(?:pieces|tiles|holes|panels|sheets|boards|fixtures|items?)",
            FLAGS,
        ),
        "ea",
    ),
    # ("extracted approx 900 L": water taken out is measured by the litre)
    (re.compile(r"(?-i:L)|lit(?:re|er)s?", FLAGS), "L"),
    (re.compile(r"hrs?|hours?", FLAGS), "hrs"),
    (re.compile(r"days?", FLAGS), "days"),
    (re.compile(r"boxes|cartons", FLAGS), "boxes"),  # contents are priced by the box, not each
    # ("Clean the hall bath fixtures: 1 LS": a lump sum, priced whole)
    (re.compile(r"ls|l\.s\.|lump ?sum", FLAGS), "LS"),
    (re.compile(r"lots?|sets?|pairs?|pallets|rooms?", FLAGS), ""),
)


# Counted things are work only when a verb says what was done to them ("46 tiles" only as removed).
COUNT_NOUNS = (
    *("tiles", "holes", "pieces", "panels", "sheets", "boards", "fixtures", "items"),
    *("boxes", "cartons", "pallets", "pair", "pairs", "set", "sets", "lot", "lots", "no."),
)


def scope_unit(written: str) -> str | None:
    """How the findings name a unit written in a line item or a schedule's unit cell."""
    cleaned = " ".join(written.split())
    for pattern, unit in _SCOPE_UNITS:
        if pattern.fullmatch(cleaned):
            return unit or cleaned.lower()
    return None


# Trim is priced by the run: "took off 20 feet of baseboard", "the skirting in the hall (about 6 ft)"
# give linear feet, though bare feet elsewhere are a height ("flood cut at 2 ft").
_TRIM = r"(?:baseboards?|skirting(?: boards?)?|kick ?boards?|toe ?kicks?|cove base|plinths?|base ?trim)"
_TRIM_FEET = re.compile(
    rf"(?<![\d.])\d{{1,4}}(?:\.\d{{1,2}})? ?(?P<u>feet|foot|ft)(?= of (?:the )?(?:\w+ )?{_TRIM}\b)"
    rf"|\b{_TRIM}[^().;]{{0,30}}\((?:about |approx\.? |roughly |around )?"
    rf"\d{{1,4}}(?:\.\d{{1,2}})? ?(?P<p>feet|foot|ft)\)",
    FLAGS,
)


def trim_feet_as_lf(text: str) -> str:
    """The text with feet of trim written as "lf", padded so every offset still holds."""

    def unit(match: re.Match[str]) -> str:
        group = "u" if match.group("u") else "p"
        start, end = match.start(group) - match.start(), match.end(group) - match.start()
        whole = match.group()
        return whole[:start] + "lf".ljust(end - start) + whole[end:]

    return _TRIM_FEET.sub(unit, text)
