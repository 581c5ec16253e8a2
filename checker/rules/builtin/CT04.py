"""CT04 part-exceeds-total."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from typing import ClassVar

from ...match import Group, interval, span_days
from ...models import Claim, CountClaim, Finding, Severity
from .. import Rule, RuleContext
from .._common import describe
from .._parts import incident_totals, part_lists, same_incident, umbrella_subjects

# an incident's day is a day or a week; longer spans are periods, which CT04 does not compare across reports
_MAX_SPAN_DAYS = 31


class CT04(Rule):
    """A part of a total that is larger than the total it belongs to.

    What it flags: a count given as part of a total that exceeds the total:
    in one sentence ("killed 15 people, including 20 children") and, when
    ``across_reports`` is on, across reports: one report's figure for a group
    ("20 children were killed") above another report's figure for everyone
    ("15 people were killed") in the same event on the same day. The part's
    low bound is compared with the total's high bound, so hedges count.

    Why it matters: a part above its total means one of the two figures (or
    the attribution of the part) is wrong, whichever figure is newer.

    Example: fires on "The strike killed 15 people, including 20 children";
    does not fire on "The strike killed at least 15 people, including 12
    children".

    Options: ``across_reports`` (default true): also compare a part in one
    report with the total of another. The part markers and the subjects that
    cover others ("people", "civilians") are data in
    ``checker/data/relations.yaml``.
    """

    code = "CT04"
    name = "part-exceeds-total"
    severity = Severity.warning
    pairwise = False
    default_options: ClassVar[dict[str, float | int | str | bool]] = {"across_reports": True}

    def evaluate_claims(self, claims: list[Claim], groups: list[Group], context: RuleContext) -> Iterator[Finding]:
        seen: set[tuple[str, str]] = set()
        for plist in part_lists(claims):
            _, hi_total = interval(plist.total.value)
            for part in plist.parts:
                lo_part, _ = interval(part.value)
                if lo_part > hi_total:
                    seen.add((part.id, plist.total.id))
                    yield self.finding(context, None, [part, plist.total],
                                       f"the part {describe(part, context)} is larger than its total "
                                       f"{describe(plist.total, context)}", threshold="part.low > total.high")
        if context.options.get("across_reports"):
            yield from self._across(claims, context, seen)

    def _across(self, claims: list[Claim], context: RuleContext, seen: set[tuple[str, str]]) -> Iterator[Finding]:
        umbrella = umbrella_subjects()
        parts = [c for c in claims if isinstance(c, CountClaim) and c.kind == "casualty" and c.value.unit is None
                 and c.subject and c.subject.lower() not in umbrella
                 and c.reference == "current" and c.scope != "aggregate"]
        # parts by measure, event and each day they cover, largest first: a total meets only the parts of
        # its own incident, and of those only the ones above it (an archive has millions of claims)
        position = {p.id: n for n, p in enumerate(parts)}
        by_day: dict[tuple[str, str | None, date], list[tuple[float, CountClaim]]] = defaultdict(list)
        for part in parts:
            days = span_days(part.event_date)
            if days is None or (days[1] - days[0]).days > _MAX_SPAN_DAYS:
                continue
            for k in range((days[1] - days[0]).days + 1):
                by_day[(part.measure, part.event, days[0] + timedelta(days=k))].append((interval(part.value)[0], part))
        for entries in by_day.values():
            entries.sort(key=lambda e: -e[0])
        for total in incident_totals(claims):
            _, hi_total = interval(total.value)
            days = span_days(total.event_date)
            if days is None or (days[1] - days[0]).days > _MAX_SPAN_DAYS:
                continue
            above: dict[str, CountClaim] = {}
            for k in range((days[1] - days[0]).days + 1):
                for lo_part, part in by_day.get((total.measure, total.event, days[0] + timedelta(days=k)), ()):
                    if lo_part <= hi_total:
                        break
                    above[part.id] = part
            for part in sorted(above.values(), key=lambda p: position[p.id]):
                if not same_incident(total, part) or (part.id, total.id) in seen:
                    continue
                yield self.finding(context, None, [part, total],
                                   f"the part {describe(part, context)} is larger than the total "
                                   f"{describe(total, context)} of another report",
                                   threshold="part.low > total.high; same event and day")
