"""Plain-text reports (``.txt`` and unknown suffixes): text -> Report.

A plain-text report has no metadata block, so what is known is read from its
top: the first line is the headline when it looks like one, and a byline or a
date line among the first non-empty lines gives the publication day
("Dimitri Simes | March 5, 2020 | 7:20pm EST" -> ``2020-03-05``). A dateline
with a year opening the body ("MOSCOW, March 5, 2020 (Reuters) -") is the
fallback. The text is kept whole, so ``body_start`` is 0.

The helpers here are shared with the Markdown reader, whose body is plain text
too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from checker.errors import CheckerError
from checker.models import Report, ReportMeta
from checker.read.dates import (
    byline_date,
    published_from_datelines,
    published_from_lines,
)

# A headline is one short line; longer first lines are the article's lede.
MAX_HEADLINE_CHARS = 200
MAX_HEADLINE_WORDS = 30


def iter_lines(text: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """Each line of ``text`` from offset ``start``: its start offset and its content without the line break."""
    position = start
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        end = length if newline == -1 else newline
        line = text[position:end]
        yield position, line.removesuffix("\r")
        position = end + 1


def report_id(path: str) -> str:
    """The id a report gets when its metadata names none: the file stem."""
    # "<stdin>" becomes "stdin": angle brackets are no part of an id.
    stem = Path(path).stem.strip("<>")
    return stem or path


def require_body(text: str, body_start: int, path: str) -> None:
    """Raise ``empty`` when nothing but whitespace follows ``body_start``."""
    if text[body_start:].strip():
        return
    if body_start:
        line = text.count("\n", 0, body_start) + 1
        raise CheckerError("empty", "no report text after the front matter", path, line)
    raise CheckerError("empty", "the file holds no text (only whitespace)", path)


def headline_span(text: str, body_start: int = 0) -> tuple[int, int] | None:
    """The span of the first non-empty line after ``body_start`` when it reads as a headline.

    A headline is short, is not a byline or date line, does not end like a
    sentence or a lead-in (``.`` ``,`` ``;`` ``:``) and is followed by more text.
    """
    lines = iter_lines(text, body_start)
    for offset, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if (
            len(stripped) > MAX_HEADLINE_CHARS
            or len(stripped.split()) > MAX_HEADLINE_WORDS
            or stripped[-1] in ".,;:"
            or not any(ch.isalpha() for ch in stripped)
            or byline_date(stripped) is not None
        ):
            return None
        if not any(rest.strip() for _, rest in lines):
            # A one-line file is a statement, not a headline over an article.
            return None
        start = offset + (len(line) - len(line.lstrip()))
        return start, start + len(stripped)
    return None


def published_in_text(text: str, body_start: int = 0) -> str | None:
    """The publication day written at the top of the text: a byline first, else a dateline."""
    lines = [line for _, line in iter_lines(text, body_start)]
    return published_from_lines(lines) or published_from_datelines(lines)


def parse_plaintext(text: str, *, path: str) -> Report:
    """A Report from the decoded text of a plain-text file (BOM already removed)."""
    require_body(text, 0, path)
    span = headline_span(text)
    meta = ReportMeta(
        id=report_id(path),
        path=path,
        title=text[span[0] : span[1]] if span else None,
        published=published_in_text(text),
    )
    return Report(meta=meta, text=text, body_start=0, title_span=span)
