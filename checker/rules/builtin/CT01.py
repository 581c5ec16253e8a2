"""CT01 count-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ...match import Group
from ...models import Amount, CountClaim, Finding, Severity
from .. import Rule, RuleContext
from .._common import confirmed_against_reported, describe, format_amount, later_figure, pairs_of


def judged_interval(value: Amount, hedge_scale: float, tolerance_rel: float, tolerance_abs: float,
                    ) -> tuple[float, float]:
    """Inclusive bounds (open ends infinite) with the hedge's span scaled and the tolerances added."""
    low = value.low if value.low is not None else float("-inf")
    high = value.high if value.high is not None else float("inf")
    best = value.best
    if best is not None:  # a span around a best value shrinks or stretches towards it
        if value.low is not None:
            low = best - (best - value.low) * hedge_scale
        if value.high is not None:
            high = best + (value.high - best) * hedge_scale
    if low != float("-inf"):  # an open end stays open (inf * 0 would be nan)
        low -= tolerance_abs + abs(low) * tolerance_rel
    if high != float("inf"):
        high += tolerance_abs + abs(high) * tolerance_rel
    return low, high


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

    Time: where the later report (by publication day) carries the higher
    casualty or displacement figure, the pair is an update: labelled
    ``superseded``, severity info, naming the newest figure. It stays in
    ``conflicts``. A later report that falls below an earlier one, and
    reports of the same day that disagree, stay errors.

    Rounding: whether "nearly a million" agrees with 900,000 is a judgement.
    By default a hedge spans what CODING.md gives it ("nearly N" is 0.9 N to
    N, so 900,000 agrees); ``hedge_scale`` shrinks or stretches that span
    (0.5: "nearly N" is 0.95 N to N, so 900,000 fires and 950,000 does not),
    and the tolerances widen every bound for rounding in the copy.

    Status on record: a ``confirmed`` figure outranks a merely ``reported``
    one, so a later report that departs from a confirmed figure is a
    conflict, not an update; a ``disputed`` figure is named with its status;
    a ``retracted`` one is never matched.

    Options: ``label_updates`` (default true): label rising tolls
    ``superseded`` as above. ``hedge_scale`` (default 1.0): share of each
    hedge's span kept. ``tolerance_rel`` (default 0.0) and ``tolerance_abs``
    (default 0): slack added on each side before comparing.
    """

    code = "CT01"
    name = "count-mismatch"
    severity = Severity.error
    default_options: ClassVar[dict[str, float | int | str | bool]] = {"label_updates": True, "hedge_scale": 1.0, "tolerance_rel": 0.0, "tolerance_abs": 0}

    def evaluate(self, group: Group, context: RuleContext) -> Iterator[Finding]:
        scale = float(context.options.get("hedge_scale", 1.0))
        rel = float(context.options.get("tolerance_rel", 0.0))
        absolute = float(context.options.get("tolerance_abs", 0))
        threshold = f"hedge_scale={scale:g}, tolerance_rel={rel:g}, tolerance_abs={absolute:g}"
        for a, b, match in pairs_of(group):
            if not (isinstance(a, CountClaim) and isinstance(b, CountClaim)):
                continue
            if a.value.unit or b.value.unit:
                continue
            lo_a, hi_a = judged_interval(a.value, scale, rel, absolute)
            lo_b, hi_b = judged_interval(b.value, scale, rel, absolute)
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
            yield self.finding(context, group, [a, b], message, match, severity, label, threshold=threshold)
