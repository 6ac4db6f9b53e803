"""Word .docx input: paragraphs, headings, tables, tracked changes, headers/footers, bad files."""

from __future__ import annotations

import json
import zipfile

import pytest
from docgen import make_docx, rewrite_member
from typer.testing import CliRunner

from clausekit.check import check_path
from clausekit.cli import app
from clausekit.errors import InputError
from clausekit.readers import docx as docx_reader
from clausekit.readers import read_document

ANSWER = "乙方应确保呼入电话人工接通率不低于95%，按月统计。"


def status(result, item_id: str) -> str:
    return next(r.status for r in result.items if r.item.id == item_id)


def evidence(result, item_id: str):
    return next(r.evidence for r in result.items if r.item.id == item_id)


def test_paragraphs_in_order_with_locations_and_heading_styles(library, tmp_path):
    f = make_docx(tmp_path / "c.docx", [
        ("heading", "服务水平", 1),
        ANSWER,
        ("styled", "保密", "标题 1"),
        ("heading", "Confidentiality", 2),
        "",
        "乙方应对甲方客户信息严格保密。",
    ])
    doc = read_document(str(f))
    assert [(ln.text, ln.location, ln.is_heading) for ln in doc.lines] == [
        ("服务水平", "paragraph 1", True),
        (ANSWER, "paragraph 2", False),
        ("保密", "paragraph 3", True),
        ("Confidentiality", "paragraph 4", True),
        ("", "paragraph 5", False),
        ("乙方应对甲方客户信息严格保密。", "paragraph 6", False),
    ]
    result = check_path(str(f), library)
    ev = evidence(result, "sla.answer_rate")[0]
    assert (ev.line, ev.location, ev.section, ev.value) == (2, "paragraph 2", "服务水平", "95%")


def test_table_rows_are_lines_and_carry_table_and_row(library, tmp_path):
    f = make_docx(tmp_path / "c.docx", [
        "第三条 服务水平",
        "乙方应达到下表所列服务水平：",
        ("table", [["指标", "目标", "统计周期"], ["人工接通率", "≥95%", "按月"], ["放弃率", "≤5%", "按月"]]),
        "附件一 服务说明书",
        ("table", [["项目", "说明"], ["服务时间", "7×24小时"]]),
    ])
    doc = read_document(str(f))
    rows = [(ln.text, ln.location) for ln in doc.lines if ln.location.startswith("table")]
    assert rows == [
        ("| 指标 | 目标 | 统计周期 |", "table 1, row 1"),
        ("| 人工接通率 | ≥95% | 按月 |", "table 1, row 2"),
        ("| 放弃率 | ≤5% | 按月 |", "table 1, row 3"),
        ("| 项目 | 说明 |", "table 2, row 1"),
        ("| 服务时间 | 7×24小时 |", "table 2, row 2"),
    ]
    assert doc.lines[5].location == "paragraph 3"  # paragraphs are counted outside tables
    result = check_path(str(f), library)
    assert status(result, "sla.answer_rate") == "present"
    ev = evidence(result, "sla.answer_rate")[0]
    assert (ev.location, ev.line, ev.value) == ("table 1, row 2", 4, "95%")


