"""Where the job is: the country and region an address or postcode shows, and the units the notes use.

The country decides how numeric dates read (day-first in AU, NZ and the UK, month-first in the US;
Canada writes both, so there only the document's own dates can settle it) and which hazard rules
apply (an asbestos era by build year is an Australian rule, lead paint by build year a US one).
Nothing is guessed: notes that show two countries, or none, leave the country undetermined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from chalicelib.analysis.findings import (
    Locale,
    SourceSpan,
    UnitSystem,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
    letterhead_lines,
)

_AU_STATES = "NSW|VIC|QLD|WA|SA|TAS|ACT|NT"
_AU_CITIES = (
    "Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart|Darwin|Canberra|Gold Coast|Newcastle|Wollongong"
    "|Geelong|Townsville|Cairns|Toowoomba|Ballarat|Bendigo|Launceston|Mackay|Rockhampton|Bunbury"
    "|Fremantle|Joondalup|Mandurah|Palmerston|Alice Springs|Mount Gambier|Whyalla"
)


# (not Perth or Newcastle: Australia has them too)
_UK_CITIES = (
    "London|Glasgow|Edinburgh|Manchester|Birmingham|Leeds|Liverpool|Bristol|Sheffield|Cardiff|Belfast"
    "|Aberdeen|Dundee|Nottingham|Leicester|Coventry|Bradford|Southampton|Portsmouth|Plymouth|Norwich"
    "|Exeter|Swansea|Salford|Oxford|Cambridge|York"
)


_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND"
    "|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WV|WI|WY|DC"
)


_CA_PROVINCES = "ON|BC|AB|QC|NS|MB|SK|NB|NL|PE|YT|NT|NU"


# Regions of the NZ cities an address names before its 4-digit postcode.
_NZ_CITIES = {
    "Auckland": "Auckland",
    "Wellington": "Wellington",
    "Lower Hutt": "Wellington",
    "Upper Hutt": "Wellington",
    "Porirua": "Wellington",
    "Christchurch": "Canterbury",
    "Timaru": "Canterbury",
    "Hamilton": "Waikato",
    "Tauranga": "Bay of Plenty",
    "Rotorua": "Bay of Plenty",
    "Dunedin": "Otago",
    "Queenstown": "Otago",
    "Napier": "Hawke's Bay",
    "Hastings": "Hawke's Bay",
    "Nelson": "Nelson",
    "Palmerston North": "Manawatu-Whanganui",
    "Whanganui": "Manawatu-Whanganui",
    "New Plymouth": "Taranaki",
    "Whangarei": "Northland",
    "Invercargill": "Southland",
    "Gisborne": "Gisborne",
}


# Case-sensitive on purpose: "wa 6000" in prose is not Western Australia, "on k1h" is not Ontario.
_COUNTRY_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("AU", re.compile(rf"\b(?P<region>{_AU_STATES}),? \d{{4}}\b(?! ?[A-Z]\d)|\bAustralia\b", re.ASCII)),
    # An address without its postcode ("14 Banksia St, Perth WA"): a state after a city only
    # Australia has (Washington's WA has no Perth).
    ("AU", re.compile(rf"\b(?:{_AU_CITIES}),? (?P<region>{_AU_STATES})\b", re.ASCII)),
    (
        "CA",
        re.compile(rf"\b\(?(?P<region>{_CA_PROVINCES})\)?,? [A-Z]\d[A-Z] ?\d[A-Z]\d\b|\bCanada\b", re.ASCII),
    ),
    ("US", re.compile(rf"\b(?P<region>{_US_STATES}),? \d{{5}}(?:-\d{{4}})?\b|\bUSA\b", re.ASCII)),
    (
        "NZ",
        re.compile(
            rf"\b(?P<city>{'|'.join(_NZ_CITIES)}),? \d{{4}}\b|\bNew Zealand\b|\bNZ\b(?! ?\$)", re.ASCII
        ),
    ),
    # An outward and inward code ("LS12 3QT", "BS7 8JP"); the inward code's letters never include
    # C, I, K, M, O or V, which keeps most part numbers and model codes out.
    ("GB", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}\b|\bUnited Kingdom\b", re.ASCII)),
    # A UK city with only its postcode district ("112 Kelvinhaugh Street, Glasgow G3")
    ("GB", re.compile(rf"\b(?:{_UK_CITIES}),? [A-Z]{{1,2}}\d[A-Z\d]?\b(?! ?\d)", re.ASCII)),
)


DateOrder = Literal["DMY", "MDY"]


# Canada is absent on purpose: its notes write both orders, so only the dates themselves settle it.
DATE_ORDERS: dict[str, DateOrder] = {"AU": "DMY", "NZ": "DMY", "GB": "DMY", "US": "MDY"}


# Units as measurements are written: a number then its unit.
_METRIC = re.compile(
    r"\d ?(?:m2|m\u00b2|sq ?m|square met(?:re|er)s?|mm|cm|lm|lin ?m|m|met(?:re|er)s?|l|litres?|\u00b0c|c)\b",
    FLAGS,
)


_IMPERIAL = re.compile(
    r"\d ?(?:sq ?ft|sf|square f(?:ee|oo)t|ft2|ft|feet|foot|lf|in|inch(?:es)?|\"|'|gal(?:lons?)?"
    r"|\u00b0f|f)(?!\w)",
    FLAGS,
)


_UNIT_MAJORITY = 2  # one system must be written at least twice as often as the other


@dataclass(frozen=True)
class _Place:
    country: str
    region: str | None
    source: SourceSpan


def _places(line: Line) -> list[_Place]:
    found = []
    for country, pattern in _COUNTRY_PATTERNS:
        for match in pattern.finditer(line.text):
            groups = match.groupdict()
            region = groups.get("region")
            if groups.get("city"):
                region = _NZ_CITIES[groups["city"]]
            found.append(_Place(country, region, line.span()))
    return found


def _units(lines: Sequence[Line]) -> UnitSystem | None:
    metric = sum(len(_METRIC.findall(line.text)) for line in lines)
    imperial = sum(len(_IMPERIAL.findall(line.text)) for line in lines)
    if metric >= max(1, _UNIT_MAJORITY * imperial):
        return UnitSystem.METRIC
    if imperial >= max(1, _UNIT_MAJORITY * metric):
        return UnitSystem.IMPERIAL
    return None  # both systems in earnest (or neither): the notes do not settle it


def read_locale(lines: Sequence[Line]) -> Locale:
    """The one country the notes' addresses show; two countries named leave it undetermined."""
    letterhead = letterhead_lines(lines)
    places = [place for line in lines if line.number not in letterhead for place in _places(line)]
    countries = {place.country for place in places}
    units = _units(lines)
    if len(countries) != 1:
        return Locale(units=units)
    regions = [place.region for place in places if place.region]
    first = places[0]
    country = first.country
    return Locale(
        country=country,
        region=regions[0] if len(set(regions)) == 1 else None,
        units=units,
        date_order=DATE_ORDERS.get(country),
        source=next((place.source for place in places if place.region), first.source),
    )
