"""Cheap gates for regexes: the literal strings one of which every match must contain.

Most patterns of the library cannot match a given contract (English patterns on a
Chinese text, a keyword that never occurs).  Python's `re` still walks the whole
text to find that out, so each pattern gets a gate: a set of literals derived from
its parse tree, one of which appears in any match.  A `str.__contains__` check on
the gate skips the regex scan entirely when none occurs.  The gate is conservative:
when in doubt it returns None (no gate).
"""

from __future__ import annotations

try:  # Python ≥ 3.11
    from re import _constants as C  # noqa: N812
    from re import _parser as sre_parse
except ImportError:  # Python 3.10
    import sre_constants as C  # type: ignore[no-redef]  # noqa: N812
    import sre_parse  # type: ignore[no-redef]

Requirement = frozenset  # alternatives: any one must occur in the text
_MAX_SET = 6  # character classes larger than this are not worth a gate


def _score(req: Requirement | None) -> tuple[int, int]:
    return (min(map(len, req)), -len(req)) if req else (0, 0)


def _node(op, av) -> Requirement | None:
    if op is C.SUBPATTERN:
        return _seq(av[-1])
    if op is C.BRANCH:
        parts = [_seq(branch) for branch in av[1]]
        return None if any(p is None for p in parts) else frozenset().union(*parts)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        lo, _hi, body = av
        return _seq(body) if lo >= 1 else None
    if op is C.IN:
        chars = [chr(v).lower() for o, v in av if o is C.LITERAL]
        return frozenset(chars) if len(chars) == len(av) and 0 < len(chars) <= _MAX_SET else None
    if getattr(C, "ATOMIC_GROUP", None) is not None and op is C.ATOMIC_GROUP:
        return _seq(av)
    return None


def _seq(items) -> Requirement | None:
    best: Requirement | None = None
    run = ""
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av).lower()
            continue
        if run:
            best = max(best, frozenset([run]), key=_score) if best else frozenset([run])
            run = ""
        req = _node(op, av)
        if req and (best is None or _score(req) > _score(best)):
            best = req
    if run:
        best = max(best, frozenset([run]), key=_score) if best else frozenset([run])
    return best


def required_literals(source: str, flags: int = 0, parsed=None) -> Requirement | None:
    """Return literals one of which every match of `source` contains (lower case), or None."""
    try:
        return _seq(parsed if parsed is not None else sre_parse.parse(source, flags))
    except Exception:  # an unusual construct: no gate, never a wrong one
        return None


def may_match(req: Requirement | None, text: str) -> bool:
    """Return False only when no match of the gated regex can exist in (lower-case) `text`."""
    return req is None or any(lit in text for lit in req)
