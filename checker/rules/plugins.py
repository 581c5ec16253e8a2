"""Python rules from outside the package: named in the config or installed as entry points.

Takes plugin specs (``"package.module:RuleClass"``, or ``"package.module"``
whose ``RULES`` lists rule classes) and, unless turned off, the installed
entry points of the group ``checker.rules`` (each pointing at a ``Rule``
subclass or a list of them); gives the rule classes and, for each plugin that
cannot be imported or is not a valid rule, one ``InputError`` (code
``plugin``) saying which and why. A failing plugin is skipped; the other
rules still run.

A package declares its rules in its own ``pyproject.toml``::

    [project.entry-points."checker.rules"]
    my-rules = "my_rules:StrikeCountRule"
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from importlib.metadata import entry_points
from typing import Any

from ..models import InputError
from . import Rule

ENTRY_POINT_GROUP = "checker.rules"
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,7}[0-9]{2}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")


def _rules_of(obj: Any) -> list[Any]:
    if isinstance(obj, type):
        return [obj]
    if hasattr(obj, "RULES"):  # a module listing its rules
        return list(obj.RULES)
    if isinstance(obj, (list, tuple)):
        return list(obj)
    return [obj]


def _problem(candidate: Any) -> str | None:
    """Why a candidate is not a usable rule class, or None."""
    if not (isinstance(candidate, type) and issubclass(candidate, Rule)):
        return f"{candidate!r} is not a subclass of checker.Rule"
    if not _CODE.match(candidate.code or ""):
        return f"{candidate.__name__}.code {candidate.code!r} is not a rule code such as XY01"
    if not _NAME.match(candidate.name or ""):
        return f"{candidate.__name__}.name {candidate.name!r} is not a kebab-case name such as strike-count"
    if candidate.evaluate is Rule.evaluate and candidate.evaluate_claims is Rule.evaluate_claims:
        return f"{candidate.__name__} overrides neither evaluate nor evaluate_claims"
    return None


def _accept(obj: Any, origin: str, taken: set[str], rules: list[type[Rule]], errors: list[InputError]) -> None:
    for candidate in _rules_of(obj):
        problem = _problem(candidate)
        if problem is None and candidate.code in taken:
            problem = f"rule code {candidate.code} is already taken by another rule"
        if problem is not None:
            errors.append(InputError(path=origin, code="plugin", message=f"rule skipped: {problem}"))
            continue
        candidate.origin = origin
        taken.add(candidate.code)
        rules.append(candidate)


def load_plugins(specs: Iterable[str], taken_codes: Iterable[str] = (), use_entry_points: bool = True,
                 ) -> tuple[list[type[Rule]], list[InputError]]:
    """Rule classes from config specs and installed entry points, and one error per plugin that failed."""
    rules: list[type[Rule]] = []
    errors: list[InputError] = []
    taken = set(taken_codes)
    for spec in specs:
        module_name, _, attr = spec.partition(":")
        origin = f"plugin {spec}"
        try:
            obj: Any = importlib.import_module(module_name)
            for part in filter(None, attr.split(".")):
                obj = getattr(obj, part)
        except Exception as exc:  # noqa: BLE001 -- any import-time failure of user code is reported, not raised
            errors.append(InputError(path=origin, code="plugin", message=f"cannot load: {type(exc).__name__}: {exc}"))
            continue
        _accept(obj, origin, taken, rules, errors)
    if use_entry_points:
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            origin = f"entry point {ep.name} = {ep.value}"
            try:
                obj = ep.load()
            except Exception as exc:  # noqa: BLE001 -- likewise for installed entry points
                errors.append(InputError(path=origin, code="plugin",
                                         message=f"cannot load: {type(exc).__name__}: {exc}"))
                continue
            _accept(obj, origin, taken, rules, errors)
    return rules, errors
