"""The bundled example clusters with gold (quake-2023, maui-2023, balasore-2023, pylos-2023, kramatorsk-2022,
otis-2023, itaewon-2022, crocus-2024, wayanad-2024): each gold file is well formed and coded by
../shared/corpus/CODING.md, and the checker's score on each does not fall.

The form and coding tests need nothing outside the repository. The score tests run
../shared/tools/score.py (present for developers and CI, not for users) and skip
cleanly without it. Their floors sit a little under the scores measured when the
cluster was added, so that they guard against regressions without freezing today's
misses. Each cluster was written held out, as a kind of event the checker had not been
tuned on, and scored before anyone read its misses (the first figures in CLUSTERS are those
honest measures of generalisation); the general causes of its misses were fixed after, on
our own test sentences, and its floors raised under the score that followed.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

SCORER = ROOT.parent / "shared" / "tools" / "score.py"


@dataclass(frozen=True)
class Cluster:
    name: str
    floors: dict[str, float]
    # the fewest statement pairs each coding test must have judged, so that an empty gold cannot pass
    same_unit_pairs: int
    cross_unit_pairs: int = 0
    date_pairs: int = 0
    # size of each unit in its dimension's base unit (m², m/s), for the gold's own cross-unit arithmetic
    unit_sizes: dict[str, float] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return ROOT / "examples" / self.name


CLUSTERS = [
    # measured when added: recall=0.849 precision=0.164 conflict_recall=0.473 per_fact_recall=0.353; after the
    # place and event work: recall=0.943 precision=0.990 conflict_recall=0.902 per_fact_recall=0.935 (0.981 recall
    # once clock times with no day were read)
    Cluster("quake-2023", {"recall": 0.91, "precision": 0.93, "conflict_recall": 0.86, "per_fact_recall": 0.88},
            same_unit_pairs=100),
    # measured when added: recall=0.798 precision=0.756 conflict_recall=0.689 per_fact_recall=0.404; after the
    # other-occurrence, ranking-place, fire-date and instant work: recall=0.940 precision=0.993
    # conflict_recall=0.993 per_fact_recall=0.857
    Cluster("maui-2023", {"recall": 0.91, "precision": 0.96, "conflict_recall": 0.96, "per_fact_recall": 0.82},
            same_unit_pairs=100, cross_unit_pairs=7, date_pairs=28,
            unit_sizes={"acre": 4046.86, "ha": 10000.0, "mi2": 2589988.11, "mph": 0.44704, "km/h": 0.277778}),
    # held out, a transport disaster; measured when added (at 784732c):
    # recall=0.756 precision=0.323 conflict_recall=0.333 per_fact_recall=0.255; after the toll-subject, origin,
    # past-occasion, clock-time, named-mover and point-event work: recall=0.936 precision=0.946
    # conflict_recall=0.978 per_fact_recall=0.982
    Cluster("balasore-2023", {"recall": 0.90, "precision": 0.91, "conflict_recall": 0.94, "per_fact_recall": 0.94},
            same_unit_pairs=130, cross_unit_pairs=4, date_pairs=78,
            unit_sizes={"mph": 0.44704, "km/h": 0.277778}),
    # held out, a shipwreck (Pylos, June 2023); measured when added (at eb6b82a):
    # recall=0.704 precision=0.500 conflict_recall=0.158 per_fact_recall=0.327; since "Dozens dead" counts people
    # (no longer the "migrant" of its headline), it meets "600 people are believed to have died", which this gold
    # keeps apart as an estimate (derna's gold keeps "presumed dead" with the toll): precision 0.935 -> 0.879
    Cluster("pylos-2023", {"recall": 0.94, "precision": 0.86, "conflict_recall": 0.73, "per_fact_recall": 0.90},
            same_unit_pairs=100, cross_unit_pairs=10, date_pairs=48,
            unit_sizes={"nmi": 1852.0, "mi": 1609.344, "km": 1000.0}),
    # held out, a missile strike on a crowd (Kramatorsk, April 2022); measured when added (at dc73eb3):
    # recall=0.796 precision=0.367 conflict_recall=0.547 per_fact_recall=0.261; after the part-of-toll,
    # casualties, weapon-attack, lead-date, crowd, range and onlooker-place work: recall=0.980 precision=1.000
    # conflict_recall=1.000 per_fact_recall=1.000
    Cluster("kramatorsk-2022", {"recall": 0.95, "precision": 0.96, "conflict_recall": 0.96, "per_fact_recall": 0.96},
            same_unit_pairs=116, cross_unit_pairs=1, date_pairs=55,
            unit_sizes={"mi": 1609.344, "km": 1000.0}),
    # held out, a hurricane (Otis, Acapulco, October 2023); measured when added (at 3d90c91):
    # recall=0.811 precision=0.632 conflict_recall=0.891 f1=0.740 per_fact_recall=0.662 (0.824 recall once the
    # damage range was coded in whole USD); after the change-by, midnight-side, class-change, place-breakdown,
    # deployed, without-power, pesos, eye, window and named-storm work: recall=0.986 precision=1.000
    # conflict_recall=1.000 per_fact_recall=1.000
    Cluster("otis-2023", {"recall": 0.95, "precision": 0.96, "conflict_recall": 0.96, "per_fact_recall": 0.96},
            same_unit_pairs=120, cross_unit_pairs=37, date_pairs=28,
            unit_sizes={"mph": 0.44704, "km/h": 0.277778, "mm": 0.001, "in": 0.0254}),
    # held out, a crowd crush (Itaewon, October 2022), written without running checker on it; measured when added
    # (at cc1df3b): recall=0.745 precision=0.439 conflict_recall=0.368 f1=0.400 per_fact_recall=0.394; after the
    # own-predicate, seriously-injured, festival-season, crush-event, tally-noun, among, speech-day, euphemism,
    # foreign-nationals, related-place, until, other-occurrence, headline-incident, were-in, on-duty,
    # bracket-conversion, victims and colon-time work (and one gold fix: 118 pairs): recall=0.898 precision=1.000
    # conflict_recall=0.992 f1=0.996 per_fact_recall=0.988
    Cluster("itaewon-2022", {"recall": 0.87, "precision": 0.97, "conflict_recall": 0.96, "per_fact_recall": 0.96},
            same_unit_pairs=163, cross_unit_pairs=27, date_pairs=84,
            unit_sizes={"m": 1.0, "ft": 0.3048}),
    # held out, an attack on a concert hall (Crocus City Hall, March 2024), written without running checker on it;
    # measured when added (at 0b92d29): recall=0.767 precision=0.653 conflict_recall=0.320 f1=0.430
    # per_fact_recall=0.223; after the zone, opened-fire, in-hospital, own-verb, suburb-place, mourns, arrest-distance,
    # verb-object and seats work: recall=0.907 precision=0.930 conflict_recall=0.930 f1=0.930 per_fact_recall=0.828
    Cluster("crocus-2024", {"recall": 0.88, "precision": 0.90, "conflict_recall": 0.90, "per_fact_recall": 0.80},
            same_unit_pairs=170, cross_unit_pairs=15, date_pairs=125,
            unit_sizes={"km": 1000.0, "mi": 1609.344}),
    # held out, a landslide (Wayanad, July 2024), written without running checker on it; measured when added
    # (at c8bb7bf): recall=0.807 precision=0.673 conflict_recall=0.597 f1=0.632 per_fact_recall=0.355; after the
    # never-found, of-whom, clause-subject, far-tally-noun, slides and weeks-ago work: recall=0.819 precision=0.991
    # conflict_recall=0.855 f1=0.918 per_fact_recall=0.450
    Cluster("wayanad-2024", {"recall": 0.79, "precision": 0.96, "conflict_recall": 0.83, "per_fact_recall": 0.42},
            same_unit_pairs=149, cross_unit_pairs=22, date_pairs=81,
            unit_sizes={"mm": 0.001, "in": 0.0254, "km": 1000.0, "mi": 1609.344, "m": 1.0, "ft": 0.3048}),
]
BY_NAME = pytest.mark.parametrize("cluster", CLUSTERS, ids=[c.name for c in CLUSTERS])


def _gold(cluster: Cluster) -> dict:
    return yaml.safe_load((cluster.folder / "gold.yaml").read_text(encoding="utf-8"))


def _report_text(cluster: Cluster, report_id: str) -> str:
    return (cluster.folder / f"{report_id}.md").read_text(encoding="utf-8")


@BY_NAME
def test_every_report_has_front_matter_with_id_outlet_published_and_title(cluster: Cluster) -> None:
    reports = sorted(cluster.folder.glob("r*.md"))
    assert 8 <= len(reports) <= 12
    days = set()
    for path in reports:
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        assert front["id"] == path.stem
        assert {"outlet", "published", "title"} <= front.keys(), path.name
        assert front.get("based_on", "none (our own text)") == "none (our own text)", path.name
        days.add(str(front["published"])[:10])
    assert len(days) >= 8, "reports should be published on different days"


@BY_NAME
def test_every_quote_is_an_exact_unique_substring_of_its_report(cluster: Cluster) -> None:
    for fact in _gold(cluster)["facts"]:
        for statement in fact["statements"]:
            count = _report_text(cluster, statement["report"]).count(statement["quote"])
            assert count == 1, f"{fact['id']}/{statement['id']}: {statement['quote']!r} occurs {count} times"


@BY_NAME
def test_statement_ids_are_unique_and_conflicts_name_statements_of_their_own_fact(cluster: Cluster) -> None:
    seen: set[str] = set()
    for fact in _gold(cluster)["facts"]:
        ids = [s["id"] for s in fact["statements"]]
        assert not seen & set(ids), f"{fact['id']} reuses a statement id"
        seen |= set(ids)
        for pair in fact["conflicts"]:
            assert len(pair) == 2 and pair[0] != pair[1], f"{fact['id']}: {pair}"
            assert set(pair) <= set(ids), f"{fact['id']}: conflict {pair} names a statement of another fact"


def _interval(value: dict) -> tuple[float, float]:
    low, high = value.get("low"), value.get("high")
    return (float("-inf") if low is None else low, float("inf") if high is None else high)


def _half_last_digit(x: float) -> float:
    """Half a unit of the last written digit: 2170 -> 0.5, 3.4 -> 0.05 (CODING 4)."""
    text = repr(float(x)).rstrip("0").rstrip(".")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10 ** -decimals


def _widened_interval_in_base_unit(value: dict, sizes: dict[str, float]) -> tuple[float, float]:
    low, high = _interval(value)
    size = sizes[value["unit"]]
    best = value.get("best")
    if low != float("-inf"):
        low -= _half_last_digit(best if best is not None else low)
    if high != float("inf"):
        high += _half_last_digit(best if best is not None else high)
    return low * size, high * size


def _moment(text: str) -> date | datetime:
    return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)


def _dates_overlap(a: dict, b: dict) -> bool:
    """Instants compare as instants; a plain day against an instant is read in the instant's own zone (CODING 2)."""
    a_start, a_end, b_start, b_end = (_moment(a["start"]), _moment(a["end"]), _moment(b["start"]), _moment(b["end"]))
    if isinstance(a_start, datetime) and isinstance(b_start, datetime):
        return a_start <= b_end and b_start <= a_end
    if isinstance(a_start, datetime):
        a_start, a_end = a_start.date(), a_end.date()
    if isinstance(b_start, datetime):
        b_start, b_end = b_start.date(), b_end.date()
    return a_start <= b_end and b_start <= a_end


