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
    place: list[str] = Field(default_factory=list)
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
    fingerprint: str = Field(description="stable key for baselines and suppressions")


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


class RulesConfig(_Model):
    """A rules file: settings per rule code or name."""

    version: str = SCHEMA_VERSION
    rules: dict[str, RuleSetting] = Field(default_factory=dict)
