"""The claim record: idempotent recording, replacement, removal, statuses, corruption, concurrent writers.

Reports are written by the tests in our own words; the record folder is a
temporary directory. The concurrency test runs real ``checker record``
processes against one record.
"""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jsonschema
import pytest
from conftest import EXAMPLES, ROOT, SCHEMAS, report_markdown

from checker.cli import main
from checker.errors import CheckerError
from checker.models import ClaimsFile, ClaimStatus
from checker.pipeline import check_files
from checker.record import check_against, record_paths, store

FLOOD = "Flooding in the river town of Amberly killed {dead} people on Tuesday, the regional governor said."


def write(path: Path, text: str, report_id: str, published: str = "2024-05-16", outlet: str = "Test Wire") -> Path:
    body = report_markdown(text, report_id, published).replace("---\nid:", f"---\noutlet: {outlet}\nid:", 1)
    path.write_text(body, encoding="utf-8")
    return path


def record_file(folder: Path, report_id: str) -> ClaimsFile:
    return store.load_file(folder / store.file_name(report_id))


def test_recording_twice_changes_nothing(tmp_path: Path) -> None:
    report = write(tmp_path / "a.md", FLOOD.format(dead=10), "a")
    folder = tmp_path / "claims"
    first, errors = record_paths([str(report)], folder)
    assert errors == [] and first.added == ["a"] and first.claims_added >= 1
    before = (folder / "a.json").read_bytes()
    again, _ = record_paths([str(report)], folder)
    assert again.unchanged == ["a"] and again.added == [] and again.claims_added == 0
    assert (folder / "a.json").read_bytes() == before


