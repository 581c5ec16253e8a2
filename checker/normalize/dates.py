"""Dates and times in news copy, resolved against the publication date.

Takes a sentence (text plus its absolute offset), the lexicon and the
reference date (the report's publication day, or None); gives
``DateMention``s with their span and an inclusive ``{start, end}`` of ISO
days, following CODING.md section 2:

- explicit dates: "March 5, 2020", "5 March 2020", "2020-03-05", "Mar. 5",
  "Sept. 11", "March 6th, 2020"; month and year ("September 2018"); years
  ("in 2017"), decades ("the 1970s"), parts ("early March", "mid-2019");
- a month-day or month with no year takes the year nearest the reference;
- weekdays ("on Thursday", "Thursday's", "last Thursday", "next Friday",
  "Sunday night"): the nearest such day, in the past unless the clause speaks
  of the future; "last X" is the most recent X before the reference day;
- "yesterday", "today", "tonight", "last night", "this evening";
- "last week", "next week", "the end of next week", "last month", "last year";
- "midnight" names the coming midnight: the value is the day that starts there;
- a relative date with no reference date is kept, unresolved, with a note.
"""

from __future__ import annotations

import calendar as _calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..lexicon import Lexicon, phrase_pattern


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

    def value(self) -> dict[str, str | None]:
        return {
            "start": self.first.isoformat() if self.first else None,
            "end": self.last.isoformat() if self.last else None,
        }


def _month_end(y: int, m: int) -> date:
    return date(y, m, _calendar.monthrange(y, m)[1])


