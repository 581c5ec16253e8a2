"""Numbers, hedged and ranged amounts, and quantities with units.

Takes a sentence (text plus its absolute offset), the lexicon and the spans
already taken by dates; gives ``AmountMention``s: each with its exact span, the
figure as written, its interval ``{low, best, high}`` after hedges (CODING.md
section 1) and its canonical unit, or none for plain counts.

Readings, all driven by ``checker/data``:
- digits ("900,000", "4014", "30 000", "3.5bn"), words ("thirty-three",
  "two and a half thousand", "a million"), vague amounts ("dozens");
- hedges before or after the figure ("at least", "nearly", "or more");
- ranges ("between X and Y", "X to Y", "X-Y", "X or Y") and changes ("rose
  from X to Y": Y is the figure, X the earlier one);
- units after the figure, hyphenated or not ("six-kilometre", "6km",
  "22.5 million cubic metres"), money symbols and codes before it ("$3.5
  billion", "€200m"), "magnitude 7.8";
- a width given per side ("6 km north and 6 km south", "six kilometres
  either side") is the whole width; a conversion in brackets ("12 km
  (7 miles)") belongs to the figure before it.
Years, times, ordinals and figures inside names ("M4", "Su-24") are not amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import Lexicon, phrase_pattern
from ..textutil import Token, tokenize


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
    precision: float = 1.0  # half a unit of the last written digit, in the unit as written

    @property
    def kind(self) -> str:
        return "quantity" if self.unit else "number"

    def value(self) -> dict[str, float | str | None]:
        return {"low": self.low, "best": self.best, "high": self.high, "unit": self.unit}


@dataclass
class _Num:
    value: float
    i: int  # first token index
    j: int  # one past last token index
    vague: tuple[float | None, float | None, float | None] | None = None
    decimals: int = 0
    scaled: bool = False
    words: bool = False


_DIGITS = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


class AmountReader:
    """Finds amounts in sentences with one lexicon; build once, call per sentence."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        num = lex.numbers
        self.units_words: dict[str, int] = {k: int(v) for k, v in num["units"].items()}
        self.tens_words: dict[str, int] = {k: int(v) for k, v in num["tens"].items()}
        self.scales: dict[str, float] = {k: float(v) for k, v in num["scales"].items()}
        self.scale_abbr: dict[str, float] = {k: float(v) for k, v in num["scale_abbreviations"].items()}
        self.currency_scale_abbr: dict[str, float] = {
            k: float(v) for k, v in num["currency_scale_abbreviations"].items()
        }
        self.fractions: dict[tuple[str, ...], float] = {
            tuple(re.split(r"[\s-]+", k.lower())): float(v) for k, v in num["fractions"].items()
        }
        self.ordinals = {o.lower() for o in num["ordinals"]}
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
        self.hedge_before.sort(key=lambda x: -len(x[0]))
        self.hedge_after.sort(key=lambda x: -len(x[0]))
        self.exact_verbs = [tuple(t.low for t in tokenize(p)) for p in lex.hedges["exact_verbs"]]
        self.change_verbs = {v.lower() for v in lex.hedges["change_verbs"]}
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
        cur = units["currency"]
        self.currency_before: dict[str, str] = dict(cur["symbols_before"])
        self.currency_codes = set(cur["codes"])
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
    def _word_number(self, toks: list[Token], i: int) -> _Num | None:
        """Numbers in words: "thirty-three", "one hundred and five", "two and a half thousand", "a million"."""
        total = 0.0
        current = 0.0
        j = i
        last = ""  # kind of the last word read: unit, tens, scale
        n = len(toks)
        if toks[i].low == "half" and i + 2 < n and toks[i + 1].low in ("a", "an") and toks[i + 2].low in self.scales:
            # "half a million"
            return _Num(0.5 * self.scales[toks[i + 2].low], i, i + 3, words=True, scaled=True)
        if toks[i].low in ("a", "an"):
            nxt = toks[i + 1].low if i + 1 < n else ""
            if nxt in self.scales or nxt == "dozen":
                current, j, last = 1.0, i + 1, "unit"
            elif nxt == "half" and i + 2 < n and toks[i + 2].low in self.scales:
                current, j, last = 0.5, i + 2, "unit"
            else:
                return None
        while j < n:
            w = toks[j].low
            if w in self.units_words:
                if last == "unit":
                    break
                current += self.units_words[w]
                last = "unit"
                j += 1
            elif w in self.tens_words:
                if last in ("unit", "tens"):
                    break
                current += self.tens_words[w]
                last = "tens"
                j += 1
                if (
                    j + 1 < n and toks[j].text in ("-", "‑") and toks[j + 1].low in self.units_words
                    and toks[j].start == toks[j - 1].end
                ):
                    current += self.units_words[toks[j + 1].low]
                    last = "unit"
                    j += 2
            elif w == "hundred" and last:
                current = (current or 1) * 100
                last = "scale"
                j += 1
            elif w in self.scales and last:
                total += (current or 1) * self.scales[w]
                current = 0
                last = "scale"
                j += 1
            elif w == "dozen" and last:
                current = (current or 1) * 12
                last = "scale"
                j += 1
            elif w == "and" and last and j + 1 < n:
                nxt = toks[j + 1].low
                if (nxt in self.units_words or nxt in self.tens_words) and last == "scale":
                    j += 1
                elif nxt == "a" and j + 2 < n and toks[j + 2].low == "half" and j + 3 < n and toks[j + 3].low in self.scales:
                    current += 0.5
                    j += 3
                else:
                    break
            else:
                break
        if not last:
            return None
        return _Num(total + current, i, j, words=True, scaled=total > 0 or current >= 100)

    def _digit_number(self, toks: list[Token], i: int, currency: bool) -> _Num | None:
        t = toks[i]
        if not _DIGITS.match(t.text):
            return None
        text = t.text
        j = i + 1
        # "30 000": thousands separated by a space, as some agencies write them
        while (
            j < len(toks) and re.fullmatch(r"\d{3}", toks[j].text) and toks[j].start == toks[j - 1].end + 1
            and "," not in text and "." not in text and len(text.replace(" ", "").split(" ")[-1]) <= 3
            and (j - i > 1 or len(text) <= 3)
        ):
            text += toks[j].text
            j += 1
        value = float(text.replace(",", ""))
        decimals = len(text.split(".")[1]) if "." in text else 0
        scaled = False
        if j < len(toks):
            nxt = toks[j]
            attached = nxt.start == toks[j - 1].end
            if nxt.low in self.scales and nxt.low != "hundred" or nxt.low == "hundred":
                value *= self.scales[nxt.low]
                j += 1
                scaled = True
            elif attached and nxt.low in self.scale_abbr and nxt.low not in self.lex.unit_names:
                value *= self.scale_abbr[nxt.low]
                j += 1
                scaled = True
            elif attached and currency and nxt.low in self.currency_scale_abbr:
                value *= self.currency_scale_abbr[nxt.low]
                j += 1
                scaled = True
        return _Num(value, i, j, decimals=decimals, scaled=scaled)

    def _vague(self, toks: list[Token], i: int) -> _Num | None:
        # only the phrases that begin with this word can match (the table is tried at every word)
        for phrase, bounds in self._vague_by_first.get(toks[i].low, ()):
            k = len(phrase)
            if tuple(t.low for t in toks[i:i + k]) == phrase:
                return _Num(0.0, i, i + k, vague=bounds)
        return None

    def _number_at(self, toks: list[Token], i: int, currency: bool = False) -> _Num | None:
        t = toks[i]
        if t.is_digit:
            return self._digit_number(toks, i, currency)
        if t.is_word:
            return self._word_number(toks, i)
        return None

    # ---- surroundings ------------------------------------------------------------------------
    def _match_before(self, toks: list[Token], i: int, table: list[tuple[tuple[str, ...], str]]) -> tuple[int, str] | None:
        for phrase, name in table:
            k = len(phrase)
            if i - k >= 0 and tuple(t.low for t in toks[i - k:i]) == phrase:
                return i - k, name
        return None

    def _match_after(self, toks: list[Token], j: int, table: list[tuple[tuple[str, ...], str]]) -> tuple[int, str] | None:
        for phrase, name in table:
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
        if t.text in self.currency_codes:
            return k + 1, t.text
        if t.text in self.case_units and t.start == toks[k - 1].end:
            # "70m", "6h": single letters are units only written straight after the figure
            if k + 1 < len(toks) and toks[k + 1].is_word and toks[k + 1].start == t.end:
                return None
            return k + 1, self.case_units[t.text]
        for phrase, sym in self.unit_phrases:
            n = len(phrase)
            if tuple(x.low for x in toks[k:k + n]) == phrase:
                if sym == "lb" and k + n < len(toks) and toks[k + n].low == "sterling":
                    return k + n + 1, "GBP"
                return k + n, sym
        return None

    def _currency_before(self, toks: list[Token], i: int) -> tuple[int, str] | None:
        if i >= 1 and toks[i - 1].text in self.currency_before:
            k = i - 1
            if k >= 1 and toks[k - 1].text + toks[k].text in self.currency_before and toks[k - 1].end == toks[k].start:
                return k - 1, self.currency_before[toks[k - 1].text + toks[k].text]
            return k, self.currency_before[toks[k].text]
        if i >= 1 and toks[i - 1].text in self.currency_codes:
            return i - 1, toks[i - 1].text
        return None

    def _skip(self, toks: list[Token], num: _Num, taken: list[tuple[int, int]]) -> bool:
        first, last = toks[num.i], toks[num.j - 1]
        if any(s < last.end and first.start < e for s, e in taken):
            return True
        prev = toks[num.i - 1] if num.i > 0 else None
        nxt = toks[num.j] if num.j < len(toks) else None
        if first.is_digit:
            if prev and prev.end == first.start and (prev.is_word or prev.text in (":", "#", "/", ".", "_")):
                return True  # M4, #5, 10:32, 1/2
            if prev and prev.text in ("-", "‑") and prev.end == first.start and num.i >= 2 and toks[num.i - 2].is_word and toks[num.i - 2].end == prev.start:
                return True  # Su-24, COVID-19
            if nxt and nxt.start == last.end and nxt.text in (":", "/"):
                return True
            if nxt and nxt.start == last.end and nxt.low in ("st", "nd", "rd", "th", "s"):
                return True
            if _YEAR.match(first.text) and num.j == num.i + 1:
                after = nxt.low if nxt else ""
                unit = self._unit_after(toks, num.j)
                if not unit and after not in self.people_nouns:
                    return True
        if num.words and toks[num.i].low == "one" and num.j == num.i + 1:
            if nxt and nxt.low in ("of", "another", "side", "day", "by", "-", "way", "thing", "time", "more", "hand"):
                return True
            if prev and prev.low in ("no", "the", "any", "every", "each", "this", "that", "which", "someone", "anyone"):
                return True
        if nxt and nxt.text == "-" and num.j + 1 < len(toks) and toks[num.j + 1].low in ("year", "years"):
            return True  # ages: "a 70-year-old"
        if nxt and nxt.low in ("years", "year") and num.j + 1 < len(toks) and toks[num.j + 1].low == "old":
            return True
        return False

    # ---- the scan ------------------------------------------------------------------------------
    def read(self, text: str, offset: int = 0, taken: list[tuple[int, int]] | None = None) -> list[AmountMention]:
        toks = tokenize(text, offset)
        taken = taken or []
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
            i = max(j, i + 1)
        return out

    def _mention_at(
        self, toks: list[Token], i: int, taken: list[tuple[int, int]], offset: int, text: str
    ) -> tuple[AmountMention, int] | None:
        n = len(toks)
        fraction = self._fraction(toks, i, text, offset)
        if fraction:
            return fraction
        num = self._vague(toks, i)
        cur = self._currency_before(toks, i)
        if num is None:
            num = self._number_at(toks, i, currency=cur is not None)
        if num is None or self._skip(toks, num, taken):
            return None
        start_i, end_j = num.i, num.j
        unit: str | None = None
        hedge: str | None = None
        previous: float | None = None
        lo_hi: tuple[float | None, float | None, float | None]
        is_range = False
        if cur:
            start_i, unit = cur
        lo_hi = num.vague if num.vague else (num.value, num.value, num.value)
        # ranges and changes: "between X and Y", "X to Y", "X-Y", "X or Y", "from X to Y"
        if not num.vague and end_j + 1 < n and toks[end_j].low in ("-", "–", "to", "or", "and"):
            sep = toks[end_j].low
            between = start_i >= 1 and toks[start_i - 1].low == "between"
            if sep != "and" or between:
                second = self._number_at(toks, end_j + 1, currency=cur is not None)
                if second is None and toks[end_j + 1].text in self.currency_before and end_j + 2 < n:
                    second = self._number_at(toks, end_j + 2, currency=True)
                if second is not None and not self._skip(toks, second, taken):
                    a, b = num.value, second.value
                    if second.scaled and not num.scaled and a * 1000 <= b:
                        # "$10-15 billion": the scale written once applies to both ends
                        written = float(toks[second.i].text.replace(",", "")) if toks[second.i].is_digit else b
                        a *= b / written
                    from_before = start_i >= 1 and toks[start_i - 1].low == "from"
                    change = from_before and any(
                        t.low in self.change_verbs for t in toks[max(0, start_i - 5):start_i - 1]
                    )
                    if change and sep == "to":
                        previous = a
                        start_i = second.i
                        end_j = second.j
                        lo_hi = (b, b, b)
                        num = second
                    elif b > a:
                        is_range = True
                        lo_hi = (a, None, b)
                        if between:
                            start_i -= 1
                        end_j = second.j
                        num = _Num(b, num.i, second.j, decimals=max(num.decimals, second.decimals), scaled=second.scaled)
        # unit after the figure
        if unit is None:
            u = self._unit_after(toks, end_j)
            if u:
                end_j, unit = u
        elif end_j < n:
            scale = toks[end_j].low
            if scale in self.scales:
                f = self.scales[scale]
                lo_hi = tuple(None if v is None else v * f for v in lo_hi)  # type: ignore[assignment]
                end_j += 1
        # magnitude written before ("magnitude 7.8", "M7.8")
        if unit is None and start_i >= 1 and toks[start_i - 1].low == "magnitude":
            start_i -= 1
            unit = "M"
        # hedges
        hb = self._match_before(toks, start_i, self.hedge_before)
        if hb:
            hedge_start, hedge = hb
            if toks[hedge_start].low == "some" and num.vague:
                hedge = None
            else:
                start_i = hedge_start
        else:
            ha = self._match_after(toks, end_j, self.hedge_after)
            if ha:
                end_j, hedge = ha
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
            if j < len(toks) and toks[j].low == "of":
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


def _round(v: float | None) -> float | None:
    if v is None:
        return None
    r = float(f"{v:.12g}")
    return float(int(r)) if r == int(r) else r
