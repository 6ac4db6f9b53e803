"""Remember validated patterns between runs, so start-up does not re-validate the whole library.

Turning ~1,600 library patterns into regexes, with their gates and the ReDoS check,
takes most of a second, and a CLI called on every commit cannot spend that each
time.  The result for each pattern entry depends only on its text and on the code
that translates it, so it is kept in a small JSON file in the user's cache folder
(`$CLAUSEKIT_CACHE_DIR`, else `$XDG_CACHE_HOME/clausekit`, else `~/.cache/clausekit`),
named by a fingerprint of that code.  An entry is only ever written after the
pattern passed validation.  A missing, unreadable or corrupt cache is ignored;
`CLAUSEKIT_NO_CACHE=1` turns it off.  The file is written atomically.
"""

from __future__ import annotations

import _sre
import atexit
import contextlib
import functools
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

from clausekit import __version__
from clausekit.prefilter import sre_parse

try:  # Python ≥ 3.11
    from re import _compiler
except ImportError:  # Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]

Entry = tuple[str, int, tuple[frozenset[str], ...] | None, int | None]
_CODE = ("patterns.py", "prefilter.py", "redos.py", "normalize.py")


def _key(spec: str | dict) -> str:
    return ("L" + spec) if isinstance(spec, str) else ("R" + spec["re"])


@functools.cache
def _fingerprint() -> str:
    here = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for name in _CODE:
        h.update((here / name).read_bytes())
    try:
        from importlib.metadata import version

        h.update(version("opencc").encode())  # folding uses its tables
    except Exception:
        pass
    return h.hexdigest()[:16]


def cache_dir() -> Path | None:
    if os.environ.get("CLAUSEKIT_NO_CACHE"):
        return None
    base = os.environ.get("CLAUSEKIT_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "clausekit" if xdg else Path.home() / ".cache" / "clausekit"


class PatternCache:
    """Validated pattern entries: spec → (regex source, flags, gate)."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / f"patterns-{_fingerprint()}.json" if folder else None
        self.entries: dict[str, list] = {}
        self.dirty = False
        if self.path:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                if isinstance(data, dict):
                    self.entries = data
            except (OSError, ValueError):
                pass

    def get(self, spec: str | dict) -> Entry | None:
        found = self.entries.get(_key(spec))
        try:
            expr, flags, gate, width = found  # type: ignore[misc]
            gates = tuple(frozenset(alts) for alts in gate) if gate else None
            return str(expr), int(flags), gates, int(width) if width is not None else None
        except (TypeError, ValueError):
            return None

    def put(self, spec: str | dict, entry: Entry) -> None:
        expr, flags, gate, width = entry
        self.entries[_key(spec)] = [expr, flags, [sorted(alts) for alts in gate] if gate else None, width]
        self.dirty = True

    def save(self) -> None:
        """Write the cache if it changed; any failure (read-only home, full disk) is ignored."""
        if not (self.path and self.dirty):
            return
        _write_json(self.path, self.entries)
        self.dirty = False


def default_cache() -> PatternCache:
    return PatternCache(cache_dir())


class CodeCache:
    """Compiled regex code kept between runs, so `re` does not recompile the library each time.

    Python's `re` spends ~1 ms turning a library regex into matcher code, and an English
    contract needs ~700 of them.  The code is plain integers, so it is stored (per Python
    version and code fingerprint) and handed back to the regex engine's own constructor,
    which validates it: bad or foreign code raises, and the pattern is compiled the usual way.
    """

    def __init__(self, folder: Path | None) -> None:
        name = f"code-{_fingerprint()}-py{sys.version_info[0]}{sys.version_info[1]}.json"
        self.path = folder / name if folder else None
        self.entries: dict[str, list] = {}
        self.dirty = False
        if self.path:
            with contextlib.suppress(OSError, ValueError):
                data = json.loads(self.path.read_text(encoding="utf-8"))
                if isinstance(data, dict):
                    self.entries = data

    def compile(self, expr: str, flags: int):
        """Return the compiled regex for `expr`: from stored code when it is known and valid."""
        import re

        key = f"{flags}\0{expr}"
        known = self.entries.get(key)
        if known:
            try:
                final_flags, code, groups, groupindex, indexgroup = known
                return _sre.compile(expr, final_flags, code, groups, groupindex, tuple(indexgroup))
            except Exception:  # foreign or damaged code: compile it afresh
                pass
        try:
            parsed = sre_parse.parse(expr, flags)
            code = _compiler._code(parsed, flags)
            groupindex = dict(parsed.state.groupdict)
            indexgroup: list[str | None] = [None] * parsed.state.groups
            for name, i in groupindex.items():
                indexgroup[i] = name
            entry = [flags | parsed.state.flags, list(code), parsed.state.groups - 1, groupindex, indexgroup]
            regex = _sre.compile(expr, entry[0], entry[1], entry[2], entry[3], tuple(indexgroup))
        except Exception:  # an engine that works differently: no stored code, just `re`
            return re.compile(expr, flags)
        if self.path:
            if not self.dirty:
                atexit.register(self.save)
            self.entries[key] = entry
            self.dirty = True
        return regex

    def save(self) -> None:
        """Write the new code (called at exit); failures are ignored."""
        if self.dirty and self.path:
            _write_json(self.path, self.entries)
        self.dirty = False


def _write_json(path: Path, data: dict) -> None:
    """Write `data` to `path` atomically; failures (read-only home, full disk) are ignored."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


_code_cache: CodeCache | None = None


def code_cache() -> CodeCache:
    global _code_cache
    if _code_cache is None:
        _code_cache = CodeCache(cache_dir())
    return _code_cache
