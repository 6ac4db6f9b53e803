"""SARIF 2.1.0 for code-scanning UIs (GitHub, GitLab, Azure DevOps).

One rule per checklist item (its `why` as help), plus `placeholder` and `regression`.
A missing item is a result at the top of the file (line 1), a vague one at its
evidence line.  A waived item is a result with an external suppression carrying the
reason, as SARIF intends.  Paths are relative to the current directory when below it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from clausekit import __version__
from clausekit.models import FileResult, Item
from clausekit.report import findings

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"required": "error", "recommended": "warning"}
_EXTRA_RULES = {
    "placeholder": ("Placeholder left in the draft", "A template blank ([●], 【】, XX, TBD, 待定) means the "
                    "contract is not finished: the term it stands for is not agreed.", "error"),
    "regression": ("Clause removed since the baseline", "An item that was present at the baseline revision "
                   "is no longer present: the change removed or weakened a clause.", "error"),
}


def _uri(path: str) -> str:
    p = Path(path)
    if path.startswith("<"):
        return path.strip("<>")
    if p.is_absolute():
        try:
            return Path(os.path.relpath(p)).as_posix() if p.is_relative_to(Path.cwd()) else p.as_uri()
        except ValueError:
            return p.as_uri()
    return p.as_posix()


def _rule(item: Item) -> dict:
    return {
        "id": item.id,
        "name": item.id.replace(".", "_"),
        "shortDescription": {"text": f"{item.title['en']} / {item.title['zh']}"},
        "fullDescription": {"text": item.why["en"]},
        "help": {"text": f"{item.why['en']}\n\n{item.why['zh']}",
                 "markdown": f"**{item.title['en']}** ({item.title['zh']})\n\n{item.why['en']}\n\n{item.why['zh']}"},
        "defaultConfiguration": {"level": _LEVEL[item.severity]},
        "properties": {"area": item.area, "severity": item.severity, "tags": ["contract", item.area]},
    }


def format_sarif(results: list[FileResult]) -> str:
    """Return one SARIF log with one run for `results`."""
    items: dict[str, Item] = {}
    for f in results:
        for r in f.items:
            items.setdefault(r.item.id, r.item)
        for g in f.regressions:
            items.setdefault(g.item.id, g.item)
    rules = [_rule(it) for it in items.values()]
    for rid, (name, help_text, level) in _EXTRA_RULES.items():
        rules.append({"id": rid, "name": rid, "shortDescription": {"text": name},
                      "help": {"text": help_text}, "defaultConfiguration": {"level": level},
                      "properties": {"severity": "required"}})
    index = {r["id"]: i for i, r in enumerate(rules)}
    out = []
    for f in results:
        for fd in findings(f):
            level = fd.level if fd.level != "note" else _LEVEL.get(fd.severity, "warning")
            region = {"startLine": fd.line or 1}
            res = {
                "ruleId": fd.rule,
                "ruleIndex": index[fd.rule],
                "level": level,
                "message": {"text": fd.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)},
                                                    "region": region}}],
                "properties": {"severity": fd.severity, "status": fd.status,
                               **({"page": fd.page} if fd.page else {}),
                               **({"location": fd.location} if fd.location else {})},
            }
            if fd.waiver and not fd.waiver.expired:
                res["suppressions"] = [{"kind": "external", "status": "accepted",
                                        "justification": fd.waiver.reason}]
            out.append(res)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "clausekit", "version": __version__, "semanticVersion": __version__,
                                "informationUri": "https://pypi.org/project/clausekit/", "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": out,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
