"""Publication dates as reports write them: ISO strings, bylines and datelines.

Takes strings (a front-matter value, an HTML ``content`` attribute, lines of a
plain-text report) and gives ISO 8601 strings: a day (``2020-03-05``) or, for
values that already carry a time, a date-time (``2020-03-05T21:10:00+03:00``).

Only *publication* dates are read here, from the places a publication date
stands (the top of the report); dates inside the article are the extract
stage's business. Month and weekday names come from :mod:`calendar`, which is
English under the C locale Python starts in, so no word list lives here.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

# How many non-empty lines at the top of a plain-text report may hold the byline.
BYLINE_SEARCH_LINES = 8
# Datelines ("MOSCOW, March 5, 2020 (Reuters) -") open the first paragraphs.
DATELINE_SEARCH_LINES = 12
# A byline is short; a longer line is article prose that merely mentions a date.
MAX_BYLINE_CHARS = 160


@dataclass(frozen=True)
class DateMatch:
    """A written calendar day found in a string: its span and its ISO day."""

    start: int
    end: int
    iso: str


def month_number(word: str) -> int | None:
    """1-12 for an English month name or abbreviation of 3+ letters ("Sept", "Mar"), else None."""
    lowered = word.lower().rstrip(".")
    if len(lowered) < 3:
        return None
    for number in range(1, 13):
        # A prefix test accepts "Sep", "Sept" and "September" alike.
        if calendar.month_name[number].lower().startswith(lowered):
            return number
    return None


_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_MONTH_WORD = r"(?P<month>[A-Za-z]{3,9})\.?"
# "March 5, 2020", "Mar. 5 2020", "Thursday, March 5th, 2020"
_MDY = re.compile(rf"\b{_MONTH_WORD}\s+{_DAY},?\s+{_YEAR}\b")
# "5 March 2020", "5th of March, 2020"
_DMY = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH_WORD},?\s+{_YEAR}\b")
# "2020-03-05", "2020-03-05T21:10:00+03:00", "2020/03/05"; the time part is
# matched so that it does not count as stray text around the date.
_ISO = re.compile(
    r"\b(?P<year>\d{4})(?P<sep>[-/])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d/-])"
)


def _valid_day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMatch]:
    """Every full calendar day (with a year) written in ``text``, in order of position.

    Month-day without a year ("March 3") is not a date here: it cannot be
    resolved without the very publication date we are looking for.
    """
    found: list[DateMatch] = []
    for pattern in (_MDY, _DMY):
        for match in pattern.finditer(text):
            month = month_number(match["month"])
            if month is None:
                continue
            iso = _valid_day(int(match["year"]), month, int(match["day"]))
            if iso is not None:
                found.append(DateMatch(match.start(), match.end(), iso))
    for match in _ISO.finditer(text):
        iso = _valid_day(int(match["year"]), int(match["month"]), int(match["day"]))
        if iso is not None:
            found.append(DateMatch(match.start(), match.end(), iso))
    found.sort(key=lambda m: m.start)
    # Drop matches nested in an earlier one (cannot happen often, but keep spans disjoint).
    disjoint: list[DateMatch] = []
    for item in found:
        if not disjoint or item.start >= disjoint[-1].end:
            disjoint.append(item)
    return disjoint


_WEEKDAYS = "|".join(
    sorted({*calendar.day_name, *calendar.day_abbr}, key=len, reverse=True)
)
# What may stand next to a date on a date line without making it prose: a
# label, a weekday, a time with its zone, separators. Labels are the format's
# own markers, not a lexicon.
_DATE_LINE_NOISE = re.compile(
    r"(?i)"
    r"\b(?:first\s+)?(?:published|posted|updated|last\s+updated|modified|date[d]?|on|at)\b\s*:?"
    rf"|\b(?:{_WEEKDAYS})\b\.?"
    r"|\b\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?\s?m\b\.?)?"
    r"|\b\d{1,2}\s*[ap]\.?\s?m\b\.?"
    r"|\b(?:UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"
    r"|(?-i:\b[A-Z]{2,5}\b)"  # a zone abbreviation: EST, CET, AEDT
    r"|[+-]\d{2}:?\d{2}\b"
)
_UPDATED = re.compile(r"(?i)\b(?:updated|modified)\b")
_BYLINE_SEPARATORS = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+")
_BY = re.compile(r"(?i)^\s*by\s+\S")


def _date_only(text: str) -> DateMatch | None:
    """The date of ``text`` if it holds one date and nothing else but labels, weekday and time."""
    dates = find_dates(text)
    if len(dates) != 1:
        return None
    only = dates[0]
    rest = text[: only.start] + " " + text[only.end :]
    rest = _DATE_LINE_NOISE.sub(" ", rest)
    if re.search(r"\w", rest):
        return None
    return only


def byline_date(line: str) -> tuple[str, bool] | None:
    """The ISO day a byline or date line gives, and whether it is an update date.

    Accepted: a line that is only a date ("March 5, 2020", "Published:
    2020-03-05", "Thursday 5 March 2020 19:20 GMT"); a byline whose parts are
    split by ``|``, ``•``, ``·`` or a spaced dash with one part a date
    ("Dimitri Simes | March 5, 2020 | 7:20pm EST"); and "By NAME, March 5, 2020".
    The day is the one written, even when a time and zone follow it.
    """
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_BYLINE_CHARS:
        return None
    whole = _date_only(stripped)
    if whole is not None:
        return whole.iso, bool(_UPDATED.search(stripped))
    parts = [part for part in _BYLINE_SEPARATORS.split(stripped) if part.strip()]
    if len(parts) >= 2:
        for part in parts:
            dated = _date_only(part)
            if dated is not None:
                return dated.iso, bool(_UPDATED.search(part))
    if _BY.match(stripped):
        dates = find_dates(stripped)
        # The name before the date is short; a sentence that begins with "By" is not.
        if len(dates) == 1 and len(stripped[: dates[0].start].split()) <= 7:
            return dates[0].iso, bool(_UPDATED.search(stripped))
    return None


def published_from_lines(lines: Iterable[str]) -> str | None:
    """The publication day given by the first byline among the first non-empty ``lines``.

    A date labelled "Updated" is used only when no other date line is there,
    since the publication date is what relative dates in the text resolve against.
    """
    updated: str | None = None
    seen = 0
    for line in lines:
        if not line.strip():
            continue
        seen += 1
        if seen > BYLINE_SEARCH_LINES:
            break
        found = byline_date(line)
        if found is None:
            continue
        iso, is_update = found
        if not is_update:
            return iso
        if updated is None:
            updated = iso
    return updated


_DATELINE_PLACE = re.compile(r"^[A-Z][\w .,'’/()-]{0,60}$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^()]{1,40}\)|/[^/]{1,20}/)?\.?\s*(?:--|[-–—:])")


def dateline_date(line: str) -> str | None:
    """The day in a dateline opening a paragraph: "MOSCOW, March 5, 2020 (Reuters) -".

    Only a date with a year counts ("March 3 (UPI) --" gives nothing).
    """
    dates = find_dates(line[:120])
    if not dates:
        return None
    first = dates[0]
    place = line[: first.start].strip().rstrip(",").strip()
    if place and not _DATELINE_PLACE.match(place):
        return None
    if not _DATELINE_AFTER.match(line[first.end :]):
        return None
    return first.iso


def published_from_datelines(lines: Iterable[str]) -> str | None:
    """The first dateline date among the first non-empty ``lines``, if any."""
    seen = 0
    for line in lines:
        if not line.strip():
            continue
        seen += 1
        if seen > DATELINE_SEARCH_LINES:
            break
        found = dateline_date(line.strip())
        if found is not None:
            return found
    return None


def normalize_date(value: str) -> str | None:
    """An ISO 8601 string for a written publication date, or None when it is not one.

    ISO dates and date-times are kept with their time and offset (``Z`` becomes
    ``+00:00``); a written day ("March 5, 2020") becomes ``2020-03-05``.
    """
    text = value.strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return parsed.date().isoformat()
        return parsed.isoformat()
    dates = find_dates(text)
    if len(dates) == 1:
        return dates[0].iso
    return None
