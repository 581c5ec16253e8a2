"""Numbers, hedged and ranged amounts, and quantities with units.

Takes a sentence (text plus its absolute offset), the lexicon and the spans
already taken by dates; gives ``AmountMention``s: each with its exact span, the
figure as written, its interval ``{low, best, high}`` after hedges (CODING.md
section 1) and its canonical unit, or none for plain counts.

Readings, all driven by ``checker/data``:
- digits ("900,000", "4014", "30 000", "3.5bn"), words ("thirty-three",
  "two and a half thousand", "a million"), vague amounts ("dozens");
- hedges before or after the figure ("at least", "nearly", "or more"), verbs
  of passing in every form ("the toll passes 7,800", "tops", "climbs past");
- ranges ("between X and Y", "X to Y", "X-Y", "X or Y", the unit on both
  ends "44 mg to 50 mg", a suspended hyphen "8- to 16-metre", either order
  after "from" or "between") and changes ("rose from X to Y": Y is the
  figure, X the earlier one);
- units after the figure, hyphenated or not ("six-kilometre", "6km",
  "22.5 million cubic metres"), money symbols and codes before it ("$3.5
  billion", "€200m"), units written before it ("magnitude 7.8", "M7.8"; a
  magnitude named earlier in the sentence also holds for a later bare
  decimal: "gave the magnitude as 7.4 before revising it to 7.7");
- a width given per side ("6 km north and 6 km south", "six kilometres
  either side") is the whole width; a conversion in brackets ("12 km
  (7 miles)") belongs to the figure before it.
Years, times (also "0117 GMT"), ordinals and figures inside names ("M4",
"Su-24") are not amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import Lexicon, phrase_pattern, verb_phrase_forms
from ..textutil import Token, tokenize
from .figures import Figure, FigureReader


@dataclass
class AmountMention:
    start: int
    end: int
    text: str
    low: float | None
    best: float | None
    high: float | None
    unit: str | None = None
    hedge: str | None = None
    vague: bool = False
    previous: float | None = None  # "from X to Y": X
    per_side: bool = False
    alternates: list[tuple[float, str]] = field(default_factory=list)
    conversions: list["AmountMention"] = field(default_factory=list)  # "(7 miles)" after "12 km"
    person: bool = False  # one person named without a figure ("an insurgent", "killing him")
    precision: float = 1.0  # half a unit of the last written digit, in the unit as written

    @property
    def kind(self) -> str:
        return "quantity" if self.unit else "number"

    def value(self) -> dict[str, float | str | None]:
        return {"low": self.low, "best": self.best, "high": self.high, "unit": self.unit}


_CODE_LIKE = re.compile(r"(?<![\w.])(?:\+\d+(?:[-. ]\d+)+|\d+(?:([-.])\d+)(?:\1\d+)+)(?![\w])")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_CLOCK_DIGITS = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
# the two stand-ins a hedge's blocker list may hold besides words
_SENTENCE_START = "^"
_POSSESSIVE = "'s"
_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")


class AmountReader:
    """Finds amounts in sentences with one lexicon; build once, call per sentence."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._phrase_index: dict[tuple[int, bool], dict[str, list[tuple[tuple[str, ...], str]]]] = {}
        self.figures = FigureReader(lex)
        self._text = ""
        self._offset = 0
        self._taken_until = 0
        num = lex.numbers
        self.scales: dict[str, float] = {k: float(v) for k, v in num["scales"].items()}
        self.fractions: dict[tuple[str, ...], float] = {
            tuple(re.split(r"[\s-]+", k.lower())): float(v) for k, v in num["fractions"].items()
        }
        hedges = lex.hedges["hedges"]
        self.hedge_before: list[tuple[tuple[str, ...], str]] = []
        self.hedge_after: list[tuple[tuple[str, ...], str]] = []
        self.hedge_factors: dict[str, tuple[float | None, float | None, float | None]] = {}
        for name, h in hedges.items():
            self.hedge_factors[name] = (h["low"], h["best"], h["high"])
            for p in h.get("before", []):
                self.hedge_before.append((tuple(t.low for t in tokenize(p)), name))
            for p in h.get("after", []):
                self.hedge_after.append((tuple(t.low for t in tokenize(p)), name))
        irregular = {str(k).lower(): [str(f).lower() for f in v] for k, v in lex.hedges["irregular_verbs"].items()}
        for name, verbs in lex.hedges["hedge_verbs"].items():
            for verb in verbs:
                for form in verb_phrase_forms(str(verb), irregular):
                    self.hedge_before.append((tuple(t.low for t in tokenize(form)), name))
        self.hedge_before.sort(key=lambda x: -len(x[0]))
        self.hedge_after.sort(key=lambda x: -len(x[0]))
        self.exact_verbs = [tuple(t.low for t in tokenize(p)) for p in lex.hedges["exact_verbs"]]
        self.change_verbs = {v.lower() for v in lex.hedges["change_verbs"]}
        self.range_verbs = {v.lower() for v in lex.hedges["range_verbs"]}
        self.hedge_blockers: dict[str, frozenset[str]] = {
            k.lower(): frozenset(w.lower() for w in v) for k, v in lex.hedges["no_hedge_after"].items()
        }
        self.range_words = frozenset(w.lower() for w in lex.hedges["range_words"])
        self.bound_joiners = frozenset(w.lower() for w in lex.hedges["bound_joiners"])
        self.vague_table: list[tuple[tuple[str, ...], tuple[float | None, float | None, float | None]]] = sorted(
            (
                (tuple(t.low for t in tokenize(k)), (v["low"], v["best"], v["high"]))
                for k, v in lex.vague.items()
            ),
            key=lambda x: -len(x[0]),
        )
        # the vague table by first word, each list in table order (longest first), for _vague
        self._vague_by_first: dict[str, list[tuple[tuple[str, ...], tuple[float | None, float | None, float | None]]]] = {}
        for phrase, bounds in self.vague_table:
            if phrase:
                self._vague_by_first.setdefault(phrase[0], []).append((phrase, bounds))
        self._fraction_firsts = {p[0] for p in self.fractions if p}
        units = lex.units
        self.unit_phrases: list[tuple[tuple[str, ...], str]] = sorted(
            ((tuple(t.low for t in tokenize(name)), sym) for name, sym in lex.unit_names.items()),
            key=lambda x: -len(x[0]),
        )
        self.case_units: dict[str, str] = dict(units["case_sensitive_after_number"])
        self.compact_units = {
            tuple(t.low for t in tokenize(name)) for name in lex.unit_names if not re.search(r"\s", name)
        }
        cur = units["currency"]
        self.currency_before: dict[str, str] = dict(cur["symbols_before"])
        self.dollar_prefixes: dict[str, str] = {k.lower(): v for k, v in cur["dollar_prefixes"].items()}
        self.currency_after_symbols: list[tuple[str, str]] = sorted(
            cur["symbols_after"].items(), key=lambda kv: -len(kv[0])
        )
        self.currency_codes = set(cur["codes"])
        self.code_aliases: dict[str, str] = dict(cur["code_aliases"])
        self.lowercase_codes = {c.lower() for c in cur["lowercase_codes"]}
        self.million_prefix: str = cur["million_prefix"]
        self.subunits = {w.lower() for w in cur["subunits"]}
        self.money_when_scaled: dict[str, str] = dict(cur["money_when_scaled"])
        self.compound_units: dict[str, str] = dict(units["compound_units"])
        self.units_before: list[tuple[tuple[str, ...], str]] = sorted(
            ((tuple(t.low for t in tokenize(name)), str(sym)) for sym, names in units["names_before_number"].items()
             for name in names),
            key=lambda x: -len(x[0]),
        )
        self.named_before_only = frozenset(str(sym) for sym in units["names_before_number"])
        self.symbols_before_decimal: dict[str, str] = dict(units["case_sensitive_before_decimal"])
        self.unit_carry_links = frozenset(str(w).lower() for w in units["unit_before_carries_after"])
        self.time_zones = frozenset(str(z) for z in lex.calendar["zones"])
        self.zone_phrases = [tuple(t.low for t in tokenize(str(z))) for z in lex.calendar["zone_phrases"]]
        self.unit_powers: dict[str, int] = {k.lower(): int(v) for k, v in units["power_words"].items()}
        self.inch_followers = {w.lower() for w in units["inch_word_followed_by"]}
        self.inch_blockers = {w.lower() for w in units["inch_word_not_before"]}
        self.currency_after: list[tuple[tuple[str, ...], str]] = sorted(
            ((tuple(t.low for t in tokenize(k)), v) for k, v in cur["names_after"].items()),
            key=lambda x: -len(x[0]),
        )
        self.people_nouns = {w.lower() for w in lex.claims["people_nouns"]}
        self._per_side = phrase_pattern(
            ["either side", "each side", "both sides", "on either side", "on each side", "on both sides",
             "either way", "each way"]
        )

    # ---- figures -------------------------------------------------------------------------
    def _vague(self, toks: list[Token], i: int) -> Figure | None:
        # only the phrases that begin with this word can match (the table is tried at every word)
        for phrase, bounds in self._vague_by_first.get(toks[i].low, ()):
            k = len(phrase)
            if tuple(t.low for t in toks[i:i + k]) == phrase:
                return Figure(0.0, i, i + k, vague=bounds)
        return None

    def _number_at(self, toks: list[Token], i: int, currency: bool = False) -> Figure | None:
        fig = self.figures.at(toks, i, self._text, self._offset, currency)
        if fig is None and toks[i].low in ("a", "an") and i + 1 < len(toks):
            u = self._unit_after(toks, i + 1)
            if u and self.lex.unit_info.get(u[1], {}).get("dimension") not in (None, "duration") \
                    and u[1] not in self.named_before_only:
                return Figure(1.0, i, i + 1, words=True)  # "a gallon", "a mile": one of the unit
        return fig

    def _change_by(self, toks: list[Token], i: int) -> bool:
        """Whether the figure at i follows "by" behind a verb of change ("rose by", "fell sharply by")."""
        return i >= 2 and toks[i - 1].low == "by" and any(t.low in self.change_verbs for t in toks[max(0, i - 5):i - 1])

    def _range_joint(self, toks: list[Token], j: int) -> tuple[int, str | None] | None:
        """Where the word joining a range's ends stands after the first end (ending at j), and the unit
        written on the first end: "10-15", "8- to 16-metre" (a suspended hyphen), "44 mg to 50 mg"."""
        n = len(toks)
        if j + 1 >= n:
            return None
        if toks[j].text in ("-", "–") and toks[j].start == toks[j - 1].end and j + 2 < n \
                and toks[j + 1].low in self.range_words and toks[j + 1].is_word:
            return j + 1, None  # "8- to 16-metre", "two- or three-day"
        if toks[j].low in self.range_words:
            return j, None
        u = self._unit_after(toks, j)
        if u and u[0] + 1 < n and toks[u[0]].low in self.range_words:
            return u[0], u[1]
        return None

    def _hyphen_chain(self, toks: list[Token], i: int, j: int) -> bool:
        """Whether the hyphened pair from token i to j is part of a longer chain of figures ("three-nought-four")."""
        return self._hyphen_link(toks, i - 2, i) or self._hyphen_link(toks, j - 1, j + 1)

    def _hyphen_link(self, toks: list[Token], a: int, b: int) -> bool:
        """Whether tokens a and b are figures joined by one unspaced hyphen."""
        if a < 0 or b >= len(toks) or b - a != 2 or toks[a + 1].text not in ("-", "–"):
            return False
        if toks[a].end != toks[a + 1].start or toks[a + 1].end != toks[b].start:
            return False
        return all(self.figures.at(toks, k, self._text, self._offset) is not None for k in (a, b))

    def _hedge_blocked(self, toks: list[Token], start: int, end: int) -> bool:
        """Whether the word before the hedge phrase toks[start:end] makes it no hedge ("how about", "the top 10"):
        a blocker "^" is the start of the sentence, "'s" any possessive ("Turkey's top 5")."""
        blockers = self.hedge_blockers.get(" ".join(t.low for t in toks[start:end]))
        if not blockers:
            return False
        if start == 0:
            return _SENTENCE_START in blockers
        before = toks[start - 1].low
        return before in blockers or (_POSSESSIVE in blockers and before.endswith(_POSSESSIVE_ENDINGS))

    def _comparison_follows(self, toks: list[Token], j: int) -> bool:
        """"50 or less than 60": the "or less" starts a comparison with the next figure, no bound on the 50."""
        return j + 1 < len(toks) and toks[j].low == "than" and self._number_at(toks, j + 1) is not None

    def _shared_unit(self, toks: list[Token], j: int) -> tuple[int, str] | None:
        """"45 and 50 mg", "10, 20 or 30 km": a bare figure takes the unit of the figure it is listed with.
        A list ends with "and" or "or" before its last figure: after a bare comma the next figure starts a
        clause of its own ("injuring 294, two weeks after" is no 294 weeks)."""
        k = j
        n = len(toks)
        for _ in range(4):
            if k + 1 >= n or toks[k].low not in ("and", "or", ","):
                return None
            if toks[k].text == "," and toks[k + 1].low in ("and", "or"):
                k += 1  # "10, 20, and 30 km"
            fig = self.figures.at(toks, k + 1, self._text, self._offset)
            if fig is None:
                return None
            u = self._unit_after(toks, fig.j)
            if u:
                return u if toks[k].text != "," else None
            k = fig.j
        return None

    def _power_after(self, toks: list[Token], j: int, unit: str) -> tuple[int, str] | None:
        """"4km^2", "4 km squared": a length unit raised to an area or a volume."""
        n = len(toks)
        exponent, end = 0, j
        if j + 1 < n and toks[j].text == "^" and toks[j + 1].text in ("2", "3"):
            exponent, end = int(toks[j + 1].text), j + 2
        elif j < n and toks[j].low in self.unit_powers:
            exponent, end = self.unit_powers[toks[j].low], j + 1
        if not exponent or self.lex.unit_info.get(unit, {}).get("dimension") != "length":
            return None
        raised = f"{unit}{exponent}"
        return (end, raised) if raised in self.lex.unit_info else None

    # ---- surroundings ------------------------------------------------------------------------
    def _indexed(self, table: list[tuple[tuple[str, ...], str]], by_last: bool
                 ) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """A phrase table by its phrases' last (or first) word, each list longest first as in the table:
        the tables are tried at every token, and only phrases ending (starting) with it can match."""
        key = (id(table), by_last)
        index = self._phrase_index.get(key)
        if index is None:
            index = {}
            for phrase, name in table:
                if phrase:
                    index.setdefault(phrase[-1] if by_last else phrase[0], []).append((phrase, name))
            self._phrase_index[key] = index
        return index

    def _match_before(self, toks: list[Token], i: int, table: list[tuple[tuple[str, ...], str]]) -> tuple[int, str] | None:
        if i < 1:
            return None
        for phrase, name in self._indexed(table, True).get(toks[i - 1].low, ()):
            k = len(phrase)
            if i - k >= 0 and tuple(t.low for t in toks[i - k:i]) == phrase:
                return i - k, name
        return None

    def _match_after(self, toks: list[Token], j: int, table: list[tuple[tuple[str, ...], str]]) -> tuple[int, str] | None:
        if j >= len(toks):
            return None
        for phrase, name in self._indexed(table, False).get(toks[j].low, ()):
            k = len(phrase)
            if tuple(t.low for t in toks[j:j + k]) == phrase:
                return j + k, name
        return None

    def _unit_after(self, toks: list[Token], j: int) -> tuple[int, str] | None:
        k = j
        if k < len(toks) and toks[k].text in ("-", "‑") and toks[k].start == toks[k - 1].end:
            k += 1
        if k >= len(toks):
            return None
        cur = self._match_after(toks, k, self.currency_after)
        if cur:
            return cur
        t = toks[k]
        if t.text in self.currency_codes and not _glued_to_digits(toks, k):
            return k + 1, t.text
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        glued = nxt is not None and nxt.start == t.end and (
            nxt.is_word or nxt.is_digit
            or (nxt.text in ("-", "‑") and k + 2 < len(toks) and toks[k + 2].is_digit and toks[k + 2].start == nxt.end)
        )  # "24703m212", "6hrs", "24703 L-202": codes or other words; "24703m2" is read below as an area
        if t.text in self.case_units and not glued and (
            t.start == toks[k - 1].end or (t.start == toks[k - 1].end + 1 and self._letter_unit_spaced(nxt))
        ):
            # "70m", "6h", "1 m x 1 m", "278,000 t of grain": single letters are units only right after the figure
            return k + 1, self.case_units[t.text]
        if t.low == "in" and (nxt is None or nxt.text in ".,;)" or nxt.low in self.inch_followers):
            return k + 1, "in"  # "2 in.", "2 1/2 in thick": inches, not the preposition
        if t.text in ("(", "[", "{", "<") and k + 2 < len(toks) and toks[k + 2].text in (")", "]", "}", ">"):
            inner = self._unit_after(toks, k + 1)
            if inner and inner[0] == k + 2:
                return k + 3, inner[1]  # "20 (kg)"
        for phrase, sym in self._indexed(self.unit_phrases, False).get(toks[k].low, ()):
            n = len(phrase)
            if tuple(x.low for x in toks[k:k + n]) == phrase:
                if n > 1 and phrase in self.compact_units and any(
                    toks[x].end != toks[x + 1].start for x in range(k, k + n - 1)
                ):
                    continue  # "m2" is one word: "12 m 2 dm" is no area
                if sym == "lb" and k + n < len(toks) and toks[k + n].low == "sterling":
                    return k + n + 1, "GBP"
                return k + n, sym
        return None

    def _unit_before(self, toks: list[Token], i: int, num: Figure) -> tuple[int, str] | None:
        """A unit named before the figure at i: "magnitude 7.8", "magnitude-7.8", "magnitude of 7.8", or a
        symbol before a figure with decimals, "M7.8", "Mw 7.8" (start, symbol)."""
        if i < 1:
            return None
        prev = toks[i - 1]
        if prev.text in self.symbols_before_decimal and num.decimals and toks[i].start - prev.end <= 1:
            return i - 1, self.symbols_before_decimal[prev.text]
        k = i - 1 if self._glued_hyphen(toks, i - 1) else i
        return self._match_before(toks, k, self.units_before)

    def _unit_named_earlier(self, toks: list[Token], i: int, num: Figure) -> str | None:
        """A bare figure with decimals after "as", "to", "at" ... takes a unit named before figures that stands
        earlier in the sentence: "the magnitude of the main shock as 6.2", "revising it to 6.4", "the magnitude
        6.5 quake was revised to 6.3". A whole or scaled figure ("killed 3,800", "2.5 million") is no such measure."""
        if num.vague or num.scaled or not num.decimals or i < 1 or toks[i - 1].low not in self.unit_carry_links:
            return None
        for k in range(i - 1, -1, -1):
            for phrase, sym in self._indexed(self.units_before, False).get(toks[k].low, ()):
                if tuple(t.low for t in toks[k:k + len(phrase)]) == phrase:
                    return sym
        return None

    def _clock_time(self, toks: list[Token], i: int) -> bool:
        """Four digits that read as hours and minutes, with a time zone after them: "0117 GMT", "1324 local time"."""
        if not _CLOCK_DIGITS.fullmatch(toks[i].text) or i + 1 >= len(toks):
            return False
        after = tuple(t.low for t in toks[i + 1:i + 1 + max(map(len, self.zone_phrases), default=0)])
        return toks[i + 1].text in self.time_zones or any(after[:len(z)] == z for z in self.zone_phrases)

    @staticmethod
    def _glued_after(toks: list[Token], k: int) -> bool:
        """Whether a token follows token k with no space ("10:32")."""
        return k + 1 < len(toks) and toks[k + 1].start == toks[k].end

    @staticmethod
    def _glued_hyphen(toks: list[Token], k: int) -> bool:
        """Whether token k is a hyphen with no space on either side ("magnitude-7.8")."""
        return 0 < k < len(toks) - 1 and toks[k].text in ("-", "‑") \
            and toks[k - 1].end == toks[k].start and toks[k].end == toks[k + 1].start

    def _letter_unit_spaced(self, nxt: Token | None) -> bool:
        """A single-letter unit one space after its figure ("5 m wall", "3 L of water") stands at the end,
        before a sign or before a lower-case word; before a name ("5 M Street") or a person ("2 m people",
        British for millions) it is none."""
        if nxt is None or len(nxt.text) == 1:
            return True
        return nxt.is_word and nxt.text.islower() and nxt.low not in self.people_nouns

    def _code(self, tok: Token) -> tuple[str, float] | None:
        """A currency code token: "USD", "usd", "RMB", or "MUSD" (millions of dollars)."""
        t = tok.text
        if t in self.currency_codes:
            return t, 1.0
        if t.upper() in self.code_aliases and (t.isupper() or t in self.lowercase_codes):
            return self.code_aliases[t.upper()], 1.0
        if t in self.lowercase_codes and t.upper() in self.currency_codes:
            return t.upper(), 1.0
        p = self.million_prefix
        if t.startswith(p) and t.isupper() and t[len(p):] in self.currency_codes:
            return t[len(p):], 1e6
        return None

    def _currency_before(self, toks: list[Token], i: int) -> tuple[int, str, float] | None:
        """A symbol or code before the figure: "$5", "C$ 5", "hk $ 10", "USD115", "MAUD 60", "dollar 22.5"."""
        if i >= 2 and toks[i - 1].text == "." and toks[i - 2].end == toks[i - 1].start \
                and toks[i - 2].text + "." in self.currency_before:
            return i - 2, self.currency_before[toks[i - 2].text + "."], 1.0  # an abbreviation with its dot: "Rs. 500"
        if i >= 1 and toks[i - 1].text in self.currency_before:
            k = i - 1
            if k >= 1 and toks[k].text == "$" and toks[k - 1].low in self.dollar_prefixes:
                pre = toks[k - 1]
                gap = toks[k].start - pre.end
                standalone = k < 2 or toks[k - 2].end < pre.start
                if standalone and (gap == 0 or (gap == 1 and len(pre.text) > 1) or (gap == 1 and pre.low == "c")):
                    return k - 1, self.dollar_prefixes[pre.low], 1.0
            if k >= 1 and toks[k - 1].text + toks[k].text in self.currency_before and toks[k - 1].end == toks[k].start:
                return k - 1, self.currency_before[toks[k - 1].text + toks[k].text], 1.0
            return k, self.currency_before[toks[k].text], 1.0
        if i >= 1:
            code = self._code(toks[i - 1])
            if code:
                return i - 1, code[0], code[1]
            name = self._match_before(toks, i, self.currency_after) if toks[i].is_digit else None
            if name:
                return name[0], name[1], 1.0
        return None

    def _currency_after(self, toks: list[Token], j: int) -> tuple[int, str, float] | None:
        """A symbol or code after the figure: "10 €", "100元", "20 usd", "30 MUSD"."""
        if j >= len(toks):
            return None
        pos = toks[j - 1].end - self._offset
        rest = self._text[pos:pos + 6]
        gap = len(rest) - len(rest.lstrip(" "))
        if gap <= 1:
            for sym, code in self.currency_after_symbols:
                if rest[gap:].startswith(sym):
                    end = toks[j - 1].end + gap + len(sym)
                    k = j
                    while k < len(toks) and toks[k].end <= end:
                        k += 1
                    if toks[k - 1].end == end:
                        return k, code, 1.0
        code = self._code(toks[j])
        if code and not _glued_to_digits(toks, j):  # "3 USD50 cards": the code is the 50's
            return j + 1, code[0], code[1]
        return None

    def _subunit(self, toks: list[Token], j: int) -> tuple[int, float] | None:
        """Cents after a whole amount: "3 dollars 50 cents", "15 dollars and 15.", "17 USD 25"."""
        n = len(toks)
        k = j
        if k < n and toks[k].low == "and":
            k += 1
        if k >= n:
            return None
        fig = self.figures.at(toks, k, self._text, self._offset)
        if fig is None or fig.value >= 100 or fig.value != int(fig.value) or fig.i != k:
            return None
        after = toks[fig.j] if fig.j < n else None
        if after is not None and after.low in self.subunits:
            return fig.j + 1, fig.value / 100
        if after is None or after.text in ".,;!?)":
            return fig.j, fig.value / 100
        return None

    def _compound(self, toks: list[Token], j: int, unit: str) -> tuple[int, float] | None:
        """A smaller unit after a larger one: "5 ft 2 in", "5 feet and 2 inches", "2 hours 30 minutes"."""
        small_unit = self.compound_units.get(unit)
        if small_unit is None or j >= len(toks):
            return None
        k = j + 1 if toks[j].low == "and" else j
        if k >= len(toks) or not toks[k].is_digit and not toks[k].is_word:
            return None
        fig = self.figures.at(toks, k, self._text, self._offset)
        if fig is None:
            return None
        u = self._unit_after(toks, fig.j)
        if u is None and small_unit == "in" and self._inch_word(toks, fig.j):
            u = fig.j + 1, "in"  # "12 ft 2 in more or less": after feet, "in" is inches
        if u is None or u[1] != small_unit:
            return None
        info = self.lex.unit_info
        return u[0], fig.value * info[small_unit]["to_base"] / info[unit]["to_base"]

    def _inch_word(self, toks: list[Token], j: int) -> bool:
        """Whether "in" at j ends a measure rather than opening a phrase ("in the", "in Paris", "in 2020")."""
        if j >= len(toks) or toks[j].low != "in":
            return False
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        return nxt is None or not (nxt.is_digit or nxt.text[:1].isupper() or nxt.low in self.inch_blockers)

    def _is_money(self, unit: str) -> bool:
        return unit in self.currency_codes

    def _skip(self, toks: list[Token], num: Figure, taken: list[tuple[int, int]], currency: bool = False) -> bool:
        first, last = toks[num.i], toks[num.j - 1]
        if any(s < last.end and first.start < e for s, e in taken):
            return True
        prev = toks[num.i - 1] if num.i > 0 else None
        nxt = toks[num.j] if num.j < len(toks) else None
        if first.is_digit:
            glued_code = currency and prev is not None and prev.text.isupper() and prev.low in self.lowercase_codes
            unit_symbol = prev is not None and prev.text in self.symbols_before_decimal and num.decimals > 0
            if prev and prev.end == first.start and (prev.is_word or prev.text in (":", "#", "/", ".", "_", "^")) \
                    and not glued_code and not unit_symbol:
                return True  # M4, #5, 10:32, 1/2 (but "USD115" is money, "M7.8" a magnitude)
            if prev and prev.text in ("-", "‑") and prev.end == first.start and num.i >= 2 and toks[num.i - 2].is_digit \
                    and toks[num.i - 2].end == prev.start and num.i >= 3 and toks[num.i - 3].is_word \
                    and toks[num.i - 3].end == toks[num.i - 2].start:
                return True  # "scp2-173": a code
            if prev and prev.text in ("-", "‑") and prev.end == first.start and num.i >= 2 and toks[num.i - 2].is_word \
                    and toks[num.i - 2].end == prev.start \
                    and not (num.i >= 3 and toks[num.i - 3].is_digit and toks[num.i - 3].end == toks[num.i - 2].start
                             and (num.i < 4 or not toks[num.i - 4].is_word or toks[num.i - 4].end < toks[num.i - 3].start)) \
                    and self._match_before(toks, num.i - 1, self.units_before) is None:
                return True  # Su-24, COVID-19 (but not "5k-20k", and "magnitude-7.8" is a unit before its figure)
            if nxt and nxt.start == last.end and (nxt.text == "/" or nxt.text == ":" and self._glued_after(toks, num.j)):
                return True  # "10:32", "1/2", "24/7"; a colon that ends a clause ("reached 1,932: 812 in ...") is none
            if nxt and nxt.start == last.end and nxt.low in ("st", "nd", "rd", "th", "s"):
                return True
            if num.j == num.i + 1 and self._clock_time(toks, num.i):
                return True  # "0117 GMT": a time of day, no count
            if _YEAR.match(first.text) and num.j == num.i + 1 and not currency:
                after = nxt.low if nxt else ""
                unit = self._unit_after(toks, num.j)
                if not unit and after not in self.people_nouns:
                    return True
        if num.words and toks[num.i].low == "one" and num.j == num.i + 1:
            if nxt and nxt.low in ("of", "another", "side", "day", "by", "-", "way", "thing", "time", "more", "hand",
                                   "that", "which", "who", "where") and not (
                nxt.low == "-" and self._unit_after(toks, num.j) is not None
            ):  # "one-sided", "one-off"; but "a one-yen bid", "a one-mile walk" are amounts
                return True
            if prev and prev.low in ("no", "the", "any", "every", "each", "this", "that", "which", "someone", "anyone"):
                return True
        if nxt and nxt.text == "-" and num.j + 3 < len(toks) and toks[num.j + 1].low in ("year", "years") \
                and toks[num.j + 3].low == "old":
            return True  # ages: "a 70-year-old"
        if nxt and nxt.low in ("years", "year") and num.j + 1 < len(toks) and toks[num.j + 1].low == "old":
            return True
        return False

    # ---- the scan ------------------------------------------------------------------------------
    def read(self, text: str, offset: int = 0, taken: list[tuple[int, int]] | None = None,
             tokens: list[Token] | None = None) -> list[AmountMention]:
        """The amounts in text (its first character at ``offset``); ``tokens``, if given, are
        ``tokenize(text, offset)``, which a caller that has them need not pay for twice."""
        toks = tokens if tokens is not None else tokenize(text, offset)
        self._text, self._offset = text, offset
        self._taken_until = 0  # tokens before this index belong to mentions already read
        # phone numbers, addresses and version strings ("+1-222-2222", "192.168.1.2") hold no amounts
        taken = list(taken or []) + [(m.start() + offset, m.end() + offset) for m in _CODE_LIKE.finditer(text)]
        out: list[AmountMention] = []
        i = 0
        n = len(toks)
        while i < n:
            m = self._mention_at(toks, i, taken, offset, text)
            if m is None:
                i += 1
                continue
            mention, j = m
            out.append(mention)
            self._taken_until = j
            i = max(j, i + 1)
        return _join_bounds(out, text, offset, self.bound_joiners)

    def _mention_at(
        self, toks: list[Token], i: int, taken: list[tuple[int, int]], offset: int, text: str
    ) -> tuple[AmountMention, int] | None:
        n = len(toks)
        fraction = self._fraction(toks, i, text, offset)
        if fraction:
            return fraction
        num = self._vague(toks, i)
        cur = self._currency_before(toks, i)
        if cur is not None and cur[0] < self._taken_until:
            cur = None  # "50 dollar 40 rmb": "dollar" belongs to the 50
        if num is None:
            num = self._number_at(toks, i, currency=cur is not None)
        if num is None or self._skip(toks, num, taken, cur is not None):
            return None
        start_i, end_j = num.i, num.j
        unit: str | None = None
        hedge: str | None = None
        previous: float | None = None
        lo_hi: tuple[float | None, float | None, float | None]
        is_range = False
        currency_factor = 1.0
        if cur:
            start_i, unit, currency_factor = cur
        lo_hi = num.vague if num.vague else (num.value, num.value, num.value)
        # ranges and changes: "between X and Y", "X to Y", "X-Y", "X or Y", "from X to Y"
        joint = None if num.vague else self._range_joint(toks, end_j)
        if joint is not None:
            sep_at, first_unit = joint
            sep = toks[sep_at].low
            between = start_i >= 1 and toks[start_i - 1].low == "between"
            change_before = any(t.low in self.change_verbs or t.low == "by" for t in toks[max(0, start_i - 5):start_i])
            from_before = start_i >= 1 and toks[start_i - 1].low == "from"
            # "rose by 5% to 20%" is a change, no range; "rose from 5% to 20%" is read as a change below
            if (sep != "and" or between) and not (first_unit and change_before and not from_before):
                second = self._number_at(toks, sep_at + 1, currency=cur is not None)
                if second is None and toks[sep_at + 1].text in self.currency_before and sep_at + 2 < n:
                    second = self._number_at(toks, sep_at + 2, currency=True)
                if first_unit and second is not None and (self._unit_after(toks, second.j) or (0, ""))[1] != first_unit:
                    second = None  # "44 mg to 50 mg" is a range; "5 km to 20 minutes" is not
                if second is not None and sep in ("-", "–") and self._hyphen_chain(toks, num.i, second.j):
                    second = None  # "three-nought-four": figures read out one by one, no range
                if second is not None and sep == "to" and self._change_by(toks, start_i) and cur is None \
                        and self._unit_after(toks, second.j) is None:
                    second = None  # "the toll rose by 12 to 140": the size of a change, then the new level
                if second is not None and not self._skip(toks, second, taken):
                    a, b = num.value, second.value
                    if second.scaled and not num.scaled and a * 1000 <= b:
                        # "$10-15 billion": the scale written once applies to both ends
                        written = float(toks[second.i].text.replace(",", "")) if toks[second.i].is_digit else b
                        a *= b / written
                    change = from_before and any(
                        t.low in self.change_verbs for t in toks[max(0, start_i - 5):start_i - 1]
                    )
                    # "between 50 and 40", "ranged from -18 to -34": the ends may come in either order; after a
                    # bare "from" ("went from 50 to 40") a falling pair is a change, not a range
                    spread = from_before and any(t.low in self.range_verbs for t in toks[max(0, start_i - 4):start_i - 1])
                    either_order = ((from_before and spread) or between) and sep in ("to", "and")
                    if change and sep == "to":
                        previous = a
                        start_i = second.i
                        end_j = second.j
                        lo_hi = (b, b, b)
                        num = second
                    elif b > a or (either_order and b < a):
                        is_range = True
                        lo_hi = (min(a, b), None, max(a, b))
                        if between:
                            start_i -= 1
                        end_j = second.j
                        num = Figure(b, num.i, second.j, decimals=max(num.decimals, second.decimals), scaled=second.scaled)
        # unit after the figure
        if unit is None:
            ca = self._currency_after(toks, end_j)
            if ca:
                end_j, unit, currency_factor = ca
            else:
                u = self._unit_after(toks, end_j)
                if u is None:
                    u = self._shared_unit(toks, end_j)
                    if u is not None:
                        u = (end_j, u[1])  # "45 and 50 mg": the unit, not its words
                if u and start_i > 0 and toks[start_i - 1].is_digit and toks[start_i - 1].end + 1 == toks[start_i].start:
                    u = None  # "245 23 yen": two bare figures in a row are no clear amount
                if u:
                    end_j, unit = u
                    power = self._power_after(toks, end_j, unit)
                    if power:
                        end_j, unit = power
                    if num.scaled and unit in self.money_when_scaled:
                        unit = self.money_when_scaled[unit]  # "361 million pounds"
                    extra = self._compound(toks, end_j, unit)
                    if extra:
                        end_j = extra[0]
                        lo_hi = tuple(None if v is None else v + extra[1] for v in lo_hi)  # type: ignore[assignment]
        if currency_factor != 1.0:
            lo_hi = tuple(None if v is None else v * currency_factor for v in lo_hi)  # type: ignore[assignment]
        if unit is not None and end_j < n and toks[end_j].low in self.scales and self._is_money(unit):
            # "75 USD million"
            f = self.scales[toks[end_j].low]
            lo_hi = tuple(None if v is None else v * f for v in lo_hi)  # type: ignore[assignment]
            end_j += 1
        elif unit is not None and self._is_money(unit) and not num.scaled and not is_range:
            sub = self._subunit(toks, end_j)
            if sub:
                end_j = sub[0]
                lo_hi = tuple(None if v is None else v + sub[1] for v in lo_hi)  # type: ignore[assignment]
        # a unit written before ("magnitude 7.8", "a magnitude of 7.8", "M7.8")
        if unit is None:
            before = self._unit_before(toks, start_i, num)
            if before is not None:
                start_i, unit = before
        # hedges
        hb = self._match_before(toks, start_i, self.hedge_before)
        if hb and self._hedge_blocked(toks, hb[0], start_i):
            hb = None  # "how about 20?": a suggestion, no hedge
        if hb:
            hedge_start, hedge = hb
            if toks[hedge_start].low == "some" and num.vague:
                hedge = None
            else:
                start_i = hedge_start
        if not hb or (hedge is not None and self.hedge_factors[hedge] == (1.0, 1.0, 1.0)):
            # a bound after the figure; it also outranks a hedge before that sets none ("equal to 50 or less")
            ha = self._match_after(toks, end_j, self.hedge_after)
            if ha and not self._comparison_follows(toks, ha[0]):
                end_j, hedge = ha
        if unit is None and hb:
            before = self._unit_before(toks, start_i, num)  # "a magnitude of about 7.8"
            if before is not None:
                start_i, unit = before
        if unit is None:
            unit = self._unit_named_earlier(toks, start_i, num)
        if hedge and not num.vague:
            fl, fb, fh = self.hedge_factors[hedge]
            base_lo, base_best, base_hi = lo_hi
            if is_range:
                lo = None if fl is None or base_lo is None else base_lo * fl
                hi = None if fh is None or base_hi is None else base_hi * fh
                lo_hi = (lo, None, hi)
            else:
                figure = base_best
                assert figure is not None
                lo_hi = (
                    None if fl is None else figure * fl,
                    figure,
                    None if fh is None else figure * fh,
                )
        start_tok, end_tok = toks[start_i], toks[end_j - 1]
        mention = AmountMention(
            start=start_tok.start,
            end=end_tok.end,
            text=text[start_tok.start - offset:end_tok.end - offset],
            low=_round(lo_hi[0]),
            best=_round(lo_hi[1]),
            high=_round(lo_hi[2]),
            unit=unit,
            hedge=hedge,
            vague=num.vague is not None,
            previous=previous,
        )
        if not num.vague:
            mention.precision = 0.5 * 10 ** (-num.decimals)
        end_j = self._absorb_conversion(toks, end_j, mention, text, offset)
        if unit and self.lex.unit_info.get(unit, {}).get("dimension") == "length":
            end_j = self._per_side_width(toks, end_j, mention, text, offset)
        return mention, end_j

    def _fraction(self, toks: list[Token], i: int, text: str, offset: int) -> tuple[AmountMention, int] | None:
        if toks[i].text != "-" and toks[i].low not in self._fraction_firsts:
            return None  # no fraction begins with this word: skip the scan done at every word
        for phrase, pct in self.fractions.items():
            k = len(phrase)
            words = tuple(t.low for t in toks[i:i + k] if t.text not in ("-",))
            if words[:k] != phrase:
                continue
            span = toks[i:i + k + (1 if any(t.text == "-" for t in toks[i:i + k + 1]) else 0)]
            j = i + len(span)
            scale_follows = j + 2 < len(toks) and toks[j + 1].low in ("a", "an") and toks[j + 2].low in self.scales
            if j < len(toks) and toks[j].low == "of" and not scale_follows:
                first, last = toks[i], toks[j - 1]
                hb = self._match_before(toks, i, self.hedge_before)
                hedge = hb[1] if hb else None
                start = toks[hb[0]].start if hb else first.start
                fl, fb, fh = self.hedge_factors[hedge] if hedge else (1.0, 1.0, 1.0)
                m = AmountMention(
                    start=start, end=last.end, text=text[start - offset:last.end - offset], low=_round(None if fl is None else pct * fl),
                    best=pct, high=_round(None if fh is None else pct * fh), unit="%", hedge=hedge,
                )
                return m, j
        return None

    def _absorb_conversion(self, toks: list[Token], j: int, m: AmountMention, text: str, offset: int) -> int:
        """A bracketed conversion right after a quantity is part of it: "12 km (7 miles)"."""
        if not m.unit or j >= len(toks) or toks[j].text != "(":
            return j
        close = next((k for k in range(j + 1, min(len(toks), j + 12)) if toks[k].text == ")"), None)
        if close is None:
            return j
        inner = self._mention_at(toks, j + 1, [], offset, text)
        hedge_skip = self._match_after(toks, j + 1, self.hedge_before)
        if inner is None and hedge_skip:
            inner = self._mention_at(toks, hedge_skip[0], [], offset, text)
        if inner is None or not inner[0].unit:
            return j
        if inner[0].best is not None:
            m.alternates.append((inner[0].best, inner[0].unit))
        m.conversions.append(inner[0])
        m.end = toks[close].end
        m.text = text[m.start - offset:m.end - offset]
        return close + 1

    def _per_side_width(self, toks: list[Token], j: int, m: AmountMention, text: str, offset: int) -> int:
        """"6 km north and 6 km south", "six kilometres either side": the whole width is twice the figure."""
        if j < len(toks) and toks[j].low in ("wide", "-") or (j + 1 < len(toks) and toks[j + 1].low == "wide"):
            return j
        window_end = min(len(toks), j + 14)
        window = toks[j:window_end]
        rest = text[m.end - offset:(window[-1].end - offset) if window else m.end - offset]
        directions = ("north", "south", "east", "west", "northern", "southern", "eastern", "western")
        per_side = self._per_side.search(rest[:40]) is not None
        end_tok: int | None = None
        if not per_side:
            dirs = [k for k, t in enumerate(window) if t.low in directions]
            if len(dirs) >= 2 and any(t.low == "and" for t in window[dirs[0]:dirs[1]]) and dirs[0] <= 3:
                # "6km north of the road and 6km south of it": the quote runs to the second side
                per_side = True
                end_tok = j + dirs[1]
        if not per_side:
            return j
        m.per_side = True
        for name in ("low", "best", "high"):
            v = getattr(m, name)
            if v is not None:
                setattr(m, name, _round(v * 2))
        m.alternates = [(v * 2, u) for v, u in m.alternates]
        if end_tok is not None:
            m.end = toks[end_tok].end
            m.text = text[m.start - offset:m.end - offset]
            return end_tok + 1
        return j


