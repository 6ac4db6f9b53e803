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

_AS_DOCX = "save it as .docx (or a PDF with a text layer) and check that"
_NOT_CONTRACT = "save the contract itself as .docx, PDF or .txt"
# Types a contract is sometimes handed over in that clausekit cannot read: (what it is, what to do).
UNSUPPORTED = {
    ".doc": ("old Word format", _AS_DOCX),
    ".dot": ("old Word template", _AS_DOCX),
    ".docm": ("macro-enabled Word document", _AS_DOCX),
    ".dotx": ("Word template", _AS_DOCX),
    ".wps": ("WPS Writer format", _AS_DOCX),
    ".rtf": ("Rich Text Format", _AS_DOCX),
    ".odt": ("OpenDocument text", _AS_DOCX),
    ".pages": ("Apple Pages", "export it to .docx or PDF and check that"),
    ".ofd": ("OFD e-document", "export it to PDF (with a text layer) and check that"),
    ".html": ("web page", _NOT_CONTRACT),
    ".htm": ("web page", _NOT_CONTRACT),
    ".xlsx": ("spreadsheet", _NOT_CONTRACT),
    ".xls": ("spreadsheet", _NOT_CONTRACT),
    ".et": ("spreadsheet", _NOT_CONTRACT),
    ".csv": ("spreadsheet", _NOT_CONTRACT),
    ".pptx": ("presentation", _NOT_CONTRACT),
    ".ppt": ("presentation", _NOT_CONTRACT),
    ".zip": ("archive", "extract it and check the files inside"),
    ".rar": ("archive", "extract it and check the files inside"),
    ".7z": ("archive", "extract it and check the files inside"),
}
for _image in (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp", ".heic"):
    UNSUPPORTED[_image] = ("an image, no text", "run OCR first and check the text or a searchable PDF")
# Contract formats a directory walk reports (as an error) instead of skipping silently.
CONTRACT_LIKE = {".doc", ".docm", ".wps", ".rtf", ".odt", ".pages", ".ofd"}


def _reader_for(suffix: str) -> Callable[..., Document] | None:
    if suffix in TEXT_SUFFIXES:
        from clausekit.readers.text import read_text_file

        return read_text_file
    if suffix == ".docx":
        from clausekit.readers.docx import read_docx

        return read_docx
    if suffix == ".pdf":
        from clausekit.readers.pdf import read_pdf

        return read_pdf
    return None


def supported_suffixes() -> set[str]:
    return TEXT_SUFFIXES | {".docx", ".pdf"}


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
    if reader is None and p.suffix.lower() in UNSUPPORTED:
        what, todo = UNSUPPORTED[p.suffix.lower()]
        raise InputError(path, f"unsupported file type '{p.suffix}' ({what}); {todo}")
    if reader is None:
        known = ", ".join(sorted(supported_suffixes()))
        raise InputError(path, f"unsupported file type '{p.suffix or '(none)'}' (supported: {known})")
    return reader(p, encoding=encoding)


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Yield the files to check: files as given, directories walked for supported files (sorted).

    A directory's files in a contract format clausekit cannot read (.doc, .wps, ...) are
    yielded too, so the run reports them instead of passing over them in silence.
    """
    suffixes = supported_suffixes() | CONTRACT_LIKE
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
