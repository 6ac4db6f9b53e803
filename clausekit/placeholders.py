"""Find template blanks left in a draft: `【 】`, `[ ]`, `____`, `XX`, `××`, `[●]`, `{{ … }}`, `TBD`, `待定`."""

from __future__ import annotations

import re
import unicodedata

from clausekit.models import Document, Placeholder

PLACEHOLDER = re.compile(
    r"【\s*[●•]?\s*】|\[\s*[●•]?\s*\]|\(\s+\)|_(?:[ \t]*_){2,}|(?<![A-Za-z])(?:X{2,}|x{2,})(?![A-Za-z])"
    r"|×{2,}|\{\{.*?\}\}|(?<![A-Za-z])TB[DC](?![A-Za-z])|待定|待填写?|\[\s*(?:insert|enter|specify)\b[^\]]*\]",
)


def find_placeholders(doc: Document) -> list[Placeholder]:
    """Return every placeholder in the document, in line order (header/footer lines included)."""
    found = []
    for number, line in enumerate(doc.lines, 1):
        found += _scan(line.text, number, line)
    for line in doc.extra:
        found += _scan(line.text, 0, line)
    return found


def _scan(text: str, number: int, line) -> list[Placeholder]:
    text = unicodedata.normalize("NFKC", text)
    return [Placeholder(number, m.group(), line.location, line.page) for m in PLACEHOLDER.finditer(text)]
