"""Read stage: a path becomes a `Document` (text lines with a map back to the source).

Each supported format has its own module with one `read_*` function; this module
only chooses by file suffix and expands directories.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from clausekit.errors import InputError
from clausekit.models import Document, Line

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
MAX_FILE_BYTES = 100 * 1024 * 1024  # default of --max-size: refused before reading, not after exhausting memory

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


def read_document(path: str, encoding: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Return the Document for `path` ('-' is stdin), or raise InputError naming the file.

    A file larger than `max_bytes` is refused before it is read; so is anything that is
    not a regular file (a FIFO or device would block or never end).
    """
    if path == "-":
        from clausekit.readers.text import decode_bytes

        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError("<stdin>", f"refused: more than {_mb(max_bytes)} (--max-size)")
        return _writable(Document.from_text("<stdin>", decode_bytes(data, "<stdin>", encoding)))
    p = Path(path)
    try:
        st = p.stat()
    except OSError as e:
        raise InputError(path, os_reason(e, p)) from None
    if stat.S_ISDIR(st.st_mode):
        try:
            os.listdir(p)
        except OSError as e:
            raise InputError(path, f"cannot list directory ({os_reason(e, p)})") from None
        raise InputError(path, "is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(path, "not a regular file (a FIFO, socket or device); check a saved copy")
    reader = _reader_for(p.suffix.lower())
    if reader is None and p.suffix.lower() in UNSUPPORTED:
        what, todo = UNSUPPORTED[p.suffix.lower()]
        raise InputError(path, f"unsupported file type '{p.suffix}' ({what}); {todo}")
    if reader is None:
        known = ", ".join(sorted(supported_suffixes()))
        raise InputError(path, f"unsupported file type '{p.suffix or '(none)'}' (supported: {known})")
    if st.st_size > max_bytes:
        raise InputError(path, f"refused: {_mb(st.st_size)} is above the size limit of {_mb(max_bytes)}"
                               " (--max-size)")
    return _writable(reader(p, encoding=encoding))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _writable(doc: Document) -> Document:
    """Return `doc` with lone surrogates replaced by U+FFFD: they come from undecodable file names
    (os.walk's surrogateescape) or a PDF's broken text map, and no output format can encode them."""
    lines = (*doc.lines, *doc.extra)
    if not _SURROGATE.search(doc.path) and not any(_SURROGATE.search(ln.text) for ln in lines):
        return doc

    def fix(line: Line) -> Line:
        return replace(line, text=_SURROGATE.sub("\ufffd", line.text))

    return Document(_SURROGATE.sub("\ufffd", doc.path), tuple(map(fix, doc.lines)), tuple(map(fix, doc.extra)))


def read_bytes(path: Path) -> bytes:
    """Return the bytes of `path`, read once (what is parsed is what was checked), or raise InputError."""
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(str(path), os_reason(e, path)) from None


def os_reason(e: OSError, path: Path | None = None) -> str:
    """Return the cause of an OSError as a user reads it: 'permission denied', 'symbolic link loop', ..."""
    if e.errno == errno.ENOENT:
        if path is not None and path.is_symlink():
            return "broken symbolic link (its target does not exist)"
        return "no such file or directory"
    if e.errno == errno.ELOOP:
        return "symbolic link loop"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return (e.strerror or type(e).__name__).lower()


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Yield the files to check: files as given, directories walked for supported files (sorted).

    A directory's files in a contract format clausekit cannot read (.doc, .wps, ...) are
    yielded too, so the run reports them instead of passing over them in silence; so is a
    subdirectory that cannot be listed.  A symbolic link met in the walk is followed only
    when it stays inside the directory named: a contract folder in a pull request cannot
    point clausekit at files elsewhere on the CI machine.  Linked subdirectories are not
    entered at all (os.walk's default), so a link loop cannot make the walk endless.
    """
    suffixes = supported_suffixes() | CONTRACT_LIKE
    for path in paths:
        if path != "-" and os.path.isdir(path):
            top = os.path.realpath(path)
            found: list[str] = []
            unlisted: list[OSError] = []  # read_document reports each one: "cannot list directory (...)"
            for root, dirs, files in os.walk(path, onerror=unlisted.append):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [full for f in files
                          if Path(f).suffix.lower() in suffixes and not f.startswith((".", "~$"))
                          and _inside(full := os.path.join(root, f), top)]
            yield from sorted(found + [e.filename for e in unlisted])
        else:
            yield path


def _inside(path: str, top: str) -> bool:
    """True unless `path` is a symbolic link whose target lies outside the directory `top`."""
    if not os.path.islink(path):
        return True
    target = os.path.realpath(path)
    return target == top or target.startswith(top.rstrip(os.sep) + os.sep)
