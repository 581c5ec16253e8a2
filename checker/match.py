"""Match: claims in, groups of claims about the same fact out.

Takes a list of claims; gives ``Group``s, each with the pairs judged to be
about one fact and, for every pair, the level and scores that decided it
(CODING.md section 3). All fuzzy comparison of checker lives here.

1. Blocking: candidates share a key (kind, measure, unit dimension for
   quantities); pairs are never drawn from all claims. A block larger than
   ``MatchSettings.large_block`` (one event reported thousands of times) is
   compared by sorted neighbourhood, so the cost stays near n log n.
2. Hard constraints, any of which keeps two claims apart: another reference
   time (an earlier or projected figure is a fact of its own); an aggregate
   against an incident, or aggregates over different periods; named groups
   that differ ("Ostrian" against "Valian" soldiers); another occurrence of
   the event (a past year's quake, "a second quake", a quake dated far from
   the day the reports give it most, a figure placed only where the reports
   put another occurrence: "a separate fire near X") against the story's own; things counted
   in another state ("destroyed" against "destroyed or damaged"); places that differ
   (a city against its country; a figure for a wide area against one for a
   place; a name some claim gives as a whole area is wide wherever named alone,
   but one country named as an area and as a toll's place is one area; a sum
   over places, ``*combined``, against any one place's figure);
   events of different types (for tolls, the natural disasters of one chain
   are one type); event dates that cannot overlap; a retracted claim. Dates
   of events of one moment (a dam bursts, the town floods) share a block.
3. The subject descriptors are compared with rapidfuzz after alias
   normalisation; the level reached is ``exact``, ``alias``, ``fuzzy`` (at or
   above the threshold) or ``open`` (one side names no subject).
Groups are the connected components of matched pairs; rules judge pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Container, Iterable
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz, utils

from .lexicon import Lexicon, default_lexicon
from .models import Amount, Claim, ClaimStatus, CountClaim, DateClaim, DateSpan, MatchInfo


# Subjects one story may use for the same dead when an actor or place ties them ("people" ~ "soldiers");
# shared with the record index, whose candidate lookup must not miss these pairs.
INTERCHANGEABLE_SUBJECTS = frozenset({"people", "soldiers", "fighters", "bodies"})


@dataclass(frozen=True)
class MatchSettings:
    """Named thresholds of the matcher (configurable)."""

    fuzzy_threshold: float = 85.0
    # blocks larger than this are matched by sorted neighbourhood rather than pair by pair
    large_block: int = 500
    window: int = 4
    # quantities whose subject must be named on both sides before they can be one fact
    subject_required: tuple[str, ...] = ("duration", "count", "money", "distance", "mass", "volume", "capacity",
                                         "share", "population", "affected", "rescued", "aboard", "deadline", "area")
    # quantities that belong to a place rather than to a named thing: a shared place names them
    # ("Norvik is a city of 50,000" and "the city had a population of 48,000")
    place_measures: tuple[str, ...] = ("population",)
    # a figure or date of a one-occurrence event (a quake, a storm) dated more than this many days from the day
    # the reports give that event most often is of another occurrence ("a quake shook the town on Monday,
    # killing six", two weeks after the one the story is about)
    other_occurrence_days: int = 7
    # a conversion in brackets within this share of its figure is the figure rounded in another unit ("60 metres
    # (200 feet)"); one farther off is a wrong conversion, compared like any other statement
    conversion_slack: float = 0.25
    compatible_events: tuple[tuple[str, str], ...] = (
        ("attack", "shootdown"),
        ("meeting", "agreement"),
        ("flood", "collapse"),
        ("storm", "flood"),
        # "the disaster" names the story's own event: a crowd crush's toll is the disaster's
        ("crush", "disaster"),
    )


@dataclass
class Group:
    """Claims judged to be about one fact, with the matched pairs and why."""

    id: str
    claims: list[Claim]
    pairs: dict[tuple[str, str], MatchInfo] = field(default_factory=dict)


def blocking_key(claim: Claim, lex: Lexicon) -> tuple[str, ...]:
    if isinstance(claim, DateClaim):
        return ("date", claim.measure, moment_of(claim.event or "", lex))
    unit = claim.value.unit
    if not unit:
        return (claim.kind, claim.measure, "count")
    # units outside the unit table are currency codes
    return (claim.kind, claim.measure, lex.unit_info.get(unit, {}).get("dimension", "money"))


def moment_of(event: str, lex: Lexicon) -> str:
    """Events of one moment (a dam bursts, the town floods) date one fact: one name for all of them."""
    for family in lex.claims.get("same_moment_events", []):
        if event in family:
            return "+".join(sorted(family))
    return event


def span_days(d: DateSpan | None) -> tuple[date, date] | None:
    """The first and last day of a span, or None where it is open or unreadable."""
    if d is None or not d.start or not d.end:
        return None
    try:
        return date.fromisoformat(d.start[:10]), date.fromisoformat(d.end[:10])
    except ValueError:
        return None


def _overlap_ratio(a: tuple[date, date], b: tuple[date, date]) -> float:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    if hi < lo:
        return 0.0
    inter = (hi - lo).days + 1
    shorter = min((a[1] - a[0]).days + 1, (b[1] - b[0]).days + 1)
    return inter / shorter


def _converts(a: Claim, b: Claim, lex: Lexicon, slack: float) -> bool:
    """Whether b is the conversion a gives of itself in brackets: one report, one sentence, b's unit among a's
    alternates, and its value within ``slack`` of a's (a conversion off by more is a wrong one, "45 metres
    (about 50 feet)", and is compared like any other statement)."""
    if not isinstance(a, CountClaim) or not isinstance(b, CountClaim) or a.report != b.report \
            or a.sentence != b.sentence or b.value.unit is None:
        return False
    if not any(alt.unit == b.value.unit for alt in a.alternates):
        return False
    ia, ib = lex.unit_info.get(a.value.unit or ""), lex.unit_info.get(b.value.unit)
    if ia is None or ib is None or not a.value.best or not b.value.best:
        return True
    x, y = abs(a.value.best * ia["to_base"]), abs(b.value.best * ib["to_base"])
    return max(x, y) <= min(x, y) * (1 + slack)


