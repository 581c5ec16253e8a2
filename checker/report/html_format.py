"""HTML: a Review in, one self-contained page out (inline CSS, no script, nothing fetched).

The draft's text is shown with each claim the record speaks to highlighted
by its verdict (conflict, superseded, consistent); beside it, per claim,
what the record says: outlet, date, editorial status, the quote and its
place, the verdict and the rule's message. Every piece of report text goes
through ``html.escape``, so a report holding ``<script>`` shows it as text.
``render_body`` gives the same view without the page around it, for
``checker serve`` to embed.
"""

from __future__ import annotations

from html import escape

from ..models import Claim
from ..review import Review, ReviewedClaim

CSS = """
:root { --conflict: #c62828; --superseded: #b26a00; --consistent: #2e7d32; --ink: #1d1d1f; --muted: #5f6368; }
* { box-sizing: border-box; }
body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: var(--ink); margin: 0; background: #fafaf7; }
header, footer { padding: 1rem 2rem; }
header h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
.meta, .src, .why { color: var(--muted); font: 13px/1.4 system-ui, sans-serif; }
.grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; padding: 0 2rem 2rem; }
@media (max-width: 900px) { .grid { grid-template-columns: 1fr; } }
.draft { background: #fff; padding: 1.2rem 1.5rem; border: 1px solid #e0e0e0; white-space: pre-wrap; }
.draft h2 { font-size: 1.3rem; margin: 0 0 .8rem; white-space: normal; }
mark { background: none; border-bottom: 3px solid; padding: 0 1px; }
mark a { color: inherit; text-decoration: none; }
mark.conflict { border-color: var(--conflict); background: #fdecea; }
mark.superseded { border-color: var(--superseded); background: #fff4e0; }
mark.consistent { border-color: var(--consistent); background: #eaf5ea; }
aside section { background: #fff; border: 1px solid #e0e0e0; border-left: 5px solid; margin-bottom: 1rem;
                padding: .6rem .9rem; }
aside section.conflict { border-left-color: var(--conflict); }
aside section.superseded { border-left-color: var(--superseded); }
aside section.consistent { border-left-color: var(--consistent); }
aside h2 { font-size: 1rem; margin: 0 0 .4rem; }
aside ul { list-style: none; margin: 0; padding: 0; }
aside li { padding: .4rem 0; border-top: 1px dotted #ddd; }
.badge { font: bold 11px/1 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .04em; color: #fff;
         padding: 3px 6px; border-radius: 3px; vertical-align: middle; }
.badge.conflict { background: var(--conflict); } .badge.superseded { background: var(--superseded); }
.badge.consistent { background: var(--consistent); }
.status { font: 12px system-ui, sans-serif; border: 1px solid var(--muted); border-radius: 3px; padding: 0 4px; }
.errors { color: var(--conflict); font: 14px system-ui, sans-serif; }
"""


def _span_in_text(review: Review, claim: Claim) -> tuple[int, int] | None:
    """Where a claim stands in the draft's text (its source offsets are into the file)."""
    draft = review.draft
    if draft.offset_map is None:
        start, end = claim.source.start, claim.source.end
    else:  # HTML drafts: find the text positions whose file offsets hold the claim
        inverse = {offset: i for i, offset in enumerate(draft.offset_map)}
        if claim.source.start not in inverse or claim.source.end - 1 not in inverse:
            return None
        start, end = inverse[claim.source.start], inverse[claim.source.end - 1] + 1
    if not (0 <= start < end <= len(draft.text)):
        return None
    return start, end


