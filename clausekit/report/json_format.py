"""The JSON format (version 1): a stable interface for scripts and CI.

    {"version": 1, "files": [{"path", "language", "items": [...], "placeholders": [...], "summary": {...}}]}

Every item of the library appears in `items`, in library order.  Evidence carries
`line` (1-based line of the extracted text), `section`, `text` and `value`, plus
`location`/`page` when the source format has them.

Added in place (version stays 1; keys are only ever added): item `status` may be
`waived`, with `waiver: {reason, until, source, expired, hides}`; an expired waiver is
listed on an item with its judged status; each item carries `level` (error / warning /
null); files carry `regressions` and the summary counts `waived` and `regressions`.
"""

from __future__ import annotations

import json

from clausekit.models import Evidence, FileResult, ItemResult, Placeholder, Regression, Waiver
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
    return {"line": ev.line, "section": ev.section, "text": ev.text, "value": ev.value, "match": ev.match,
            **_where(ev)}


def item_dict(r: ItemResult, language: str) -> dict:
    return {
        "id": r.item.id,
        "area": r.item.area,
        "title": title_for(r.item.title, language),
        "severity": r.item.severity,
        "status": r.status,
        "level": r.level,
        "evidence": [evidence_dict(e) for e in r.evidence],
        **({"waiver": waiver_dict(r.waiver)} if r.waiver else {}),
    }


def waiver_dict(w: Waiver) -> dict:
    return {"reason": w.reason, "until": w.until, "source": w.source, "expired": w.expired, "hides": w.hides}


def regression_dict(g: Regression, language: str) -> dict:
    return {"id": g.item.id, "title": title_for(g.item.title, language), "severity": g.item.severity,
            "baseline": g.baseline, "status": g.status, "was": evidence_dict(g.was) if g.was else None}


def summary_dict(f: FileResult) -> dict:
    return {
        "present": f.count("present"),
        "vague": f.count("vague"),
        "missing": f.count("missing"),
        "placeholders": len(f.placeholders),
        "waived": f.count("waived"),
        "regressions": len(f.regressions),
    }


def file_dict(f: FileResult) -> dict:
    return {
        "path": f.path,
        "language": f.language,
        "items": [item_dict(r, f.language) for r in f.items],
        "placeholders": [{"line": p.line, "text": p.text, **_where(p)} for p in f.placeholders],
        "regressions": [regression_dict(g, f.language) for g in f.regressions],
        "summary": summary_dict(f),
    }


def format_json(results: list[FileResult]) -> str:
    """Return the JSON document for `results`."""
    return json.dumps({"version": VERSION, "files": [file_dict(f) for f in results]},
                      ensure_ascii=False, indent=2) + "\n"
