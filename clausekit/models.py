"""Frozen records that flow between the stages: read → normalize → match → judge → report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["present", "vague", "missing", "waived"]
Severity = Literal["required", "recommended"]
Level = Literal["error", "warning"]
ValueKind = Literal["percent", "seconds", "days", "count", "money"]
VALUE_KINDS: tuple[str, ...] = ("percent", "seconds", "days", "count", "money")
LANGS: tuple[str, ...] = ("zh", "en")


@dataclass(frozen=True)
class Line:
    """One line of extracted text and where it came from in the source file."""

    text: str
    location: str | None = None  # "paragraph 57", "table 2, row 3"
    page: int | None = None
    is_heading: bool = False  # known to be a heading from the source format (e.g. a Word heading style)


@dataclass(frozen=True)
class Document:
    """A contract as text lines; `extra` lines (headers/footers) are scanned for placeholders only."""

    path: str
    lines: tuple[Line, ...]
    extra: tuple[Line, ...] = ()

    @classmethod
    def from_text(cls, path: str, text: str) -> Document:
        return cls(path, tuple(Line(t) for t in text.splitlines()))


@dataclass(frozen=True)
class Pattern:
    """A compiled pattern of an item, with the source it was written as (for messages)."""

    lang: str
    source: str
    expr: str  # regex source over normalized text
    flags: int = 0
    gate: tuple[frozenset[str], ...] | None = None  # literals any match contains (see prefilter.py)
    width: int | None = None  # the longest match on normalized text; None: unbounded

    @property
    def regex(self):
        """The compiled regex, compiled on first use."""
        from clausekit.patterns import compiled

        return compiled(self.expr, self.flags)


@dataclass(frozen=True)
class Examples:
    present: tuple[tuple[str, str], ...] = ()  # (lang, text)
    vague: tuple[tuple[str, str], ...] = ()
    not_: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Item:
    """One checklist item, as defined in a clause YAML file."""

    id: str
    area: str
    title: dict[str, str]
    severity: Severity
    why: dict[str, str]
    patterns: tuple[Pattern, ...]
    exclude: tuple[Pattern, ...] = ()
    value: tuple[str, ...] = ()
    examples: Examples = field(default_factory=Examples)
    model: dict[str, str] = field(default_factory=dict)
    source: str = ""  # "clauses/sla.yaml:12"


@dataclass(frozen=True)
class Area:
    id: str
    title: dict[str, str]
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Library:
    areas: tuple[Area, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for area in self.areas for item in area.items)

    def item(self, item_id: str) -> Item:
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)


@dataclass(frozen=True)
class Evidence:
    """Where an item was found: the line, its section, the sentence and the figure if any."""

    line: int
    section: str | None
    text: str
    value: str | None = None
    location: str | None = None
    page: int | None = None
    match: str | None = None  # the words that matched, as written in the document


@dataclass(frozen=True)
class Waiver:
    """A configured exception for one item; `hides` is the status it stands in for."""

    reason: str
    until: str | None = None  # YYYY-MM-DD, inclusive
    source: str = ""  # "clausekit.yaml:14"
    expired: bool = False  # past `until`: reported, but no longer applied
    hides: str | None = None  # the judged status a waived result would have had


@dataclass(frozen=True)
class ItemResult:
    item: Item
    status: Status
    evidence: tuple[Evidence, ...] = ()
    waiver: Waiver | None = None

    @property
    def level(self) -> Level | None:
        """'error' for a required item missing or vague, 'warning' for a recommended one, else None."""
        if self.status not in ("missing", "vague"):
            return None
        return "error" if self.item.severity == "required" else "warning"


@dataclass(frozen=True)
class Regression:
    """An item that was present in the file at the baseline revision and is not now."""

    item: Item
    baseline: str  # the revision compared with
    status: Status  # what it is now
    was: Evidence | None = None  # where it was found at the baseline


@dataclass(frozen=True)
class Placeholder:
    line: int
    text: str
    location: str | None = None
    page: int | None = None


@dataclass(frozen=True)
class FileResult:
    path: str
    language: str
    items: tuple[ItemResult, ...]
    placeholders: tuple[Placeholder, ...]
    regressions: tuple[Regression, ...] = ()

    def count(self, status: str) -> int:
        return sum(1 for r in self.items if r.status == status)

    @property
    def failing(self) -> bool:
        """True when a required item is missing or vague, a placeholder is left, or an item regressed."""
        return bool(self.placeholders or self.regressions) or any(r.level == "error" for r in self.items)

    @property
    def warning(self) -> bool:
        """True when a recommended item is missing or vague."""
        return any(r.level == "warning" for r in self.items)
