"""Explain how one sentence is read: text in, the claims checker extracts from it out.

Takes a sentence (or a few) and an optional publication date; gives, for each
claim, the fields the matcher and rules use: kind, measure, subject, actors,
event, place, scope, reference, hedge, attribution, the normalised value and
the event date. ``checker explain`` prints it; nothing here formats files.
"""

from __future__ import annotations

from typing import Any

from .extract import Extractor
from .lexicon import Lexicon, default_lexicon
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
