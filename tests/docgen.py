"""Build .docx and .pdf fixtures at test time, so no binary file is committed.

`make_docx` writes a Word file with python-docx from a list of blocks:

    "text"                      a body paragraph
    ("heading", "text", level)  a paragraph in the built-in `Heading <level>` style
    ("styled", "text", style)   a paragraph in a named paragraph style (created if missing)
    ("table", [[cell, ...]])    a table, one list per row
    ("deleted", "text")         a paragraph whose text is a tracked deletion (`w:del`)
    ("inserted", "text")        a paragraph whose text is a tracked insertion (`w:ins`)
    ("commented", "text", note) a paragraph carrying a Word comment `note`

`make_pdf` writes a PDF with reportlab and the STSong-Light CID font (Chinese and
ASCII text), one list of lines per page, with an optional running header and a
`第 N 页 共 M 页` footer on every page.  `wrap` cuts long lines as a PDF would.
"""

from __future__ import annotations

import io
import textwrap
import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _revision(p, kind: str, text: str, rid: int) -> None:
    """Put `text` into paragraph `p` as one run wrapped in a tracked w:ins / w:del."""
    from docx.oxml import OxmlElement

    wrap = OxmlElement(f"w:{kind}")
    wrap.set(_w("id"), str(rid))
    wrap.set(_w("author"), "Reviewer")
    wrap.set(_w("date"), "2024-05-01T10:00:00Z")
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if kind == "del" else "w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    wrap.append(run)
    p._p.append(wrap)


def make_docx(path: Path, blocks: list, header: str | None = None, footer: str | None = None) -> Path:
    """Write a .docx made of `blocks` (see the module doc) and return its path."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    rid = 100
    for block in blocks:
        if isinstance(block, str):
            d.add_paragraph(block)
            continue
        kind = block[0]
        if kind == "heading":
            d.add_heading(block[1], level=block[2])
        elif kind == "styled":
            names = {s.name for s in d.styles}
            if block[2] not in names:
                d.styles.add_style(block[2], WD_STYLE_TYPE.PARAGRAPH)
            d.add_paragraph(block[1], style=block[2])
        elif kind == "table":
            rows = block[1]
            table = d.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        elif kind in ("deleted", "inserted"):
            rid += 1
            _revision(d.add_paragraph(), "del" if kind == "deleted" else "ins", block[1], rid)
        elif kind == "commented":
            p = d.add_paragraph()
            run = p.add_run(block[1])
            d.add_comment(run, text=block[2], author="Reviewer")
        else:
            raise ValueError(f"unknown block {block!r}")
    section = d.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    d.save(str(path))
    return path


def rewrite_member(path: Path, member: str, transform) -> Path:
    """Rewrite one zip member of the file at `path` as `transform(old_bytes)`."""
    with zipfile.ZipFile(path) as z:
        items = [(info, z.read(info)) for info in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            z.writestr(info.filename, transform(data) if info.filename == member else data)
    path.write_bytes(buf.getvalue())
    return path


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def wrap(lines: list[str], width: int = 34) -> list[str]:
    """Cut lines longer than `width` characters, as a PDF's line layout would.

    Chinese is cut anywhere; text with ASCII words is cut between words.
    """
    out = []
    for line in lines:
        if line.isascii():
            out += textwrap.wrap(line, width) or [""]
            continue
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return out


def make_pdf(path: Path, pages: list[list[str]], header: str | None = None, footer: bool = False,
             password: str | None = None, per_glyph: bool = False) -> Path:
    """Write a PDF with one list of lines per page and return its path.

    `password` encrypts it (RC4, the empty string makes a file any reader opens);
    `per_glyph` draws every character on its own, as some PDF producers do.
    """
    from reportlab.pdfgen import canvas

    font = _font()
    kwargs = {}
    if password is not None:
        from reportlab.lib.pdfencrypt import StandardEncryption

        kwargs["encrypt"] = StandardEncryption(password, ownerPassword="owner", strength=128)
    c = canvas.Canvas(str(path), pagesize=(595, 842), **kwargs)
    for number, lines in enumerate(pages, 1):
        c.setFont(font, 11)
        if header:
            c.drawString(72, 800, header)
        y = 760
        for line in lines:
            if per_glyph:
                x = 72.0
                for ch in line:
                    c.drawString(x, y, ch)
                    x += c.stringWidth(ch, font, 11)
            else:
                c.drawString(72, y, line)
            y -= 16
        if footer:
            c.drawString(260, 40, f"第 {number} 页 共 {len(pages)} 页")
        c.showPage()
    c.save()
    return path


def make_scanned_pdf(path: Path, pages: int = 2) -> Path:
    """Write a PDF with drawings but no text layer, like a scan."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for _ in range(pages):
        for i in range(20):
            c.rect(72, 760 - i * 16, 300 + (i % 5) * 20, 8, fill=1)
        c.showPage()
    c.save()
    return path


def paginate(lines: list[str], per_page: int = 40) -> list[list[str]]:
    return [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
