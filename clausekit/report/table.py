"""The human format: per file, per area, each item with a mark, its title and where it was found.

Rendered with rich; colour only on a terminal and never with NO_COLOR (rich's own rules).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from clausekit.models import FileResult, ItemResult
from clausekit.report import title_for

TITLE = 24  # display cells for an item's title
EXCERPT = 60  # characters of evidence shown per item; the JSON has the whole sentence
MARKS = {"present": ("✓", "green"), "vague": ("~", "yellow"), "missing": ("✗", "red"), "waived": ("-", "blue")}


def summary_line(f: FileResult) -> str:
    """Return '12 present · 2 vague · 3 missing (2 required) · 1 placeholder' (+ waived, regressions)."""
    req = sum(1 for r in f.items if r.status == "missing" and r.item.severity == "required")
    n = len(f.placeholders)
    line = (f"{f.count('present')} present · {f.count('vague')} vague · {f.count('missing')} missing "
            f"({req} required) · {n} placeholder{'' if n == 1 else 's'}")
    if f.count("waived"):
        line += f" · {f.count('waived')} waived"
    if f.regressions:
        line += f" · {len(f.regressions)} regression{'' if len(f.regressions) == 1 else 's'}"
    return line


def _where(r: ItemResult) -> str:
    if not r.evidence:
        return ""
    ev = r.evidence[0]
    return ev.location or (f"p.{ev.page} " if ev.page else "") + f"L{ev.line}"


def excerpt(text: str, focus: str | None, width: int = EXCERPT) -> str:
    """Return about `width` characters of `text` around `focus` (the matched words), with … where cut."""
    if cell_len(text) <= width:
        return text
    if any(cell_len(c) == 2 for c in text[:width]):  # CJK: two cells a character
        width //= 2
    at = text.find(focus) if focus else -1
    start = max(0, min(at - width // 3, len(text) - width)) if at >= 0 else 0
    out = text[start:start + width]
    return ("…" if start else "") + out + ("…" if start + width < len(text) else "")


def _detail(r: ItemResult, language: str) -> Text:
    if r.status == "waived" and r.waiver:
        until = f" until {r.waiver.until}" if r.waiver.until else ""
        return Text(f"waived{until} ({r.waiver.hides}, {r.item.severity}) — {r.waiver.reason}", style="blue")
    if r.status == "missing":
        why = r.item.why.get("zh" if language == "zh" else "en", "")
        style = "bold red" if r.item.severity == "required" else "yellow"
        return Text(f"missing ({r.item.severity}) — {why}", style=style) + _expired(r)
    ev = r.evidence[0]
    text = Text()
    if r.status == "vague":
        text.append(f"no {' or '.join(r.item.value)} figure: ", style="yellow")
    text.append(excerpt(ev.text, ev.value or ev.match))
    return text + _expired(r)


def _expired(r: ItemResult) -> Text:
    if r.waiver and r.waiver.expired:
        return Text(f"  (waiver expired on {r.waiver.until}: {r.waiver.reason})", style="magenta")
    return Text()


def render_file(console: Console, f: FileResult) -> None:
    """Print one file's report."""
    console.print(Text(f"{f.path}", style="bold") + Text(f"  ({f.language})", style="dim"))
    table = Table(box=None, show_header=False, pad_edge=False, expand=False)
    # fixed widths: rich would otherwise squeeze the short columns to make room for long excerpts
    titles = [title_for(r.item.title, f.language) for r in f.items]
    widths = [1, max((len(r.item.id) for r in f.items), default=10),
              min(TITLE, max(map(cell_len, titles), default=5)), max((len(_where(r)) for r in f.items), default=4)]
    rest = max(20, console.width - sum(widths) - 2 * len(widths))
    for name, width in zip(("mark", "item", "title", "where"), widths, strict=True):
        table.add_column(name, no_wrap=True, width=width, overflow="ellipsis",
                         style="cyan" if name == "where" else None)
    table.add_column("detail", no_wrap=True, overflow="ellipsis", width=rest)
    area = None
    for r in f.items:
        if r.item.area != area:
            area = r.item.area
            table.add_row("", Text(area, style="bold magenta"), "", "", "")
        mark, style = MARKS[r.status]
        if r.status == "missing" and r.item.severity == "recommended":
            style = "yellow"
        table.add_row(Text(mark, style=style), r.item.id, title_for(r.item.title, f.language),
                      _where(r), _detail(r, f.language))
    console.print(table)
    if f.placeholders:
        console.print(Text("placeholders", style="bold magenta"))
        for p in f.placeholders:
            where = p.location or (f"L{p.line}" if p.line else "header/footer")
            console.print(Text("  ! ", style="red") + Text(f"{where}  ", style="cyan") + Text(p.text))
    if f.regressions:
        console.print(Text("regressions", style="bold magenta"))
        for g in f.regressions:
            was = f" (was at L{g.was.line})" if g.was else ""
            console.print(Text("  ✗ ", style="red") + Text(g.item.id) +
                          Text(f" present at {g.baseline}{was}, {g.status} now", style="red"))
    style = "bold red" if f.failing else "bold green"
    console.print(Text(summary_line(f), style=style))
    console.print()


def render(console: Console, results: list[FileResult]) -> None:
    """Print every file's report."""
    for f in results:
        render_file(console, f)
