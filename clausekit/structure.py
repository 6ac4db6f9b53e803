"""Structure stage: find the headings, so each piece of evidence can say which section it sits in.

Recognized: `第三条 …`, `一、…`, `（二）…`, `3. …`, `3.1 …`, `Article 5`, `Section 5.2`,
`SCHEDULE B`, `附件一`, Markdown `#` headings, short ALL-CAPS lines, and lines the
reader already knows are headings (Word heading styles).  A numbered line only
counts as a heading when it reads like a title: short, not ending a sentence.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from clausekit.models import Document

_NUMBERED = re.compile(
    r"^\s*(?:#{1,6}\s+\S|第[一二三四五六七八九十百零〇两\d]+\s*[条條章节節部分篇]|[一二三四五六七八九十]+\s*[、.．]|"
    r"[（(][一二三四五六七八九十]+[)）]|\d+(?:\.\d+)*\s*[.、．)]?\s*\D|"
    r"(?:article|section|clause|part|schedule|exhibit|appendix|annex|attachment)\s+[\dA-Za-z]+\b|"
    r"(?:附件|附录|附錄|附表)\s*[\d一二三四五六七八九十]*)",
    re.IGNORECASE,
)
_SENTENCE_END = tuple("。；;，,")
MAX_TITLE = 60


def is_heading(text: str) -> bool:
    """True when a line reads as a section heading rather than a clause of running text."""
    s = unicodedata.normalize("NFKC", text).strip().strip("*").strip()
    if not s or len(s) > MAX_TITLE or s.endswith(_SENTENCE_END):
        return False
    if s.startswith("#"):
        return True
    if _NUMBERED.match(s):
        # "3.1 乙方应确保接通率不低于95%" ends in no punctuation but is a clause, not a title
        return not re.search(r"[。;；,，:：]\s*\S", s) and not re.match(r"^\d+(?:\.\d+)*\s*[.、]?\s*$", s)
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and all(c.isascii() for c in letters) and s.upper() == s and len(s) <= 50


def _is_title(text: str) -> bool:
    """True for a document's opening line that names it ("呼叫中心外包服务合同", "Master Services Agreement")."""
    s = unicodedata.normalize("NFKC", text).strip().strip("*#").strip()
    return 0 < len(s) <= 40 and not re.search(r"[。;；,，:：.]", s)


@dataclass(frozen=True)
class Outline:
    """The headings of a document: 0-based line index → heading text."""

    lines: tuple[int, ...]
    titles: tuple[str, ...]

    def section_of(self, line: int) -> str | None:
        """Return the heading of the section holding 1-based `line` (the nearest one above it)."""
        i = bisect.bisect_right(self.lines, line - 1) - 1
        return self.titles[i] if i >= 0 else None


def outline(doc: Document) -> Outline:
    """Return the Outline of `doc`."""
    first = next((i for i, ln in enumerate(doc.lines) if ln.text.strip()), None)
    found = [(i, " ".join(ln.text.split()).lstrip("#").strip()) for i, ln in enumerate(doc.lines)
             if ln.is_heading or is_heading(ln.text) or (i == first and _is_title(ln.text))]
    return Outline(tuple(i for i, _ in found), tuple(t[:MAX_TITLE] for _, t in found))
