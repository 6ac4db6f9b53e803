"""Match stage: run every item's patterns over the normalized text and collect hits.

A hit knows its sentence, so the judge can look for the figure next to it.  A
hit whose sentence also matches one of the item's `exclude` patterns is dropped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from clausekit.models import Item, Library
from clausekit.prefilter import TextIndex, may_match

# Sentence ends: CJK and ASCII terminal punctuation, hard breaks, and ". " after a real word.
_SENTENCE_END = re.compile(r"[\n。;!?]|(?:(?<![a-z.])([a-z.]{1,5}|\d+))?\.(?=\s|$)")
_ABBREVIATIONS = {"no", "art", "sec", "inc", "ltd", "co", "e.g", "i.e", "g", "e", "vs", "p", "pp", "cl", "mr", "ms",
                  "dr", "st", "u.s", "s", "etc", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                  "sept", "oct", "nov", "dec", "a.m", "p.m", "approx", "fig", "vol", "para", "ss", "cf", "min",
                  "max", "avg", "incl", "excl", "est", "dept", "mo", "yr", "hr", "hrs", "qty", "pcs", "ref"}


@dataclass(frozen=True)
class Hit:
    item_id: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int


class Sentences:
    """Sentence boundaries of a normalized text."""

    def __init__(self, text: str) -> None:
        self.ends = [m.end() for m in _SENTENCE_END.finditer(text)
                     if not (m.group(1) and (m.group(1) in _ABBREVIATIONS or m.group(1).isdigit()))]
        self.length = len(text)

    def around(self, pos: int) -> tuple[int, int]:
        """Return the [start, end) of the sentence holding `pos`."""
        i = bisect.bisect_right(self.ends, pos)
        start = self.ends[i - 1] if i > 0 else 0
        end = self.ends[i] if i < len(self.ends) else self.length
        return start, end


def match_item(item: Item, text: str, sentences: Sentences, index: TextIndex | None = None) -> list[Hit]:
    """Return the hits of one item in `text`, in order, one per (pattern, position)."""
    hits: dict[tuple[int, int], Hit] = {}
    excluded: dict[int, bool] = {}
    index = index or TextIndex(text)
    exclude = [x for x in item.exclude if may_match(x.gate, index, x.width)]
    for pattern in item.patterns:
        if not may_match(pattern.gate, index, pattern.width):
            continue
        for m in pattern.regex.finditer(text):
            if m.end() == m.start():
                continue
            s, e = sentences.around(m.start())
            if s not in excluded:
                excluded[s] = any(x.regex.search(text, s, e) for x in exclude)
            if excluded[s]:
                continue
            hits.setdefault((m.start(), m.end()), Hit(item.id, m.start(), m.end(), s, e))
    return sorted(hits.values(), key=lambda h: (h.start, h.end))


def match_library(library: Library, text: str) -> dict[str, list[Hit]]:
    """Return the hits of every item of `library`, keyed by item ID."""
    sentences, index = Sentences(text), TextIndex(text)
    return {item.id: match_item(item, text, sentences, index) for item in library.items}
