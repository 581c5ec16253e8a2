"""The data contract of checker: reports, claims, findings and rule settings.

Every model is a frozen pydantic v2 model that forbids unknown fields. The JSON
Schemas in ``schemas/`` are generated from these models (``python -m
checker.schema``) and a test fails when the two drift apart.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Severity(str, Enum):
    """How much a finding matters; ``--fail-on`` compares against this order."""

    info = "info"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class ClaimStatus(str, Enum):
    """Editorial status of a claim on record."""

    reported = "reported"
    confirmed = "confirmed"
    disputed = "disputed"
    retracted = "retracted"


class Source(_Model):
    """Where a quote stands: character offsets into the file as read, 1-based line and column."""

    path: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1)
    column: int = Field(ge=1)


class ReportMeta(_Model):
    """What is known about a report besides its text."""

    id: str
    path: str
    outlet: str | None = None
    published: str | None = Field(
        default=None, description="ISO 8601 date or date-time of publication, if known"
    )
    title: str | None = None
    url: str | None = None


class Report(_Model):
    """A report as read: its metadata and its full text.

    ``text`` is the whole file as read (front matter included) so that offsets
    in claims point into the file; ``body_start`` is where the article begins.
    ``title_span`` locates the headline inside ``text`` when it is there.
    """

    meta: ReportMeta
    text: str
    body_start: int = 0
    title_span: tuple[int, int] | None = None
    offset_map: list[int] | None = Field(
        default=None,
        description="for text taken out of markup (HTML): file offset of each character of text",
    )
    raw: str | None = Field(default=None, description="the file as read, when text was taken out of markup")


class Amount(_Model):
    """A count or measure as conflict data sets code it: inclusive bounds, null = open end.

    ``unit`` is a canonical symbol (km, mi, h, USD, %, ...) or null for plain counts.
    """

    low: float | None = None
    best: float | None = None
    high: float | None = None
    unit: str | None = None


class DateSpan(_Model):
    """An inclusive span of ISO days, or of ISO date-times with an offset for instants.

    Both ends are null when the date could not be resolved (for example a
    weekday in a report with no publication date).
    """

    start: str | None = None
    end: str | None = None


class _ClaimBase(_Model):
    id: str = Field(description="document-local id, e.g. c12")
    fingerprint: str = Field(
        description="stable key from report identity, kind, measure, subject and value"
    )
    measure: str = Field(description="what is counted or dated: killed, injured, displaced, width, ...")
    subject: str | None = Field(default=None, description="who or what is counted, normalised")
    actors: list[str] = Field(default_factory=list, description="named groups the subject belongs to")
    event: str | None = Field(default=None, description="the event the figure belongs to, normalised")
    occasion: str | None = Field(
        default=None,
        description="which occurrence of its event, where the report names another than its news: the year of a "
        "past one, 'another' for a second or new one (null: the report's own)",
    )
    place: list[str] = Field(default_factory=list)
    state: str | None = Field(
        default=None,
        description="the state counted things are in, where the report says: destroyed, damaged, or both joined "
        "('destroyed or damaged': a count of either)",
    )
    attribution: str | None = None
    scope: Literal["incident", "aggregate", "unknown"] = "unknown"
    period: str | None = Field(default=None, description="the period an aggregate covers, as written")
    reference: Literal["current", "earlier", "projected"] = "current"
    hedge: str | None = None
    event_date: DateSpan | None = Field(default=None, description="when the event the figure belongs to happened")
    period_span: DateSpan | None = Field(default=None, description="the period an aggregate covers, resolved")
    text: str = Field(description="the exact source text of the claim")
    sentence: str | None = None
    source: Source
    report: str = Field(description="id of the report the claim comes from")
    status: ClaimStatus = ClaimStatus.reported
    note: str | None = None


class CountClaim(_ClaimBase):
    """A casualty count, displacement figure or measured quantity."""

    kind: Literal["casualty", "displacement", "quantity"]
    value: Amount
    precision: float | None = Field(
        default=None, description="half a unit of the last written digit, in the claim's unit"
    )
    alternates: list[Amount] = Field(default_factory=list, description="conversions given beside the figure")


class DateClaim(_ClaimBase):
    """When an event happened or will happen."""

    kind: Literal["date"]
    value: DateSpan


Claim = Annotated[Union[CountClaim, DateClaim], Field(discriminator="kind")]
ClaimKind = Literal["casualty", "displacement", "quantity", "date"]


class MatchInfo(_Model):
    """Why two claims were judged to be about the same fact."""

    level: Literal["exact", "alias", "fuzzy", "open"]
    score: float = Field(description="descriptor similarity, 0-100")
    reasons: list[str] = Field(default_factory=list)


class Evidence(_Model):
    """One quote a finding rests on, so that a finding explains itself without the claims list."""

    claim: str = Field(description="id of the claim")
    quote: str = Field(description="the exact source text")
    where: str = Field(description="path:line:column of the quote")
    value: Amount | DateSpan = Field(description="the normalised value")
    report: str


class Finding(_Model):
    """One finding of a rule: a pairwise conflict, or another observation."""

    rule: str = Field(description="kebab-case rule name, e.g. count-mismatch")
    code: str = Field(description="stable rule code, e.g. CT01")
    severity: Severity
    message: str
    claims: list[str] = Field(description="ids of the claims involved (a pair for conflicts)")
    label: str | None = Field(default=None, description="e.g. superseded: a later figure replaces an earlier one")
    fact: str | None = Field(default=None, description="id of the matched group")
    match: MatchInfo | None = None
    evidence: list[Evidence] = Field(default_factory=list, description="the quotes, where they stand, their values")
    fingerprint: str = Field(description="stable key for baselines and suppressions")
    threshold: str | None = Field(default=None, description="the rule setting that decided, e.g. tolerance_rel=0.05")
    suppressed_by: str | None = Field(
        default=None, description="why the finding is not reported: an inline comment, an ignore file line, a baseline"
    )


class InputError(_Model):
    """A report that could not be read, with what went wrong and where."""

    path: str
    code: str
    message: str
    line: int | None = None


class Summary(_Model):
    reports: int
    claims: int
    conflicts: int
    findings: int
    errors: int
    suppressed: int = 0
    by_severity: dict[str, int] = Field(default_factory=dict)
    record_claims: int | None = Field(
        default=None, description="claims on the record the run was checked against (--against), if any"
    )


class FindingsDocument(_Model):
    """What ``checker check --format json`` prints."""

    version: str = SCHEMA_VERSION
    reports: list[ReportMeta] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    conflicts: list[Finding] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    errors: list[InputError] = Field(default_factory=list)
    suppressed: list[Finding] = Field(
        default_factory=list, description="findings an inline comment, ignore file or baseline silenced"
    )
    record: list[str] = Field(
        default_factory=list,
        description="ids of reports that come from the claim record: context for findings, not checked themselves",
    )
    summary: Summary


class ClaimsFile(_Model):
    """Claims extracted elsewhere (or on record), with their report's metadata."""

    version: str = SCHEMA_VERSION
    report: ReportMeta
    claims: list[Claim]


