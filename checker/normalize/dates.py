"""Dates and times in news copy, resolved against the publication date.

Takes a sentence (text plus its absolute offset), the lexicon and the
reference date (the report's publication day, or None); gives
``DateMention``s with their span and an inclusive ``{start, end}`` of ISO
days, following CODING.md section 2:

- explicit dates: "March 5, 2020", "5 March 2020", "2020-03-05", "Mar. 5",
  "Sept. 11", "March 6th, 2020", "the fourth of July", numeric "10/1/2018",
  "23.04.2022", "05-Aug-2016", "20170302"; month and year ("September 2018",
  "Dec-2018", "April of 87", "2015-12", "12-2015"); years ("in 2017", "CY18");
  years said in words ("in nineteen ninety-six", "October two thousand and
  five", "June third nineteen forty-one"; after a bare preposition only where
  the clause goes on, as "in two thousand homes" is a count); decades ("the 1970s", "the
  nineties"), centuries, quarters and halves ("Q3 2019", "the first quarter of
  2013"), weeks ("the first week of 2015", "the week of April 10th"), parts
  ("early March", "mid-2019");
- holidays from the data table (fixed, nth weekday, Easter by the computus,
  lunar ones from a table of years);
- a month-day or month with no year takes the year nearest the reference,
  a bare month the latest one not after it unless the clause speaks of the future;
- weekdays ("on Thursday", "Thursday's", "last Thursday", "next Friday",
  "Sunday night", "Tuesday the 13th", "Tuesday of next week"): the nearest such
  day, in the past unless the clause speaks of the future; "last X" is the most
  recent X before the reference day;
- "yesterday", "today", "tonight", "last night", "this evening";
- named periods relative to the reference: "last week", "the end of next week",
  "earlier this year", "the coming quarter", "the next three days", "the past
  two quarters", "the next four business days", "two years ago", "two weeks and
  three days ago", "three weeks from tomorrow", "in two weeks" (when the clause
  speaks of the future; "in two weeks' time" always), "within nine months" (of
  the future: from the report's day); a weekday beside a counted day ("Monday two
  weeks from now", "in three days on Friday") is that weekday of its week;
- spans counted from a date: "for three days starting Monday", "for two weeks
  from 1 May" (the first day and the days after it, inclusive);
- ranges: "from March to May", "between 2014 and 2018", "April 9-17",
  "Nov 18-Dec 19, 2015", "9 to 12 of June", "from March to date": the first day
  of the first to the last day of the second, inclusive (a bare "2009-2010"
  names two years and gives two mentions);
- "midnight" names the coming midnight: the value is the day that starts there;
- a clock time ("at 7.20pm", "9:25 a.m. Eastern time") beside no day, in a clause
  told in the past, is kept with no day (role "bare_time"): the reader of the
  whole report gives it the day the report last dated; a possessive weekday
  ("from Friday's crash") looks back whatever start word precedes it;
- a relative date with no reference date is kept, unresolved, with a note; so
  is a date that does not exist ("Feb 30"), whose number is then no count.
"""

from __future__ import annotations

import calendar as _calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..lexicon import Lexicon, phrase_pattern, trie_alternation
from .zones import city_zone_names


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    first: date | None
    last: date | None
    relative: bool = False
    note: str | None = None
    role_hint: str | None = None
    time: str | None = None  # "00:01", "midnight"
    zone: str | None = None  # the zone written after the time: "GMT", "local time", "Hawaii time"
    year_given: bool = True  # False when the year was taken from the reference date
    month_day: tuple[int, int] | None = None  # a month-day written with no year, for a range to complete

    def value(self) -> dict[str, str | None]:
        return {
            "start": self.first.isoformat() if self.first else None,
            "end": self.last.isoformat() if self.last else None,
        }


