"""JSON inputs (``.json``): text -> Report or ClaimsFile.

Two shapes are read:

- a report object ``{"id", "outlet", "published", "title", "url", "text"}``
  where only ``text`` is required. The Report's ``text`` is the ``"text"``
  *value*, not the JSON file, so claim offsets from such a report are offsets
  into that string (``body_start`` is 0). Other keys are ignored, as in front
  matter.
- a claims document with a ``"claims"`` list, validated as
  :class:`~checker.models.ClaimsFile` and returned as is.

Malformed JSON raises ``json`` with its line; JSON that breaks the models
raises ``schema`` naming the first bad field path (``claims[3].value.low``).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from checker.errors import CheckerError
from checker.models import ClaimsFile, Report, ReportMeta
from checker.read.dates import normalize_date
from checker.read.plaintext import report_id, require_body

_STRING_FIELDS = ("id", "outlet", "title", "url")


def field_path(document: Any, location: tuple[int | str, ...]) -> str:
    """A pydantic error location as a path into the document: ``claims[3].value.low``.

    Discriminated unions put the tag (``casualty``) into the location; it is
    not a key of the document, so it is dropped by walking the document along.
    """
    parts: list[str] = []
    node: Any = document
    for step in location:
        if isinstance(step, int):
            parts.append(f"[{step}]")
            node = node[step] if isinstance(node, list) and -len(node) <= step < len(node) else None
            continue
        if isinstance(node, dict) and step not in node and node.get("kind") == step:
            continue  # the union's tag, not a field
        parts.append(f".{step}" if parts else step)
        node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts) or "(top level)"


def _json_type(value: Any) -> str:
    """The JSON name of a decoded value's type, for messages about the file."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _schema_error(error: ValidationError, document: Any, path: str) -> CheckerError:
    errors = error.errors()
    first = errors[0]
    where = field_path(document, tuple(first["loc"]))
    more = f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})" if len(errors) > 1 else ""
    return CheckerError("schema", f"{where}: {first['msg']}{more}", path)


def _report(document: dict[str, Any], path: str) -> Report:
    text = document.get("text")
    if text is None:
        raise CheckerError(
            "schema",
            'text: field required (a JSON report needs a "text" string; a claims file needs a "claims" list)',
            path,
        )
    if not isinstance(text, str):
        raise CheckerError("schema", f"text: must be a string, not {_json_type(text)}", path)
    values: dict[str, str | None] = {}
    for key in _STRING_FIELDS:
        value = document.get(key)
        if value is not None and not isinstance(value, str):
            raise CheckerError("schema", f"{key}: must be a string or null, not {_json_type(value)}", path)
        values[key] = (value.strip() or None) if isinstance(value, str) else None
    published_raw = document.get("published")
    published: str | None = None
    if published_raw is not None:
        published = normalize_date(published_raw) if isinstance(published_raw, str) else None
        if published is None:
            raise CheckerError(
                "schema", f"published: {published_raw!r} is not an ISO 8601 date or date-time", path
            )
    # A leading BOM inside the string is noise like a BOM before a file.
    text = text.removeprefix("\ufeff")
    require_body(text, 0, path)
    title = values["title"]
    title_span: tuple[int, int] | None = None
    if title:
        found = text.find(title)
        title_span = (found, found + len(title)) if found != -1 else None
    meta = ReportMeta(
        id=values["id"] or report_id(path),
        path=path,
        outlet=values["outlet"],
        published=published,
        title=title,
        url=values["url"],
    )
    return Report(meta=meta, text=text, body_start=0, title_span=title_span)


def parse_json(text: str, *, path: str) -> Report | ClaimsFile:
    """A Report or a ClaimsFile from the decoded text of a JSON file (BOM already removed)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise CheckerError(
            "json", f"malformed JSON: {error.msg} at line {error.lineno}, column {error.colno}", path, error.lineno
        ) from None
    if not isinstance(document, dict):
        raise CheckerError(
            "schema", f"(top level): must be an object, not a JSON {_json_type(document)}", path
        )
    if "claims" in document:
        try:
            return ClaimsFile.model_validate(document)
        except ValidationError as error:
            raise _schema_error(error, document, path) from None
    return _report(document, path)
