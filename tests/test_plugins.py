"""Python rules from outside the package: a real entry point, a config spec, a broken plugin.

The entry point is real: a ``*.dist-info`` folder with ``entry_points.txt``
in a temporary folder on ``sys.path`` is what ``pip install`` would leave,
and ``importlib.metadata`` discovers it the same way.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest
from conftest import WriteReports

from checker import check_files
from checker.cli import main
from checker.config import build_options, load_config
from checker.rules.plugins import ENTRY_POINT_GROUP, load_plugins

PLUGIN_SOURCE = Path(__file__).parent / "plugins" / "round_figures.py"


def install_fake_distribution(site: Path, entry_points: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> str:
    """Copy the plugin module under a unique name into ``site`` with a dist-info naming its entry points."""
    module = f"round_figures_{uuid.uuid4().hex[:8]}"
    shutil.copy(PLUGIN_SOURCE, site / f"{module}.py")
    dist = site / f"{module}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n", encoding="utf-8")
    lines = [f"[{ENTRY_POINT_GROUP}]"] + [f"{name} = {value.format(module=module)}" for name, value in entry_points.items()]
    (dist / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    return module


@pytest.fixture
def site(tmp_path: Path) -> Path:
    path = tmp_path / "site"
    path.mkdir()
    return path


def test_entry_point_rule_is_discovered_and_fires(site: Path, write_reports: WriteReports,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    module = install_fake_distribution(site, {"round": "{module}:RoundFigure"}, monkeypatch)
    rules, errors = load_plugins([])
    assert errors == []
    assert [(r.code, r.origin) for r in rules] == [("XY01", f"entry point round = {module}:RoundFigure")]

    paths = write_reports(["The flood in the valley on Monday killed 200 people, officials said."])
    document = check_files([str(p) for p in paths], build_options(load_config(search_from=site)))
    found = [f for f in document.findings if f.code == "XY01"]
    assert [(f.rule, f.severity.value, f.threshold) for f in found] == [("round-figure", "info", "step=100")]
    assert document.conflicts == []


def test_broken_entry_points_are_reported_and_skipped(site: Path, write_reports: WriteReports,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_distribution(site, {"good": "{module}:RoundFigure", "bad": "{module}:Broken",
                                     "missing": "no_such_module_xyz:Rule"}, monkeypatch)
    rules, errors = load_plugins([])
    assert [r.code for r in rules] == ["XY01"]
    assert sorted(e.path.split(" = ")[0] for e in errors) == ["entry point bad", "entry point missing"]
    assert all(e.code == "plugin" for e in errors)
    assert "is not a rule code" in next(e.message for e in errors if "bad" in e.path)
    assert "ModuleNotFoundError" in next(e.message for e in errors if "missing" in e.path)

    # the run goes on: the good plugin and the built-ins still judge, the failures are input errors
    options = build_options(load_config(search_from=site))
    paths = write_reports(["The flood in the valley on Monday killed 200 people, officials said."])
    document = check_files([str(p) for p in paths], options)
    assert [f.code for f in document.findings] == ["XY01"]
    assert len(document.errors) == 2


def test_plugin_named_in_config_and_entry_points_turned_off(site: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    module = install_fake_distribution(site, {"round": "{module}:Broken"}, monkeypatch)
    config = tmp_path / "checker.toml"
    config.write_text(f'plugins = ["{module}:RoundFigure"]\nentry_points = false\n'
                      '[rules.round-figure]\noptions = {{ step = 50 }}\n'.replace("{{", "{").replace("}}", "}"),
                      encoding="utf-8")
    options = build_options(load_config(config))
    assert options.setup_errors == []  # the broken entry point was not loaded
    assert "XY01" in [r.code for r in options.rules or []]
    assert main(["rules", "XY01", "--config", str(config)]) == 0
    page = capsys.readouterr().out
    assert page.startswith("XY01 round-figure") and "step=50" in page and f"plugin {module}:RoundFigure" in page


def test_config_plugin_that_cannot_load_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "checker.toml"
    config.write_text('plugins = ["no_such_plugin_abc:Rule"]\nentry_points = false\n', encoding="utf-8")
    assert main(["rules", "--config", str(config)]) == 2
    out, err = capsys.readouterr()
    assert "CT01" in out
    assert err.strip().splitlines() == [
        ("plugin no_such_plugin_abc:Rule: error [plugin]: cannot load: ModuleNotFoundError: "
         "No module named 'no_such_plugin_abc'")]



def test_a_rule_that_raises_is_reported_and_the_others_still_run(write_reports: WriteReports) -> None:
    from collections.abc import Iterator

    from checker import CheckOptions, Rule
    from checker.match import Group
    from checker.models import Claim, Finding
    from checker.rules import RuleContext, builtin_rules

    class Raises(Rule):
        """Always fails."""

        code = "XY02"
        name = "always-fails"

        def evaluate_claims(self, claims: list[Claim], groups: list[Group], context: RuleContext) -> Iterator[Finding]:
            raise ValueError("boom")

    paths = write_reports(["The truce between the two armies takes effect at midnight Friday, officials said."])
    document = check_files([str(p) for p in paths], CheckOptions(rules=[*builtin_rules(), Raises]))
    assert [(f.code, f.rule) for f in document.findings] == [("CT08", "ambiguous-midnight"), ("CT00", "rule-error")]
    assert document.findings[1].message == "rule XY02 failed on the claims: ValueError: boom"