class Matcher:
    """Decides which claims speak of the same fact."""

    def __init__(self, lex: Lexicon | None = None, settings: MatchSettings | None = None) -> None:
        self.lex = lex or default_lexicon()
        self.settings = settings or MatchSettings()
        self.compatible = {frozenset(p) for p in self.settings.compatible_events}
        self._related_places: set[frozenset[str]] = set()
        self._areas: set[str] = set()
        self._countries: set[str] = set()
        self._disaster_events = frozenset(self.lex.claims.get("disaster_events", []))
        # a story's news is one occurrence of these; events that recur within a story are told apart by day
        self._single_events = frozenset(self.lex.claims.get("news_events", [])) - frozenset(
            self.lex.claims.get("recurring_events", []))
        self._story_days: dict[str, date] = {}
        self._story_years: dict[str, int] = {}
        self._other_places: dict[str, set[str]] = {}

    def same_fact(self, a: Claim, b: Claim) -> MatchInfo | None:
        """The match between two claims of one block, or None when they are different facts."""
        reasons: list[str] = []
        if ClaimStatus.retracted in (a.status, b.status):
            return None
        if a.reference != b.reference or a.reference != "current":
            return None
        if a.report == b.report and a.source.start == b.source.start:
            return None
        slack = self.settings.conversion_slack
        if _converts(a, b, self.lex, slack) or _converts(b, a, self.lex, slack):
            return None  # "60 metres (200 feet)": one statement in two units, rounded apart
        if a.state and b.state and a.state != b.state:
            return None  # "buildings destroyed" against "destroyed or damaged": a count of either is another fact
        if self.occasion(a) != self.occasion(b):
            return None  # "the 1999 quake killed 17,000", "a second quake of magnitude 7.5": another event's figure
        if isinstance(a, CountClaim) and isinstance(b, CountClaim):
            if not self._scope_compatible(a, b, reasons):
                return None
            ea, eb = span_days(a.event_date), span_days(b.event_date)
            if ea and eb and _overlap_ratio(ea, eb) == 0.0:
                return None
        if a.actors and b.actors and not set(a.actors) & set(b.actors):
            return None
        if a.actors or b.actors:
            reasons.append("actors: " + "/".join(sorted(set(a.actors) | set(b.actors))))
        if not self._places_compatible(a, b, reasons, strict=isinstance(a, DateClaim)):
            return None
        counted = a.kind in ("casualty", "displacement")
        if counted and a.event and b.event and a.event != b.event and frozenset((a.event, b.event)) not in self.compatible \
                and not {a.event, b.event} <= self._disaster_events:
            return None  # (a storm, its flood and the dam it breaks give one toll: events of one disaster chain)
        if a.kind == "quantity" and (not a.subject or not b.subject) and a.measure in self.settings.subject_required \
                and not (a.measure in self.settings.place_measures and (set(a.place) & set(b.place)) - {"*wide"}):
            return None
        if isinstance(a, DateClaim) and (not a.subject or not b.subject):
            return None
        if a.event and b.event:
            reasons.append(f"event: {a.event}" if a.event == b.event else f"events: {a.event}~{b.event}")
        return self._subject_level(a, b, reasons)

    def occasion(self, c: Claim) -> str | None:
        """Which occurrence of its event a claim is of: the one its words name (a past year, "another"), else
        the day it is dated where that lies far from the day the reports give the event most often; None for
        the story's own."""
        if c.occasion and c.occasion.isdigit() and self._story_years.get(c.event or "") == int(c.occasion):
            return None  # "the attack, in which 150 died in March last year", in a later report: the story's own
        if c.occasion or c.event not in self._single_events:
            return c.occasion
        named = {p for p in c.place if not p.startswith("*")}
        if named and named <= self._other_places.get(c.event or "", set()):
            return "another"  # "the Upcountry fire had burned 900 acres": only another fire is said to be there
        story = self._story_days.get(moment_of(c.event or "", self.lex))
        days = span_days(c.value if isinstance(c, DateClaim) else c.event_date)
        if story is None or days is None or days[0] != days[1] \
                or abs((days[0] - story).days) <= self.settings.other_occurrence_days:
            return None
        return days[0].isoformat()

    def _scope_compatible(self, a: CountClaim, b: CountClaim, reasons: list[str]) -> bool:
        scopes = {a.scope, b.scope}
        if scopes == {"incident", "aggregate"}:
            return False
        if a.scope == b.scope == "aggregate":
            pa, pb = span_days(a.period_span), span_days(b.period_span)
            if pa and pb and _overlap_ratio(pa, pb) < 0.5:
                return False
            if (pa is None) != (pb is None) and (a.period and b.period):
                return False
            reasons.append("same period" if pa and pb else "aggregate")
        elif "aggregate" in scopes and "unknown" in scopes:
            reasons.append("one side gives no scope")
        return True

    def _places_compatible(self, a: Claim, b: Claim, reasons: list[str], strict: bool) -> bool:
        """A wide area against one place is two facts; disjoint names only count where strict (dates),
        since without a gazetteer "Karn" and "Ostria" look as different as "Belvar" and "Valia".
        The record index pre-filters by ``places_never_compatible``: keep the two in step."""
        pa, pb = set(a.place), set(b.place)
        if "*other" in pa | pb:
            return False  # "Elsewhere, ...": another place than the report's, unnamed
        if ("*part" in pa and not place_names(pb)) or ("*part" in pb and not place_names(pa)):
            return False  # "43 in Belvar" of a toll broken down by place is not a toll that names no place
        if not pa or not pb:
            return True
        if "*combined" in pa or "*combined" in pb:
            return self._sums_compatible(pa, pb, reasons)
        pa = {x for x in pa if not x.startswith("*") or x in ("*wide", "*country")}
        pb = {x for x in pb if not x.startswith("*") or x in ("*wide", "*country")}
        located_a, located_b = "*country" in pa, "*country" in pb  # the report itself says "in <country>"
        pa.discard("*country")
        pb.discard("*country")
        # a name some report calls a country is one wherever it is named alone
        country_a = located_a or (bool(pa - {"*wide"}) and pa - {"*wide"} <= self._countries)
        country_b = located_b or (bool(pb - {"*wide"}) and pb - {"*wide"} <= self._countries)
        # a name some claim gives as a whole area ("across Ostria") is an area wherever it is named alone
        # (unless the report itself only locates the figure there: "killed in Ostria")
        wide_a = "*wide" in pa or (bool(pa) and pa <= self._areas and not located_a)
        wide_b = "*wide" in pb or (bool(pb) and pb <= self._areas and not located_b)
        same_country = pa - {"*wide"} == pb - {"*wide"} and bool(pa - {"*wide"}) and country_a and country_b
        if wide_a != wide_b and not same_country:
            return False  # (but "across Ostria" and "in Ostria", a country, are one area)
        pa.discard("*wide")
        pb.discard("*wide")
        if ("*part" in a.place and country_b and not country_a) or ("*part" in b.place and country_a and not country_b):
            return False  # one town's share of a toll is not the toll of the country that holds it
        if country_a and country_b and pa != pb:
            return False  # "in Ostria" and "in Ostria and Valia" (combined) are two facts (CODING 3)
        if pa and pb and not pa & pb:
            if country_a != country_b and not strict:
                return True  # a figure located in a country against one in a city: the country may hold it
            related = any(frozenset((x, y)) in self._related_places for x in pa for y in pb)
            # a one-occurrence event (a quake, a crush) dated in a place and in the place that holds it is one
            # event ("the crush in Ostra", "the crush in Belvo" where a report says "Ostra's Belvo district")
            single = a.event == b.event and a.event in self._single_events
            if not related or (strict and not single):
                return False
        if pa & pb:
            reasons.append("place: " + "/".join(sorted(pa & pb)))
        return True

    @staticmethod
    def _sums_compatible(pa: set[str], pb: set[str], reasons: list[str]) -> bool:
        """A sum over places ("in the two countries", "100 in all") is never one place's figure; two sums are one
        fact unless both name their places and the places differ."""
        if "*combined" not in pa or "*combined" not in pb:
            return False
        names_a, names_b = {x for x in pa if not x.startswith("*")}, {x for x in pb if not x.startswith("*")}
        if names_a and names_b and names_a != names_b:
            return False
        reasons.append("place: combined " + "/".join(sorted(names_a | names_b)))
        return True

    def _subject_level(self, a: Claim, b: Claim, reasons: list[str]) -> MatchInfo | None:
        sa, sb = a.subject, b.subject
        if not sa or not sb:
            reasons.append("one side names no subject")
            return MatchInfo(level="open", score=0.0, reasons=reasons)
        if isinstance(a, DateClaim) and sa != sb and moment_of(sa, self.lex) == moment_of(sb, self.lex) != sa:
            return MatchInfo(level="alias", score=100.0, reasons=reasons + [f"events of one moment: {sa}~{sb}"])
        if sa == sb:
            return MatchInfo(level="exact", score=100.0, reasons=reasons + [f"subject: {sa}"])
        score = fuzz.token_set_ratio(
            sa, sb, processor=utils.default_process, score_cutoff=self.settings.fuzzy_threshold
        )
        if score:
            return MatchInfo(level="fuzzy", score=float(score), reasons=reasons + [f"subjects: {sa}~{sb}"])
        if isinstance(a, CountClaim) and a.measure in ("killed", "injured", "missing", "displaced") and \
                {sa, sb} <= INTERCHANGEABLE_SUBJECTS and ({sa, sb} & {"people"}):
            # "people" covers soldiers when the actor or place already ties them
            if a.actors or b.actors:
                return MatchInfo(level="alias", score=0.0, reasons=reasons + [f"subjects: {sa}~{sb}"])
        return None

    def blocks(self, claims: list[Claim]) -> dict[tuple[str, ...], list[Claim]]:
        """Claims by blocking key, each block in input order; undated or eventless dates are left out."""
        blocks: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
        for c in claims:
            if isinstance(c, DateClaim) and (not c.value.start or not c.event):
                continue
            blocks[blocking_key(c, self.lex)].append(c)
        return blocks

    def prepare(self, claims: list[Claim]) -> None:
        """What matching needs to know of all claims at once: places named together ("Ostria's Karn") are
        related (one may hold the other); names some claim marks as a whole area or as a country are such."""
        self.relate_places(pair for c in claims for pair in related_places(c))
        self._areas = {x for c in claims if "*wide" in c.place for x in c.place if not x.startswith("*")}
        self._countries = {x for c in claims if "*country" in c.place for x in c.place if not x.startswith("*")} | set(
            lexicon_countries(self.lex))
        self._story_days = story_days(claims, self._single_events, self.lex)
        self._story_years = story_years(claims)
        self._other_places = other_occurrence_places(claims, self._single_events)

    def relate_places(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Set the related places directly (an engine that gathers them from its workers)."""
        self._related_places = {frozenset(p) for p in pairs}

    def block_pairs(self, block: list[Claim]) -> list[tuple[str, str, MatchInfo]]:
        """The matched pairs of one block, (earlier id, later id, why) in a fixed order.

        A block of up to ``large_block`` claims is compared pair by pair. A larger one
        (one event reported thousands of times) would cost the square of its size, so
        it is compared by sorted neighbourhood instead (see ``_neighbourhood_pairs``).
        """
        interned: dict[tuple[object, ...], MatchInfo] = {}
        out: list[tuple[str, str, MatchInfo]] = []
        if len(block) > self.settings.large_block:
            return self._neighbourhood_pairs(block, interned)
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                info = self.same_fact(a, b)
                if info is not None:
                    out.append((a.id, b.id, _intern(info, interned)))
        return out

    def _neighbourhood_pairs(self, block: list[Claim], interned: dict[tuple[object, ...], MatchInfo]
                             ) -> list[tuple[str, str, MatchInfo]]:
        """Sorted-neighbourhood matching of a large block (Hernandez & Stolfo's multi-pass method).

        Each pass sorts the block by a key that brings claims of one fact together
        (place, event, subject) and then by value, and compares each claim with the
        next ``window`` claims only. Two claims of one fact that disagree sit near
        each other in value order, so conflicts are still found, in time that grows
        with n log n. Of the matched pairs it keeps those that join two parts of a
        group, and of those whose values differ (the ones a rule can flag) one per
        pair of values of one place, event and subject: with thousands of reports of
        one event, "33 against 36" is one disagreement to show, not one per pair of
        reports, and pairs of equal values would say nothing new and cost memory.
        """
        n, window = len(block), self.settings.window
        passes: tuple[Callable[[Claim], tuple[list[str], str, str, tuple[float, str]]], ...] = (
            lambda c: (sorted(c.place), c.event or "", c.subject or "", _order_value(c)),
            lambda c: ([], c.subject or "", c.event or "", _order_value(c)),
        )
        parent = list(range(n))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        kept: dict[int, MatchInfo] = {}
        disagreements: set[tuple[object, ...]] = set()
        for sort_key in passes:
            order = sorted(range(n), key=lambda i: sort_key(block[i]))  # stable: ties keep input order
            for p, i in enumerate(order):
                for j in order[p + 1:p + 1 + window]:
                    lo, hi = (i, j) if i < j else (j, i)
                    code = lo * n + hi
                    if code in kept:
                        continue
                    a, b = block[lo], block[hi]
                    info = self.same_fact(a, b)
                    if info is None:
                        continue
                    ra, rb = root(lo), root(hi)
                    if ra == rb and a.value == b.value:
                        continue
                    if a.value != b.value:
                        values = sorted((_value_tuple(a), _value_tuple(b)))
                        seen = (tuple(sorted(a.place)), a.event, a.subject, *values)
                        if seen in disagreements and ra == rb:
                            continue
                        disagreements.add(seen)
                    parent[ra] = rb
                    kept[code] = _intern(info, interned)
        return [(block[code // n].id, block[code % n].id, kept[code]) for code in sorted(kept)]

    def assemble(self, claims: list[Claim], block_pairs: list[list[tuple[str, str, MatchInfo]]]) -> list[Group]:
        """Groups: connected components of the matched pairs, taken block by block in order."""
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for found in block_pairs:
            for a, b, _ in found:
                parent[find(a)] = find(b)
        by_root: dict[str, list[Claim]] = defaultdict(list)
        index = {c.id: c for c in claims}
        for cid in parent:
            by_root[find(cid)].append(index[cid])
        # each pair goes to its group in one pass (a scan of all pairs per group would be quadratic)
        pairs_by_root: dict[str, dict[tuple[str, str], MatchInfo]] = defaultdict(dict)
        for found in block_pairs:
            for a, b, info in found:
                pairs_by_root[find(a)][(a, b)] = info
        out: list[Group] = []
        for n, members in enumerate(sorted(by_root.values(), key=lambda m: m[0].id)):
            root = find(members[0].id)
            out.append(Group(id=f"g{n + 1}", claims=members, pairs=pairs_by_root.get(root, {})))
        return out

    def groups(self, claims: list[Claim]) -> list[Group]:
        """Connected components of matched pairs, each with its pairs."""
        blocks = self.blocks(claims)
        self.prepare(claims)
        return self.assemble(claims, [self.block_pairs(block) for block in blocks.values()])


def story_days(claims: list[Claim], events: frozenset[str], lex: Lexicon) -> dict[str, date]:
    """The day the reports give each one-occurrence event most often (the earliest of equals): the day of the
    story's own quake or storm, against which a day far off is another occurrence."""
    counts: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for c in claims:
        if not isinstance(c, DateClaim) or c.measure != "date" or c.occasion or c.event not in events:
            continue
        days = span_days(c.value)
        if days is not None and days[0] == days[1]:
            counts[moment_of(c.event or "", lex)][days[0]] += 1
    return {event: min(by_day, key=lambda d: (-by_day[d], d)) for event, by_day in counts.items()}


def story_years(claims: list[Claim]) -> dict[str, int]:
    """The year the reports date each event in most often (the earliest of equals), from dates of a day that
    name no other occurrence: a toll a later report ties to that year is of the story's own event."""
    counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for c in claims:
        if not isinstance(c, DateClaim) or c.measure != "date" or c.occasion or not c.event:
            continue
        days = span_days(c.value)
        if days is not None and days[0] == days[1]:
            counts[c.event][days[0].year] += 1
    return {event: min(by_year, key=lambda y: (-by_year[y], y)) for event, by_year in counts.items()}


def other_occurrence_places(claims: list[Claim], events: frozenset[str]) -> dict[str, set[str]]:
    """Places the reports give only to another occurrence of a one-occurrence event ("a separate fire near
    Belvar"): named by a claim of that other occurrence and by no claim of the story's own, except claims
    placed there alone (which are what this tells apart)."""
    other: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.event in events and c.occasion is not None and not c.occasion[:1].isdigit():
            other[c.event or ""].update(p for p in c.place if not p.startswith("*"))
    own: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        named = {p for p in c.place if not p.startswith("*")}
        if c.event in other and c.occasion is None and not named <= other[c.event or ""]:
            own[c.event or ""].update(named)
    return {event: places - own[event] for event, places in other.items() if places - own[event]}


def place_names(place: Iterable[str]) -> frozenset[str]:
    """The places a claim names, without the markers (``*wide``, ``*country``, ``*other``, ``*combined``)."""
    return frozenset(x for x in place if not x.startswith("*"))


def lexicon_countries(lex: Lexicon) -> frozenset[str]:
    """Names the lexicon knows as countries: countries to the matcher whatever the claims say (the record
    index's place bound takes them too)."""
    return frozenset(lex.claims.get("country_names", []))


def places_never_compatible(pa: Collection[str], pb: Collection[str], strict: bool,
                            countries: Container[str], related: Container[frozenset[str]]) -> bool:
    """True only where ``Matcher._places_compatible`` refuses two claims' places whatever claims it has seen.

    What the matcher learns from the claims it sees (``prepare``) changes its answer: which names
    are countries, which places are related. ``countries`` and ``related`` bound that: every name
    any claim it could see calls a country, every pair of places any such claim names together.
    Within those bounds this answers True only for pairs no such knowledge can reconcile, so the
    record index can drop them before parsing and never lose a pair the matcher would accept;
    wherever in doubt it is False. Where the matcher refuses for other reasons (a wide area
    against a place) it is False too: those depend on what it has seen in both directions.
    """
    if "*other" in pa or "*other" in pb:
        return True
    names_a, names_b = place_names(pa), place_names(pb)
    if not names_a or not names_b or names_a & names_b:
        return False
    if strict:
        # for dates, disjoint names are two places, unless one may hold the other (a one-occurrence event's
        # place and the place that holds it: the matcher also asks the events, which this does not see)
        return not any(frozenset((x, y)) in related for x in names_a for y in names_b)
    country_a, country_b = _known_country(pa, names_a, countries), _known_country(pb, names_b, countries)
    if country_a is None or country_b is None or country_a != country_b:
        return False  # a figure for a country against one for a city: the country may hold the city
    if country_a:
        return True  # two different countries, or one country against several
    return not any(frozenset((x, y)) in related for x in names_a for y in names_b)


def _known_country(place: Collection[str], names: frozenset[str], countries: Container[str]) -> bool | None:
    """Whether the matcher takes a claim's places for a country: True where the report says "in <country>",
    False where a name is one no claim calls a country, None where it depends on the claims it sees."""
    if "*country" in place:
        return True
    if any(name not in countries for name in names):
        return False
    return None


def related_places(c: Claim) -> list[tuple[str, str]]:
    """Places one claim names together ("Ostria's Karn"): one may hold the other."""
    return [(x, y) for x in c.place for y in c.place if x != y and "*" not in x + y]


def _order_value(c: Claim) -> tuple[float, str]:
    """Where a claim sorts by value within its block: counts by number, dates by their first day."""
    if isinstance(c, DateClaim):
        return 0.0, c.value.start or ""
    v = c.value
    x = v.best if v.best is not None else v.low if v.low is not None else v.high
    return (x if x is not None else 0.0), ""


def _value_tuple(c: Claim) -> tuple[str, ...]:
    v = c.value
    return tuple(str(x) for x in (v.low, v.best, v.high, v.unit)) if isinstance(v, Amount) else (str(v.start), str(v.end))


def _intern(info: MatchInfo, interned: dict[tuple[object, ...], MatchInfo]) -> MatchInfo:
    """One object for equal match explanations: frozen, so sharing is safe, and a block has many."""
    key = (info.level, info.score, *info.reasons)
    return interned.setdefault(key, info)


def interval(value: Amount) -> tuple[float, float]:
    """Inclusive bounds of an amount; an open end is infinite."""
    lo = value.low if value.low is not None else float("-inf")
    hi = value.high if value.high is not None else float("inf")
    return lo, hi
