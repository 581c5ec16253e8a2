"""Text helpers shared by the stages: sentences with offsets, tokens, line and column."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import data_file


def _no_break_pattern() -> re.Pattern[str]:
    """Abbreviations after which a full stop does not end a sentence (data/text.yaml), and single capitals."""
    words = sorted((str(w) for w in data_file("text")["abbreviations"]), key=len, reverse=True)
    return re.compile(r"(?:\b(?:" + "|".join(re.escape(w) for w in words) + r")|\b[A-Z])\.$")


_NO_BREAK = _no_break_pattern()
_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-*#>|])")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split text[start:end] into sentences, keeping absolute offsets."""
    end = len(text) if end is None else end
    out: list[Span] = []
    pos = start
    for m in _BREAK.finditer(text, start, end):
        candidate = text[pos:m.start()]
        if _NO_BREAK.search(candidate.rstrip()[-12:] if candidate.strip() else "") and "\n" not in m.group():
            continue
        _append(out, text, pos, m.start())
        pos = m.end()
    _append(out, text, pos, end)
    return out


def _append(out: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end, text[start:end]))


class LineIndex:
    """Maps character offsets to 1-based line and column."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1


TOKEN_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[^\W\d_]+(?:['’][^\W\d_]+)?|\S", re.UNICODE)


class Token:
    """A word, a figure or a sign, with its absolute span; ``low`` and the kind are set once, at reading,
    since the normalisers read them many times per token."""

    __slots__ = ("text", "start", "end", "low", "is_digit", "is_word")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.low = text.lower()
        self.is_digit = text[0].isdigit()
        self.is_word = text[0].isalpha()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in TOKEN_RE.finditer(text)]
