"""Scale: the benchmark generator, large-block matching, --jobs and the Dask engine give the findings they should.

No timing is asserted here: speed is the benchmark's business (benchmarks/run.py).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import EXAMPLES

from benchmarks import run as bench_run
from benchmarks.generate import generate_claims, generate_reports, make_world, render_report, report_plans
from checker.lexicon import default_lexicon
from checker.match import Matcher, MatchSettings
from checker.parallel import extract_each
from checker.pipeline import CheckOptions, check_files, judge, read_all
from checker.rules import RuleEngine


def _write_generated(tmp_path: Path, n: int, seed: int = 5) -> list[str]:
    paths = []
    for plan in report_plans(make_world(max(8, n // 4), seed), seed):
        path = tmp_path / f"{plan.id}.md"
        path.write_text(render_report(plan), encoding="utf-8")
        paths.append(str(path))
        if len(paths) >= n:
            break
    return paths


def test_generator_is_seeded() -> None:
    first = [r.text for r in generate_reports(12, seed=3)]
    assert first == [r.text for r in generate_reports(12, seed=3)]
    assert first != [r.text for r in generate_reports(12, seed=4)]
    _, claims = generate_claims(500, seed=3)
    again = generate_claims(500, seed=3)[1]
    assert len(claims) == 500 and [c.model_dump() for c in claims] == [c.model_dump() for c in again]


def test_generated_world_has_a_heavy_tail() -> None:
    sizes = sorted(e.reports for e in make_world(2000, seed=1))
    median = sizes[len(sizes) // 2]
    assert sizes[-1] >= 20 * median  # a few very large events beside many small ones


def test_checker_reads_the_generated_lead_figures() -> None:
    """The synthetic text is readable: most stated killed figures come back with their value."""
    world = make_world(30, seed=2)
    plans = [p for _, p in zip(range(60), report_plans(world, seed=2))]
    from checker.extract import Extractor
    from checker.read import read_text

    extractor = Extractor(default_lexicon())
    stated = found = 0
    for plan in plans:
        claims = extractor.extract(read_text(render_report(plan), path=f"{plan.id}.md"))
        values = {c.value.best for c in claims if c.measure == "killed"}  # type: ignore[union-attr]
        for st in plan.statements:
            if st.role == "lead" and st.measure == "killed" and st.hedge is None:
                stated += 1
                found += st.value in values
    assert stated > 20 and found / stated >= 0.9


def test_generated_cluster_has_conflicts_and_distractors_kept_apart(tmp_path: Path) -> None:
    document = check_files(_write_generated(tmp_path, 30), CheckOptions(jobs=1))
    assert document.conflicts, "deliberate conflicts are found"
    by_id = {c.id: c for c in document.claims}
    # earlier and projected figures are facts of their own, never in a conflict; a running total may
    # disagree with another running total, never with an incident's count
    for f in document.conflicts:
        pair = [by_id[cid] for cid in f.claims]
        assert all(c.reference == "current" for c in pair), f.message
        assert len({c.scope == "aggregate" for c in pair}) == 1, f.message


def test_large_blocks_find_a_subset_of_the_exhaustive_conflicts() -> None:
    metas, claims = generate_claims(1500, seed=7)
    reports = {m.id: m for m in metas}
    lex = default_lexicon()

    def conflicts(settings: MatchSettings) -> tuple[set[frozenset[str]], list[set[str]]]:
        groups = Matcher(lex, settings).groups(claims)
        found, _ = RuleEngine(lexicon=lex).run(groups, reports)
        return {frozenset(f.claims) for f in found}, [{c.id for c in g.claims} for g in groups]

    exhaustive, groups = conflicts(MatchSettings(large_block=10**9))
    neighbourhood, _ = conflicts(MatchSettings(large_block=30, window=4))
    assert neighbourhood and neighbourhood <= exhaustive
    assert len(neighbourhood) < len(exhaustive) / 3  # one per disagreement, not one per pair of reports
    # every fact the exhaustive run finds in conflict is still flagged
    facts = [g for g in groups if any(p <= g for p in exhaustive)]
    flagged = [g for g in facts if any(p <= g for p in neighbourhood)]
    assert len(flagged) >= 0.9 * len(facts)


def test_normal_blocks_are_matched_pair_by_pair() -> None:
    """Below large_block nothing changes: raising it must give the very same findings."""
    items, _ = read_all([str(EXAMPLES)], CheckOptions())
    from checker.pipeline import extract_claims

    metas, claims = extract_claims(items)
    a = judge(metas, claims, CheckOptions())
    b = judge(metas, claims, CheckOptions(match=MatchSettings(large_block=10**9)))
    assert [f.model_dump() for f in a[0]] == [f.model_dump() for f in b[0]] and a[0]


def test_jobs_give_the_same_claims_in_the_same_order(tmp_path: Path) -> None:
    items, _ = read_all([str(EXAMPLES)] + _write_generated(tmp_path, 20), CheckOptions())
    one = extract_each(items, jobs=1)
    two = extract_each(items, jobs=2, min_parallel=2)
    assert [[c.model_dump() for c in cs] for cs in one] == [[c.model_dump() for c in cs] for cs in two]
    assert sum(map(len, one)) > 50


def test_jobs_give_the_same_document(tmp_path: Path) -> None:
    paths = _write_generated(tmp_path, 40)
    serial = check_files(paths, CheckOptions(jobs=1))
    parallel = check_files(paths, CheckOptions(jobs=2))
    assert serial.model_dump_json() == parallel.model_dump_json()
    assert serial.conflicts


@pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="dask.distributed not installed")
def test_dask_engine_gives_the_same_document(tmp_path: Path) -> None:
    from dask.distributed import Client, LocalCluster

    from checker.engine import dask_engine
    from checker.pipeline import _document

    paths = [str(EXAMPLES)] + _write_generated(tmp_path, 40)
    local = check_files(paths, CheckOptions(jobs=1))
    items, errors = read_all(paths, CheckOptions())
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        metas, claims, conflicts, others = dask_engine.run(items, CheckOptions(), True, client)
        extracted = dask_engine.run(items, CheckOptions(), False, client)
    distributed = _document(metas, claims, conflicts, others, errors)
    assert distributed.model_dump_json() == local.model_dump_json()
    assert local.conflicts and len(local.claims) > 100
    assert [c.model_dump() for c in extracted[1]] == [c.model_dump() for c in local.claims] and not extracted[2]


def test_benchmark_smoke(capsys: pytest.CaptureFixture[str]) -> None:
    """The benchmark runs end to end at small sizes and its figures are sane (no timing is judged)."""
    assert bench_run.main(["--small", "--sections", "extract,match,jobs,lookup,peer", "--json"]) == 0
    import json

    out = json.loads(capsys.readouterr().out)
    synthetic = out["extract"][0]
    assert synthetic["reports"] == 40 and synthetic["claims"] > 100 and synthetic["reports/s"] > 0
    match = {r["label"]: r for r in out["match"]}
    assert match["match+rules: 2,000 claims"]["conflicts"] > 0
    assert match["growth 2,000 -> 4,000 claims"]["cpu_ratio"] > 0
    jobs = out["jobs"]
    assert jobs[0]["claims"] == jobs[1]["claims"] > 100 and jobs[2]["same_claims"] is True
    peer = out["peer"]  # skipped without ../shared or the bench extra; else both tools read the same 20 texts
    assert peer[0].get("note", "").startswith("skipped") or peer[0]["texts"] == peer[1]["texts"] == 20


def test_dask_renumbering_rebuilds_a_rule_error_for_its_global_group() -> None:
    """A rule that raised on a worker names the group by the id one process would give it."""
    pytest.importorskip("distributed")
    from checker.engine.dask_engine import _renumbered
    from checker.rules import rule_error

    local = rule_error("CT01", "g2", "boom: on g2", ["r1:1", "r2:4"])
    assert _renumbered([local], "g2", "g17") == [rule_error("CT01", "g17", "boom: on g2", ["r1:1", "r2:4"])]


def _cli_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    from checker.cli import main

    main(argv)
    return capsys.readouterr().out


def test_cli_jobs_and_engine_give_the_same_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = _write_generated(tmp_path, 24)
    one = _cli_json(["check", *paths, "--format", "json", "--jobs", "1"], capsys)
    assert '"conflicts": [' in one and one == _cli_json(["check", *paths, "--format", "json", "--jobs", "2"], capsys)
    if importlib.util.find_spec("distributed") is not None:
        dask_out = _cli_json(["extract", str(EXAMPLES), "--format", "json", "--engine", "dask", "--jobs", "2"], capsys)
        assert dask_out == _cli_json(["extract", str(EXAMPLES), "--format", "json", "--jobs", "1"], capsys)
