"""Word .docx files: body paragraphs and table rows in document order, headers/footers as extras.

python-docx opens the package and parses its XML (its lxml parser resolves no
entities and loads no DTD); this module walks the body XML itself, because
python-docx's `Paragraph.text` drops tracked insertions and its table API hides
vertical merges.  What counts as text:

- runs inside tracked insertions (`w:ins`, `w:moveTo`) count; deletions (`w:del`,
  `w:moveFrom`, `w:delText`) do not, so a clause deleted in review is missing;
- field codes (`w:instrText`) and comments are not contract text;
- a table row is one line, its cells joined by `|`; a vertically merged cell
  repeats its text in every row it spans;
- a paragraph with a Word heading style (`Heading 1`, `标题 1`, `Title`) or an
  outline level is marked as a heading.

Locations: "paragraph N" counts the body paragraphs outside tables (empty ones
included, as `python-docx`'s `Document.paragraphs` does), "table T, row R" the
top-level tables and their rows.  Before parsing, the zip is checked: members
must not expand beyond `MAX_XML_BYTES` of XML (a decompression bomb) and XML
parts must not carry a DTD (Word never writes one).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from clausekit.errors import InputError
from clausekit.models import Document, Line
from clausekit.readers import read_bytes

MAX_XML_BYTES = 50 * 1024 * 1024  # all XML parts together, uncompressed
MAX_PACKAGE_BYTES = 500 * 1024 * 1024  # every member together (python-docx loads each into memory)
MAX_MEMBERS = 10_000

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = f"{{{_W}}}"
_SKIP = {W + "del", W + "moveFrom", W + "delText", W + "instrText", W + "pPr", W + "rPr", W + "tblPr",
         W + "trPr", W + "tcPr", W + "sectPr", W + "commentReference", W + "footnoteReference",
         W + "endnoteReference", f"{{{_MC}}}Fallback"}
_WRAPPERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo", W + "smartTag"}
_HEADING_STYLE = re.compile(r"^(?:heading|标题|標題|título|titre|überschrift)\s*\d$|^(?:title|标题|標題)$",
                            re.IGNORECASE)
_STRICT = b"purl.oclc.org/ooxml/wordprocessingml/main"
_DTD = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))


def read_docx(path: Path, encoding: str | None = None) -> Document:
    """Return the Document of a .docx file; `encoding` is ignored (the package says its own)."""
    name = str(path)
    data = read_bytes(path)
    _check_package(data, name)
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        word = docx.Document(io.BytesIO(data))
        body = word.element.body
        headings = _heading_styles(word)
        lines = list(_body_lines(body, headings))
        extra = []
        for rel in word.part.rels.values():
            if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external:
                where = "header" if rel.reltype == RT.HEADER else "footer"
                extra += [Line(t, location=where) for t in _part_texts(rel.target_part.element)]
    except InputError:
        raise
    except ValueError as e:
        if "is not a Word file" in str(e):
            raise InputError(name, "an Office file but not a Word document;"
                                   " save the contract as .docx") from None
        raise InputError(name, f"not a readable .docx file ({_reason(e)})") from None
    except Exception as e:  # python-docx, zipfile and lxml raise many types for a broken package
        raise InputError(name, f"not a readable .docx file ({_reason(e)})") from None
    if not any(ln.text.strip() for ln in lines):
        raise InputError(name, "no text in the document body (only images? run OCR first)")
    return Document(name, tuple(lines), tuple(extra))


def _reason(e: Exception) -> str:
    text = str(e).splitlines()[0] if str(e) else ""
    return f"{type(e).__name__}: {text}"[:200] if text else type(e).__name__


def _check_package(data: bytes, name: str) -> None:
    """Refuse what is not a zip, a zip bomb, and XML parts with a DTD (entity tricks)."""
    head = data[:8]
    if not head:
        raise InputError(name, "empty file")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(name, "not a .docx package: an old-format .doc or a password-protected Word file;"
                               " remove the password / save it as .docx")
    if head.startswith(b"%PDF"):
        raise InputError(name, "is a PDF, not a .docx; rename it to .pdf")
    if head.startswith((b"{\\rtf", b"<")):
        raise InputError(name, "not a .docx package (RTF, HTML or XML text saved under a .docx name);"
                               " open it in Word and save it as .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if len(infos) > MAX_MEMBERS:
                raise InputError(name, f"refused: {len(infos)} members in the .docx package")
            xml = [i for i in infos if i.filename.lower().endswith((".xml", ".rels"))]
            xml_size = sum(i.file_size for i in xml)
            total = sum(i.file_size for i in infos)
            if xml_size > MAX_XML_BYTES or total > MAX_PACKAGE_BYTES:
                size = max(xml_size, total) // (1024 * 1024)
                raise InputError(name, f"refused: the .docx would expand to {size} MB"
                                       f" (limit {MAX_XML_BYTES // (1024 * 1024)} MB of XML);"
                                       " a decompression bomb or not a contract")
            names = set(z.namelist())
            if "[Content_Types].xml" not in names:
                raise InputError(name, "a zip file but not a Word document; save the contract as .docx")
            if "word/document.xml" not in names and any(n.startswith(("xl/", "ppt/")) for n in names):
                raise InputError(name, "an Excel or PowerPoint file, not a Word document;"
                                       " save the contract as .docx")
            for info in xml:  # zipfile never returns more than the declared (checked) size
                data = z.read(info)
                if any(d in data for d in _DTD):
                    raise InputError(name, f"refused: {info.filename} declares a DTD"
                                           " (Word never writes one; possible entity attack)")
                if info.filename == "word/document.xml" and _STRICT in data[:4096]:
                    raise InputError(name, "Strict Open XML is not supported;"
                                           " save it in Word as 'Word Document (*.docx)'")
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as e:
        raise InputError(name, f"not a readable .docx file (corrupt or truncated zip: {_reason(e)})") \
            from None


def _heading_styles(word) -> set[str]:
    """Return the ids of paragraph styles that are headings: by name or outline level, inherited."""
    from docx.enum.style import WD_STYLE_TYPE

    found: set[str] = set()
    for style in word.styles:
        if style.type != WD_STYLE_TYPE.PARAGRAPH:
            continue
        s, seen = style, 0
        while s is not None and seen < 20:
            if _HEADING_STYLE.match((s.name or "").strip()) or _outline_level(s.element.pPr):
                found.add(style.style_id)
                break
            s, seen = s.base_style, seen + 1
    return found


def _outline_level(ppr) -> bool:
    if ppr is None:
        return False
    lvl = ppr.find(W + "outlineLvl")
    val = lvl.get(W + "val") if lvl is not None else None
    return val is not None and val.isdigit() and int(val) < 9


def _blocks(parent) -> Iterator:
    """Yield the w:p and w:tbl elements under `parent`, looking through content controls and revisions."""
    for child in parent:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _blocks(child)


def _para_lines(p) -> list[str]:
    """Return the text of a paragraph, split at manual line breaks."""
    parts: list[str] = []
    _collect(p, parts)
    return "".join(parts).split("\n")


def _collect(el, parts: list[str]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:  # comments, processing instructions, entities
            continue
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag == W + "tab" or tag == W + "ptab":
            parts.append("\t")
        elif tag == W + "br" or tag == W + "cr":
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "p":  # a text box inside the paragraph
            parts.append(" ")
            _collect(child, parts)
            parts.append(" ")
        else:
            _collect(child, parts)


def _is_heading(p, headings: set[str]) -> bool:
    ppr = p.find(W + "pPr")
    if ppr is None:
        return False
    style = ppr.find(W + "pStyle")
    return (style is not None and style.get(W + "val") in headings) or _outline_level(ppr)


def _body_lines(body, headings: set[str]) -> Iterator[Line]:
    para = table = 0
    for block in _blocks(body):
        if block.tag == W + "p":
            para += 1
            heading = _is_heading(block, headings)
            for text in _para_lines(block):
                yield Line(text, location=f"paragraph {para}", is_heading=heading and bool(text.strip()))
        else:
            table += 1
            for row, text in enumerate(_table_rows(block), 1):
                yield Line(text, location=f"table {table}, row {row}")


def _cell_text(tc) -> str:
    parts = []
    for block in _blocks(tc):
        if block.tag == W + "p":
            parts += _para_lines(block)
        else:
            parts += _table_rows(block)
    return " ".join(" ".join(parts).split())


def _table_rows(tbl) -> list[str]:
    """Return one text per row: `| cell | cell |`, merged cells once, vertical merges repeated."""
    rows = []
    above: dict[int, str] = {}  # grid column → text of the cell that starts a vertical merge there
    for tr in _children(tbl, W + "tr"):
        trpr = tr.find(W + "trPr")
        if trpr is not None and trpr.find(W + "del") is not None:  # a row deleted in review
            continue
        col = 0
        cells: list[str] = []
        for tc in _children(tr, W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span, vmerge = 1, None
            if tcpr is not None:
                gs = tcpr.find(W + "gridSpan")
                if gs is not None and (gs.get(W + "val") or "").isdigit():
                    span = max(1, int(gs.get(W + "val")))
                vm = tcpr.find(W + "vMerge")
                if vm is not None:
                    vmerge = vm.get(W + "val") or "continue"
            text = above.get(col, "") if vmerge == "continue" else _cell_text(tc)
            if vmerge == "restart":
                above[col] = text
            elif vmerge is None:
                above.pop(col, None)
            cells.append(text)
            col += span
        if any(cells):
            rows.append("| " + " | ".join(cells) + " |")
        else:
            rows.append("")
    return rows


def _children(element, tag: str) -> Iterator:
    """Yield the `tag` children of `element`, looking through wrappers (content controls, insertions)."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _part_texts(root) -> list[str]:
    """Return the non-empty lines of a header or footer part."""
    out = []
    for block in _blocks(root):
        texts = _para_lines(block) if block.tag == W + "p" else _table_rows(block)
        out += [t for t in texts if t.strip()]
    return out
