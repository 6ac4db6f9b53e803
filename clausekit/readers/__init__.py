"""Read stage: a path becomes a `Document` (text lines with a map back to the source).

Each supported format has its own module with one `read_*` function; this module
only chooses by file suffix and expands directories.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from clausekit.errors import InputError
from clausekit.models import Document

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


def _reader_for(suffix: str) -> Callable[..., Document] | None:
    if suffix in TEXT_SUFFIXES:
        from clausekit.readers.text import read_text_file

        return read_text_file
    return None


def supported_suffixes() -> set[str]:
    return set(TEXT_SUFFIXES)


def read_document(path: str, encoding: str | None = None) -> Document:
    """Return the Document for `path` ('-' is stdin), or raise InputError naming the file."""
    if path == "-":
        from clausekit.readers.text import decode_bytes

        return Document.from_text("<stdin>", decode_bytes(sys.stdin.buffer.read(), "<stdin>", encoding))
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file or directory")
    if p.is_dir():
        raise InputError(path, "is a directory")
    reader = _reader_for(p.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(supported_suffixes()))
        raise InputError(path, f"unsupported file type '{p.suffix or '(none)'}' (supported: {known})")
    return reader(p, encoding=encoding)


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Yield the files to check: files as given, directories walked for supported files (sorted)."""
    suffixes = supported_suffixes()
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = []
            for root, dirs, files in os.walk(path):  # os.walk does not follow symlinked dirs: no loops
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [os.path.join(root, f) for f in files
                          if Path(f).suffix.lower() in suffixes and not f.startswith((".", "~$"))]
            yield from sorted(found)
        else:
            yield path
