"""Review as text: a Review in, one line per draft claim the record speaks to, then a summary line."""

from __future__ import annotations

from ..review import Review


def render(review: Review) -> str:
    out: list[str] = []
    for item in review.claims:
        if not item.comparisons:
            continue
        c = item.claim
        out.append(f"{c.source.path}:{c.source.line}:{c.source.column}: {item.verdict} \"{c.text}\"")
        for comparison in item.comparisons:
            meta, other = comparison.report, comparison.other
            who = meta.outlet if meta and meta.outlet else other.report
            when = meta.published[:10] if meta and meta.published else "undated"
            status = f" [{other.status.value}]" if other.status.value != "reported" else ""
            out.append(f"    {comparison.verdict}: {who}, {when}{status}: \"{other.text}\"  "
                       f"({other.source.path}:{other.source.line}:{other.source.column})")
    counts = f"{review.count('conflict')} in conflict, {review.count('superseded')} superseded, " \
        f"{review.count('consistent')} consistent"
    out.append(f"{review.draft.meta.path}: {counts} among {len(review.claims)} claims; "
               f"checked against {review.record_claims:,} claims on record")
    return "\n".join(out) + "\n"
