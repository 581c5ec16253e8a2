"""Property test of the record store: any sequence of record, remove and status edits leaves exactly
what a plain dictionary model says, with no claim lost, duplicated or stripped of its status."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.models import (
    Amount,
    ClaimsFile,
    ClaimStatus,
    CountClaim,
    ReportMeta,
    Source,
)
from checker.record import store

REPORTS = ["a", "b/c", "d d"]  # the odd ids exercise safe file names
VALUES = [1, 2, 3, 4, 5]


def claims_file(report: str, values: frozenset[int]) -> ClaimsFile:
    claims = [
        CountClaim(kind="casualty", id=f"{report}:{n}", fingerprint=f"{report}|{v}", measure="killed",
                   subject="people", text=f"{v} people", report=report, value=Amount(low=v, best=v, high=v),
                   source=Source(path=f"{report}.md", start=0, end=1, line=1, column=1))
        for n, v in enumerate(sorted(values), 1)
    ]
    return ClaimsFile(report=ReportMeta(id=report, path=f"{report}.md"), claims=claims)


operation = st.one_of(
    st.tuples(st.just("record"), st.sampled_from(REPORTS), st.frozensets(st.sampled_from(VALUES), min_size=1)),
    st.tuples(st.just("remove"), st.sampled_from(REPORTS), st.none()),
    st.tuples(st.just("status"), st.sampled_from(REPORTS), st.sampled_from(VALUES)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(operation, max_size=12))
def test_record_matches_a_dictionary_model(operations: list[tuple[str, str, object]]) -> None:
    model: dict[str, dict[str, ClaimStatus]] = {}  # report -> fingerprint -> status
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "claims"
        for kind, report, arg in operations:
            if kind == "record":
                assert isinstance(arg, frozenset)
                store.add(folder, claims_file(report, arg))
                old = model.get(report, {})
                model[report] = {f"{report}|{v}": old.get(f"{report}|{v}", ClaimStatus.reported) for v in arg}
            elif kind == "remove":
                if report in model:
                    store.remove(folder, report)
                    del model[report]
            else:
                fingerprint = f"{report}|{arg}"
                if fingerprint in model.get(report, {}):
                    store.set_status(folder, fingerprint, ClaimStatus.confirmed)
                    model[report][fingerprint] = ClaimStatus.confirmed
            on_disk = {d.report.id: {c.fingerprint: c.status for c in d.claims}
                       for d in (store.load_file(p) for p in store.record_files(folder))}
            assert on_disk == model
            assert len(store.record_files(folder)) == len(model)  # one file per report, never two
