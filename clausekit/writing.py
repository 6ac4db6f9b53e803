"""Write files safely: never over an existing file without --force, always atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from clausekit.errors import OutputError


def check_writable(path: Path, force: bool = False) -> None:
    """Raise OutputError when `path` exists (unless `force`) or is a directory: before any work is done."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path}: is a directory")
    if (path.exists() or path.is_symlink()) and not force:
        raise OutputError(f"{path}: already exists (use --force to overwrite)")


def write_file(path: Path, text: str, force: bool = False) -> None:
    """Write `text` to `path` via a temporary file and rename; refuse to replace it unless `force`."""
    path = Path(path)
    check_writable(path, force)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise OutputError(f"{path}: cannot write ({e.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError as e:
        os.unlink(tmp)
        raise OutputError(f"{path}: cannot write ({e.strerror})") from None
