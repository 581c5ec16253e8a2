"""Configuration: ``checker.toml`` or ``[tool.checker]`` in ``pyproject.toml`` in, run options out.

Takes a config file (given, or found upward from a directory: the first
folder holding ``checker.toml``, or a ``pyproject.toml`` with a
``[tool.checker]`` table); gives a validated ``CheckerConfig`` and, with
``build_options``, the ``CheckOptions`` of a run: the rules (built-in,
declarative rule files, Python plugins and entry points), their settings,
the lexicon with its overlays, the matcher's threshold, the ignore file.
Paths in a config are relative to the file's folder. A mistake raises
``CheckerError`` (code ``config``) naming the file and the key.

    # checker.toml
    disable = ["CT08"]
    rule_files = ["rules/*.yml"]
    plugins = ["my_rules:StrikeCountRule"]
    lexicon = ["lexicon/aliases.yaml"]
    record = ["claims"]
    ignore_file = ".checkerignore"
    fail_on = "warning"

    [match]
    fuzzy_threshold = 90

    [rules.CT01]
    severity = "warning"
    options = { tolerance_rel = 0.05 }
"""

from __future__ import annotations

import glob
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import CheckerError
from .lexicon import Lexicon, load_lexicon
from .match import MatchSettings
from .models import RuleSetting
from .pipeline import CheckOptions
from .rules import Rule

CONFIG_NAMES = ("checker.toml", "pyproject.toml")


class MatchConfig(BaseModel):
    """The matcher's named thresholds that a config may set."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    fuzzy_threshold: float | None = Field(default=None, ge=0, le=100)


class CheckerConfig(BaseModel):
    """Everything a config file may say; unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    rules: dict[str, RuleSetting] = Field(default_factory=dict, description="settings per rule code or name")
    disable: list[str] = Field(default_factory=list, description="rule codes or names to turn off")
    enable: list[str] = Field(default_factory=list, description="rule codes or names to turn on (overrides disable)")
    rule_files: list[str] = Field(default_factory=list, description="declarative rule files (globs)")
    plugins: list[str] = Field(default_factory=list, description="Python rules: 'module:Class' or 'module'")
    entry_points: bool = Field(default=True, description="load rules installed under the checker.rules group")
    lexicon: list[str] = Field(default_factory=list, description="lexicon overlay files")
    record: list[str] = Field(default_factory=list, description="paths of the claim record")
    ignore_file: str | None = Field(default=None, description="finding fingerprints or rule + path globs to ignore")
    fail_on: Literal["error", "warning", "info", "never"] | None = None
    match: MatchConfig = Field(default_factory=MatchConfig)


class LoadedConfig(BaseModel):
    """A config and where it came from (``path`` None: no file, the defaults)."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)
    path: Path | None = None
    config: CheckerConfig = Field(default_factory=CheckerConfig)

    @property
    def base(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def resolve(self, name: str) -> Path:
        p = Path(name).expanduser()
        return p if p.is_absolute() else self.base / p

    def paths(self, names: list[str], key: str) -> list[Path]:
        """Paths of a list key; a glob that matches nothing is an error naming the key."""
        out: list[Path] = []
        for name in names:
            full = self.resolve(name)
            if glob.has_magic(str(full)):
                matches = sorted(Path(m) for m in glob.glob(str(full)))
                if not matches:
                    raise CheckerError("config", f"{key}: {name!r} matches no file", str(self.path))
                out.extend(matches)
            else:
                out.append(full)
        return out


def _table_of(path: Path) -> dict[str, Any] | None:
    """The checker table of a config file; None for a pyproject.toml without [tool.checker]."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CheckerError("config", f"cannot read config: {exc.strerror or exc}", str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise CheckerError("config", f"not valid TOML: {exc}", str(path)) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("checker")
        return table if isinstance(table, dict) else None
    return data


