"""Report stage: FileResults → output.  One module per format; none of them decides a status.

`findings()` flattens a judged file into what the CI formats (sarif, junit, github,
markdown) list: one entry per item that is not present, per placeholder and per regression,
each with the level the judge's status and the item's severity give (`ItemResult.level`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clausekit.models import FileResult, ItemResult, Waiver

Formatter = Callable[[list[FileResult]], str]

FORMATS = {
    "json": ("clausekit.report.json_format", "format_json"),
    "sarif": ("clausekit.report.sarif", "format_sarif"),
    "junit": ("clausekit.report.junit", "format_junit"),
    "github": ("clausekit.report.github", "format_github"),
    "markdown": ("clausekit.report.markdown", "format_markdown"),
}


def formatter(name: str) -> Formatter:
    """Return the text formatter for a machine format name."""
    import importlib

    module, func = FORMATS[name]
    return getattr(importlib.import_module(module), func)


def title_for(titles: dict[str, str], language: str) -> str:
    """Return an item/area title in the document's language ('both' shows both)."""
    if language == "both":
        return f"{titles['zh']} / {titles['en']}" if titles["zh"] != titles["en"] else titles["en"]
    return titles.get(language) or titles["en"]


def why_for(r: ItemResult, language: str) -> str:
    return r.item.why.get("zh" if language == "zh" else "en", "")


@dataclass(frozen=True)
class Finding:
    """One reportable thing in a file: `rule` is an item ID, 'placeholder' or 'regression'."""

    rule: str
    level: str  # error | warning | note (a waived item)
    line: int | None  # None: the file as a whole (a missing item)
    title: str
    message: str
    severity: str  # required | recommended
    status: str  # missing | vague | waived | placeholder | regression
    waiver: Waiver | None = None
    page: int | None = None
    location: str | None = None


def item_message(r: ItemResult, language: str) -> str:
    """Return the one-line explanation of an item that is not present."""
    title = f"{title_for(r.item.title, language)} ({r.item.id})"
    if r.status == "waived" and r.waiver:
        until = f" until {r.waiver.until}" if r.waiver.until else ""
        return f"{title} is {r.waiver.hides or 'missing'} but waived{until}: {r.waiver.reason}"
    if r.status == "vague":
        ev = r.evidence[0]
        msg = f"{title} is vague ({r.item.severity}): no {' or '.join(r.item.value)} figure in “{ev.text}”"
    else:
        msg = f"{title} is missing ({r.item.severity}): {why_for(r, language)}"
    if r.waiver and r.waiver.expired:
        msg += f" [waiver expired on {r.waiver.until}: {r.waiver.reason}]"
    return msg


def findings(f: FileResult) -> list[Finding]:
    """Return the file's findings: items not present (in library order), placeholders, regressions."""
    out = []
    for r in f.items:
        if r.status == "present":
            continue
        level = r.level or "note"
        ev = r.evidence[0] if r.evidence else None
        out.append(Finding(r.item.id, level, ev.line if ev else None, title_for(r.item.title, f.language),
                           item_message(r, f.language), r.item.severity, r.status, r.waiver,
                           ev.page if ev else None, ev.location if ev else None))
    for p in f.placeholders:
        out.append(Finding("placeholder", "error", p.line or None, "Placeholder left in the draft",
                           f"placeholder “{p.text}” left in the draft", "required", "placeholder",
                           page=p.page, location=p.location))
    for g in f.regressions:
        was = f" (line {g.was.line})" if g.was else ""
        out.append(Finding("regression", "error", None, f"Removed since {g.baseline}: {g.item.id}",
                           f"{title_for(g.item.title, f.language)} ({g.item.id}) was present at {g.baseline}"
                           f"{was} and is {g.status} now", g.item.severity, "regression"))
    return out
