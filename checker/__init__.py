"""checker: a fact-consistency checker for news reports.

Read reports, extract the checkable claims, normalise them, match claims about
the same fact and flag the conflicts::

    from checker import check_files
    document = check_files(["examples/idlib-2020"])
    for conflict in document.conflicts:
        print(conflict.message)
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import CheckerError
from .extract import Extractor, extract
from .match import Group, Matcher, MatchSettings
from .models import (
    Amount,
    Claim,
    ClaimsFile,
    CountClaim,
    DateClaim,
    DateSpan,
    Finding,
    FindingsDocument,
    MatchInfo,
    Report,
    ReportMeta,
    RuleSetting,
    Severity,
    Source,
)
from .normalize import normalize_text
from .pipeline import CheckOptions, check, check_files, extract_files
from .read import read_report, read_text
from .rules import Rule, RuleContext, RuleEngine

__all__ = [
    "Amount", "CheckOptions", "CheckerError", "Claim", "ClaimsFile", "CountClaim", "DateClaim", "DateSpan",
    "Extractor", "Finding", "FindingsDocument", "Group", "MatchInfo", "MatchSettings", "Matcher", "Report",
    "ReportMeta", "Rule", "RuleContext", "RuleEngine", "RuleSetting", "Severity", "Source", "__version__", "check",
    "check_files", "extract", "extract_files", "normalize_text", "read_report", "read_text",
]
