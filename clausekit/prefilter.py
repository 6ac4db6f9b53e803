"""Cheap gates for regexes: literal strings that any match must contain.

Most patterns of the library cannot match a given contract (English patterns on a
Chinese text, a keyword that never occurs).  Python's `re` still walks the whole
text to find that out, and compiles the pattern first, so each pattern gets a gate
derived from its parse tree: a list of requirements, each a set of alternative
literals one of which any match contains (`(?:billing|hourly)\\s+rates?` needs
{billing, hourly} and {rate}).  `str.__contains__` checks on the gate skip the
compile and the scan entirely when a requirement is not met; for a regex whose
longest match is bounded (`max_width`), the required literals must moreover stand
within that distance of each other somewhere.  The gate is conservative: an unusual
construct contributes no requirement, never a wrong one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

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
_MAX_WIDTH = 600  # longer patterns are not worth a proximity check
_MAX_OCCURRENCES = 2000


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


def max_width(parsed) -> int | None:
    r"""Return the longest match of a parsed regex on normalized text, or None when unbounded.

    Normalized text never holds two white-space characters in a row, so `\s*` / `\s+`
    count as one character; anything else unbounded makes the pattern unbounded.
    """
    total = 0
    for op, av in parsed:
        if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN, C.CATEGORY):
            width: int | None = 1
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            width = 0
        elif op is C.SUBPATTERN:
            width = max_width(av[-1])
        elif op is C.BRANCH:
            widths = [max_width(b) for b in av[1]]
            width = None if None in widths else max(widths)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            lo, hi, body = av
            if _only_space(body):
                width = min(hi, 1)
            else:
                inner = max_width(body)
                width = None if inner is None or hi == C.MAXREPEAT else hi * inner
        else:
            width = None
        if width is None:
            return None
        total += width
    return total if total <= _MAX_WIDTH else None


def _only_space(body) -> bool:
    items = list(body)
    if len(items) != 1:
        return False
    op, av = items[0]
    if op is C.LITERAL:
        return chr(av).isspace()
    return op is C.IN and all(o is C.CATEGORY and a is C.CATEGORY_SPACE for o, a in av)


class TextIndex:
    """A text with its literal look-ups cached: many patterns ask about the same words."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._has: dict[str, bool] = {}
        self._at: dict[str, list[int]] = {}

    def has(self, lit: str) -> bool:
        found = self._has.get(lit)
        if found is None:
            found = self._has[lit] = lit in self.text
        return found

    def positions(self, lit: str) -> list[int]:
        """Start offsets of `lit` (at most _MAX_OCCURRENCES of them)."""
        found = self._at.get(lit)
        if found is None:
            found, i = [], self.text.find(lit)
            while i >= 0 and len(found) < _MAX_OCCURRENCES:
                found.append(i)
                i = self.text.find(lit, i + 1)
            self._at[lit] = found
        return found


def may_match(gate: Gate | None, text: str | TextIndex, width: int | None = None) -> bool:
    """Return False only when no match of the gated regex can exist in (lower-case) `text`.

    With the regex's longest match `width`, its required literals must also stand within
    `width` characters of each other somewhere in the text.
    """
    if not gate:
        return True
    index = text if isinstance(text, TextIndex) else TextIndex(text)
    if not all(any(index.has(lit) for lit in alts) for alts in gate):
        return False
    return width is None or len(gate) < 2 or _near(gate, index, width)


def _near(gate: Gate, index: TextIndex, width: int) -> bool:
    occurrences = []
    for alts in gate:
        found = [p for lit in alts for p in index.positions(lit)]
        if len(found) >= _MAX_OCCURRENCES:
            return True  # too common to be worth checking: let the regex decide
        occurrences.append(sorted(found) if len(alts) > 1 else found)
    rarest = min(occurrences, key=len)
    others = [o for o in occurrences if o is not rarest]
    return any(all(bisect_left(o, p - width) < bisect_right(o, p + width) for o in others) for p in rarest)
