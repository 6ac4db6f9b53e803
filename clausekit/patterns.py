"""Compile the patterns of the clause library into regexes over normalized text.

A plain string is a literal phrase: it is normalized like the document (so `接通率`
also finds `接通率`, and `Answer Rate` finds `answer rate`), spaces match any
spacing, `...` stands for a gap of up to 40 characters inside one sentence, and an
English phrase matches whole words (a trailing plural `s`/`es` is allowed).
`{re: ...}` is a regular expression matched as written (case-insensitive) against
normalized text, where full-width punctuation is ASCII (`，` → `,`, `（` → `(`).
"""

from __future__ import annotations

import re

from clausekit.normalize import fold_text, to_simplified

GAP = r"[^\n。;!?]{0,40}?"
_WORD = re.compile(r"[a-z0-9]")


def literal_regex(phrase: str) -> str:
    """Return the regex source for a literal phrase of the library."""
    parts = [fold_text(p) for p in phrase.split("...")]
    body = GAP.join(r"\s*".join(re.escape(w) for w in part.split(" ")) for part in parts if part)
    if parts and parts[0][:1] and _WORD.match(parts[0][0]):
        body = r"(?<![a-z0-9])" + body
    if parts and parts[-1][-1:] and _WORD.match(parts[-1][-1]):
        body += r"(?:e?s)?(?![a-z0-9])" if parts[-1][-1].isalpha() else r"(?![a-z0-9])"
    return body


def compile_pattern(spec: str | dict) -> re.Pattern[str]:
    """Return the compiled regex for a pattern entry (a literal string or `{re: ...}`); may raise re.error."""
    if isinstance(spec, str):
        return re.compile(literal_regex(spec))
    return re.compile(to_simplified(spec["re"]), re.IGNORECASE)
