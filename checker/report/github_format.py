"""GitHub Actions workflow commands: a FindingsDocument in, one annotation line per finding out.

``::error file=PATH,line=L,col=C,endColumn=E,title=CT01 count-mismatch::message``
at the new report's claim (``info`` findings are ``notice``s); the message
names the other claims and who said them. Values are escaped as the runner
expects (``%``, CR and LF everywhere; ``:`` and ``,`` in properties too).
Unreadable inputs become ``::error`` lines on their file.
"""

from __future__ import annotations

from ..models import FindingsDocument
from ._locate import all_findings, primary_and_related, reports_by_id, source_label

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, properties: dict[str, str | int], message: str) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{kind} {props}::{escape_data(message)}" if props else f"::{kind}::{escape_data(message)}"


def render(document: FindingsDocument) -> str:
    claims = {c.id: c for c in document.claims}
    reports = reports_by_id(document)
    record = set(document.record)
    lines: list[str] = []
    for finding in all_findings(document):
        primary, related = primary_and_related(finding, claims, record)
        label = f" ({finding.label})" if finding.label else ""
        message = f"{finding.message}{label}"
        if related:
            message += "\n" + "\n".join(
                f"  vs {source_label(c, reports, record)}: \"{c.text}\" at {c.source.path}:{c.source.line}:{c.source.column}"
                for c in related)
        props: dict[str, str | int] = {}
        if primary is not None:
            props = {"file": primary.source.path, "line": primary.source.line, "col": primary.source.column}
            if "\n" not in primary.text:
                props["endColumn"] = primary.source.column + len(primary.text)
        props["title"] = f"{finding.code} {finding.rule}"
        lines.append(_command(_COMMAND[finding.severity.value], props, message))
    for error in document.errors:
        props = {"file": error.path, **({"line": error.line} if error.line else {}), "title": f"checker {error.code}"}
        lines.append(_command("error", props, error.message))
    return "".join(line + "\n" for line in lines)
