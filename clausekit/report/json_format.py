"""The JSON format (version 1): a stable interface for scripts and CI.

    {"version": 1, "files": [{"path", "language", "items": [...], "placeholders": [...], "summary": {...}}]}

Every item of the library appears in `items`, in library order.  Evidence carries
`line` (1-based line of the extracted text), `section`, `text` and `value`, plus
`location`/`page` when the source format has them.
"""

from __future__ import annotations

import json

from clausekit.models import Evidence, FileResult, ItemResult, Placeholder
from clausekit.report import title_for

VERSION = 1


def _where(obj: Evidence | Placeholder) -> dict:
    out = {}
    if obj.location:
        out["location"] = obj.location
    if obj.page is not None:
        out["page"] = obj.page
    return out


def evidence_dict(ev: Evidence) -> dict:
    return {"line": ev.line, "section": ev.section, "text": ev.text, "value": ev.value, **_where(ev)}


def item_dict(r: ItemResult, language: str) -> dict:
    return {
        "id": r.item.id,
        "area": r.item.area,
        "title": title_for(r.item.title, language),
        "severity": r.item.severity,
        "status": r.status,
        "evidence": [evidence_dict(e) for e in r.evidence],
    }


def summary_dict(f: FileResult) -> dict:
    return {
        "present": f.count("present"),
        "vague": f.count("vague"),
        "missing": f.count("missing"),
        "placeholders": len(f.placeholders),
    }


def file_dict(f: FileResult) -> dict:
    return {
        "path": f.path,
        "language": f.language,
        "items": [item_dict(r, f.language) for r in f.items],
        "placeholders": [{"line": p.line, "text": p.text, **_where(p)} for p in f.placeholders],
        "summary": summary_dict(f),
    }


def format_json(results: list[FileResult]) -> str:
    """Return the JSON document for `results`."""
    return json.dumps({"version": VERSION, "files": [file_dict(f) for f in results]},
                      ensure_ascii=False, indent=2) + "\n"
