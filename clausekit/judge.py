"""Judge stage: hits + figures → present / vague / missing, with evidence.

An item without a `value` kind is present when any pattern matched.  An item with
one is present only when a figure of that kind stands in the same clause: from the
start of the hit's comma-clause to the end of its sentence, cut short where another
value-bearing item's hit begins (so in `接通率应达到行业标准，放弃率不高于5%` the
5% belongs to the abandon rate, and the answer rate is vague).  A hit in a table's
header row may also take its figure from the same column of the rows below.
"""

from __future__ import annotations

import bisect
from collections import Counter

from clausekit.figures import find_figures
from clausekit.match import Hit
from clausekit.models import Evidence, Item, ItemResult, Library
from clausekit.normalize import MatchText
from clausekit.structure import Outline

MAX_EVIDENCE = 3
MAX_HITS = 200  # hits of one item weighed for evidence; enough for any real contract
EXCERPT = 160
REACH = 160  # a figure further than this from its hit is not in the same clause
TABLE_ROWS = 8  # rows below a table header searched for the header's figures


def _window(hit: Hit, text: str, stops: list[int]) -> tuple[int, int]:
    lo = max(hit.sentence_start, hit.start - REACH)
    comma = text.rfind(",", lo, hit.start)  # the normalized text has ASCII commas only
    start = comma + 1 if comma >= 0 else lo
    end = min(hit.sentence_end, hit.end + REACH)
    i = bisect.bisect_right(stops, hit.end - 1)
    if i < len(stops) and stops[i] < end:
        end = stops[i]
    return start, end


def _figure(item: Item, hit: Hit, text: str, stops: list[int]) -> tuple[int, int] | None:
    start, end = _window(hit, text, stops)
    for kind in item.value:
        figs = find_figures(text[start:end], kind)
        if figs:
            best = min(figs, key=lambda f: abs(start + f.start - hit.start))
            return start + best.start, start + best.end
    return _column_figure(item, hit, text)


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def _column_figure(item: Item, hit: Hit, text: str) -> tuple[int, int] | None:
    """For a hit in a table's header row, the figure in the same column of the rows below.

    `| 岗位 | 人数 |` over `| 话务员 | 30 |`: the header names the item, the rows hold the figures.
    """
    row_start, row_end = _line_bounds(text, hit.start)
    if text.count("|", row_start, row_end) < 2:
        return None
    column = text.count("|", row_start, hit.start)
    for _ in range(TABLE_ROWS):
        if row_end >= len(text):
            break
        row_start, row_end = _line_bounds(text, row_end + 1)
        bars = [i for i in range(row_start, row_end) if text[i] == "|"]
        if len(bars) < 2:
            break
        if not 0 < column < len(bars):
            continue
        lo, hi = bars[column - 1], bars[column] + 1  # the cell with its two bars
        for kind in item.value:
            figs = find_figures(text[lo:hi], kind)
            if figs:
                return lo + figs[0].start, lo + figs[0].end
    return None


def _density(hits: list[Hit]) -> Counter:
    """Return, per sentence, how many separate places the item's patterns matched (overlaps count once)."""
    density: Counter = Counter()
    last_end: dict[int, int] = {}
    for h in hits:  # in document order
        if h.start >= last_end.get(h.sentence_start, -1):
            density[h.sentence_start] += 1
        last_end[h.sentence_start] = max(last_end.get(h.sentence_start, -1), h.end)
    return density


def _evidence(mt: MatchText, outline: Outline, hit: Hit, figure: tuple[int, int] | None,
              lines: tuple) -> Evidence:
    line = mt.line_of(hit.start)
    s, e = hit.sentence_start, hit.sentence_end
    while s < e and mt.text[s] in " \n":
        s += 1
    if e - s > EXCERPT:  # keep the excerpt around the hit and its figure
        lo = min(hit.start, figure[0] if figure else hit.start)
        hi = max(hit.end, figure[1] if figure else hit.end)
        s = max(s, min(lo - 30, hi - EXCERPT))
        e = min(e, max(s + EXCERPT, hi))
    src = lines[line - 1] if 0 < line <= len(lines) else None
    return Evidence(
        line=line,
        section=outline.section_of(line),
        text=mt.original_span(s, e),
        value=mt.original_span(*figure) if figure else None,
        location=getattr(src, "location", None),
        page=getattr(src, "page", None),
        match=mt.original_span(hit.start, hit.end),
    )


def judge(library: Library, hits: dict[str, list[Hit]], mt: MatchText, outline: Outline,
          lines: tuple = ()) -> list[ItemResult]:
    """Return one ItemResult per library item, in library order."""
    value_items = {it.id for it in library.items if it.value}
    headings = set(outline.lines)
    results = []
    for item in library.items:
        item_hits = hits.get(item.id, [])
        if not item_hits:
            results.append(ItemResult(item, "missing"))
            continue
        stops = sorted(h.start for other, hs in hits.items()
                       if other != item.id and other in value_items for h in hs)
        best: dict[int, tuple[Hit, tuple[int, int] | None]] = {}  # per sentence: its first hit with a figure
        for hit in item_hits[:MAX_HITS]:
            figure = _figure(item, hit, mt.text, stops) if item.value else None
            known = best.get(hit.sentence_start)
            if known is None or (figure and not known[1]):
                best[hit.sentence_start] = (hit, figure)
        # best evidence first: with its figure, in running text rather than a heading, where most of the
        # item's patterns meet (a clause about it, not a passing mention), then in document order
        density = _density(item_hits[:MAX_HITS])
        ranked = sorted(best.values(), key=lambda hf: (hf[1] is None, mt.line_of(hf[0].start) - 1 in headings,
                                                       -density[hf[0].sentence_start], hf[0].start))
        status = "present" if (ranked[0][1] or not item.value) else "vague"
        evidence = tuple(_evidence(mt, outline, h, f, lines) for h, f in ranked[:MAX_EVIDENCE])
        results.append(ItemResult(item, status, evidence))
    return results