def test_changed_report_replaces_its_claims_and_keeps_statuses(tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    text = FLOOD.format(dead=10) + " About 140 families were displaced."
    report = write(tmp_path / "a.md", text, "a")
    record_paths([str(report)], folder)
    displaced = next(c for c in record_file(folder, "a").claims if c.measure == "displaced")
    assert store.set_status(folder, displaced.fingerprint, ClaimStatus.confirmed) == 1
    write(tmp_path / "a.md", FLOOD.format(dead=12) + " About 140 families were displaced.", "a")
    change, _ = record_paths([str(report)], folder)
    assert change.replaced == ["a"] and change.claims_added == 1 and change.claims_removed == 1
    claims = record_file(folder, "a").claims
    killed = [c for c in claims if c.measure == "killed"]
    assert [c.value.best for c in killed] == [12.0]  # type: ignore[union-attr]
    kept = next(c for c in claims if c.fingerprint == displaced.fingerprint)
    assert kept.status == ClaimStatus.confirmed


def test_remove_a_report_or_one_claim(tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    record_paths([str(write(tmp_path / "a.md", FLOOD.format(dead=10) + " About 140 families were displaced.", "a")),
                  str(write(tmp_path / "b.md", FLOOD.format(dead=11), "b"))], folder)
    one = record_file(folder, "a").claims[0]
    change = store.remove(folder, one.id)
    assert change.claims_removed == 1
    assert one.fingerprint not in {c.fingerprint for c in record_file(folder, "a").claims}
    store.remove(folder, "b")
    assert not (folder / "b.json").exists()
    with pytest.raises(CheckerError, match="no report or claim 'zzz'"):
        store.remove(folder, "zzz")


def test_record_files_validate_against_the_claims_file_schema(tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    record_paths([str(EXAMPLES)], folder)
    schema = json.loads((SCHEMAS / "claims-file.schema.json").read_text(encoding="utf-8"))
    files = store.record_files(folder)
    assert len(files) == 7
    for path in files:
        jsonschema.Draft202012Validator(schema).validate(json.loads(path.read_text(encoding="utf-8")))
    # the lock and the index stay out of git and out of the record
    assert ".index.sqlite" in (folder / ".gitignore").read_text(encoding="utf-8")


def test_odd_report_ids_get_distinct_safe_file_names() -> None:
    names = {store.file_name(i) for i in ("a/b", "a b", "a_b", "../x")}
    assert len(names) == 4
    assert all("/" not in n and not n.startswith(".") for n in names)


def test_cli_record_remove_and_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "claims"
    report = write(tmp_path / "a.md", FLOOD.format(dead=10), "a")
    assert main(["record", str(report), "--record", str(folder)]) == 0
    assert "1 reports added" in capsys.readouterr().out
    assert main(["record", str(report), "--record", str(folder), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["unchanged"] == ["a"]
    assert main(["record", "--record", str(folder), "--set-status", "disputed", "a"]) == 0
    assert all(c.status == ClaimStatus.disputed for c in record_file(folder, "a").claims)
    assert main(["record", "--record", str(folder), "--set-status", "wrong", "a"]) == 2
    assert main(["record", "--record", str(folder), "--remove", "a"]) == 0
    assert store.record_files(folder) == []
    assert main(["record", "--record", str(folder)]) == 2


# -- checking against the record ----------------------------------------------


def _keys(findings: list) -> set[tuple[str, tuple[str, ...]]]:  # type: ignore[type-arg]
    return {(f.code, tuple(sorted(f.claims))) for f in findings}


def test_against_gives_the_full_check_minus_findings_inside_the_record(tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    old = [str(EXAMPLES / f"r{i}.md") for i in (1, 2, 3)]
    new = [str(EXAMPLES / f"r{i}.md") for i in (4, 5, 6, 7)]
    new[-1] = str(EXAMPLES / "r7.txt")
    record_paths(old, folder)
    full = check_files(old + new)
    against = check_against(new, folder)
    record_ids = {"r1", "r2", "r3"}
    expected = {k for k in _keys(full.conflicts) if not all(cid.split(":")[0] in record_ids for cid in k[1])}
    assert expected, "the example cluster has conflicts between new and recorded reports"
    assert _keys(against.conflicts) == expected
    assert set(against.record) <= record_ids and against.record
    assert against.summary.reports == 4 and against.summary.record_claims == sum(
        len(store.load_file(p).claims) for p in store.record_files(folder))


def test_a_changed_report_is_not_checked_against_its_own_old_version(tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    record_paths([str(write(tmp_path / "a.md", FLOOD.format(dead=10), "a"))], folder)
    write(tmp_path / "a.md", FLOOD.format(dead=14), "a")
    assert check_against([str(tmp_path / "a.md")], folder).conflicts == []


def test_statuses_have_consequences(tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    recorded = write(tmp_path / "old.md", FLOOD.format(dead=10), "old", published="2024-05-15", outlet="Early Post")
    record_paths([str(recorded)], folder)
    new = write(tmp_path / "n.md", FLOOD.format(dead=14), "n", published="2024-05-17", outlet="Late Post")
    # a later, higher toll reads as an update of a merely reported figure
    plain = check_against([str(new)], folder).conflicts
    assert [(f.label, f.severity.value) for f in plain if f.code == "CT01"] == [("superseded", "info")]
    # a confirmed figure outranks it: the later report now conflicts with the record
    store.set_status(folder, "old", ClaimStatus.confirmed)
    confirmed = [f for f in check_against([str(new)], folder).conflicts if f.code == "CT01"]
    assert [(f.label, f.severity.value) for f in confirmed] == [(None, "error")]
    assert "10 is confirmed" in confirmed[0].message
    # a disputed figure is still matched and named with its status
    store.set_status(folder, "old", ClaimStatus.disputed)
    disputed = [f for f in check_against([str(new)], folder).conflicts if f.code == "CT01"]
    assert len(disputed) == 1 and "Early Post, disputed" in disputed[0].message
    # a retracted one is never matched
    store.set_status(folder, "old", ClaimStatus.retracted)
    assert [f for f in check_against([str(new)], folder).conflicts if f.code == "CT01"] == []


def test_corrupt_record_file_is_one_line_and_the_rest_is_checked(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "claims"
    record_paths([str(write(tmp_path / "old.md", FLOOD.format(dead=10), "old", published="2024-05-15"))], folder)
    (folder / "broken.json").write_text('{"version": "1.0", "report": {', encoding="utf-8")
    (folder / "wrong.json").write_text('{"report": {"id": "w", "path": "w.md"}, "claims": [{"kind": "casualty"}]}',
                                       encoding="utf-8")
    new = write(tmp_path / "n.md", FLOOD.format(dead=30), "n", published="2024-05-15")
    code = main(["check", str(new), "--against", str(folder), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in err
    assert any("broken.json" in line and "malformed JSON" in line for line in lines)
    assert any("wrong.json" in line and "claims[0]" in line for line in lines)
    document = json.loads(out)
    assert any(c["code"] == "CT01" for c in document["conflicts"])  # the good record file still counted


def test_missing_record_folder_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = write(tmp_path / "n.md", FLOOD.format(dead=30), "n")
    assert main(["check", str(new), "--against", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "nowhere" in err and "no such record folder" in err


# -- concurrent writers --------------------------------------------------------

TOWNS = ["Amberly", "Brookfield", "Cedarton", "Dunmore", "Elmstead", "Fairhaven", "Glenrock", "Hollins"]


def _generated_report(n: int) -> str:
    town = TOWNS[n % len(TOWNS)]
    return (f"Flooding in the river town of {town} killed {n + 3} people on Tuesday, the regional governor said. "
            f"About {100 + n} families were displaced after the embankment gave way.")


def test_four_parallel_recorders_lose_and_duplicate_nothing(tmp_path: Path) -> None:
    reports = [write(tmp_path / f"g{n:03}.md", _generated_report(n), f"g{n:03}") for n in range(200)]
    # what the record must hold: every claim of every report, once
    expected_folder = tmp_path / "expected"
    record_paths([str(p) for p in reports], expected_folder)
    expected = sorted(c.fingerprint for p in store.record_files(expected_folder) for c in store.load_file(p).claims)
    assert len(expected) >= 400
    folder = tmp_path / "claims"
    # four overlapping slices: every report is recorded by two processes racing each other
    slices = [[str(reports[(50 * k + i) % 200]) for i in range(100)] for k in range(4)]

    def run(paths: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "checker.cli", "record", "--record", str(folder), *paths],
                              capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(run, slices))
    assert [r.returncode for r in results] == [0, 0, 0, 0], [r.stderr for r in results]
    got = sorted(c.fingerprint for p in store.record_files(folder) for c in store.load_file(p).claims)
    assert got == expected
    assert not list(folder.glob(".*.tmp")), "no temporary file left behind"


def _confirm_each(folder: str, targets: list[str]) -> None:
    for target in targets:
        store.set_status(Path(folder), target, ClaimStatus.confirmed)


def test_parallel_status_edits_of_one_file_are_not_lost(tmp_path: Path) -> None:
    """Four processes rewrite the same record file claim by claim: the lock must serialise them."""
    text = " ".join(f"In district {n}, {n + 2} houses were destroyed and {n + 40} people were displaced."
                    for n in range(1, 21))
    folder = tmp_path / "claims"
    record_paths([str(write(tmp_path / "big.md", text, "big"))], folder)
    ids = [c.id for c in record_file(folder, "big").claims]
    assert len(ids) >= 20
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_confirm_each, args=(str(folder), ids[k::4])) for k in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    statuses = [c.status for c in record_file(folder, "big").claims]
    assert statuses == [ClaimStatus.confirmed] * len(ids)


def test_one_id_from_two_files_is_replaced_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "claims"
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    first = tmp_path / "x" / "index.md"
    second = tmp_path / "y" / "index.md"
    first.write_text("Flooding in the river town of Amberly killed 10 people.\n", encoding="utf-8")
    second.write_text("A fire at the depot in Brookfield injured 7 workers.\n", encoding="utf-8")
    assert main(["record", str(first), "--record", str(folder)]) == 0
    assert main(["record", str(second), "--record", str(folder)]) == 0
    err = capsys.readouterr().err
    assert f"report id 'index' was on record from {first}" in err
    assert record_file(folder, "index").report.path == str(second)
