"""Tests of the read stage: each file kind, offsets into the file, and every bad-input code."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from checker.errors import CheckerError
from checker.models import ClaimsFile, Report
from checker.read import expand_paths, file_offset, read_report, read_text
from checker.read.dates import byline_date, dateline_date, normalize_date

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_3c377cf6600df4ae.txt"

MARKDOWN = """---
id: r03
outlet: Anadolu Agency
published: 2020-03-05T21:10:00+03:00
title: Turkey and Russia agree Idlib ceasefire
based_on: https://example.org/original-report
---
MOSCOW - Turkey and Russia agreed on Thursday to a ceasefire.
"""


def _report(result: Report | ClaimsFile) -> Report:
    assert isinstance(result, Report)
    return result


def _error(path: Path | str, **kwargs: object) -> CheckerError:
    with pytest.raises(CheckerError) as caught:
        read_report(path, **kwargs)  # type: ignore[arg-type]
    return caught.value


# -- Markdown ------------------------------------------------------------------


def test_markdown_front_matter_fills_meta(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    report = _report(read_report(path))
    assert report.meta.id == "r03"
    assert report.meta.outlet == "Anadolu Agency"
    assert report.meta.published == "2020-03-05T21:10:00+03:00"
    assert report.meta.title == "Turkey and Russia agree Idlib ceasefire"
    assert report.meta.path == str(path)
    assert report.text == MARKDOWN  # the whole file, front matter included
    assert report.text[report.body_start :].startswith("MOSCOW - Turkey")
    assert report.text[: report.body_start].endswith("---\n")


def test_markdown_title_span_points_at_title(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    report = _report(read_report(path))
    assert report.title_span is not None
    start, end = report.title_span
    assert report.text[start:end] == "Turkey and Russia agree Idlib ceasefire"
    assert report.text.rfind("\n", 0, start) == report.text.find("title:") - 1


def test_markdown_date_only_published_and_stem_id(tmp_path: Path) -> None:
    path = tmp_path / "r07.md"
    path.write_text("---\npublished: 2020-03-05\n---\nBody text.\n", encoding="utf-8")
    report = _report(read_report(path))
    assert report.meta.id == "r07"
    assert report.meta.published == "2020-03-05"
    assert report.title_span is None


def test_markdown_without_front_matter_uses_heading(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text("# Ceasefire agreed\n\nThe two presidents met.\n", encoding="utf-8")
    report = _report(read_report(path))
    assert report.body_start == 0
    assert report.meta.title == "Ceasefire agreed"
    assert report.title_span == (2, 18)


def test_bom_is_stripped_and_offsets_follow(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf" + MARKDOWN.encode("utf-8"))
    report = _report(read_report(path))
    assert report.text == MARKDOWN
    assert report.meta.id == "r03"


def test_published_argument_only_fills_missing_dates(tmp_path: Path) -> None:
    dated = tmp_path / "dated.md"
    dated.write_text(MARKDOWN, encoding="utf-8")
    undated = tmp_path / "undated.md"
    undated.write_text("Twelve people died.\n", encoding="utf-8")
    assert _report(read_report(dated, published="2021-01-01")).meta.published == "2020-03-05T21:10:00+03:00"
    assert _report(read_report(undated, published="2021-01-01")).meta.published == "2021-01-01"
    assert _report(read_report(undated)).meta.published is None


def test_read_text_for_stdin() -> None:
    report = read_text(MARKDOWN, published="2021-01-01")
    assert report.meta.path == "<stdin>"
    assert report.meta.id == "r03"
    assert report.meta.published == "2020-03-05T21:10:00+03:00"
    assert report.text[report.body_start :].startswith("MOSCOW")
    plain = read_text("Headline here\n\nBy Jo Bloggs, 5 March 2020\n\nBody.\n", suffix=".txt")
    assert plain.meta.published == "2020-03-05"
    assert plain.meta.title == "Headline here"


# -- plain text ----------------------------------------------------------------


def test_txt_byline_date_and_headline(tmp_path: Path) -> None:
    path = tmp_path / "byline.txt"
    text = "A Ceasefire in Idlib\n\nDimitri Simes | March 5, 2020 | 7:20pm EST\nMoscow - The talks ended.\n"
    path.write_text(text, encoding="utf-8")
    report = _report(read_report(path))
    assert report.meta.published == "2020-03-05"
    assert report.meta.title == "A Ceasefire in Idlib"
    assert report.title_span == (0, 20)
    assert report.body_start == 0
    assert report.text == text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("March 5, 2020", "2020-03-05"),
        ("5 March 2020", "2020-03-05"),
        ("2020-03-05", "2020-03-05"),
        ("Published: 2020-03-05", "2020-03-05"),
        ("Thursday, Sept. 3rd, 2020 10:15 a.m. GMT", "2020-09-03"),
        ("By Jo Bloggs, March 5, 2020", "2020-03-05"),
        ("On March 5, 2020, Russia and Turkey agreed a ceasefire.", None),
        ("March 5", None),
    ],
)
def test_byline_date_forms(line: str, expected: str | None) -> None:
    found = byline_date(line)
    assert (found[0] if found else None) == expected


def test_txt_prefers_published_over_updated(tmp_path: Path) -> None:
    path = tmp_path / "updated.txt"
    path.write_text("Title\n\nUpdated: March 6, 2020\nPublished: March 5, 2020\n\nBody.\n", encoding="utf-8")
    assert _report(read_report(path)).meta.published == "2020-03-05"


def test_dateline_needs_a_year(tmp_path: Path) -> None:
    assert dateline_date("MOSCOW, March 5, 2020 (Reuters) - Talks ended.") == "2020-03-05"
    assert dateline_date("March 3 (UPI) -- A Syrian warplane crashed.") is None
    path = tmp_path / "upi.txt"
    path.write_text("March 3 (UPI) -- A Syrian warplane crashed in Idlib.\n", encoding="utf-8")
    assert _report(read_report(path)).meta.published is None


def test_normalize_date_keeps_time_and_offset() -> None:
    assert normalize_date("2020-03-05T21:10:00Z") == "2020-03-05T21:10:00+00:00"
    assert normalize_date("2020-03-05") == "2020-03-05"
    assert normalize_date("March 5, 2020") == "2020-03-05"
    assert normalize_date("yesterday") is None


def test_seed_article() -> None:
    if not SEED.is_file():
        pytest.skip(f"shared seed not present at {SEED}")
    report = _report(read_report(SEED))
    assert report.meta.published == "2020-03-05"
    assert report.meta.title == "Russia, Turkey Pull Back From the Brink in Syria With Ceasefire Deal"
    assert report.title_span is not None
    assert report.text[report.title_span[0] : report.title_span[1]] == report.meta.title
    assert report.meta.id == "000_3c377cf6600df4ae"


# -- HTML ----------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><title>Site title</title>
<meta property="og:title" content="Turkey &amp; Russia agree ceasefire">
<meta property="article:published_time" content="2020-03-05T21:10:00+03:00">
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><nav>Home | World</nav><header>Site header</header>
<article><h1>Turkey &amp; Russia agree ceasefire</h1>
<p>MOSCOW &ndash; At least  33
 soldiers were killed.</p><p>Second<br>line</p>
<aside>Related: 99 dead</aside></article>
<footer>(c) 2020</footer></body></html>
"""


