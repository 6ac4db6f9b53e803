"""Apply a file's configured settings to its judged result: drop what is off, change severities,
waive items, and add regressions against a baseline.  Statuses come from the judge; this stage
only re-labels them as the team's configuration says."""

from __future__ import annotations

import dataclasses
import datetime as dt

from clausekit.config import FileSettings
from clausekit.models import FileResult, Regression, Waiver


def apply_settings(result: FileResult, settings: FileSettings, today: dt.date) -> FileResult:
    """Return `result` with the settings applied; a waiver past its `until` is kept but marked expired."""
    items = []
    for r in result.items:
        setting = settings.severity.get(r.item.id)
        if setting and setting.value == "off":
            continue
        if setting and setting.value != r.item.severity:
            r = dataclasses.replace(r, item=dataclasses.replace(r.item, severity=setting.value))
        rule = next((w for w in settings.waivers if w.item == r.item.id), None)
        if rule is not None:
            until = rule.until.isoformat() if rule.until else None
            expired = rule.until is not None and today > rule.until
            if expired:
                r = dataclasses.replace(r, waiver=Waiver(rule.reason, until, rule.source, True, None))
            elif r.status in ("missing", "vague"):
                r = dataclasses.replace(r, status="waived",
                                        waiver=Waiver(rule.reason, until, rule.source, False, r.status))
        items.append(r)
    return dataclasses.replace(result, items=tuple(items))


def regressions(now: FileResult, before: FileResult | None, rev: str) -> tuple[Regression, ...]:
    """Return the items present in `before` (the file at `rev`) that are not present in `now`.

    A waiver does not excuse a regression: deleting a clause in a change fails even where the
    item is waived.  Items switched off for this file are not in `now` and are not compared.
    """
    if before is None:
        return ()
    was = {r.item.id: r for r in before.items if r.status == "present"}
    return tuple(Regression(r.item, rev, r.status if r.status != "waived" else (r.waiver.hides or "missing"),
                            was[r.item.id].evidence[0] if was[r.item.id].evidence else None)
                 for r in now.items if r.item.id in was and r.status != "present")


def with_regressions(result: FileResult, found: tuple[Regression, ...]) -> FileResult:
    return dataclasses.replace(result, regressions=found) if found else result



def apply_config(result: FileResult, before: FileResult | None, config, library, today: dt.date,
                 baseline: str | None = None) -> FileResult:
    """Return `result` as the team's config sees it, with regressions against `before` when given."""
    settings = config.for_file(result.path, library)
    now = apply_settings(result, settings, today)
    if baseline and before is not None:
        then = apply_settings(before, settings, today)
        now = with_regressions(now, regressions(now, then, baseline))
    return now
