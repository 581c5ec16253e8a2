"""Helpers the built-in rules share: pairs of a group, how a claim is named in a message."""

from __future__ import annotations

from collections.abc import Iterator

from ..match import Group
from ..models import Amount, Claim, ClaimStatus, CountClaim, MatchInfo
from . import RuleContext


def pairs_of(group: Group) -> Iterator[tuple[Claim, Claim, MatchInfo]]:
    index = {c.id: c for c in group.claims}
    for (a, b), info in group.pairs.items():
        yield index[a], index[b], info


def format_amount(v: Amount) -> str:
    def num(x: float) -> str:
        return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}".rstrip("0").rstrip(".")

    unit = f" {v.unit}" if v.unit else ""
    if v.best is not None and v.low == v.best == v.high:
        return f"{num(v.best)}{unit}"
    if v.best is None:
        lo = num(v.low) if v.low is not None else "?"
        hi = num(v.high) if v.high is not None else "?"
        return f"{lo}-{hi}{unit}"
    if v.high is None:
        return f"{num(v.best)}{unit} or more"
    if v.low is None:
        return f"up to {num(v.best)}{unit}"
    return f"{num(v.best)}{unit} ({num(v.low)}-{num(v.high)})"


def describe(c: Claim, context: RuleContext) -> str:
    meta = context.reports.get(c.report)
    who = meta.outlet if meta and meta.outlet else c.report
    if c.status != ClaimStatus.reported:
        who += f", {c.status.value}"  # an editor's verdict travels with the figure: "disputed", "confirmed"
    if isinstance(c, CountClaim):
        value = format_amount(c.value)
    else:
        value = str(c.value.start) if c.value.start == c.value.end else f"{c.value.start} to {c.value.end}"
    return f"{value} ({who}: \"{c.text}\")"


def later_figure(a: CountClaim, b: CountClaim, context: RuleContext) -> str | None:
    """The figure of the later report when the later one is the higher: a toll that rose."""
    meta_a, meta_b = context.reports.get(a.report), context.reports.get(b.report)
    pa = (meta_a.published or "") if meta_a else ""
    pb = (meta_b.published or "") if meta_b else ""
    if not pa or not pb or pa[:10] == pb[:10]:
        return None
    older, newer = (a, b) if pa < pb else (b, a)
    lo_new = newer.value.low if newer.value.low is not None else newer.value.best
    hi_old = older.value.high if older.value.high is not None else older.value.best
    if lo_new is not None and hi_old is not None and lo_new > hi_old:
        return format_amount(newer.value)
    return None


def claim_gap(first: Claim, second: Claim) -> str | None:
    """The sentence text between two claims of one sentence (first before second), or None."""
    if first.report != second.report or first.sentence is None or first.sentence != second.sentence:
        return None
    sentence = first.sentence
    gap_len = second.source.start - first.source.end
    if gap_len < 0:
        return None
    start = sentence.find(first.text)
    while start >= 0:  # the quote may stand twice in the sentence: take the place where the second follows
        end = start + len(first.text)
        if sentence[end + gap_len:end + gap_len + len(second.text)] == second.text:
            return sentence[end:end + gap_len]
        start = sentence.find(first.text, start + 1)
    return None


def confirmed_against_reported(a: CountClaim, b: CountClaim) -> CountClaim | None:
    """The confirmed claim of a pair where only one is confirmed: it outranks the merely reported figure."""
    if (a.status == ClaimStatus.confirmed) == (b.status == ClaimStatus.confirmed):
        return None
    return a if a.status == ClaimStatus.confirmed else b
