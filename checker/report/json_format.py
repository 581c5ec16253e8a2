"""JSON: the FindingsDocument as one JSON document (validates against schemas/findings.schema.json)."""

from __future__ import annotations

from ..models import FindingsDocument


def render(document: FindingsDocument) -> str:
    return document.model_dump_json(indent=2, exclude_none=False) + "\n"
