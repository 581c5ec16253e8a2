"""Explain how sentences are read and judged: texts in, claims, matches and findings out.

Takes a sentence (or a few) and an optional publication date; gives, for each
claim, the fields the matcher and rules use: kind, measure, subject, actors,
event, place, scope, reference, hedge, attribution, the normalised value and
the event date. Given two or more sentences (each read as its own report),
``explain_judgement`` also gives every pair of claims that share a blocking
key with the matcher's verdict (level, score, reasons, or kept apart) and
the findings of the rules. ``checker explain`` prints them.
"""

from __future__ import annotations

from typing import Any

from .extract import Extractor
from .lexicon import Lexicon, default_lexicon
from .match import Matcher, blocking_key
from .models import Claim, Finding, MatchInfo
from .pipeline import CheckOptions, extract_claims, judge
from .read import read_text

FIELDS = ("kind", "measure", "subject", "actors", "event", "place", "scope", "period", "reference", "hedge",
          "attribution", "value", "event_date", "note")


def explain_sentence(text: str, published: str | None = None, lexicon: Lexicon | None = None) -> list[dict[str, Any]]:
    """Each claim of the text, as the fields checker judges it by plus its quote and span."""
    report = read_text(text, path="<explain>", published=published, suffix=".txt")
    claims = Extractor(lexicon or default_lexicon()).extract(report)
    out = []
    for c in claims:
        data = c.model_dump(mode="json")
        row: dict[str, Any] = {"text": c.text, "span": [c.source.start, c.source.end]}
        row.update({k: data.get(k) for k in FIELDS if data.get(k) not in (None, [], "")})
        out.append(row)
    return out


def render_explanation(text: str, rows: list[dict[str, Any]], published: str | None) -> str:
    lines = [f"sentence: {text!r}", f"published: {published or '(unknown: relative dates stay unresolved)'}"]
    if not rows:
        lines.append("no checkable claim found (no count, quantity or date tied to a measure)")
    for n, row in enumerate(rows, 1):
        lines.append(f"claim {n}: {row['text']!r} at {row['span'][0]}-{row['span'][1]}")
        for key, value in row.items():
            if key not in ("text", "span"):
                lines.append(f"  {key:<11} {value}")
    return "\n".join(lines) + "\n"


def explain_judgement(texts: list[str], published: str | None, options: CheckOptions,
                      ) -> tuple[list[Claim], list[tuple[Claim, Claim, MatchInfo | None]], list[Finding]]:
    """Claims of each text (report ``s1``, ``s2``...), the verdict on each candidate pair, and the findings."""
    reports = [read_text(t, path=f"s{n}.txt", published=published, suffix=".txt") for n, t in enumerate(texts, 1)]
    lexicon = options.lexicon or default_lexicon()
    metas, claims = extract_claims(list(reports), lexicon)
    matcher = Matcher(lexicon, options.match)
    matcher.prepare(claims)  # as judging does: what matching learns of all claims at once
    verdicts: list[tuple[Claim, Claim, MatchInfo | None]] = []
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if a.report != b.report and blocking_key(a, lexicon) == blocking_key(b, lexicon):
                verdicts.append((a, b, matcher.same_fact(a, b)))
    conflicts, others = judge(metas, claims, options)
    return claims, verdicts, conflicts + others


def render_judgement(claims: list[Claim], verdicts: list[tuple[Claim, Claim, MatchInfo | None]],
                     findings: list[Finding]) -> str:
    lines = []
    for c in claims:
        lines.append(f"{c.report} {c.id}: {c.kind}/{c.measure} {c.subject or '-'} {c.value.model_dump()} {c.text!r}")
    lines.append("")
    if not verdicts:
        lines.append("no pair of claims across the sentences shares a kind and measure")
    for a, b, info in verdicts:
        if info is None:
            lines.append(f"{a.id} ~ {b.id}: different facts (kept apart by the matcher's constraints)")
        else:
            lines.append(f"{a.id} ~ {b.id}: one fact, {info.level} {info.score:.0f} ({'; '.join(info.reasons)})")
    lines.append("")
    for f in findings:
        lines.append(f"{f.severity.value} {f.code} {f.rule}: {f.message}" + (f" [{f.threshold}]" if f.threshold else ""))
    if not findings:
        lines.append("no finding")
    return "\n".join(lines) + "\n"
