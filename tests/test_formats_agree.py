"""The same contract as .txt, .docx and .pdf is judged the same; a directory may hold a mix."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from docgen import make_docx, make_pdf, paginate, wrap
from typer.testing import CliRunner

from clausekit.check import check_path
from clausekit.cli import app
from clausekit.readers import expand_paths

ZH = [
    "呼叫中心外包服务合同",
    "甲方：杭州禾岚数码科技有限公司",
    "乙方：南京慧声联络中心服务有限公司",
    "第一条 服务内容",
    "1.1 乙方为甲方提供呼入客户服务，包括产品咨询、订单查询、售后受理及投诉处理。",
    "1.2 服务时间为每日8:00至22:00，法定节假日照常提供服务。",
    "第二条 服务水平",
    "2.1 乙方应确保呼入电话人工接通率不低于95%，按月统计。",
    "2.2 放弃率不高于5%；平均应答速度不超过20秒。",
    "2.3 乙方每月5日前向甲方提交上月服务报告。",
    "第三条 保密",
    "3.1 乙方应对在履行本合同过程中知悉的甲方客户信息及商业秘密严格保密，"
    "未经甲方书面同意不得向任何第三方披露。"
    "本条义务在本合同终止后继续有效。",
    "第四条 服务费用及付款",
    "4.1 服务费按坐席数计算，每席每月人民币8000元。",
    "4.2 甲方应于每月10日前凭乙方开具的合法有效发票支付上月服务费。",
    "第五条 合同期限",
    "5.1 本合同有效期为一年，自2024年1月1日起至2024年12月31日止。",
]

EN = [
    "CALL CENTER SERVICES AGREEMENT",
    "1. Services",
    "1.1 The Supplier shall provide inbound customer service for the Client's products.",
    "2. Service Levels",
    "2.1 The Supplier shall ensure an answer rate of not less than 95%, measured monthly.",
    "2.2 The abandonment rate shall not exceed 5% in any calendar month.",
    "3. Confidentiality",
    "3.1 The Supplier shall keep confidential all customer data and business information of the Client"
    " and shall not disclose it to any third party without the Client's prior written consent.",
    "4. Fees and Payment",
    "4.1 The Client shall pay the monthly fee within 30 days of receiving a valid invoice.",
    "5. Term",
    "5.1 This Agreement has a term of one year from 1 January 2024.",
]


_TITLE = re.compile(r"^(?:第.条|\d+\.) (?=\S)")


def _docx_blocks(lines: list[str]) -> list:
    """Clause titles become Word headings without their number (Word's numbering is not text)."""
    return [("heading", _TITLE.sub("", t), 1) if _TITLE.match(t) else t for t in lines]


def _write_all(tmp_path, name: str, lines: list[str], width: int) -> dict[str, str]:
    txt = tmp_path / f"{name}.txt"
    txt.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docx = make_docx(tmp_path / f"{name}.docx", _docx_blocks(lines))
    pdf = make_pdf(tmp_path / f"{name}.pdf", paginate(wrap(lines, width), per_page=12),
                   header="呼叫中心外包服务合同 CONFIDENTIAL", footer=True)
    return {"txt": str(txt), "docx": str(docx), "pdf": str(pdf)}


def _statuses(path: str, library) -> dict[str, str]:
    return {r.item.id: r.status for r in check_path(path, library).items}


@pytest.mark.parametrize(("name", "lines", "width"), [("zh", ZH, 34), ("en", EN, 80)])
def test_same_contract_same_statuses_in_every_format(library, tmp_path, name, lines, width):
    paths = _write_all(tmp_path, name, lines, width)
    results = {fmt: _statuses(p, library) for fmt, p in paths.items()}
    assert results["docx"] == results["txt"]
    assert results["pdf"] == results["txt"]
    assert results["txt"]["sla.answer_rate"] == "present"  # the fixture is a real test, not all-missing
    assert results["txt"]["sla.abandon_rate"] == "present"


def test_same_figures_and_where_to_find_them(library, tmp_path):
    paths = _write_all(tmp_path, "zh", ZH, 34)
    evidence = {}
    for fmt, p in paths.items():
        answer = next(r for r in check_path(p, library).items if r.item.id == "sla.answer_rate")
        evidence[fmt] = answer.evidence[0]
    assert {ev.value for ev in evidence.values()} == {"95%"}
    assert (evidence["txt"].line, evidence["txt"].location, evidence["txt"].page) == (8, None, None)
    assert (evidence["docx"].line, evidence["docx"].location) == (8, "paragraph 8")
    assert evidence["pdf"].page == 1 and evidence["pdf"].location is None


def test_a_directory_holding_a_mix_is_checked_file_by_file(tmp_path):
    paths = _write_all(tmp_path, "zh", ZH, 34)
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    (tmp_path / "stamp.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "~$zh.docx").write_bytes(b"lock file of an open Word document")
    found = list(expand_paths([str(tmp_path)]))
    assert found == sorted([str(tmp_path / "old.doc"), *paths.values()])
    res = CliRunner().invoke(app, ["check", str(tmp_path), "--format", "json"])
    assert res.exit_code == 2
    assert res.stderr.strip().splitlines() == [
        f"clausekit: error: {tmp_path / 'old.doc'}: unsupported file type '.doc' (old Word format);"
        " save it as .docx (or a PDF with a text layer) and check that"]
    files = json.loads(res.stdout)["files"]
    assert [f["path"] for f in files] == [paths["docx"], paths["pdf"], paths["txt"]]
    assert len({json.dumps([i["status"] for i in f["items"]]) for f in files}) == 1


def test_wrong_types_are_one_line_errors_and_the_rest_is_checked(tmp_path):
    bad = {
        "scan.png": (b"\x89PNG\r\n\x1a\n", "unsupported file type '.png' (an image, no text); run OCR first"),
        "fees.xlsx": (b"PK\x03\x04", "unsupported file type '.xlsx' (spreadsheet); save the contract itself"),
        "blob.bin": (b"\0\1\2", "unsupported file type '.bin' (supported: .docx, .markdown, .md, .pdf,"),
        "blob.txt": (b"\0\1\2\3", "binary file (NUL bytes); not a text contract"),
    }
    for name, (content, _) in bad.items():
        (tmp_path / name).write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("\n".join(ZH), encoding="utf-8")
    res = CliRunner().invoke(app, ["check", *(str(tmp_path / n) for n in bad), str(good), "--format", "json"])
    assert res.exit_code == 2
    errors = res.stderr.strip().splitlines()
    assert len(errors) == len(bad)
    for line, (name, (_, expected)) in zip(errors, bad.items(), strict=True):
        assert line.startswith(f"clausekit: error: {tmp_path / name}: {expected}")
    assert [f["path"] for f in json.loads(res.stdout)["files"]] == [str(good)]


def test_checking_text_never_imports_the_document_libraries(tmp_path):
    f = tmp_path / "c.txt"
    f.write_text("\n".join(ZH), encoding="utf-8")
    code = ("import sys; from clausekit.check import check_path; from clausekit.library import load_library;"
            f"check_path({str(f)!r}, load_library());"
            "print(sorted(m for m in ('docx', 'pypdf', 'lxml', 'reportlab') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
