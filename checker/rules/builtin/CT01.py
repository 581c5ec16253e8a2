"""CT01 count-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from ...match import Group, interval
from ...models import CountClaim, Finding, Severity
from .. import Rule, RuleContext
from .._common import confirmed_against_reported, describe, format_amount, later_figure, pairs_of


class CT01(Rule):
    """Counts of one fact that cannot both be true.

    What it flags: two claims about the same count (people killed, displaced,
    aircraft downed...) whose intervals do not overlap once hedges are read:
    "33" against "36", "at least 34" against "29". Open ends count: "at least
    34" and "36" agree.

    Why it matters: a toll that differs between reports is either an error or
    an update; the editor needs to know which figure the copy carries.

    Example: fires on "33 soldiers were killed" against "36 soldiers were
    killed"; does not fire on "at least 34 soldiers were killed" against "36
    soldiers were killed".

    Status on record: a ``confirmed`` figure outranks a merely ``reported``
    one, so a later report that departs from a confirmed figure is a
    conflict, not an update; a ``disputed`` figure is named with its status;
    a ``retracted`` one is never matched.

    Options: ``label_updates`` (default true): where the later report carries
    the higher casualty or displacement figure, label the pair ``superseded``
    with severity info, naming the newest figure.
    """

    code = "CT01"
    name = "count-mismatch"
    severity = Severity.error
    default_options = {"label_updates": True}

    def evaluate(self, group: Group, context: RuleContext) -> Iterator[Finding]:
        for a, b, match in pairs_of(group):
            if not (isinstance(a, CountClaim) and isinstance(b, CountClaim)):
                continue
            if a.value.unit or b.value.unit:
                continue
            lo_a, hi_a = interval(a.value)
            lo_b, hi_b = interval(b.value)
            if lo_a <= hi_b and lo_b <= hi_a:
                continue
            label = None
            severity = None
            message = f"{describe(a, context)} disagrees with {describe(b, context)}"
            newer = later_figure(a, b, context) if context.options.get("label_updates") else None
            confirmed = confirmed_against_reported(a, b)
            if confirmed is not None and newer is not None and newer != format_amount(confirmed.value):
                # a later but merely reported figure does not supersede a confirmed one: still a conflict
                newer = None
                message += f"; {format_amount(confirmed.value)} is confirmed"
            if newer is not None and a.kind in ("casualty", "displacement"):
                label = "superseded"
                severity = Severity.info
                message += f"; the later report has {newer}"
            yield self.finding(context, group, [a, b], message, match, severity, label)
