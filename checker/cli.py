"""The command line: a thin layer that parses arguments, calls the library and renders.

Exit codes, as linters use them: 0 no finding at or above ``--fail-on``,
1 findings at or above it, 2 bad usage or unreadable input (the readable
reports are still checked and their findings still printed).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from . import __version__
from .config import build_options, load_config
from .errors import CheckerError
from .explain import explain_judgement, explain_sentence, render_explanation, render_judgement
from .lexicon import default_lexicon
from .models import ClaimStatus, FindingsDocument, Severity
from .normalize import normalize_text
from .parallel import default_jobs
from .pipeline import CheckOptions, check_files, extract_files
from .read import DEFAULT_MAX_BYTES
from .report import json_format, text_format
from .rules.docs import find_rule, rule_list, rule_page, rule_record
from .record import check_against, record_paths, store
from .review import read_draft, review_report
from .report import github_format, html_format, junit_format, review_text_format, sarif_format
from .report.progress import ProgressBar

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _iso_date(value: str) -> str:
    try:
        return date.fromisoformat(value[:10]).isoformat() if len(value) <= 10 else value
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="checker", description="Fact-consistency checker for news reports.")
    p.add_argument("--version", action="version", version=f"checker {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp: argparse.ArgumentParser, formats: tuple[str, ...] = ("text", "json"), nargs: str = "+") -> None:
        sp.add_argument("paths", nargs=nargs, metavar="PATH", help="report files or folders; - reads stdin")
        sp.add_argument("--format", choices=formats, default="text")
        sp.add_argument("--published", type=_iso_date, help="publication date for reports that have none")
        sp.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest report read (bytes)")
        sp.add_argument("--jobs", type=int, default=default_jobs(), help="processes for extraction (default: all cores)")
        sp.add_argument("--engine", choices=["local", "dask"], default="local",
                        help="dask: extract and match on a Dask cluster (pip install 'checker[dask]')")
        sp.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786 (default: a local cluster)")

    c = sub.add_parser("check", help="extract claims and flag the conflicts between them")
    common(c, ("text", "json", "sarif", "github", "junit"))
    c.add_argument("--against", metavar="DIR", help="also check against the claims on record in DIR (e.g. claims/)")
    c.add_argument("--fail-on", choices=["error", "warning", "info", "never"], default=None,
                   help="lowest severity that makes the exit code 1 (default: the config's fail_on, else error)")
    c.add_argument("--show-claims", action="store_true", help="list every claim before the findings (text)")
    _rules_options(c, sub)
    e = sub.add_parser("extract", help="print the claims of reports")
    common(e)
    e.add_argument("--config", type=Path, help="checker.toml or pyproject.toml (its lexicon overlays apply)")
    r = sub.add_parser("record", help="put reports' claims on record (idempotent), remove them or set a status")
    common(r, nargs="*")
    r.add_argument("--record", metavar="DIR", default="claims", help="the record folder (default: claims)")
    r.add_argument("--remove", metavar="ID", action="append", default=[],
                   help="take a report (report id) or one claim (claim id or fingerprint) off the record")
    r.add_argument("--set-status", nargs=2, metavar=("STATUS", "ID"), action="append", default=[],
                   help="give a report's claims or one claim a status: reported, confirmed, disputed, retracted")
    v = sub.add_parser("review", help="an editor's pre-publication check of one draft against the record")
    v.add_argument("draft", metavar="DRAFT", help="the draft report (.md, .txt, .html, .json)")
    v.add_argument("--against", metavar="DIR", default="claims", help="the record folder (default: claims)")
    v.add_argument("--html", metavar="FILE", help="write a self-contained HTML report to FILE")
    v.add_argument("--published", type=_iso_date, help="the draft's publication date if it has none (default: today)")
    v.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest draft read (bytes)")
    s = sub.add_parser("serve", help="a local page where an editor pastes a draft and sees the review (extra: web)")
    s.add_argument("--record", metavar="DIR", action="append", default=[],
                   help="a record folder the page offers (repeatable; default: claims)")
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    s.add_argument("--port", type=int, default=8765)
    s.add_argument("--max-upload", type=int, default=1_000_000, help="largest draft accepted (bytes)")
    n = sub.add_parser("normalize", help="show how numbers, quantities and dates in text are read")
    n.add_argument("text", nargs="?", help="text to read; without it, JSON lines on stdin")
    n.add_argument("--reference", type=_iso_date, help="reference date for relative dates (YYYY-MM-DD)")
    return p


def _rules_options(c: argparse.ArgumentParser, sub: Any) -> None:
    """Options and subcommands of the rule engine: config, baseline, suppressions, rules, explain."""
    c.add_argument("--config", type=Path, help="checker.toml or pyproject.toml (default: found upward from the cwd)")
    c.add_argument("--baseline", type=Path, help="a previous JSON findings document: report only new findings")
    c.add_argument("--show-suppressed", action="store_true", help="list suppressed findings too")
    r = sub.add_parser("rules", help="list the rules, or print one rule's documentation")
    r.add_argument("rule", nargs="?", metavar="ID", help="rule code or name")
    r.add_argument("--format", choices=["text", "json"], default="text")
    r.add_argument("--config", type=Path, help="checker.toml or pyproject.toml (default: found upward from the cwd)")
    x = sub.add_parser("explain", help="show how a sentence is read; with several, how they are matched and judged")
    x.add_argument("texts", nargs="+", metavar="TEXT", help="a sentence; several are read as one report each")
    x.add_argument("--published", type=_iso_date, help="publication date relative dates resolve against")
    x.add_argument("--config", type=Path, help="checker.toml or pyproject.toml (default: found upward from the cwd)")


def _check_options(args: argparse.Namespace) -> CheckOptions:
    loaded = load_config(getattr(args, "config", None))
    options = build_options(loaded, CheckOptions(published=args.published, max_bytes=args.max_bytes))
    options.baseline = getattr(args, "baseline", None)
    if getattr(args, "fail_on", "") is None:
        args.fail_on = loaded.config.fail_on or "error"
    return options


def _rules_command(args: argparse.Namespace) -> int:
    options = build_options(load_config(args.config))
    rules = options.rules or []
    settings = options.rule_settings
    if args.format == "json":
        chosen = [find_rule(rules, args.rule)] if args.rule else rules
        sys.stdout.write(json.dumps([rule_record(r, settings.get(r.code)) for r in chosen], indent=2) + "\n")
    elif args.rule:
        rule = find_rule(rules, args.rule)
        sys.stdout.write(rule_page(rule, settings.get(rule.code)))  # build_options keys settings by code
    else:
        sys.stdout.write(rule_list(rules, settings))
    for err in options.setup_errors:
        print(f"{err.path}: error [{err.code}]: {err.message}", file=sys.stderr)
    return EXIT_USAGE if options.setup_errors else EXIT_OK


def _explain_command(args: argparse.Namespace) -> int:
    options = build_options(load_config(args.config))
    if len(args.texts) == 1:
        text = args.texts[0]
        rows = explain_sentence(text, args.published, options.lexicon)
        sys.stdout.write(render_explanation(text, rows, args.published))
    else:
        sys.stdout.write(render_judgement(*explain_judgement(args.texts, args.published, options)))
    return EXIT_OK


def _errors_to_stderr(document: FindingsDocument) -> None:
    for err in document.errors:
        where = err.path + (f":{err.line}" if err.line else "")
        print(f"{where}: error [{err.code}]: {err.message}", file=sys.stderr)


def _render(document: FindingsDocument, fmt: str, show_claims: bool, fail_on: str = "error") -> str:
    if fmt == "json":
        return json_format.render(document)
    if fmt == "sarif":
        return sarif_format.render(document)
    if fmt == "github":
        return github_format.render(document)
    if fmt == "junit":
        return junit_format.render(document, fail_on=fail_on)
    return text_format.render(document, show_claims=show_claims)


def _record(args: argparse.Namespace, options: CheckOptions) -> int:
    folder = Path(args.record)
    status = EXIT_OK
    for target in args.remove:
        try:
            change = store.remove(folder, target)
            print(f"removed {target} ({change.claims_removed} claims)")
        except CheckerError as exc:
            print(str(exc), file=sys.stderr)
            status = EXIT_USAGE
    for value, target in args.set_status:
        try:
            changed = store.set_status(folder, target, ClaimStatus(value))
            print(f"{target}: {changed} claim{'s' if changed != 1 else ''} now {value}")
        except ValueError:
            print(f"--set-status: {value!r} is not one of {', '.join(s.value for s in ClaimStatus)}", file=sys.stderr)
            status = EXIT_USAGE
        except CheckerError as exc:
            print(str(exc), file=sys.stderr)
            status = EXIT_USAGE
    if not args.paths:
        if not args.remove and not args.set_status:
            print("checker record: give reports to record, --remove ID or --set-status STATUS ID", file=sys.stderr)
            return EXIT_USAGE
        return status
    change, errors = record_paths(args.paths, folder, options)
    for err in errors:
        print(f"{err.path}{f':{err.line}' if err.line else ''}: error [{err.code}]: {err.message}", file=sys.stderr)
    for report_id, before, now in change.moved:
        print(f"{now}: warning [record]: report id {report_id!r} was on record from {before}; replaced "
              "(give each article its own id in its front matter)", file=sys.stderr)
    if args.format == "json":
        print(json.dumps({"record": str(folder), **asdict(change), "errors": [e.model_dump() for e in errors]}, indent=2))
    else:
        print(f"{folder}: {len(change.added)} reports added, {len(change.replaced)} replaced, "
              f"{len(change.unchanged)} unchanged; {change.claims_added} claims added, {change.claims_removed} removed")
    return EXIT_USAGE if errors else status


def _normalize(args: argparse.Namespace) -> int:
    lex = default_lexicon()
    if args.text is not None:
        ref = date.fromisoformat(args.reference[:10]) if args.reference else None
        for m in normalize_text(args.text, ref, lex):
            print(f"{m['start']}-{m['end']} {m['kind']:8} {m['text']!r} -> {json.dumps(m['value'])}")
        return EXIT_OK
    status = EXIT_OK
    for lineno, line in enumerate(sys.stdin, 1):
        line = line.strip()
        if not line:
            continue
        try:
            item = json.loads(line)
            ref_s = item.get("reference")
            ref = date.fromisoformat(ref_s[:10]) if ref_s else None
            mentions = normalize_text(str(item.get("text", "")), ref, lex)
            out = {"mentions": mentions}
        except (ValueError, AttributeError, TypeError) as exc:
            print(f"<stdin>:{lineno}: error [json]: {exc}", file=sys.stderr)
            out = {"mentions": [], "error": str(exc)}
            status = EXIT_USAGE
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()
    return status


def _review(args: argparse.Namespace) -> int:
    try:
        draft = read_draft(args.draft, published=args.published, max_bytes=args.max_bytes)
    except CheckerError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    result = review_report(draft, args.against)
    for err in result.errors:
        print(f"{err.path}{f':{err.line}' if err.line else ''}: error [{err.code}]: {err.message}", file=sys.stderr)
    if args.html:
        try:
            Path(args.html).write_text(html_format.render(result), encoding="utf-8")
        except OSError as exc:
            print(f"{args.html}: error [unwritable]: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_USAGE
    sys.stdout.write(review_text_format.render(result))
    if result.errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if result.count("conflict") else EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from .web import serve  # the web extra is optional; only this command needs it

    return serve(records=args.record or ["claims"], host=args.host, port=args.port, max_upload=args.max_upload)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "normalize":
            return _normalize(args)
        if args.command in ("rules", "explain"):
            return _rules_command(args) if args.command == "rules" else _explain_command(args)
        if args.command == "review":
            return _review(args)
        if args.command == "serve":
            return _serve(args)
        options = _check_options(args)
        options.progress = ProgressBar()
        options.jobs, options.engine, options.scheduler = max(1, args.jobs), args.engine, args.scheduler
        if "-" in args.paths:
            options.stdin_text = sys.stdin.read()
        if args.command == "record":
            return _record(args, options)
        if args.command == "extract":
            document = extract_files(args.paths, options)
        elif args.against or options.record:  # the config's `record` is the default record to check against
            document = check_against(args.paths, args.against or str(options.record[0]), options)
        else:
            document = check_files(args.paths, options)
    except CheckerError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    _errors_to_stderr(document)
    if not getattr(args, "show_suppressed", False):  # counted in the summary, listed only on request
        document = document.model_copy(update={"suppressed": []})
    sys.stdout.write(_render(document, args.format, getattr(args, "show_claims", False) or args.command == "extract",
                             getattr(args, "fail_on", None) or "error"))
    if document.errors:
        return EXIT_USAGE
    if args.command == "check" and args.fail_on != "never":
        threshold = Severity(args.fail_on).rank
        if any(f.severity.rank >= threshold for f in document.conflicts + document.findings):
            return EXIT_FINDINGS
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
