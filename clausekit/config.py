"""Project configuration: find it, validate it strictly, and give the settings for one file.

Found by searching upward from the current directory for `clausekit.yaml`,
`.clausekit.yaml` or a `pyproject.toml` with a `[tool.clausekit]` table (the
first directory holding one wins), or named with `--config FILE`.

    packs: [our-clauses/]                 # extra clause directories; same ID replaces the built-in item
    disable: [staffing.recruitment, fees] # item IDs or whole areas
    severity: {sla.review: required, scope.languages: off}
    include: ["contracts/**"]             # globs, relative to the config file's directory
    exclude: ["contracts/archive/**"]
    overrides:                            # later entries win; `files` is a glob or a list of globs
      - files: "outbound/**"
        severity: {scope.volume: required}
    waivers:
      - {item: term.renewal, files: "legacy/*.docx", reason: "signed before 2024", until: 2025-12-31}

Every problem is a ConfigError naming file and line: a typo must never silently
disable a check.  Glob rules: `*` and `?` stay within a path segment, `**` spans
segments, and a pattern without `/` matches the file name in any directory.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clausekit.errors import ConfigError, LibraryError
from clausekit.models import Library

CONFIG_NAMES = ("clausekit.yaml", ".clausekit.yaml")
TOP_KEYS = {"packs", "disable", "severity", "include", "exclude", "overrides", "waivers"}
LAYER_KEYS = {"files", "disable", "severity", "waivers"}
WAIVER_KEYS = {"item", "files", "reason", "until"}
SEVERITY_VALUES = ("required", "recommended", "off")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Setting:
    """One item's severity (required | recommended | off) and where it was set."""

    value: str
    source: str


@dataclass(frozen=True)
class WaiverRule:
    item: str
    files: tuple[str, ...]
    reason: str
    until: dt.date | None
    source: str


@dataclass(frozen=True)
class Layer:
    """The top level of a config file or one `overrides` entry: what it sets, for which files."""

    files: tuple[str, ...]  # () = every file
    disable: tuple[tuple[str, int], ...] = ()  # (item or area ID, line)
    severity: tuple[tuple[str, str, int], ...] = ()  # (item or area ID, value, line)
    waivers: tuple[WaiverRule, ...] = ()
    name: str = ""  # "overrides[0]" for messages


