"""Load and strictly validate the clause library (`clauses/*.yaml`).

Every error names the file and line: `clauses/sla.yaml:42: unknown key 'patern'`.
YAML is read with the safe loader only; a tag such as `!!python/object` is an error.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from clausekit.errors import LibraryError
from clausekit.models import LANGS, VALUE_KINDS, Area, Examples, Item, Library, Pattern
from clausekit.pattern_cache import PatternCache, default_cache
from clausekit.patterns import compile_pattern

AREA_KEYS = {"area", "order", "title", "items"}
ITEM_KEYS = {"id", "title", "severity", "why", "patterns", "exclude", "value", "examples", "model"}
EXAMPLE_KINDS = ("present", "vague", "not")
SEVERITIES = ("required", "recommended")
ID_RE = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")


class _Map(dict):
    line: int = 0
    lines: dict[Any, int]


class _Seq(list):
    line: int = 0
    lines: list[int]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when available: faster
    """A safe loader whose mappings and sequences remember the line of each entry."""


def _construct_map(loader: _Loader, node: yaml.MappingNode):
    data = _Map()
    data.line, data.lines = node.start_mark.line + 1, {}
    yield data
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise yaml.constructor.ConstructorError(None, None, "keys must be strings", key_node.start_mark)
        if key in data:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key '{key}'", key_node.start_mark)
        data[key] = loader.construct_object(value_node, deep=True)
        data.lines[key] = key_node.start_mark.line + 1


def _construct_seq(loader: _Loader, node: yaml.SequenceNode):
    data = _Seq()
    data.line, data.lines = node.start_mark.line + 1, []
    yield data
    for child in node.value:
        data.append(loader.construct_object(child, deep=True))
        data.lines.append(child.start_mark.line + 1)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def default_library_dir() -> Path:
    """Return the built-in `clauses/` folder: inside the installed package, else the source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data" / "clauses", here.parent / "clauses"):
        if candidate.is_dir():
            return candidate
    raise LibraryError(str(here / "_data" / "clauses"), None, "built-in clause library not found")