def _glued_to_digits(toks: list[Token], k: int) -> bool:
    """Whether digits follow token k with no space ("USD50")."""
    return k + 1 < len(toks) and toks[k + 1].is_digit and toks[k + 1].start == toks[k].end


def _round(v: float | None) -> float | None:
    if v is None:
        return None
    r = float(f"{v:.15g}")
    return float(int(r)) if r == int(r) else r


def _join_bounds(mentions: list[AmountMention], text: str, offset: int, joiners: frozenset[str]
                 ) -> list[AmountMention]:
    """"more than 10 and less than 40", "at most 100 and at least 20": two open bounds make one range."""
    out: list[AmountMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.unit == m.unit and not prev.vague and not m.vague:
            between = text[prev.end - offset:m.start - offset].strip().lower()
            lower_first = prev.high is None and prev.low is not None and m.low is None and m.high is not None
            upper_first = prev.low is None and prev.high is not None and m.high is None and m.low is not None
            if between in joiners and (lower_first or upper_first):
                low, high = (prev.low, m.high) if lower_first else (m.low, prev.high)
                assert low is not None and high is not None
                if low < high:
                    out[-1] = AmountMention(
                        start=prev.start, end=m.end, text=text[prev.start - offset:m.end - offset],
                        low=low, best=None, high=high, unit=m.unit, hedge="between",
                    )
                    continue
        out.append(m)
    return out
