"""The example CI workflow: valid YAML, and every checker command in it parses with the real CLI."""

from __future__ import annotations

import shlex

import pytest
import yaml
from conftest import ROOT

from checker.cli import _parser

WORKFLOW = ROOT / "examples" / "ci" / "github-workflow.yml"


def _checker_commands() -> list[list[str]]:
    document = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    commands: list[list[str]] = []
    for job in document["jobs"].values():
        for step in job["steps"]:
            for line in str(step.get("run", "")).splitlines():
                if "checker " in line and "pip install" not in line:
                    words = shlex.split(line[line.index("checker "):].split("<")[0])
                    commands.append(words[1:] + ["articles/new.md"])  # xargs appends the changed files
    return commands


def test_workflow_runs_check_and_record_with_options_the_cli_accepts() -> None:
    commands = _checker_commands()
    assert {c[0] for c in commands} == {"check", "record"}
    for argv in commands:
        try:
            args = _parser().parse_args(argv)
        except SystemExit:
            pytest.fail(f"the workflow's `checker {' '.join(argv)}` does not parse")
        if args.command == "check":
            assert args.against == "claims/" and args.format in ("github", "sarif")
