"""The record's SQLite index: the JSON files in, candidate claims for a new claim out.

Takes a record folder (``checker/record/store.py``); keeps
``<record>/.index.sqlite`` (hidden and git-ignored: the JSON files stay the
source of truth) and gives, for a new claim, the claims on record the matcher
could judge to be the same fact, found through indexes rather than a scan.

Freshness: a manifest table holds each file's mtime, size and SHA-1. On
``refresh()`` files whose mtime or size moved are hashed; only files whose
content changed (or that appeared or vanished) are re-indexed, all inside one
``BEGIN IMMEDIATE`` transaction so two processes never index the same change
twice. A large change (a first build) drops the secondary indexes, inserts
with ``executemany`` and recreates them, which is much faster than keeping
them up to date row by row.

Lookup: a claim is reduced to what the matcher blocks on (kind, measure, unit
dimension or event: ``match.blocking_key``), the tokens of its subject
(lower-cased, a plural ``s`` dropped, plus the interchangeable "people"
family) and its anchor days (its publication day, its event date, the ends of
a claimed date). ``claim_keys`` holds one row per (block, subject token,
anchor day, claim), carrying the claim's scope, event and places; a lookup
probes the primary key for each of the new claim's tokens (and the empty
token of subject-less claims) within ``window_days`` of each anchor, reads
no other table, and drops what the matcher refuses outright (an incident
against a running total, casualties of incompatible events) before any JSON
is parsed. Retracted claims, earlier or projected
figures and unresolved dates are never candidates (the matcher would refuse
them anyway), so they are not indexed.

Places: most candidates of a busy block are figures for other towns, which
the matcher refuses for their place alone. The key rows keep each claim's
places, and ``place_links`` (with the number of claims behind each
row) what all the claims on record could teach the matcher of places: names
given together, names called a country or a whole area. A candidate whose
places no such knowledge could reconcile with those of any new claim of its
block (``match.places_never_compatible``) is dropped before its JSON is
parsed; one whose places teach something is kept, so the matcher learns
what it would have learnt. The bound holds for any part of the record the
matcher sees beside the new claims passed together (``candidates_for``).

Known gap: subjects that the fuzzy matcher would pair without sharing a token
(a misspelling such as "soliders") are not found.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Self

from pydantic import TypeAdapter

from ..errors import CheckerError
from ..lexicon import Lexicon, default_lexicon
from ..match import (
    INTERCHANGEABLE_SUBJECTS,
    MatchSettings,
    blocking_key,
    lexicon_countries,
    place_names,
    places_never_compatible,
)
from ..models import Claim, ClaimsFile, ClaimStatus, DateClaim, DateSpan, ReportMeta
from .store import parse_file, record_files

INDEX_NAME = ".index.sqlite"
_SCHEMA_VERSION = "5"  # 5: key rows carry scope, event and places; place_links
# Undated claims sit on day 0 (no real ordinal) so that one index serves them too.
_UNDATED = 0
# Above this many claims to (re)insert, dropping and recreating the indexes is faster.
_BULK_CLAIMS = 20_000
_TOKEN = re.compile(r"[a-z0-9]+")

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    name TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL, sha1 TEXT NOT NULL,
    report TEXT, error TEXT);
CREATE TABLE IF NOT EXISTS reports (id TEXT PRIMARY KEY, file TEXT NOT NULL, meta TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY, file TEXT NOT NULL, report TEXT NOT NULL, places TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claim_keys (
    block TEXT NOT NULL, key TEXT NOT NULL, day INTEGER NOT NULL, claim INTEGER NOT NULL,
    scope TEXT NOT NULL, event TEXT, places TEXT NOT NULL,
    PRIMARY KEY (block, key, day, claim)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS place_links (
    name TEXT NOT NULL, other TEXT NOT NULL, claims INTEGER NOT NULL,
    PRIMARY KEY (name, other)) WITHOUT ROWID;
"""
_INDEXES = {
    # lookups of claims whose subject is unnamed on the new side: any token of the block
    "claim_keys_block_day": "CREATE INDEX IF NOT EXISTS claim_keys_block_day ON claim_keys (block, day)",
    # re-indexing one file deletes its claims and their keys
    "claims_file": "CREATE INDEX IF NOT EXISTS claims_file ON claims (file)",
    "claim_keys_claim": "CREATE INDEX IF NOT EXISTS claim_keys_claim ON claim_keys (claim)",
    "reports_file": "CREATE INDEX IF NOT EXISTS reports_file ON reports (file)",
}


