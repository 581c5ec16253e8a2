"""The benchmark runner: extraction speed against the baseline, recall on gold, matching growth, memory, --jobs.

Usage (from the project root, with ``pip install -e '.[bench]'``):

    python -m benchmarks.run                       # every section at the default sizes
    python -m benchmarks.run --claims 100000 --million --sections match
    python -m benchmarks.run --small               # the smoke sizes CI uses (no timing claims)

Each section is a function ``(args) -> list[Row]`` registered in ``SECTIONS``;
a new measurement (for example the claim-record lookup once the SQLite index
lands) is one more function and one more entry. A row is a label and its
figures; the runner prints them as aligned lines and, with ``--json``, as one
JSON document. Sections that need ``../shared`` (real text, gold) or the
baseline's libraries (quantulum3, dateparser: the ``bench`` extra) print why
they were skipped and the others still run.

Matching sizes run in a fresh process each, so that the peak memory printed
for a size is that size's own (``ru_maxrss`` of the process that held it).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from checker.extract import Extractor
from checker.lexicon import default_lexicon
from checker.models import ClaimsFile, Report
from checker.parallel import extract_reports
from checker.pipeline import CheckOptions, check_files, judge, read_all
from checker.record import store
from checker.record.index import RecordIndex

from .generate import generate_claims, generate_reports

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@dataclass
class Row:
    """One line of output: what was measured and its figures (name -> number or text)."""

    label: str
    figures: dict[str, Any] = field(default_factory=dict)
    note: str = ""

    def text(self) -> str:
        parts = [f"{k}={_fmt(v)}" for k, v in self.figures.items()]
        return f"  {self.label:<44} " + "  ".join(parts) + (f"  ({self.note})" if self.note else "")


def _fmt(v: Any) -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:,.3f}" if abs(v) < 10 else f"{v:,.1f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


class Skip(Exception):
    """A section that cannot run here (no ../shared, no baseline libraries): why."""


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (ru_maxrss is in kB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _shared_tool(name: str) -> ModuleType:
    """A module of ../shared/tools, imported (not copied) so that scoring stays the project's."""
    path = SHARED / "tools" / f"{name}.py"
    if not path.exists():
        raise Skip(f"{path} not found")
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(f"shared_{name}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---- checker and baseline extraction ---------------------------------------------------

def checker_extract(reports: list[Report], repeats: int = 3) -> tuple[float, int]:
    """Seconds to extract the claims of the reports in this process (the best of ``repeats`` passes, as timeit
    advises: on a shared machine one pass of half a second swung by a third from run to run, which is the
    machine, not the code), and how many claims."""
    extractor = Extractor(default_lexicon())
    extractor.extract(reports[0])  # warm the lexicon caches: the rate is of steady work
    best, n = float("inf"), 0
    for _ in range(repeats):
        t = time.perf_counter()
        n = sum(len(extractor.extract(r)) for r in reports)
        best = min(best, time.perf_counter() - t)
    return best, n


class LineTool:
    """A normaliser that speaks ``checker normalize``'s JSON lines on stdin/stdout, started once and warmed with
    one line, so that the time measured is its steady reading rate (start-up is not reading)."""

    def __init__(self, command: list[str]) -> None:
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self.read([("Warm-up: 3 people were hurt on Monday.", "2020-01-01")])

    def read(self, texts: list[tuple[str, str | None]]) -> tuple[float, list[list[dict[str, Any]]]]:
        """Seconds to read the texts (with their reference dates), and each text's mentions."""
        assert self.proc.stdin and self.proc.stdout
        t = time.perf_counter()
        out = []
        for text, reference in texts:
            self.proc.stdin.write(json.dumps({"text": text, "reference": reference}) + "\n")
            self.proc.stdin.flush()
            out.append(json.loads(self.proc.stdout.readline())["mentions"])
        return time.perf_counter() - t, out

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


class Baseline(LineTool):
    """quantulum3 + dateparser's search_dates, run through ../shared/tools/baseline_normalize.py."""

    def __init__(self) -> None:
        tool = SHARED / "tools" / "baseline_normalize.py"
        if not tool.exists():
            raise Skip(f"{tool} not found")
        if importlib.util.find_spec("quantulum3") is None or importlib.util.find_spec("dateparser") is None:
            raise Skip("baseline needs the bench extra: pip install -e '.[bench]'")
        super().__init__([sys.executable, str(tool)])


def _baseline_input(r: Report) -> tuple[str, str | None]:
    """What a user of the baseline passes: the article (front matter off) and its publication date."""
    return r.text[r.body_start:], (r.meta.published or "")[:10] or None


def _compare(label: str, reports: list[Report], baseline: Baseline) -> list[Row]:
    secs, claims = checker_extract(reports)
    bsecs, mentions = baseline.read([_baseline_input(r) for r in reports])
    rate, brate = len(reports) / secs, len(reports) / bsecs
    return [
        Row(f"{label}: checker", {"reports": len(reports), "reports/s": rate, "claims": claims}),
        Row(f"{label}: baseline", {"reports": len(reports), "reports/s": brate,
                                   "mentions": sum(len(m) for m in mentions)}),
        Row(f"{label}: speed ratio", {"checker/baseline": rate / brate}, "target >= 20"),
    ]


def _real_reports(limit: int | None) -> dict[str, list[Report]]:
    """The corpus reports and the ISAF press releases (dated from their datelines), read as checker reads."""
    if not SHARED.exists():
        raise Skip(f"{SHARED} not found")
    out: dict[str, list[Report]] = {}
    corpus = sorted(p for c in sorted((SHARED / "corpus").iterdir()) if c.is_dir()
                    for p in c.glob("r*.*") if p.suffix in (".md", ".txt"))
    items, _ = read_all([str(p) for p in corpus], CheckOptions())
    out["corpus"] = [r for r in items if isinstance(r, Report)][:limit]
    isaf = _shared_tool("isaf_score")
    from checker.read import read_text

    cases = isaf.load(str(SHARED / "peer"))[:limit]
    out["isaf"] = [read_text(c["text"], path=f"p{i:04d}.txt", published=c["reference"]) for i, c in enumerate(cases)]
    return out


def section_extract(args: argparse.Namespace) -> list[Row]:
    """Extraction reports/s on synthetic reports, checker alone (at the full size) and against the baseline."""
    reports = generate_reports(args.reports, args.seed)
    secs, claims = checker_extract(reports, repeats=1)
    rows = [Row("synthetic: checker", {"reports": len(reports), "reports/s": len(reports) / secs, "claims": claims,
                                       "peak_MB": peak_mb()})]
    try:
        baseline = Baseline()
    except Skip as why:
        return rows + [Row("baseline", note=f"skipped: {why}")]
    try:
        rows += _compare("synthetic (same reports)", reports[:args.baseline_reports], baseline)
        try:
            real = _real_reports(args.baseline_reports)
        except Skip as why:
            return rows + [Row("real text", note=f"skipped: {why}")]
        for name, reps in real.items():
            rows += _compare(f"{name} ({len(reps)} reports)", reps, baseline)
    finally:
        baseline.close()
    return rows


def section_real(args: argparse.Namespace) -> list[Row]:
    """Checker alone on every real report: the corpus and all 724 ISAF press releases."""
    try:
        real = _real_reports(None)
    except Skip as why:
        return [Row("real text", note=f"skipped: {why}")]
    rows = []
    for name, reps in real.items():
        secs, claims = checker_extract(reps, repeats=1)
        rows.append(Row(f"{name}: checker", {"reports": len(reps), "reports/s": len(reps) / secs, "claims": claims}))
    return rows


# ---- recall on gold ---------------------------------------------------------------------

def _baseline_document(reports: list[Report], mentions: list[list[dict[str, Any]]]) -> dict[str, Any]:
    """The baseline's mentions as the claims of a findings document, offsets into each file."""
    claims = []
    for r, found in zip(reports, mentions, strict=True):
        for k, m in enumerate(found):
            if m["start"] < 0:
                continue
            claims.append({"id": f"{r.meta.id}:b{k}", "value": m["value"],
                           "source": {"path": r.meta.path, "start": m["start"] + r.body_start,
                                      "end": m["end"] + r.body_start}})
    return {"claims": claims, "conflicts": []}


def section_recall(args: argparse.Namespace) -> list[Row]:
    """Extraction recall of checker and of the baseline on the gold statements of ../shared/corpus."""
    try:
        score = _shared_tool("score")
        baseline = Baseline()
    except Skip as why:
        return [Row("recall", note=f"skipped: {why}")]
    rows = []
    try:
        for corpus in sorted(c for c in (SHARED / "corpus").iterdir() if (c / "gold.yaml").exists()):
            files, statements, conflicts = score.load_gold(corpus)
            paths = [str(p) for p in files.values()]
            ours = json.loads(check_files(paths).model_dump_json())
            mine = score.score(ours, files, statements, conflicts)
            items, _ = read_all(paths, CheckOptions())
            reports = [r for r in items if isinstance(r, Report)]
            _, mentions = baseline.read([_baseline_input(r) for r in reports])
            theirs = score.score(_baseline_document(reports, mentions), files, statements, conflicts)
            rows.append(Row(f"{corpus.name}: recall", {
                "statements": mine["statements"], "checker": mine["extraction_recall"],
                "baseline": theirs["extraction_recall"]}))
    finally:
        baseline.close()
    return rows


# ---- matching and rules -----------------------------------------------------------------

def match_once(n_claims: int, seed: int) -> dict[str, Any]:
    """Match and judge n generated claims in this process: seconds, findings, peak memory."""
    metas, claims = generate_claims(n_claims, seed)
    t, cpu = time.perf_counter(), time.process_time()
    conflicts, others = judge(metas, claims, CheckOptions())
    secs, cpu_secs = time.perf_counter() - t, time.process_time() - cpu
    return {"claims": len(claims), "seconds": secs, "cpu_seconds": cpu_secs, "conflicts": len(conflicts),
            "findings": len(others), "peak_MB": peak_mb()}


def _match_in_child(n_claims: int, seed: int) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-m", "benchmarks.run", "--match-child", str(n_claims), "--seed", str(seed)],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def section_match(args: argparse.Namespace) -> list[Row]:
    """Matching and rules on n and 2n generated claims (the growth ratio), and on a million with --million."""
    sizes = [args.claims, 2 * args.claims] + ([1_000_000] if args.million else [])
    results = [_match_in_child(n, args.seed) for n in sizes]
    rows = [Row(f"match+rules: {r['claims']:,} claims", {
        "seconds": r["seconds"], "cpu_seconds": r["cpu_seconds"], "claims/s": r["claims"] / r["seconds"],
        "conflicts": r["conflicts"], "peak_MB": r["peak_MB"]}) for r in results]
    # CPU time is what the work costs; wall time also counts what other processes took from the shared cores
    rows.append(Row(f"growth {sizes[0]:,} -> {sizes[1]:,} claims", {
        "cpu_ratio": results[1]["cpu_seconds"] / results[0]["cpu_seconds"],
        "wall_ratio": results[1]["seconds"] / results[0]["seconds"]}, "target <= 2.3"))
    return rows


# ---- parallel extraction ----------------------------------------------------------------

def section_jobs(args: argparse.Namespace) -> list[Row]:
    """Extraction with --jobs 1 and --jobs 2 on the same synthetic reports, and whether the claims agree."""
    reports: list[Report] = list(generate_reports(args.reports, args.seed))
    rows, results = [], {}
    for jobs in (1, 2):
        cpu = _cpu_seconds()
        t = time.perf_counter()
        claims = extract_reports(reports, jobs=jobs)
        secs = time.perf_counter() - t
        results[jobs] = (secs, claims)
        # CPU seconds per wall second: near the number of jobs when each job had a core to itself
        rows.append(Row(f"extract --jobs {jobs}", {"reports": len(reports), "reports/s": len(reports) / secs,
                                                    "claims": len(claims), "cores_busy": (_cpu_seconds() - cpu) / secs}))
    same = [c.model_dump() for c in results[1][1]] == [c.model_dump() for c in results[2][1]]
    rows.append(Row("--jobs 2 vs 1", {"speedup": results[1][0] / results[2][0], "same_claims": same},
                    f"{os.cpu_count()} cores, load average now {os.getloadavg()[0]:.2f}"))
    return rows


# ---- the claim record: one new report against an indexed record ---------------------------

def _write_record(folder: Path, n_claims: int, seed: int) -> int:
    """A record of n generated claims, one claims file per report, written straight to disk."""
    metas, claims = generate_claims(n_claims, seed)
    by_report: dict[str, list[Any]] = {}
    for c in claims:
        by_report.setdefault(c.report, []).append(c)
    folder.mkdir(parents=True, exist_ok=True)
    for meta in metas:
        found = by_report.get(meta.id)
        if found:
            (folder / store.file_name(meta.id)).write_text(store.dump(ClaimsFile(report=meta, claims=found)))
    return len(claims)


def section_lookup(args: argparse.Namespace) -> list[Row]:
    """One new report against a record of generated claims in the SQLite index (1,000,000 with --million)."""
    size = 1_000_000 if args.million else args.claims
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "claims"
        written = _write_record(folder, size, args.seed)
        with RecordIndex(folder) as index:
            t = time.perf_counter()
            index.refresh()
            build = time.perf_counter() - t
            t = time.perf_counter()
            index.refresh()
            fresh = time.perf_counter() - t
            rows.append(Row(f"record index: {written:,} claims", {"build_seconds": build, "refresh_unchanged_s": fresh,
                                                                   "peak_MB": peak_mb()}))
            # new reports of the same events (same world seed), each looked up as `check --against` does
            reports = generate_reports(20, args.seed)[-10:]
            extractor = Extractor(default_lexicon())
            times, found = [], []
            for report in reports:
                claims = extractor.extract(report)
                t = time.perf_counter()
                candidates = index.candidates_for(claims, {report.meta.id: report.meta}, {report.meta.id})
                times.append(time.perf_counter() - t)
                found.append(len(candidates))
            times.sort()
            rows.append(Row("lookup: one new report", {"reports": len(times), "median_ms": 1000 * times[len(times) // 2],
                                                       "max_ms": 1000 * times[-1],
                                                       "candidates_median": sorted(found)[len(found) // 2]},
                            "target < 200 ms at 1,000,000 claims"))
    return rows


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (pool workers are waited for)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def section_peer(args: argparse.Namespace) -> list[Row]:
    """The peers' normalisation suites read by `checker normalize` and by the baseline, both as JSON lines."""
    try:
        cases = _shared_tool("peer_score").load_cases(str(SHARED / "peer"))
        baseline = Baseline()
    except Skip as why:
        return [Row("peer suites", note=f"skipped: {why}")]
    texts = [(c["text"], c["reference"]) for c in cases][:args.peer_cases]
    checker = LineTool([sys.executable, "-m", "checker", "normalize"])
    try:
        # the best of three passes for checker, whose pass takes about a second; the baseline's takes a minute
        secs = min(checker.read(texts)[0] for _ in range(3))
        bsecs, _ = baseline.read(texts)
    finally:
        checker.close()
        baseline.close()
    rate, brate = len(texts) / secs, len(texts) / bsecs
    return [
        Row("peer suites: checker normalize", {"texts": len(texts), "texts/s": rate, "seconds": secs}),
        Row("peer suites: baseline", {"texts": len(texts), "texts/s": brate, "seconds": bsecs}),
        Row("peer suites: speed ratio", {"checker/baseline": rate / brate}, "target >= 10: a small fraction of its time"),
    ]


SECTIONS: dict[str, Callable[[argparse.Namespace], list[Row]]] = {
    "extract": section_extract,
    "real": section_real,
    "recall": section_recall,
    "match": section_match,
    "jobs": section_jobs,
    "peer": section_peer,
    "lookup": section_lookup,
}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sections", default=",".join(SECTIONS), help=f"comma-separated, of: {', '.join(SECTIONS)}")
    p.add_argument("--reports", type=int, default=2000, help="synthetic reports for extraction (default 2000)")
    p.add_argument("--baseline-reports", type=int, default=100,
                   help="reports of each set the baseline reads (it is slow; default 100)")
    p.add_argument("--peer-cases", type=int, default=None, help="peer-suite texts to read (default: all)")
    p.add_argument("--claims", type=int, default=100_000, help="claims for matching; doubled for the growth ratio")
    p.add_argument("--million", action="store_true", help="also match and judge 1,000,000 claims")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--small", action="store_true", help="smoke sizes: correctness, not speed")
    p.add_argument("--json", action="store_true", help="print one JSON document instead of lines")
    p.add_argument("--match-child", type=int, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.match_child is not None:
        print(json.dumps(match_once(args.match_child, args.seed)))
        return 0
    if args.small:
        args.reports, args.baseline_reports, args.claims, args.million = 40, 5, 2000, False
        args.peer_cases = 20
    names = [s.strip() for s in args.sections.split(",") if s.strip()]
    unknown = [s for s in names if s not in SECTIONS]
    if unknown:
        p.error(f"unknown section(s): {', '.join(unknown)}")
    out: dict[str, list[dict[str, Any]]] = {}
    if not args.json:
        # the load says how much other work shared the cores: the figures are of this machine, now
        print(f"checker benchmark: seed {args.seed}, {os.cpu_count()} cores, load average "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    for name in names:
        if not args.json:
            print(f"[{name}] {(SECTIONS[name].__doc__ or '').strip().splitlines()[0]}", flush=True)
        rows = SECTIONS[name](args)
        out[name] = [{"label": r.label, **r.figures, **({"note": r.note} if r.note else {})} for r in rows]
        if not args.json:
            for r in rows:
                print(r.text(), flush=True)
    if args.json:
        print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
