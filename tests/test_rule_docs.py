"""Every built-in rule documents itself: code, kebab-case name, and a docstring with its sections.

The docstring is the rule's documentation (``checker rules``, SARIF
``shortDescription``): a one-line summary, a blank line, then the paragraphs
*What it flags*, *Why it matters*, *Example* and *Options*, in that order,
each with some text. A section starts a paragraph as ``Name:`` (or as a
Markdown heading ``## Name``).
"""

from __future__ import annotations

import inspect
import re

import pytest

from checker.models import Severity
from checker.rules import Rule, builtin_rules

SECTIONS = ("What it flags", "Why it matters", "Example", "Options")
CODE = re.compile(r"^CT\d\d$")
KEBAB = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")


def sections_of(doc: str) -> dict[str, str]:
    """Section name -> its text, for the sections that open a paragraph."""
    heading = re.compile(rf"^(?:#+\s*)?({'|'.join(map(re.escape, SECTIONS))})\s*:?\s*", re.MULTILINE)
    found = list(heading.finditer(doc))
    out: dict[str, str] = {}
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(doc)
        out[match.group(1)] = doc[match.end():end].strip()
    return out


RULES = builtin_rules()


def test_there_are_builtin_rules_with_unique_codes_and_names() -> None:
    assert len(RULES) >= 3
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_code_name_and_class(rule: type[Rule]) -> None:
    assert issubclass(rule, Rule)
    assert CODE.match(rule.code), rule.code
    assert rule.__name__ == rule.code, "the class is named by its code"
    if hasattr(rule, "definition"):  # a built-in declarative rule: data in checker/data/rules.yaml
        assert rule.__module__ == "checker.rules.declarative" and rule.origin == "builtin"
    else:
        assert rule.__module__.endswith(f".builtin.{rule.code}"), "one rule per module, named by its code"
    assert KEBAB.match(rule.name), f"{rule.code}: name {rule.name!r} is not kebab-case"
    assert isinstance(rule.severity, Severity)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_docstring_has_summary_and_sections(rule: type[Rule]) -> None:
    doc = inspect.cleandoc(rule.__doc__ or "")
    assert doc, f"{rule.code} has no docstring"
    lines = doc.splitlines()
    summary = lines[0].strip()
    assert summary and len(summary) <= 100, f"{rule.code}: summary must be one line of at most 100 characters"
    assert summary.endswith("."), f"{rule.code}: summary {summary!r} should be a sentence"
    assert len(lines) > 1 and lines[1].strip() == "", f"{rule.code}: a blank line must follow the summary"
    assert rule.summary() == summary

    sections = sections_of(doc)
    missing = [name for name in SECTIONS if name not in sections]
    assert not missing, f"{rule.code}: docstring lacks section(s) {missing}"
    order = [name for name in sections if name in SECTIONS]
    assert order == list(SECTIONS), f"{rule.code}: sections in order {order}, expected {list(SECTIONS)}"
    empty = [name for name in SECTIONS if not sections[name]]
    assert not empty, f"{rule.code}: empty section(s) {empty}"


def test_sections_parser_finds_missing_sections() -> None:
    doc = "Summary.\n\nWhat it flags: x.\n\nExample: y.\n\nOptions: none."
    assert sorted(sections_of(doc)) == ["Example", "Options", "What it flags"]
    assert sections_of("Summary.\n\n## Why it matters\nBecause.")["Why it matters"] == "Because."
