"""Declarative rules: YAML or JSON files of rule definitions in, ``Rule`` classes out.

Takes a rules file (``{version, rules: [...], settings: {...}}``, see
``schemas/rules.schema.json`` and ``checker.models.RuleDefinition``); gives one
``Rule`` subclass per definition, documented from its ``doc`` fields, and the
settings the file gives other rules. Every mistake raises ``CheckerError``
(code ``rules``) naming the file, the rule and the field; unknown keys are
errors, as are unknown message placeholders and patterns that do not compile.

The kinds are a small closed set, like Vale's:

- ``compare``: a pair the matcher judged to be one fact, both sides selected,
  extra match conditions met (subject score, shared place, event dates within
  a window, same or different reports), whose values do not overlap once
  widened by the tolerances (hedge-aware intervals; units of one dimension
  converted; dates with a slack in days). With ``compare.updates`` a higher
  figure in a later report is labelled ``superseded`` (severity info), as
  CT01 does. Pairwise: goes to ``conflicts``.
- ``phrase``: a selected claim whose sentence matches ``pattern``; for style
  queries. Goes to ``findings``.

The built-in declarative rules are the same data: ``checker/data/rules.yaml``.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

import yaml
from pydantic import ValidationError

from ..errors import CheckerError
from ..lexicon import Lexicon, phrase_pattern
from ..match import Group, interval, span_days
from ..models import Claim, CountClaim, DateClaim, Finding, RuleDefinition, RulesConfig, RuleSetting, Severity
from . import Rule, RuleContext
from ._common import describe, format_amount, later_figure, pairs_of

# Placeholders a message may name, per kind; the values are filled in by _fields.
PAIR_FIELDS = ("a", "b", "a_value", "b_value", "a_quote", "b_quote", "a_where", "b_where", "a_source", "b_source",
               "measure", "subject", "threshold", "rule")
PHRASE_FIELDS = ("claim", "value", "quote", "where", "sentence", "measure", "subject", "matched", "rule")


def _where(c: Claim) -> str:
    return f"{c.source.path}:{c.source.line}:{c.source.column}"


def _value(c: Claim) -> str:
    if isinstance(c, CountClaim):
        return format_amount(c.value)
    return str(c.value.start) if c.value.start == c.value.end else f"{c.value.start} to {c.value.end}"


def _selected(defn: RuleDefinition, c: Claim) -> bool:
    sel = defn.select
    if sel.kind and c.kind not in sel.kind:
        return False
    if sel.measure and c.measure not in sel.measure:
        return False
    if sel.subject and not re.search(sel.subject, c.subject or "", re.IGNORECASE):
        return False
    return not (sel.event and not re.search(sel.event, c.event or "", re.IGNORECASE))


def _day(c: Claim) -> tuple[date, date] | None:
    return span_days(c.value if isinstance(c, DateClaim) else c.event_date)


def _widen(lo: float, hi: float, abs_tol: float, rel_tol: float) -> tuple[float, float]:
    # an open end stays open (inf * 0 would be nan)
    lo = lo - abs_tol - abs(lo) * rel_tol if lo != float("-inf") else lo
    hi = hi + abs_tol + abs(hi) * rel_tol if hi != float("inf") else hi
    return lo, hi


class DeclarativeRule(Rule):
    """Base of the classes made from rule definitions (see ``make_rule``)."""

    definition: ClassVar[RuleDefinition]
    compiled_pattern: ClassVar[re.Pattern[str] | None] = None

    # -- compare ---------------------------------------------------------------

    def _pair_ok(self, a: Claim, b: Claim, score: float, level: str) -> bool:
        m = self.definition.match
        if not (_selected(self.definition, a) and _selected(self.definition, b)):
            return False
        if (100.0 if level in ("exact", "alias") else score) < m.min_score:
            return False
        if m.same_place and not (set(a.place) & set(b.place) - {"*wide"}):
            return False
        if m.reports == "same" and a.report != b.report or m.reports == "different" and a.report == b.report:
            return False
        if m.date_window_days is not None:
            da, db = _day(a), _day(b)
            if da is None or db is None:
                return False
            window = timedelta(days=m.date_window_days)
            if da[0] - window > db[1] or db[0] - window > da[1]:
                return False
        return True

    def _counts_disagree(self, a: CountClaim, b: CountClaim, lexicon: Lexicon) -> bool | None:
        cmp = self.definition.compare
        if cmp.hedges:
            (lo_a, hi_a), (lo_b, hi_b) = interval(a.value), interval(b.value)
        else:
            if a.value.best is None or b.value.best is None:
                return None
            lo_a = hi_a = a.value.best
            lo_b = hi_b = b.value.best
        ua, ub = a.value.unit, b.value.unit
        if ua != ub:
            ia, ib = lexicon.unit_info.get(ua or ""), lexicon.unit_info.get(ub or "")
            if not cmp.convert_units or ia is None or ib is None or ia["dimension"] != ib["dimension"]:
                return None
            pa, pb = a.precision or 0.0, b.precision or 0.0
            oa, ob = ia.get("offset", 0.0), ib.get("offset", 0.0)
            lo_a, hi_a = (lo_a - pa) * ia["to_base"] + oa, (hi_a + pa) * ia["to_base"] + oa
            lo_b, hi_b = (lo_b - pb) * ib["to_base"] + ob, (hi_b + pb) * ib["to_base"] + ob
        lo_a, hi_a = _widen(lo_a, hi_a, cmp.tolerance_abs, cmp.tolerance_rel)
        lo_b, hi_b = _widen(lo_b, hi_b, cmp.tolerance_abs, cmp.tolerance_rel)
        return not (lo_a <= hi_b and lo_b <= hi_a)

    def _dates_disagree(self, a: DateClaim, b: DateClaim) -> bool | None:
        da, db = _day(a), _day(b)
        if da is None or db is None:
            return None
        slack = timedelta(days=self.definition.compare.days)
        return da[0] - slack > db[1] or db[0] - slack > da[1]

    def evaluate(self, group: Group, context: RuleContext) -> Iterator[Finding]:
        if self.definition.kind != "compare":
            return
        cmp = self.definition.compare
        threshold = (f"tolerance_abs={cmp.tolerance_abs}, tolerance_rel={cmp.tolerance_rel}, hedges={cmp.hedges}"
                     if cmp.days == 0 else f"days={cmp.days}")
        for a, b, match in pairs_of(group):
            if not self._pair_ok(a, b, match.score, match.level):
                continue
            if isinstance(a, CountClaim) and isinstance(b, CountClaim):
                disagree = self._counts_disagree(a, b, context.lexicon)
            elif isinstance(a, DateClaim) and isinstance(b, DateClaim):
                disagree = self._dates_disagree(a, b)
            else:
                disagree = None
            if not disagree:
                continue
            fields = {
                "a": describe(a, context), "b": describe(b, context), "a_value": _value(a), "b_value": _value(b),
                "a_quote": a.text, "b_quote": b.text, "a_where": _where(a), "b_where": _where(b),
                "a_source": a.attribution or "", "b_source": b.attribution or "", "measure": a.measure,
                "subject": a.subject or b.subject or "", "threshold": threshold, "rule": self.code,
            }
            message = self.definition.message.format_map(fields)
            newer = later_figure(a, b, context) if cmp.updates and isinstance(a, CountClaim) \
                and isinstance(b, CountClaim) else None
            if newer is not None:  # a toll that rose between reports: still a conflict, labelled as an update
                yield self.finding(context, group, [a, b], f"{message}; the later report has {newer}", match,
                                   Severity.info, "superseded", threshold=threshold)
                continue
            yield self.finding(context, group, [a, b], message, match, threshold=threshold)

    # -- phrase ----------------------------------------------------------------

    def evaluate_claims(self, claims: list[Claim], groups: list[Group], context: RuleContext) -> Iterator[Finding]:
        if self.definition.kind != "phrase":
            return
        pattern = compile_pattern(self.definition.pattern or "", context.lexicon)
        seen: set[tuple[str, str]] = set()  # one query per sentence, however many claims it holds
        for c in claims:
            if not _selected(self.definition, c):
                continue
            sentence = c.sentence or c.text
            found = pattern.search(sentence)
            if found is None or (c.report, sentence) in seen:
                continue
            seen.add((c.report, sentence))
            fields = {"claim": describe(c, context), "value": _value(c), "quote": c.text, "where": _where(c),
                      "sentence": sentence, "measure": c.measure, "subject": c.subject or "",
                      "matched": found.group(0), "rule": self.code}
            yield self.finding(context, None, [c], self.definition.message.format_map(fields),
                               threshold=f"pattern={self.definition.pattern}")


def compile_pattern(pattern: str, lexicon: Lexicon) -> re.Pattern[str]:
    """A phrase pattern with ``{weekday}`` and ``{month}`` expanded to the lexicon's names (case-insensitive)."""
    names = {"weekday": lexicon.weekday_names, "month": lexicon.month_names}
    expanded = pattern
    for key, table in names.items():
        expanded = expanded.replace("{" + key + "}", f"(?:{phrase_pattern(list(table)).pattern})")
    return re.compile(expanded, re.IGNORECASE)