# ---------------------------------------------------------------- calendar arithmetic
def _month_end(y: int, m: int) -> date:
    return date(y, m, _calendar.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    """The same day n months on, clipped to the month's end (31 January + 1 month = 28/29 February)."""
    k = d.year * 12 + d.month - 1 + n
    y, m = divmod(k, 12)
    return date(y, m + 1, min(d.day, _calendar.monthrange(y, m + 1)[1]))


def _shift(d: date, unit: dict[str, int], n: int) -> date:
    if "business_days" in unit:  # working days: Saturdays and Sundays are stepped over, not counted
        step, left = (1 if n > 0 else -1), abs(unit["business_days"] * n)
        while left:
            d += timedelta(days=step)
            left -= d.weekday() < 5
        return d
    if "hours" in unit:  # "the past 24 hours": the days those hours reach into
        days = -(-abs(unit["hours"] * n) // 24)
        return d + timedelta(days=days if n > 0 else -days)
    if "days" in unit:
        return d + timedelta(days=unit["days"] * n)
    return _add_months(d, unit["months"] * n)


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(y: int, month: int, weekday: int, n: int) -> date:
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = _month_end(y, month)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _month_weeks(y: int, m: int) -> list[date]:
    """Mondays of the weeks that belong to a month: those whose Thursday falls in it (the ISO rule)."""
    first = date(y, m, 1)
    monday = first - timedelta(days=first.weekday())
    if (monday + timedelta(days=3)).month != m:
        monday += timedelta(days=7)
    out = []
    while (monday + timedelta(days=3)).month == m:
        out.append(monday)
        monday += timedelta(days=7)
    return out


def _alt(words: Any) -> str:
    """A regex alternation of phrases, longest first; a space inside a phrase also matches a hyphen."""
    return trie_alternation((str(w) for w in words), r"[\s-]+", word_end=False)


# the word right after a mention, when only spaces stand between them
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z'-]*)")


def _key(s: str) -> str:
    return re.sub(r"[\s-]+", " ", s.lower().strip())


_RANGE_CONN = r"(?:-|–|—|~|to|till|until|through|thru|and)"
# how far back the words that qualify a date are looked for ("between now and", "three weeks after"):
# a window, so that a long paragraph costs time in proportion to its length
_LOOKBACK = 60


# patterns every match of which holds a month name, or a digit (checked by hand against each pattern's source,
# and by a test that reads the same mentions with and without the check)
_NEEDS_MONTH = frozenset({
    "y_mon_d", "d_mon_y", "mon_d_y", "mon_slash_d", "mdy", "dmy", "md_range", "dm_range", "dm_list", "md_list",
    "mm_range", "my", "my2", "my_rel", "ym", "dmy2", "my_words", "mdy_words", "dmy_words", "part_month", "month_ctx"})
_NEEDS_DIGIT = frozenset({
    "iso", "numeric", "compact", "md_num", "y_mon_d", "d_mon_y", "mon_d_y", "mon_slash_d", "my", "my2", "ym", "dmy2",
    "calendar_year", "part_year", "q_year", "year_q", "year_h", "h_year", "week_n", "decade", "year_ctx",
    "year_range", "ym_num", "my_num"})
_DIGIT = re.compile(r"\d")


class DateReader:
    """Finds and resolves date mentions; build once per lexicon (patterns compile here, once)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        cal = lex.calendar
        self.months = dict(lex.month_names)
        self.weekdays = dict(lex.weekday_names)
        self.full_months = {str(names[0]).lower() for names in cal["months"].values()}
        self.ordinals = {_key(k): int(v) for k, v in cal["day_ordinals"].items()}
        self.decade_words = {_key(k): int(v) for k, v in cal["decade_words"].items()}
        self.units = {_key(str(k)): dict(v) for k, v in cal["calendar_units"].items()}
        self.shift_words = {str(k).lower(): int(v) for k, v in cal["relative_shift"].items()}
        self.period_ordinals = {str(k).lower(): int(v) for k, v in cal["period_ordinals"].items()}
        nums = lex.numbers
        self.count_words: dict[str, int] = {_key(k): int(v) for k, v in cal["count_words"].items()}
        for k, v in {**nums["units"], **nums["tens"]}.items():
            self.count_words[_key(str(k))] = int(v)
        for t, tv in nums["tens"].items():
            for u, uv in nums["units"].items():
                if 0 < int(uv) < 10:
                    self.count_words[_key(f"{t} {u}")] = int(tv) + int(uv)
        self.number_words = {_key(str(k)): int(v) for k, v in {**nums["units"], **nums["tens"]}.items()}
        self.scale_words = {_key(str(k)): int(v) for k, v in nums["scales"].items()}
        yw = cal["year_words"]
        self.year_zero_words = {_key(str(w)) for w in yw["zero_words"]}
        self.year_joiners = {_key(str(w)) for w in yw["joiners"]}
        # cardinal day numbers in words ("January twenty five"): the count words up to 31
        self.day_cardinals = {k: v for k, v in self.count_words.items() if 1 <= v <= 31 and k.split()[0] in self.number_words}
        hol = cal["holidays"]
        self.holidays: dict[str, tuple[str, Any]] = {}
        for kind in ("fixed", "nth_weekday", "easter", "table"):
            for name, rule in hol[kind].items():
                self.holidays[_key(name)] = (kind, rule)
        for alias, name in hol["aliases"].items():
            self.holidays[_key(alias)] = self.holidays[_key(name)]
        self.other_calendar = re.compile(rf"\b(?:{_alt(hol['other_calendars'])})\s+$", re.IGNORECASE)
        self.holiday_not_before = re.compile(rf"\s+(?:{_alt(hol['not_before'])})\b", re.IGNORECASE)
        self.season_names = frozenset(_key(n) for n in hol.get("season_names", []))
        # a lower-case word after the name that is its head noun (a comma, a figure or a verb's "kills" may follow)
        self.season_head_after = re.compile(r"[ \t]+(?!(?:and|or|but|in|on|at|of|to|with|is|was|were|will|has|had)\b)"
                                            r"[a-z][a-z-]+\b")
        self.season_day_part_after = re.compile(rf"\s+(?:{_alt(hol.get('season_day_parts', []))})\b", re.IGNORECASE)

        months = _alt(self.months)
        full_months = _alt(n for n in self.months if len(n) > 3)
        wd_long = _alt(w for w in self.weekdays if len(w) > 3)
        wd_any = _alt(self.weekdays)
        ordw = _alt(self.ordinals)
        units = _alt(self.units)
        num = r"\d{1,3}|" + _alt(self.count_words)
        rel = _alt(self.shift_words)
        # only an abbreviation takes a dot: "Nov. 3", but "in mid-November." leaves the sentence its full stop
        abbreviations = _alt(n for n in self.months if n not in self.full_months)
        month_alt = rf"(?:{_alt(self.full_months)})(?![a-z])|(?:{abbreviations})(?![a-z])\.?"
        mon = rf"(?P<mon>{month_alt})"
        mon2 = rf"(?P<mon2>{month_alt})"
        dnum = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:%]|\.\d|[.,]\d{3})"

        def day(name: str) -> str:
            return rf"(?P<{name}>{dnum}|(?:{ordw})\b)"

        year = r"(?P<year>1[0-9]\d\d|20\d\d|21\d\d)(?![\d%])"
        year_tail = rf"(?:(?:\s*,\s*|\s+|\s+of\s+|\s+in\s+){year})?"
        zones = "|".join(sorted(cal["zones"], key=len, reverse=True))
        zone = _alt([*cal["zone_phrases"], *cal.get("named_zones", {}), *cal.get("seasonal_zones", {})]) \
            + r"|(?-i:" + zones + r")\b"
        time = (
            r"(?P<time>midnight|noon|midday|(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?m\.?)?|(?:1[0-2]|0?[1-9])\s*[ap]\.?m\.?"
            # four digits with no colon are a clock time only with a zone after them ("0117 GMT", "1324 UTC"),
            # never a city's ("killed 1200 in Lisbon" is a count)
            r"|(?<![\d.,:])(?:[01]\d|2[0-3])[0-5]\d(?=\s+(?:" + zone + r")))"
            r"(?:\s+(?P<zone>" + self._city_zone_pattern(cal) + "|" + zone + r"))?"
        )
        holidays = _alt(self.holidays)
        # "the last 3 months and 2 days ago" is a span and a day, not one count of time back
        not_after_rel = "".join(rf"(?<!\b{re.escape(w)}\s)" for w in self.shift_words)
        year_words = self._year_words_pattern(yw)
        follow = rf"(?=\s*(?:[,.;:!?)\]]|$)|\s+(?:{_alt(yw['followers'])})\b)"
        day_words = rf"(?P<day>{dnum}|(?:{_alt([*self.ordinals, *self.day_cardinals])})\b)"
        cy = _alt(cal["calendar_year_prefixes"])
        p = lambda rx: re.compile(rx, re.IGNORECASE)  # noqa: E731
        self.patterns: list[tuple[str, re.Pattern[str]]] = [
            ("iso", p(r"(?<![\d/.])(?P<y>1\d{3}|20\d\d)(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d]|[/.]\d)")),
            ("numeric", p(r"(?<![\d/.])(?<!\d-)(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?!\d|[/.-]\d)")),
            ("compact", p(r"(?<![\w.])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")),
            ("md_num", p(r"(?<![\w/.$€£¥-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/]|\.\d)")),
            ("y_mon_d", p(rf"\b(?P<y>\d{{4}})(?P<sep>[-/])(?P<mon>{months})(?P=sep)(?P<d>\d{{1,2}})\b")),
            ("d_mon_y", p(rf"\b(?P<d>\d{{1,2}})(?P<sep>[-/])(?P<mon>{months})(?P=sep)(?P<y>\d{{4}})\b")),
            ("mon_d_y", p(rf"\b(?P<mon>{months})(?P<sep>[-/])(?P<d>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})\b")),
            ("mon_slash_d", p(rf"\b(?P<mon>{months})/(?P<d>\d{{1,2}})(?![\d/])")),
            ("mdy", p(rf"(?<![$€£¥])\b{mon}(?:\s*|\s*,\s*(?=\d+(?:st|nd|rd|th))|\s+the\s+){day('day')}{year_tail}")),
            ("dmy", p(rf"(?<![$€£¥\d.,])(?<![$€£¥]\s)\b(?:the\s+)?(?:(?P<day>{dnum})\s+(?:of\s+)?|(?P<dayw>{ordw})\s+of\s+){mon}{year_tail}")),
            ("md_range", p(rf"(?:\b(?P<pre>from|between)\s+)?\b{mon}\s*(?:the\s+)?{day('d1')}\s*(?P<conn>{_RANGE_CONN})\s*(?:the\s+)?{day('d2')}(?!\s*(?:of\s+)?(?:{months})(?![a-z])|\s*[/:])(?:(?:\s*,\s*|\s+|\s+of\s+|\s+in\s+)(?P<year>1[0-9]\d\d|20\d\d|21\d\d)(?!\d))?")),
            ("dm_range", p(rf"(?:\b(?P<pre>from|between)\s+)?(?<![\d.,$€£¥])\b(?:the\s+)?{day('d1')}\s*(?P<conn>{_RANGE_CONN})\s*(?:the\s+)?{day('d2')}\s+(?:of\s+)?{mon}{year_tail}")),
            ("dm_list", p(rf"(?<![\d.,$€£¥])\b(?P<d1>{dnum})\s*(?:,|,?\s*and|&)\s*(?P<d2>{dnum})\s+(?:of\s+)?{mon}{year_tail}")),
            ("md_list", p(rf"\b{mon}\s+(?P<d1>{dnum})\s*(?:,|,?\s*and|&)\s*(?P<d2>{dnum})(?!\s*(?:of\s+)?(?:{months})(?![a-z])|\s*[/:])"
                          rf"(?:(?:\s*,\s*|\s+){year})?")),
            ("mm_range", p(rf"(?:\b(?P<pre>from|between)\s+)?\b{mon}\s*(?P<conn>{_RANGE_CONN})\s*{mon2}{year_tail}")),
            ("my", p(rf"\b{mon}(?:\s+of\s+|\s*[-/]\s*|\s*,\s*|\s+){year}")),
            ("my2", p(rf"\b(?P<mon>{full_months})(?:\s+of\s+['’]?|\s+['’])(?P<yy>\d\d)(?![\d%])")),
            # "in March last year", "May of next year": the month in the year the words name
            ("my_rel", p(rf"\b(?P<mon>{full_months})\s+(?:of\s+)?(?P<yrel>{rel})\s+year\b")),
            ("ym", p(rf"\b{year}\s+(?P<mon>{full_months})\b")),
            ("dmy2", p(rf"(?<![$€£¥\d.,])\b(?P<day>{dnum})\s+(?:of\s+)?(?P<mon>{full_months})(?:\s+of\s+['’]?|\s+['’])(?P<yy>\d\d)(?![\d%])")),
            ("year_words", p(rf"\b(?P<pre>{_alt(yw['prepositions'])})\s+(?P<yw>{year_words}){follow}")),
            ("my_words", p(rf"\b{mon}\s+(?:of\s+)?(?P<yw>{year_words}){follow}")),
            ("mdy_words", p(rf"\b{mon}\s+(?:the\s+)?{day_words}\s*,?\s+(?:of\s+)?(?P<yw>{year_words}){follow}")),
            ("dmy_words", p(rf"\b(?:the\s+)?{day_words}\s+(?:of\s+)?{mon}\s*,?\s+(?:of\s+)?(?P<yw>{year_words}){follow}")),
            ("calendar_year", p(rf"\b(?:{cy})\s?(?:(?P<year>1[0-9]\d\d|20\d\d)|(?P<yy>\d\d))(?![\w%])")),
            ("part_month", p(
                r"\b(?P<part>early|mid|late|the beginning of|the start of|the middle of|the end of)[\s-]+"
                + mon + rf"(?:,?\s+{year})?")),
            ("part_year", p(rf"\b(?P<part>early|mid|late|end(?=-)|(?:the\s+)?(?:beginning|start|middle|end)\s+of)[\s-]+{year}")),
            ("part_this", p(r"\b(?:the\s+)?(?P<part>end|start|beginning|middle)[\s-]+of\s+(?:the\s+)?(?P<span>year|month|week)\b")),
            ("half", p(rf"\b(?:the\s+)?(?P<ord>first|second|1st|2nd)\s+half\s+of\s+(?:{year}|(?:the\s+)?(?P<yrel>{rel}|the)\s+year)\b")),
            ("quarter", p(rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last)\s+quarter\s+of\s+(?:{year}|(?:the\s+)?(?P<yrel>{rel}|the)\s+year)\b")),
            ("q_year", p(rf"\bq(?P<q>[1-4])(?:\s*[-/]?\s*(?:of\s+)?{year})?\b")),
            ("year_q", p(rf"\b{year}\s*[-/]?\s*q(?P<q>[1-4])\b")),
            ("year_h", p(rf"\b{year}\s*-?\s*h(?P<h>[12])\b")),
            ("h_year", p(rf"\bh(?P<h>[12])\s*-?\s*{year}")),
            ("nth_week", p(rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last)\s+week\s+of\s+(?:{mon}(?:\s+{year})?|{year.replace('<year>', '<year2>')}|(?:the\s+)?(?P<yrel>{rel})\s+(?P<span>month|year))\b")),
            ("first_n", p(
                rf"\b(?:the\s+)?(?P<edge>first|last|final|opening|closing)\s+(?P<n>{num})\s+(?P<unit>days|weeks|months)\s+of\s+"
                rf"(?:{year}|(?:the\s+)?(?P<yrel>{rel})\s+year)\b")),
            ("nth_of", p(
                rf"\b(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ordw})\s+(?P<unit>day|month)\s+of\s+"
                rf"(?:{mon}|{year.replace('<year>', '<year2>')}|(?:the\s+)?(?P<yrel>{rel})\s+(?P<span>month|year))")),
            ("week_n", p(
                rf"\bweek\s+(?P<wk>\d{{1,2}})\s+of\s+(?:{year}|(?:the\s+)?(?P<yrel>{rel})\s+year)\b")),
            ("decade", p(r"\b(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<dec>1[0-9]\d0|20\d0)\s?['’]?s\b")),
            ("decade2", p(rf"(?:\bthe\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?:['’](?P<dd>\d0)s\b|\b(?P<dw>{_alt(self.decade_words)})\b)")),
            ("century", p(rf"\b(?:the\s+)?(?:(?P<c>\d{{1,2}})(?:st|nd|rd|th)|(?P<cw>{ordw}))[\s-]+century\b")),
            ("holiday", p(rf"\b(?P<wkof>(?:the\s+)?weekend\s+of\s+)?(?:(?P<rel>{rel})\s+)?(?P<hol>{holidays})(?![\w’'])"
                          rf"(?:\s+(?:of\s+)?{year})?(?P<wk>\s+weekend\b)?")),
            ("month_ctx", p(
                r"\b(?P<pre>in|since|by|from|until|till|through|during|last|this|next|early|late|of|before|after)\s+(?:early\s+|late\s+)?"
                + mon2 + r"(?!\s+\d)")),
            ("year_ctx", p(
                r"(?:\b(?P<pre>in|since|by|from|until|till|during|of|before|after|year|its|the|their|his|her|a|between|and|or|to|through|not)\s+|’s\s+|'s\s+|(?<=(?<![\d.,])\d{4}),\s+)"
                + year + r"(?!\s*(?:[-–]\s*\d|%|per\b|percent|people|troops|soldiers)|\s?['’]?s\b|[.,]\d)\b")),
            ("year_range", p(r"(?<![\d.,$€£¥])(?<!\d[-–/])\b(?P<y1>1[5-9]\d\d|20\d\d)\s*[-–/]\s*(?P<y2>\d{4}|\d{2})(?![\d%]|[-/]\w)")),
            ("ym_num", p(r"(?<![\w/.,-])(?P<y>1[5-9]\d\d|20\d\d)(?P<sep>[-/])(?P<m>0?[1-9]|1[0-2])(?![\w%]|[-/.,]\w)")),
            ("my_num", p(r"(?<![\w/.,$€£¥-])(?P<m>0[1-9]|1[0-2])(?P<sep>[-/])(?P<y>1[5-9]\d\d|20\d\d)(?![\w%]|[-/.,]\w)")),
            ("dom", p(rf"(?:\bon\s+|(?<=\bof\s))the\s+(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|(?:{ordw})\b)"
                     r"(?=\s*(?:[,;:!?)]|\.(?!\d)|$)|\s+(?:at|and|or|to|till|until|through)\b)")),
            ("wd_dom", p(rf"\b(?:on\s+)?(?P<wd>{wd_any})\.?,?\s+(?:the\s+)?{day('day')}"
                        r"(?=\s*(?:[,;:!?)]|\.(?!\d)|$)|\s+(?:at|in|and|or|from|to|till|until|through)\b)")),
            ("wd_week", p(
                rf"\b(?:(?:on\s+)?(?P<wd>{wd_long})\s+of\s+(?:the\s+)?(?P<rel>{rel})\s+week"
                rf"|(?P<rel2>{rel})\s+week['’]?s?\s*[-,]?\s*(?:on\s+)?(?P<wd2>{wd_long}))\b")),
            ("weekday", p(
                rf"\b(?:(?P<rel>{rel}|on|late on|early on|late|early)\s+)?"
                r"(?:(?P<hours>the early hours of|the morning of|the night of|the evening of)\s+)?"
                rf"(?P<wd>{wd_long})(?P<poss>['’]s)?(?:\s+(?P<part>morning|afternoon|evening|night))?\b")),
            ("relative_day", phrase_pattern(list(cal["relative_days"]))),
            ("name", phrase_pattern(list(cal["names_not_dates"]))),
            ("relative_span", p(
                r"\b(?P<which>(?:(?:the\s+)?(?P<part>end|start|beginning|middle)\s+of\s+|(?P<part2>early|late|mid)[\s-]+)?(?:the\s+)?"
                rf"(?P<rel>{rel}|earlier\s+this|later\s+this|earlier\s+in\s+the|later\s+in\s+the|so\s+far\s+this|same|the))\s+"
                r"(?:calendar\s+)?(?P<span>week|month|year|weekend|quarter|decade|fortnight|working\s+week|work\s*week)\b(?P<after>\s+after\s+next)?")),
            ("year_to_date", p(r"\b(?:the\s+)?(?:year|month)[\s-]+to[\s-]+date\b|\bso\s+far\s+this\s+(?:year|month)\b")),
            ("count_span", p(
                rf"\b(?:the\s+|a\s+)?(?:(?P<rel>{rel})\s+(?P<n>{num})|(?P<n2>{num})\s+(?P<rel2>{rel}))\s+(?P<unit>{units})\b")),
            ("shift_now", p(
                rf"{not_after_rel}\b(?P<n>{num})\s+(?P<unit>{units})(?P<more>(?:\s*,?\s+(?:and\s+)?(?:{num})\s+(?:{units}))*)"
                rf"(?:['’]s?\s+time)?\s+(?P<dir>from\s+now|hence|ago|from\s+today)\b(?P<anniversary>\s+today\b)?"
                rf"|\bin\s+(?P<n2>{num})\s+(?P<unit2>{units})(?P<time2>['’]s?\s+time)?\b")),
            ("within", p(
                rf"\bwithin\s+(?:the\s+)?(?:(?P<rel>{rel})\s+)?(?P<n>{num})\s+(?P<unit>{units})\b")),
            ("time", p(r"\b(?:at\s+|from\s+|by\s+)?" + time)),
        ]
        # Most patterns cannot match a sentence with no digit, or with no month name: each is tried only where
        # what it needs is there (58 patterns over every sentence were a third of extraction's time).
        self.month_re = re.compile(rf"\b(?:{months})(?![a-z])", re.IGNORECASE)
        self.needs: dict[str, str] = {kind: "month" for kind in _NEEDS_MONTH} | {kind: "digit" for kind in _NEEDS_DIGIT} \
            | {kind: "both" for kind in _NEEDS_MONTH & _NEEDS_DIGIT}
        # a date joined to the next date: "from X to Y", "between X and Y", "X - Y"
        self.range_gap = re.compile(rf"^\s*(?P<conn>{_RANGE_CONN})\s*(?:the\s+)?$", re.IGNORECASE)
        self.range_pre = re.compile(r"(?:\b(?P<pre>from|between|in)\s+(?:the\s+)?)$", re.IGNORECASE)
        self.to_now = re.compile(r"\s*(?:to|till|until|through|and)\s+(?:date|now|the\s+present|current\s+date)\b", re.IGNORECASE)
        self.now_and = re.compile(r"\bbetween\s+now\s+and\s+$", re.IGNORECASE)
        self.week_of = re.compile(r"(?:\b(?:the\s+)?week\s+(?:of|beginning|starting|commencing)(?:\s+on)?|\bw/c)\s*$", re.IGNORECASE)
        # a span counted from the date that follows: "for three days starting Monday", "a week from tomorrow"
        # is a point, so a bare "from" needs the "for" of a duration ("for two weeks from 1 May")
        self.duration_from = re.compile(
            rf"\b(?:(?P<for>for)\s+)?(?:the\s+)?(?P<n>{num})\s+(?P<unit>{units})\s*,?\s+"
            rf"(?P<conn>(?:starting|beginning|commencing)(?:\s+(?:from|on))?|from|as\s+of)\s+$", re.IGNORECASE)
        self.duration_for = re.compile(r"\bfor\s+(?:the\s+)?$", re.IGNORECASE)
        self.shift_before = re.compile(
            rf"\b(?P<n>{num})\s+(?P<unit>{units})\s+(?P<dir>after|before|from)\s+$", re.IGNORECASE)
        # one part of "two years and three months"
        self.count_unit = re.compile(rf"\b(?P<n>{num})\s+(?P<unit>{units})\b", re.IGNORECASE)
        self.future = phrase_pattern(cal["future_markers"])
        self.past = phrase_pattern(cal["past_markers"])
        self.midnight_side = re.compile(r"\b(?:" + "|".join(map(re.escape, cal["midnight_sides"])) + r")\s+$",
                                        re.IGNORECASE)
        self.future_adjacent = re.compile(
            r"(?:" + phrase_pattern(cal["future_markers_adjacent"]).pattern + r")(?:\s+(?:on|the|this|next))?\s*$", re.IGNORECASE)
        self.month_parts = cal["month_parts"]
        self.relative_days = {_key(k): int(v) for k, v in cal["relative_days"].items()}
        self.adjective_relative_days = {_key(k): {_key(w) for w in v}
                                        for k, v in cal.get("adjective_relative_days", {}).items()}
        self.adverb_followers = {_key(w) for w in cal.get("adverb_followers", [])}
        self.relative_days_future = {_key(k): int(v) for k, v in cal.get("relative_days_future", {}).items()}
        self.date_preps = re.compile(
            rf"(?:\b(?:on|from|to|until|till|through|between|since|by|before|after|and|or|this|next|last|{wd_long})|,|-|–)\s*$",
            re.IGNORECASE)
        self.year_shift = re.compile(rf"\b(?P<rel>{rel})\s+$", re.IGNORECASE)
        self.may_context = re.compile(r"\b(?:in|on|since|until|by|from|of|early|late|mid)\s*$", re.IGNORECASE)
        self.md_range_next = re.compile(r"\s*(?:[-–]|to\b|till\b|until\b)\s*\d{1,2}/\d", re.IGNORECASE)
        self._resolvers: dict[str, Callable[[re.Match[str], str, date | None], DateMention | None]] = {
            name[len("_r_"):]: getattr(self, name) for name in dir(self) if name.startswith("_r_")
        }

    @staticmethod
    def _city_zone_pattern(cal: dict[str, Any]) -> str:
        """A city of the IANA database tied to a clock time: "in Lisbon" (not "in Lisbon Harbour", another
        place) or "Lisbon time"; the city in its own capitals."""
        # (in its own capitals: the lexicon's alternations fold case)
        cities = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(city_zone_names(cal), key=len, reverse=True))
        before = _alt(cal.get("city_zone_before", []))
        after = _alt(cal.get("city_zone_after", []))
        return rf"(?:{before})\s+(?-i:(?:{cities})(?![\w'’-]|\s+[A-Z]))|(?-i:(?:{cities}))\s+(?:{after})\b"

    def _year_words_pattern(self, yw: dict[str, Any]) -> str:
        """A year said in words: a century word and the rest ("nineteen ninety-six", "seventeen hundred
        thirty-three", "nineteen oh five"), or "two thousand [and] fifteen". Atomic, so that a longer
        reading that fails its context is not cut down to a shorter one ("in two thousand and five hundred")."""
        def by_value(lo: int, hi: int) -> str:
            return _alt(w for w, v in self.number_words.items() if lo <= v <= hi)

        digit, teen = by_value(1, 9), by_value(10, 19)
        tens = _alt(w for w, v in self.number_words.items() if v >= 20 and v % 10 == 0)
        twenty = by_value(20, 20)
        two_digits = rf"(?:(?:{tens})(?:[\s-]+(?:{digit}))?|{teen})"
        rest = rf"(?:{two_digits}|{digit})"
        joiner = rf"(?:\s+(?:{_alt(yw['joiners'])}))?"
        hundred = _alt(w for w, v in self.scale_words.items() if v == 100)
        thousand = _alt(w for w, v in self.scale_words.items() if v == 1000)
        zero = _alt(yw["zero_words"])
        century = rf"(?:{teen}|{twenty})"
        return (rf"(?>{century}[\s-]+(?:{hundred}(?:{joiner}[\s-]+{rest})?|(?:{zero})[\s-]+(?:{digit})|{two_digits})"
                rf"|{by_value(1, 2)}[\s-]+{thousand}(?:{joiner}[\s-]+{rest})?)(?![\w-])")

    def _year_from_words(self, words: str) -> int:
        """The year that _year_words_pattern matched: the first word counts hundreds (or thousands) and the rest adds."""
        toks = [t for t in re.split(r"[\s-]+", words.lower()) if t and t not in self.year_joiners]
        head, rest = self.number_words[toks[0]], toks[1:]
        scale = self.scale_words.get(rest[0], 100) if rest else 100
        if rest and rest[0] in self.scale_words:
            rest = rest[1:]
        return head * scale + sum(0 if t in self.year_zero_words else self.number_words[t] for t in rest)

    # ------------------------------------------------------------------
    def read(self, text: str, offset: int, reference: date | None) -> list[DateMention]:
        found: list[tuple[int, int, str, re.Match[str]]] = []
        has = {"digit": _DIGIT.search(text) is not None, "month": self.month_re.search(text) is not None}
        has["both"] = has["digit"] and has["month"]
        for kind, pat in self.patterns:
            need = self.needs.get(kind)
            if need is not None and not has[need]:
                continue
            for m in pat.finditer(text):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), kind, m))
        # longest first (a leading preposition does not count), then earliest; drop overlaps; a match that
        # does not resolve gives way to the next
        found.sort(key=lambda f: (-(f[1] - self._core_start(f[2], f[3])), f[0]))
        chosen: list[tuple[int, int, str, re.Match[str] | None, DateMention | None]] = []
        taken = bytearray(len(text) + 1)  # characters already read as part of a date: overlaps cost O(span)

        def take(s: int, e: int, kind: str, m: re.Match[str] | None, dm: DateMention | None) -> None:
            chosen.append((s, e, kind, m, dm))
            taken[s:e] = b"\x01" * (e - s)

        for s, e, kind, m in found:
            if taken.find(1, s, e) != -1:
                continue
            if kind == "time":
                if self._bare_decimal(m):
                    continue
                take(s, e, kind, m, None)
                continue
            dm = self._resolve(kind, m, text, reference)
            if dm == []:
                take(s, e, kind, None, None)  # a name, not a date: nothing inside it is one either
                continue
            if isinstance(dm, list):
                for d in dm:
                    take(d.start, d.end, kind, None, d)
                continue
            if dm is None:
                continue
            take(s, e, kind, m, dm)
        chosen.sort(key=lambda f: f[0])
        mentions: list[DateMention] = [c[4] for c in chosen if c[4] is not None]
        mentions = self._compose(mentions, text, reference)
        for s, e, kind, m, _ in chosen:
            if kind == "time" and m is not None:
                self._attach_time(s, e, m, text, reference, mentions)
        mentions.sort(key=lambda d: d.start)
        for d in mentions:
            if text[d.end - 1:d.end] == "." and (text[max(0, d.end - 16):d.end - 1].split() or [""])[-1].lower() \
                    in self.full_months:
                d.end -= 1  # "in November." ends the sentence; "Nov." is an abbreviation
            d.text = text[d.start:d.end]
            d.start += offset
            d.end += offset
        return self._drop_restatements(mentions, text, offset)

    @staticmethod
    def _bare_decimal(m: re.Match[str]) -> bool:
        """"8.10" is a clock time only with "at"/"from"/"by", a.m./p.m. or a zone: alone it is a decimal
        ("£8.10 million in October 2014" dates nothing but October)."""
        t = m.group("time")
        return "." in t and not re.search(r"[ap]\.?m", t, re.IGNORECASE) and not m.group("zone") and m.start() == m.start("time")

    @staticmethod
    def _core_start(kind: str, m: re.Match[str]) -> int:
        group = {"year_ctx": "year", "month_ctx": "mon2", "year_words": "yw"}.get(kind)
        return m.start(group) if group else m.start()

    @staticmethod
    def _drop_restatements(mentions: list[DateMention], text: str, offset: int) -> list[DateMention]:
        """A date in brackets right after another restates it in another zone or form: "(22:01 GMT)"."""
        kept: list[DateMention] = []
        for d in mentions:
            before = text[max(0, d.start - offset - 8):d.start - offset].rstrip()
            shared_day = ")" in text[d.start - offset:d.end - offset]
            no_day = d.role_hint == kept[-1].role_hint == "bare_time" if kept else False
            if kept and before.endswith("(") and d.start - kept[-1].end <= 24 and not (
                    (shared_day or no_day) and d.time and kept[-1].time and d.zone != kept[-1].zone):
                # (but two times of one day written after both, "6am local time (5pm GMT) on Friday", are two
                # statements of that day, as are two with no day, "at 6am local time (5pm GMT)"; "(22:01 GMT
                # on Thursday)" restates the date before it whole)
                continue
            kept.append(d)
        return kept

    def _is_future(self, text: str, pos: int) -> bool:
        window = text[max(0, pos - 60):pos]
        if self.future.search(window):
            return True
        return self.future_adjacent.search(window) is not None and self.past.search(window) is None

    # ---- composition of adjacent mentions -----------------------------------------------
    def _compose(self, ms: list[DateMention], text: str, ref: date | None) -> list[DateMention]:
        """Joins what one mention alone cannot say: weekday + date, "week of" + date, shifts, ranges."""
        out: list[DateMention] = []
        for d in ms:
            span = self.duration_from.search(text, max(0, d.start - _LOOKBACK), d.start)
            if span and not span["for"] and span["conn"].lower() == "from":
                span = None
            if span and d.first and d.first == d.last:
                d.start, d.last = span.start("n"), self._span_end(d.first, _key(span["unit"]), self._count(span["n"]))
            w = None if span else self.week_of.search(text, max(0, d.start - _LOOKBACK), d.start)
            if w and d.first and d.first == d.last:
                monday = d.first - timedelta(days=d.first.weekday())
                d.start, d.first, d.last = w.start(), monday, monday + timedelta(days=6)
            shift = self.shift_before.search(text, max(0, d.start - _LOOKBACK), d.start)
            if shift and d.first and d.first == d.last:
                # "three weeks after Christmas", "16 days from 01/02/2018": counted from the date that follows
                sign = -1 if shift["dir"].lower() == "before" else 1
                day = _shift(d.first, self.units[_key(shift["unit"])], sign * self._count(shift["n"]))
                d.start, d.first, d.last, d.role_hint = shift.start(), day, day, "shift"
            prev = out[-1] if out else None
            gap = text[prev.end:d.start] if prev else ""
            if prev and prev.role_hint == "weekday" and d.role_hint != "weekday" and d.first and d.first == d.last \
                    and re.fullmatch(r"\s*,?\s*(?:the\s+)?", gap, re.IGNORECASE):
                # "Thursday, March 5": the written date says which Thursday; a counted one ("Monday two weeks
                # from now") says which week, and the weekday is the day of it
                day = _in_week_of(d.first, prev.first) if d.role_hint == "shift" and prev.first else d.first
                prev.end, prev.first, prev.last, prev.relative = d.end, day, day, d.relative
                prev.role_hint, prev.year_given = None, d.year_given
                continue
            if prev and prev.role_hint == "shift" and d.role_hint == "weekday" and prev.first and d.first \
                    and re.fullmatch(r"\s*,?\s*", gap) and re.match(r"on\s", text[d.start:d.end], re.IGNORECASE):
                # "in three days on Friday", "two months from today on Tuesday": that weekday of the counted week
                prev.end, prev.first = d.end, _in_week_of(prev.first, d.first)
                prev.last, prev.role_hint = prev.first, None
                continue
            if prev and prev.first is None and prev.month_day and d.first and d.year_given \
                    and self._joins(prev, d, text):
                # "Nov 28-Dec 2, 2019": the year written at the end is the first date's too
                y = d.first.year if prev.month_day <= (d.first.month, d.first.day) else d.first.year - 1
                prev.first = prev.last = date(y, *prev.month_day)
                prev.year_given, prev.note, prev.relative = True, None, False
            if prev and prev.first and d.first and self._joins(prev, d, text):
                first, last = prev.first, d.last
                assert last is not None
                if not prev.year_given and d.year_given and prev.first.year != d.first.year:
                    first = _with_year(prev.first, d.first.year)
                    if first > d.first:
                        first = _with_year(prev.first, d.first.year - 1)
                elif prev.year_given and not d.year_given and last < first:
                    last = _with_year(last, first.year)
                    if last < first:
                        last = _with_year(last, first.year + 1)
                elif not d.year_given and last < first:
                    last = _with_year(last, last.year + 1)
                elif d.role_hint == "weekday" and prev.role_hint == "weekday" and last < first:
                    last += timedelta(days=7 * ((first - last).days // 7 + 1))  # "from Monday to Friday": that week
                if first <= last:
                    pre = self.range_pre.search(text, max(0, prev.start - _LOOKBACK), prev.start)
                    start = pre.start() if pre else prev.start
                    out[-1] = DateMention(start, d.end, "", first, last, prev.relative or d.relative,
                                          year_given=prev.year_given or d.year_given)
                    continue
            out.append(d)
        for d in out:
            if d.first is None or ref is None:
                continue
            after = self.to_now.match(text, d.end)
            if after and d.first <= ref:
                pre = self.range_pre.search(text, max(0, d.start - _LOOKBACK), d.start)
                d.start = pre.start() if pre else d.start
                # "to date", "until now": up to the day before the report, as "earlier this year" is
                d.end, d.last = after.end(), max(d.first, ref - timedelta(days=1))
            now = self.now_and.search(text, max(0, d.start - _LOOKBACK), d.start)
            if now and d.last:
                if d.last < ref and not d.year_given and d.first == d.last:
                    d.first = d.last = _with_year(d.last, d.last.year + 1)  # "between now and November 15th" lies ahead
                if d.last >= ref:
                    d.start, d.first = now.start(), ref
        return out

    def _span_end(self, first: date, unitname: str, n: int) -> date:
        """The last day of n units that start on first: three days from Monday run to Wednesday."""
        unit = self.units[unitname]
        if "hours" in unit:
            return _shift(first, unit, n)
        if "business_days" in unit:
            return _shift(first, unit, n - 1) if first.weekday() < 5 else _shift(first, unit, n)
        return max(first, _shift(first, unit, n) - timedelta(days=1))

    def _joins(self, a: DateMention, b: DateMention, text: str) -> bool:
        gap = self.range_gap.match(text[a.end:b.start])
        if gap is None:
            return False
        conn = gap["conn"].lower()
        pre = self.range_pre.search(text, max(0, a.start - _LOOKBACK), a.start)
        if conn == "and" and not (pre and pre["pre"].lower() == "between"):
            return False
        if conn in "-–—~/" and not pre and re.fullmatch(r"\d{4}", text[a.start:a.end]) \
                and re.fullmatch(r"\d{2,4}", text[b.start:b.end]):
            return False  # a bare "2009-2010" names two years (as TimeML codes it)
        return True

    # ---- times of day -------------------------------------------------------------------------
    def _attach_time(self, s: int, e: int, m: re.Match[str], text: str, reference: date | None,
                     mentions: list[DateMention]) -> None:
        """A time of day joins the date beside it; "midnight" alone names the coming midnight."""
        t = m.group("time").lower()
        # "on March 5 at 10:00", and across one verb: "the fire of March 5 started at 6:30 a.m."
        # (a clock time with no day of its own joins no other)
        near = [d for d in mentions if d.role_hint != "bare_time" and (
            (0 <= d.start - e <= 12) or (0 <= s - d.end <= 4) or (
                0 <= s - d.end <= 16 and m.group().lower().startswith("at ")
                and re.fullmatch(r"\s+[a-z]+(?:\s+out)?\s+", text[d.end:s]) is not None))]
        if near:
            d = near[0]
            d.start = min(d.start, s)
            d.end = max(d.end, e)
            d.time = t
            d.zone = m.group("zone")
            if t == "midnight" and d.first and d.first == d.last and d.role_hint == "weekday" and reference is not None \
                    and not self.midnight_side.search(text, max(0, s - 12), s):
                # "midnight Thursday" is the midnight that ends Thursday, the day that starts there is the
                # value; in a Thursday report "midnight Friday" names that same coming midnight (CODING.md 2)
                if d.first < reference - timedelta(days=1):
                    d.first = d.last = d.first + timedelta(days=7)  # a midnight is ahead, not most of a week back
                if d.first <= reference:
                    d.first = d.last = d.first + timedelta(days=1)
            return
        restated = re.match(r"\s*\([^()]{1,30}\)\s*", text[e:])
        ahead = [d for d in mentions if restated and 0 <= d.start - e - restated.end() <= 12 and d.first == d.last]
        if ahead and t not in ("midnight", "noon", "midday"):
            # "at 6.37am local time (5.37pm BST) on Tuesday": the time before the brackets is of that day too,
            # a statement of its own beside the one in brackets
            mentions.append(DateMention(s, e, "", ahead[0].first, ahead[0].last, ahead[0].relative, time=t,
                                        zone=m.group("zone")))
            return
        if t not in ("midnight", "noon", "midday") and (":" in t or re.search(r"[ap]\.?m", t) or m.group("zone")) \
                and not self._is_future(text, s):
            # "it happened at 7.20pm": a clock time of a day the words leave to what the report said before
            mentions.append(DateMention(s, e, "", None, None, True, "clock time with no day", role_hint="bare_time",
                                        time=t, zone=m.group("zone")))
            return
        if t == "midnight":
            if reference is None:
                mentions.append(DateMention(s, e, "", None, None, True, "midnight with no publication date"))
            else:
                nxt = reference + timedelta(days=1)
                mentions.append(DateMention(s, e, "", nxt, nxt, True, time="midnight"))

    # ---- resolving one match --------------------------------------------------------------
    def _resolve(self, kind: str, m: re.Match[str], text: str, ref: date | None) -> Any:
        try:
            return self._resolvers[kind](m, text, ref)
        except (ValueError, KeyError, OverflowError):
            return None

    @staticmethod
    def _mk(m: re.Match[str], a: date | None, b: date | None, rel: bool = False, year_given: bool = True,
            start: int | None = None) -> DateMention:
        return DateMention(m.start() if start is None else start, m.end(), "", a, b, rel, year_given=year_given)

    @staticmethod
    def _unresolved(m: re.Match[str]) -> DateMention:
        return DateMention(m.start(), m.end(), "", None, None, True, "relative date: no publication date to resolve it")

    def _month(self, word: str) -> int:
        return self.months[word.lower().rstrip(".")]

    def _day(self, word: str) -> int:
        w = _key(word)
        if w in self.ordinals:
            return self.ordinals[w]
        if w in self.day_cardinals:
            return self.day_cardinals[w]
        return int(re.sub(r"\D", "", w))

    def _count(self, word: str) -> int:
        w = _key(word)
        return int(w) if w.isdigit() else self.count_words[w]

    def _month_ok(self, m: re.Match[str], group: str, text: str, year_written: bool) -> bool:
        """Abbreviations and lower-case "may" are months only where a date plainly stands."""
        word = m[group]
        low = word.lower().rstrip(".")
        if low == "may" and not year_written and word[0].islower():
            return bool(self.may_context.search(text, max(0, m.start(group) - _LOOKBACK), m.start(group)))
        return True

    def _day_of(self, m: re.Match[str], text: str, ref: date | None, month: int, dayn: int, y: str | None
                ) -> DateMention | None:
        if y:
            d = date(int(y), month, dayn)
            return self._mk(m, d, d)
        if not 1 <= dayn <= 31 or dayn > _calendar.monthrange(2000, month)[1]:
            return None
        if ref is None:
            found = self._unresolved(m)
            found.month_day = (month, dayn)
            return found
        shift = self.year_shift.search(text, max(0, m.start() - _LOOKBACK), m.start())
        if shift and self.shift_words[shift["rel"].lower()] > 0:  # "next 6th of April": the first one after today
            d = date(ref.year if (month, dayn) > (ref.month, ref.day) else ref.year + 1, month, 1)
        elif shift and self.shift_words[shift["rel"].lower()] < 0:
            d = date(ref.year if (month, dayn) < (ref.month, ref.day) else ref.year - 1, month, 1)
        elif shift:
            d = date(ref.year, month, 1)
        else:
            d = self._nearest_year(ref, month, dayn, self._is_future(text, m.start()))
        if dayn > _calendar.monthrange(d.year, month)[1]:
            if not shift and month == 2 and dayn == 29:  # "Feb 29": the leap year nearest the report
                d = min((date(y, 2, 1) for y in range(ref.year - 4, ref.year + 5) if _calendar.isleap(y)),
                        key=lambda c: abs((c - ref).days))
            else:
                return None
        d = d.replace(day=dayn)
        return self._mk(m, d, d, True, year_given=False)

    def _r_iso(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
        return self._mk(m, d, d)

    def _r_numeric(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        a, b, y = int(m["a"]), int(m["b"]), m["y"]
        if len(y) == 2:
            yy = int(y)
            y = str(2000 + yy if ref is None or 2000 + yy <= ref.year + 20 else 1900 + yy)
        # day first where the first number cannot be a month, or with dots (European style); else US month/day
        month, dayn = (b, a) if a > 12 or m["sep"] == "." else (a, b)
        d = date(int(y), month, dayn)
        return self._mk(m, d, d)

    def _r_compact(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
        return self._mk(m, d, d)

    def _r_md_num(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        """"on 11/20", "from 10/1 to 11/7": a month/day only where a date plainly stands."""
        a, b = int(m["a"]), int(m["b"])
        before = text[max(0, m.start() - _LOOKBACK):m.start()]
        after = text[m.end():m.end() + _LOOKBACK]
        # alone, "3/4" is a fraction as often as a day
        if not (self.date_preps.search(before) or self.md_range_next.match(after)):
            return None
        month, dayn = (b, a) if a > 12 else (a, b)
        if not 1 <= month <= 12:
            return None
        return self._day_of(m, text, ref, month, dayn, None)

    def _r_y_mon_d(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        d = date(int(m["y"]), self._month(m["mon"]), int(m["d"]))
        return self._mk(m, d, d)

    _r_d_mon_y = _r_y_mon_d
    _r_mon_d_y = _r_y_mon_d

    def _r_mon_slash_d(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        return self._day_of(m, text, ref, self._month(m["mon"]), int(m["d"]), None)

    def _r_mdy(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        if not self._month_ok(m, "mon", text, bool(m["year"])):
            return None
        if m["mon"].islower() and len(m["mon"]) <= 4 and not m["year"] and not re.search(r"\d", m["day"]):
            return None
        month, dayn = self._month(m["mon"]), self._day(m["day"])
        if self._impossible(m, text, month, dayn):
            return DateMention(m.start(), m.end(), "", None, None, note="no such day")
        return self._day_of(m, text, ref, month, dayn, m["year"])

    def _r_dmy(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        if not self._month_ok(m, "mon", text, bool(m["year"])):
            return None
        month, dayn = self._month(m["mon"]), self._day(m["day"] or m["dayw"])
        if self._impossible(m, text, month, dayn):
            return DateMention(m.start(), m.end(), "", None, None, note="no such day")
        return self._day_of(m, text, ref, month, dayn, m["year"])

    @staticmethod
    def _impossible(m: re.Match[str], text: str, month: int, dayn: int) -> bool:
        """"Feb 30", "31 April 2019": written as a date, but no such day; kept unresolved, so that its number is
        not read as a count. Only where the date ends the phrase: in "In February 30 people died" it is one."""
        y = int(m["year"]) if m["year"] else 2000  # a leap year: "Feb 29" with no year may exist
        if dayn <= _calendar.monthrange(y, month)[1]:
            return False
        return re.match(r"\s*(?:[,.;:!?)]|$)", text[m.end():]) is not None

    def _range_ok(self, m: re.Match[str]) -> bool:
        return m["conn"].lower() != "and" or (m["pre"] or "").lower() == "between"

    def _year_for(self, m: re.Match[str], text: str, ref: date | None, month: int, dayn: int) -> tuple[int, bool] | None:
        if m["year"]:
            return int(m["year"]), True
        if ref is None:
            return None
        return self._nearest_year(ref, month, dayn, self._is_future(text, m.start())).year, False

    def _r_md_range(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        if not self._range_ok(m) or not self._month_ok(m, "mon", text, bool(m["year"])):
            return None
        month, d1, d2 = self._month(m["mon"]), self._day(m["d1"]), self._day(m["d2"])
        yy = self._year_for(m, text, ref, month, d1)
        if yy is None:
            return self._unresolved(m)
        a = date(yy[0], month, d1)
        b = date(yy[0], month, d2) if d2 >= d1 else _add_months(date(yy[0], month, d2), 1)  # "April 27 to the 3rd"
        return self._mk(m, a, b, not yy[1], yy[1])

    def _r_dm_range(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        if not self._range_ok(m) or not self._month_ok(m, "mon", text, bool(m["year"])):
            return None
        month, d1, d2 = self._month(m["mon"]), self._day(m["d1"]), self._day(m["d2"])
        if d1 > d2:
            return None
        yy = self._year_for(m, text, ref, month, d1)
        if yy is None:
            return self._unresolved(m)
        return self._mk(m, date(yy[0], month, d1), date(yy[0], month, d2), not yy[1], yy[1])

    def _r_dm_list(self, m: re.Match[str], text: str, ref: date | None) -> list[DateMention] | None:
        """"on 10 and 11 September", "March 3 and 4": each day of the list is a date of its own."""
        if not self._month_ok(m, "mon", text, bool(m["year"])):
            return None
        month = self._month(m["mon"])
        a = self._day_of(m, text, ref, month, self._day(m["d1"]), m["year"])
        b = self._day_of(m, text, ref, month, self._day(m["d2"]), m["year"])
        if a is None or b is None:
            return None
        # the first runs to its own day, the second from its day to the end (month and year it shares)
        a.start, a.end, b.start, b.end = m.start(), m.end("d1"), m.start("d2"), m.end()
        return [a, b]

    _r_md_list = _r_dm_list

    def _r_mm_range(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        if not self._range_ok(m):
            return None
        for g in ("mon", "mon2"):
            if m[g].lower().rstrip(".") == "may" and m[g][0].islower() and not m["year"]:
                return None
            if len(m[g].rstrip(".")) <= 3 and m[g][0].islower() and not m["year"]:
                return None
        if not m["pre"] and not m["year"] and m["conn"] not in ("-", "–"):
            if not all(len(m[g].rstrip(".")) > 3 for g in ("mon", "mon2")):
                return None
        m1, m2 = self._month(m["mon"]), self._month(m["mon2"])
        if m["year"]:
            y2 = int(m["year"])
            y1 = y2 if m1 <= m2 else y2 - 1
            return self._mk(m, date(y1, m1, 1), _month_end(y2, m2))
        if ref is None:
            return self._unresolved(m)
        y1 = self._nearest_year(ref, m1, 15, self._is_future(text, m.start()), month_only=True).year
        y2 = y1 if m2 >= m1 else y1 + 1
        return self._mk(m, date(y1, m1, 1), _month_end(y2, m2), True, year_given=False)

    def _r_my(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        sep = text[m.end("mon"):m.start("year")]
        if m["mon"].lower().rstrip(".") == "may" and m["mon"][0].islower() and sep.strip():
            return None
        month, y = self._month(m["mon"]), int(m["year"])
        return self._mk(m, date(y, month, 1), _month_end(y, month))

    def _r_my_rel(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        if ref is None:
            return self._unresolved(m)
        y, month = ref.year + self.shift_words[m["yrel"].lower()], self._month(m["mon"])
        return self._mk(m, date(y, month, 1), _month_end(y, month), rel=True)

    def _r_my2(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        yy = int(m["yy"])
        y = 2000 + yy if ref is not None and 2000 + yy <= ref.year else 1900 + yy
        month = self._month(m["mon"])
        return self._mk(m, date(y, month, 1), _month_end(y, month))

    def _r_ym(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        if m["mon"].lower() == "may" and m["mon"][0].islower():
            return None
        y, month = int(m["year"]), self._month(m["mon"])
        return self._mk(m, date(y, month, 1), _month_end(y, month))

    def _r_part_month(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        month = self._month(m["mon"])
        if m["year"]:
            y = int(m["year"])
        elif ref is None:
            return self._unresolved(m)
        else:
            y = self._nearest_year(ref, month, 15, self._is_future(text, m.start())).year
        part = self.month_parts[_key(m["part"])]
        first = date(y, month, int(part[0]))
        last = _month_end(y, month) if part[1] == "end" else date(y, month, int(part[1]))
        return self._mk(m, first, last, not m["year"], bool(m["year"]))

    _YEAR_PARTS = {"early": (1, 4), "beginning": (1, 4), "start": (1, 4), "mid": (5, 8), "middle": (5, 8),
                   "late": (9, 12), "end": (9, 12)}

    def _r_part_year(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        y = int(m["year"])
        word = _key(m["part"]).replace("the ", "").split()[0]
        a, b = self._YEAR_PARTS[word]
        return self._mk(m, date(y, a, 1), _month_end(y, b))

    def _year_of(self, m: re.Match[str], ref: date | None) -> int | None:
        if m["year"]:
            return int(m["year"])
        if ref is None:
            return None
        rel = (m["yrel"] or "this").lower()
        return ref.year + (0 if rel == "the" else self.shift_words[rel])

    def _r_half(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        y = self._year_of(m, ref)
        if y is None:
            return self._unresolved(m)
        h = self.period_ordinals[m["ord"].lower()]
        return self._mk(m, date(y, 6 * h - 5, 1), _month_end(y, 6 * h), not m["year"])

    def _r_quarter(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        y = self._year_of(m, ref)
        if y is None:
            return self._unresolved(m)
        q = self.period_ordinals[m["ord"].lower()]
        q = 4 if q == -1 else q
        return self._mk(m, date(y, 3 * q - 2, 1), _month_end(y, 3 * q), not m["year"])

    def _r_q_year(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        q = int(m["q"])
        if m["year"]:
            y = int(m["year"])
        elif ref is None:
            return self._unresolved(m)
        else:
            current = (ref.month - 1) // 3 + 1
            y = ref.year if q <= current or self._is_future(text, m.start()) else ref.year - 1
        return self._mk(m, date(y, 3 * q - 2, 1), _month_end(y, 3 * q), not m["year"], bool(m["year"]))

    _r_year_q = _r_q_year

    def _r_year_h(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        y, h = int(m["year"]), int(m["h"])
        return self._mk(m, date(y, 6 * h - 5, 1), _month_end(y, 6 * h))

    _r_h_year = _r_year_h

    def _r_nth_week(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        n = self.period_ordinals.get(m["ord"].lower()) or int(re.sub(r"\D", "", m["ord"]) or 0) \
            or self.ordinals[_key(m["ord"])]
        if m["mon"]:
            month = self._month(m["mon"])
            if m["year"]:
                y = int(m["year"])
            elif ref is None:
                return self._unresolved(m)
            else:
                y = self._nearest_year(ref, month, 15, self._is_future(text, m.start()), month_only=True).year
            weeks = _month_weeks(y, month)
        else:
            if m["year2"]:
                y = int(m["year2"])
            elif ref is None:
                return self._unresolved(m)
            elif m["span"].lower() == "month":
                k = _add_months(ref.replace(day=1), self.shift_words[m["yrel"].lower()])
                weeks = _month_weeks(k.year, k.month)
                y = 0
            else:
                y = ref.year + self.shift_words[m["yrel"].lower()]
            if y:
                weeks = [date.fromisocalendar(y, w, 1) for w in range(1, date(y, 12, 28).isocalendar()[1] + 1)]
        monday = weeks[-1] if n == -1 else weeks[n - 1]
        return self._mk(m, monday, monday + timedelta(days=6), not (m["year"] or m["year2"]))

    def _r_first_n(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        """"the first six months of 2019", "the last three weeks of this year"."""
        y = self._year_of(m, ref)
        if y is None:
            return self._unresolved(m)
        n, unit, first_edge = self._count(m["n"]), m["unit"].lower(), m["edge"].lower() in ("first", "opening")
        if unit == "months":
            if not 1 <= n <= 12:
                return None
            a, b = (1, n) if first_edge else (13 - n, 12)
            return self._mk(m, date(y, a, 1), _month_end(y, b), not m["year"])
        if unit == "weeks":
            weeks = date(y, 12, 28).isocalendar()[1]
            if not 1 <= n <= weeks:
                return None
            a, b = (1, n) if first_edge else (weeks - n + 1, weeks)
            return self._mk(m, date.fromisocalendar(y, a, 1), date.fromisocalendar(y, b, 7), not m["year"])
        start, end = date(y, 1, 1), date(y, 12, 31)
        if not 1 <= n <= (end - start).days + 1:
            return None
        if first_edge:
            return self._mk(m, start, start + timedelta(days=n - 1), not m["year"])
        return self._mk(m, end - timedelta(days=n - 1), end, not m["year"])

    def _r_nth_of(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        """"the third month of 2021", "the 15th day of next month", "the twenty third day of September"."""
        n = self._day(m["ord"])
        unit = m["unit"].lower()
        if unit == "month":
            if m["mon"] or (m["span"] or "").lower() == "month" or not 1 <= n <= 12:
                return None
            y = int(m["year2"]) if m["year2"] else (ref.year + self.shift_words[m["yrel"].lower()] if ref else None)
            if y is None:
                return self._unresolved(m)
            return self._mk(m, date(y, n, 1), _month_end(y, n), not m["year2"])
        if m["mon"]:
            return self._day_of(m, text, ref, self._month(m["mon"]), n, None)
        if m["year2"]:
            d = date(int(m["year2"]), 1, 1) + timedelta(days=n - 1)
            return self._mk(m, d, d)
        if ref is None:
            return self._unresolved(m)
        shift = self.shift_words[m["yrel"].lower()]
        if m["span"].lower() == "month":
            first = _add_months(ref.replace(day=1), shift)
            d = first.replace(day=n)
        else:
            d = date(ref.year + shift, 1, 1) + timedelta(days=n - 1)
        return self._mk(m, d, d, True)

    def _r_week_n(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        """"week 3 of 2027": an ISO week of a named year."""
        y = self._year_of(m, ref)
        if y is None:
            return self._unresolved(m)
        monday = date.fromisocalendar(y, int(m["wk"]), 1)
        return self._mk(m, monday, monday + timedelta(days=6), not m["year"])

    def _decade_part(self, m: re.Match[str], y: int) -> DateMention:
        part = (m["part"] or "").lower()
        a, b = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(part, (0, 9))
        return self._mk(m, date(y + a, 1, 1), date(y + b, 12, 31))

    def _r_decade(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        return self._decade_part(m, int(m["dec"]))

    def _r_decade2(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        tens = int(m["dd"]) if m["dd"] else self.decade_words[_key(m["dw"])]
        now = ref.year if ref else date.today().year
        y = 2000 + tens if 2000 + tens <= now else 1900 + tens  # "the nineties": the latest that has begun
        return self._decade_part(m, y)

    def _r_century(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        c = int(m["c"]) if m["c"] else self.ordinals[_key(m["cw"])]
        return self._mk(m, date(max(1, (c - 1) * 100), 1, 1), date((c - 1) * 100 + 99, 12, 31))

    def holiday(self, name: str, y: int) -> date | None:
        """The day a named holiday falls on in year y, or None when the data does not say."""
        kind, rule = self.holidays[_key(name)]
        if kind == "fixed":
            return date(y, int(rule[0]), int(rule[1]))
        if kind == "nth_weekday":
            return _nth_weekday(y, int(rule[0]), int(rule[1]), int(rule[2])) + timedelta(days=int(rule[3]))
        if kind == "easter":
            return easter(y) + timedelta(days=int(rule))
        got = rule.get(y)
        return date.fromisoformat(str(got)) if got else None

    def _r_holiday(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | list[DateMention] | None:
        name = m["hol"]
        if self.other_calendar.search(text, max(0, m.start("hol") - _LOOKBACK), m.start("hol")):
            return []  # "Lunar New Year", "Orthodox Christmas": not the Gregorian day of that name
        if self.holiday_not_before.match(text, m.end("hol")):
            return []  # "Christmas Island", "the Good Friday Agreement": a name holding no date
        if self._season_modifier(m, text):
            return []  # "a Halloween crowd", "the Easter rush": a time of year, no day
        if m["year"]:
            d = self.holiday(name, int(m["year"]))
            return self._holiday_mention(m, d, False) if d else None
        if ref is None:
            return self._unresolved(m)
        rel = (m["rel"] or "").lower()
        cands = [d for d in (self.holiday(name, y) for y in range(ref.year - 2, ref.year + 3)) if d]
        if not cands:
            return None
        shift = self.shift_words.get(rel)
        if shift == -1:
            past = [d for d in cands if d < ref]
            d = past[-1] if past else None
        elif shift == 1:
            fut = [d for d in cands if d > ref]
            d = fut[0] if fut else None
        elif shift == 0:
            d = next((d for d in cands if d.year == ref.year), None)
        else:
            future = self._is_future(text, m.start())
            d = min(cands, key=lambda c: abs((c - ref).days) + (0 if ((c - ref).days >= 0) == future else 120))
        return self._holiday_mention(m, d, True) if d else None

    def _season_modifier(self, m: re.Match[str], text: str) -> bool:
        """Whether a festival's name modifies the noun after it with no preposition of time before it."""
        if _key(m["hol"]) not in self.season_names or m["year"] or m["rel"] or m["wk"] or m["wkof"]:
            return False
        return bool(self.season_head_after.match(text, m.end("hol"))) \
            and not self.season_day_part_after.match(text, m.end("hol"))

    def _holiday_mention(self, m: re.Match[str], d: date, relative: bool) -> DateMention:
        """The holiday's day, or with "weekend" the long weekend it makes: Saturday to a Monday holiday,
        a Thursday or Friday one to Sunday, or the weekend it falls on."""
        if not (m["wk"] or m["wkof"]):
            return self._mk(m, d, d, relative, year_given=not relative)
        wd = d.weekday()
        if wd == 0:
            first, last = d - timedelta(days=2), d
        elif wd in (3, 4):
            first, last = d, d + timedelta(days=6 - wd)
        else:
            saturday = d + timedelta(days=5 - wd) if wd < 5 else d - timedelta(days=wd - 5)
            first, last = saturday, saturday + timedelta(days=1)
        return self._mk(m, first, last, relative, year_given=not relative)

    def _r_month_ctx(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        word = m["mon2"].lower().rstrip(".")
        if len(word) <= 4 and word != "june" and word != "july" and not m["mon2"][0].isupper() and word != "may":
            return None
        if word == "may" and (m["pre"].lower() not in ("in", "since", "last", "early", "late", "by", "until")
                              or m["pre"].lower() in ("last",) and m["mon2"][0].islower()):
            return None
        month = self._month(word)
        pre = m["pre"].lower()
        s2 = m.start("mon2") if pre in ("in", "since", "by", "from", "until", "till", "through", "during", "of", "before",
                                        "after") else m.start()
        if ref is None:
            return self._unresolved(m)
        if pre == "last":
            y = ref.year if month < ref.month else ref.year - 1
        elif pre == "next":
            y = ref.year if month > ref.month else ref.year + 1
        elif pre == "this":
            y = ref.year
        elif self._is_future(text, m.start()) or pre in ("until", "till", "through", "by"):
            y = ref.year if month >= ref.month else ref.year + 1
        else:
            # news tells of what has happened: an unmarked month is the latest one not after the report
            y = ref.year if month <= ref.month else ref.year - 1
        return self._mk(m, date(y, month, 1), _month_end(y, month), True, year_given=False, start=s2)

    def _r_year_ctx(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        y = int(m["year"])
        if y < 1000:
            return None
        return self._mk(m, date(y, 1, 1), date(y, 12, 31), start=m.start("year"))

    def _r_year_words(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        """"in nineteen ninety-six", "since two thousand and fifteen"."""
        y = self._year_from_words(m["yw"])
        return self._mk(m, date(y, 1, 1), date(y, 12, 31), start=m.start("yw"))

    def _r_my_words(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        """"October two thousand and five": a month of a year said in words."""
        if not self._month_ok(m, "mon", text, False) or m["mon"].islower() and len(m["mon"].rstrip(".")) <= 3:
            return None
        y, month = self._year_from_words(m["yw"]), self._month(m["mon"])
        return self._mk(m, date(y, month, 1), _month_end(y, month))

    def _r_mdy_words(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        """"January twenty five nineteen eighty-six", "13 Sept nineteen seventy-two"."""
        if not self._month_ok(m, "mon", text, False):
            return None
        d = date(self._year_from_words(m["yw"]), self._month(m["mon"]), self._day(m["day"]))
        return self._mk(m, d, d)

    _r_dmy_words = _r_mdy_words

    def _r_dmy2(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        """"15 April of 87": a day of a month whose year is written with two digits."""
        yy = int(m["yy"])
        y = 2000 + yy if ref is not None and 2000 + yy <= ref.year else 1900 + yy
        d = date(y, self._month(m["mon"]), self._day(m["day"]))
        return self._mk(m, d, d)

    def _r_ym_num(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        """"2015-12", "2015-3", "12-2015": a month of a year (a "2011-12" that can be two years is read as
        two by year_range, listed first so that it wins the tie)."""
        y, month = int(m["y"]), int(m["m"])
        return self._mk(m, date(y, month, 1), _month_end(y, month))

    _r_my_num = _r_ym_num

    def _r_calendar_year(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        """"CY 2008", "CY18": a calendar year (a two-digit one in the century of the report)."""
        if m["year"]:
            y = int(m["year"])
        elif ref is None:
            return self._unresolved(m)
        else:
            y = ref.year // 100 * 100 + int(m["yy"])
        return self._mk(m, date(y, 1, 1), date(y, 12, 31))

    def _r_year_range(self, m: re.Match[str], text: str, ref: date | None) -> list[DateMention] | None:
        y1, raw2 = int(m["y1"]), m["y2"]
        y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
        if not y1 < y2 <= y1 + (100 if len(raw2) == 4 else 10):
            return None
        pre = self.range_pre.search(text, max(0, m.start() - _LOOKBACK), m.start())
        if pre and pre["pre"].lower() in ("from", "between"):
            return [self._mk(m, date(y1, 1, 1), date(y2, 12, 31), start=pre.start())]
        a = DateMention(m.start("y1"), m.end("y1"), "", date(y1, 1, 1), date(y1, 12, 31))
        b = DateMention(m.start("y2"), m.end("y2"), "", date(y2, 1, 1), date(y2, 12, 31))
        return [a, b]

    def _weekday_day(self, ref: date, wd: int, rel: str, future: bool) -> date:
        if rel in ("last", "previous", "past", "preceding"):
            return ref - timedelta(days=(ref.weekday() - wd) % 7 or 7)
        if rel in ("next", "following", "coming", "upcoming"):
            return ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
        if wd == ref.weekday():
            return ref
        if future or rel == "this" and wd > ref.weekday():
            return ref + timedelta(days=(wd - ref.weekday()) % 7)
        return ref - timedelta(days=(ref.weekday() - wd) % 7)

    def _r_weekday(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        if ref is None:
            return self._unresolved(m)
        wd = self.weekdays[m["wd"].lower()]
        # "the toll from Friday's crash": a possessive day names what happened then; "from" before it starts nothing
        possessive = re.search(r"['’]s$", m.group()) is not None
        future = self.future.search(text, max(0, m.start() - 60), m.start()) is not None if possessive \
            else self._is_future(text, m.start())
        d = self._weekday_day(ref, wd, (m["rel"] or "").lower(), future)
        found = self._mk(m, d, d, True)
        found.role_hint = "weekday"
        return found

    def _r_wd_week(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        if ref is None:
            return self._unresolved(m)
        wd = self.weekdays[(m["wd"] or m["wd2"]).lower()]
        shift = self.shift_words[(m["rel"] or m["rel2"]).lower()]
        monday = ref - timedelta(days=ref.weekday()) + timedelta(days=7 * shift)
        d = monday + timedelta(days=wd)
        return self._mk(m, d, d, True)

    def _r_dom(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        """"on the 18th": that day of the month nearest the report."""
        if ref is None:
            return self._unresolved(m)
        dayn = self._day(m["day"])
        future = self._is_future(text, m.start())
        cands = [d for k in (-1, 0, 1) for d in [_add_months(ref.replace(day=1), k)]
                 if dayn <= _calendar.monthrange(d.year, d.month)[1]]
        if not cands:
            return None
        best = min((d.replace(day=dayn) for d in cands),
                   key=lambda d: abs((d - ref).days) + (0 if ((d - ref).days >= 0) == future else 20))
        return self._mk(m, best, best, True, year_given=False)

    def _r_wd_dom(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        """"Tuesday the 13th": the nearest month in which the 13th is a Tuesday."""
        if ref is None:
            return self._unresolved(m)
        wd, dayn = self.weekdays[m["wd"].lower()], self._day(m["day"])
        if m["wd"].islower() and len(m["wd"]) <= 3:
            return None
        future = self._is_future(text, m.start())
        best: date | None = None
        for k in range(-14, 15):
            first = _add_months(ref.replace(day=1), k)
            if dayn > _calendar.monthrange(first.year, first.month)[1]:
                continue
            d = first.replace(day=dayn)
            if d.weekday() != wd:
                continue
            score = abs((d - ref).days) + (0 if ((d - ref).days >= 0) == future else 20)
            if best is None or score < abs((best - ref).days) + (0 if ((best - ref).days >= 0) == future else 20):
                best = d
        return self._mk(m, best, best, True, year_given=False) if best else None

    def _r_name(self, m: re.Match[str], text: str, ref: date | None) -> list[DateMention]:
        return []  # "Bloody Sunday", "Super Tuesday": a name, not a day

    def _r_relative_day(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        if ref is None:
            return self._unresolved(m)
        key = _key(m.group())
        if key in self.adjective_relative_days and not self._dates_as_adjective(key, text, m.end()):
            return None
        offset = self.relative_days[key]
        if key in self.relative_days_future and self._is_future(text, m.start()):
            offset = self.relative_days_future[key]
        d = ref + timedelta(days=offset)
        return self._mk(m, d, d, True)

    def _dates_as_adjective(self, key: str, text: str, end: int) -> bool:
        """Whether a relative-day word that may be an adjective dates here: as an adverb, or before an event noun."""
        following = _NEXT_WORD.match(text, end)
        if following is None:
            return True
        word = _key(following.group(1))
        return word in self.adverb_followers or word in self.adjective_relative_days[key]

    def _period(self, ref: date, span: str, shift: int) -> tuple[date, date]:
        """The calendar week, month, quarter, year or decade holding ref, moved by shift of them."""
        if span in ("week", "weekend", "working week", "workweek", "work week"):
            monday = ref - timedelta(days=ref.weekday()) + timedelta(days=7 * shift)
            if span == "weekend":
                return monday + timedelta(days=5), monday + timedelta(days=6)
            if span != "week":
                return monday, monday + timedelta(days=4)
            return monday, monday + timedelta(days=6)
        if span == "fortnight":
            monday = ref - timedelta(days=ref.weekday()) + timedelta(days=14 * shift)
            return monday, monday + timedelta(days=13)
        if span == "month":
            first = _add_months(ref.replace(day=1), shift)
            return first, _month_end(first.year, first.month)
        if span == "quarter":
            first = _add_months(date(ref.year, 3 * ((ref.month - 1) // 3) + 1, 1), 3 * shift)
            last = _add_months(first, 2)
            return first, _month_end(last.year, last.month)
        if span == "decade":
            y = ref.year // 10 * 10 + 10 * shift
            return date(y, 1, 1), date(y + 9, 12, 31)
        return date(ref.year + shift, 1, 1), date(ref.year + shift, 12, 31)

    def _r_relative_span(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        rel = _key(m["rel"])
        span = _key(m["span"])
        part = (m["part"] or {"early": "start", "late": "end", "mid": "middle"}.get((m["part2"] or "").lower(), "")).lower()
        if rel == "the" and span == "weekend" and not part and ref is not None:
            # "over the weekend": news tells of what happened, so the weekend just gone ...
            future = self._is_future(text, m.start())
            past = self._period(ref, "weekend", -1 if ref.weekday() < 5 else 0)
            coming = self._period(ref, "weekend", 0)
            # on a Friday or at the weekend it is this one; earlier in the week the one just gone, unless planned
            first, last = coming if future or ref.weekday() >= 4 else past
            return self._mk(m, first, last, True)
        if rel in ("same", "the") and not part and not m["after"]:
            return None  # "the same week", "the year": anaphoric, not resolvable against the report's date
        if ref is None:
            return self._unresolved(m)
        if rel == "the" and not m["after"]:
            rel = "this"  # "the end of the month": this month's end
        if span == "weekend" and rel == "the":
            rel = "this"
        if (rel in ("past", "the past") or m["which"].lower().startswith("the past")) and span in ("week", "month", "year", "fortnight") and not part:
            # "the past week": the days just gone, up to the report
            unit = self.units[span]
            return self._mk(m, _shift(ref, unit, -1), ref, True)
        shift = self.shift_words.get(rel.split()[-1], 0) if rel not in ("the",) else 0
        if m["after"]:
            shift = 2
        if rel.startswith(("earlier", "later", "so far")):
            shift = 0
        first, last = self._period(ref, span, shift)
        if rel.startswith("earlier"):
            last = max(first, ref - timedelta(days=1))
        elif rel.startswith("later"):
            first = ref
        elif rel.startswith("so far"):
            last = max(first, ref - timedelta(days=1))
        if part:
            first, last = self._part_of(first, last, span, part)
        return self._mk(m, first, last, True)

    @staticmethod
    def _part_of(first: date, last: date, span: str, part: str) -> tuple[date, date]:
        if span == "week":
            if part == "end":
                return first + timedelta(days=4), last
            if part in ("start", "beginning"):
                return first, first + timedelta(days=2)
            return first + timedelta(days=2), first + timedelta(days=4)
        if span == "month":
            if part == "end":
                return first.replace(day=21), last
            if part in ("start", "beginning"):
                return first, first.replace(day=10)
            return first.replace(day=11), first.replace(day=20)
        if span == "year":
            a, b = DateReader._YEAR_PARTS[part]
            return date(first.year, a, 1), _month_end(first.year, b)
        return first, last

    def _r_part_this(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        """"by end of year", "the end of the month": a part of the current period."""
        if ref is None:
            return self._unresolved(m)
        span = m["span"].lower()
        first, last = self._part_of(*self._period(ref, span, 0), span, m["part"].lower())
        return self._mk(m, first, last, True)

    def _r_year_to_date(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        if ref is None:
            return self._unresolved(m)
        first = ref.replace(month=1, day=1) if "year" in m.group().lower() else ref.replace(day=1)
        return self._mk(m, first, max(first, ref - timedelta(days=1)), True)  # up to the day before the report

    def _r_count_span(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        """"the next three days", "the past two quarters": a span from the report's day."""
        rel = (m["rel"] or m["rel2"]).lower()
        if rel == "this" or rel == "current":
            return None
        if ref is None:
            return self._unresolved(m)
        n = self._count(m["n"] or m["n2"])
        unitname = _key(m["unit"])
        if m["n2"] and n != 1 and not unitname.endswith("s"):
            return None  # "only 3 next week": a count, then "next week"
        unit = self.units[unitname]
        if "business_days" in unit:  # "the next four business days": working days on from (or back to) the report's
            ahead = self.shift_words.get(rel, 0) > 0
            return self._mk(m, _shift(ref, unit, 1 if ahead else -n), _shift(ref, unit, n if ahead else -1), True)
        if unitname.startswith("quarter"):
            if self.shift_words.get(rel, 1) > 0:
                first, _ = self._period(ref, "quarter", 1)
                _, last = self._period(ref, "quarter", n)
            else:
                first, _ = self._period(ref, "quarter", -n)
                _, last = self._period(ref, "quarter", -1)
            return self._mk(m, first, last, True)
        if "hours" in unit:  # hours run up to (or on from) the report's own moment, so its day is in
            if self.shift_words.get(rel, 0) > 0:
                return self._mk(m, ref, _shift(ref, unit, n), True)
            return self._mk(m, _shift(ref, unit, -n), ref, True)
        if self.shift_words.get(rel, 0) > 0:
            return self._mk(m, ref + timedelta(days=1), _shift(ref, unit, n), True)
        return self._mk(m, _shift(ref, unit, -n), ref - timedelta(days=1), True)

    def _r_shift_now(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        """"two years ago", "three weeks from now", "in two weeks" (of the future only)."""
        if m["n2"]:
            if not (m["time2"] or self._is_future(text, m.start())):
                return None  # "killed 30 in two weeks" is a duration; "in two weeks' time" never is
            n, unitname, direction = self._count(m["n2"]), _key(m["unit2"]), "from now"
        else:
            n, unitname, direction = self._count(m["n"]), _key(m["unit"]), _key(m["dir"])
        if ref is None:
            return self._unresolved(m)
        unit = self.units[unitname]
        if direction in ("from now", "from today") and self.duration_for.search(text, max(0, m.start() - 12), m.start()):
            return self._mk(m, ref, self._span_end(ref, unitname, n), True)  # "for three days from today": a span
        if m["more"]:  # "two years and three months ago": each part counted in turn, told to the day or month of the last
            sign = -1 if direction == "ago" else 1
            d = ref
            for part in self.count_unit.finditer(m.group(), m.start("n") - m.start(), m.end("more") - m.start()):
                unit = self.units[_key(part["unit"])]
                d = _shift(d, unit, sign * self._count(part["n"]))
            if "months" in unit and direction == "ago":
                return self._mk(m, d.replace(day=1), _month_end(d.year, d.month), True)
            return self._mk(m, d, d, True)
        if direction == "ago":
            d = _shift(ref, unit, -n)
            if m["anniversary"]:
                return self._mk(m, d, d, True)  # "a year ago today": the very day, one year back
            # what happened "two years ago" is told to the year, "two months ago" to the month
            months = unit.get("months", 0)
            if months >= 12:
                return self._mk(m, date(d.year, 1, 1), date(d.year, 12, 31), True)
            if months:
                return self._mk(m, d.replace(day=1), _month_end(d.year, d.month), True)
            if unit.get("days", 0) >= 7:
                # and "two weeks ago" to the week: any day of the week around the day counted back
                return self._mk(m, d - timedelta(days=3), d + timedelta(days=3), True)
            return self._mk(m, d, d, True)
        d = _shift(ref, unit, n)
        found = self._mk(m, d, d, True)
        found.role_hint = "shift"  # a day counted from today: a weekday beside it picks the day of its week
        return found

    def _r_within(self, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        """"will be done within nine months": from the report's day to the last day of the span. Told of the
        past ("took the town within two weeks") it is a duration, not a date."""
        if m["rel"] and self.shift_words.get(m["rel"].lower(), 1) <= 0 or not self._is_future(text, m.start()):
            return None
        if ref is None:
            return self._unresolved(m)
        unit, n = self.units[_key(m["unit"])], self._count(m["n"])
        end = _shift(ref, unit, n)
        if "hours" not in unit and "business_days" not in unit:
            end -= timedelta(days=1)  # nine months from 23 March run to 22 December, the day before the anniversary
        return self._mk(m, ref, max(ref, end), True)

    # ---- year inference --------------------------------------------------------------------
    @staticmethod
    def _nearest_year(ref: date, month: int, day: int, future: bool, month_only: bool = False) -> date:
        """The year that puts a month (and day) nearest the reference, the tense breaking ties."""
        best: date | None = None
        best_score = float("inf")
        for y in (ref.year - 1, ref.year, ref.year + 1):
            try:
                d = date(y, month, min(day, _calendar.monthrange(y, month)[1]))
            except ValueError:
                continue
            if month_only and y == ref.year and month == ref.month:
                return d
            delta = (d - ref).days
            # past events lean back, planned ones forward: a three-month preference either way
            score = abs(delta) + (0 if (delta >= 0) == future else 45)
            if score < best_score or score == best_score and (delta >= 0) == future:  # a tie goes with the tense
                best, best_score = d, score
        assert best is not None
        return best


def _in_week_of(d: date, weekday_of: date) -> date:
    """The day of d's (Monday to Sunday) week that falls on the weekday of weekday_of."""
    return d - timedelta(days=d.weekday() - weekday_of.weekday())


def _with_year(d: date, y: int) -> date:
    return date(y, d.month, min(d.day, _calendar.monthrange(y, d.month)[1]))
