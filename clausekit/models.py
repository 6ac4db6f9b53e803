"""Frozen records that flow between the stages: read → normalize → match → judge → report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["present", "vague", "missing"]
Severity = Literal["required", "recommended"]
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
    regex: object  # compiled `re.Pattern`


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


@dataclass(frozen=True)
class ItemResult:
    item: Item
    status: Status
    evidence: tuple[Evidence, ...] = ()


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

    def count(self, status: str) -> int:
        return sum(1 for r in self.items if r.status == status)

    @property
    def failing(self) -> bool:
        """True when a required item is missing or vague, or a placeholder is left."""
        return bool(self.placeholders) or any(
            r.status != "present" and r.item.severity == "required" for r in self.items
        )
