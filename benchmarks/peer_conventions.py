"""Which of checker's misses on the peers' suites are a convention the suite and CODING.md read differently.

Usage (from the project root, developers only: it needs ../shared):

    python -m benchmarks.peer_conventions [--list N]

It runs ``../shared/tools/peer_score.py``'s own loaders and scoring rule (a mention overlapping the expected
span with the expected value) on ``checker normalize``, then sorts every miss into one of the readings below,
each decided from the expected and the read values alone, never from the sentence:

    exclusive-end     a date range whose start is right and whose end is one unit past the suite's:
                      Recognizers-Text ends "from 2 to 10 July" on 9 July, CODING.md reads ranges inclusive
    range-midpoint    a quantity range read as {low, high, best null} whose midpoint is the suite's value:
                      quantulum3 gives a range as its midpoint, CODING.md gives no best to a range
    number-in-code    a count the suite expects inside a date, an IP address or a phone number, which the
                      issue itself says are not counts
    week-apart        one day read exactly a week from the suite's: "last Wednesday" said on a Thursday is
                      the day before for CODING.md ("the most recent Wednesday before the publication day"),
                      eight days before for Recognizers-Text
    period-edges      a span sharing one edge with the suite's and overlapping it, the other edge set by a
                      part-of-period convention ("mid-November" from the 10th or the 11th, "the end of the
                      year" from July or September, "earlier this month" to the 15th or to yesterday)
    unresolved-form   an impossible date ("Feb 30") left unresolved, as the issue asks, which the suite spells
                      as the string "not resolved" where checker gives null bounds
    in scope          every other miss

and prints each suite's accuracy as scored and on the items left once the conventions are set aside. It
judges nothing itself: the lines say how much of a gap is reading and how much is convention.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from benchmarks.run import SHARED, Skip, _shared_tool

# digits joined by dots, dashes or slashes three times or more, or led by a plus: addresses, phones, codes
_CODE = re.compile(r"\+?\d+(?:[-./]\d+){2,}")


def _day(s: Any) -> date | None:
    try:
        return date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


def _month_end(d: date) -> bool:
    return (d + timedelta(days=1)).day == 1


def _exclusive_end(want: str, mentions: list[dict[str, Any]]) -> bool:
    """A date read with the suite's start and an end one day, month or year past the suite's end."""
    try:
        options = ast.literal_eval(want.rsplit(" = ", 1)[1])
    except (ValueError, SyntaxError, IndexError):
        return False
    for m in mentions:
        got_start, got_end = _day(m["value"].get("start")), _day(m["value"].get("end"))
        for start, end in options:
            want_start, want_end = _day(start), _day(end)
            if None in (got_start, got_end, want_start, want_end) or got_start != want_start:
                continue
            assert got_end is not None and want_end is not None
            gap = (got_end - want_end).days
            if gap == 1 or (0 < gap <= 366 and _month_end(want_end) and _month_end(got_end)):
                return True
    return False


def _spans(want: str, mentions: list[dict[str, Any]]) -> list[tuple[date, date, date, date]]:
    """(suite start, suite end, read start, read end) for every option of the expected date and every mention."""
    try:
        options = ast.literal_eval(want.rsplit(" = ", 1)[1])
    except (ValueError, SyntaxError, IndexError):
        return []
    out = []
    for m in mentions:
        got_start, got_end = _day(m["value"].get("start")), _day(m["value"].get("end"))
        for start, end in options:
            want_start, want_end = _day(start), _day(end)
            if got_start and got_end and want_start and want_end:
                out.append((want_start, want_end, got_start, got_end))
    return out


def _week_apart(want: str, mentions: list[dict[str, Any]]) -> bool:
    return any(ws == we and gs == ge and abs((gs - ws).days) == 7 for ws, we, gs, ge in _spans(want, mentions))


def _period_edges(want: str, mentions: list[dict[str, Any]]) -> bool:
    return any(ws < we and gs < ge and (ws == gs) != (we == ge) and gs <= we and ws <= ge
               for ws, we, gs, ge in _spans(want, mentions))


def _range_midpoint(want: str, mentions: list[dict[str, Any]]) -> bool:
    """A quantity read as a range with no best, whose midpoint is the value the suite expects."""
    try:
        value = float(want.rsplit(" = ", 1)[1].split()[0])
    except (ValueError, IndexError):
        return False
    ranges = [m["value"] for m in mentions if m["kind"] == "quantity" and m["value"].get("best") is None
              and m["value"].get("low") is not None and m["value"].get("high") is not None]
    return any(abs((float(v["low"]) + float(v["high"])) / 2 - value) < 1e-6 * max(1.0, abs(value)) for v in ranges)


def _number_in_code(text: str, item: dict[str, Any], mentions: list[dict[str, Any]]) -> bool:
    """An expected count that stands inside a date mention or a code-like string (address, phone)."""
    inside_date = any(m["kind"] == "date" and m["start"] <= item["start"] and item["end"] <= m["end"] for m in mentions)
    inside_code = any(c.start() <= item["start"] and item["end"] <= c.end() for c in _CODE.finditer(text))
    return inside_date or inside_code


def classify(case: dict[str, Any], item: dict[str, Any], mentions: list[dict[str, Any]]) -> str:
    """The reading under which a missed item differs from the suite (see the module's docstring)."""
    near = [m for m in mentions if m.get("start", -1) < item["end"] and m.get("end", -1) > item["start"]]
    if "not resolv" in item["want"] and any(m["kind"] == "date" and m["value"].get("start") is None
                                            and m["value"].get("end") is None for m in near):
        return "unresolved-form"
    if case["suite"] in ("rt-date", "te3-date") and _exclusive_end(item["want"], near):
        return "exclusive-end"
    if case["suite"] in ("rt-date", "te3-date") and _week_apart(item["want"], near):
        return "week-apart"
    if case["suite"] in ("rt-date", "te3-date") and _period_edges(item["want"], near):
        return "period-edges"
    if case["suite"] == "q3-quantity" and _range_midpoint(item["want"], near):
        return "range-midpoint"
    if case["suite"] == "rt-number" and _number_in_code(case["text"], item, mentions):
        return "number-in-code"
    return "in scope"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.peer_conventions", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--list", type=int, default=0, help="list up to N in-scope misses per suite")
    args = p.parse_args(argv)
    try:
        peer = _shared_tool("peer_score")
    except Skip as why:
        print(f"skipped: {why}")
        return 0
    cases = peer.load_cases(str(SHARED / "peer"))
    lines = "".join(json.dumps({"text": c["text"], "reference": c["reference"]}) + "\n" for c in cases)
    out = subprocess.run([sys.executable, "-m", "checker", "normalize"], input=lines, capture_output=True,
                         text=True, check=True, cwd=Path(__file__).resolve().parent.parent).stdout.splitlines()
    items: Counter[str] = Counter()
    found: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = {}
    listed: dict[str, list[str]] = {}
    for case, line in zip(cases, out, strict=True):
        mentions = [m for m in json.loads(line)["mentions"] if isinstance(m.get("value"), dict)]
        for item in case["items"]:
            suite = case["suite"]
            items[suite] += 1
            if any(m["start"] < item["end"] and m["end"] > item["start"] and item["check"](m) for m in mentions):
                found[suite] += 1
                continue
            kind = classify(case, item, mentions)
            kinds.setdefault(suite, Counter())[kind] += 1
            if kind == "in scope" and len(listed.setdefault(suite, [])) < args.list:
                listed[suite].append(f"{case['text'][:90]!r} want {item['want'][:80]}")
    print(f"{'suite':14} {'items':>6} {'found':>6} {'scored':>7} {'conventions':>12} {'in scope':>9}  misses by reading")
    for suite in items:
        conventions = sum(n for k, n in kinds.get(suite, Counter()).items() if k != "in scope")
        scope = items[suite] - conventions
        by = ", ".join(f"{k} {n}" for k, n in sorted(kinds.get(suite, Counter()).items()))
        print(f"{suite:14} {items[suite]:6d} {found[suite]:6d} {found[suite] / items[suite]:7.3f} {conventions:12d} "
              f"{found[suite] / scope if scope else 1.0:9.3f}  {by}")
        for miss in listed.get(suite, []):
            print("   in scope:", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
