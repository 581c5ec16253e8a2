"""Rules: groups of matched claims in, findings out.

Takes the ``Group``s from the match stage; gives ``Finding``s. A rule is a
class with a stable ``code`` (CT01), a kebab-case ``name`` that names the
problem, a default ``severity``, a ``pairwise`` flag (pairwise disagreements
go to ``conflicts``, everything else to ``findings``) and
``evaluate(group, context) -> Iterator[Finding]`` (a group of claims judged
to be about one fact) and/or ``evaluate_claims(claims, groups, context)``
(every claim of the run, for rules that look across facts: parts and totals,
attribution, style queries). The docstring is the documentation: a one-line
summary, then *What it flags*, *Why it matters*, *Example* and *Options*.

``RuleEngine`` runs every enabled rule over every group and collects all
findings rather than stopping at the first; a rule that raises is reported
as a finding of its own and the others still run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from ..lexicon import Lexicon, default_lexicon
from ..match import Group
from ..models import Claim, Evidence, Finding, MatchInfo, ReportMeta, RuleSetting, Severity

_FINDING_FIELDS = set(Finding.model_fields)
_EVIDENCE_FIELDS = set(Evidence.model_fields)


@dataclass
class RuleContext:
    """What a rule may look at besides the group: report metadata, the lexicon, its options."""

    reports: dict[str, ReportMeta]
    lexicon: Lexicon
    options: dict[str, float | int | str | bool] = field(default_factory=dict)
    # each claim's evidence, built once and shared by every finding that cites it (a claim of a big fact
    # is in many pairs, and an archive's findings run to hundreds of thousands)
    evidence: dict[str, Evidence] = field(default_factory=dict)


class Rule:
    """Base class of every rule, built-in or user-written.

    A user rule subclasses it, sets ``code`` (a stable id such as ``XY01``,
    never reused), ``name`` (kebab-case, naming the problem), ``severity``
    and ``pairwise`` (True: its findings are pairwise disagreements about one
    fact and go to ``conflicts``; False: they go to ``findings``), writes a
    docstring with the sections *What it flags*, *Why it matters*, *Example*
    and *Options*, and overrides one or both of:

    - ``evaluate(group, context)``: called once per group of claims the
      matcher judged to be one fact; ``group.pairs`` holds each matched pair
      with its ``MatchInfo``;
    - ``evaluate_claims(claims, groups, context)``: called once per run with
      every claim, for rules that look across facts.

    Both yield ``Finding``s, best built with ``self.finding(...)``, which
    fills in the code, the configured severity and a stable fingerprint.
    ``context.options`` holds ``default_options`` overridden by the config.
    The rule is found through the config (``plugins = ["pkg.mod:MyRule"]``)
    or the entry-point group ``checker.rules``.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.error
    pairwise: ClassVar[bool] = True
    default_options: ClassVar[dict[str, float | int | str | bool]] = {}
    origin: ClassVar[str] = "builtin"  # where the rule came from: builtin, a rules file, a plugin

    def evaluate(self, group: Group, context: RuleContext) -> Iterator[Finding]:
        return iter(())

    def evaluate_claims(self, claims: list[Claim], groups: list[Group], context: RuleContext) -> Iterator[Finding]:
        return iter(())

    @classmethod
    def summary(cls) -> str:
        doc = (cls.__doc__ or "").strip()
        return doc.splitlines()[0] if doc else cls.name

    def finding(
        self, context: RuleContext, group: Group | None, claims: Sequence[Claim], message: str,
        match: MatchInfo | None = None, severity: Severity | None = None, label: str | None = None,
        threshold: str | None = None,
    ) -> Finding:
        key = "|".join([self.code] + sorted(c.fingerprint for c in claims))
        if self.pairwise and len(claims) == 2 and claims[0].report == claims[1].report:
            message += f" (both in {claims[0].report}: the report contradicts itself)"
        evidence = [context.evidence.get(c.id) or context.evidence.setdefault(c.id, Evidence.model_construct(
            _EVIDENCE_FIELDS, claim=c.id, quote=c.text, where=f"{c.source.path}:{c.source.line}:{c.source.column}",
            value=c.value, report=c.report)) for c in claims]
        # built without validation (every value is ours, typed here) and with one shared set of field
        # names: a validated Finding carries its own 700-byte set, and an archive has millions of findings
        return Finding.model_construct(
            _FINDING_FIELDS, evidence=evidence, rule=self.name, code=self.code,
            severity=Severity(severity or context.options.get("_severity", self.severity)),
            message=message, claims=[c.id for c in claims], label=label, fact=group.id if group else None,
            match=match, fingerprint=hashlib.sha1(key.encode()).hexdigest()[:16], threshold=threshold,
        )


