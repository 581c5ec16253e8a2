"""The config file: where it is found, what it changes, and how its mistakes are named."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import WriteReports

from checker import CheckerError, check_files
from checker.config import build_options, find_config, load_config

MIDNIGHT = "The truce between the two armies takes effect at midnight Friday, officials said."


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_upward_checker_toml_before_pyproject(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) is None or not str(find_config(deep)).startswith(str(tmp_path))
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")  # no [tool.checker]: not a config
    assert find_config(deep) is None or not str(find_config(deep)).startswith(str(tmp_path))
    write(tmp_path / "a" / "pyproject.toml", "[tool.checker]\ndisable = ['CT08']\n")
    assert find_config(deep) == (tmp_path / "a" / "pyproject.toml").resolve()
    write(tmp_path / "a" / "checker.toml", "disable = []\n")
    assert find_config(deep) == (tmp_path / "a" / "checker.toml").resolve()


def test_found_from_the_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "checker.toml", "fail_on = 'warning'\n")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    loaded = load_config()
    assert loaded.path == (tmp_path / "checker.toml").resolve()
    assert loaded.config.fail_on == "warning"


@pytest.mark.parametrize(("text", "message"), [
    ("disabel = ['CT01']\n", "disabel: unknown key"),
    ("[rules.CT01]\nseverity = 'fatal'\n", "rules.CT01.severity: Input should be 'info', 'warning' or 'error'"),
    ("[rules.CT01]\noptions = { x = [1] }\n", "rules.CT01.options.x"),
    ("[match]\nfuzzy_threshold = 120\n", "match.fuzzy_threshold: Input should be less than or equal to 100"),
    ("fail_on = 'sometimes'\n", "fail_on: Input should be"),
    ("disable = [\n", "not valid TOML"),
])
def test_bad_config_names_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "checker.toml", text)
    with pytest.raises(CheckerError) as info:
        load_config(path)
    assert info.value.code == "config"
    assert info.value.path == str(path)
    assert message in info.value.message


def test_pyproject_keys_are_named_with_their_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.checker]\nrule_file = []\n")
    with pytest.raises(CheckerError, match=r"tool\.checker\.rule_file: unknown key"):
        load_config(path)


def test_setting_for_an_unknown_rule_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "checker.toml", "[rules.CT99]\nenabled = false\n")
    with pytest.raises(CheckerError, match=r"rules: no rule 'CT99'") as info:
        build_options(load_config(path))
    assert info.value.path == str(path)


@pytest.mark.parametrize(("text", "message"), [
    ("[rules.CT01.options]\nhedge_scal = 0.5\n", "rules.CT01.options.hedge_scal: unknown option (known: hedge_scale, "),
    ("[rules.count-mismatch.options]\nhedge_scale = 'half'\n", "rules.CT01.options.hedge_scale: expected float, got 'half'"),
    ("[rules.CT01.options]\nlabel_updates = 1\n", "rules.CT01.options.label_updates: expected bool, got 1"),
    ("[rules.CT08.options]\nx = 1\n", "rules.CT08.options.x: unknown option (known: none)"),
])
def test_rule_options_are_checked(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "checker.toml", text)
    with pytest.raises(CheckerError) as info:
        build_options(load_config(path))
    assert message in info.value.message and info.value.path == str(path)
    write(path, "[rules.CT01.options]\nhedge_scale = 1\ntolerance_abs = 2.5\n")  # ints and floats mix
    assert build_options(load_config(path)).rule_settings["CT01"].options == {"hedge_scale": 1, "tolerance_abs": 2.5}


def test_missing_paths_are_errors(tmp_path: Path) -> None:
    path = write(tmp_path / "checker.toml", "rule_files = ['rules/*.yml']\n")
    with pytest.raises(CheckerError, match=r"rule_files: 'rules/\*.yml' matches no file"):
        build_options(load_config(path))
    with pytest.raises(CheckerError, match="no such config file"):
        load_config(tmp_path / "nothere.toml")


def test_disable_severity_and_threshold_change_the_run(tmp_path: Path, write_reports: WriteReports) -> None:
    reports = [str(p) for p in write_reports([MIDNIGHT])]
    default = check_files(reports, build_options(load_config(search_from=tmp_path)))
    assert [(f.code, f.severity.value) for f in default.findings] == [("CT08", "info")]

    path = write(tmp_path / "cfg" / "checker.toml", "[rules.ambiguous-midnight]\nseverity = 'warning'\n"
                 "[match]\nfuzzy_threshold = 95\n")
    options = build_options(load_config(path))
    assert options.match.fuzzy_threshold == 95
    assert [(f.code, f.severity.value) for f in check_files(reports, options).findings] == [("CT08", "warning")]

    write(path, "disable = ['CT08']\n")
    assert check_files(reports, build_options(load_config(path))).findings == []
    write(path, "disable = ['CT08']\nenable = ['ambiguous-midnight']\n")
    assert len(check_files(reports, build_options(load_config(path))).findings) == 1


def test_lexicon_overlay_and_record_paths_are_kept(tmp_path: Path) -> None:
    write(tmp_path / "lex" / "extra.yaml", "claims:\n  actor_aliases:\n    government: [junta]\n")
    path = write(tmp_path / "checker.toml", "lexicon = ['lex/extra.yaml']\nrecord = ['record/claims.json']\n")
    loaded = load_config(path)
    options = build_options(loaded)
    assert options.lexicon is not None and options.lexicon.actor_alias["junta"] == "government"
    assert options.record == [tmp_path / "record" / "claims.json"]


def test_bad_config_on_the_command_line_is_one_line_and_exit_2(tmp_path: Path, write_reports: WriteReports,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    from checker.cli import main

    path = write(tmp_path / "checker.toml", "[rules.CT01]\nseverty = 'info'\n")
    report = str(write_reports([MIDNIGHT])[0])
    assert main(["check", report, "--config", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"{path}: error [config]: rules.CT01.severty: unknown key\n"


def test_fail_on_from_config_unless_given(tmp_path: Path, write_reports: WriteReports,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from checker.cli import main

    report = str(write_reports([MIDNIGHT])[0])  # one info finding (CT08), no conflict
    path = write(tmp_path / "checker.toml", "fail_on = 'info'\n")
    assert main(["check", report, "--config", str(path)]) == 1
    assert main(["check", report, "--config", str(path), "--fail-on", "warning"]) == 0
    write(path, "fail_on = 'warning'\n")
    assert main(["check", report, "--config", str(path)]) == 0
    capsys.readouterr()


def test_lexicon_overlay_reaches_extract_and_explain(tmp_path: Path, write_reports: WriteReports,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from checker.cli import main

    write(tmp_path / "extra.yaml", "claims:\n  actor_aliases:\n    government: [tatmadaw]\n")
    path = write(tmp_path / "checker.toml", "lexicon = ['extra.yaml']\n")
    sentence = "Rebels killed 15 Tatmadaw soldiers in an ambush near Ariha on Monday."
    assert main(["explain", sentence, "--config", str(path)]) == 0
    assert "actors      ['government']" in capsys.readouterr().out
    assert main(["explain", sentence]) == 0
    assert "actors      ['government']" not in capsys.readouterr().out
    report = str(write_reports([sentence])[0])
    assert main(["extract", report, "--format", "json", "--config", str(path)]) == 0
    assert '"government"' in capsys.readouterr().out


def test_the_readme_config_example_is_a_valid_config() -> None:
    import re
    import tomllib

    from conftest import ROOT

    from checker.config import CheckerConfig

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", readme, re.DOTALL)
    assert block is not None, "README has a checker.toml example"
    config = CheckerConfig.model_validate(tomllib.loads(block.group(1)))
    assert config.rules["CT01"].options == {"hedge_scale": 0.5, "tolerance_rel": 0.02}
