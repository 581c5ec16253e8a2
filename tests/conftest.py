"""Shared test helpers: where things are, and writing report snippets as Markdown files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from checker import check
from checker.extract import Extractor
from checker.models import Claim
from checker.read import read_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "idlib-2020"
SCHEMAS = ROOT / "schemas"
DEFAULT_PUBLISHED = "2020-03-05"  # a Thursday: relative dates in cases resolve against it

WriteReports = Callable[..., list[Path]]


def report_markdown(text: str, report_id: str, published: str | None) -> str:
    """A Markdown report: front matter with id (and published when given), then the text."""
    lines = ["---", f"id: {report_id}"]
    if published is not None:
        lines.append(f"published: {published}")
    lines += ["---", text.rstrip("\n"), ""]
    return "\n".join(lines)


@pytest.fixture
def write_reports(tmp_path: Path) -> WriteReports:
    """Write texts as rA.md, rB.md, ... with front matter; give their paths in order.

    ``published`` is one date for all reports or one per report (None leaves it out).
    """

    def write(texts: Sequence[str], published: str | Sequence[str | None] | None = DEFAULT_PUBLISHED) -> list[Path]:
        dates = [published] * len(texts) if published is None or isinstance(published, str) else list(published)
        assert len(dates) == len(texts), "give one published date per report"
        paths = []
        for index, (text, day) in enumerate(zip(texts, dates, strict=True)):
            report_id = f"r{chr(ord('A') + index)}"
            path = tmp_path / f"{report_id}.md"
            path.write_text(report_markdown(text, report_id, day), encoding="utf-8")
            paths.append(path)
        return paths

    return write


CASE_PUBLISHED = "2024-03-04"  # a Monday: the publication date of one-sentence extraction and matching cases


def claims_of(text: str, published: str = CASE_PUBLISHED) -> list[Claim]:
    """The claims read from one text, as one report published on ``published``."""
    return Extractor().extract(read_text(text, path="case.md", published=published))


def conflict_texts(*texts: str, published: str = CASE_PUBLISHED) -> list[tuple[str, str]]:
    """The conflicts found among texts (one report each), as the sorted pair of their claims' quoted texts."""
    reports = [read_text(t, path=f"r{k}.md", published=published) for k, t in enumerate(texts)]
    doc = check(reports)
    index = {c.id: c for c in doc.claims}
    return [tuple(sorted(index[i].text for i in f.claims)) for f in doc.conflicts]  # type: ignore[misc]
