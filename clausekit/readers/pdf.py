"""PDF files: the text layer of each page (pypdf), page headers/footers set aside.

Each line of a page's extracted text (pypdf's layout mode) becomes a Line carrying
its 1-based page number.  PDF lines are visual lines, so a clause wraps over several of them; the
normalizer rejoins soft wraps and CJK characters split by spaces or breaks.

A line among the first or last `EDGE` lines of a page whose text (digits
ignored, so page numbers do not matter) recurs at the edge of most pages is a
running header or footer: its first occurrence goes to `Document.extra` (scanned
for placeholders only), the repeats are dropped.

A PDF without a text layer (a scan) is refused with a hint to run OCR.  An
encrypted PDF is read when the empty user password opens it, else refused.
pypdf itself caps how far a compressed stream may expand.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from pathlib import Path

from clausekit.errors import InputError
from clausekit.models import Document, Line
from clausekit.readers import read_bytes

EDGE = 3  # lines at the top and at the bottom of a page that may be a running header/footer
MIN_TEXT_CHARS = 20  # fewer visible characters in the whole file than this: no text layer
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def read_pdf(path: Path, encoding: str | None = None) -> Document:
    """Return the Document of a .pdf file; `encoding` is ignored."""
    name = str(path)
    data = read_bytes(path)
    head = data[:1024]
    if not head:
        raise InputError(name, "empty file")
    if b"%PDF-" not in head:
        raise InputError(name, _not_pdf(head))

    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError

    _silence_pypdf()
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(name, "encrypted PDF (password required); save an unprotected copy")
        pages = [_page_lines(page) for page in reader.pages]
    except InputError:
        raise
    except DependencyError:  # AES without a crypto provider: pypdf ships none of its own
        raise InputError(name, "encrypted PDF (AES) that needs the 'cryptography' package to open;"
                               " install it or save an unprotected copy") from None
    except FileNotDecryptedError:
        raise InputError(name, "encrypted PDF (password required); save an unprotected copy") from None
    except Exception as e:  # pypdf raises many types for a broken file (found by tests/test_mutation_fuzz.py)
        raise InputError(name, f"not a readable PDF (corrupt or truncated: {_reason(e)})") from None

    if sum(len(_SPACE.sub("", t)) for lines in pages for t in lines) < MIN_TEXT_CHARS:
        raise InputError(name, "no text layer (scanned PDF?); run OCR first")
    lines, extra = _split_running(pages)
    return Document(name, tuple(lines), tuple(extra))


def _silence_pypdf() -> None:
    """Keep pypdf's log about sloppy files (even at ERROR level) off stderr: one line per file is ours."""
    log = logging.getLogger("pypdf")
    if not log.handlers:
        log.addHandler(logging.NullHandler())
    log.propagate = False


def _reason(e: Exception) -> str:
    text = str(e).splitlines()[0] if str(e) else ""
    return f"{type(e).__name__}: {text}"[:200] if text else type(e).__name__


def _not_pdf(head: bytes) -> str:
    if head.startswith(b"PK\x03\x04"):
        return "not a PDF but a zip package (a .docx?); give it its real extension"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "not a PDF but an old Office file (.doc?); save it as .docx or print it to PDF"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        return "not a PDF but an image; run OCR first"
    return "not a PDF file (no %PDF header)"


def _page_lines(page) -> list[str]:
    """Return the visual lines of a page, blank runs (vertical gaps) collapsed to one blank line.

    pypdf's layout mode places text by position, so glyphs drawn one by one come out as
    one line (plain mode breaks them apart) and a table row stays on one line.
    """
    try:
        text = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # layout mode is younger and stricter; the plain text is better than nothing
        text = page.extract_text() or ""
    out: list[str] = []
    for t in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        t = t.strip()
        if t or (out and out[-1]):
            out.append(t)
    while out and not out[-1]:
        out.pop()
    return out


def _key(text: str) -> str:
    return _DIGITS.sub("#", _SPACE.sub("", text))


def _edges(lines: list[str]) -> list[int]:
    """Return the indexes of the first and last EDGE non-empty lines of a page."""
    filled = [i for i, t in enumerate(lines) if t.strip()]
    return sorted(set(filled[:EDGE] + filled[-EDGE:]))


def _split_running(pages: list[list[str]]) -> tuple[list[Line], list[Line]]:
    """Return (body lines, header/footer lines): running headers/footers are kept once, in extra."""
    running: set[str] = set()
    if len(pages) >= 2:
        seen = Counter()
        for lines in pages:
            seen.update({_key(lines[i]) for i in _edges(lines)})
        need = max(2, (len(pages) * 6 + 9) // 10)  # on at least 60% of the pages
        running = {k for k, n in seen.items() if n >= need}
    body: list[Line] = []
    extra: list[Line] = []
    kept: set[str] = set()
    for number, lines in enumerate(pages, 1):
        edge = set(_edges(lines))
        page: list[Line] = []
        for i, text in enumerate(lines):
            key = _key(text)
            if i in edge and key in running:
                if key not in kept:
                    kept.add(key)
                    extra.append(Line(text, page=number))
                continue
            if text or (page and page[-1].text):
                page.append(Line(text, page=number))
        while page and not page[-1].text:  # no blank at a page break: a clause may go on overleaf
            page.pop()
        body += page
    return body, extra
