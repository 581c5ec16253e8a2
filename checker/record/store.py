"""The claim record: a folder of JSON claims files, one per report, that is the source of truth.

Takes reports (or claims files) and a record folder; gives the record's
``ClaimsFile``s back, adds a report's claims, removes a report or one claim.

- One file per report, ``<report id>.json`` (the id made safe for a file
  name), holding the report's metadata and its claims, each with an editorial
  ``status`` (reported, confirmed, disputed, retracted). The files are what a
  pull request shows and what an editor edits; ``schemas/claims-file.schema.json``
  describes them.
- Recording is keyed on claim fingerprints: the same report recorded twice
  changes nothing; a report whose claims changed has them replaced, and a
  claim that survives the change keeps the status an editor gave it.
- Every change is read-modify-write under an exclusive ``fcntl.flock`` on
  ``.lock`` in the folder, so two CI jobs recording at once neither lose nor
  duplicate claims; each file is written to a temporary file and moved into
  place with ``os.replace``, so an interrupted write leaves the old file whole.
- A corrupt or unreadable file is reported as a ``CheckerError`` (file and
  problem) and the other files are still loaded.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..errors import CheckerError
from ..models import Claim, ClaimsFile, ClaimStatus
from ..read.jsonfile import field_path

DEFAULT_RECORD = "claims"
LOCK_NAME = ".lock"
# Files the record keeps for itself; hidden so that folder expansion and git reviews skip them.
_GITIGNORE = ".lock\n.index.sqlite*\n*.tmp\n"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class RecordChange:
    """What one ``record`` call did, per report id."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    claims_added: int = 0
    claims_removed: int = 0
    # (report id, path on record, new path): one id read from two files, e.g. two index.md without an id;
    # the newer replaced the older, which is right for a moved article and wrong for two articles
    moved: list[tuple[str, str, str]] = field(default_factory=list)


def file_name(report_id: str) -> str:
    """The record file of a report: its id made safe, with a short hash when that changed the id.

    The hash keeps two ids that differ only in unsafe characters ("a/b", "a b") apart.
    """
    safe = _UNSAFE.sub("_", report_id).strip("._") or "report"
    if safe != report_id:
        safe += "-" + hashlib.sha1(report_id.encode()).hexdigest()[:8]
    return safe + ".json"


def ensure_record(folder: Path) -> None:
    """Create the record folder (with a .gitignore for the lock and the index) if it is missing."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            write_atomic(ignore, _GITIGNORE)
    except OSError as exc:
        raise CheckerError("record", f"cannot create the record folder: {exc.strerror or exc}", str(folder)) from None


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the record's exclusive lock: one writer at a time across processes."""
    ensure_record(folder)
    try:
        handle = open(folder / LOCK_NAME, "a+")  # noqa: SIM115 (closed by the `with` below; open errors named first)
    except OSError as exc:
        raise CheckerError("record", f"cannot open the lock file: {exc.strerror or exc}", str(folder)) from None
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so a reader sees the old file or the new one, never half of one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name + ".", suffix=".tmp")
    try:
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; record files are shared in the repository like any other
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def dump(document: ClaimsFile) -> str:
    """A claims file as stable, reviewable JSON (two-space indent, trailing newline)."""
    return document.model_dump_json(indent=2) + "\n"


def load_file(path: Path) -> ClaimsFile:
    """One record file, validated; ``CheckerError`` naming the file and the problem otherwise."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CheckerError("record", f"cannot read the record file: {exc.strerror or exc}", name) from None
    return parse_file(data, name)


def parse_file(data: bytes, name: str) -> ClaimsFile:
    """A record file's bytes, validated (the index hashes and parses one read of the file)."""
    try:
        # the fast path: pydantic parses and validates the JSON in one pass
        return ClaimsFile.model_validate_json(data)
    except ValidationError:
        pass  # parse again below to name the problem the way the rest of checker does
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CheckerError("record", "the record file is not UTF-8 text", name) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CheckerError("json", f"malformed JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
                           name, exc.lineno) from None
    try:
        return ClaimsFile.model_validate(document)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise CheckerError("schema", f"{field_path(document, tuple(first['loc']))}: {first['msg']}", name) from None


def record_files(folder: Path) -> list[Path]:
    """The record's claims files, sorted; hidden files (lock, index, temporaries) are not part of it."""
    if not folder.is_dir():
        return []
    try:
        names = list(folder.iterdir())
    except OSError as exc:
        raise CheckerError("record", f"cannot list the record folder: {exc.strerror or exc}", str(folder)) from None
    return sorted(p for p in names if p.suffix == ".json" and not p.name.startswith(".") and p.is_file())


