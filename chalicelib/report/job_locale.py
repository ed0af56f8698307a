"""How a report reads in the job's country: its units, its dates and its clock (ADR 0008).

The findings say where the job is (`Findings.locale`: country, region, the units the notes use,
their date order). The report follows the country, not the reader's machine:

- AU, NZ and GB: metric, dates as "5 Nov 2026" (day first, the month in letters, so no reader
  can take it for 11 May); US: imperial and MM/DD/YYYY, as a US adjuster writes them.
- CA: metric (the country's official system) unless the notes themselves are imperial; dates
  as "5 Nov 2026", because Canadians write both numeric orders.
- Unknown country: the units the notes use, else feet with metres beside what was measured in
  metres (the report's old behaviour); dates as "5 Nov 2026".
- Times in the job's zone (a state or province settles it; a country with one zone does too),
  named after the time; without one, UTC, named.

The section modules word numbers through `wording`, which asks `current()` for the job's locale:
`build_document` sets it once for the whole document (`formatting_for`), so no section needs the
locale passed down to each of its helpers. A context variable rather than a global, so that two
reports rendered in one process (threads, tests) never see each other's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from chalicelib.analysis.findings import Locale, UnitSystem

_METRIC_COUNTRIES = frozenset({"AU", "NZ", "GB"})
_IMPERIAL_COUNTRIES = frozenset({"US"})

# One zone per country where the country has one.
_COUNTRY_ZONES = {"NZ": "Pacific/Auckland", "GB": "Europe/London"}

# By state or province. A state split between zones takes the zone most of its people live in
# (e.g. Texas: Central; Florida: Eastern; Idaho: Mountain); the report names the zone it used.
_REGION_ZONES: dict[str, dict[str, str]] = {
    "AU": {
        "NSW": "Australia/Sydney",
        "ACT": "Australia/Sydney",
        "VIC": "Australia/Melbourne",
        "QLD": "Australia/Brisbane",
        "WA": "Australia/Perth",
        "SA": "Australia/Adelaide",
        "TAS": "Australia/Hobart",
        "NT": "Australia/Darwin",
    },
    "CA": {
        "ON": "America/Toronto",
        "QC": "America/Toronto",
        "BC": "America/Vancouver",
        "AB": "America/Edmonton",
        "MB": "America/Winnipeg",
        "SK": "America/Regina",
        "NS": "America/Halifax",
        "PE": "America/Halifax",
        "NB": "America/Moncton",
        "NL": "America/St_Johns",
        "YT": "America/Whitehorse",
        "NT": "America/Yellowknife",
        "NU": "America/Iqaluit",
    },
    "US": {
        state: zone
        for zone, states in (
            ("America/New_York", "CT DC DE FL GA KY MA MD ME MI NC NH NJ NY OH PA RI SC VA VT WV"),
            ("America/Indiana/Indianapolis", "IN"),
            ("America/Chicago", "AL AR IA IL KS LA MN MO MS ND NE OK SD TN TX WI"),
            ("America/Denver", "CO ID MT NM UT WY"),
            ("America/Phoenix", "AZ"),
            ("America/Los_Angeles", "CA NV OR WA"),
            ("America/Anchorage", "AK"),
            ("Pacific/Honolulu", "HI"),
        )
        for state in states.split()
    },
}


@dataclass(frozen=True)
class JobLocale:
    """What the report needs of the job's place: its unit system, date style and zone."""

    country: str | None = None
    # Whether a job's findings set this locale: then a `None` country is one the notes do not
    # settle, and no edition's country tag is the job's (outside a job, the configured tags show).
    from_job: bool = False
    # True: metric; False: imperial; None: not settled (feet, metres beside metric measures).
    metric: bool | None = None
    month_first: bool = False  # MM/DD/YYYY (US); otherwise "5 Nov 2026"
    zone: str | None = None  # IANA name; None: times in UTC


def job_locale(locale: Locale) -> JobLocale:
    country = locale.country
    return JobLocale(
        country=country,
        from_job=True,
        metric=_metric(country, locale.units),
        month_first=country in _IMPERIAL_COUNTRIES,
        zone=zone_of(country, locale.region),
    )


def _metric(country: str | None, units: UnitSystem | None) -> bool | None:
    if country in _METRIC_COUNTRIES:
        return True
    if country in _IMPERIAL_COUNTRIES:
        return False
    if country == "CA":
        return units is not UnitSystem.IMPERIAL
    return None if units is None else units is UnitSystem.METRIC


def zone_of(country: str | None, region: str | None) -> str | None:
    """The IANA zone of a country and region, when they settle one and it is installed."""
    name = _REGION_ZONES.get(country or "", {}).get(region or "") or _COUNTRY_ZONES.get(country or "")
    if name is None:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None  # no time zone database on this machine: UTC, said to be
    return name


_CURRENT: ContextVar[JobLocale] = ContextVar("job_locale", default=JobLocale())  # noqa: B039 (frozen)


def current() -> JobLocale:
    return _CURRENT.get()


@contextmanager
def formatting_for(locale: Locale) -> Iterator[JobLocale]:
    """Word everything inside the block in the job's units, dates and time zone."""
    token = _CURRENT.set(job_locale(locale))
    try:
        yield _CURRENT.get()
    finally:
        _CURRENT.reset(token)
