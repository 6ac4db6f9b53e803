"""The pipeline for one document: read → normalize → structure → match → judge (+ placeholders)."""

from __future__ import annotations

from clausekit.judge import judge
from clausekit.language import detect_language
from clausekit.match import match_library
from clausekit.models import Document, FileResult, Library
from clausekit.normalize import normalize
from clausekit.placeholders import find_placeholders
from clausekit.readers import MAX_FILE_BYTES, read_document
from clausekit.structure import outline


def check_document(doc: Document, library: Library) -> FileResult:
    """Return the FileResult of one already-read document."""
    out = outline(doc)
    mt = normalize(doc, set(out.lines))
    hits = match_library(library, mt.text)
    items = judge(library, hits, mt, out, doc.lines)
    return FileResult(doc.path, detect_language(mt.text), tuple(items), tuple(find_placeholders(doc)))


def check_path(path: str, library: Library, encoding: str | None = None,
               max_bytes: int = MAX_FILE_BYTES) -> FileResult:
    """Return the FileResult of the file at `path`; raises InputError for unreadable input."""
    return check_document(read_document(path, encoding, max_bytes), library)


def check_text(text: str, library: Library, path: str = "<text>") -> FileResult:
    """Return the FileResult of a text (used by the item-example test and `clausekit test`)."""
    return check_document(Document.from_text(path, text), library)
