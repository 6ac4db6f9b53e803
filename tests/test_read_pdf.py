"""PDF input: text layer per page, CJK rejoined, running headers/footers, scans, encryption, bad files."""

from __future__ import annotations

import json

import pytest
from docgen import make_pdf, make_scanned_pdf, wrap
from typer.testing import CliRunner

from clausekit.check import check_path
from clausekit.cli import app
from clausekit.errors import InputError
from clausekit.readers import read_document

ANSWER = "乙方应确保呼入电话人工接通率不低于95%，按月统计。"
PAGE1 = ["第一条 服务内容", "乙方为甲方提供呼入客户服务。"]
PAGE2 = ["第二条 服务水平", ANSWER, "第三条 保密", "乙方应对甲方客户信息严格保密。"]


def item(result, item_id: str):
    return next(r for r in result.items if r.item.id == item_id)


def _error(path) -> str:
    with pytest.raises(InputError) as e:
        read_document(str(path))
    assert e.value.path == str(path)
    return e.value.reason


def test_lines_carry_their_page(library, tmp_path):
    f = make_pdf(tmp_path / "c.pdf", [PAGE1, PAGE2])
    doc = read_document(str(f))
    assert [(ln.text, ln.page) for ln in doc.lines if ln.text] == (
        [(t, 1) for t in PAGE1] + [(t, 2) for t in PAGE2])
    r = item(check_path(str(f), library), "sla.answer_rate")
    assert r.status == "present"
    assert (r.evidence[0].page, r.evidence[0].value, r.evidence[0].section) == (2, "95%", "第二条 服务水平")


def test_running_header_and_footer_go_to_extra_once(library, tmp_path):
    pages = [PAGE1, PAGE2, ["第四条 付款", "甲方应于每月10日前支付上月服务费。"]]
    f = make_pdf(tmp_path / "c.pdf", pages, header="呼叫中心外包服务合同（编号：【 】）", footer=True)
    doc = read_document(str(f))
    texts = [ln.text for ln in doc.lines]
    assert not any("外包服务合同" in t or "页" in t for t in texts)
    assert [(ln.text, ln.page) for ln in doc.extra] == [
        ("呼叫中心外包服务合同（编号：【 】）", 1), ("第 1 页 共 3 页", 1)]
    assert texts[0] == PAGE1[0] and texts[-1] == pages[2][-1]  # no blank left where they stood
    result = check_path(str(f), library)
    assert [(p.text, p.page) for p in result.placeholders] == [("【 】", 1)]  # reported once, not per page


def test_a_single_page_keeps_every_line(tmp_path):
    f = make_pdf(tmp_path / "c.pdf", [PAGE2], header="呼叫中心外包服务合同", footer=True)
    texts = [ln.text for ln in read_document(str(f)).lines if ln.text]
    assert texts == ["呼叫中心外包服务合同", *PAGE2, "第 1 页 共 1 页"]


def test_cjk_wrapped_over_lines_is_rejoined(library, tmp_path):
    lines = wrap(["第二条 服务水平", "2.1 " + ANSWER + "乙方应确保放弃率不高于5%。"], width=8)
    assert not any("接通率" in t for t in lines)  # the term itself is cut over two lines
    f = make_pdf(tmp_path / "c.pdf", [lines])
    r = item(check_path(str(f), library), "sla.answer_rate")
    assert r.status == "present"
    assert r.evidence[0].value == "95%"


def test_glyphs_drawn_one_by_one_are_one_line(library, tmp_path):
    f = make_pdf(tmp_path / "c.pdf", [PAGE2], per_glyph=True)
    doc = read_document(str(f))
    assert [ln.text for ln in doc.lines if ln.text] == PAGE2
    assert item(check_path(str(f), library), "sla.answer_rate").status == "present"


def test_scanned_pdf_is_refused_with_a_hint(tmp_path):
    f = make_scanned_pdf(tmp_path / "draft.pdf")
    with pytest.raises(InputError) as e:
        read_document(str(f))
    assert str(e.value) == f"{f}: no text layer (scanned PDF?); run OCR first"


def test_cli_reports_the_scan_and_still_checks_the_other_files(tmp_path, monkeypatch):
    make_scanned_pdf(tmp_path / "draft.pdf")
    make_pdf(tmp_path / "signed.pdf", [PAGE1, PAGE2])
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(app, ["check", "draft.pdf", "signed.pdf", "--format", "json"])
    assert res.exit_code == 2
    assert "draft.pdf: no text layer (scanned PDF?); run OCR first" in res.stderr
    files = json.loads(res.stdout)["files"]
    assert [f["path"] for f in files] == ["signed.pdf"]
    answer = next(i for i in files[0]["items"] if i["id"] == "sla.answer_rate")
    assert answer["status"] == "present" and answer["evidence"][0]["page"] == 2
    assert "location" not in answer["evidence"][0]


def test_encrypted_pdf_opens_with_an_empty_password_else_is_refused(tmp_path):
    open_one = make_pdf(tmp_path / "open.pdf", [PAGE2], password="")
    assert [ln.text for ln in read_document(str(open_one)).lines if ln.text] == PAGE2
    locked = make_pdf(tmp_path / "locked.pdf", [PAGE2], password="s3cret")
    assert _error(locked) == "encrypted PDF (password required); save an unprotected copy"


def test_corrupt_and_disguised_pdfs_are_clear_errors(tmp_path):
    good = make_pdf(tmp_path / "good.pdf", [PAGE1, PAGE2])
    data = good.read_bytes()

    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[:400])
    assert _error(cut).startswith("not a readable PDF (corrupt or truncated")

    bad_xref = tmp_path / "xref.pdf"  # a broken xref table is rebuilt by scanning the objects
    bad_xref.write_bytes(data.replace(b"startxref\n", b"startxref\n9").replace(b"xref\n0 ", b"xref\n7 "))
    assert [ln.text for ln in read_document(str(bad_xref)).lines if ln.text] == PAGE1 + PAGE2

    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    assert _error(garbage).startswith("not a readable PDF (corrupt or truncated")

    text = tmp_path / "text.pdf"
    text.write_text(ANSWER, encoding="utf-8")
    assert _error(text) == "not a PDF file (no %PDF header)"

    zipped = tmp_path / "word.pdf"
    zipped.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    assert _error(zipped) == "not a PDF but a zip package (a .docx?); give it its real extension"

    png = tmp_path / "photo.pdf"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    assert _error(png) == "not a PDF but an image; run OCR first"

    (tmp_path / "empty.pdf").write_bytes(b"")
    assert _error(tmp_path / "empty.pdf") == "empty file"


def test_aes_without_a_crypto_provider_is_a_clear_error(tmp_path, monkeypatch):
    import pypdf
    from pypdf.errors import DependencyError

    def no_aes(self, password):
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(pypdf.PdfReader, "decrypt", no_aes)
    f = make_pdf(tmp_path / "aes.pdf", [PAGE2], password="")
    assert _error(f) == ("encrypted PDF (AES) that needs the 'cryptography' package to open;"
                         " install it or save an unprotected copy")
