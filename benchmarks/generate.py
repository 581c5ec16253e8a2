"""Seeded synthetic news clusters for the benchmark: a world of events, reports about them, claims.

Takes a seed and a size; gives, reproducibly (same seed, same output):

- ``make_world(n_events, seed)``: events, each with a place, a date, true
  figures and a number of reports that follows a heavy-tailed law, so that a
  few events are very large, as in real news;
- ``report_plans(world, seed)``: per report an outlet, a publication date and
  the statements it makes: hedged figures, figures in words, relative dates
  against the publication date, deliberate conflicts, later higher tolls,
  distractors (another place, a running total, an earlier or projected figure);
- ``render_report(plan)``: the report as Markdown with front matter, every
  sentence composed from the templates in ``benchmarks/vocab.yaml``;
- ``generate_reports(n_reports, seed)``: ``Report`` objects ready to extract;
- ``generate_claims(n_claims, seed)``: ``Claim`` objects built directly from
  the plans (no text to parse), for benchmarking matching and rules at sizes
  where extracting text first would only measure extraction. Sub-objects that
  many claims share (values, places, event dates) are shared, and claims are
  built with ``model_construct``: the values are ours, so validation would only
  cost time, and a million claims must fit in memory.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from checker.lexicon import default_lexicon
from checker.models import Amount, ClaimStatus, CountClaim, DateClaim, DateSpan, Report, ReportMeta, Source
from checker.read import read_text

VOCAB_PATH = Path(__file__).with_name("vocab.yaml")
EPOCH = date(2021, 1, 4)


@cache
def vocab() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(VOCAB_PATH.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class Event:
    """One real-world event: where, when, what happened, the true figures and how many reports it gets."""

    id: str
    kind: str
    place: str
    region: str
    actor: str
    subject: str
    day: date
    truth: dict[str, int]
    reports: int


@dataclass
class Statement:
    """One figure or date a report states, with its meaning and how it is written."""

    role: str  # lead, headline, earlier, projected, aggregate, other_place, quantity, date
    measure: str
    value: int | date
    hedge: str | None = None
    words: bool = False
    place: str = ""
    scope: str = "unknown"
    reference: str = "current"


@dataclass
class ReportPlan:
    id: str
    event: Event
    outlet: str
    published: date
    statements: list[Statement] = field(default_factory=list)


def _place_names(rng: random.Random, n: int) -> list[str]:
    syl = vocab()["place_syllables"]
    names = sorted({a + b for a in syl["first"] for b in syl["second"]})
    rng.shuffle(names)
    return names[:n] if n <= len(names) else names + [f"{x} {k}" for k in range(2, n // len(names) + 2) for x in names]


def make_world(n_events: int, seed: int) -> list[Event]:
    """Events with heavy-tailed report counts (Pareto): most get a handful, a few get hundreds."""
    rng = random.Random(seed)
    v = vocab()
    kinds = sorted(v["events"])
    places = _place_names(rng, n_events)
    events = []
    for i in range(n_events):
        kind = rng.choice(kinds)
        spec = v["events"][kind]
        killed = int(rng.lognormvariate(3.0, 1.2)) + 1
        truth = {"killed": killed, "injured": killed * rng.randint(1, 4), "missing": rng.randint(1, 300),
                 "displaced": rng.randint(2, 900) * 100}
        size = min(int(rng.paretovariate(1.1) * 3), 4000)
        events.append(Event(
            id=f"e{i}", kind=kind, place=places[i % len(places)], region=rng.choice(v["regions"]),
            actor=rng.choice(v["demonyms"]) if spec["subjects"][0] == "soldiers" else "",
            subject=rng.choice(spec["subjects"]), day=EPOCH + timedelta(days=rng.randint(0, 900)),
            truth=truth, reports=max(1, size),
        ))
    return events


def report_plans(world: list[Event], seed: int) -> Iterator[ReportPlan]:
    """Per event its reports, each with the statements it makes (conflicts and distractors drawn by the seed)."""
    rng = random.Random(seed + 1)
    v = vocab()
    n = 0
    for ev in world:
        measures = v["events"][ev.kind]["measures"]
        for k in range(ev.reports):
            n += 1
            published = ev.day + timedelta(days=rng.choice((0, 0, 1, 1, 2, 5)))
            plan = ReportPlan(id=f"s{n}", event=ev, outlet=rng.choice(v["outlets"]), published=published)
            for measure in measures:
                value = ev.truth[measure]
                if rng.random() < 0.2:  # a deliberate conflict: another figure for the same fact
                    value = max(1, value + rng.choice((-1, 1)) * rng.randint(1, max(2, value // 3)))
                elif published > ev.day and rng.random() < 0.3:  # a toll that rose by a later report
                    value += rng.randint(1, 5)
                hedge = rng.choice(v["hedges"]) if rng.random() < 0.35 else None
                plan.statements.append(Statement("lead", measure, value, hedge, words=value < 100 and rng.random() < 0.4,
                                                 place=ev.place))
            if k == 0 or rng.random() < 0.3:
                plan.statements.insert(0, Statement("headline", measures[0], plan.statements[0].value, place=ev.place))
            if rng.random() < 0.25:
                plan.statements.append(Statement("earlier", "killed", max(1, ev.truth["killed"] // 2), reference="earlier"))
            if "displaced" in measures and rng.random() < 0.2:
                plan.statements.append(Statement("projected", "displaced", ev.truth["displaced"] * 2,
                                                 reference="projected"))
            if rng.random() < 0.25:
                plan.statements.append(Statement("aggregate", "killed", ev.truth["killed"] * rng.randint(3, 20),
                                                 scope="aggregate"))
            if rng.random() < 0.2:
                other = rng.choice(world)
                plan.statements.append(Statement("other_place", "injured", rng.randint(2, 60), place=other.place))
            if rng.random() < 0.15:
                plan.statements.append(Statement("quantity", "width", rng.choice((5, 10, 12, 20)), place=ev.place))
            plan.statements.append(Statement("date", "date", ev.day, place=ev.place))
            yield plan


# ---- rendering --------------------------------------------------------------------------

def number_words(n: int) -> str:
    words = vocab()["number_words"]
    if n < 20:
        return str(words["ones"][n])
    tens, ones = divmod(n, 10)
    return str(words["tens"][tens]) + (f"-{words['ones'][ones]}" if ones else "")


def written(st: Statement) -> str:
    assert isinstance(st.value, int)
    figure = number_words(st.value) if st.words else f"{st.value:,}"
    return f"{st.hedge} {figure}" if st.hedge else figure


def when_written(day: date, published: date) -> str:
    """How a report names the event's day: relative to its own publication date, as reporters do."""
    v = vocab()
    delta = (published - day).days
    if delta in v["days_back"]:
        return str(v["days_back"][delta])
    if delta < 7:
        return "on " + str(v["weekdays"][day.weekday()])
    return f"on {v['months'][day.month - 1]} {day.day}"