class DateReader:
    """Finds and resolves date mentions; build once per lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        months = sorted(lex.month_names, key=len, reverse=True)
        weekdays = sorted(lex.weekday_names, key=len, reverse=True)
        # "may" is a month only with a day or year beside it; bare "May" is left alone below
        mon = r"(?P<mon>" + "|".join(months) + r")\.?"
        mon2 = r"(?P<mon2>" + "|".join(months) + r")\.?"
        wd = r"(?P<wd>" + "|".join(w for w in weekdays if len(w) > 3) + r")"
        day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        day2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
        year = r"(?P<year>1[89]\d\d|20\d\d)"
        time = (
            r"(?P<time>midnight|noon|midday|(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?m\.?)?|(?:1[0-2]|0?[1-9])\s*[ap]\.?m\.?)"
            r"(?:\s+(?P<zone>local time|(?-i:" + "|".join(sorted(lex.calendar["zones"], key=len, reverse=True)) + r")\b))?"
        )
        self.patterns: list[tuple[str, re.Pattern[str]]] = [
            ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b")),
            ("mdy", re.compile(rf"\b{mon}\s+{day}\b(?:,?\s+{year}\b)?", re.I)),
            ("dmy", re.compile(rf"\b{day}\s+(?:of\s+)?{mon}(?:,?\s+{year}\b)?", re.I)),
            ("part_month", re.compile(
                r"\b(?P<part>early|mid|late|the beginning of|the start of|the middle of|the end of)[\s-]+"
                + mon + rf"(?:,?\s+{year}\b)?", re.I)),
            ("my", re.compile(rf"\b{mon}\s+(?:of\s+)?{year}\b", re.I)),
            ("part_year", re.compile(r"\b(?P<part>early|mid|late|the beginning of|the end of)[\s-]+" + year + r"\b", re.I)),
            ("decade", re.compile(r"\bthe\s+(?P<dec>1[89]\d0|20\d0)s\b", re.I)),
            ("month_ctx", re.compile(
                r"\b(?P<pre>in|since|by|from|until|till|during|last|this|next|early|late|of|before|after)\s+(?:early\s+|late\s+)?"
                + mon2 + r"(?!\s+\d)\b", re.I)),
            ("year_ctx", re.compile(
                r"(?:\b(?P<pre>in|since|by|from|until|till|during|of|before|after|year|its|the|their|his|her|a)\s+|’s\s+|'s\s+)"
                + year + r"(?!\s*(?:[-–]|%|per|percent|people|troops|soldiers))\b", re.I)),
            ("weekday", re.compile(
                r"\b(?:(?P<rel>last|next|this|on|late on|early on|late|early)\s+)?"
                r"(?:(?P<hours>the early hours of|the morning of|the night of|the evening of)\s+)?"
                + wd + r"(?P<poss>['’]s)?(?:\s+(?P<part>morning|afternoon|evening|night))?\b", re.I)),
            ("relative_day", phrase_pattern(list(lex.calendar["relative_days"]))),
            ("relative_span", re.compile(
                r"\b(?P<which>(?:the\s+end\s+of\s+|the\s+start\s+of\s+|the\s+beginning\s+of\s+)?(?:last|next|this|the past|the previous|the coming|earlier this|later this))\s+"
                r"(?P<span>week|month|year|weekend)\b", re.I)),
            ("ago", re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<span>days?|weeks?|months?|years?)\s+ago\b", re.I)),
            ("time", re.compile(r"\b(?:at\s+|from\s+|by\s+)?" + time, re.I)),
        ]
        self.future = phrase_pattern(lex.calendar["future_markers"])
        self.month_parts = lex.calendar["month_parts"]
        self.relative_days = {k.lower(): int(v) for k, v in lex.calendar["relative_days"].items()}
        self.zones = {k: float(v) for k, v in lex.calendar["zones"].items()}

    # ------------------------------------------------------------------
    def read(self, text: str, offset: int, reference: date | None) -> list[DateMention]:
        found: list[tuple[int, int, str, re.Match[str]]] = []
        for kind, pat in self.patterns:
            for m in pat.finditer(text):
                found.append((m.start(), m.end(), kind, m))
        # longest first, then earliest; drop overlaps
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        chosen: list[tuple[int, int, str, re.Match[str]]] = []
        for f in found:
            if all(f[1] <= c[0] or f[0] >= c[1] for c in chosen):
                chosen.append(f)
        chosen.sort(key=lambda f: f[0])
        mentions: list[DateMention] = []
        times: list[tuple[int, int, re.Match[str]]] = []
        for s, e, kind, m in chosen:
            if kind == "time":
                times.append((s, e, m))
                continue
            dm = self._resolve(kind, m, text, reference)
            if dm is None:
                continue
            dm.start += offset
            dm.end += offset
            mentions.append(dm)
        for s, e, m in times:
            self._attach_time(s, e, m, text, offset, reference, mentions)
        mentions.sort(key=lambda d: d.start)
        return self._drop_restatements(mentions, text, offset)

    @staticmethod
    def _drop_restatements(mentions: list[DateMention], text: str, offset: int) -> list[DateMention]:
        """A date in brackets right after another restates it in another zone or form: "(22:01 GMT)"."""
        kept: list[DateMention] = []
        for d in mentions:
            before = text[:d.start - offset].rstrip()
            if kept and before.endswith("(") and d.start - kept[-1].end <= 24:
                continue
            kept.append(d)
        return kept

    def _is_future(self, text: str, pos: int) -> bool:
        window = text[max(0, pos - 60):pos]
        return self.future.search(window) is not None

    def _attach_time(
        self, s: int, e: int, m: re.Match[str], text: str, offset: int, reference: date | None,
        mentions: list[DateMention],
    ) -> None:
        """A time of day joins the date beside it; "midnight" alone names the coming midnight."""
        t = m.group("time").lower()
        near = [d for d in mentions if (0 <= d.start - offset - e <= 12) or (0 <= s - (d.end - offset) <= 4)]
        if near:
            d = near[0]
            d.start = min(d.start, s + offset)
            d.end = max(d.end, e + offset)
            d.text = text[d.start - offset:d.end - offset]
            d.time = t
            if t == "midnight" and d.first and d.first == d.last and d.role_hint == "weekday" and reference is not None:
                # "midnight Thursday" is the midnight that ends Thursday, the day that starts there is the
                # value; in a Thursday report "midnight Friday" names that same coming midnight (CODING.md 2)
                if d.first < reference - timedelta(days=1):
                    d.first = d.last = d.first + timedelta(days=7)  # a midnight is ahead, not most of a week back
                if d.first <= reference:
                    d.first = d.last = d.first + timedelta(days=1)
            return
        if t == "midnight":
            if reference is None:
                mentions.append(DateMention(s + offset, e + offset, text[s:e], None, None, True,
                                            "midnight with no publication date"))
            else:
                nxt = reference + timedelta(days=1)
                mentions.append(DateMention(s + offset, e + offset, text[s:e], nxt, nxt, True, time="midnight"))

    def _resolve(self, kind: str, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
        s, e = m.start(), m.end()
        raw = text[s:e]
        mk = lambda a, b, rel=False, note=None: DateMention(s, e, raw, a, b, rel, note)  # noqa: E731
        unresolved = lambda: DateMention(s, e, raw, None, None, True, "relative date: no publication date to resolve it")  # noqa: E731
        try:
            if kind == "iso":
                d = date(int(m["y"]), int(m["m"]), int(m["d"]))
                return mk(d, d)
            if kind in ("mdy", "dmy"):
                mon_word = m["mon"].lower().rstrip(".")
                if mon_word == "may" and not m["year"] and kind == "mdy" and text[s:s + 1].islower():
                    return None
                month = self.lex.month_names[mon_word]
                dayn = int(m["day"])
                if not 1 <= dayn <= 31:
                    return None
                if m["year"]:
                    d = date(int(m["year"]), month, dayn)
                    return mk(d, d)
                if ref is None:
                    return unresolved()
                d = self._nearest_year(ref, month, dayn, self._is_future(text, s))
                return mk(d, d, True)
            if kind == "my":
                month = self.lex.month_names[m["mon"].lower().rstrip(".")]
                y = int(m["year"])
                return mk(date(y, month, 1), _month_end(y, month))
            if kind == "part_month":
                month = self.lex.month_names[m["mon"].lower().rstrip(".")]
                if m["year"]:
                    y = int(m["year"])
                elif ref is None:
                    return unresolved()
                else:
                    y = self._nearest_year(ref, month, 15, self._is_future(text, s)).year
                part = self.month_parts[re.sub(r"\s+", " ", m["part"].lower())]
                first = date(y, month, int(part[0]))
                last = _month_end(y, month) if part[1] == "end" else date(y, month, int(part[1]))
                return mk(first, last, not m["year"])
            if kind == "part_year":
                y = int(m["year"])
                part = m["part"].lower()
                spans = {"early": (1, 4), "the beginning of": (1, 4), "mid": (5, 8), "late": (9, 12), "the end of": (9, 12)}
                a, b = spans.get(part, (1, 12))
                return mk(date(y, a, 1), _month_end(y, b))
            if kind == "decade":
                y = int(m["dec"])
                return mk(date(y, 1, 1), date(y + 9, 12, 31))
            if kind == "month_ctx":
                word = m["mon2"].lower().rstrip(".")
                if word in ("may", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "feb", "apr", "sept") and not m["mon2"][0].isupper():
                    return None
                if word == "may" and m["pre"].lower() not in ("in", "since", "last", "early", "late", "by", "until"):
                    return None
                month = self.lex.month_names[word]
                if ref is None:
                    return unresolved()
                pre = m["pre"].lower()
                if pre == "last":
                    y = ref.year if month < ref.month else ref.year - 1
                elif pre == "next":
                    y = ref.year if month > ref.month else ref.year + 1
                else:
                    y = self._nearest_year(ref, month, 15, self._is_future(text, s), month_only=True).year
                # keep the preposition out of the quote
                s2 = m.start("mon2") if pre in ("in", "since", "by", "from", "until", "till", "during", "of", "before", "after") else s
                return DateMention(s2, e, text[s2:e], date(y, month, 1), _month_end(y, month), True)
            if kind == "year_ctx":
                y = int(m["year"])
                s2 = m.start("year")
                return DateMention(s2, e, text[s2:e], date(y, 1, 1), date(y, 12, 31))
            if kind == "weekday":
                if ref is None:
                    return unresolved()
                wd = self.lex.weekday_names[m["wd"].lower()]
                rel = (m["rel"] or "").lower()
                if rel == "last":
                    delta = (ref.weekday() - wd) % 7 or 7
                    d = ref - timedelta(days=delta)
                elif rel == "next":
                    delta = (wd - ref.weekday()) % 7 or 7
                    d = ref + timedelta(days=delta)
                elif wd == ref.weekday():
                    d = ref
                elif self._is_future(text, s):
                    d = ref + timedelta(days=(wd - ref.weekday()) % 7)
                else:
                    d = ref - timedelta(days=(ref.weekday() - wd) % 7)
                found = mk(d, d, True)
                found.role_hint = "weekday"
                return found
            if kind == "relative_day":
                if ref is None:
                    return unresolved()
                d = ref + timedelta(days=self.relative_days[re.sub(r"\s+", " ", raw.lower())])
                return mk(d, d, True)
            if kind == "relative_span":
                if ref is None:
                    return unresolved()
                which = re.sub(r"\s+", " ", m["which"].lower())
                span = m["span"].lower()
                return self._relative_span(s, e, raw, which, span, ref)
            if kind == "ago":
                if ref is None:
                    return unresolved()
                nword = m["n"].lower()
                words = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                         "seven": 7, "eight": 8, "nine": 9, "ten": 10}
                n = int(nword) if nword.isdigit() else words[nword]
                unit = m["span"].lower().rstrip("s")
                days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
                d = ref - timedelta(days=days)
                return mk(d, d, True) if unit in ("day", "week") else mk(d - timedelta(days=15), d + timedelta(days=15), True)
        except (ValueError, KeyError):
            return None
        return None

    def _relative_span(self, s: int, e: int, raw: str, which: str, span: str, ref: date) -> DateMention:
        end_of = which.startswith("the end of")
        start_of = which.startswith("the start of") or which.startswith("the beginning of")
        base = which.split()[-1] if not which.startswith(("the past", "the previous", "the coming", "earlier this", "later this")) else which
        if span in ("week", "weekend"):
            monday = ref - timedelta(days=ref.weekday())
            shift = {"last": -7, "previous": -7, "next": 7, "coming": 7, "this": 0}.get(base.split()[-1], 0)
            if base == "the past":
                first, last = ref - timedelta(days=7), ref
            else:
                first = monday + timedelta(days=shift)
                last = first + timedelta(days=6)
            if span == "weekend":
                first, last = first + timedelta(days=5), first + timedelta(days=6)
            elif end_of:
                first = first + timedelta(days=4)
            elif start_of:
                last = first + timedelta(days=2)
            return DateMention(s, e, raw, first, last, True)
        if span == "month":
            if base == "the past":
                return DateMention(s, e, raw, ref - timedelta(days=30), ref, True)
            y, mo = ref.year, ref.month
            key = base.split()[-1]
            if key in ("last", "previous"):
                y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
            elif key in ("next", "coming"):
                y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
            first, last = date(y, mo, 1), _month_end(y, mo)
            if base == "earlier this":
                last = ref
            elif base == "later this":
                first = ref
            if end_of:
                first = date(y, mo, 21)
            elif start_of:
                last = date(y, mo, 10)
            return DateMention(s, e, raw, first, last, True)
        y = ref.year
        key = base.split()[-1]
        if key in ("last", "previous"):
            y -= 1
        elif key in ("next", "coming"):
            y += 1
        if base == "the past":
            return DateMention(s, e, raw, ref - timedelta(days=365), ref, True)
        return DateMention(s, e, raw, date(y, 1, 1), date(y, 12, 31), True)

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
            if score < best_score:
                best, best_score = d, score
        assert best is not None
        return best
