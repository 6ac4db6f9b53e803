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
from functools import cache

from clausekit.normalize import fold_text, to_simplified
from clausekit.prefilter import Gate, max_width, regex_gate, sre_parse
from clausekit.redos import backtracking_risk

GAP = r"[^\n。;!?]{0,40}?"
_WORD = re.compile(r"[a-z0-9]")


def literal_regex(phrase: str) -> str:
    """Return the regex source for a literal phrase of the library.

    The word boundary before an English phrase is checked *after* its first word
    (`answer(?<![a-z0-9]answer)…`), so the regex starts with a literal and `re`
    can use its fast literal search instead of trying every position.
    """
    parts = [fold_text(p) for p in phrase.split("...")]
    parts = [p for p in parts if p]
    if not parts:
        return re.escape(phrase)
    # one optional white space between words: normalized text never has two in a row
    body = GAP.join(r"\s?".join(re.escape(w) for w in part.split(" ")) for part in parts)
    first = parts[0].split(" ")[0]
    if _WORD.match(first[0]):
        body = re.escape(first) + rf"(?<![a-z0-9]{re.escape(first)})" + body[len(re.escape(first)):]
    if _WORD.match(parts[-1][-1]):
        body += r"(?:e?s)?(?![a-z0-9])" if parts[-1][-1].isalpha() else r"(?![a-z0-9])"
    return body


def literal_gate(phrase: str) -> Gate | None:
    """Return the gate of a literal phrase: every match contains each of its words."""
    words = {w for part in phrase.split("...") for w in fold_text(part).split(" ") if w}
    return tuple(frozenset([w]) for w in sorted(words, key=len, reverse=True)) or None


def regex_flags(source: str) -> int:
    """Return the flags for a library regex: case-insensitive only if it names upper-case letters.

    The text is already lower case, and `re` searches much faster without IGNORECASE.
    """
    bare = re.sub(r"\\.", "", source)
    return re.IGNORECASE if any(c.isupper() for c in bare) else 0


@cache
def compiled(expr: str, flags: int) -> re.Pattern[str]:
    """Return the compiled regex (once per process, when first needed; code kept between runs)."""
    from clausekit.pattern_cache import code_cache

    return code_cache().compile(expr, flags)


def compile_pattern(spec: str | dict) -> tuple[str, int, Gate | None, int | None]:
    """Return (regex source, flags, gate, longest match) for a pattern entry; a `{re: ...}` is
    compiled now to validate it (may raise re.error), a literal only when first used."""
    if isinstance(spec, str):  # no proximity check: a literal's own scan is as cheap as the check
        return literal_regex(spec), 0, literal_gate(spec), None
    expr = to_simplified(spec["re"])
    flags = regex_flags(expr)
    parsed = sre_parse.parse(expr, flags)
    risk = backtracking_risk(expr, flags, parsed)
    if risk:
        raise re.error(f"it may backtrack catastrophically on some texts: {risk}; rewrite it")
    if compiled(expr, flags).search(""):
        raise re.error("it matches empty text, so it would find every item everywhere")
    return expr, flags, regex_gate(expr, flags, parsed), max_width(parsed)
