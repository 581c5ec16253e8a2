"""Suppressions and baselines: findings in, (kept, suppressed) out.

Three sources, each giving a reason kept in ``Finding.suppressed_by``:

- Inline comments in a report (``<!-- checker: ... -->``; any reader's text
  keeps them, HTML's raw file does):
  ``ignore RULE[, RULE...]`` at the end of a line silences findings whose
  quotes stand on that line; on a line of its own, on the next non-blank
  line (a Markdown paragraph is one line). ``ignore-file RULE...`` silences
  them in the whole file. RULE is a code (CT01) or a name (count-mismatch);
  none means every rule. A pairwise finding is silenced when either quote is.
- An ignore file (``.checkerignore``): one entry a line, ``#`` comments.
  A 16-hex-digit finding fingerprint, or ``RULE PATH-GLOB`` (RULE may be
  ``*``; the glob is matched against the quote's path as given and relative
  to the ignore file's folder).
- A baseline: a previous ``checker check --format json`` document; findings
  whose fingerprint it holds (reported or suppressed) are old, not new.

Takes the findings, the claims, the report texts by path; gives the findings
kept and the suppressed ones. Reading the ignore and baseline files is the
only I/O, and their mistakes raise ``CheckerError`` naming the file and line.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from .errors import CheckerError
from .models import Claim, Finding

_DIRECTIVE = re.compile(r"<!--\s*checker:\s*(ignore-file|ignore)\b(.*?)-->", re.IGNORECASE | re.DOTALL)
_FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")


@dataclass(frozen=True)
class InlineIgnore:
    """One directive: the lines it covers (None: the whole file), the rules (empty: all), where it stands."""

    lines: frozenset[int] | None
    rules: frozenset[str]
    line: int


def inline_ignores(text: str) -> list[InlineIgnore]:
    """The ignore directives of a report's file text."""
    lines = text.splitlines()
    out: list[InlineIgnore] = []
    for m in _DIRECTIVE.finditer(text):
        line_no = text.count("\n", 0, m.start()) + 1
        rules = frozenset(r for r in re.split(r"[\s,]+", m.group(2).strip()) if r)
        if m.group(1).lower() == "ignore-file":
            out.append(InlineIgnore(None, rules, line_no))
            continue
        line_text = lines[line_no - 1] if line_no - 1 < len(lines) else ""
        rest = _DIRECTIVE.sub("", line_text).strip()
        target = line_no
        if not rest:  # a comment on its own line covers the next non-blank line
            target = next((n for n in range(line_no + 1, len(lines) + 1) if lines[n - 1].strip()), line_no)
        end_line = text.count("\n", 0, m.end()) + 1
        out.append(InlineIgnore(frozenset({target, line_no, end_line}), rules, line_no))
    return out


@dataclass(frozen=True)
class IgnoreEntry:
    fingerprint: str | None
    rule: str | None
    glob: str | None
    line: int


def read_ignore_file(path: Path) -> list[IgnoreEntry]:
    """Entries of an ignore file; a line that is neither form is an error naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CheckerError("ignore", f"cannot read ignore file: {exc.strerror or exc}", str(path)) from None
    entries: list[IgnoreEntry] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) == 1 and _FINGERPRINT.match(parts[0]):
            entries.append(IgnoreEntry(parts[0], None, None, n))
        elif len(parts) == 2:
            entries.append(IgnoreEntry(None, parts[0], parts[1], n))
        else:
            raise CheckerError("ignore", f"expected a fingerprint or 'RULE PATH-GLOB', got {line!r}", str(path), n)
    return entries


def read_baseline(path: Path) -> set[str]:
    """Fingerprints of every finding of a previous findings document."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CheckerError("baseline", f"cannot read baseline: {exc.strerror or exc}", str(path)) from None
    except ValueError as exc:
        raise CheckerError("baseline", f"not a JSON findings document: {exc}", str(path)) from None
    if not isinstance(data, dict) or not any(k in data for k in ("conflicts", "findings")):
        raise CheckerError("baseline", "not a findings document (no 'conflicts' or 'findings')", str(path))
    out: set[str] = set()
    for key in ("conflicts", "findings", "suppressed"):
        for item in data.get(key) or []:
            if isinstance(item, dict) and isinstance(item.get("fingerprint"), str):
                out.add(item["fingerprint"])
    return out


@dataclass
class Suppressor:
    """Decides which findings are silenced, and why."""

    texts: dict[str, str] = field(default_factory=dict)  # file path -> file text as read
    ignore_file: Path | None = None
    baseline: set[str] = field(default_factory=set)
    _inline: dict[str, list[InlineIgnore]] = field(default_factory=dict)
    _entries: list[IgnoreEntry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._inline = {path: inline_ignores(text) for path, text in self.texts.items() if "checker:" in text}
        self._entries = read_ignore_file(self.ignore_file) if self.ignore_file else []

    def reason(self, finding: Finding, claims: list[Claim]) -> str | None:
        """Why the finding is suppressed, or None when it stands."""
        names = {finding.code, finding.rule}
        for c in claims:
            for d in self._inline.get(c.source.path, []):
                if (not d.rules or d.rules & names) and (d.lines is None or c.source.line in d.lines):
                    scope = "ignore-file" if d.lines is None else "ignore"
                    return f"inline {scope} at {c.source.path}:{d.line}"
        for e in self._entries:
            if e.fingerprint is not None and e.fingerprint == finding.fingerprint:
                return f"ignore file {self.ignore_file}:{e.line}"
            if e.rule is not None and (e.rule == "*" or e.rule in names) and any(
                    self._path_matches(c.source.path, e.glob or "") for c in claims):
                return f"ignore file {self.ignore_file}:{e.line}"
        if finding.fingerprint in self.baseline:
            return "baseline"
        return None

    def _path_matches(self, path: str, pattern: str) -> bool:
        if fnmatch(path, pattern):
            return True
        if self.ignore_file is not None:
            rel = os.path.relpath(os.path.abspath(path), os.path.abspath(self.ignore_file.parent))
            return fnmatch(rel, pattern)
        return False

    def split(self, findings: list[Finding], claims: dict[str, Claim]) -> tuple[list[Finding], list[Finding]]:
        """(kept, suppressed) findings, the suppressed ones carrying their reason."""
        kept: list[Finding] = []
        silenced: list[Finding] = []
        for f in findings:
            why = self.reason(f, [claims[cid] for cid in f.claims if cid in claims])
            if why is None:
                kept.append(f)
            else:
                silenced.append(f.model_copy(update={"suppressed_by": why}))
        return kept, silenced