def test_merged_cells_are_read_once_and_vertical_merges_repeat(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["指标", "时段", "目标"], ["接通率", "工作日", "≥95%"], ["", "节假日", "≥90%"]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    t.cell(1, 0).merge(t.cell(2, 0))  # 接通率 spans two rows
    t.cell(0, 1).merge(t.cell(0, 2))  # a header cell spanning two columns
    t.cell(0, 1).text = "目标值"
    d.save(str(tmp_path / "m.docx"))
    lines = [ln.text for ln in read_document(str(tmp_path / "m.docx")).lines]
    assert lines == ["| 指标 | 目标值 |", "| 接通率 | 工作日 | ≥95% |", "| 接通率 | 节假日 | ≥90% |"]


def test_tracked_deletion_does_not_count_and_insertion_does(library, tmp_path):
    deleted = make_docx(tmp_path / "del.docx", ["第一条 服务水平", ("deleted", ANSWER), "其他。"])
    inserted = make_docx(tmp_path / "ins.docx", ["第一条 服务水平", ("inserted", ANSWER), "其他。"])
    assert ANSWER not in [ln.text for ln in read_document(str(deleted)).lines]
    assert status(check_path(str(deleted), library), "sla.answer_rate") == "missing"
    assert ANSWER in [ln.text for ln in read_document(str(inserted)).lines]
    assert status(check_path(str(inserted), library), "sla.answer_rate") == "present"


def test_comments_are_not_contract_text(library, tmp_path):
    import docx

    if not hasattr(docx.document.Document, "add_comment"):
        pytest.skip("python-docx < 1.2 cannot write comments")
    f = make_docx(tmp_path / "c.docx", ["第一条 服务水平", ("commented", "服务水平另行约定。", ANSWER)])
    assert [ln.text for ln in read_document(str(f)).lines] == ["第一条 服务水平", "服务水平另行约定。"]
    assert status(check_path(str(f), library), "sla.answer_rate") == "missing"


def test_headers_and_footers_are_scanned_for_placeholders_only(library, tmp_path):
    f = make_docx(tmp_path / "c.docx", ["第一条 服务内容", "乙方提供呼入服务。"],
                  header="合同编号：【 】 接通率不低于95%", footer="第 页")
    doc = read_document(str(f))
    assert [(ln.text, ln.location) for ln in doc.extra] == [
        ("合同编号：【 】 接通率不低于95%", "header"), ("第 页", "footer")]
    assert all("接通率" not in ln.text for ln in doc.lines)
    result = check_path(str(f), library)
    assert status(result, "sla.answer_rate") == "missing"
    assert [(p.text, p.location) for p in result.placeholders] == [("【 】", "header")]


def test_manual_line_breaks_split_a_paragraph_into_lines_with_one_location(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("前言")
    p = d.add_paragraph("第一条 服务水平")
    p.add_run().add_break()
    p.add_run(ANSWER)
    d.save(str(tmp_path / "br.docx"))
    doc = read_document(str(tmp_path / "br.docx"))
    assert [(ln.text, ln.location) for ln in doc.lines] == [
        ("前言", "paragraph 1"), ("第一条 服务水平", "paragraph 2"), (ANSWER, "paragraph 2")]


# --- bad input -------------------------------------------------------------------------------


def _error(path) -> str:
    with pytest.raises(InputError) as e:
        read_document(str(path))
    assert e.value.path == str(path)
    return e.value.reason


def test_not_a_zip_truncated_and_empty_are_clear_errors(tmp_path):
    text = tmp_path / "text.docx"
    text.write_text("乙方应确保接通率不低于95%。", encoding="utf-8")
    assert "not a readable .docx file" in _error(text)

    good = make_docx(tmp_path / "good.docx", [ANSWER] * 50)
    cut = tmp_path / "cut.docx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert "corrupt or truncated" in _error(cut)

    (tmp_path / "empty.docx").write_bytes(b"")
    assert _error(tmp_path / "empty.docx") == "empty file"


def test_files_disguised_as_docx_say_what_they_are(tmp_path):
    ole = tmp_path / "old.docx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    assert "old-format .doc or a password-protected Word file" in _error(ole)

    pdf = tmp_path / "scan.docx"
    pdf.write_bytes(b"%PDF-1.4\n%...")
    assert _error(pdf) == "is a PDF, not a .docx; rename it to .pdf"

    xlsx = tmp_path / "fees.docx"
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert "an Excel or PowerPoint file, not a Word document" in _error(xlsx)

    plain_zip = tmp_path / "bundle.docx"
    with zipfile.ZipFile(plain_zip, "w") as z:
        z.writestr("contract.txt", ANSWER)
    assert "a zip file but not a Word document" in _error(plain_zip)


def test_decompression_bomb_is_refused_before_parsing(tmp_path):
    bomb = tmp_path / "bomb.docx"
    chunk = b" " * (1024 * 1024)
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as member:
            member.write(b"<w:document>")
            for _ in range(docx_reader.MAX_XML_BYTES // len(chunk) + 1):
                member.write(chunk)
    assert bomb.stat().st_size < 200_000  # small on disk, over 50 MB once inflated
    reason = _error(bomb)
    assert reason.startswith("refused: the .docx would expand to 51 MB")
    assert "decompression bomb" in reason


def test_a_dtd_with_entities_is_refused_and_never_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    f = make_docx(tmp_path / "xxe.docx", ["PLACEHOLDER"])
    dtd = (f'<!DOCTYPE w:document [<!ENTITY inner "接通率不低于95%">'
           f'<!ENTITY outer SYSTEM "file://{secret}">]>').encode()

    def inject(xml: bytes) -> bytes:
        decl_end = xml.index(b"?>") + 2
        return xml[:decl_end] + dtd + xml[decl_end:].replace(b"PLACEHOLDER", b"&inner;&outer;")

    rewrite_member(f, "word/document.xml", inject)
    reason = _error(f)
    assert reason == ("refused: word/document.xml declares a DTD"
                      " (Word never writes one; possible entity attack)")
    assert "TOP-SECRET" not in reason


def test_python_docx_parser_resolves_no_entities():
    """The library's own parser is the second line of defence: entities stay unexpanded."""
    from docx.oxml.parser import parse_xml

    el = parse_xml(b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "EXPANDED">'
                   b'<!ENTITY x SYSTEM "file:///etc/hostname">]><r>[&a;|&x;]</r>')
    assert "EXPANDED" not in "".join(t for t in el.itertext() if isinstance(t, str) and t[:1] != "&")
    assert el.text == "["


def test_cli_json_carries_location_and_bad_files_do_not_stop_the_run(tmp_path):
    good = make_docx(tmp_path / "a.docx", ["前言", ("heading", "服务水平", 1), ANSWER, "联系人：____"])
    bad = tmp_path / "b.docx"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    res = CliRunner().invoke(app, ["check", str(good), str(bad), "--format", "json"])
    assert res.exit_code == 2
    assert res.stderr.strip().splitlines() == [
        f"clausekit: error: {bad}: not a readable .docx file (corrupt or truncated zip: BadZipFile:"
        " File is not a zip file)"]
    files = json.loads(res.stdout)["files"]
    assert [f["path"] for f in files] == [str(good)]
    item = next(i for i in files[0]["items"] if i["id"] == "sla.answer_rate")
    assert item["status"] == "present"
    assert item["evidence"][0]["line"] == 3
    assert item["evidence"][0]["location"] == "paragraph 3"
    assert item["evidence"][0]["section"] == "服务水平"
    assert "page" not in item["evidence"][0]
    assert files[0]["placeholders"] == [{"line": 4, "text": "____", "location": "paragraph 4"}]


def test_styles_based_on_a_heading_and_outline_levels_make_headings(tmp_path):
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    clause = d.styles.add_style("Clause Title", WD_STYLE_TYPE.PARAGRAPH)
    clause.base_style = d.styles["Heading 2"]
    d.add_paragraph("服务水平", style="Clause Title")
    p = d.add_paragraph("保密")
    p._p.get_or_add_pPr().append(p._p.makeelement(docx_reader.W + "outlineLvl", {docx_reader.W + "val": "1"}))
    d.add_paragraph("正文。")
    d.save(str(tmp_path / "s.docx"))
    doc = read_document(str(tmp_path / "s.docx"))
    assert [(ln.text, ln.is_heading) for ln in doc.lines] == [
        ("服务水平", True), ("保密", True), ("正文。", False)]


def test_a_docx_without_body_text_says_so(tmp_path):
    f = make_docx(tmp_path / "blank.docx", ["", ""])
    assert _error(f) == "no text in the document body (only images? run OCR first)"