def _marked_text(review: Review, numbered: list[tuple[int, ReviewedClaim]], lo: int, hi: int) -> str:
    """The draft's text from ``lo`` to ``hi``, escaped, with the claims inside it marked by verdict."""
    text = review.draft.text[:hi]
    spans: list[tuple[int, int, int, ReviewedClaim]] = []
    for n, item in numbered:
        span = _span_in_text(review, item.claim)
        if span is not None and lo <= span[0] and span[1] <= hi:
            spans.append((span[0], span[1], n, item))
    out: list[str] = []
    cursor = lo
    for start, end, n, item in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < cursor:
            continue  # overlaps a claim already marked: the text is shown once
        verdict = item.verdict or "consistent"
        out.append(escape(text[cursor:start]))
        out.append(f'<mark class="{verdict}" id="mark-{n}" title="{verdict}"><a href="#claim-{n}">'
                   f"{escape(text[start:end])}</a></mark>")
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


def _comparisons(n: int, item: ReviewedClaim) -> str:
    verdict = item.verdict or "consistent"
    rows: list[str] = []
    for comparison in item.comparisons:
        meta = comparison.report
        other = comparison.other
        who = escape(meta.outlet if meta and meta.outlet else other.report)
        when = escape(meta.published[:10]) if meta and meta.published else "undated"
        status = f' <span class="status">{escape(other.status.value)}</span>' if other.status.value != "reported" else ""
        why = f'<div class="why">{escape(comparison.finding.code)} {escape(comparison.finding.message)}</div>' \
            if comparison.finding else ""
        sentence = other.sentence or other.text
        rows.append(
            f'<li class="{comparison.verdict}"><span class="badge {comparison.verdict}">{comparison.verdict}</span> '
            f"<b>{who}</b>, {when}{status}: <q>{escape(other.text)}</q>"
            f'<div class="src">{escape(sentence)}</div>'
            f'<div class="src">{escape(other.source.path)}:{other.source.line}:{other.source.column}</div>{why}</li>'
        )
    return (f'<section class="{verdict}" id="claim-{n}"><h2><a href="#mark-{n}">&ldquo;{escape(item.claim.text)}'
            f'&rdquo;</a> <span class="badge {verdict}">{verdict}</span></h2><ul>{"".join(rows)}</ul></section>')


def render_body(review: Review) -> str:
    """The review view without <html>/<head>: header, draft beside the record, errors."""
    numbered = [(n + 1, item) for n, item in enumerate(review.claims) if item.comparisons]
    meta = review.draft.meta
    title = escape(meta.title or meta.id)
    counts = f"{review.count('conflict')} in conflict, {review.count('superseded')} superseded, " \
        f"{review.count('consistent')} consistent"
    draft = review.draft
    headline = ""
    if draft.title_span is not None and draft.title_span[0] < draft.body_start:
        # a headline in front matter is outside the body but its claims count: show it above the text
        headline = f"<h2>{_marked_text(review, numbered, *draft.title_span)}</h2>"
    body = _marked_text(review, numbered, draft.body_start, len(draft.text))
    published = escape(meta.published[:10]) if meta.published else "undated"
    aside = "".join(_comparisons(n, item) for n, item in numbered) or \
        "<p>The record says nothing about the facts this draft states.</p>"
    errors = "".join(f"<li>{escape(e.path)}{f':{e.line}' if e.line else ''}: [{escape(e.code)}] {escape(e.message)}</li>"
                     for e in review.errors)
    return (
        f"<header><h1>Review: {title}</h1>"
        f'<p class="meta">read as of {published} &middot; {len(review.claims)} claims &middot; checked against '
        f"{review.record_claims:,} claims on record in {escape(review.record)} &middot; {counts}</p>"
        + (f'<ul class="errors">{errors}</ul>' if errors else "")
        + f'</header><div class="grid"><article class="draft">{headline}{body}</article>'
        f"<aside>{aside}</aside></div>"
    )


def render(review: Review) -> str:
    """The whole page: opens from disk, loads nothing."""
    title = escape(review.draft.meta.title or review.draft.meta.id)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # no network: forbid every fetch, allow only the inline style
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>Review: {title}</title><style>{CSS}</style></head><body>{render_body(review)}</body></html>\n"
    )