def _judged_pairs(cluster: Cluster, wants: str) -> list[tuple[str, bool, bool]]:
    """(pair name, the statements are disjoint by CODING 4, the gold lists the pair) for facts of one shape:
    `same` (one unit), `cross` (several units, all of known size) or `date`."""
    judged = []
    for fact in _gold(cluster)["facts"]:
        statements = fact["statements"]
        units = {s["value"].get("unit") for s in statements}
        is_date = all("start" in s["value"] for s in statements)
        shape = "date" if is_date else "same" if len(units) == 1 else \
            "cross" if units <= cluster.unit_sizes.keys() else "judged in notes"
        if shape != wants:
            continue
        listed = {frozenset(p) for p in fact["conflicts"]}
        for a, b in itertools.combinations(statements, 2):
            if shape == "date":
                disjoint = not _dates_overlap(a["value"], b["value"])
            else:
                if shape == "same" or a["value"].get("unit") == b["value"].get("unit"):
                    # (CODING 4 widens across units only: two statements in one unit compare unwidened, whatever
                    # other units their fact is given in)
                    (alow, ahigh), (blow, bhigh) = _interval(a["value"]), _interval(b["value"])
                else:
                    (alow, ahigh) = _widened_interval_in_base_unit(a["value"], cluster.unit_sizes)
                    (blow, bhigh) = _widened_interval_in_base_unit(b["value"], cluster.unit_sizes)
                disjoint = ahigh < blow or bhigh < alow
            judged.append((f"{fact['id']}: {a['id']}~{b['id']}", disjoint, frozenset((a["id"], b["id"])) in listed))
    return judged


