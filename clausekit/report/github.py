"""GitHub Actions workflow commands: `::error file=…,line=…,title=…::message`, grouped per file.

Required items give `::error`, recommended ones `::warning`, waived ones `::notice`.  Every
value is escaped by the workflow-command rules (`%`, CR, LF everywhere; also `:` and `,`
in properties), and every line this format writes is a command, so text taken from a
contract can neither end a command early nor start one of its own.
"""

from __future__ import annotations

from clausekit.models import FileResult
from clausekit.report import findings

_COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def format_github(results: list[FileResult]) -> str:
    """Return the workflow commands for `results`."""
    lines = []
    for f in results:
        found = findings(f)
        errors = sum(1 for fd in found if fd.level == "error")
        warnings = sum(1 for fd in found if fd.level == "warning")
        lines.append(f"::group::{escape_data(f'clausekit {f.path}: {errors} error(s), {warnings} warning(s)')}")
        for fd in found:
            props = [f"file={escape_property(f.path)}"]
            if fd.line:
                props.append(f"line={fd.line}")
            props.append(f"title={escape_property(f'{fd.rule} ({fd.severity})')}")
            lines.append(f"::{_COMMAND[fd.level]} {','.join(props)}::{escape_data(fd.message)}")
        lines.append("::endgroup::")
    return "\n".join(lines) + "\n" if lines else ""