def load_record(folder: Path) -> tuple[list[ClaimsFile], list[CheckerError]]:
    """Every readable claims file of the record, and one error per file that is not."""
    if not folder.is_dir():
        return [], [CheckerError("record", "no such record folder (create one with `checker record`)", str(folder))]
    documents: list[ClaimsFile] = []
    errors: list[CheckerError] = []
    try:
        paths = record_files(folder)
    except CheckerError as exc:
        return [], [exc]
    for path in paths:
        try:
            documents.append(load_file(path))
        except CheckerError as exc:
            errors.append(exc)
    return documents, errors


def _load_or_none(path: Path) -> ClaimsFile | None:
    """A file searched for an id: a corrupt one cannot hold it, and `check` reports it."""
    try:
        return load_file(path)
    except CheckerError:
        return None


def _merge(old: ClaimsFile, new: ClaimsFile) -> ClaimsFile:
    """The new claims, each keeping the status an editor gave the same fingerprint before."""
    status = {c.fingerprint: c.status for c in old.claims}
    claims: list[Claim] = [
        c.model_copy(update={"status": status[c.fingerprint]}) if c.fingerprint in status else c for c in new.claims
    ]
    return new.model_copy(update={"claims": claims})


def add(folder: Path, document: ClaimsFile, change: RecordChange | None = None) -> RecordChange:
    """Put one report's claims on record (idempotent by fingerprint; changed claims replace the old)."""
    change = change or RecordChange()
    report_id = document.report.id
    path = folder / file_name(report_id)
    with locked(folder):
        old: ClaimsFile | None = None
        if path.exists():
            try:
                old = load_file(path)
            except CheckerError:
                old = None  # a corrupt file of this report is replaced by a good one
        if old is not None and old.report.id != report_id:
            raise CheckerError("record", f"file {path.name} holds report {old.report.id!r}, not {report_id!r}",
                               str(path))
        new_prints = [c.fingerprint for c in document.claims]
        if len(set(new_prints)) != len(new_prints):
            raise CheckerError("record", "two claims of the report share a fingerprint", document.report.path)
        if old is not None and os.path.normpath(old.report.path) != os.path.normpath(document.report.path):
            change.moved.append((report_id, old.report.path, document.report.path))
        if old is not None:
            old_prints = {c.fingerprint for c in old.claims}
            if old_prints == set(new_prints) and old.report == document.report:
                change.unchanged.append(report_id)
                return change
            merged = _merge(old, document)
            change.replaced.append(report_id)
            change.claims_added += len(set(new_prints) - old_prints)
            change.claims_removed += len(old_prints - set(new_prints))
        else:
            merged = document
            change.added.append(report_id)
            change.claims_added += len(new_prints)
        write_atomic(path, dump(merged))
    return change


def remove(folder: Path, target: str, change: RecordChange | None = None) -> RecordChange:
    """Take a report (by report id) or one claim (by claim id or fingerprint) off the record."""
    change = change or RecordChange()
    with locked(folder):
        path = folder / file_name(target)
        if path.exists():
            gone = load_file(path)
            path.unlink()
            change.removed.append(target)
            change.claims_removed += len(gone.claims)
            return change
        for candidate in record_files(folder):
            document = _load_or_none(candidate)
            if document is None:
                continue
            kept = [c for c in document.claims if target not in (c.id, c.fingerprint)]
            if len(kept) != len(document.claims):
                write_atomic(candidate, dump(document.model_copy(update={"claims": kept})))
                change.removed.append(target)
                change.claims_removed += len(document.claims) - len(kept)
                return change
    raise CheckerError("record", f"no report or claim {target!r} on record", str(folder))


def set_status(folder: Path, target: str, status: ClaimStatus) -> int:
    """Give every claim of a report (by report id) or one claim (id or fingerprint) a status; how many changed."""
    with locked(folder):
        for candidate in record_files(folder):
            document = _load_or_none(candidate)
            if document is None:
                continue
            whole = document.report.id == target
            changed = 0
            claims: list[Claim] = []
            for c in document.claims:
                if (whole or target in (c.id, c.fingerprint)) and c.status != status:
                    c = c.model_copy(update={"status": status})
                    changed += 1
                claims.append(c)
            if whole or any(target in (c.id, c.fingerprint) for c in document.claims):
                if changed:
                    write_atomic(candidate, dump(document.model_copy(update={"claims": claims})))
                return changed
    raise CheckerError("record", f"no report or claim {target!r} on record", str(folder))
