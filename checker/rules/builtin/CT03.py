"""CT03 date-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from typing import ClassVar

from ...match import Group
from ...models import DateClaim, DateSpan, Finding, Severity
from .. import Rule, RuleContext
from .._common import describe, pairs_of


def span_bounds(v: DateSpan, zone: timezone | None = None) -> tuple[datetime, datetime] | None:
    """A span as instants: days run from 00:00 to 23:59:59 in the given zone (UTC when none is known)."""
    if not v.start or not v.end:
        return None
    tz = zone or timezone.utc

    def parse(s: str, end: bool) -> datetime:
        if "T" in s:
            dt = datetime.fromisoformat(s)
            return dt if dt.tzinfo else dt.replace(tzinfo=tz)
        d = date.fromisoformat(s[:10])
        base = datetime(d.year, d.month, d.day, tzinfo=tz)
        return base + timedelta(days=1) - timedelta(seconds=1) if end else base

    return parse(v.start, False), parse(v.end, True)


def _zone_of(v: DateSpan) -> timezone | None:
    for s in (v.start, v.end):
        if s and "T" in s:
            dt = datetime.fromisoformat(s)
            if dt.tzinfo is not None:
                return dt.tzinfo  # type: ignore[return-value]
    return None


class CT03(Rule):
    """Dates or instants of one event that cannot both be true.

    What it flags: two claims dating the same event (a strike, the start of a
    ceasefire, a meeting) whose spans do not overlap, after each relative
    date was resolved against its own report's publication date. A plain day
    set against an instant is read in the instant's own zone (CODING.md 2).

    Why it matters: "on Saturday" against "at midnight on Friday" is a day's
    difference in when a truce binds.

    Example: fires on "the offensive began in December" against "began in
    January"; does not fire on "last Thursday" in a Thursday report against
    "27 February" of the week before.

    Dates far apart: two spans more than ``max_gap_days`` apart ("on
    Thursday" against "2016", "1938" against "1979") are taken to be two
    events of one kind (two agreements, two floods) that the matcher could
    not tell apart, not one event misdated: reporters misdate by days or
    weeks, not by years.

    Options: ``max_gap_days`` (default 180): the largest gap between two
    spans that is still read as one event dated differently; 0 turns the
    limit off.
    """

    code = "CT03"
    name = "date-mismatch"
    severity = Severity.error
    default_options: ClassVar[dict[str, float | int | str | bool]] = {"max_gap_days": 180}

    def evaluate(self, group: Group, context: RuleContext) -> Iterator[Finding]:
        max_gap = int(context.options.get("max_gap_days", 0))
        for a, b, match in pairs_of(group):
            if not (isinstance(a, DateClaim) and isinstance(b, DateClaim)):
                continue
            zone = _zone_of(a.value) or _zone_of(b.value)
            sa, sb = span_bounds(a.value, zone), span_bounds(b.value, zone)
            if sa is None or sb is None:
                continue
            if sa[0] <= sb[1] and sb[0] <= sa[1]:
                continue
            gap = max(sa[0], sb[0]) - min(sa[1], sb[1])
            if max_gap and gap > timedelta(days=max_gap):
                continue
            yield self.finding(context, group, [a, b], f"{describe(a, context)} disagrees with {describe(b, context)}",
                               match, threshold=f"spans do not overlap (read in {zone or 'UTC'}); max_gap_days={max_gap}")
