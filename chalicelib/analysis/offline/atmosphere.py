"""Atmospheric readings: temperature, RH, GPP and dew point, and where they were taken."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from chalicelib.analysis.findings import (
    AtmosphericReading,
)
from chalicelib.analysis.offline.reading_units import LABEL_VALUE, VALUE
from chalicelib.analysis.offline.spaces import (
    Mention,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
)
from chalicelib.analysis.psychrometrics import celsius_to_fahrenheit, dew_point_f, gpp_from_fahrenheit

_RH = (
    re.compile(rf"{VALUE} ?% ?R\.?H\b", FLAGS),
    re.compile(rf"\bR\.?H\.? ?[:=]? ?{LABEL_VALUE} ?%?", FLAGS),
    re.compile(rf"\bhumidity ?[:=]? ?{LABEL_VALUE} ?%", FLAGS),
)


_GPP = (
    re.compile(rf"\bGPP ?[:=]? ?{LABEL_VALUE}", FLAGS),
    re.compile(rf"{VALUE} ?(?:GPP|gr/lb|grains per pound|grains)\b", FLAGS),
)


_TEMPERATURE = (
    re.compile(
        r"(?<![\d.\w])(?P<value>-?\d{1,3}(?:\.\d)?) ?(?:\u00b0|\u00ba|deg(?:rees)?\.?)? ?(?P<unit>F"
        r"|C)\b(?![\w'])",
        FLAGS,
    ),
    re.compile(
        r"\b(?:temp(?:erature)?|T)\.? ?[:=]? ?(?P<value>-?\d{1,3}(?:\.\d)?) ?(?:\u00b0|deg\.?)? ?(?P<unit>F"
        r"|C)\b",
        FLAGS,
    ),
)


_DEW_POINT = re.compile(
    r"\b(?:dew ?point|dew pt|DP)\.? ?[:=]? ?(?P<value>-?\d{1,3}(?:\.\d)?) ?(?:\u00b0|deg\.?)? ?(?P<unit>F"
    r"|C)?\b",
    FLAGS,
)


AIR_PLACE = re.compile(
    r"\b(?:(?P<outside>outside|outdoors?|exterior|external)"
    r"|(?P<unaffected>unaffected(?: area)?|reference|control)"
    r"|(?P<inlet>dehu(?:midifier)? (?:inlet|intake)|dh (?:inlet|in)|lgr (?:inlet|in))"
    r"|(?P<outlet>dehu(?:midifier)? (?:outlet|exhaust|out)|dh (?:outlet|out)|lgr (?:outlet|out))"
    r"|(?P<hvac>hvac(?: (?:return|supply))?)"
    r"|(?P<affected>affected(?: area| chamber)?|inside|indoors?|chamber|containment|ambient))\b",
    FLAGS,
)


# --- air readings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AirToken:
    kind: Literal["temp", "rh", "gpp", "dew"]
    value: float
    start: int
    end: int


def air_tokens(text: str) -> list[AirToken]:
    tokens: list[AirToken] = []
    for pattern in _TEMPERATURE:
        for match in pattern.finditer(text):
            value = float(match.group("value"))
            fahrenheit = value if match.group("unit").lower() == "f" else celsius_to_fahrenheit(value)
            if -20 <= fahrenheit <= 140:
                tokens.append(AirToken("temp", round(fahrenheit, 1), match.start(), match.end()))
    for pattern in _RH:
        tokens += [
            AirToken("rh", float(m.group("value")), m.start(), m.end()) for m in pattern.finditer(text)
        ]
    for pattern in _GPP:
        tokens += [
            AirToken("gpp", float(m.group("value")), m.start(), m.end()) for m in pattern.finditer(text)
        ]
    for match in _DEW_POINT.finditer(text):
        value = float(match.group("value"))
        is_celsius = (match.group("unit") or "F").lower() == "c"
        tokens.append(
            AirToken(
                "dew",
                round(celsius_to_fahrenheit(value) if is_celsius else value, 1),
                match.start(),
                match.end(),
            )
        )
    tokens.sort(key=lambda token: (token.start, -token.end))
    kept: list[AirToken] = []
    for token in tokens:
        # A dew point's "50F" is also a temperature token: the longer, earlier match wins.
        if not kept or token.start >= kept[-1].end:
            kept.append(token)
    return [token for token in kept if token.kind != "rh" or 0 < token.value <= 100]


def air_place(text: str, start: int, end: int, *, last: bool = True) -> str | None:
    match = None
    for candidate in AIR_PLACE.finditer(text, start, end):
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


def atmospheric(
    tokens: Sequence[AirToken], location: str, taken_on: date | None, line: Line
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


def air_room(
    rooms: Sequence[Mention], starts: Sequence[int], start: int, end: int, *, last: bool
) -> Mention | None:
    low, high = bisect_left(starts, start), bisect_left(starts, end)
    if low >= high:
        return None
    return rooms[high - 1] if last else rooms[low]
