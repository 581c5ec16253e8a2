"""Normalisers: text in, every number, quantity and date mention out with its span and value.

``normalize_text`` is what ``checker normalize`` prints and what the extract
stage uses underneath (the same ``AmountReader`` and ``DateReader``): numbers
and quantities as ``{low, best, high, unit}``, dates as inclusive ISO
``{start, end}``, resolved against the reference date when one is given.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from ..lexicon import Lexicon, default_lexicon
from ..textutil import sentences
from .amounts import AmountMention, AmountReader
from .dates import DateMention, DateReader

__all__ = ["AmountMention", "AmountReader", "DateMention", "DateReader", "normalize_text"]


@cache
def _readers(lex: Lexicon) -> tuple[AmountReader, DateReader]:
    return AmountReader(lex), DateReader(lex)


def normalize_text(text: str, reference: date | None = None, lex: Lexicon | None = None) -> list[dict[str, Any]]:
    """Every mention in text, in order, as plain dicts ready for JSON."""
    lex = lex or default_lexicon()
    amounts, dates = _readers(lex)
    out: list[dict[str, Any]] = []
    for sent in sentences(text):
        found_dates = dates.read(sent.text, sent.start, reference)
        taken = [(d.start, d.end) for d in found_dates]
        for d in found_dates:
            if d.role_hint == "bare_time":
                continue  # a clock time with no day dates nothing on its own (but is no number either)
            out.append({"kind": "date", "text": text[d.start:d.end], "start": d.start, "end": d.end, "value": d.value()})
        for m in amounts.read(sent.text, sent.start, taken):
            for shown in (m, *m.conversions):  # a bracketed conversion is a mention of its own too
                out.append({"kind": shown.kind, "text": text[shown.start:shown.end], "start": shown.start,
                            "end": shown.end, "value": shown.value()})
    out.sort(key=lambda m: m["start"])
    return out