@dataclass(frozen=True)
class FileSettings:
    """What applies to one file: changed severities (item ID → Setting) and the waivers that match it."""

    path: str
    included: bool
    severity: dict[str, Setting]
    waivers: tuple[WaiverRule, ...]


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # None: no config file, built-in defaults
    root: Path = field(default_factory=Path.cwd)  # globs and packs are relative to it
    packs: tuple[Path, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    layers: tuple[Layer, ...] = ()

    def where(self, line: int | None) -> str:
        name = str(self.path) if self.path else "defaults"
        return f"{name}:{line}" if line else name

    def validate_ids(self, library: Library) -> None:
        """Raise ConfigError at the line of any item or area ID the library does not have."""
        items = {it.id for it in library.items}
        areas = {a.id for a in library.areas}
        for layer in self.layers:
            refs = [(i, ln, True) for i, ln in layer.disable] + [(i, ln, True) for i, _, ln in layer.severity]
            refs += [(w.item, int(w.source.rsplit(":", 1)[1]), False) for w in layer.waivers]
            for ref, line, area_ok in refs:
                if ref in items or (area_ok and ref in areas):
                    continue
                from clausekit.library import _closest

                hint = _closest(ref, items | (areas if area_ok else set()))
                what = "item or area" if area_ok else "item"
                raise ConfigError(str(self.path), line, f"unknown {what} '{ref}'"
                                  + (f" (did you mean '{hint}'?)" if hint else ""))

    def relative(self, path: str) -> str:
        """Return `path` relative to the config root in POSIX form (as given when outside it)."""
        if path == "-" or path.startswith("<"):
            return path
        p = Path(path).absolute()
        try:
            return p.relative_to(self.root.absolute()).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def selects(self, path: str) -> bool:
        """True when `path` passes `include` (if any) and no `exclude` glob."""
        if path == "-" or path.startswith("<"):
            return True
        rel = self.relative(path)
        if self.include and not any(match_glob(g, rel) for g in self.include):
            return False
        return not any(match_glob(g, rel) for g in self.exclude)

    def for_file(self, path: str, library: Library) -> FileSettings:
        """Return the effective settings of `path`: every matching layer applied in order, later wins."""
        rel = self.relative(path)
        areas = {a.id: [it.id for it in a.items] for a in library.areas}
        severity: dict[str, Setting] = {}
        waivers: list[WaiverRule] = []
        for layer in self.layers:
            if layer.files and not any(match_glob(g, rel) for g in layer.files):
                continue
            label = f" ({layer.name})" if layer.name else ""
            for ref, line in layer.disable:
                for item_id in areas.get(ref, [ref]):
                    severity[item_id] = Setting("off", f"{self.where(line)}{label}")
            for ref, value, line in layer.severity:
                for item_id in areas.get(ref, [ref]):
                    severity[item_id] = Setting(value, f"{self.where(line)}{label}")
            waivers += [w for w in layer.waivers if not w.files or any(match_glob(g, rel) for g in w.files)]
        return FileSettings(path, self.selects(path), severity, tuple(waivers))


_GLOB_CACHE: dict[str, re.Pattern] = {}


def match_glob(pattern: str, path: str) -> bool:
    """True when the POSIX `path` matches `pattern` (`**` spans directories; no `/` = any directory)."""
    if "/" not in pattern.rstrip("/"):
        pattern = "**/" + pattern
    rx = _GLOB_CACHE.get(pattern)
    if rx is None:
        rx = _GLOB_CACHE[pattern] = re.compile(_glob_regex(pattern.rstrip("/")) + r"(?:/.*)?\Z", re.S)
    return bool(rx.match(path.lstrip("./") if path.startswith("./") else path))


def _glob_regex(pattern: str) -> str:
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[" and "]" in pattern[i + 1:]:
            j = pattern.index("]", i + 1)
            body = pattern[i + 1:j]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = j
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


# ---- discovery -----------------------------------------------------------------------------------


def find_config(start: Path | None = None) -> Path | None:
    """Return the nearest config file at or above `start` (default: the current directory)."""
    here = (start or Path.cwd()).absolute()
    for folder in (here, *here.parents):
        found = [folder / n for n in CONFIG_NAMES if (folder / n).is_file()]
        if len(found) > 1:
            raise ConfigError(str(found[1]), None, f"both {found[0].name} and {found[1].name} exist; keep one")
        if found:
            return found[0]
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and re.search(r"^\s*\[\s*tool\.clausekit\s*[\].]", _read(pyproject), re.M):
            return pyproject
    return None


def load_config(path: Path | None = None, discover: bool = True) -> Config:
    """Return the validated Config at `path`, the discovered one, or the defaults when there is none."""
    if path is None and discover:
        path = find_config()
    if path is None:
        return Config()
    path = Path(path)
    if path.is_dir():
        raise ConfigError(str(path), None, "is a directory, not a config file")
    if not path.is_file():
        raise ConfigError(str(path), None, "config file not found")
    if path.name == "pyproject.toml":
        data = _pyproject_table(path)
    else:
        from clausekit.library import load_yaml

        try:
            data = load_yaml(path)
        except LibraryError as e:
            raise ConfigError(e.path, e.line, e.reason) from None
    return _Reader(path, _read(path) if path.name == "pyproject.toml" else None).config(data)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(str(path), None, f"cannot read: {e}") from None


def _pyproject_table(path: Path) -> Any:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]

    try:
        data = tomllib.loads(_read(path))
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        raise ConfigError(str(path), int(m.group(1)) if m else None, str(e).split(" (at")[0]) from None
    table = data.get("tool", {}).get("clausekit")
    if table is None:
        raise ConfigError(str(path), None, "no [tool.clausekit] table")
    return table