def _doc(defn: RuleDefinition) -> str:
    d = defn.doc
    return (f"{defn.summary}\n\nWhat it flags: {d.what}\n\nWhy it matters: {d.why}\n\n"
            f"Example: fires on {d.example_fires}; does not fire on {d.example_passes}\n\nOptions: {d.options}\n")


def make_rule(defn: RuleDefinition, origin: str) -> type[Rule]:
    """A Rule class for one definition: code, name, severity and docstring from the data."""
    attrs: dict[str, Any] = {
        "code": defn.id, "name": defn.name, "severity": defn.severity, "pairwise": defn.kind == "compare",
        "definition": defn, "origin": origin, "__doc__": _doc(defn), "__module__": __name__,
    }
    return type(defn.id, (DeclarativeRule,), attrs)


def _check_definition(defn: RuleDefinition, where: str, lexicon: Lexicon) -> None:
    def fail(field: str, what: str) -> CheckerError:
        return CheckerError("rules", f"rule {defn.id}: {field}: {what}", where)

    allowed = PAIR_FIELDS if defn.kind == "compare" else PHRASE_FIELDS
    try:
        names = [f for _, f, _, _ in string.Formatter().parse(defn.message) if f is not None]
    except ValueError as exc:
        raise fail("message", str(exc)) from None
    for name in names:
        if name not in allowed:
            raise fail("message", f"unknown placeholder {{{name}}} (known for {defn.kind}: {', '.join(allowed)})")
    if defn.kind == "phrase" and not defn.pattern:
        raise fail("pattern", "a phrase rule needs a pattern")
    if defn.kind == "compare" and defn.pattern:
        raise fail("pattern", "only phrase rules take a pattern")
    for field, pattern in (("select.subject", defn.select.subject), ("select.event", defn.select.event)):
        if pattern:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise fail(field, f"not a regular expression: {exc}") from None
    if defn.pattern:
        try:
            compile_pattern(defn.pattern, lexicon)
        except re.error as exc:
            raise fail("pattern", f"not a regular expression: {exc}") from None


