"""Plain text and Markdown files in any common encoding."""

from __future__ import annotations

import codecs
from pathlib import Path

from clausekit.errors import InputError
from clausekit.models import Document
from clausekit.readers import read_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, path: str, encoding: str | None = None) -> str:
    """Return the text of `data`: BOM, then strict UTF-8, then strict GB18030, then detection."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(path, f"unknown encoding '{encoding}'") from None
        except UnicodeDecodeError as e:
            raise InputError(path, f"cannot decode as {encoding} (byte {e.start})") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name)
            except UnicodeDecodeError:
                raise InputError(path, f"invalid {name} text after byte-order mark") from None
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (NUL bytes); not a text contract")
    for name in ("utf-8", "gb18030"):
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "cannot detect the text encoding; pass --encoding")
    return str(best)


def read_text_file(path: Path, encoding: str | None = None) -> Document:
    """Return the Document of a .txt/.md file."""
    text = decode_bytes(read_bytes(path), str(path), encoding)
    if not text.strip():
        raise InputError(str(path), "empty file")
    return Document.from_text(str(path), text)
