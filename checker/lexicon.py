"""Lexicons: the data files under ``checker/data/`` loaded once and shaped for lookup.

Takes nothing (or overlay files a user names); gives a frozen ``Lexicon`` whose
fields are plain dicts, tuples and compiled phrase tables. No word lists live in
code: every word checker reads is in a YAML file beside this package.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import CheckerError

DATA_FILES = ("numbers", "hedges", "vague", "units", "calendar", "claims")


def _load_yaml(name: str) -> dict[str, Any]:
    """A data file under ``checker/data/`` (a mapping), read afresh."""
    text = resources.files("checker").joinpath("data", f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise CheckerError("lexicon", f"data file {name}.yaml is not a mapping")
    return data


@cache
def data_file(name: str) -> dict[str, Any]:
    """A data file under ``checker/data/``, loaded once (the rules' tables; lexicons go through Lexicon)."""
    return _load_yaml(name)


def trie_alternation(phrases: Iterable[str], space: str, word_end: bool) -> str:
    """A regex alternation of phrases (lower-cased) that prefers the longest one.

    The phrases are folded into a trie ("seventy\\s+(?:eight|three|...)"), so the regex engine follows
    one branch per character instead of trying every phrase at every position: the word lists run to
    hundreds of phrases and are scanned over every sentence. A space in a phrase matches ``space``;
    with ``word_end`` a phrase that ends in a letter or digit must end a word.
    """
    trie: dict[str, Any] = {}
    for phrase in {" ".join(str(p).lower().split()) for p in phrases}:
        if not phrase:
            continue
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = phrase[-1].isalnum()  # a phrase ends here (and whether it must end a word)

    def emit(node: dict[str, Any]) -> str:
        branches = [(space if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:  # the longer phrases first, then the one that ends here
            branches.append(r"\b" if word_end and node[""] else "")
        if not branches:
            return ""
        if len(branches) == 1:
            return branches[0]
        if branches[-1] == "" and "" in node:
            return "(?:" + "|".join(branches[:-1]) + ")?"
        return "(?:" + "|".join(branches) + ")"

    return emit(trie)


def phrase_pattern(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One regex that finds any of the phrases as whole words, longest first, case-insensitively."""
    parts = [p.strip() for p in phrases if p.strip()]
    words = trie_alternation((p for p in parts if p[0].isalnum()), r"\s+", word_end=True)
    others = trie_alternation((p for p in parts if not p[0].isalnum()), r"\s+", word_end=True)
    alternatives = ([rf"\b{words}"] if words else []) + ([others] if others else [])
    return re.compile("|".join(alternatives) if alternatives else r"(?!x)x", re.IGNORECASE)


_VOWELS = frozenset("aeiou")


def _doubles_final_consonant(verb: str) -> bool:
    """"top" -> "topped": one syllable ending consonant-vowel-consonant doubles its last letter
    ("pass", "exceed", "soar" do not)."""
    if len(verb) < 3 or verb[-1] in _VOWELS or verb[-1] in "wxy":
        return False
    vowel_groups = re.findall(r"[aeiou]+", verb)
    return len(vowel_groups) == 1 and verb[-2] in _VOWELS and verb[-3] not in _VOWELS


def verb_inflections(verb: str) -> tuple[str, str, str, str]:
    """A regular English verb's base, third person, past (and participle) and -ing forms, by the spelling
    rules: "pass" -> passes, passed, passing; "top" -> tops, topped, topping; "edge" -> edges, edged, edging."""
    v = verb.lower()
    consonant_y = v.endswith("y") and len(v) > 1 and v[-2] not in _VOWELS
    if v.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = v + "es"
    elif consonant_y:
        third = v[:-1] + "ies"
    else:
        third = v + "s"
    stem = v + v[-1] if _doubles_final_consonant(v) else v
    if v.endswith("e"):
        past, ing = v + "d", (v[:-2] + "ying" if v.endswith("ie") else v + "ing" if v.endswith("ee") else v[:-1] + "ing")
    elif consonant_y:
        past, ing = v[:-1] + "ied", v + "ing"
    else:
        past, ing = stem + "ed", stem + "ing"
    return v, third, past, ing


def verb_phrase_forms(phrase: str, irregular: dict[str, list[str]]) -> list[str]:
    """Every form of a verb phrase, its first word inflected and the rest kept ("climb past" -> "climbs past",
    "climbed past", ...); an irregular verb takes its forms from the table ("rise": rises, rose, risen, rising)."""
    verb, *rest = phrase.lower().split()
    forms = [verb, *irregular[verb]] if verb in irregular else list(verb_inflections(verb))
    tail = " ".join(rest)
    return list(dict.fromkeys(f"{form} {tail}".strip() for form in forms))


@dataclass(frozen=True, eq=False)  # hashed by identity: readers are cached per lexicon
class Lexicon:
    """Every word table checker uses, loaded from data files."""

    raw: dict[str, dict[str, Any]]
    unit_names: dict[str, str] = field(default_factory=dict)  # lower-case name -> canonical symbol
    unit_info: dict[str, dict[str, Any]] = field(default_factory=dict)  # symbol -> {dimension, to_base, offset}
    month_names: dict[str, int] = field(default_factory=dict)
    weekday_names: dict[str, int] = field(default_factory=dict)
    word_measures: dict[str, str] = field(default_factory=dict)  # phrase -> measure
    measure_kinds: dict[str, str] = field(default_factory=dict)
    event_words: dict[str, str] = field(default_factory=dict)  # phrase -> canonical event
    subject_alias: dict[str, str] = field(default_factory=dict)
    actor_alias: dict[str, str] = field(default_factory=dict)

    @property
    def numbers(self) -> dict[str, Any]:
        return self.raw["numbers"]

    @property
    def hedges(self) -> dict[str, Any]:
        return self.raw["hedges"]

    @property
    def vague(self) -> dict[str, Any]:
        return self.raw["vague"]["vague"]

    @property
    def units(self) -> dict[str, Any]:
        return self.raw["units"]

    @property
    def calendar(self) -> dict[str, Any]:
        return self.raw["calendar"]

    @property
    def claims(self) -> dict[str, Any]:
        return self.raw["claims"]


def _merge(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """Overlay files extend lists and mappings rather than replace them."""
    out = dict(base)
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = list(out[key]) + [v for v in value if v not in out[key]]
        else:
            out[key] = value
    return out


def build_lexicon(raw: dict[str, dict[str, Any]]) -> Lexicon:
    unit_names: dict[str, str] = {}
    unit_info: dict[str, dict[str, Any]] = {}
    for symbol, info in raw["units"]["units"].items():
        unit_info[str(symbol)] = {"dimension": info["dimension"], "to_base": float(info["to_base"]),
                                  "offset": float(info.get("offset", 0.0))}
        for name in info["names"]:
            unit_names[str(name).lower()] = str(symbol)
    month_names = {str(n).lower(): int(m) for m, names in raw["calendar"]["months"].items() for n in names}
    weekday_names = {str(n).lower(): int(d) for d, names in raw["calendar"]["weekdays"].items() for n in names}
    word_measures: dict[str, str] = {}
    measure_kinds: dict[str, str] = {}
    for measure, info in raw["claims"]["measures"].items():
        measure_kinds[measure] = info["kind"]
        for w in info["words"]:
            word_measures.setdefault(str(w).lower(), measure)
    event_words = {str(w).lower(): ev for ev, words in raw["claims"]["events"].items() for w in words}
    guarded = raw["claims"].get("guarded_event_words", {})
    event_words.update({str(w).lower(): str(g["event"]) for w, g in guarded.items()})
    subject_alias = {str(w).lower(): canon for canon, words in raw["claims"]["subject_aliases"].items() for w in words}
    actor_alias = {str(w).lower(): canon for canon, words in raw["claims"]["actor_aliases"].items() for w in words}
    return Lexicon(
        raw=raw,
        unit_names=unit_names,
        unit_info=unit_info,
        month_names=month_names,
        weekday_names=weekday_names,
        word_measures=word_measures,
        measure_kinds=measure_kinds,
        event_words=event_words,
        subject_alias=subject_alias,
        actor_alias=actor_alias,
    )


@cache
def default_lexicon() -> Lexicon:
    """The built-in lexicon, loaded once per process."""
    return build_lexicon({name: _load_yaml(name) for name in DATA_FILES})


def load_lexicon(overlays: tuple[Path, ...] = ()) -> Lexicon:
    """The built-in lexicon extended by user overlay files (YAML, keyed like the data files)."""
    if not overlays:
        return default_lexicon()
    raw = {name: _load_yaml(name) for name in DATA_FILES}
    for path in overlays:
        try:
            extra = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise CheckerError("lexicon", f"cannot read lexicon overlay: {exc}", str(path)) from None
        if not isinstance(extra, dict):
            raise CheckerError("lexicon", "a lexicon overlay must map data file names to entries", str(path))
        for name, body in extra.items():
            if name not in raw or not isinstance(body, dict):
                raise CheckerError("lexicon", f"unknown lexicon section {name!r}", str(path))
            raw[name] = _merge(raw[name], body)
    return build_lexicon(raw)
