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
    r"|pairs?|sets?|lots?|no\.)(?![\w'])",
    FLAGS,
)


_SCOPE_UNITS = (
    (re.compile(r"sq\.? ?ft\.?|sqft|sf|ft2|square (?:feet|foot)", FLAGS), "sq ft"),
    (re.compile(r"m2|sq\.? ?m|sqm|square met(?:re|er)s?", FLAGS), "m2"),
    (re.compile(r"lf|lin\.? ?ft|linear (?:ft|feet|foot)", FLAGS), "lf"),
    (re.compile(r"lm|l/m|lin\.? ?m|linear met(?:re|er)s?|met(?:re|er)s?|m", FLAGS), "lm"),
    (re.compile(r"hrs?|hours?", FLAGS), "hrs"),
    (re.compile(r"days?", FLAGS), "days"),
)


# Packed contents keep their own unit: "38 boxes" is priced per box, not "each"; so do the counts
# a contents list prices by ("2 pairs" of curtains, "1 lot" of spoiled food, "1 set" of bedding).
_PACKED_UNITS = {"boxes": "boxes", "cartons": "boxes", "pallets": "pallets", "no.": "ea"} | {
    word: word for word in ("pair", "pairs", "set", "sets", "lot", "lots")
}


# Counted things are work only when a verb says what was done to them ("46 tiles" only as removed).
COUNT_NOUNS = (
    *("tiles", "holes", "pieces", "panels", "sheets", "boards", "fixtures", "items"),
    *("boxes", "cartons", "pallets", "pair", "pairs", "set", "sets", "lot", "lots", "no."),
)


def scope_unit(written: str) -> str | None:
    lowered = written.lower()
    if re.fullmatch(
        r"ea|each|pcs?|(?:\w+ )?(?:pieces|tiles|holes|panels|sheets|boards|fixtures|items)", lowered
    ):
        return "ea"
    if lowered in _PACKED_UNITS:
        return _PACKED_UNITS[lowered]  # contents are priced by the box or pallet, not each
    return next((unit for pattern, unit in _SCOPE_UNITS if pattern.fullmatch(written)), None)


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
