"""JSON Schemas of the data contract, generated from the pydantic models.

Run ``python -m checker.schema`` to (re)write ``schemas/*.json`` from
:mod:`checker.models`; ``python -m checker.schema --check`` writes nothing and
exits 1 naming every file that differs from what the models give (a test does
the same, so schemas on disk never drift from the models).

Output is deterministic (sorted keys, two-space indent, trailing newline) so
that regenerating without a model change is a no-op in version control.
Schemas are draft 2020-12 and describe what the models *accept* (pydantic's
validation mode): every document checker writes validates against them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from .models import SCHEMA_VERSION, Claim, ClaimsFile, Finding, FindingsDocument, Report, RulesConfig

__all__ = ["SCHEMA_DIALECT", "SCHEMA_DIR", "check_schemas", "generate_schemas", "main", "schema_id", "write_schemas"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# Where the schemas live in the source tree: schemas/ beside the package.
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
_ID_BASE = "urn:checker:schema"


def schema_id(filename: str) -> str:
    """A stable absolute URI for one schema file, carrying the data-contract version."""
    return f"{_ID_BASE}:{SCHEMA_VERSION}:{filename}"


def _model(model: type[BaseModel]) -> Callable[[], dict[str, Any]]:
    return lambda: model.model_json_schema()


def _claim() -> dict[str, Any]:
    schema = TypeAdapter(Claim).json_schema()
    schema.setdefault("title", "Claim")
    schema.setdefault("description", "One claim: a count or quantity (CountClaim) or a date (DateClaim), tagged by kind.")
    return schema


# file name -> how to build its schema; the order is the order files are reported in.
_SOURCES: dict[str, Callable[[], dict[str, Any]]] = {
    "report.schema.json": _model(Report),
    "claim.schema.json": _claim,
    "finding.schema.json": _model(Finding),
    "findings.schema.json": _model(FindingsDocument),
    "claims-file.schema.json": _model(ClaimsFile),
    "rules.schema.json": _model(RulesConfig),
}


def generate_schemas() -> dict[str, str]:
    """Every schema file's name and its exact text, as it should be on disk."""
    out: dict[str, str] = {}
    for filename, build in _SOURCES.items():
        schema = build()
        schema["$schema"] = SCHEMA_DIALECT
        schema["$id"] = schema_id(filename)
        out[filename] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return out


def check_schemas(directory: Path = SCHEMA_DIR) -> list[str]:
    """Names of the schema files in ``directory`` that are missing or differ from the models."""
    stale: list[str] = []
    for filename, text in generate_schemas().items():
        path = directory / filename
        try:
            on_disk = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            on_disk = None
        if on_disk != text:
            stale.append(filename)
    return stale


def write_schemas(directory: Path = SCHEMA_DIR) -> list[str]:
    """Write every schema file whose text changed; the names of those written."""
    directory.mkdir(parents=True, exist_ok=True)
    generated = generate_schemas()
    written: list[str] = []
    for filename in check_schemas(directory):
        (directory / filename).write_text(generated[filename], encoding="utf-8")
        written.append(filename)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.schema", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if any schema file differs")
    parser.add_argument("--dir", type=Path, default=SCHEMA_DIR, help=f"schema folder (default: {SCHEMA_DIR})")
    args = parser.parse_args(argv)
    if args.check:
        stale = check_schemas(args.dir)
        for filename in stale:
            print(f"{args.dir / filename}: differs from the models; run `python -m checker.schema`", file=sys.stderr)
        return 1 if stale else 0
    for filename in write_schemas(args.dir):
        print(f"wrote {args.dir / filename}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