def _sentence(template: str, st: Statement, plan: ReportPlan, outlet: str) -> str:
    ev = plan.event
    since = vocab()["months"][(ev.day.month - 3) % 12]
    text = template.format(
        n=written(st) if isinstance(st.value, int) else "", subject=ev.subject, actor=ev.actor, place=st.place or ev.place,
        region=ev.region, other=st.place, event=vocab()["events"][ev.kind]["word"], outlet=outlet, since=since,
        when=when_written(ev.day, plan.published),
    )
    text = " ".join(text.split())
    return text[0].upper() + text[1:]


def render_report(plan: ReportPlan) -> str:
    """The report as Markdown with front matter; sentences from the vocab templates."""
    t = vocab()["templates"]
    rng = random.Random(plan.id)
    title = plan.event.place + " " + vocab()["events"][plan.event.kind]["word"]
    body: list[str] = []
    for st in plan.statements:
        if st.role == "headline":
            title = _sentence(t["headline"][st.measure], st, plan, plan.outlet)
        elif st.role == "lead":
            body.append(_sentence(rng.choice(t["lead"][st.measure]), st, plan, plan.outlet))
        elif st.role == "date":
            body.append(_sentence(t["date_line"], st, plan, plan.outlet))
        else:
            body.append(_sentence(t[st.role], st, plan, plan.outlet))
        if rng.random() < 0.3:
            body.append(rng.choice(t["filler"]))
    front = (f"---\nid: {plan.id}\noutlet: {plan.outlet}\npublished: {plan.published.isoformat()}\n"
             f"title: \"{title}\"\n---\n")
    return front + "\n\n".join(body) + "\n"


