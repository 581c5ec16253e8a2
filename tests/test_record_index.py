"""The record's SQLite index: candidate lookup agrees with the matcher, freshness, query plans, windows."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, report_markdown

from checker.lexicon import default_lexicon
from checker.match import Matcher, lexicon_countries
from checker.models import (
    Amount,
    Claim,
    ClaimsFile,
    ClaimStatus,
    CountClaim,
    DateClaim,
    DateSpan,
    ReportMeta,
    Source,
)
from checker.pipeline import CheckOptions, extract_claims, read_all
from checker.record import index as index_module
from checker.record import record_paths, store
from checker.record.index import RecordIndex, candidates, subject_keys

OLD = [str(EXAMPLES / f"r{i}.md") for i in (1, 2, 3)]
NEW = [str(EXAMPLES / f"r{i}.md") for i in (4, 5, 6)] + [str(EXAMPLES / "r7.txt")]


@pytest.fixture
def recorded(tmp_path: Path) -> Path:
    folder = tmp_path / "claims"
    _, errors = record_paths(OLD, folder)
    assert errors == []
    return folder


def _matched_pairs() -> tuple[set[tuple[str, str]], dict[str, object]]:
    items, _ = read_all(OLD + NEW, CheckOptions())
    metas, claims = extract_claims(items)
    matcher = Matcher()
    pairs = {pair for group in matcher.groups(claims) for pair in group.pairs}
    return pairs, {m.id: m for m in metas}


def test_every_pair_the_matcher_accepts_is_a_candidate(recorded: Path) -> None:
    pairs, _ = _matched_pairs()
    items, _ = read_all(NEW, CheckOptions())
    metas, new_claims = extract_claims(items)
    published = {m.id: m.published for m in metas}
    cross = {(a, b) for a, b in pairs if (a.split(":")[0] in {"r1", "r2", "r3"}) != (b.split(":")[0] in {"r1", "r2", "r3"})}
    assert len(cross) >= 5, "the examples pair new reports with recorded ones"
    with RecordIndex(recorded) as index:
        index.refresh()
        found = {(c.id, r.id) for c in new_claims for r in index.candidates(c, published[c.report], new_claims)}
    missed = {p for p in cross if p not in found and (p[1], p[0]) not in found}
    assert missed == set()
    # and the lookup narrows: far fewer candidate pairs than the record times the new claims
    assert len(found) < len(new_claims) * index_module.RecordIndex(recorded).count() / 3


def test_refresh_reindexes_only_changed_files(recorded: Path) -> None:
    with RecordIndex(recorded) as index:
        first = index.refresh()
        assert first.indexed_files == 3 and first.errors == []
        assert index.refresh().indexed_files == 0
        path = recorded / "r1.json"
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))  # touched, same bytes
        assert index.refresh().indexed_files == 0
        claim = store.load_file(path).claims[0]
        store.set_status(recorded, claim.id, ClaimStatus.retracted)
        assert index.refresh().indexed_files == 1
        (recorded / "r2.json").unlink()
        result = index.refresh()
        assert result.removed_files == 1
        assert {c.report for c in index.load_claims(range(1, 10_000))} == {"r1", "r3"}


def test_a_retracted_claim_is_never_a_candidate(recorded: Path) -> None:
    with RecordIndex(recorded) as index:
        index.refresh()
        items, _ = read_all([NEW[0]], CheckOptions())
        metas, new_claims = extract_claims(items)
        before = {r.id for c in new_claims for r in index.candidates(c, metas[0].published)}
        assert before
        gone = min(before)
        store.set_status(recorded, gone, ClaimStatus.retracted)
        index.refresh()
        after = {r.id for c in new_claims for r in index.candidates(c, metas[0].published)}
        assert after == before - {gone}


def test_lookups_use_the_indexes_not_a_scan(recorded: Path) -> None:
    with RecordIndex(recorded) as index:
        index.refresh()
        db = index.db
        select = "SELECT k.claim, k.places FROM claim_keys k WHERE k.block = ? AND "
        plans = [
            " ".join(row[-1] for row in db.execute(
                f"EXPLAIN QUERY PLAN {select} k.key IN (?, ?) AND k.day BETWEEN ? AND ? AND k.scope != ? "
                "AND (k.event IS NULL OR k.event IN (?))",
                ("casualty|killed|count", "", "soldier", 1, 2, "aggregate", "attack"))),
            " ".join(row[-1] for row in db.execute(
                f"EXPLAIN QUERY PLAN {select} k.day BETWEEN ? AND ?", ("casualty|killed|count", 1, 2))),
        ]
    assert all("SEARCH" in plan and "SCAN" not in plan for plan in plans), plans


def test_claims_outside_the_window_are_not_candidates(tmp_path: Path) -> None:
    text = "Flooding in the river town of Amberly killed {} people, the regional governor said."
    for name, day, dead in (("early", "2023-01-10", 10), ("near", "2024-05-10", 11)):
        (tmp_path / f"{name}.md").write_text(report_markdown(text.format(dead), name, day), encoding="utf-8")
    (tmp_path / "new.md").write_text(report_markdown(text.format(30), "new", "2024-05-16"), encoding="utf-8")
    folder = tmp_path / "claims"
    record_paths([str(tmp_path / "early.md"), str(tmp_path / "near.md")], folder)
    items, _ = read_all([str(tmp_path / "new.md")], CheckOptions())
    _, claims = extract_claims(items)
    killed = next(c for c in claims if c.measure == "killed")
    assert {c.report for c in candidates(killed, folder, "2024-05-16")} == {"near"}


def test_bulk_build_gives_the_same_answers(recorded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    items, _ = read_all(NEW, CheckOptions())
    metas, new_claims = extract_claims(items)
    by_id = {m.id: m for m in metas}
    with RecordIndex(recorded) as index:
        index.refresh()
        small = {c.id for c in index.candidates_for(new_claims, by_id)}
    monkeypatch.setattr(index_module, "_BULK_CLAIMS", 1)
    with RecordIndex(recorded, path=tmp_path / "bulk.sqlite") as index:
        index.refresh()
        bulk = {c.id for c in index.candidates_for(new_claims, by_id)}
        names = {row[0] for row in index.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert small == bulk and small
    assert "claim_keys_block_day" in names  # recreated after the bulk insert


def test_subject_keys_drop_plurals_and_short_words() -> None:
    assert subject_keys("Turkish soldiers") == {"turkish", "soldier"}
    assert subject_keys(None) == {""}
    assert subject_keys("of") == {"of"}


def test_an_index_from_another_version_is_rebuilt(recorded: Path) -> None:
    with RecordIndex(recorded) as index:
        index.refresh()
    db = sqlite3.connect(recorded / index_module.INDEX_NAME)
    db.execute("UPDATE meta SET value = 'old' WHERE key = 'version'")
    # an older index had another shape of table
    db.execute("DROP TABLE claims")
    db.execute("CREATE TABLE claims (id INTEGER PRIMARY KEY, file TEXT, report TEXT, json TEXT)")
    db.commit()
    db.close()
    with RecordIndex(recorded) as index:
        assert index.count() == 0
        assert index.refresh().indexed_files == 3


def test_a_read_only_record_is_indexed_outside_it(recorded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # tests may run as root, who can write anywhere: make the folder look read-only to the index
    monkeypatch.setattr(index_module.os, "access", lambda path, mode: Path(path) != recorded)
    with RecordIndex(recorded) as index:
        assert index.path.parent != recorded
        assert index.refresh().claims > 0
    assert not (recorded / index_module.INDEX_NAME).exists()


def test_other_events_and_running_totals_are_filtered_before_parsing(tmp_path: Path) -> None:
    texts = {
        "bomb": "A suicide bombing at the market killed 15 people on Tuesday, police said.",
        "flood": "Flooding in the valley killed 12 people on Tuesday, the governor said.",
        "total": "Since January, a total of 340 people have been killed in the fighting, the monitor said.",
        "flood2": "The floods in the valley killed 14 people on Tuesday, rescuers said.",
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.md").write_text(report_markdown(text, name, "2024-05-16"), encoding="utf-8")
    folder = tmp_path / "claims"
    record_paths([str(tmp_path / f"{n}.md") for n in ("bomb", "total", "flood2")], folder)
    items, _ = read_all([str(tmp_path / "flood.md")], CheckOptions())
    _, claims = extract_claims(items)
    killed = next(c for c in claims if c.measure == "killed")
    assert (killed.event, killed.scope) == ("flood", "incident")
    with RecordIndex(folder) as index:
        index.refresh()
        found = {c.report for c in index.candidates(killed, "2024-05-16")}
        everything = {c.report for c in index.load_claims(range(1, 1000)) if c.measure == "killed"}
    assert found == {"flood2"}
    assert everything == {"bomb", "total", "flood2"}  # they are on record, only not candidates


def _refresh(folder: str) -> None:
    with RecordIndex(folder) as index:
        index.refresh()


def test_parallel_refreshes_index_each_claim_once(recorded: Path) -> None:
    import multiprocessing

    expected = sum(len(store.load_file(p).claims) for p in store.record_files(recorded))
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_refresh, args=(str(recorded),)) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [w.exitcode for w in workers] == [0, 0, 0]
    with RecordIndex(recorded) as index:
        assert index.count() == expected
        assert index.refresh().indexed_files == 0
        rows = index.db.execute("SELECT count(*), count(DISTINCT file || ':' || json) FROM claims").fetchone()
    assert rows[0] == rows[1] == expected


def test_a_damaged_index_is_rebuilt_from_the_files(recorded: Path) -> None:
    (recorded / index_module.INDEX_NAME).write_bytes(b"this is not a database, only bytes" * 100)
    with RecordIndex(recorded) as index:
        result = index.refresh()
    assert result.errors == [] and result.indexed_files == 3


def test_an_unlistable_record_is_one_error(recorded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.errors import CheckerError

    def refuse(self: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refuse)
    with pytest.raises(CheckerError, match="cannot list the record folder: Permission denied"):
        store.record_files(recorded)
    documents, errors = store.load_record(recorded)
    assert documents == [] and len(errors) == 1


# ---- the place pre-filter: what the matcher would refuse for its place alone is never parsed ------------------

# report on record -> the places its toll and its date give (invented names; "Amberly" is the new report's town)
PLACED = {
    "same": ["Amberly"],  # the same town
    "othertown": ["Corvale"],  # another town no claim relates to it
    "ostravia": ["Ostravia"],  # a name another report calls a country, which may hold the town
    "related": ["Brackton"],  # a place another report names with the town ("Brackton's Amberly district")
    "lexicon": [min(lexicon_countries(default_lexicon()))],  # a country the lexicon knows
    "nationwide": ["*wide"],  # "across the country": the matcher decides
    "noplace": [],
    "elsewhere": ["*other"],  # "elsewhere": another place, unnamed
}
# reports whose injured count (another block: never a candidate here) says what the places are
TEACHING = {"country": ["*country", "Ostravia"], "link": ["Amberly", "Brackton"]}


def _placed_claims(report: str, place: list[str], measures: tuple[str, ...] = ("killed", "date")) -> ClaimsFile:
    source = Source(path=f"{report}.md", start=0, end=1, line=1, column=1)
    common: dict[str, Any] = {"subject": "people", "event": "flood", "place": place, "report": report, "source": source}
    day = DateSpan(start="2024-05-14", end="2024-05-14")
    claims: list[Claim] = [
        CountClaim(kind="casualty", id=f"{report}:{measure}", fingerprint=f"{report}|{measure}", measure=measure,
                   text="12", value=Amount(low=12, best=12, high=12), scope="incident", event_date=day, **common)
        if measure != "date" else
        DateClaim(kind="date", id=f"{report}:date", fingerprint=f"{report}|date", measure="date", text="Tuesday",
                  value=day, **{**common, "subject": "flood"})
        for measure in measures
    ]
    return ClaimsFile(report=ReportMeta(id=report, path=f"{report}.md", published="2024-05-16"), claims=claims)


def test_places_the_matcher_refuses_are_never_candidates(tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    documents = [_placed_claims(r, p) for r, p in PLACED.items()] + [
        _placed_claims(r, p, ("injured",)) for r, p in TEACHING.items()]
    for document in documents:
        store.add(folder, document)
    new = _placed_claims("new", ["Amberly"])
    new_ids = {c.id for c in new.claims}
    with RecordIndex(folder) as index:
        index.refresh()
        found = index.candidates_for(new.claims, {"new": new.report}, {"new"})
        # every pair the matcher accepts, having seen the whole record, is found
        for group in Matcher().groups(new.claims + [c for d in documents for c in d.claims]):
            for pair in group.pairs:
                if len(set(pair) & new_ids) == 1:
                    assert set(pair) - new_ids <= {c.id for c in found}, pair
        tolls = {c.report for c in found if c.kind == "casualty"}
        assert tolls == {"same", "ostravia", "related", "lexicon", "nationwide", "noplace"}
        # dates of two different places are two facts, unless a claim relates them (one may hold the other,
        # where a one-occurrence event's day is one: the matcher decides by the event)
        assert {c.report for c in found if c.kind == "date"} == {"same", "nationwide", "noplace", "related"}
        # once the report that names the two places together is gone, the other town's toll is another fact
        store.remove(folder, "link")
        index.refresh()
        assert index.db.execute("SELECT count(*) FROM place_links WHERE name = 'Brackton'").fetchone()[0] == 0
        found = index.candidates_for(new.claims, {"new": new.report}, {"new"})
        tolls = {c.report for c in found if c.kind == "casualty"}
        assert tolls == {"same", "ostravia", "lexicon", "nationwide", "noplace"}


def test_claims_come_back_from_the_index_as_recorded(recorded: Path) -> None:
    # the index stores claims without their default fields: parsing must give each field back
    on_file = [c for path in store.record_files(recorded) for c in store.load_file(path).claims]
    with RecordIndex(recorded) as index:
        index.refresh()
        back = index.load_claims(range(1, 10_000))
    assert sorted(back, key=lambda c: c.id) == sorted(on_file, key=lambda c: c.id)
    assert [c.model_dump() for c in sorted(back, key=lambda c: c.id)] == [
        c.model_dump() for c in sorted(on_file, key=lambda c: c.id)]


def test_a_claim_the_matcher_pairs_with_nothing_brings_only_what_teaches_places(tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    store.add(folder, _placed_claims("old", ["Amberly"]))
    new = _placed_claims("new", ["Amberly"])
    bare_date = new.claims[1].model_copy(update={"subject": None})
    distance = CountClaim(kind="quantity", id="road:1", fingerprint="road|1", measure="distance", subject="road",
                          text="12 km", value=Amount(low=12, best=12, high=12, unit="km"), report="road",
                          source=new.claims[0].source)
    bare_distance = distance.model_copy(update={"id": "new:bare", "report": "new", "subject": None})
    taught = distance.model_copy(update={"id": "road:2", "fingerprint": "road|2", "place": ["Amberly", "Brackton"]})
    store.add(folder, ClaimsFile(report=ReportMeta(id="road", path="road.md", published="2024-05-16"),
                                 claims=[distance, taught]))
    # the matcher pairs them with nothing: a date that names no subject, a distance that names no thing
    record = [c for d in ("old", "road") for c in store.load_file(folder / store.file_name(d)).claims]
    assert all(Matcher().same_fact(bare, r) is None for bare in (bare_date, bare_distance) for r in record)
    with RecordIndex(folder) as index:
        index.refresh()
        assert index.candidates(bare_date, "2024-05-16") == []
        # a claim whose places teach the matcher (two places named together) still comes, for what it teaches
        assert [c.id for c in index.candidates(bare_distance, "2024-05-16")] == ["road:2"]
        # with another claim of its block that can pair, what that one could match comes too
        found = index.candidates_for([bare_distance, distance.model_copy(update={"id": "new:2", "report": "new"})],
                                     {"new": new.report}, {"new"})
        assert {c.id for c in found} == {"road:1", "road:2"}
