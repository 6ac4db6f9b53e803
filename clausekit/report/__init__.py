"""Report stage: FileResults → output.  One module per format; none of them decides a status."""

from __future__ import annotations

from collections.abc import Callable

from clausekit.models import FileResult

Formatter = Callable[[list[FileResult]], str]


def formatter(name: str) -> Formatter:
    """Return the text formatter for a machine format name."""
    if name == "json":
        from clausekit.report.json_format import format_json

        return format_json
    raise KeyError(name)


def title_for(titles: dict[str, str], language: str) -> str:
    """Return an item/area title in the document's language ('both' shows both)."""
    if language == "both":
        return f"{titles['zh']} / {titles['en']}" if titles["zh"] != titles["en"] else titles["en"]
    return titles.get(language) or titles["en"]
