"""CT06 blame-mismatch."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import combinations

from ...lexicon import Lexicon, data_file, phrase_pattern
from ...match import Group
from ...models import Claim, Finding, Severity
from .. import Rule, RuleContext


@cache
def _blame_patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    blame = data_file("relations")["blame"]
    acts = phrase_pattern(blame["acts"])
    by = phrase_pattern(blame["by_markers"]).pattern
    # "the raid by ...", "the raid was carried out by ...": at most two words between the act and "by"
    after = re.compile(rf"^\s+(?:[a-z]+\s+){{0,2}}?(?:{by})\s+((?:[\w'’-]+\s*){{1,4}})", re.IGNORECASE)
    return acts, after, frozenset(str(w).lower() for w in blame["not_actors"])


_WORDS_BEFORE = re.compile(r"((?:[\w'’-]+\s+){1,3})$")


def _names(words: list[str], lexicon: Lexicon, not_actors: frozenset[str], skip_leading: bool) -> set[str]:
    """Actor names from words read away from the act: aliases and capitalised words, up to the first other word."""
    found: set[str] = set()
    for word in words:
        low = word.lower()
        stem = re.sub(r"['’]s$", "", word)
        if low in not_actors:
            if skip_leading and not found:
                continue  # "by the Ostrian air force": skip the article
            break
        alias = lexicon.actor_alias.get(stem) if stem.islower() else None  # "Islamic State" is a name, not "state"
        if alias is not None:
            found.add(alias)
        elif word[:1].isupper():
            found.add(stem)
        else:
            break
    return found


def blamed_actors(sentence: str, lexicon: Lexicon) -> frozenset[str]:
    """The actors a sentence names as perpetrators of an act: capitalised names or actor aliases, normalised."""
    acts, after, not_actors = _blame_patterns()
    found: set[str] = set()
    for m in acts.finditer(sentence):
        head = _WORDS_BEFORE.search(sentence[:m.start()])
        if head:
            found |= _names(list(reversed(head.group(1).split())), lexicon, not_actors, skip_leading=False)
        tail = after.match(sentence[m.end():])
        if tail:
            found |= _names(tail.group(1).split(), lexicon, not_actors, skip_leading=True)
    return frozenset(found)


class CT06(Rule):
    """The same event blamed on different actors by different reports.

    What it flags: two reports whose claims the matcher judged to be about
    one event (the toll or the date of one strike) and whose sentences name
    perpetrators with nothing in common: "a regime air strike" against "an
    Ostrian air strike", "shelling by Valian forces" against "rebel
    shelling". Names are read just before an act word or after "by"; actor
    aliases ("regime" = government) are applied first.

    Why it matters: who carried out a strike is the contested fact in most
    conflict reporting; two outlets blaming different forces for one strike
    is a correction waiting to happen.

    Example: fires on "A regime air strike on the market in Ariha killed 15
    people on Monday" against "An Ostrian air strike on the market in Ariha
    killed 15 people on Monday"; does not fire on "A Valian regime air strike
    ..." against "A government air strike ...".

    Options: none. Act words, "by" markers and words that never name an actor
    are data in ``checker/data/relations.yaml``; actor aliases are the
    lexicon's ``claims.actor_aliases``.
    """

    code = "CT06"
    name = "blame-mismatch"
    severity = Severity.warning
    pairwise = False

    def evaluate_claims(self, claims: list[Claim], groups: list[Group], context: RuleContext) -> Iterator[Finding]:
        # a strike's toll and its date are two groups of one event: report each pair of sentences once
        seen: set[frozenset[tuple[str, str]]] = set()
        for group in groups:
            for finding, key in self._group_findings(group, context):
                if key not in seen:
                    seen.add(key)
                    yield finding

    def _group_findings(self, group: Group, context: RuleContext) -> Iterator[tuple[Finding, frozenset[tuple[str, str]]]]:
        # one blame per report: the first claim of the group whose sentence names a perpetrator
        blame: dict[str, tuple[frozenset[str], Claim]] = {}
        for c in sorted(group.claims, key=lambda c: (c.report, c.source.start)):
            if c.report in blame or not c.sentence:
                continue
            actors = blamed_actors(c.sentence, context.lexicon)
            if actors:
                blame[c.report] = (actors, c)
        for (ra, (aa, ca)), (rb, (ab, cb)) in combinations(sorted(blame.items()), 2):
            if aa & ab:
                continue
            match = group.pairs.get((ca.id, cb.id)) or group.pairs.get((cb.id, ca.id))
            finding = self.finding(
                context, group, [ca, cb],
                f"{ra} blames {', '.join(sorted(aa))} (\"{ca.sentence}\") but {rb} blames {', '.join(sorted(ab))} "
                f"(\"{cb.sentence}\")", match, threshold="no perpetrator in common")
            yield finding, frozenset({(ra, ca.sentence or ""), (rb, cb.sentence or "")})
