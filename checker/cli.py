"""The command line: a thin layer that parses arguments, calls the library and renders.

Exit codes, as linters use them: 0 no finding at or above ``--fail-on``,
1 findings at or above it, 2 bad usage or unreadable input (the readable
reports are still checked and their findings still printed).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from . import __version__
from .errors import CheckerError
from .lexicon import default_lexicon
from .models import FindingsDocument, Severity
from .normalize import normalize_text
from .parallel import default_jobs
from .pipeline import CheckOptions, check_files, extract_files
from .read import DEFAULT_MAX_BYTES
from .report import json_format, text_format

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

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders; - reads stdin")
        sp.add_argument("--format", choices=["text", "json"], default="text")
        sp.add_argument("--published", type=_iso_date, help="publication date for reports that have none")
        sp.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest report read (bytes)")
        sp.add_argument("--jobs", type=int, default=default_jobs(), help="processes for extraction (default: all cores)")
        sp.add_argument("--engine", choices=["local", "dask"], default="local",
                        help="dask: extract and match on a Dask cluster (pip install 'checker[dask]')")
        sp.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786 (default: a local cluster)")

    c = sub.add_parser("check", help="extract claims and flag the conflicts between them")
    common(c)
    c.add_argument("--fail-on", choices=["error", "warning", "info", "never"], default="error",
                   help="lowest severity that makes the exit code 1 (default: error)")
    c.add_argument("--show-claims", action="store_true", help="list every claim before the findings (text)")
    e = sub.add_parser("extract", help="print the claims of reports")
    common(e)
    n = sub.add_parser("normalize", help="show how numbers, quantities and dates in text are read")
    n.add_argument("text", nargs="?", help="text to read; without it, JSON lines on stdin")
    n.add_argument("--reference", type=_iso_date, help="reference date for relative dates (YYYY-MM-DD)")
    return p


def _errors_to_stderr(document: FindingsDocument) -> None:
    for err in document.errors:
        where = err.path + (f":{err.line}" if err.line else "")
        print(f"{where}: error [{err.code}]: {err.message}", file=sys.stderr)


def _render(document: FindingsDocument, fmt: str, show_claims: bool) -> str:
    if fmt == "json":
        return json_format.render(document)
    return text_format.render(document, show_claims=show_claims)


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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "normalize":
            return _normalize(args)
        options = CheckOptions(published=args.published, max_bytes=args.max_bytes, jobs=max(1, args.jobs),
                               engine=args.engine, scheduler=args.scheduler)
        if "-" in args.paths:
            options.stdin_text = sys.stdin.read()
        if args.command == "extract":
            document = extract_files(args.paths, options)
        else:
            document = check_files(args.paths, options)
    except CheckerError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    _errors_to_stderr(document)
    sys.stdout.write(_render(document, args.format, getattr(args, "show_claims", False) or args.command == "extract"))
    if document.errors:
        return EXIT_USAGE
    if args.command == "check" and args.fail_on != "never":
        threshold = Severity(args.fail_on).rank
        if any(f.severity.rank >= threshold for f in document.conflicts + document.findings):
            return EXIT_FINDINGS
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
