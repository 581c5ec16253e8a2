"""The read stage: a path or text -> Report (or ClaimsFile), the first stage of the pipeline.

- :func:`read_report` reads one file and dispatches on its suffix: ``.md`` and
  ``.markdown`` (YAML front matter), ``.html``/``.htm`` (article text with an
  offset map), ``.json`` (a report object or a claims file), anything else as
  plain text (``.txt``, with a byline date).
- :func:`read_text` does the same for text already in memory (stdin, ``-``).
- :func:`expand_paths` turns the command line's paths into report files.
- :func:`file_offset` maps an offset in ``Report.text`` to an offset in the file.

Offsets are Python ``str`` indices into the decoded file without its UTF-8
BOM; for Markdown and plain text ``Report.text`` is that whole file, front
matter included. Bad input raises :class:`~checker.errors.CheckerError` with a
stable code: ``not-found``, ``unreadable``, ``too-large``, ``binary``,
``encoding``, ``front-matter``, ``empty``, ``json``, ``schema`` (and ``html``
for markup the standard parser gives up on, ``usage`` for a bad
``published`` argument). Reading does no I/O beyond the one file asked for.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from checker.errors import CheckerError
from checker.models import ClaimsFile, Report
from checker.read.dates import normalize_date
from checker.read.html import parse_html
from checker.read.jsonfile import parse_json
from checker.read.markdown import parse_markdown
from checker.read.plaintext import parse_plaintext

__all__ = ["REPORT_SUFFIXES", "expand_paths", "file_offset", "read_report", "read_text"]

REPORT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm", ".json"})
DEFAULT_MAX_BYTES = 5_000_000
STDIN = "-"
_BOM = b"\xef\xbb\xbf"


def _parse(text: str, path: str, suffix: str) -> Report | ClaimsFile:
    suffix = suffix.lower()
    if not text.strip():
        raise CheckerError("empty", "the file holds no text (only whitespace)", path)
    if suffix in (".md", ".markdown"):
        return parse_markdown(text, path=path)
    if suffix in (".html", ".htm"):
        return parse_html(text, path=path)
    if suffix == ".json":
        return parse_json(text, path=path)
    # .txt, no suffix and unknown suffixes: plain text is the safe reading.
    return parse_plaintext(text, path=path)


def _fill_published(document: Report | ClaimsFile, published: str | None) -> Report | ClaimsFile:
    """Give the document the ``--published`` date only where it has none of its own."""
    if published is None:
        return document
    normalized = normalize_date(published)
    if normalized is None:
        raise CheckerError(
            "usage", f"--published {published!r} is not a date; write it as YYYY-MM-DD or an ISO 8601 date-time"
        )
    if isinstance(document, ClaimsFile):
        if document.report.published is not None:
            return document
        meta = document.report.model_copy(update={"published": normalized})
        return document.model_copy(update={"report": meta})
    if document.meta.published is not None:
        return document
    return document.model_copy(update={"meta": document.meta.model_copy(update={"published": normalized})})


def _decode(data: bytes, path: str) -> str:
    """UTF-8 text without a BOM; ``binary`` for NUL bytes, ``encoding`` with the place of the first bad byte."""
    if b"\x00" in data:
        raise CheckerError("binary", "the file holds NUL bytes: it looks binary, not a text report", path)
    # Offsets are into the text without the BOM, so strip it before decoding.
    data = data.removeprefix(_BOM)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        # Everything before the first bad byte decodes, so the column counts characters.
        column = len(data[line_start : error.start].decode("utf-8")) + 1
        raise CheckerError(
            "encoding",
            f"invalid UTF-8 at line {line}, column {column} (byte 0x{data[error.start]:02x}); "
            "save the file as UTF-8",
            path,
            line,
        ) from None


def read_report(
    path: str | Path, *, published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Report | ClaimsFile:
    """Read one report file (or claims file) into a Report (or ClaimsFile).

    ``published`` fills in the publication date only where the file gives none.
    Files over ``max_bytes`` are refused before they are read.
    """
    name = str(path)
    try:
        info = os.stat(name)
    except FileNotFoundError:
        raise CheckerError("not-found", "no such file", name) from None
    except OSError as error:
        raise CheckerError("unreadable", f"cannot read the file: {error.strerror or error}", name) from None
    if stat.S_ISDIR(info.st_mode):
        raise CheckerError("unreadable", "is a folder, not a file (pass folders as paths to expand)", name)
    if info.st_size > max_bytes:
        raise CheckerError(
            "too-large",
            f"the file is {info.st_size:,} bytes, over the limit of {max_bytes:,} bytes; "
            "raise the limit with --max-bytes",
            name,
        )
    try:
        with open(name, "rb") as handle:
            # Read one byte past the limit: a file that grew since stat() is still caught.
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise CheckerError("unreadable", f"cannot read the file: {error.strerror or error}", name) from None
    if len(data) > max_bytes:
        raise CheckerError(
            "too-large", f"the file is over the limit of {max_bytes:,} bytes; raise the limit with --max-bytes", name
        )
    text = _decode(data, name)
    return _fill_published(_parse(text, name, Path(name).suffix), published)


def read_text(text: str, *, path: str = "<stdin>", published: str | None = None, suffix: str = ".md") -> Report:
    """Read a report given as text (stdin, ``-``), parsed as a file with ``suffix`` would be.

    A claims document is not a report: it raises ``schema``; read claims files by path.
    """
    if "\x00" in text:
        raise CheckerError("binary", "the input holds NUL characters: it looks binary, not a text report", path)
    document = _fill_published(_parse(text.removeprefix("\ufeff"), path, suffix), published)
    if isinstance(document, ClaimsFile):
        raise CheckerError("schema", "the input is a claims file, not a report; pass it as a file path", path)
    return document


def expand_paths(paths: list[str]) -> tuple[list[str], list[CheckerError]]:
    """The report files named by ``paths``: folders expand, missing paths become errors.

    A folder expands recursively, in sorted order, to its files with a report
    suffix (``.md .markdown .txt .html .htm .json``), skipping hidden files and
    folders and ``README`` files (a folder's description, not a report); a
    folder with none gives ``no-reports``. Files named directly are kept
    whatever their suffix; ``-`` (stdin) is kept as is; duplicates are dropped.
    """
    files: list[str] = []
    errors: list[CheckerError] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        if name not in seen:
            seen.add(name)
            files.append(name)

    for given in paths:
        if given == STDIN:
            add(given)
            continue
        if os.path.isdir(given):
            found, walk_errors = _report_files(given)
            errors.extend(walk_errors)
            if not found and not walk_errors:
                suffixes = " ".join(sorted(REPORT_SUFFIXES))
                errors.append(CheckerError("no-reports", f"no report files ({suffixes}) in this folder", given))
            for name in found:
                add(name)
        elif os.path.lexists(given):
            add(given)
        else:
            errors.append(CheckerError("not-found", "no such file or folder", given))
    return files, errors


def _report_files(folder: str) -> tuple[list[str], list[CheckerError]]:
    errors: list[CheckerError] = []

    def on_error(error: OSError) -> None:
        errors.append(
            CheckerError("unreadable", f"cannot list the folder: {error.strerror or error}", error.filename or folder)
        )

    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirnames, filenames in os.walk(folder, onerror=on_error):
        # Pruning in place keeps os.walk out of hidden folders (.git, .venv).
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            if name.startswith(".") or Path(name).suffix.lower() not in REPORT_SUFFIXES:
                continue
            if Path(name).stem.lower() == "readme":
                continue
            full = os.path.join(root, name)
            found.append((Path(os.path.relpath(full, folder)).parts, full))
    found.sort()
    return [full for _, full in found], errors


def file_offset(report: Report, i: int) -> int:
    """The file offset of ``report.text[i]``; ``i == len(report.text)`` gives the end of the file.

    Only HTML reports have an ``offset_map`` (their text is extracted from the
    markup); for the others text offsets are file offsets already.
    """
    if report.offset_map is None:
        return i
    if 0 <= i < len(report.offset_map):
        return report.offset_map[i]
    raise IndexError(f"offset {i} is outside the report text (length {len(report.text)})")