def test_html_article_text_and_meta(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    report = _report(read_report(path))
    assert report.text == (
        "Turkey & Russia agree ceasefire\n\nMOSCOW \u2013 At least 33 soldiers were killed.\n\nSecond\n\nline"
    )
    assert report.meta.published == "2020-03-05T21:10:00+03:00"
    assert report.meta.title == "Turkey & Russia agree ceasefire"
    assert report.title_span == (0, 31)
    assert report.meta.id == "page"


def test_html_offset_map_points_into_file(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    report = _report(read_report(path))
    assert report.offset_map is not None
    assert len(report.offset_map) == len(report.text) + 1
    checked = 0
    for index, char in enumerate(report.text):
        origin = HTML[report.offset_map[index]]
        if origin == "&":
            continue  # a decoded entity maps to its '&'
        if char.isspace():
            assert origin.isspace() or origin == "<"  # collapsed space or a paragraph break at a tag
            continue
        assert char == origin
        checked += 1
    assert checked > 50
    start = report.text.index("33 soldiers")
    end = start + len("33 soldiers")
    assert HTML[file_offset(report, start) : file_offset(report, end)] == "33\n soldiers"
    assert file_offset(report, len(report.text)) == len(HTML)
    assert HTML[file_offset(report, report.text.index("&"))] == "&"


def test_html_date_fallbacks(tmp_path: Path) -> None:
    with_time = tmp_path / "time.htm"
    with_time.write_text('<body><p>Posted <time datetime="2020-03-05">Thursday</time>.</p></body>', encoding="utf-8")
    assert _report(read_report(with_time)).meta.published == "2020-03-05"
    json_ld = tmp_path / "ld.html"
    json_ld.write_text(
        '<script type="application/ld+json">{"@graph": [{"datePublished": "2020-03-04T10:00:00Z"}]}</script>'
        "<main><p>Body text.</p></main>",
        encoding="utf-8",
    )
    report = _report(read_report(json_ld))
    assert report.meta.published == "2020-03-04T10:00:00+00:00"
    assert report.text == "Body text."


def test_file_offset_is_identity_without_map(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    report = _report(read_report(path))
    assert file_offset(report, 17) == 17


# -- JSON ----------------------------------------------------------------------


def test_json_report_object(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    document = {"id": "j1", "outlet": "AP", "published": "2020-03-05", "title": "Deal", "text": "Deal done. 12 died."}
    path.write_text(json.dumps(document), encoding="utf-8")
    report = _report(read_report(path))
    assert report.text == "Deal done. 12 died."
    assert report.meta.id == "j1"
    assert report.meta.outlet == "AP"
    assert report.meta.published == "2020-03-05"
    assert report.title_span == (0, 4)


def _claims_document() -> dict[str, object]:
    claim = {
        "id": "c1",
        "fingerprint": "fp1",
        "kind": "casualty",
        "measure": "killed",
        "text": "33 soldiers were killed",
        "source": {"path": "r01.md", "start": 10, "end": 33, "line": 2, "column": 1},
        "report": "r01",
        "value": {"low": 33, "best": 33, "high": 33},
    }
    return {"report": {"id": "r01", "path": "r01.md"}, "claims": [claim]}


def test_json_claims_file(tmp_path: Path) -> None:
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(_claims_document()), encoding="utf-8")
    result = read_report(path, published="2020-03-05")
    assert isinstance(result, ClaimsFile)
    assert result.claims[0].value.best == 33  # type: ignore[union-attr]
    assert result.report.id == "r01"
    assert result.report.published == "2020-03-05"


# -- bad input: one test per code --------------------------------------------


def test_not_found(tmp_path: Path) -> None:
    error = _error(tmp_path / "missing.md")
    assert error.code == "not-found"
    assert error.path == str(tmp_path / "missing.md")


def test_directory_is_unreadable(tmp_path: Path) -> None:
    assert _error(tmp_path).code == "unreadable"


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 200, encoding="utf-8")
    error = _error(path, max_bytes=100)
    assert error.code == "too-large"
    assert "--max-bytes" in error.message
    assert "100" in error.message


def test_binary(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"text\x00more")
    assert _error(path).code == "binary"


def test_encoding_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"first line\nsecond: caf" + b"\xe9 ok\n")
    error = _error(path)
    assert error.code == "encoding"
    assert error.line == 2
    assert "line 2, column 12" in error.message


def test_front_matter_error_names_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\nid: r1\ntitle: [unclosed\nurl: x\n---\nBody.\n", encoding="utf-8")
    error = _error(path)
    assert error.code == "front-matter"
    assert error.line is not None and 3 <= error.line <= 5
    unclosed = tmp_path / "unclosed.md"
    unclosed.write_text("---\nid: r1\nBody.\n", encoding="utf-8")
    assert (_error(unclosed).code, _error(unclosed).line) == ("front-matter", 1)
    bad_date = tmp_path / "date.md"
    bad_date.write_text("---\nid: r1\npublished: last week\n---\nBody.\n", encoding="utf-8")
    assert (_error(bad_date).code, _error(bad_date).line) == ("front-matter", 3)


def test_empty(tmp_path: Path) -> None:
    only_front_matter = tmp_path / "meta.md"
    only_front_matter.write_text("---\nid: r1\n---\n\n   \n", encoding="utf-8")
    assert _error(only_front_matter).code == "empty"
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\t\n", encoding="utf-8")
    assert _error(blank).code == "empty"


def test_malformed_json_gives_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "text": "a",\n  "id": \n}\n', encoding="utf-8")
    error = _error(path)
    assert error.code == "json"
    assert error.line == 4


def test_schema_error_names_field_path(tmp_path: Path) -> None:
    document = _claims_document()
    claims = document["claims"]
    assert isinstance(claims, list)
    claims[0]["value"]["low"] = "many"
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    error = _error(path)
    assert error.code == "schema"
    assert error.message.startswith("claims[0].value.low:")
    assert error.path == str(path)
    no_text = tmp_path / "notext.json"
    no_text.write_text('{"id": "x"}', encoding="utf-8")
    assert _error(no_text).message.startswith("text:")


# -- expanding paths -----------------------------------------------------------


def test_expand_paths_walks_folders_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/r2.md", "a.txt", "c.html", "notes.yaml", ".secret.md", ".hidden/x.md", "b/r1.json"):
        (tmp_path / name).write_text("text", encoding="utf-8")
    files, errors = expand_paths([str(tmp_path), "-"])
    assert errors == []
    expected = [os.path.join(str(tmp_path), name) for name in ("a.txt", "b/r1.json", "b/r2.md", "c.html")]
    assert files == [*expected, "-"]


def test_expand_paths_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "gold.yaml").write_text("facts: []", encoding="utf-8")
    files, errors = expand_paths([str(empty), str(tmp_path / "missing.md")])
    assert files == []
    assert [(error.code, error.path) for error in errors] == [
        ("no-reports", str(empty)),
        ("not-found", str(tmp_path / "missing.md")),
    ]
