"""The pipeline on a Dask cluster: reports partitioned for extraction, claims shuffled by blocking key.

Takes reports (as ``pipeline.read_all`` gives them), the run's options and a
``distributed.Client`` (or a scheduler address; without one, a local
cluster); gives ``(metas, claims, conflicts, findings)``, the same as the
single-process pipeline on the same input, in the same order:

1. extraction: the reports, numbered, are a Dask bag of partitions; each
   partition is extracted on a worker, every claim tagged ``(report number,
   position)``, which is its place in the single-process claim list;
2. matching: claims are shuffled by a stable hash of their blocking key
   (``bag.groupby`` with the task shuffle), so each block lands whole on one
   worker, which puts it back in input order and computes its matched pairs
   (``Matcher.block_pairs``). What matching learns from all claims at once
   (places named together, names given as countries or whole areas) is
   learnt first on the client, which holds every claim, and sent with the
   matcher, since matching a block may depend on claims of other blocks;
3. the same worker joins each block's pairs into groups (``Matcher.assemble``)
   and runs the rules on them (``RuleEngine.evaluate``); a group never spans
   two blocks, so these are the groups one process makes;
4. the client numbers the groups as one process does (by their first claim's
   id) and puts the findings in the order one process gives (rule by rule,
   group by group).

Extraction, pair comparison and rules run on the workers; the client holds
the claims (the document lists them) and the findings.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING, Any

from ..lexicon import Lexicon, default_lexicon
from ..match import Group, Matcher, MatchSettings, blocking_key
from ..models import Claim, ClaimsFile, DateClaim, Finding, MatchInfo, Report, ReportMeta
from ..rules import RuleEngine, rule_error

if TYPE_CHECKING:
    from ..pipeline import CheckOptions

Tagged = tuple[int, int, Claim]  # (report number, position in the report, claim)


def _extract_partition(part: list[tuple[int, Report | ClaimsFile]], lexicon: Lexicon | None) -> list[Tagged]:
    from ..parallel import _extract_chunk

    found = _extract_chunk([item for _, item in part], lexicon)
    return [(i, k, c) for (i, _), claims in zip(part, found, strict=True) for k, c in enumerate(claims)]


def _matchable(t: Tagged) -> bool:
    c = t[2]
    return not (isinstance(c, DateClaim) and (not c.value.start or not c.event))


def _bucket(t: Tagged, lexicon: Lexicon | None, buckets: int) -> int:
    """A hash of the blocking key that every process agrees on (Python's str hash differs per process)."""
    key = "\x1f".join(blocking_key(t[2], lexicon or default_lexicon()))
    return zlib.crc32(key.encode()) % buckets


# what a worker gives back per bucket: each of its groups as (first claim id, claim ids, matched pairs),
# and its findings as (rule position, first claim id of the group, local group id, conflicts, other findings)
GroupShape = tuple[str, list[str], dict[tuple[str, str], MatchInfo]]
BucketResult = tuple[list[GroupShape], list[tuple[int, str, str, list[Finding], list[Finding]]]]


def _bucket_findings(bucket: tuple[int, list[Tagged]], matcher: Matcher, engine: RuleEngine,
                     reports: dict[str, ReportMeta]) -> BucketResult:
    """Match each block of the bucket, group it and run the rules on its groups.

    A group never spans two blocks, and within a block both its members' order
    and its pairs depend on that block alone, so the groups made here are the
    ones one process makes; only their ids (numbered over all groups) are not
    known yet: the client renumbers them.
    """
    blocks: dict[tuple[str, ...], list[Claim]] = {}
    for t in sorted(bucket[1], key=lambda t: (t[0], t[1])):  # back in input order
        blocks.setdefault(blocking_key(t[2], matcher.lex), []).append(t[2])
    shapes: list[GroupShape] = []
    found: list[tuple[int, str, str, list[Finding], list[Finding]]] = []
    for block in blocks.values():
        groups = matcher.assemble(block, [matcher.block_pairs(block)])
        shapes += [(g.claims[0].id, [c.id for c in g.claims], g.pairs) for g in groups]
        # rules that look across facts run once, on the client, over all groups
        for r, g, conflicts, others in engine.evaluate(groups, reports, cross_facts=False):
            if conflicts or others:
                found.append((r, groups[g].claims[0].id, groups[g].id, conflicts, others))
    return shapes, found


def _renumbered(findings: list[Finding], local: str, global_id: str) -> list[Finding]:
    out = []
    for f in findings:
        if f.code == "CT00":  # its message and fingerprint name the group
            error = f.message.split(f" failed on {local}: ", 1)[1]
            out.append(rule_error(f.message.split()[1], global_id, error, list(f.claims)))
        else:
            out.append(f.model_copy(update={"fact": global_id}))
    return out


def run(items: list[Report | ClaimsFile], options: CheckOptions, judging: bool, client: Any = None,
        ) -> tuple[list[ReportMeta], list[Claim], list[Finding], list[Finding]]:
    """Extract (and, when judging, match and judge) the items on a Dask cluster."""
    try:
        import dask.bag as db
        from dask.delayed import delayed
        from dask.distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - depends on the environment
        from ..errors import CheckerError

        raise CheckerError("engine", "--engine dask needs dask.distributed: pip install 'checker[dask]'") from None
    from ..pipeline import _unique_ids

    own: list[Any] = []
    if client is None:
        if options.scheduler:
            client = Client(options.scheduler)  # type: ignore[no-untyped-call]
            own.append(client)
        else:
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=max(1, options.jobs), threads_per_worker=1, processes=True)
            client = Client(cluster)  # type: ignore[no-untyped-call]
            own += [client, cluster]
    try:
        unique = _unique_ids(items)
        metas = [item.report if isinstance(item, ClaimsFile) else item.meta for item in unique]
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        parts = max(1, min(len(unique), workers * 4))
        numbered = db.from_sequence(list(enumerate(unique)), npartitions=parts)  # type: ignore[no-untyped-call]
        tagged = numbered.map_partitions(_extract_partition, options.lexicon).persist()
        # from_sequence keeps order and partitions are contiguous: this is the single-process order
        claims = [t[2] for t in tagged.compute()]
        if not judging:
            return metas, claims, [], []
        lexicon = options.lexicon or default_lexicon()
        matcher = Matcher(lexicon, options.match or MatchSettings())
        matcher.prepare(claims)  # the client holds every claim: what matching learns of them all, learnt once
        engine = RuleEngine(rules=options.rules, settings=options.rule_settings, lexicon=lexicon)
        reports = {m.id: m for m in metas}
        buckets = max(1, tagged.npartitions)
        per_bucket: list[BucketResult] = (
            tagged.filter(_matchable)
            .groupby(lambda t: _bucket(t, options.lexicon, buckets), npartitions=buckets, shuffle="tasks")
            # one copy of the matcher, rules and report metadata per worker, not one per task
            .map(_bucket_findings, delayed(matcher), delayed(engine), delayed(reports, traverse=False))
            .compute())
        # groups are numbered as one process numbers them: by their first claim's id
        shapes = sorted((shape for found_shapes, _ in per_bucket for shape in found_shapes), key=lambda x: x[0])
        rank = {shape[0]: n + 1 for n, shape in enumerate(shapes)}
        by_id = {c.id: c for c in claims}
        groups = [Group(f"g{n + 1}", [by_id[i] for i in ids], pairs) for n, (_, ids, pairs) in enumerate(shapes)]
        entries = [entry for _, found in per_bucket for entry in found]
        for r, _, found_conflicts, found_others in engine.evaluate(groups, reports, claims, per_group=False):
            entries.append((r, "", "", found_conflicts, found_others))  # rank 0: before the rule's groups
        rank[""] = 0
        conflicts: list[Finding] = []
        others: list[Finding] = []
        for _, first, local, found_conflicts, found_others in sorted(entries, key=lambda e: (e[0], rank[e[1]])):
            if not first:
                conflicts += found_conflicts
                others += found_others
                continue
            conflicts += _renumbered(found_conflicts, local, f"g{rank[first]}")
            others += _renumbered(found_others, local, f"g{rank[first]}")
        return metas, claims, conflicts, others
    finally:
        for thing in own:
            thing.close()
