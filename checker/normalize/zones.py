"""Time zones named in words, read with the IANA database (the standard library's ``zoneinfo``).

Takes a zone as written after a clock time ("GMT", "Central European Time", "Eastern time", "in Lisbon",
"Lisbon time") and a local day and clock; gives the zone's offset from UTC then, in hours (``WrittenZones``). A place's offset changes with its summer time and, over
the years, with its laws: the database knows both, where a table of fixed hours guesses. ``city_zones`` maps
the city part of every IANA zone name ("Europe/Lisbon" -> "Lisbon", underscores read as spaces) to that zone.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


@cache
def city_zones(areas: tuple[str, ...]) -> dict[str, str]:
    """City -> IANA zone, for zones named "<area>/.../<City>" in the given areas ("America/Argentina/Salta").
    Only names with a lower-case letter: "Australia/NSW" names a state in capitals, not a city."""
    out: dict[str, str] = {}
    for name in sorted(available_timezones()):
        parts = name.split("/")
        if len(parts) < 2 or parts[0] not in areas:
            continue
        city = parts[-1].replace("_", " ")
        if re.search(r"[a-z]", city) and city[0].isupper():
            out.setdefault(city, name)
    return out


def zone_offset_hours(zone: str, day: date, hour: int, minute: int) -> float | None:
    """The offset from UTC of an IANA zone at a local day and clock (summer time by the day, not the month);
    None for a name the database does not hold."""
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    offset = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz).utcoffset()
    return None if offset is None else offset.total_seconds() / 3600


def city_zone_names(calendar: dict[str, Any]) -> dict[str, str]:
    """City -> IANA zone for the calendar lexicon's areas, less the names it says are no cities."""
    cities = city_zones(tuple(calendar.get("iana_city_areas", [])))
    skip = set(calendar.get("iana_non_cities", []))
    return {city: zone for city, zone in cities.items() if city not in skip}


def _spaced(name: str) -> str:
    return re.sub(r"[\s-]+", " ", name).lower()


class WrittenZones:
    """The zones the calendar lexicon names, read as written after a clock time: fixed abbreviations ("GMT"),
    fixed zones named in words ("Central European Time"), zones whose offset follows the season ("Eastern
    time", by its IANA zone) and IANA cities ("in Lisbon", "Lisbon time")."""

    def __init__(self, calendar: dict[str, Any]) -> None:
        self.fixed = {str(k): float(v) for k, v in calendar["zones"].items()}
        self.named = {_spaced(str(k)): float(v) for k, v in calendar.get("named_zones", {}).items()}
        self.seasonal = {_spaced(str(k)): str(v) for k, v in calendar.get("seasonal_zones", {}).items()}
        self.cities = city_zone_names(calendar)  # "Lisbon" -> "Europe/Lisbon"
        before = "|".join(map(re.escape, calendar.get("city_zone_before", [])))
        after = "|".join(map(re.escape, calendar.get("city_zone_after", [])))
        self.city_re = re.compile(rf"(?:(?:{before})\s+)?(.+?)(?:\s+(?:{after}))?", re.IGNORECASE)

    def iana(self, written: str) -> str | None:
        """The IANA zone a written zone names: a seasonal zone's or a city's; None for a fixed one or none."""
        seasonal = self.seasonal.get(_spaced(written))
        if seasonal is not None:
            return seasonal
        city = self.city_re.fullmatch(written.strip())
        return self.cities.get(re.sub(r"\s+", " ", city.group(1))) if city else None

    def offset_hours(self, written: str, day: date, hour: int, minute: int) -> float | None:
        """The offset from UTC of the zone written, at that local day and clock; None where the lexicon names no
        such zone ("local time", or nothing written), which leaves it to the reader's own default."""
        iana = self.iana(written)
        if iana is not None:
            return zone_offset_hours(iana, day, hour, minute)
        zone = re.sub(r"[\s-]+", " ", written)
        return self.fixed[zone] if zone in self.fixed else self.named.get(zone.lower())
