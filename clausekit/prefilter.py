"""Cheap gates for regexes: literal strings that any match must contain.

Most patterns of the library cannot match a given contract (English patterns on a
Chinese text, a keyword that never occurs).  Python's `re` still walks the whole
text to find that out, and compiles the pattern first, so each pattern gets a gate
derived from its parse tree: a list of requirements, each a set of alternative
literals one of which any match contains (`(?:billing|hourly)\\s+rates?` needs
{billing, hourly} and {rate}).  `str.__contains__` checks on the gate skip the
compile and the scan entirely when a requirement is not met.  The gate is
conservative: an unusual construct contributes no requirement, never a wrong one.
"""

from __future__ import annotations

try:  # Python ≥ 3.11
    from re import _constants as C  # noqa: N812
    from re import _parser as sre_parse
except ImportError:  # Python 3.10
    import sre_constants as C  # type: ignore[no-redef]  # noqa: N812
    import sre_parse  # type: ignore[no-redef]

Alternatives = frozenset  # any one of these literals must occur
Gate = tuple  # of Alternatives, all of which must be met; () or None: no gate
_MAX_SET = 6  # character classes larger than this are not worth a requirement
_MAX_REQUIREMENTS = 4  # the most selective ones are enough


def _score(alts: Alternatives) -> tuple[int, int]:
    return (min(map(len, alts)), -len(alts))


def _best(reqs: list[Alternatives]) -> Alternatives | None:
    return max(reqs, key=_score) if reqs else None


def _node(op, av) -> list[Alternatives]:
    if op is C.SUBPATTERN:
        return _seq(av[-1])
    if getattr(C, "ATOMIC_GROUP", None) is not None and op is C.ATOMIC_GROUP:
        return _seq(av)
    if op is C.BRANCH:  # one requirement: the best of each branch, any of them
        picks = [_best(_seq(branch)) for branch in av[1]]
        return [] if any(p is None for p in picks) else [frozenset().union(*picks)]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        lo, _hi, body = av
        return _seq(body) if lo >= 1 else []
    if op is C.IN:
        chars = [chr(v).lower() for o, v in av if o is C.LITERAL]
        return [frozenset(chars)] if len(chars) == len(av) and 0 < len(chars) <= _MAX_SET else []
    return []


def _seq(items) -> list[Alternatives]:
    reqs: list[Alternatives] = []
    run = ""
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av).lower()
            continue
        if run:
            reqs.append(frozenset([run]))
            run = ""
        reqs += _node(op, av)
    if run:
        reqs.append(frozenset([run]))
    return reqs


def regex_gate(source: str, flags: int = 0, parsed=None) -> Gate | None:
    """Return the gate of a regex (lower-case literals), or None when nothing is required."""
    try:
        reqs = _seq(parsed if parsed is not None else sre_parse.parse(source, flags))
    except Exception:  # an unusual construct: no gate, never a wrong one
        return None
    unique = sorted(set(reqs), key=_score, reverse=True)[:_MAX_REQUIREMENTS]
    return tuple(unique) or None


def may_match(gate: Gate | None, text: str) -> bool:
    """Return False only when no match of the gated regex can exist in (lower-case) `text`."""
    return not gate or all(any(lit in text for lit in alts) for alts in gate)