@cache
def _claims_adapter() -> TypeAdapter[list[Claim]]:
    return TypeAdapter(list[Claim])


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: parsing thousands of claims sets off collections in mid-parse,
    some of them walks of the whole heap (validate_json of 5,000 claims: 12-28 us a claim with the collector
    on, 10 us off); one collection of the young objects follows once it is on again. Claims form no cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _stem(token: str) -> str:
    return token[:-1] if len(token) > 3 and token.endswith("s") and not token.endswith("ss") else token


_FAMILY = frozenset(_stem(word) for word in INTERCHANGEABLE_SUBJECTS)


@lru_cache(maxsize=65_536)  # subjects repeat across a record: "people", "soldiers"
def subject_keys(subject: str | None) -> frozenset[str]:
    """The tokens a subject is indexed and looked up under; ``{""}`` for a claim that names none."""
    if not subject:
        return frozenset({""})
    keys = frozenset(_stem(t) for t in _TOKEN.findall(subject.lower()) if len(t) >= 3)
    return keys or frozenset({subject.lower()})


def _lookup_keys(subject: str | None) -> frozenset[str] | None:
    """Tokens to probe for a new claim's subject; None = any subject (the new claim names none)."""
    if not subject:
        return None
    keys = subject_keys(subject) | {""}  # a record claim that names no subject can still match ("open")
    if keys & _FAMILY:
        keys |= _FAMILY
    return keys


