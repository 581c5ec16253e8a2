"""Claims and matching on disaster reporting: what is counted, where, and which figures are one fact.

Every text is our own wording. Extraction cases give a sentence and the claim
read from it; matching cases give short reports and whether their figures are
flagged as disagreeing (one fact) or kept apart (two facts).
"""

from __future__ import annotations

import pytest

from checker import check
from checker.extract import Extractor
from checker.models import CountClaim
from checker.read import read_text


def _claims(text: str) -> list[CountClaim]:
    report = read_text(text, path="case.md", published="2024-03-04")
    return [c for c in Extractor().extract(report) if isinstance(c, CountClaim)]


def _conflicts(*texts: str, published: str = "2024-03-04") -> list[tuple[str, str]]:
    reports = [read_text(t, path=f"r{k}.md", published=published) for k, t in enumerate(texts)]
    doc = check(reports)
    index = {c.id: c for c in doc.claims}
    return [tuple(sorted(index[i].text for i in f.claims)) for f in doc.conflicts]  # type: ignore[misc]


# a hedged or modal verb keeps the measure, and a verb is never what is counted
MODAL_CASES = [
    ("Officials said between 300 and 400 people may have died in the valley.", "killed", "people"),
    ("Between 50 and 60 people could be missing in the town.", "missing", "people"),
    ("Rescuers fear that 80 villagers might have drowned.", "killed", "villagers"),
    ("About 170 people elsewhere in the province lost their lives.", "killed", "people"),
]


@pytest.mark.parametrize("text,measure,subject", MODAL_CASES, ids=[c[0][:40] for c in MODAL_CASES])
def test_modal_verbs_keep_the_measure(text: str, measure: str, subject: str) -> None:
    claims = _claims(text)
    assert [(c.measure, c.subject) for c in claims] == [(measure, subject)]


# "N of the dead": the dead are what is counted, the verb after says how; a share with no verb is no toll
PARTITIVE_CASES = [
    ("Hundreds of the dead have been laid in mass graves.", [("buried", "people")]),
    ("At least 40 of the dead were children.", [("killed", "children")]),
    ("Officials said 300 of the dead have been identified.", []),
]


@pytest.mark.parametrize("text,expected", PARTITIVE_CASES, ids=[c[0][:40] for c in PARTITIVE_CASES])
def test_share_of_the_dead(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.measure, c.subject) for c in _claims(text)] == expected


def test_share_of_the_dead_is_no_antecedent() -> None:
    """A later toll with no subject of its own does not take the subgroup of a share ("foreigners")."""
    text = ("At least 40 of the dead were foreigners, the ministry said. "
            "The mayor put the death toll at 900.")
    claims = _claims(text)
    assert [(c.value.best, c.subject) for c in claims] == [(40.0, "foreigners"), (900.0, None)]
