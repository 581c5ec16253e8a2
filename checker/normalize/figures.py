"""Figures: one number as written, in digits or words, read into a value.

Takes the tokens of a sentence (with the sentence text and its offset) and a
token index; gives a ``Figure``: the value, the tokens it spans, and how it was
written (in words, scaled, with how many decimals). Hedges, ranges and units
around the figure are the amount reader's business (``amounts.py``).

Readings, all driven by ``checker/data/numbers.yaml``:
- digits with separators ("900,000", "1 234 567", Indian "12,34,567"),
  leading decimals (".08"), exponents ("1.3e6", "1.1^23", "6.23x10^-4"),
  scale suffixes ("10k", "2.5M", "3.5bn", "13 lakh");
- words ("thirty-three", "fifty - two", "one hundred and five", "three lakh
  crore", "two hundred point zero three", "nought point five"), and digits
  mixed with scale words ("4 thousand 3 hundred and 21");
- dozens ("half a dozen", "3 dozens", "three hundred and two dozens");
- fractions: in words ("two thirds", "a hundredth", "twenty-three fifths",
  "one hundred thirty-fifths", a whole ordinal after the numerator: "one
  one-hundredth", "one one hundred and fifth"), mixed ("two and a half", "3 million and a
  quarter"), as ratios ("one over three", "two out of five hundred"), in digits
  ("3/4", "2 1/4") and as single characters ("¾");
- a sign ("minus five", "negative one", "-1").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..lexicon import Lexicon
from ..textutil import Token


@dataclass
class Figure:
    value: float
    i: int  # first token index
    j: int  # one past last token index
    vague: tuple[float | None, float | None, float | None] | None = None
    decimals: int = 0
    scaled: bool = False
    words: bool = False
    fraction: bool = False


_DIGITS = re.compile(
    r"""(?:
        (?P<indian>\d{1,2}(?:,\d\d)+,\d{3})(?![\d,])
      | (?P<grouped>\d{1,3}(?P<sep>[,\u202f\u00a0\u2009 ])\d{3}(?!\d)(?:(?P=sep)\d{3}(?!\d))*)
      | (?P<plain>\d+)
      | (?=\.\d)
    )
    (?P<dec>\.\d+)?
    (?: (?P<exp>[eE][-+]?\d+)(?![\w])
      | \^(?P<pow>[-+]*\d+(?:\.\d+)?)
      | [x×]10\^(?P<sci>[-+]?\d+)
    )?""",
    re.X,
)
# the same groups, for a figure whose spaces are no thousands separators ("March 5 200")
_PLAIN_DIGITS = re.compile(r"(?P<plain>\d+)(?P<dec>\.\d+)?(?P<exp>(?!))?(?P<pow>(?!))?(?P<sci>(?!))?")
# a digit fraction's denominator: halves to sixteenths, and hundredths
_DIGIT_DENOMINATORS = frozenset(range(2, 17)) | {32, 64, 100}
_PUNCT_END = frozenset(".,;:!?)]}\"'”’")


class FigureReader:
    """Reads the figure that starts at a token; build once per lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        num = lex.numbers
        self.units_words: dict[str, int] = {k: int(v) for k, v in num["units"].items()}
        self.tens_words: dict[str, int] = {k: int(v) for k, v in num["tens"].items()}
        self.scales: dict[str, float] = {k: float(v) for k, v in num["scales"].items()}
        self.scale_abbr: dict[str, float] = {k: float(v) for k, v in num["scale_abbreviations"].items()}
        self.case_scales: dict[str, float] = {k: float(v) for k, v in num["case_sensitive_scales"].items()}
        self.currency_scale_abbr: dict[str, float] = {
            k: float(v) for k, v in num["currency_scale_abbreviations"].items()
        }
        self.dozen_words = {w.lower() for w in num["dozen_words"]}
        self.negative_words = {w.lower() for w in num["negative_words"]}
        self.point_words = {w.lower() for w in num["decimal_point_words"]}
        self.denominators: dict[str, int] = {k.lower(): int(v) for k, v in num["denominators"].items()}
        self.compound_denominators: dict[str, int] = {
            k.lower(): int(v) for k, v in num["compound_denominators"].items()
        }
        self.ratio_words: list[tuple[str, ...]] = sorted(
            (tuple(w.lower().split()) for w in num["ratio_words"]), key=lambda p: -len(p)
        )
        self.vulgar: dict[str, float] = {k: float(v) for k, v in num["vulgar_fractions"].items()}
        self.unit_names = lex.unit_names
        self.people_nouns = {w.lower() for w in lex.claims["people_nouns"]}
        self._starts_of: list[Token] | None = None
        self._starts: list[int] = []
        self.month_names = lex.month_names

    # ---- entry point -------------------------------------------------------------------------
    def at(self, toks: list[Token], i: int, text: str, offset: int, currency: bool = False) -> Figure | None:
        """The figure starting at token i, or None."""
        sign = 1.0
        k = i
        t = toks[i]
        if t.low in self.negative_words and i + 1 < len(toks):
            sign, k = -1.0, i + 1
        elif t.text in ("-", "−") and self._is_minus(toks, i):
            sign, k = -1.0, i + 1
        fig = self._unsigned(toks, k, text, offset, currency)
        if fig is None:
            return None
        fig = self._ratio(toks, fig, text, offset)
        if sign < 0:
            fig.value = -fig.value
            fig.i = i
        return fig

    def _is_minus(self, toks: list[Token], i: int) -> bool:
        """A "-" straight before digits is a sign unless it joins a word or a figure before it ("Su-24", "10-15")."""
        if i + 1 >= len(toks) or not toks[i + 1].is_digit or toks[i + 1].start != toks[i].end:
            return False
        if i == 0:
            return True
        prev = toks[i - 1]
        return prev.end < toks[i].start or prev.text in ("(", "$", "€", "£", "<", ">", "=", "~")

    def _unsigned(self, toks: list[Token], i: int, text: str, offset: int, currency: bool) -> Figure | None:
        t = toks[i]
        if t.text in self.vulgar:
            return Figure(self.vulgar[t.text], i, i + 1, fraction=True)
        if t.is_digit or (t.text == "." and i + 1 < len(toks) and toks[i + 1].is_digit
                          and toks[i + 1].start == t.end and (i == 0 or toks[i - 1].end < t.start)):
            if t.is_digit and re.fullmatch(r"\d{1,3}", t.text) and self._scale_word_follows(toks, i + 1):
                return self._words(toks, i)
            return self._digits(toks, i, text, offset, currency)
        if t.is_word:
            return self._words(toks, i)
        return None

    def _scale_word_follows(self, toks: list[Token], j: int) -> bool:
        if j >= len(toks):
            return False
        w = toks[j].low
        return w == "hundred" or w in self.dozen_words or (
            w in self.scales and j + 1 < len(toks) and toks[j + 1].low == "and"
        ) or (w in self.scales and j + 1 < len(toks) and toks[j + 1].is_digit)

    def _token_starts(self, toks: list[Token]) -> list[int]:
        """Token start offsets, computed once per token list (a long line has many figures)."""
        if self._starts_of is not toks:
            self._starts_of, self._starts = toks, [tk.start for tk in toks]
        return self._starts

    # ---- digits ------------------------------------------------------------------------------
    def _digits(self, toks: list[Token], i: int, text: str, offset: int, currency: bool) -> Figure | None:
        pos = toks[i].start - offset
        m = _DIGITS.match(text, pos)
        if m is None or m.end() == pos:
            return None
        if m.group("grouped") and m.group("sep") == " " and i > 0 and (
            toks[i - 1].low in self.month_names or toks[i - 1].is_digit
        ):
            # "March 5 200 people": a space after a day or a figure is no thousands separator
            m = _PLAIN_DIGITS.match(text, pos)
            assert m is not None
        whole = m.group(0)
        end = m.end() + offset
        j = bisect.bisect_left(self._token_starts(toks), end, lo=i)
        if toks[j - 1].end != end:
            # the match ends inside a token: read the token alone
            j = i + 1
            whole = toks[i].text
            end = toks[i].end
            m = None
        int_part = re.sub(r"[^\d.]", "", whole.split("e")[0].split("E")[0].split("^")[0].split("x")[0].split("×")[0])
        value = float(int_part) if int_part not in ("", ".") else 0.0
        decimals = len(int_part.split(".")[1]) if "." in int_part else 0
        if m is not None:
            try:
                if m.group("exp"):
                    value *= 10.0 ** int(m.group("exp")[1:])
                elif m.group("pow"):
                    raw = m.group("pow")
                    power_sign = -1 if raw.count("-") % 2 else 1
                    value = value ** (power_sign * float(raw.lstrip("+-")))
                elif m.group("sci"):
                    value *= 10.0 ** int(m.group("sci"))
            except (OverflowError, ZeroDivisionError):
                value = float("nan")
            if isinstance(value, complex) or value != value or value in (float("inf"), float("-inf")):
                # "10^999", "(-8)^0.5": no figure a report can mean; keep the figure before the power
                return Figure(float(toks[i].text.replace(",", "")) if toks[i].is_digit else 0.0, i, i + 1)
        fig = Figure(value, i, j, decimals=decimals)
        if m is not None and (m.group("exp") or m.group("pow") or m.group("sci")):
            return fig
        self._digit_fraction(toks, fig)
        self._digit_scale(toks, fig, currency)
        return fig

    def _digit_fraction(self, toks: list[Token], fig: Figure) -> None:
        """"3/4", "2 1/4", "10 1/2", "2½": a fraction written in digits or one character."""
        n, j = len(toks), fig.j
        if j < n and toks[j].text in self.vulgar and toks[j].start == toks[j - 1].end:
            fig.value += self.vulgar[toks[j].text]
            fig.j, fig.fraction = j + 1, True
            return
        first = toks[fig.i]
        if fig.decimals or not first.is_digit:
            return

        def ratio_at(k: int) -> tuple[float, float] | None:
            if k + 2 < n + 0 and toks[k].is_digit and toks[k + 1].text == "/" and toks[k + 2].is_digit:
                a, s, b = toks[k], toks[k + 1], toks[k + 2]
                if a.end == s.start and s.end == b.start and b.text.isdigit() and a.text.isdigit():
                    follows = k + 3 < n and toks[k + 3].text == "/" and toks[k + 3].start == b.end
                    precedes = k > 0 and toks[k - 1].text == "/" and toks[k - 1].end == a.start
                    num, den = int(a.text), int(b.text)
                    if not follows and not precedes and den in _DIGIT_DENOMINATORS and num < den:
                        return num, den
            return None

        own = ratio_at(fig.i)
        if own and fig.j == fig.i + 1:
            fig.value = own[0] / own[1]
            fig.j, fig.fraction = fig.i + 3, True
            return
        nxt = ratio_at(fig.j)
        if nxt and fig.j == fig.i + 1 and 0 < toks[fig.j].start - toks[fig.i].end <= 2:
            fig.value += nxt[0] / nxt[1]
            fig.j, fig.fraction = fig.j + 3, True

    def _digit_scale(self, toks: list[Token], fig: Figure, currency: bool) -> None:
        """A scale after digits: "1.2 million", "13 lakh", "10k", "2.5M", "1,674.5 G", "€200m"."""
        j = fig.j
        if j >= len(toks):
            return
        nxt = toks[j]
        attached = nxt.start == toks[j - 1].end
        spaced_once = nxt.start - toks[j - 1].end <= 2
        factor: float | None = None
        if nxt.low in self.scales:
            factor = self.scales[nxt.low]
        elif nxt.text in self.case_scales and spaced_once:
            factor = self.case_scales[nxt.text]
        elif nxt.low in self.scale_abbr and nxt.low not in self.unit_names and (attached or spaced_once):
            factor = self.scale_abbr[nxt.low]
        elif attached and currency and nxt.low in self.currency_scale_abbr:
            factor = self.currency_scale_abbr[nxt.low]
        elif spaced_once and nxt.low in self.currency_scale_abbr and j + 1 < len(toks) \
                and toks[j + 1].low in self.people_nouns:
            factor = self.currency_scale_abbr[nxt.low]  # "2m people", "1.5 m refugees": millions, not metres
        if factor is None:
            return
        fig.value *= factor
        fig.j, fig.scaled = j + 1, True
        # "three lakh crore", "a thousand million": a larger scale straight after multiplies again
        if fig.j < len(toks) and toks[fig.j].low in self.scales and self.scales[toks[fig.j].low] > factor:
            fig.value *= self.scales[toks[fig.j].low]
            fig.j += 1

    # ---- words -------------------------------------------------------------------------------
    def _small(self, toks: list[Token], j: int, digits_ok: bool) -> tuple[float, int, str] | None:
        """A number below a hundred at j: a unit word, tens with an optional unit, or (mixed) digits."""
        n = len(toks)
        w = toks[j].low
        if w in self.units_words:
            return float(self.units_words[w]), j + 1, "unit"
        if w in self.tens_words:
            v = float(self.tens_words[w])
            k = j + 1
            if k + 1 < n and toks[k].text in ("-", "‑") and toks[k + 1].low in self.units_words \
                    and 0 < self.units_words[toks[k + 1].low] < 10:
                return v + self.units_words[toks[k + 1].low], k + 2, "unit"
            if k < n and toks[k].low in self.units_words and 0 < self.units_words[toks[k].low] < 10:
                return v + self.units_words[toks[k].low], k + 1, "unit"  # "twenty one"
            return v, k, "tens"
        if digits_ok and re.fullmatch(r"\d{1,3}", toks[j].text):
            return float(toks[j].text), j + 1, "unit"
        return None

    def _words(self, toks: list[Token], i: int) -> Figure | None:
        n = len(toks)
        total = 0.0  # closed groups ("four thousand")
        group = 0.0  # the open group ("three hundred and two")
        small = 0.0  # its last small part ("two")
        last_scale = 0.0
        last = ""
        j = i
        digits_ok = toks[i].is_digit
        between = i > 0 and toks[i - 1].low == "between"
        w0 = toks[i].low
        if w0 in ("a", "an") or (w0 in ("half", "quarter") and i + 1 < n):
            frac = self._fraction_scale(toks, i)
            if frac:
                return frac
            if w0 in ("a", "an"):
                nxt = toks[i + 1].low if i + 1 < n else ""
                if nxt in self.scales or nxt in self.dozen_words and nxt != "dozens":
                    group, small, j, last = 1.0, 1.0, i + 1, "unit"
                else:
                    return self._article_fraction(toks, i)
            else:
                return None
        elif w0 in self.scales and w0 != "hundred":
            return None
        elif w0 == "hundred" and not (i + 1 < n and toks[i + 1].low in self.scales):
            return None
        while j < n:
            w = toks[j].low
            sm = self._small(toks, j, digits_ok or last in ("scale", "hundred", "and"))
            if sm is not None:
                if last in ("unit", "tens", "point"):
                    break
                v, j, kind = sm
                small = v
                group += v
                last = kind
                continue
            if w == "hundred" and last != "hundred":
                group = (group or 1.0) * 100
                small = 0.0
                last = "hundred"
                j += 1
            elif w in self.scales and w != "hundred" and last:
                s = self.scales[w]
                if group == 0 and total > 0 and s > total:
                    total *= s
                else:
                    total += (group or 1.0) * s
                group = small = 0.0
                last_scale = s
                last = "scale"
                j += 1
            elif w in self.dozen_words and last in ("unit", "tens"):
                group += small * 11  # the small part, not the whole group, is counted in dozens
                small *= 12
                last = "dozen"
                j += 1
            elif w == "and" and last and j + 1 < n:
                tail = self._fraction_tail(toks, j + 1)
                if tail is not None:
                    fv, fj = tail
                    if fj < n and toks[fj].low in self.scales:
                        # "two and a half thousand": the whole group; "a billion and a quarter million": the part
                        total += (group + fv) * self.scales[toks[fj].low]
                        group = 0.0
                        fj += 1
                    elif last == "scale" and group == 0:
                        total += fv * last_scale
                    else:
                        group += fv
                    j = fj
                    last = "fraction"
                    break
                nxt_small = self._small(toks, j + 1, True)
                after_small = toks[nxt_small[1]].low if nxt_small is not None and nxt_small[1] < n else ""
                if between:
                    break  # "between two hundred and one thousand": the "and" joins the two ends
                if last in ("scale", "hundred", "dozen") and nxt_small is not None and nxt_small[0] > 0 and not (
                    group >= 100 and after_small == "hundred"
                ) and not (
                    after_small in self.scales and after_small != "hundred" and self.scales[after_small] >= last_scale > 0
                ):  # "3 hundred and 2 hundred", "one thousand and one thousand" are two figures each,
                    # and so is "4 thousand and 0": zero adds nothing to a figure, so it is a figure of its own
                    j += 1
                    last = "and"
                else:
                    break
            elif w in self.point_words and last in ("unit", "tens", "hundred", "scale") and j + 1 < n:
                dec = self._decimal_digits(toks, j + 1)
                if dec is None:
                    break
                digits, j = dec
                group += float("0." + digits)
                last = "point"
                break
            else:
                break
        if not last:
            return None
        value = total + group
        fig = Figure(value, i, j, words=not digits_ok, scaled=total > 0 or group >= 100)
        if last in ("unit", "tens", "hundred", "scale"):
            self._denominator(toks, fig, last)
        return fig

    def _decimal_digits(self, toks: list[Token], j: int) -> tuple[str, int] | None:
        """"point zero three" -> "03"; "point seventy-one" -> "71"; "point eleven" -> "11"."""
        digits = ""
        n = len(toks)
        while j < n:
            w = toks[j].low
            if w in self.units_words and self.units_words[w] < 10:
                digits += str(self.units_words[w])
                j += 1
                continue
            if not digits:
                sm = self._small(toks, j, False)
                if sm is not None:
                    return str(int(sm[0])), sm[1]
            break
        return (digits, j) if digits else None

    def _denominator_at(self, toks: list[Token], j: int, allow_singular: bool) -> tuple[int, int, bool] | None:
        """The ordinal denominator at j: (denominator, end, plural)."""
        n = len(toks)
        if j + 1 < n and toks[j].text in ("-", "‑") and toks[j + 1].low in self.denominators:
            j += 1  # "one-eighth", "five - eighths"
        if j >= n:
            return None
        w = toks[j].low
        if w in self.tens_words and j + 2 < n and toks[j + 1].text in ("-", "‑") \
                and toks[j + 2].low in self.compound_denominators:
            word = toks[j + 2].low
            return self.tens_words[w] + self.compound_denominators[word], j + 3, word.endswith("s")
        if w in self.tens_words and j + 1 < n and toks[j + 1].low in self.compound_denominators:
            word = toks[j + 1].low  # "three twenty firsts"
            return self.tens_words[w] + self.compound_denominators[word], j + 2, word.endswith("s")
        if w in self.denominators:
            return self.denominators[w], j + 1, w.endswith("s") or w == "halves"
        return None

    def _denominator(self, toks: list[Token], fig: Figure, last: str) -> None:
        """"two thirds", "twenty-three fifths", "one hundred thirty-fifths": the figure over an ordinal."""
        n = len(toks)
        tens = self.tens_words.get(toks[fig.j - 1].low) if last == "tens" else None
        if tens is not None and fig.value > tens and fig.j - 2 >= fig.i and toks[fig.j - 2].low != "and":
            k = fig.j + 1 if fig.j < n and toks[fig.j].text in ("-", "‑") else fig.j
            if k < n and toks[k].low in self.compound_denominators:
                # "one hundred thirty-fifths", "one hundred thirty fifths": the tens word belongs to the
                # ordinal; after "and" ("one hundred and thirty fifths") it belongs to the numerator
                fig.value = (fig.value - tens) / (tens + self.compound_denominators[toks[k].low])
                fig.j = k + 1
                fig.fraction = True
                return
        den = self._denominator_at(toks, fig.j, True)
        if den is None and last in ("unit", "tens") and fig.words:
            den = self._ordinal_number(toks, fig.j)  # "one one-hundredth", "three one-thousandths"
            if den is not None and not den[2] and fig.value != 1:
                return
            if den is not None:
                fig.value, fig.j, fig.fraction, fig.scaled = fig.value / den[0], den[1], True, False
                return
        if den is None:
            return
        d, end, plural = den
        if not plural and (fig.value != 1 or not self._fraction_context(toks, end)):
            return
        if end < n and toks[end].low == "of" and end + 2 < n and toks[end + 1].low in ("a", "an") \
                and toks[end + 2].low in self.scales:
            end += 2  # "two thirds of a million"
        fig.value = fig.value / d
        fig.j = end
        fig.fraction = True
        fig.scaled = False
        if end < n and toks[end].low in self.scales:
            fig.value *= self.scales[toks[end].low]
            fig.j = end + 1

    def _ordinal_number(self, toks: list[Token], j: int) -> tuple[int, int, bool] | None:
        """A whole ordinal in words after a numerator, as its denominator (denominator, end, plural):
        "one hundredth" (100), "one-thousandths" (1000), "one hundred fifth" and "one hundred and fifth" (105)."""
        n = len(toks)
        closed, group, last, k = 0.0, 0.0, "", j
        scale_values = set(self.scales.values())
        while k < n:
            den = self._denominator_at(toks, k, True) if last else None
            if den is None and last in ("hundred", "scale", "and") and toks[k].low in self.compound_denominators:
                word = toks[k].low  # "one hundred and first": "first" ends a whole ordinal, never a fraction alone
                den = self.compound_denominators[word], k + 1, word.endswith("s")
            if den is not None:
                d, end, plural = den
                if d in scale_values and last in ("unit", "tens", "hundred"):
                    return int(closed + group * d), end, plural  # "one hundredth", "two hundred thousandths"
                if d not in scale_values and last in ("hundred", "scale", "and"):
                    return int(closed + group + d), end, plural  # "one hundred fifth"
                return None
            w = toks[k].low
            sm = self._small(toks, k, False) if last in ("", "hundred", "scale", "and") else None
            if sm is not None:
                group += sm[0]
                k, last = sm[1], sm[2]
            elif w == "hundred" and last in ("unit", "tens"):
                group, last, k = group * 100, "hundred", k + 1
            elif w in self.scales and w != "hundred" and last in ("unit", "tens", "hundred"):
                closed, group, last, k = closed + group * self.scales[w], 0.0, "scale", k + 1
            elif w == "and" and last in ("hundred", "scale"):
                last, k = "and", k + 1
            else:
                return None
        return None

    def _fraction_context(self, toks: list[Token], end: int) -> bool:
        """A singular ordinal is a fraction only where nothing but "of", a scale or the end follows ("a fifth.")."""
        if end >= len(toks):
            return True
        nxt = toks[end]
        return nxt.text in _PUNCT_END or nxt.low in ("of", "and", "or") or nxt.low in self.scales \
            or nxt.low in self.unit_names  # "one-half miles"

    def _article_fraction(self, toks: list[Token], i: int) -> Figure | None:
        """"a half", "a fifth", "a hundred trillionths", "a twenty-first"."""
        den = self._denominator_at(toks, i + 1, True)
        if den is None:
            return None
        d, end, plural = den
        if not self._fraction_context(toks, end):
            return None
        return Figure(1.0 / d, i, end, words=True, fraction=True)

    def _fraction_scale(self, toks: list[Token], i: int) -> Figure | None:
        """"half a million", "half million", "a quarter million", "three quarters billion"."""
        n = len(toks)
        k = i
        if toks[k].low in ("a", "an"):
            k += 1
        if k >= n or toks[k].low not in ("half", "quarter"):
            return None
        frac = 1.0 / self.denominators[toks[k].low]
        k += 1
        if k < n and toks[k].low in ("a", "an"):
            k += 1
        if k < n and toks[k].low in self.scales and toks[k].low != "hundred":
            return Figure(frac * self.scales[toks[k].low], i, k + 1, words=True, scaled=True)
        if k < n and toks[k].low in self.dozen_words and toks[k].low != "dozens" and toks[i].low == "half":
            return Figure(frac * 12, i, k + 1, words=True)
        return None

    def _fraction_tail(self, toks: list[Token], j: int) -> tuple[float, int] | None:
        """After "and": "a half", "a quarter", "one half", "three quarters", "three fifths"."""
        n = len(toks)
        if j >= n:
            return None
        w = toks[j].low
        if w in ("a", "an", "one"):
            den = self._denominator_at(toks, j + 1, True)
            if den is None:
                return None
            return 1.0 / den[0], den[1]
        sm = self._small(toks, j, True)
        if sm is None:
            return None
        v, k, _ = sm
        den = self._denominator_at(toks, k, False)
        if den is None or not den[2]:
            return None
        if v >= den[0]:
            return None  # "one hundred and thirty fifths": an improper fraction takes the whole numerator
        return v / den[0], den[1]

    # ---- ratios ------------------------------------------------------------------------------
    def _ratio(self, toks: list[Token], fig: Figure, text: str, offset: int) -> Figure:
        """"one over three", "two out of five hundred", "1 in 20": the first figure over the second."""
        n = len(toks)
        for phrase in self.ratio_words:
            k = fig.j
            if tuple(t.low for t in toks[k:k + len(phrase)]) != phrase:
                continue
            k += len(phrase)
            if k >= n or not (toks[k].is_digit or toks[k].is_word):
                return fig
            second = self._unsigned(toks, k, text, offset, False)
            if second is None or second.value == 0 or second.fraction or _looks_like_year(toks, second):
                return fig
            if phrase != ("out", "of") and not (phrase == ("in",) and fig.value == 1):
                after = toks[second.j] if second.j < n else None
                if after is not None and not (after.text in _PUNCT_END or after.low in ("or", "is", "equals")):
                    return fig  # "over 3 years", "5 in 2 attacks": no ratio; "one in five homes" is one
            if phrase in (("in",), ("out", "of")) and not (fig.value <= second.value):
                return fig
            return Figure(fig.value / second.value, fig.i, second.j, words=fig.words, fraction=True)
        return fig


def _looks_like_year(toks: list[Token], fig: Figure) -> bool:
    """A plain four-digit figure from 1800 to 2099 after "in" or "over" is a year, not a denominator."""
    return fig.j == fig.i + 1 and re.fullmatch(r"(1[89]|20)\d\d", toks[fig.i].text) is not None
