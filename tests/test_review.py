"""The editor's review: verdicts per draft claim, the self-contained HTML, the local web page.

Drafts are written by the tests in our own words; the record holds three of
the example reports.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLES

from checker.cli import main
from checker.models import ClaimStatus
from checker.record import record_paths, store
from checker.report import html_format
from checker.review import read_draft, review_report
from checker.web import make_server

DRAFT = """---
id: draft
outlet: Our Desk
title: Strike on Turkish troops <script>alert('x')</script>
---
An air strike in Idlib killed 29 Turkish soldiers on Thursday, officials in Ankara said.
A corridor twelve kilometres wide will run along the M4 highway. <script>alert('y')</script>
"""


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rec") / "claims"
    _, errors = record_paths([str(EXAMPLES / f"r{i}.md") for i in (1, 3, 5)], folder)
    assert errors == []
    return folder


@pytest.fixture
def draft_path(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_verdicts_per_claim(record: Path, draft_path: Path) -> None:
    review = review_report(read_draft(str(draft_path), published="2020-02-28"), record)
    by_text = {item.claim.text: item for item in review.claims}
    killed = next(item for text, item in by_text.items() if "29 Turkish soldiers" in text)
    assert killed.verdict == "conflict"
    outlets = {c.report.outlet for c in killed.comparisons if c.report}
    assert "Harbour Gazette" in outlets  # r1's 33 on record
    width = next(item for item in review.claims if item.claim.measure == "width")
    verdicts = {(c.report.outlet if c.report else None): c.verdict for c in width.comparisons}
    assert "consistent" in verdicts.values() and "conflict" in verdicts.values()  # 12 km against 12 km and 6 km
    assert review.count("conflict") >= 2 and review.record_claims > 0


def test_a_draft_without_a_date_is_read_as_of_published_or_today(draft_path: Path) -> None:
    assert read_draft(str(draft_path), published="2020-03-05").meta.published == "2020-03-05"
    assert read_draft(str(draft_path)).meta.published == date.today().isoformat()
    dated = draft_path.read_text(encoding="utf-8").replace("id: draft", "id: draft\npublished: 2020-03-06")
    assert read_draft(text=dated).meta.published == "2020-03-06"  # its own date wins


class _Marks(HTMLParser):
    """Collects the highlighted spans' classes and text, and any element that could run or fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, str]] = []
        self.active: list[str] = []
        self.forbidden: list[str] = []
        self._in_mark: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "img", "link", "iframe", "object"):
            self.forbidden.append(tag)
        if tag == "mark":
            self._in_mark = dict(attrs).get("class") or ""
            self.marks.append((self._in_mark, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark = None

    def handle_data(self, data: str) -> None:
        if self._in_mark is not None:
            cls, text = self.marks[-1]
            self.marks[-1] = (cls, text + data)


def test_html_is_self_contained_escaped_and_highlights_conflicts(record: Path, draft_path: Path) -> None:
    review = review_report(read_draft(str(draft_path), published="2020-02-28"), record)
    page = html_format.render(review)
    parser = _Marks()
    parser.feed(page)
    assert parser.forbidden == []  # the draft's <script> is text, and nothing is fetched
    assert "&lt;script&gt;alert(&#x27;y&#x27;)&lt;/script&gt;" in page
    assert ("conflict", "29 Turkish soldiers") in parser.marks
    assert "http://" not in page and "https://" not in page
    assert "Harbour Gazette" in page and "2020-02-28" in page


def test_review_shows_statuses_on_record(record: Path, draft_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    record_paths([str(EXAMPLES / "r1.md")], folder)
    store.set_status(folder, "r1", ClaimStatus.disputed)
    page = html_format.render(review_report(read_draft(str(draft_path), published="2020-02-28"), folder))
    assert '<span class="status">disputed</span>' in page


def test_cli_review_writes_html_and_exits_1_on_conflict(record: Path, draft_path: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "report.html"
    code = main(["review", str(draft_path), "--against", str(record), "--html", str(out_file),
                 "--published", "2020-02-28"])
    out, err = capsys.readouterr()
    assert code == 1 and err == ""
    assert "conflict" in out.splitlines()[-1]
    assert out_file.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["review", str(tmp_path / "missing.md"), "--against", str(record)]) == 2
    assert "missing.md" in capsys.readouterr().err


# -- the local web page, over HTTP without a browser ---------------------------


@pytest.fixture
def server(record: Path) -> Iterator[str]:
    srv = make_server([str(record)], port=0, max_upload=4_000)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


def _post(url: str, fields: dict[str, str], headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, urllib.parse.urlencode(fields).encode(), headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def test_server_reviews_a_pasted_draft_and_escapes_it(server: str) -> None:
    status, page = _post(server + "/review", {"draft": DRAFT, "record": "0", "published": "2020-02-28"})
    assert status == 200
    parser = _Marks()
    parser.feed(page)
    assert parser.forbidden == []
    assert ("conflict", "29 Turkish soldiers") in parser.marks
    assert "&lt;script&gt;" in page


def test_server_limits_and_refuses(server: str) -> None:
    assert _post(server + "/review", {"draft": "x" * 30_000, "record": "0"})[0] == 413
    assert _post(server + "/review", {"draft": DRAFT, "record": "7"})[0] == 400
    assert _post(server + "/review", {"draft": DRAFT, "record": "../../etc"})[0] == 400
    assert _post(server + "/review", {"draft": "   ", "record": "0"})[0] == 400
    # a page on another name (DNS rebinding) gets nothing
    assert _post(server + "/review", {"draft": DRAFT, "record": "0"}, {"Host": "evil.example"})[0] == 403
    with urllib.request.urlopen(server + "/", timeout=30) as response:
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
        assert response.read().decode().count("<option") == 1


def test_an_html_draft_is_marked_where_its_claims_stand(record: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.html"
    draft.write_text(
        "<html><head><title>Strike</title></head><body><article>"
        "<p>An air strike in Idlib killed <b>29 Turkish soldiers</b> on Thursday, officials said.</p>"
        "<p>A corridor twelve kilometres wide will run along the M4 highway &amp; beyond.</p>"
        "</article></body></html>\n", encoding="utf-8")
    page = html_format.render(review_report(read_draft(str(draft), published="2020-02-28"), record))
    parser = _Marks()
    parser.feed(page)
    assert ("conflict", "29 Turkish soldiers") in parser.marks
    assert "&amp; beyond" in page  # the draft's text as read, escaped again for the page
