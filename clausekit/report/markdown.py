"""Markdown for a pull-request comment or `$GITHUB_STEP_SUMMARY`: a summary table per file.

Text from a contract is escaped so it cannot break the table (`|`, line breaks), open code
spans (backticks), add links, HTML or emphasis, or @-mention anyone.
"""

from __future__ import annotations

import re

from clausekit.models import FileResult
from clausekit.report import findings

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")
_MARK = {"error": "❌", "warning": "⚠️", "note": "➖"}


def md_escape(s: str) -> str:
    """Return `s` safe inside a Markdown table cell."""
    s = re.sub(r"[\r\n\t]+", " ", s)
    return _SPECIAL.sub(r"\\\1", s).replace("@", "&#64;")


def _summary(f: FileResult) -> str:
    return (f"{f.count('present')} present · {f.count('vague')} vague · {f.count('missing')} missing · "
            f"{f.count('waived')} waived · {len(f.placeholders)} placeholders · {len(f.regressions)} regressions")


def format_markdown(results: list[FileResult]) -> str:
    """Return the Markdown report for `results`."""
    out = ["## clausekit", ""]
    if not results:
        out.append("No contract files checked.")
    for f in results:
        verdict = "❌ fails" if f.failing else ("⚠️ passes with warnings" if f.warning else "✅ passes")
        out += [f"### {md_escape(f.path)} — {verdict}", "", md_escape(_summary(f)), ""]
        found = findings(f)
        if not found:
            out += ["Every checklist item is present.", ""]
            continue
        out += ["| | item | severity | status | line | detail |", "|---|---|---|---|---|---|"]
        for fd in found:
            out.append(f"| {_MARK[fd.level]} | {md_escape(fd.rule)} | {fd.severity} | {fd.status} | "
                       f"{fd.line or ''} | {md_escape(fd.message)} |")
        out.append("")
    return "\n".join(out) + "\n"
