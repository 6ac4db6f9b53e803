"""Detect a document's language: zh, en, or both (bilingual side by side)."""

from __future__ import annotations

import re

_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[A-Za-z]{2,}")
MINORITY = 0.25  # each language must hold this share of the text for "both"


def detect_language(text: str) -> str:
    """Return 'zh', 'en' or 'both' for `text` (one ideograph ≈ one English word... ×1.5)."""
    zh = len(_IDEOGRAPH.findall(text))
    en = len(_WORD.findall(text)) * 1.5
    total = zh + en
    if total == 0:
        return "en"
    if min(zh, en) / total >= MINORITY:
        return "both"
    return "zh" if zh > en else "en"