def _validation_error(exc: ValidationError, data: Any, where: str) -> CheckerError:
    first = exc.errors()[0]
    loc = list(first["loc"])
    rule = ""
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        items = data.get("rules") if isinstance(data, dict) else None
        item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        rid = item.get("id") if isinstance(item, dict) else None
        rule = f"rule {rid or '#' + str(loc[1] + 1)}: "
        loc = loc[2:]
    field = ".".join(str(p) for p in loc) or "(top)"
    what = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
    return CheckerError("rules", f"{rule}{field}: {what}", where)


def parse_rules(data: Any, where: str, lexicon: Lexicon) -> tuple[list[type[Rule]], dict[str, RuleSetting]]:
    """Rule classes and settings from a parsed rules document; ``where`` names it in errors."""
    try:
        config = RulesConfig.model_validate(data)
    except ValidationError as exc:
        raise _validation_error(exc, data, where) from None
    seen: set[str] = set()
    rules: list[type[Rule]] = []
    for defn in config.rules:
        if defn.id in seen:
            raise CheckerError("rules", f"rule {defn.id}: id: defined twice", where)
        seen.add(defn.id)
        _check_definition(defn, where, lexicon)
        rules.append(make_rule(defn, where))
    return rules, dict(config.settings)


def load_rules_file(path: str | Path, lexicon: Lexicon) -> tuple[list[type[Rule]], dict[str, RuleSetting]]:
    """Rules and settings of one YAML (.yml/.yaml) or JSON (.json) file."""
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = json.loads(text) if where.endswith(".json") else yaml.safe_load(text)
    except OSError as exc:
        raise CheckerError("rules", f"cannot read rules file: {exc.strerror or exc}", where) from None
    except (ValueError, yaml.YAMLError) as exc:
        raise CheckerError("rules", f"not valid {'JSON' if where.endswith('.json') else 'YAML'}: {exc}", where) from None
    return parse_rules(data if data is not None else {}, where, lexicon)


@cache  # parsed once per lexicon (lexicons hash by identity)
def builtin_declarative_rules(lexicon: Lexicon) -> list[type[Rule]]:
    """The built-in rules written as data (``checker/data/rules.yaml``)."""
    text = resources.files("checker").joinpath("data", "rules.yaml").read_text(encoding="utf-8")
    rules, _ = parse_rules(yaml.safe_load(text), "checker/data/rules.yaml", lexicon)
    for rule in rules:
        rule.origin = "builtin"
    return rules