class _Reader:
    """Validates a parsed config; YAML containers know their lines, TOML lines are looked up by key."""

    def __init__(self, path: Path, toml_text: str | None) -> None:
        self.path = path
        self.toml_lines = toml_text.splitlines() if toml_text is not None else None

    def line(self, container: Any, key: Any, fallback: int | None = None) -> int | None:
        lines = getattr(container, "lines", None)
        if isinstance(lines, dict) and key in lines:
            return lines[key]
        if isinstance(lines, list) and isinstance(key, int) and key < len(lines):
            return lines[key]
        if self.toml_lines is not None and isinstance(key, str):
            start = next((i for i, t in enumerate(self.toml_lines) if re.match(r"\s*\[\s*tool\.clausekit", t)), 0)
            k = re.escape(key)
            pat = re.compile(rf"""^\s*["']?{k}["']?\s*=|[{{,]\s*["']?{k}["']?\s*=""")
            for i in range(start, len(self.toml_lines)):
                if pat.search(self.toml_lines[i]):
                    return i + 1
        return fallback if fallback is not None else getattr(container, "line", None)

    def fail(self, line: int | None, reason: str) -> ConfigError:
        return ConfigError(str(self.path), line, reason)

    def mapping(self, value: Any, line: int | None, what: str, keys: set[str]) -> dict:
        if not isinstance(value, dict):
            raise self.fail(line, f"{what} must be a mapping")
        for key in value:
            if key not in keys:
                from clausekit.library import _closest

                hint = _closest(str(key), keys)
                raise self.fail(self.line(value, key, line),
                                f"unknown key '{key}'" + (f" (did you mean '{hint}'?)" if hint else ""))
        return value

    def strings(self, value: Any, line: int | None, what: str) -> list[tuple[str, int | None]]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise self.fail(line, f"{what} must be a list of strings")
        out = []
        for i, v in enumerate(value):
            ln = self.line(value, i, line)
            if not isinstance(v, str) or not v.strip():
                raise self.fail(ln, f"{what} entries must be non-empty strings")
            out.append((v, ln))
        return out

    def layer(self, m: dict, line: int | None, name: str) -> Layer:
        files: tuple[str, ...] = ()
        if name:
            if "files" not in m:
                raise self.fail(line, f"{name} lacks 'files'")
            files = tuple(g for g, _ in self.strings(m["files"], self.line(m, "files", line), "files"))
        disable = tuple(self.strings(m.get("disable", []), self.line(m, "disable", line), "disable"))
        severity = []
        if "severity" in m:
            sev = self.mapping(m["severity"], self.line(m, "severity", line), "severity", set(m["severity"])
                               if isinstance(m["severity"], dict) else set())
            for item_id, value in sev.items():
                ln = self.line(sev, item_id, line)
                if value is False:  # YAML 1.1 reads a bare `off` as false
                    value = "off"
                if value not in SEVERITY_VALUES:
                    raise self.fail(ln, f"severity of '{item_id}' must be one of {', '.join(SEVERITY_VALUES)}")
                severity.append((str(item_id), value, ln))
        waivers = ()
        if "waivers" in m:
            raw = m["waivers"]
            ln = self.line(m, "waivers", line)
            if not isinstance(raw, list):
                raise self.fail(ln, "waivers must be a list")
            waivers = tuple(self.waiver(w, self.line(raw, i, ln)) for i, w in enumerate(raw))
        return Layer(files, disable, tuple(severity), waivers, name)

    def waiver(self, raw: Any, line: int | None) -> WaiverRule:
        w = self.mapping(raw, line, "a waiver", WAIVER_KEYS)
        line = getattr(w, "line", line)
        for key in ("item", "reason"):
            if not isinstance(w.get(key), str) or not w[key].strip():
                raise self.fail(self.line(w, key, line), f"a waiver needs '{key}' (a non-empty string)")
        files = tuple(g for g, _ in self.strings(w["files"], self.line(w, "files", line), "files")) \
            if "files" in w else ()
        until = w.get("until")
        if isinstance(until, str) and _DATE.match(until):
            with contextlib.suppress(ValueError):  # an impossible date stays a string: reported below
                until = dt.date.fromisoformat(until)
        if isinstance(until, dt.datetime) or not (until is None or isinstance(until, dt.date)):
            raise self.fail(self.line(w, "until", line), "until must be a date YYYY-MM-DD")
        return WaiverRule(w["item"], files, w["reason"].strip(), until,
                          f"{self.path}:{self.line(w, 'item', line) or line or 0}")

    def config(self, data: Any) -> Config:
        if data is None:
            data = {}
        m = self.mapping(data, 1, "the configuration", TOP_KEYS)
        root = self.path.absolute().parent
        packs = []
        for pack, ln in self.strings(m.get("packs", []), self.line(m, "packs"), "packs"):
            p = (root / pack).resolve()
            if not p.is_dir():
                raise self.fail(ln, f"clause pack directory not found: {pack}")
            packs.append(p)
        include = tuple(g for g, _ in self.strings(m.get("include", []), self.line(m, "include"), "include"))
        exclude = tuple(g for g, _ in self.strings(m.get("exclude", []), self.line(m, "exclude"), "exclude"))
        layers = [self.layer(m, 1, "")]
        if "overrides" in m:
            raw = m["overrides"]
            ln = self.line(m, "overrides")
            if not isinstance(raw, list):
                raise self.fail(ln, "overrides must be a list")
            for i, entry in enumerate(raw):
                eln = self.line(raw, i, ln)
                layers.append(self.layer(self.mapping(entry, eln, f"overrides[{i}]", LAYER_KEYS),
                                         getattr(entry, "line", eln), f"overrides[{i}]"))
        return Config(self.path.absolute(), root, tuple(packs), include, exclude, tuple(layers))