@lru_cache(maxsize=65_536)  # a record spans some thousands of days, each parsed once
def _day(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def anchor_days(claim: Claim, published: str | None) -> set[int]:
    """The days a claim is filed under: its report's publication day, its event date, a claimed date's ends."""
    days = {_day(published)}
    spans: list[DateSpan | None] = [claim.event_date]
    if isinstance(claim, DateClaim):
        spans.append(claim.value)
    for span in spans:
        if span is not None:
            days |= {_day(span.start), _day(span.end)}
    return {d for d in days if d is not None}


@lru_cache(maxsize=65_536)  # most claims name one place of a few thousand
def places_text(place: tuple[str, ...]) -> str:
    """A claim's places as the index stores them: each once, sorted, as JSON (a name may hold any character)."""
    return json.dumps(sorted(set(place)), ensure_ascii=False)


@lru_cache(maxsize=65_536)
def _stored_places(text: str) -> frozenset[str]:
    return frozenset(json.loads(text))


_COUNTRY, _WIDE = "*country", "*wide"


@lru_cache(maxsize=65_536)
def place_links(text: str) -> tuple[tuple[str, str], ...]:
    """What a claim's places teach the matcher about other claims' (``Matcher.prepare``): each pair of
    places it names together (one may hold the other), (name, "*country") where it calls them a country
    and (name, "*wide") where it gives them as a whole area. Most claims teach nothing: one plain name."""
    place = _stored_places(text)
    names = place_names(place)
    links = [(x, y) for x in names for y in names if x != y]
    links += [(x, marker) for marker in (_COUNTRY, _WIDE) if marker in place for x in names]
    return tuple(sorted(links))


@dataclass(frozen=True)
class PlaceBounds:
    """All the matcher could learn of places from the claims one lookup can hand it, at most: names some
    claim calls a country, pairs of places some claim names together."""

    countries: frozenset[str]
    related: frozenset[frozenset[str]]


def can_match(claim: Claim) -> bool:
    """What the matcher could ever pair: not retracted, a current figure, a resolved date with an event."""
    if claim.status == ClaimStatus.retracted or claim.reference != "current":
        return False
    return not (isinstance(claim, DateClaim) and (not claim.value.start or not claim.event))


@dataclass(frozen=True)
class _Probe:
    """What a lookup asks of ``claim_keys``: a block, subject tokens (None: any) and a facet filter in SQL."""

    block: str
    keys: tuple[str, ...] | None
    facets: str
    facet_params: tuple[str, ...]


@dataclass
class RefreshResult:
    """What a refresh did, and the files that could not be indexed (each with its problem)."""

    indexed_files: int
    removed_files: int
    claims: int
    errors: list[CheckerError]


@dataclass
class _Indexed:
    """One record file as read for the index: its hash, and its claims or the problem that stopped them."""

    name: str
    digest: str
    stat: os.stat_result
    document: ClaimsFile | None
    error: str | None
    touched: bool = False  # same bytes as indexed, only the mtime moved


class RecordIndex:
    """An open index over one record folder. Build once per run with ``refresh()``, then look up."""

    def __init__(self, folder: str | Path, *, lexicon: Lexicon | None = None, window_days: int = 30,
                 path: str | Path | None = None, match: MatchSettings | None = None) -> None:
        self.folder = Path(folder)
        self.lexicon = lexicon or default_lexicon()
        self.window_days = window_days
        self.match = match or MatchSettings()
        self.path = Path(path) if path is not None else self.folder / INDEX_NAME
        if path is None and not os.access(self.folder, os.W_OK):
            # a read-only checkout of the record still gets an index, kept outside it
            digest = hashlib.sha1(str(self.folder.resolve()).encode()).hexdigest()[:16]
            self.path = Path(tempfile.gettempdir()) / f"checker-index-{digest}.sqlite"
        try:
            self._open()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError):  # locked, unwritable: not ours to delete
                raise CheckerError("index", f"cannot open the record index: {exc}", str(self.path)) from None
            # the index is derived data: a damaged one is thrown away and rebuilt from the JSON files
            self.db.close()
            self.path.unlink(missing_ok=True)
            try:
                self._open()
            except sqlite3.Error as again:
                raise CheckerError("index", f"cannot open the record index: {again}", str(self.path)) from None

    def _open(self) -> None:
        self.db = sqlite3.connect(self.path, timeout=600, isolation_level=None)  # a first build may be long
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("PRAGMA temp_store = MEMORY")
        self.db.execute("PRAGMA cache_size = -65536")  # 64 MiB: a first build touches many pages
        self._check_version()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_version(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        row = self.db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        if row is not None and row[0] == _SCHEMA_VERSION:
            return
        # an index from another version of checker (other tables, other columns) is rebuilt from the
        # files, never trusted: drop everything and start again, under the write lock
        self.db.execute("BEGIN IMMEDIATE")
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            if row is None or row[0] != _SCHEMA_VERSION:  # another process may have just done it
                for table in ("files", "reports", "claims", "claim_keys", "place_links"):
                    self.db.execute(f"DROP TABLE IF EXISTS {table}")
                for statement in _TABLES.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (_SCHEMA_VERSION,))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    # ---- building ------------------------------------------------------------------------------
    def refresh(self) -> RefreshResult:
        """Bring the index in line with the JSON files; cheap (a stat per file) when nothing changed.

        Files are read, hashed and parsed before the write lock is taken, so a long first build
        keeps other processes waiting only while it writes; under the lock the manifest is read
        again and what another process indexed meanwhile is skipped.
        """
        on_disk: dict[str, os.stat_result] = {}
        for path in record_files(self.folder):
            try:
                on_disk[path.name] = path.stat()
            except OSError:
                continue  # vanished between listing and stat: it is gone
        try:
            documents = self._read_changed(on_disk, self._manifest())
            self.db.execute("BEGIN IMMEDIATE")
            try:
                result = self._apply(on_disk, documents)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise CheckerError("index", f"cannot update the record index: {exc}", str(self.path)) from None
        return result

    def _manifest(self) -> dict[str, tuple[int, int, str]]:
        return {name: (mtime, size, sha1) for name, mtime, size, sha1 in
                self.db.execute("SELECT name, mtime_ns, size, sha1 FROM files")}

    def _read_changed(self, on_disk: dict[str, os.stat_result],
                      known: dict[str, tuple[int, int, str]]) -> list[_Indexed]:
        """Every file whose mtime or size moved: hashed, and parsed when its content is new."""
        out: list[_Indexed] = []
        for name, st in on_disk.items():
            old = known.get(name)
            if old is not None and old[0] == st.st_mtime_ns and old[1] == st.st_size:
                continue
            try:
                data = (self.folder / name).read_bytes()
            except OSError:
                continue
            digest = hashlib.sha1(data).hexdigest()
            if old is not None and old[2] == digest:
                out.append(_Indexed(name, digest, st, None, None, touched=True))
                continue
            try:
                out.append(_Indexed(name, digest, st, parse_file(data, str(self.folder / name)), None))
            except CheckerError as exc:
                out.append(_Indexed(name, digest, st, None, f"[{exc.code}] {exc.message}"))
        return out

    def _apply(self, on_disk: dict[str, os.stat_result], read: list[_Indexed]) -> RefreshResult:
        known = self._manifest()  # again, under the lock: another process may have indexed some of these
        gone = [name for name in known if name not in on_disk]
        documents: list[_Indexed] = []
        for item in read:
            old = known.get(item.name)
            if old is not None and old[2] == item.digest:
                # touched, or indexed meanwhile: remember the mtime so the next refresh skips the hash
                self.db.execute("UPDATE files SET mtime_ns = ?, size = ? WHERE name = ?",
                                (item.stat.st_mtime_ns, item.stat.st_size, item.name))
            elif not item.touched:
                documents.append(item)
        total_claims = sum(len(d.document.claims) for d in documents if d.document is not None)
        for sql in _INDEXES.values():
            self.db.execute(sql)
        # deletes use the indexes; the bulk insert goes faster without them
        self._delete_files(gone + [d.name for d in documents if d.name in known])
        bulk = total_claims >= _BULK_CLAIMS
        if bulk:
            for name in _INDEXES:
                self.db.execute(f"DROP INDEX IF EXISTS {name}")
        self._insert(documents)
        if bulk:
            for sql in _INDEXES.values():
                self.db.execute(sql)
            self.db.execute("ANALYZE")
        errors = [CheckerError("record", message, str(self.folder / name)) for name, message in
                  self.db.execute("SELECT name, error FROM files WHERE error IS NOT NULL ORDER BY name")]
        count = self.db.execute("SELECT count(*) FROM claims").fetchone()[0]
        return RefreshResult(indexed_files=len(documents), removed_files=len(gone), claims=count, errors=errors)

    def _delete_files(self, names: Sequence[str]) -> None:
        # place_links count the claims behind each link: what goes with these files is counted off
        links: Counter[tuple[str, str]] = Counter()
        for name in names:
            for places, n in self.db.execute("SELECT places, count(*) FROM claims WHERE file = ? GROUP BY places",
                                             (name,)):
                for link in place_links(places):
                    links[link] += n
            self.db.execute("DELETE FROM claim_keys WHERE claim IN (SELECT id FROM claims WHERE file = ?)", (name,))
            self.db.execute("DELETE FROM claims WHERE file = ?", (name,))
            self.db.execute("DELETE FROM reports WHERE file = ?", (name,))
            self.db.execute("DELETE FROM files WHERE name = ?", (name,))
        if links:
            self.db.executemany("UPDATE place_links SET claims = claims - ? WHERE name = ? AND other = ?",
                                [(n, x, y) for (x, y), n in links.items()])
            self.db.execute("DELETE FROM place_links WHERE claims <= 0")

    def _insert(self, documents: list[_Indexed]) -> None:
        next_id = (self.db.execute("SELECT max(id) FROM claims").fetchone()[0] or 0) + 1
        files: list[tuple[str, int, int, str, str | None, str | None]] = []
        reports: list[tuple[str, str, str]] = []
        claims: list[tuple[int, str, str, str, str]] = []
        keys: list[tuple[str, str, int, int, str, str | None, str]] = []
        links: Counter[tuple[str, str]] = Counter()
        placed: list[tuple[str, int, str, Claim, set[int]]] = []
        for item in documents:
            name, document, st = item.name, item.document, item.stat
            files.append((name, st.st_mtime_ns, st.st_size, item.digest, document.report.id if document else None,
                          item.error))
            if document is None:
                continue
            reports.append((document.report.id, name, document.report.model_dump_json()))
            published = document.report.published
            for claim in document.claims:
                block = "|".join(blocking_key(claim, self.lexicon)) if can_match(claim) else ""
                days = anchor_days(claim, published) or {_UNDATED}
                placed.append((block, min(days), name, claim, days))
        # ids in (block, day) order: the rows one lookup reads lie together on disk, so a lookup in a
        # large record that is not in the page cache reads a few pages instead of one per candidate
        placed.sort(key=lambda p: (p[0], p[1]))
        for block, _first, name, claim, days in placed:
            places = places_text(tuple(claim.place))
            if place_links(places):  # most claims name one place and teach nothing
                links.update(place_links(places))
            # without the fields at their defaults: a third less to store and to parse, the same claim back
            claims.append((next_id, name, claim.report, places, claim.model_dump_json(exclude_defaults=True)))
            if block:
                # what a lookup filters on rides along in the key rows: a lookup reads no other table
                keys.extend((block, key, day, next_id, claim.scope, claim.event, places)
                            for key in subject_keys(claim.subject) for day in days)
            next_id += 1
        self.db.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?)", files)
        # two files claiming one report id: the later file wins the metadata, both keep their claims
        self.db.executemany("INSERT OR REPLACE INTO reports VALUES (?, ?, ?)", reports)
        self.db.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?)", claims)
        self.db.executemany("INSERT OR IGNORE INTO claim_keys VALUES (?, ?, ?, ?, ?, ?, ?)", keys)
        self.db.executemany("INSERT INTO place_links VALUES (?, ?, ?) ON CONFLICT (name, other) "
                            "DO UPDATE SET claims = claims + excluded.claims",
                            [(x, y, n) for (x, y), n in links.items()])

    # ---- looking up ----------------------------------------------------------------------------
    def _windows(self, days: set[int]) -> list[tuple[int, int]]:
        """The anchor days widened by the window, overlapping windows merged."""
        merged: list[tuple[int, int]] = []
        for day in sorted(days):
            lo, hi = day - self.window_days, day + self.window_days
            if merged and lo <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
            else:
                merged.append((lo, hi))
        return merged

    def _facet_filter(self, claim: Claim) -> tuple[str, tuple[str, ...]]:
        """SQL on a record claim's key row (``k``) for the matcher's cheapest hard constraints: fewer rows parsed.

        An incident figure is never a running total (and the reverse); casualty and displacement
        figures of different, incompatible events are different facts (``Matcher.same_fact``).
        """
        conditions: list[str] = []
        params: list[str] = []
        if not isinstance(claim, DateClaim):
            if claim.scope in ("incident", "aggregate"):
                conditions.append("k.scope != ?")
                params.append("aggregate" if claim.scope == "incident" else "incident")
            if claim.kind in ("casualty", "displacement") and claim.event:
                events = {claim.event} | {e for pair in self.match.compatible_events if claim.event in pair for e in pair}
                conditions.append(f"(k.event IS NULL OR k.event IN ({','.join('?' * len(events))}))")
                params.extend(sorted(events))
        return " AND ".join(conditions) or "1", tuple(params)

    def _probe(self, claim: Claim) -> _Probe | None:
        """What a new claim's lookup asks of ``claim_keys``; None for a claim that can match nothing on record."""
        if not can_match(claim):
            return None
        keys = _lookup_keys(claim.subject)
        facets, facet_params = self._facet_filter(claim)
        return _Probe("|".join(blocking_key(claim, self.lexicon)), tuple(sorted(keys)) if keys is not None else None,
                      facets, facet_params)

    def _keyed(self, probe: _Probe, days: set[int] | None) -> dict[int, str]:
        """The claims on record a probe finds within ``window_days`` of ``days`` (None: on any day), each with
        its stored places."""
        found: dict[int, str] = {}
        # (day condition, its parameters): the windows, plus undated claims on record; an undated new claim
        # cannot be placed in time, so every day is searched
        ranges: list[tuple[str, tuple[int, ...]]] = [("k.day = ?", (_UNDATED,))]
        ranges += [("k.day BETWEEN ? AND ?", w) for w in self._windows(days)] if days else [("k.day >= ?", (0,))]
        key_condition = f"k.key IN ({','.join('?' * len(probe.keys))}) AND " if probe.keys is not None else ""
        for condition, params in ranges:
            # a range of claim_keys' primary key (or its block/day index): no other table is read
            sql = (f"SELECT k.claim, k.places FROM claim_keys k "
                   f"WHERE k.block = ? AND {key_condition}{condition} AND {probe.facets}")
            found.update(self.db.execute(sql, (probe.block, *(probe.keys or ()), *params, *probe.facet_params)))
        return found

    def place_bounds(self, claims: Iterable[Claim], stored: Iterable[str] = ()) -> PlaceBounds:
        """What a matcher that sees ``claims`` and record claims of the ``stored`` places could learn of places.

        The record's part comes from ``place_links``, for the names involved only: every claim on
        record that names them counts, so the bound holds whichever of them the matcher is handed;
        the lexicon's country names are countries to it in any case.
        """
        texts = {places_text(tuple(c.place)) for c in claims} | set(stored)
        names = sorted({name for text in texts for name in place_names(_stored_places(text))})
        countries: set[str] = set(lexicon_countries(self.lexicon))  # countries to the matcher wherever named
        related: set[frozenset[str]] = set()
        links = [link for text in texts for link in place_links(text)]
        for start in range(0, len(names), 500):  # SQLite caps the number of parameters
            chunk = names[start:start + 500]
            sql = f"SELECT name, other FROM place_links WHERE name IN ({','.join('?' * len(chunk))})"
            links.extend(self.db.execute(sql, chunk))
        for name, other in links:
            if other == _COUNTRY:
                countries.add(name)
            elif other != _WIDE:
                related.add(frozenset((name, other)))
        return PlaceBounds(frozenset(countries), frozenset(related))

    def _pairs_with_nothing(self, claim: Claim) -> bool:
        """A new claim ``Matcher.same_fact`` refuses with any other: placed "elsewhere" (an unnamed other
        place), a date that names no subject, a measure that must name its subject and does not. Its
        lookup still brings what teaches the matcher of places and what its block's others could match."""
        if "*other" in claim.place or (isinstance(claim, DateClaim) and not claim.subject):
            return True
        settings = self.match
        return claim.kind == "quantity" and not claim.subject and claim.measure in settings.subject_required \
            and claim.measure not in settings.place_measures

    @staticmethod
    def _placed(claims: Sequence[Claim], keyed: dict[int, str], bounds: PlaceBounds) -> set[int]:
        """Of the keyed claims on record (of the block of ``claims``), those the matcher could find in a place
        compatible with one of ``claims``, and those whose places teach it something of other claims' (kept,
        so that it learns what it would have learnt from all of them). Decided once per set of places."""
        sides = {(tuple(c.place), isinstance(c, DateClaim)) for c in claims}  # claims of a report share places

        def keep(text: str) -> bool:
            place = _stored_places(text)
            return bool(place_links(text)) or not all(
                places_never_compatible(new, place, strict, bounds.countries, bounds.related) for new, strict in sides)

        kept = {text for text in set(keyed.values()) if keep(text)}
        return {cid for cid, text in keyed.items() if text in kept}

    def candidate_ids(self, claim: Claim, published: str | None = None, among: Sequence[Claim] = ()) -> set[int]:
        """Row ids of the claims on record that could be the same fact as ``claim``.

        ``among``: the other new claims the matcher will see with this one; their places (a name
        one of them calls a country, two places it names together) can make places compatible.
        """
        probe = self._probe(claim)
        if probe is None:
            return set()
        keyed = self._keyed(probe, anchor_days(claim, published) or None)
        pairing = [] if self._pairs_with_nothing(claim) else [claim]
        return self._placed(pairing, keyed, self.place_bounds([claim, *among], set(keyed.values())))

    def load_claims(self, ids: Iterable[int], exclude_reports: Iterable[str] = ()) -> list[Claim]:
        """The claims with these row ids, parsed once each, in record order."""
        wanted = sorted(set(ids))
        excluded = set(exclude_reports)
        texts: list[str] = []
        for start in range(0, len(wanted), 500):  # SQLite caps the number of parameters
            chunk = wanted[start:start + 500]
            sql = f"SELECT report, json FROM claims WHERE id IN ({','.join('?' * len(chunk))}) ORDER BY id"
            texts.extend(text for report, text in self.db.execute(sql, chunk) if report not in excluded)
        # one validation of a JSON array is markedly faster than one per claim
        with _collector_paused():
            return _claims_adapter().validate_json("[" + ",".join(texts) + "]")

    def candidates(self, claim: Claim, published: str | None = None, among: Sequence[Claim] = ()) -> list[Claim]:
        """The claims on record that could be the same fact as ``claim`` (published: its report's date).

        Pass ``published``: a claim with neither a publication date nor an event date cannot be
        placed in time, so every day of its block is searched, which is slow on a large record.
        Pass ``among`` the other new claims you will match together with this one (see
        ``candidate_ids``), or use ``candidates_for``.
        """
        return self.load_claims(self.candidate_ids(claim, published, among), exclude_reports={claim.report})

    def candidates_for(self, claims: Sequence[Claim], reports: dict[str, ReportMeta] | None = None,
                       exclude_reports: Iterable[str] = ()) -> list[Claim]:
        """The candidates of a batch of new claims, each record claim once.

        ``reports`` gives the new claims' publication dates; claims of ``exclude_reports`` (the new
        reports themselves, whose older version may be on record) are left out. The batch is what
        the matcher will see beside the candidates: the places of all of it bound what it learns.
        """
        reports = reports or {}
        # claims of one report mostly probe alike (a toll in the headline and in the lead): one query per
        # probe, over the union of its claims' days (None: one of them cannot be placed in time, so any day)
        probes: dict[_Probe, set[int] | None] = {}
        members: dict[str, list[Claim]] = {}  # by block: a candidate one claim finds may match another
        for claim in claims:
            probe = self._probe(claim)
            if probe is None:
                continue
            if not self._pairs_with_nothing(claim):
                members.setdefault(probe.block, []).append(claim)
            meta = reports.get(claim.report)
            days = anchor_days(claim, meta.published if meta else None) or None
            known = probes.get(probe, set())
            probes[probe] = None if days is None or known is None else known | days
        keyed: dict[str, dict[int, str]] = {}
        for probe, days in probes.items():
            keyed.setdefault(probe.block, {}).update(self._keyed(probe, days))
        bounds = self.place_bounds(claims, set().union(*(found.values() for found in keyed.values())))
        ids: set[int] = set()
        for block, found in keyed.items():
            ids |= self._placed(members.get(block, []), found, bounds)
        return self.load_claims(ids, exclude_reports)

    def reports(self, ids: Iterable[str]) -> dict[str, ReportMeta]:
        """The metadata of reports on record, by id."""
        wanted = sorted(set(ids))
        out: dict[str, ReportMeta] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            sql = f"SELECT id, meta FROM reports WHERE id IN ({','.join('?' * len(chunk))})"
            out.update((rid, ReportMeta.model_validate(json.loads(text))) for rid, text in self.db.execute(sql, chunk))
        return out

    def count(self) -> int:
        """How many claims are on record (indexed)."""
        return int(self.db.execute("SELECT count(*) FROM claims").fetchone()[0])


def candidates(claim: Claim, record: str | Path = "claims", published: str | None = None) -> list[Claim]:
    """One-off lookup: refresh the record's index and give the candidates of one claim.

    For many lookups open a :class:`RecordIndex` once and call its ``candidates``.
    """
    with RecordIndex(record) as index:
        index.refresh()
        return index.candidates(claim, published)
