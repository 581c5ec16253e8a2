"""Markdown reports (``.md``, ``.markdown``): text -> Report.

Optional YAML front matter sits between a first line ``---`` and the next
``---`` line; its keys ``id``, ``outlet``, ``published``, ``title`` and ``url``
fill the metadata and other keys (``based_on``, ...) are ignored. The text is
kept whole, front matter included, so offsets point into the file;
``body_start`` is the offset just after the closing ``---`` line.

Without front matter the file is all body. Where the metadata lacks a title or
a date, a first-line ``# heading`` gives the title and a byline at the top of
the body gives the date, as in plain text.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import yaml

from checker.errors import CheckerError
from checker.models import Report, ReportMeta
from checker.read.dates import normalize_date
from checker.read.plaintext import (
    iter_lines,
    published_in_text,
    report_id,
    require_body,
)

_FENCE = "---"
_META_KEYS = ("id", "outlet", "published", "title", "url")
_HEADING = re.compile(r"^(?P<indent> {0,3})#\s+(?P<title>.*?)(?:\s+#+)?\s*$")


def split_front_matter(text: str, path: str) -> tuple[str | None, int]:
    """The front matter's YAML source (None when there is none) and the offset where the body begins."""
    lines = iter_lines(text)
    first = next(lines, None)
    if first is None or first[1].rstrip() != _FENCE:
        return None, 0
    yaml_start = text.find("\n") + 1
    for offset, line in lines:
        if line.rstrip() == _FENCE:
            newline = text.find("\n", offset)
            body_start = len(text) if newline == -1 else newline + 1
            return text[yaml_start:offset], body_start
    raise CheckerError(
        "front-matter",
        "front matter opened with '---' on line 1 is never closed by a '---' line",
        path,
        1,
    )


def _key_line(yaml_source: str, key: str) -> int:
    """The file line (1-based) of ``key:`` in the front matter, or line 2 when it cannot be found."""
    for index, line in enumerate(yaml_source.splitlines()):
        if re.match(rf"\s*['\"]?{re.escape(key)}['\"]?\s*:", line):
            return index + 2  # the YAML starts on line 2 of the file
    return 2


def _load_yaml(yaml_source: str, path: str) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(yaml_source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise CheckerError("front-matter", f"malformed YAML front matter: {problem}", path, line) from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise CheckerError(
            "front-matter",
            f"front matter must be a mapping of keys to values, not a {type(loaded).__name__}",
            path,
            2,
        )
    return {str(key): value for key, value in loaded.items()}


def _meta_values(fields: dict[str, Any], yaml_source: str, path: str) -> dict[str, str | None]:
    """The known keys as strings; dates from YAML become ISO strings with their time and offset."""
    values: dict[str, str | None] = {}
    for key in _META_KEYS:
        value = fields.get(key)
        if value is None:
            values[key] = None
            continue
        if key == "published":
            values[key] = _published_value(value, yaml_source, path)
            continue
        if isinstance(value, (dict, list)):
            raise CheckerError(
                "front-matter",
                f"front matter key '{key}' must be a single value, not a {type(value).__name__}",
                path,
                _key_line(yaml_source, key),
            )
        text = str(value).strip()
        values[key] = text or None
    return values


def _published_value(value: Any, yaml_source: str, path: str) -> str:
    # YAML turns unquoted timestamps into date/datetime objects; isoformat keeps
    # the time and the offset when they were written.
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    normalized = normalize_date(str(value)) if isinstance(value, str) else None
    if normalized is None:
        raise CheckerError(
            "front-matter",
            f"'published: {value}' is not a date; write it as YYYY-MM-DD or an ISO 8601 date-time",
            path,
            _key_line(yaml_source, "published"),
        )
    return normalized


def _title_in_front_matter(text: str, yaml_source: str, title: str) -> tuple[int, int] | None:
    """Where the title value stands in the front matter, when written literally on its key's line."""
    yaml_start = text.find("\n") + 1
    for offset, line in iter_lines(yaml_source):
        match = re.match(r"\s*['\"]?title['\"]?\s*:", line)
        if match is None:
            continue
        found = line.find(title, match.end())
        if found == -1:
            return None
        start = yaml_start + offset + found
        return start, start + len(title)
    return None


def _heading_title(text: str, body_start: int) -> tuple[str, tuple[int, int]] | None:
    """A level-1 ATX heading on the first non-empty body line: its text and span."""
    for offset, line in iter_lines(text, body_start):
        if not line.strip():
            continue
        match = _HEADING.match(line)
        if match is None or not match["title"]:
            return None
        start = offset + match.start("title")
        return match["title"], (start, start + len(match["title"]))
    return None


def parse_markdown(text: str, *, path: str) -> Report:
    """A Report from the decoded text of a Markdown file (BOM already removed)."""
    yaml_source, body_start = split_front_matter(text, path)
    values: dict[str, str | None] = dict.fromkeys(_META_KEYS)
    if yaml_source is not None:
        values = _meta_values(_load_yaml(yaml_source, path), yaml_source, path)
    require_body(text, body_start, path)

    title = values["title"]
    title_span: tuple[int, int] | None = None
    if title is not None and yaml_source is not None:
        title_span = _title_in_front_matter(text, yaml_source, title)
        if title_span is None:
            # A quoted or folded title may still be repeated literally as the headline.
            found = text.find(title, body_start)
            title_span = (found, found + len(title)) if found != -1 else None
    elif title is None:
        heading = _heading_title(text, body_start)
        if heading is not None:
            title, title_span = heading

    meta = ReportMeta(
        id=values["id"] or report_id(path),
        path=path,
        outlet=values["outlet"],
        published=values["published"] or published_in_text(text, body_start),
        title=title,
        url=values["url"],
    )
    return Report(meta=meta, text=text, body_start=body_start, title_span=title_span)