def effective_report(config: Config, library: Library, path: str | None, today: dt.date) -> str:
    """Return the plain-text account of the effective configuration (of `path` when given)."""
    out = [f"config: {config.path or 'none found (built-in defaults)'}"]
    from clausekit.library import default_library_dir

    out.append(f"packs: {default_library_dir()} (built-in)" + "".join(f", {p}" for p in config.packs))
    out.append(f"include: {', '.join(config.include) or '(everything)'}")
    out.append(f"exclude: {', '.join(config.exclude) or '(nothing)'}")
    if config.path:
        out.append(f"paths are relative to: {config.root}")
    if path is None:
        for layer in config.layers:
            if layer.name:
                out.append(f"{layer.name}: files {', '.join(layer.files)}")
        out.append("(name a contract file to see the settings that apply to it)")
        return "\n".join(out) + "\n"
    settings = config.for_file(path, library)
    out.append(f"file: {path} (as {config.relative(path)!r})"
               + ("" if settings.included else " — NOT CHECKED: excluded by include/exclude"))
    out.append("")
    width = max(len(it.id) for it in library.items)
    for it in library.items:
        s = settings.severity.get(it.id)
        value, source = (s.value, s.source) if s else (it.severity, f"built-in {it.source}")
        out.append(f"  {it.id:<{width}}  {value:<11}  {source}")
        for w in settings.waivers:
            if w.item == it.id:
                state = "EXPIRED" if w.until and today > w.until else "active"
                until = f" until {w.until.isoformat()}" if w.until else ""
                out.append(f"  {'':<{width}}  waived{until} ({state}): {w.reason}  {w.source}")
    return "\n".join(out) + "\n"
