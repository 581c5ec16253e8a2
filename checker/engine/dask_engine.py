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
   (``Matcher.block_pairs``). Places named together anywhere ("Syria's
   Idlib") are gathered first and sent with the matcher, since matching a
   block may depend on claims of other blocks for that;
3. the client orders the blocks as one process meets them (by their first
   claim), joins the pairs into groups (``Matcher.assemble``) and runs the
   rules, which are linear in the groups.

The cost that grows with an archive, extraction and pair comparison, runs on
the workers; the client holds the claims and the matched pairs.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING, Any

from ..lexicon import Lexicon, default_lexicon
from ..match import Matcher, MatchSettings, blocking_key
from ..models import Claim, ClaimsFile, DateClaim, Finding, MatchInfo, Report, ReportMeta
from ..rules import RuleEngine

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


def _bucket_pairs(bucket: tuple[int, list[Tagged]], matcher: Matcher
                  ) -> list[tuple[tuple[int, int], list[tuple[str, str, MatchInfo]]]]:
    """Per block of the bucket: where its first claim stands, and its matched pairs."""
    blocks: dict[tuple[str, ...], list[Tagged]] = {}
    for t in sorted(bucket[1], key=lambda t: (t[0], t[1])):  # back in input order
        blocks.setdefault(blocking_key(t[2], matcher.lex), []).append(t)
    return [((ts[0][0], ts[0][1]), matcher.block_pairs([t[2] for t in ts])) for ts in blocks.values()]


def _related(t: Tagged) -> list[tuple[str, str]]:
    c = t[2]
    return [(x, y) for x in c.place for y in c.place if x != y and "*" not in x + y]


def run(items: list[Report | ClaimsFile], options: CheckOptions, judging: bool, client: Any = None,
        ) -> tuple[list[ReportMeta], list[Claim], list[Finding], list[Finding]]:
    """Extract (and, when judging, match and judge) the items on a Dask cluster."""
    try:
        import dask.bag as db
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
        matcher._related_places = {frozenset(p) for p in tagged.map(_related).flatten().distinct().compute()}
        buckets = max(1, tagged.npartitions)
        per_bucket = (tagged.filter(_matchable)
                      .groupby(lambda t: _bucket(t, options.lexicon, buckets), npartitions=buckets, shuffle="tasks")
                      .map(_bucket_pairs, matcher)
                      .compute())
        ordered = sorted((first, pairs) for found in per_bucket for first, pairs in found)
        groups = matcher.assemble(claims, [pairs for _, pairs in ordered])
        engine = RuleEngine(settings=options.rule_settings, lexicon=lexicon)
        conflicts, others = engine.run(groups, {m.id: m for m in metas})
        return metas, claims, conflicts, others
    finally:
        for thing in own:
            thing.close()