def python_builtin_rules() -> list[type[Rule]]:
    """The built-in rules written in Python, one module per rule under ``builtin/``."""
    from .builtin.CT01 import CT01
    from .builtin.CT02 import CT02
    from .builtin.CT03 import CT03
    from .builtin.CT04 import CT04
    from .builtin.CT05 import CT05
    from .builtin.CT06 import CT06
    from .builtin.CT07 import CT07

    return [CT01, CT02, CT03, CT04, CT05, CT06, CT07]


def builtin_rules(lexicon: Lexicon | None = None) -> list[type[Rule]]:
    """Every built-in rule: the Python ones and the declarative ones of ``checker/data/rules.yaml``."""
    from .declarative import builtin_declarative_rules

    rules = python_builtin_rules() + builtin_declarative_rules(lexicon or default_lexicon())
    return sorted(rules, key=lambda r: r.code)


class RuleEngine:
    """Runs rules over groups. ``settings`` maps a rule code or name to its RuleSetting."""

    def __init__(
        self, rules: Iterable[type[Rule]] | None = None, settings: dict[str, RuleSetting] | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        self.rule_types = list(rules) if rules is not None else builtin_rules()
        self.settings = settings or {}
        self.lexicon = lexicon or default_lexicon()

    def _setting(self, rule: type[Rule]) -> RuleSetting:
        return self.settings.get(rule.code) or self.settings.get(rule.name) or RuleSetting()

    def run(self, groups: list[Group], reports: dict[str, ReportMeta],
            claims: list[Claim] | None = None) -> tuple[list[Finding], list[Finding]]:
        """(conflicts, other findings) over all groups and, for rules that look across facts, all claims."""
        conflicts: list[Finding] = []
        others: list[Finding] = []
        for _, _, found_conflicts, found_others in self.evaluate(groups, reports, claims):
            conflicts.extend(found_conflicts)
            others.extend(found_others)
        return conflicts, others

    def evaluate(self, groups: list[Group], reports: dict[str, ReportMeta], claims: list[Claim] | None = None,
                 cross_facts: bool = True, per_group: bool = True,
                 ) -> Iterator[tuple[int, int, list[Finding], list[Finding]]]:
        """Rule by rule: (rule position, group position, conflicts, other findings).

        Group position -1 holds what a rule finds looking across facts (``evaluate_claims``
        over all claims and groups), before its per-group findings. ``run`` concatenates
        these; an engine that evaluates groups in several places (``cross_facts=False``)
        and the cross-fact pass in one (``per_group=False``) merges them back in
        (rule, group) order to give the same lists.
        """
        all_claims = claims if claims is not None else [c for g in groups for c in g.claims]
        for r, rule_type in enumerate(self.rule_types):
            setting = self._setting(rule_type)
            if not setting.enabled:
                continue
            options: dict[str, float | int | str | bool] = {**rule_type.default_options, **setting.options}
            if setting.severity is not None:
                options["_severity"] = setting.severity.value
            context = RuleContext(reports=reports, lexicon=self.lexicon, options=options)
            try:
                rule = rule_type()
                if cross_facts:
                    found = list(rule.evaluate_claims(all_claims, groups, context))
                    yield (r, -1, found, []) if rule_type.pairwise else (r, -1, [], found)
            except Exception as exc:  # noqa: BLE001 -- a broken rule must not hide the others' findings
                yield r, -1, [], [_rule_error(rule_type, "the claims", [], None, exc)]
                continue
            if not per_group:
                continue
            for g, group in enumerate(groups):
                try:
                    found = list(rule.evaluate(group, context))
                except Exception as exc:  # noqa: BLE001 -- likewise, per group
                    yield r, g, [], [_rule_error(rule_type, group.id, [c.id for c in group.claims], group.id, exc)]
                    continue
                yield (r, g, found, []) if rule_type.pairwise else (r, g, [], found)


def rule_error(code: str, group_id: str, error: str, claims: list[str]) -> Finding:
    """The finding that stands for a rule that raised on a group."""
    return Finding(
        rule="rule-error", code="CT00", severity=Severity.warning,
        message=f"rule {code} failed on {group_id}: {error}", claims=claims,
        fact=group_id, fingerprint=hashlib.sha1(f"{code}{group_id}".encode()).hexdigest()[:16],
    )


def _rule_error(rule_type: type[Rule], where: str, claim_ids: list[str], fact: str | None, exc: Exception) -> Finding:
    found = rule_error(rule_type.code, where, f"{type(exc).__name__}: {exc}", claim_ids)
    return found if fact == where else found.model_copy(update={"fact": fact})
