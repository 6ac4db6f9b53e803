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

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

from clausekit import __version__

Entry = tuple[str, int, tuple[frozenset[str], ...] | None, int | None]
_CODE = ("patterns.py", "prefilter.py", "redos.py", "normalize.py")


def _key(spec: str | dict) -> str:
    return ("L" + spec) if isinstance(spec, str) else ("R" + spec["re"])


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
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".patterns.", suffix=".tmp", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self.entries, f, ensure_ascii=False)
            os.replace(tmp, self.path)
        except OSError:
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        self.dirty = False


def default_cache() -> PatternCache:
    return PatternCache(cache_dir())
