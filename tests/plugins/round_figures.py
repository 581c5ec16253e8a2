"""A user rule as a plugin package would ship it: used by tests/test_plugins.py.

The test copies this module into a temporary site folder next to a
``*.dist-info`` with an ``entry_points.txt``, so importlib.metadata finds it
as an installed entry point of the group ``checker.rules``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from checker import Rule
from checker.match import Group
from checker.models import Claim, CountClaim, Finding, Severity
from checker.rules import RuleContext


class RoundFigure(Rule):
    """A casualty figure that is a round hundred, which is often an estimate given as a count.

    What it flags: a casualty count whose best value is a positive multiple of ``step``.

    Why it matters: a round toll is usually an estimate; the copy should say so.

    Example: fires on "200 people were killed in the flood"; does not fire on
    "213 people were killed in the flood".

    Options: ``step`` (default 100).
    """

    code = "XY01"
    name = "round-figure"
    severity = Severity.info
    pairwise = False
    default_options: ClassVar[dict[str, float | int | str | bool]] = {"step": 100}

    def evaluate_claims(self, claims: list[Claim], groups: list[Group], context: RuleContext) -> Iterator[Finding]:
        step = float(context.options["step"])
        for c in claims:
            if isinstance(c, CountClaim) and c.kind == "casualty" and c.value.best and c.value.best % step == 0:
                yield self.finding(context, None, [c], f"{c.text!r} is a round figure", threshold=f"step={step:g}")


class Broken(Rule):
    """Not a rule: it has no code, so loading it must fail and be reported."""