@BY_NAME
@pytest.mark.parametrize("shape", ["same", "cross", "date"])
def test_gold_lists_a_conflict_exactly_when_the_statements_do_not_overlap(cluster: Cluster, shape: str) -> None:
    """CODING 4: same-unit counts by their intervals; cross-unit ones (acres against hectares) with half-digit
    widening; dates by days or instants. Facts across units of unknown size are judged in their notes."""
    judged = _judged_pairs(cluster, shape)
    wrong = [name for name, disjoint, listed in judged if disjoint != listed]
    assert not wrong, wrong
    least = {"same": cluster.same_unit_pairs, "cross": cluster.cross_unit_pairs, "date": cluster.date_pairs}[shape]
    assert len(judged) >= least


@BY_NAME
@pytest.mark.skipif(not SCORER.exists(), reason="../shared/tools/score.py is not here")
def test_score_on_the_cluster_stays_above_its_floor(cluster: Cluster) -> None:
    command = f"{sys.executable} -m checker check --format json"
    run = subprocess.run(
        [sys.executable, str(SCORER), str(cluster.folder), "--cmd", command],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert run.returncode == 0, run.stderr
    line = next(x for x in run.stdout.splitlines() if x.startswith("SCORE "))
    scores = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}
    for name, floor in cluster.floors.items():
        assert scores[name] >= floor, f"{name}={scores[name]} fell below {floor}: {line}"
