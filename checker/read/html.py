"""HTML reports (``.html``, ``.htm``): markup -> Report of the article's text.

The article is the longest ``<article>`` with text, else ``<main>``, else the
whole ``<body>``; the contents of ``script``, ``style``, ``nav``, ``header``,
``footer``, ``aside``, ``noscript``, ``template`` (and ``title``, ``svg``)
are left out. Block elements end a paragraph (``"\\n\\n"``), other runs of
whitespace collapse to one space as a browser shows them, and entities are
decoded.

``Report.text`` is this extracted text, not the file, so ``offset_map`` says
where each character came from: ``offset_map[i]`` is the file offset of
``text[i]`` (a decoded entity maps to its ``&``, a collapsed space to the
first whitespace character, a paragraph break to the tag that caused it), and
one more entry, ``offset_map[len(text)]``, is the length of the file so that
an end offset maps too. Offsets are computed from the parser's ``getpos()``,
which is why character references are not converted by the parser.

Metadata: outlet from ``og:site_name``, url from ``og:url``, title from ``og:title``, else ``<title>``, else the first ``<h1>``;
publication date from ``article:published_time``, a ``date``-like ``<meta>``,
the first ``<time datetime>``, or JSON-LD ``datePublished``, in that order.
Only the standard library's :mod:`html.parser` is used.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from checker.errors import CheckerError
from checker.models import Report, ReportMeta
from checker.read.dates import normalize_date
from checker.read.plaintext import report_id

SKIPPED = frozenset(
    {"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "title", "svg"}
)
BLOCKS = frozenset(
    {
        "p", "div", "br", "section", "article", "main", "blockquote", "tr", "li", "ul", "ol",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "figure", "figcaption", "hr", "pre",
        "dl", "dt", "dd", "address", "details", "summary", "body",
    }
)
# <meta name=...> values that carry the publication date, after article:published_time.
DATE_META_NAMES = frozenset(
    {"date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.date", "datepublished"}
)
# Regions where a <time> is about something else than this article (a teaser, the footer).
_OFF_ARTICLE = frozenset({"nav", "aside", "footer"})


@dataclass
class _Text:
    """Characters taken from the file, with the file offset of each."""

    chars: str
    offsets: list[int]
    article: int | None
    in_main: bool


@dataclass
class _Break:
    """A paragraph boundary at a block tag."""

    offset: int
    article: int | None
    in_main: bool


@dataclass
class _Collected:
    events: list[_Text | _Break] = field(default_factory=list)
    og_title: str | None = None
    og_url: str | None = None
    site_name: str | None = None
    title: str = ""
    h1: str | None = None
    published_meta: str | None = None
    named_dates: list[str] = field(default_factory=list)
    time_datetime: str | None = None
    json_ld: list[str] = field(default_factory=list)


class _ArticleParser(HTMLParser):
    """Collects text events with file offsets and the metadata of one HTML document."""

    def __init__(self, source: str) -> None:
        # Character references stay unconverted so each one is seen with its position.
        super().__init__(convert_charrefs=False)
        self.out = _Collected()
        self._line_starts = [0]
        position = source.find("\n")
        while position != -1:
            self._line_starts.append(position + 1)
            position = source.find("\n", position + 1)
        self._source = source
        # Open skipped elements with the article depth they were opened at, so
        # an unclosed <aside> does not swallow the rest of its article.
        self._skipped: list[tuple[str, int]] = []
        self._articles: list[int | None] = []
        self._article_count = 0
        self._main_depth = 0
        self._in_title = False
        self._h1_parts: list[str] | None = None
        self._json_ld_parts: list[str] | None = None

    # -- positions ------------------------------------------------------
    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _context(self) -> tuple[int | None, bool]:
        article = self._articles[-1] if self._articles else None
        return article, self._main_depth > 0

    # -- tags -------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): value or "" for name, value in attrs}
        offset = self._offset()
        if tag == "meta":
            self._meta(attributes)
        elif tag == "time" and attributes.get("datetime") and self.out.time_datetime is None:
            if not any(name in _OFF_ARTICLE for name, _ in self._skipped):
                self.out.time_datetime = attributes["datetime"]
        elif tag == "script" and attributes.get("type", "").lower() == "application/ld+json":
            self._json_ld_parts = []
        elif tag == "title":
            self._in_title = True
        elif tag == "h1" and self.out.h1 is None and self._h1_parts is None:
            self._h1_parts = []

        if tag in SKIPPED:
            self._skipped.append((tag, len(self._articles)))
            return
        if tag == "article":
            # An article inside skipped markup (a teaser in an <aside>) is no candidate.
            if self._skipped:
                self._articles.append(None)
            elif self._articles and self._articles[-1] is not None:
                self._articles.append(self._articles[-1])  # nested: part of the outer one
            else:
                self._articles.append(self._article_count)
                self._article_count += 1
        elif tag == "main":
            self._main_depth += 1
        if tag in BLOCKS:
            self._break(offset)

    def handle_endtag(self, tag: str) -> None:
        offset = self._offset()
        if tag == "title":
            self._in_title = False
        elif tag == "h1" and self._h1_parts is not None:
            self.out.h1 = " ".join("".join(self._h1_parts).split()) or None
            self._h1_parts = None
        elif tag == "script" and self._json_ld_parts is not None:
            self.out.json_ld.append("".join(self._json_ld_parts))
            self._json_ld_parts = None

        if tag in SKIPPED:
            for index in range(len(self._skipped) - 1, -1, -1):
                if self._skipped[index][0] == tag:
                    del self._skipped[index:]
                    break
            return
        if tag == "article" and self._articles:
            self._articles.pop()
            # Skipped elements opened inside the closed article end with it.
            self._skipped = [entry for entry in self._skipped if entry[1] <= len(self._articles)]
        elif tag == "main" and self._main_depth:
            self._main_depth -= 1
        elif tag in ("body", "html"):
            self._skipped.clear()
        if tag in BLOCKS:
            self._break(offset)

    def _meta(self, attributes: dict[str, str]) -> None:
        key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
        content = attributes.get("content", "").strip()
        if not content:
            return
        if key == "og:title" and self.out.og_title is None:
            self.out.og_title = " ".join(content.split())
        elif key == "og:url" and self.out.og_url is None:
            self.out.og_url = content
        elif key == "og:site_name" and self.out.site_name is None:
            self.out.site_name = " ".join(content.split())
        elif key == "article:published_time" and self.out.published_meta is None:
            self.out.published_meta = content
        elif key in DATE_META_NAMES:
            self.out.named_dates.append(content)

    # -- text -------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        offset = self._offset()
        self._add_text(data, list(range(offset, offset + len(data))))

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def _reference(self, raw: str) -> None:
        offset = self._offset()
        # The parser also reports references not closed by ';' ("&amp "), so
        # look at the file to decode exactly what was written.
        if self._source.startswith(";", offset + len(raw)):
            raw += ";"
        decoded = html.unescape(raw)
        self._add_text(decoded, [offset] * len(decoded))

    def _add_text(self, chars: str, offsets: list[int]) -> None:
        if self._in_title:
            self.out.title += chars
        if self._h1_parts is not None:
            self._h1_parts.append(chars)
        if self._json_ld_parts is not None:
            self._json_ld_parts.append(chars)
        if self._skipped or self._in_title or not chars:
            return
        article, in_main = self._context()
        self.out.events.append(_Text(chars, offsets, article, in_main))

    def _break(self, offset: int) -> None:
        if self._skipped:
            return
        article, in_main = self._context()
        self.out.events.append(_Break(offset, article, in_main))


def _choose_events(events: list[_Text | _Break]) -> list[_Text | _Break]:
    """The events of the longest article with text, else of <main>, else all of them."""
    sizes: dict[int, int] = {}
    main_size = 0
    for event in events:
        if isinstance(event, _Text):
            visible = sum(1 for ch in event.chars if not ch.isspace())
            if event.article is not None:
                sizes[event.article] = sizes.get(event.article, 0) + visible
            if event.in_main:
                main_size += visible
    sizes = {article: size for article, size in sizes.items() if size}
    if sizes:
        best = max(sizes, key=lambda article: (sizes[article], -article))
        return [event for event in events if event.article == best]
    if main_size:
        return [event for event in events if event.in_main]
    return events


def _render(events: list[_Text | _Break]) -> tuple[str, list[int]]:
    """Text with whitespace collapsed and paragraphs split by blank lines, and its offset map."""
    chars: list[str] = []
    offsets: list[int] = []
    pending_space: int | None = None
    pending_break: int | None = None
    for event in events:
        if isinstance(event, _Break):
            if pending_break is None:
                pending_break = event.offset
            continue
        for char, offset in zip(event.chars, event.offsets, strict=True):
            if char.isspace():
                if pending_space is None:
                    pending_space = offset
                continue
            if chars:
                if pending_break is not None:
                    chars.extend("\n\n")
                    offsets.extend((pending_break, pending_break))
                elif pending_space is not None:
                    chars.append(" ")
                    offsets.append(pending_space)
            pending_space = pending_break = None
            chars.append(char)
            offsets.append(offset)
    return "".join(chars), offsets


def _json_ld_published(sources: list[str]) -> str | None:
    """The first ``datePublished`` in the JSON-LD blocks, searching nested objects and @graph."""

    def walk(node: Any) -> str | None:
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                return value
            children: list[Any] = list(node.values())
        elif isinstance(node, list):
            children = node
        else:
            return None
        for child in children:
            found = walk(child)
            if found is not None:
                return found
        return None

    for source in sources:
        try:
            data = json.loads(source)
        except ValueError:
            continue  # broken JSON-LD is common and says nothing about the article
        found = walk(data)
        if found is not None:
            return found
    return None


def _published(collected: _Collected) -> str | None:
    candidates = [collected.published_meta, *collected.named_dates, collected.time_datetime]
    for candidate in candidates:
        if candidate:
            normalized = normalize_date(candidate)
            if normalized is not None:
                return normalized
    json_ld = _json_ld_published(collected.json_ld)
    return normalize_date(json_ld) if json_ld else None


def parse_html(source: str, *, path: str) -> Report:
    """A Report from the decoded text of an HTML file (BOM already removed)."""
    parser = _ArticleParser(source)
    try:
        parser.feed(source)
        parser.close()
    except Exception as error:  # noqa: BLE001 - html.parser still raises AssertionError on some odd markup
        raise CheckerError("html", f"could not parse the HTML: {error}", path) from None
    collected = parser.out
    text, offsets = _render(_choose_events(collected.events))
    if not text:
        raise CheckerError("empty", "no article text found in the HTML", path)
    offsets.append(len(source))

    title = collected.og_title or " ".join(collected.title.split()) or collected.h1
    title_span: tuple[int, int] | None = None
    if title:
        found = text.find(title)
        if found != -1:
            title_span = (found, found + len(title))
    meta = ReportMeta(
        id=report_id(path),
        path=path,
        outlet=collected.site_name,
        published=_published(collected),
        title=title or None,
        url=collected.og_url,
    )
    return Report(meta=meta, text=text, body_start=0, title_span=title_span, offset_map=offsets, raw=source)