class RuleSetting(_Model):
    """How a rule is configured: on or off, its severity, its options."""

    enabled: bool = True
    severity: Severity | None = None
    options: dict[str, float | int | str | bool] = Field(default_factory=dict)


KEBAB_NAME = r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$"


class RuleSelect(_Model):
    """Which claims a declarative rule looks at; every given selector must hold (patterns are regexes)."""

    kind: list[ClaimKind] = Field(default_factory=list, description="claim kinds; empty = all")
    measure: list[str] = Field(default_factory=list, description="measures (killed, displaced, width...); empty = all")
    subject: str | None = Field(default=None, description="regex the claim's subject must match (search)")
    event: str | None = Field(default=None, description="regex the claim's event must match (search)")


class RuleMatch(_Model):
    """Extra conditions on a matched pair, on top of the matcher's judgement that it is one fact."""

    min_score: float = Field(default=0.0, ge=0, le=100, description="lowest subject similarity (exact and alias = 100)")
    same_place: bool = Field(default=False, description="both claims name a place and share one")
    date_window_days: int | None = Field(
        default=None, ge=0, description="the event dates of both claims lie within this many days of each other"
    )
    reports: Literal["any", "same", "different"] = Field(
        default="any", description="pairs within one report, across reports, or both"
    )


class RuleCompare(_Model):
    """How the values of a pair are compared: they conflict when the widened intervals do not overlap."""

    hedges: bool = Field(default=True, description="compare hedge-aware intervals; false compares best values")
    tolerance_abs: float = Field(default=0.0, ge=0, description="absolute slack added on each side")
    tolerance_rel: float = Field(default=0.0, ge=0, lt=1, description="slack as a share of each bound")
    convert_units: bool = Field(default=True, description="convert units of one dimension before comparing")
    days: int = Field(default=0, ge=0, description="for dates: slack in days on each side")
    updates: bool = Field(
        default=False, description="a higher figure in a later report is an update: labelled superseded, severity info"
    )


class RuleDoc(_Model):
    """The documentation page of a declarative rule."""

    what: str = Field(min_length=1, description="What it flags")
    why: str = Field(min_length=1, description="Why it matters")
    example_fires: str = Field(min_length=1)
    example_passes: str = Field(min_length=1)
    options: str = "none"


class RuleDefinition(_Model):
    """A declarative rule (Vale-like): one kind from a closed set, the same header on every rule.

    ``compare``: pairs of claims judged to be one fact whose values disagree
    (goes to ``conflicts``). ``phrase``: a claim whose sentence matches
    ``pattern`` (goes to ``findings``; for style queries). ``message`` is a
    template with named placeholders (see ``checker rules --placeholders``).
    """

    id: str = Field(pattern=r"^[A-Z][A-Z0-9]{1,7}[0-9]{2}$", description="stable code, e.g. UR01; never reused")
    name: str = Field(pattern=KEBAB_NAME, description="kebab-case name of the problem")
    kind: Literal["compare", "phrase"]
    summary: str = Field(min_length=1, max_length=100, description="one sentence, ending with a full stop")
    severity: Severity = Severity.warning
    message: str = Field(min_length=1)
    select: RuleSelect = Field(default_factory=RuleSelect)
    match: RuleMatch = Field(default_factory=RuleMatch)
    compare: RuleCompare = Field(default_factory=RuleCompare)
    pattern: str | None = Field(
        default=None, description="phrase kind: regex searched in the claim's sentence; {weekday} and {month} "
        "expand to the lexicon's names"
    )
    doc: RuleDoc


class RulesConfig(_Model):
    """A rules file: declarative rules, and settings per rule code or name."""

    version: str = SCHEMA_VERSION
    rules: list[RuleDefinition] = Field(default_factory=list)
    settings: dict[str, RuleSetting] = Field(default_factory=dict)
