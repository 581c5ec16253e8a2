"""Rules: groups of matched claims in, findings out.

Takes the ``Group``s from the match stage; gives ``Finding``s. A rule is a
class with a stable ``code`` (CT01), a kebab-case ``name`` that names the
problem, a default ``severity``, a ``pairwise`` flag (pairwise disagreements
go to ``conflicts``, everything else to ``findings``) and
``evaluate(group, context) -> Iterator[Finding]``. The docstring is the
documentation: a one-line summary, then *What it flags*, *Why it matters*,
*Example* and *Options*.

``RuleEngine`` runs every enabled rule over every group and collects all
findings rather than stopping at the first; a rule that raises is reported
as a finding of its own and the others still run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from ..lexicon import Lexicon, default_lexicon
from ..match import Group
from ..models import Claim, Finding, MatchInfo, ReportMeta, RuleSetting, Severity

_FINDING_FIELDS = set(Finding.model_fields)


@dataclass
class RuleContext:
    """What a rule may look at besides the group: report metadata, the lexicon, its options."""

    reports: dict[str, ReportMeta]
    lexicon: Lexicon
    options: dict[str, float | int | str | bool] = field(default_factory=dict)


class Rule:
    """Base class of every rule, built-in or user-written."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.error
    pairwise: ClassVar[bool] = True
    default_options: ClassVar[dict[str, float | int | str | bool]] = {}

    def evaluate(self, group: Group, context: RuleContext) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def summary(cls) -> str:
        doc = (cls.__doc__ or "").strip()
        return doc.splitlines()[0] if doc else cls.name

    def finding(
        self, context: RuleContext, group: Group, claims: list[Claim], message: str,
        match: MatchInfo | None = None, severity: Severity | None = None, label: str | None = None,
    ) -> Finding:
        key = "|".join([self.code] + sorted(c.fingerprint for c in claims))
        # built without validation (every value is ours, typed here) and with one shared set of field
        # names: a validated Finding carries its own 700-byte set, and an archive has millions of findings
        return Finding.model_construct(
            _FINDING_FIELDS, rule=self.name, code=self.code,
            severity=Severity(severity or context.options.get("_severity", self.severity)),
            message=message, claims=[c.id for c in claims], label=label, fact=group.id, match=match,
            fingerprint=hashlib.sha1(key.encode()).hexdigest()[:16],
        )


def builtin_rules() -> list[type[Rule]]:
    from .builtin.CT01 import CT01
    from .builtin.CT02 import CT02
    from .builtin.CT03 import CT03

    return [CT01, CT02, CT03]


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

    def run(self, groups: list[Group], reports: dict[str, ReportMeta]) -> tuple[list[Finding], list[Finding]]:
        """(conflicts, other findings) over all groups."""
        conflicts: list[Finding] = []
        others: list[Finding] = []
        for _, _, found_conflicts, found_others in self.evaluate(groups, reports):
            conflicts.extend(found_conflicts)
            others.extend(found_others)
        return conflicts, others

    def evaluate(self, groups: list[Group], reports: dict[str, ReportMeta]
                 ) -> Iterator[tuple[int, int, list[Finding], list[Finding]]]:
        """Per enabled rule and group, rule by rule: (rule position, group position, conflicts, other findings).

        ``run`` concatenates these; an engine that evaluates groups in several places
        merges them back in (rule, group) order to give the same lists.
        """
        for r, rule_type in enumerate(self.rule_types):
            setting = self._setting(rule_type)
            if not setting.enabled:
                continue
            options: dict[str, float | int | str | bool] = {**rule_type.default_options, **setting.options}
            if setting.severity is not None:
                options["_severity"] = setting.severity.value
            context = RuleContext(reports=reports, lexicon=self.lexicon, options=options)
            rule = rule_type()
            for g, group in enumerate(groups):
                try:
                    found = list(rule.evaluate(group, context))
                except Exception as exc:  # a broken rule must not hide the others' findings
                    yield r, g, [], [rule_error(rule_type.code, group.id, str(exc), [c.id for c in group.claims])]
                    continue
                yield (r, g, found, []) if rule_type.pairwise else (r, g, [], found)


def rule_error(code: str, group_id: str, error: str, claims: list[str]) -> Finding:
    """The finding that stands for a rule that raised on a group."""
    return Finding(
        rule="rule-error", code="CT00", severity=Severity.warning,
        message=f"rule {code} failed on {group_id}: {error}", claims=claims,
        fact=group_id, fingerprint=hashlib.sha1(f"{code}{group_id}".encode()).hexdigest()[:16],
    )