def load_yaml(path: Path) -> Any:
    """Return the parsed YAML of `path` (line-aware containers); LibraryError on any problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise LibraryError(str(path), None, f"cannot read: {e}") from None
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a safe loader
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise LibraryError(str(path), mark.line + 1 if mark else None, problem) from None


class _Checker:
    """Validates one file's parsed YAML, raising LibraryError at the offending line."""

    def __init__(self, path: Path, cache: PatternCache | None = None) -> None:
        self.path = str(path)
        self.cache = cache or PatternCache(None)

    def fail(self, line: int | None, reason: str) -> LibraryError:
        return LibraryError(self.path, line, reason)

    def mapping(self, value: Any, line: int, what: str, keys: set[str], required: set[str]) -> _Map:
        if not isinstance(value, dict):
            raise self.fail(line, f"{what} must be a mapping")
        for key in value:
            if key not in keys:
                hint = _closest(key, keys)
                suggestion = f" (did you mean '{hint}'?)" if hint else ""
                raise self.fail(value.lines.get(key, line), f"unknown key '{key}'{suggestion}")
        for key in sorted(required - set(value)):
            raise self.fail(value.line, f"{what} lacks '{key}'")
        return value

    def text(self, value: Any, line: int, what: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(line, f"{what} must be a non-empty string")
        return value

    def texts(self, value: Any, line: int, what: str) -> list[tuple[int, str]]:
        if value is None:
            return []
        if isinstance(value, str):
            value = _Seq([value])
            value.lines = [line]
        if not isinstance(value, list):
            raise self.fail(line, f"{what} must be a list")
        return [(value.lines[i], self.text(v, value.lines[i], what)) for i, v in enumerate(value)]

    def bilingual(self, value: Any, line: int, what: str, both: bool = True) -> dict[str, str]:
        if isinstance(value, str) and not both:
            return {"en": value, "zh": value}
        m = self.mapping(value, line, what, set(LANGS), set(LANGS) if both else set())
        if not m:
            raise self.fail(line, f"{what} is empty")
        out = {k: self.text(v, m.lines[k], f"{what}.{k}") for k, v in m.items()}
        return {lang: out.get(lang) or next(iter(out.values())) for lang in LANGS}

    def patterns(self, value: Any, line: int, what: str) -> tuple[Pattern, ...]:
        if value is None:
            return ()
        m = self.mapping(value, line, what, set(LANGS), set())
        out = []
        for lang, entries in m.items():
            if not isinstance(entries, list):
                raise self.fail(m.lines[lang], f"{what}.{lang} must be a list")
            for i, entry in enumerate(entries):
                ln = entries.lines[i]
                if isinstance(entry, dict):
                    self.mapping(entry, ln, f"a {what} entry", {"re"}, {"re"})
                    source = self.text(entry["re"], ln, f"{what} regex")
                elif isinstance(entry, str) and entry.strip():
                    source = entry
                else:
                    raise self.fail(ln, f"{what} entry must be a phrase or {{re: ...}}")
                try:
                    known = self.cache.get(entry)
                    pattern = Pattern(lang, source, *(known or compile_pattern(entry)))
                except re.error as e:
                    raise self.fail(ln, f"invalid regex {source!r}: {e}") from None
                if not known:
                    self.cache.put(entry, (pattern.expr, pattern.flags, pattern.gate, pattern.width))
                out.append(pattern)
        return tuple(out)

    def item(self, raw: Any, line: int, area: str) -> Item:
        m = self.mapping(raw, line, "an item", ITEM_KEYS, {"id", "title", "severity", "why", "patterns"})
        item_id = self.text(m["id"], m.lines["id"], "id")
        if not ID_RE.match(item_id) or item_id.split(".")[0] != area:
            raise self.fail(m.lines["id"], f"id '{item_id}' must look like '{area}.name' (lower case, digits, _)")
        severity = m["severity"]
        if severity not in SEVERITIES:
            raise self.fail(m.lines["severity"], f"severity must be one of {', '.join(SEVERITIES)}")
        value = m.get("value") or ()
        value = (value,) if isinstance(value, str) else tuple(value)
        for kind in value:
            if kind not in VALUE_KINDS:
                raise self.fail(m.lines["value"], f"unknown value kind '{kind}' (one of {', '.join(VALUE_KINDS)})")
        patterns = self.patterns(m["patterns"], m.lines["patterns"], "patterns")
        if not patterns:
            raise self.fail(m.lines["patterns"], f"item '{item_id}' has no patterns")
        examples = Examples()
        if "examples" in m:
            ex = self.mapping(m["examples"], m.lines["examples"], "examples", set(EXAMPLE_KINDS), set())
            found = {}
            for kind, per_lang in ex.items():
                pl = self.mapping(per_lang, ex.lines[kind], f"examples.{kind}", set(LANGS), set())
                found[kind] = tuple((lang, t) for lang, v in pl.items()
                                    for _, t in self.texts(v, pl.lines[lang], f"examples.{kind}.{lang}"))
            if found.get("vague") and not value:
                raise self.fail(ex.lines["vague"], "vague examples need a 'value' kind on the item")
            examples = Examples(found.get("present", ()), found.get("vague", ()), found.get("not", ()))
        return Item(
            id=item_id,
            area=area,
            title=self.bilingual(m["title"], m.lines["title"], "title"),
            severity=severity,
            why=self.bilingual(m["why"], m.lines["why"], "why", both=False),
            patterns=patterns,
            exclude=self.patterns(m.get("exclude"), m.lines.get("exclude", m.line), "exclude"),
            value=value,
            examples=examples,
            model=self.bilingual(m["model"], m.lines["model"], "model", both=False) if "model" in m else {},
            source=f"{self.path}:{m.line}",
        )

    def area(self, raw: Any) -> tuple[int, Area]:
        m = self.mapping(raw, 1, "a clause file", AREA_KEYS, {"area", "title", "items"})
        area_id = self.text(m["area"], m.lines["area"], "area")
        if not re.match(r"^[a-z][a-z0-9_]*$", area_id):
            raise self.fail(m.lines["area"], f"area '{area_id}' must be lower case letters, digits, _")
        order = m.get("order", 100)
        if not isinstance(order, int) or isinstance(order, bool):
            raise self.fail(m.lines["order"], "order must be a whole number")
        items = m["items"]
        if not isinstance(items, list) or not items:
            raise self.fail(m.lines["items"], "items must be a non-empty list")
        built = tuple(self.item(raw_item, items.lines[i], area_id) for i, raw_item in enumerate(items))
        return order, Area(area_id, self.bilingual(m["title"], m.lines["title"], "title"), built)


def _closest(key: str, keys: set[str]) -> str | None:
    import difflib

    match = difflib.get_close_matches(str(key), sorted(keys), n=1, cutoff=0.7)
    return match[0] if match else None


def load_area_file(path: Path, cache: PatternCache | None = None) -> tuple[int, Area]:
    """Return (order, Area) for one clause file."""
    return _Checker(path, cache).area(load_yaml(path))


def load_library(*dirs: Path) -> Library:
    """Return the Library built from the `*.yaml` files of `dirs` (default: the built-in one).

    A later directory's item with an existing ID replaces it in place; new areas are appended.
    """
    dirs = dirs or (default_library_dir(),)
    cache = default_cache()
    areas: dict[str, tuple[int, Area]] = {}
    for d in dirs:
        d = Path(d)
        if not d.is_dir():
            raise LibraryError(str(d), None, "clause pack directory not found")
        pack_ids: dict[str, str] = {}
        for path in sorted(d.glob("*.y*ml")):
            order, area = load_area_file(path, cache)
            for it in area.items:
                if it.id in pack_ids:
                    raise LibraryError(str(path), int(it.source.rsplit(":", 1)[1]),
                                       f"duplicate item id '{it.id}' (also at {pack_ids[it.id]})")
                pack_ids[it.id] = it.source
            areas[area.id] = _merge(areas.get(area.id), order, area)
    cache.save()
    ordered = sorted(areas.values(), key=lambda oa: oa[0])
    return Library(tuple(a for _, a in ordered))


def _merge(old: tuple[int, Area] | None, order: int, new: Area) -> tuple[int, Area]:
    if old is None:
        return order, new
    by_id = {it.id: it for it in new.items}
    kept = tuple(by_id.pop(it.id, it) for it in old[1].items)
    return old[0], Area(old[1].id, old[1].title, kept + tuple(by_id.values()))
