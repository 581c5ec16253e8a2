"""The seed article, end to end: the figures the product was built for are read right.

Reads ../shared/seeds (present for developers and CI, not for users): skips cleanly without it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import CountClaim, DateClaim, extract_files

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_3c377cf6600df4ae.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is not here")


@pytest.fixture(scope="module")
def document():  # type: ignore[no-untyped-def]
    return extract_files([str(SEED)])


def _counts(document, measure):  # type: ignore[no-untyped-def]
    return [c for c in document.claims if isinstance(c, CountClaim) and c.measure == measure]


def _dates(document, event, measure=None):  # type: ignore[no-untyped-def]
    return [c for c in document.claims if isinstance(c, DateClaim) and (c.event or "").startswith(event)
            and (measure is None or c.measure == measure)]


def test_publication_date_comes_from_the_byline(document) -> None:  # type: ignore[no-untyped-def]
    assert document.reports[0].published == "2020-03-05"


def test_strike_toll_and_its_date(document) -> None:  # type: ignore[no-untyped-def]
    killed = [c for c in _counts(document, "killed") if c.scope == "incident"]
    assert [(c.value.low, c.value.best, c.value.high) for c in killed] == [(33, 33, 33)]
    assert killed[0].subject == "soldiers" and killed[0].actors == ["Turkish"]
    strike_dates = [c.value.start for c in _dates(document, "attack")]
    assert strike_dates == ["2020-02-27"]


def test_running_total_is_its_own_fact(document) -> None:  # type: ignore[no-untyped-def]
    totals = [c for c in _counts(document, "killed") if c.scope == "aggregate"]
    assert [c.value.best for c in totals] == [54]


def test_displacement_attributed_to_the_un(document) -> None:  # type: ignore[no-untyped-def]
    displaced = _counts(document, "displaced")
    assert [c.value.best for c in displaced] == [900000]
    assert "United Nations" in (displaced[0].attribution or "")


def test_meeting_corridor_and_warplanes(document) -> None:  # type: ignore[no-untyped-def]
    durations = _counts(document, "duration")
    assert [(c.value.best, c.value.unit) for c in durations] == [(6, "h")]
    widths = _counts(document, "width")
    assert [(c.value.best, c.value.unit) for c in widths] == [(6, "km")]
    planes = [c for c in _counts(document, "count") if c.subject == "warplanes"]
    assert [c.value.best for c in planes] == [3]


def test_ceasefire_patrols_and_offensive_dates(document) -> None:  # type: ignore[no-untyped-def]
    assert [(c.value.start, c.value.end) for c in _dates(document, "ceasefire", "start")] == [("2020-03-06", "2020-03-06")]
    assert [c.value.start for c in _dates(document, "patrol", "start")] == ["2020-03-15"]
    launch = [c for c in document.claims if isinstance(c, DateClaim) and c.value.start == "2019-12-01"]
    assert launch and launch[0].value.end == "2019-12-31"
