"""Rule documentation generated from the rules themselves: rule classes in, text out.

Takes rule classes (built-in, declarative, plugins); gives the one-line list
``checker rules`` prints and the page ``checker rules ID`` prints, built from
the docstring (Python rules) or the ``doc`` fields (declarative rules, which
``make_rule`` turns into the same docstring shape). The sections are those
every rule must have: *What it flags*, *Why it matters*, *Example*, *Options*.
"""

from __future__ import annotations

import inspect
import re
import textwrap

from ..errors import CheckerError
from ..models import RuleSetting
from . import Rule

SECTIONS = ("What it flags", "Why it matters", "Example", "Options")
_HEADING = re.compile(rf"^(?:#+\s*)?({'|'.join(map(re.escape, SECTIONS))})\s*:?\s*", re.MULTILINE)


def sections_of(doc: str) -> dict[str, str]:
    """Section name -> its text, for the sections that open a paragraph."""
    found = list(_HEADING.finditer(doc))
    out: dict[str, str] = {}
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(doc)
        out[match.group(1)] = doc[match.end():end].strip()
    return out


def find_rule(rules: list[type[Rule]], key: str) -> type[Rule]:
    """The rule with this code or name (case-insensitive code)."""
    for rule in rules:
        if key.upper() == rule.code or key == rule.name:
            return rule
    raise CheckerError("usage", f"no rule {key!r}; `checker rules` lists them")


def rule_list(rules: list[type[Rule]], settings: dict[str, RuleSetting] | None = None) -> str:
    """One line per rule: code, name, severity, where its findings go, one-line summary."""
    settings = settings or {}
    lines = []
    for r in rules:
        s = settings.get(r.code) or settings.get(r.name)
        severity = (s.severity if s and s.severity else r.severity).value
        off = " (disabled)" if s is not None and not s.enabled else ""
        where = "conflicts" if r.pairwise else "findings"
        lines.append(f"{r.code}  {r.name:<22} {severity:<8} {where:<10} {r.summary()}{off}")
    return "\n".join(lines) + "\n"


def rule_record(rule: type[Rule], setting: RuleSetting | None = None) -> dict[str, object]:
    """One rule as data (``checker rules --format json``): what the list and the page show, for tools."""
    sections = sections_of(inspect.cleandoc(rule.__doc__ or ""))
    severity = setting.severity if setting and setting.severity else rule.severity
    return {
        "code": rule.code, "name": rule.name, "summary": rule.summary(), "severity": severity.value,
        "enabled": setting.enabled if setting else True, "list": "conflicts" if rule.pairwise else "findings",
        "origin": rule.origin, "options": {**rule.default_options, **(setting.options if setting else {})},
        "doc": {name: " ".join(sections.get(name, "").split()) for name in SECTIONS},
    }


def rule_page(rule: type[Rule], setting: RuleSetting | None = None) -> str:
    """The documentation page of one rule."""
    doc = inspect.cleandoc(rule.__doc__ or "")
    sections = sections_of(doc)
    severity = setting.severity if setting and setting.severity else rule.severity
    out = [f"{rule.code} {rule.name}", "", rule.summary(), "",
           (f"Severity: {severity.value}; findings go to {'conflicts' if rule.pairwise else 'findings'}; "
            f"source: {rule.origin}"), ""]
    for name in SECTIONS:
        body = " ".join(sections.get(name, "(not documented)").split())
        out.append(name)
        out.extend(textwrap.wrap(body, width=78, initial_indent="  ", subsequent_indent="  "))
        out.append("")
    options = {**rule.default_options, **(setting.options if setting else {})}
    if options:
        out.append("Current option values: " + ", ".join(f"{k}={v}" for k, v in sorted(options.items())))
    out.append(f"Configure in checker.toml under [rules.{rule.code}] (enabled, severity, options).")
    return "\n".join(out) + "\n"