def find_config(start: Path | None = None) -> Path | None:
    """The nearest checker.toml, or pyproject.toml with [tool.checker], from ``start`` (the cwd) upward."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name == "checker.toml" or _table_of(candidate) is not None):
                return candidate
    return None


def load_config(path: Path | None = None, *, search_from: Path | None = None) -> LoadedConfig:
    """The config at ``path``, or the one found upward from ``search_from``; defaults when there is none."""
    if path is None:
        path = find_config(search_from)
        if path is None:
            return LoadedConfig()
    elif not path.is_file():
        raise CheckerError("config", "no such config file", str(path))
    table = _table_of(path)
    if table is None:
        raise CheckerError("config", "pyproject.toml has no [tool.checker] table", str(path))
    prefix = "tool.checker." if path.name == "pyproject.toml" else ""
    try:
        config = CheckerConfig.model_validate(table)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = prefix + ".".join(str(p) for p in first["loc"])
        what = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
        raise CheckerError("config", f"{key}: {what}", str(path)) from None
    return LoadedConfig(path=path, config=config)


def rule_settings(loaded: LoadedConfig, file_settings: dict[str, RuleSetting] | None = None,
                  codes: dict[str, str] | None = None) -> dict[str, RuleSetting]:
    """Settings per rule code: those of rule files, then the config's ``rules``, ``disable`` and ``enable``.

    ``codes`` maps rule names to codes so that a setting by name and one by code
    merge into one (the later wins field by field), whichever spelling is used.
    """
    codes = codes or {}
    settings: dict[str, RuleSetting] = {}

    def merge(key: str, update: dict[str, object]) -> None:
        code = codes.get(key, key)
        old = settings.get(code, RuleSetting())
        if "options" in update:
            update = {**update, "options": {**old.options, **update["options"]}}  # type: ignore[dict-item]
        settings[code] = old.model_copy(update=update)

    for source in (file_settings or {}, loaded.config.rules):
        for key, setting in source.items():
            merge(key, setting.model_dump(exclude_unset=True))
    for key in loaded.config.disable:
        merge(key, {"enabled": False})
    for key in loaded.config.enable:
        merge(key, {"enabled": True})
    return settings


def match_settings(loaded: LoadedConfig, base: MatchSettings | None = None) -> MatchSettings:
    base = base or MatchSettings()
    if loaded.config.match.fuzzy_threshold is not None:
        return replace(base, fuzzy_threshold=loaded.config.match.fuzzy_threshold)
    return base


def lexicon_of(loaded: LoadedConfig) -> Lexicon:
    """The lexicon with the config's overlays (the cached built-in one when there are none)."""
    return load_lexicon(tuple(loaded.paths(loaded.config.lexicon, "lexicon")))


def check_rule_keys(settings: dict[str, RuleSetting], known: set[str], where: str | None) -> None:
    """A setting for a rule that does not exist is a typo: name it."""
    for key in settings:
        if key not in known:
            raise CheckerError("config", f"rules: no rule {key!r} (known: {', '.join(sorted(known))})", where)


def check_rule_options(settings: dict[str, RuleSetting], rules: dict[str, type[Rule]], where: str | None) -> None:
    """Options a rule does not take, or of another type than its default, are errors naming rule and option."""
    for code, setting in settings.items():
        defaults = rules[code].default_options
        for name, value in setting.options.items():
            if name not in defaults:
                known = ", ".join(sorted(defaults)) or "none"
                raise CheckerError("config", f"rules.{code}.options.{name}: unknown option (known: {known})", where)
            default = defaults[name]
            numeric = (int, float)
            same = isinstance(value, bool) == isinstance(default, bool) and (
                isinstance(value, numeric) and isinstance(default, numeric) or type(value) is type(default))
            if not same:
                raise CheckerError("config", f"rules.{code}.options.{name}: expected {type(default).__name__}, "
                                   f"got {value!r}", where)


def build_options(loaded: LoadedConfig, base: CheckOptions | None = None) -> CheckOptions:
    """The options of a run under a config: rules from every source, settings, lexicon, matcher, ignore file.

    Rule files may redefine a built-in declarative rule (same id: the user's copy
    replaces it); any other clash of codes is an error naming the file.
    """
    from .rules import builtin_rules
    from .rules.declarative import load_rules_file
    from .rules.plugins import load_plugins

    options = replace(base) if base is not None else CheckOptions()
    where = str(loaded.path) if loaded.path else None
    lexicon = lexicon_of(loaded)
    rules = {r.code: r for r in builtin_rules(lexicon)}
    file_settings: dict[str, RuleSetting] = {}
    for path in loaded.paths(loaded.config.rule_files, "rule_files"):
        defined, settings = load_rules_file(path, lexicon)
        for rule in defined:
            old = rules.get(rule.code)
            if old is not None and not (old.origin == "builtin" and hasattr(old, "definition")):
                raise CheckerError("rules", f"rule {rule.code}: id: already taken by {old.origin} rule {old.name}",
                                   str(path))
            rules[rule.code] = rule
        file_settings.update(settings)
    plugin_rules, errors = load_plugins(loaded.config.plugins, rules, loaded.config.entry_points)
    rules.update({r.code: r for r in plugin_rules})
    settings = rule_settings(loaded, file_settings, {r.name: r.code for r in rules.values()})
    check_rule_keys(settings, set(rules), where)
    check_rule_options(settings, rules, where)
    options.rules = sorted(rules.values(), key=lambda r: r.code)
    options.rule_settings = {**settings, **options.rule_settings}
    options.setup_errors = errors
    options.lexicon = lexicon
    options.match = match_settings(loaded, options.match)
    options.record = [loaded.resolve(p) for p in loaded.config.record]
    if loaded.config.ignore_file:
        options.ignore_file = loaded.resolve(loaded.config.ignore_file)
        if not options.ignore_file.is_file():
            raise CheckerError("config", f"ignore_file: no such file {loaded.config.ignore_file!r}", where)
    elif (loaded.base / ".checkerignore").is_file():
        options.ignore_file = loaded.base / ".checkerignore"
    return options
