"""Refuse regexes that can backtrack catastrophically (ReDoS), before they ever run.

Clause packs come from repositories, so a pattern such as `(a+)+$` could stall a CI
job on a crafted contract.  Python's `re` backtracks, so risky shapes are refused
at load time with a clear message instead:

- a repeat of something that itself repeats without bound: `(a+)+`, `(?:\\s*x)*`;
- a repeat over alternatives that can start matching the same text: `(a|ab)*`.

Bounded repeats count as unbounded above `LARGE` (`(a{1,500}){1,500}` is just as slow).
"""

from __future__ import annotations

from clausekit.prefilter import C, sre_parse

LARGE = 50
_REPEATS = tuple(op for op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) if op)


def _first_chars(items) -> set[str] | None:
    """Return the characters a sequence can start with, or None when unknown/any."""
    for op, av in items:
        if op is C.LITERAL:
            return {chr(av).lower()}
        if op is C.IN and all(o is C.LITERAL for o, _ in av):
            return {chr(v).lower() for _, v in av}
        if op is C.SUBPATTERN:
            return _first_chars(av[-1])
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        return None
    return set()


def _repeats_unbounded(items) -> bool:
    for op, av in items:
        if op in _REPEATS:
            lo, hi, body = av
            if hi == C.MAXREPEAT or hi > LARGE or _repeats_unbounded(body):
                return True
        elif (op is C.SUBPATTERN and _repeats_unbounded(av[-1])) or (
                op is C.BRANCH and any(_repeats_unbounded(b) for b in av[1])):
            return True
    return False


def _literal_prefix(items) -> str:
    out = ""
    for op, av in items:
        if op is not C.LITERAL:
            break
        out += chr(av).lower()
    return out


def _ambiguous(a, b) -> bool:
    """True when two alternatives can start matching the same text (neither rules the other out)."""
    pa, pb = _literal_prefix(a), _literal_prefix(b)
    if pa and pb:
        return pa.startswith(pb) or pb.startswith(pa)
    fa, fb = _first_chars(a), _first_chars(b)
    return fa is None or fb is None or not fa or not fb or bool(fa & fb)


def _overlapping_branches(items) -> bool:
    for op, av in items:
        if op is C.SUBPATTERN and _overlapping_branches(av[-1]):
            return True
        if op is C.BRANCH:
            branches = av[1]
            if any(_ambiguous(x, y) for i, x in enumerate(branches) for y in branches[i + 1:]):
                return True
    return False


def _risk(items) -> str | None:
    for op, av in items:
        if op in _REPEATS:
            lo, hi, body = av
            if hi == C.MAXREPEAT or hi > LARGE:
                if _repeats_unbounded(body):
                    return "nested unbounded quantifiers (like '(a+)+')"
                if _overlapping_branches(body):
                    return "a repeated group of overlapping alternatives (like '(a|ab)*')"
            found = _risk(body)
        elif op is C.SUBPATTERN:
            found = _risk(av[-1])
        elif op is C.BRANCH:
            found = next((r for b in av[1] if (r := _risk(b))), None)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            found = _risk(av[1])
        else:
            found = None
        if found:
            return found
    return None


def backtracking_risk(source: str, flags: int = 0, parsed=None) -> str | None:
    """Return why `source` may backtrack catastrophically, or None when it is safe to run."""
    return _risk(parsed if parsed is not None else sre_parse.parse(source, flags))