def generate_reports(n_reports: int, seed: int = 1) -> list[Report]:
    """The first n_reports synthetic reports of the seed's world, read as checker reads Markdown."""
    world = make_world(max(8, n_reports // 4), seed)
    out: list[Report] = []
    for plan in report_plans(world, seed):
        out.append(read_text(render_report(plan), path=f"{plan.id}.md"))
        if len(out) >= n_reports:
            break
    return out


# ---- claims directly ------------------------------------------------------------------

_EVENT_OF = {"airstrike": "attack", "bombing": "attack", "flood": "flood", "earthquake": "earthquake", "storm": "storm"}
_KIND_OF = {"killed": "casualty", "injured": "casualty", "missing": "casualty", "displaced": "displacement",
            "width": "quantity"}


class _Shared:
    """Interning of the sub-objects many claims have in common, so a million claims fit in memory."""

    def __init__(self) -> None:
        lex = default_lexicon()
        self.hedge_factors = {p: (h["low"], h["best"], h["high"]) for h in lex.hedges["hedges"].values()
                              for p in h.get("before", [])}
        self.amounts: dict[tuple[int, str | None, str | None], Amount] = {}
        self.lists: dict[tuple[str, ...], list[str]] = {}
        self.spans: dict[tuple[str, str], DateSpan] = {}
        # model_construct gives every object a fresh set of its field names (2 KB for a claim) unless
        # it is handed one: all our objects set the same fields, so they share one set per model
        self.fields = {model: set(model.model_fields) for model in (CountClaim, DateClaim, Source, Amount, DateSpan, ReportMeta)}

    def amount(self, value: int, hedge: str | None, unit: str | None) -> Amount:
        key = (value, hedge, unit)
        if key not in self.amounts:
            lo, best, hi = self.hedge_factors.get(hedge or "", (1.0, 1.0, 1.0))
            self.amounts[key] = Amount.model_construct(
                self.fields[Amount], low=None if lo is None else value * lo, best=None if best is None else value * best,
                high=None if hi is None else value * hi, unit=unit)
        return self.amounts[key]

    def strings(self, *items: str) -> list[str]:
        key = tuple(x for x in items if x)
        return self.lists.setdefault(key, list(key))

    def span(self, a: date, b: date) -> DateSpan:
        key = (a.isoformat(), b.isoformat())
        return self.spans.setdefault(key, DateSpan.model_construct(self.fields[DateSpan], start=key[0], end=key[1]))


def claims_of(plan: ReportPlan, shared: _Shared) -> Iterator[CountClaim | DateClaim]:
    ev = plan.event
    path = f"{plan.id}.md"
    offset = 80
    for k, st in enumerate(plan.statements, 1):
        # interned: the same figure is written the same way by many reports
        text = sys.intern(f"{written(st) if isinstance(st.value, int) else st.value.isoformat()} {st.measure}")
        src = Source.model_construct(shared.fields[Source], path=path, start=offset, end=offset + len(text), line=5 + k, column=1)
        offset += len(text) + 40
        cid = f"{plan.id}:{k}"
        common: dict[str, Any] = dict(
            # the id serves as fingerprint: unique as a fingerprint must be, and one string less per claim
            id=cid, fingerprint=cid, measure=st.measure, subject=ev.subject,
            actors=shared.strings(ev.actor), event=_EVENT_OF[ev.kind], place=shared.strings(st.place),
            attribution=None, scope=st.scope, period=None, reference=st.reference, hedge=st.hedge,
            event_date=shared.span(ev.day, ev.day) if st.role in ("lead", "headline") else None, period_span=None,
            text=text, sentence=None, source=src, report=plan.id, note=None, status=ClaimStatus.reported,
        )
        if isinstance(st.value, date):
            common.update(measure="date", subject=_EVENT_OF[ev.kind], event_date=None)
            yield DateClaim.model_construct(shared.fields[DateClaim], kind="date", value=shared.span(st.value, st.value), **common)
        else:
            unit = "km" if st.measure == "width" else None
            if unit:
                common.update(subject="area", actors=shared.strings())
            yield CountClaim.model_construct(
                shared.fields[CountClaim], kind=_KIND_OF[st.measure], value=shared.amount(st.value, st.hedge, unit),
                precision=0.5 if unit else None, alternates=shared.strings(), **common)


def generate_claims(n_claims: int, seed: int = 1) -> tuple[list[ReportMeta], list[CountClaim | DateClaim]]:
    """The first n_claims claims of the seed's world (and their reports' metadata), without text to parse."""
    world = make_world(max(8, n_claims // 24), seed)
    shared = _Shared()
    metas: list[ReportMeta] = []
    claims: list[CountClaim | DateClaim] = []
    for plan in report_plans(world, seed):
        metas.append(ReportMeta.model_construct(shared.fields[ReportMeta], id=plan.id, path=f"{plan.id}.md",
                                                outlet=plan.outlet, published=sys.intern(plan.published.isoformat()),
                                                title=None, url=None))
        for c in claims_of(plan, shared):
            claims.append(c)
            if len(claims) >= n_claims:
                return metas, claims
    return metas, claims
