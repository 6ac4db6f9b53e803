"""Headings and the section each line sits in."""

import pytest

from clausekit.models import Document, Line
from clausekit.structure import is_heading, outline


@pytest.mark.parametrize("line", [
    "第三条 服务质量标准", "第十二條　保密", "一、服务内容", "（二）接通率", "3. Fees", "3.1 Service Levels",
    "Article 5 Confidentiality", "Section 5.2 Termination", "SCHEDULE B", "## 付款方式", "CONFIDENTIALITY",
    "附件一 服务水平协议",
])
def test_headings_are_recognized(line):
    assert is_heading(line)


@pytest.mark.parametrize("line", [
    "3.1 乙方应确保接通率不低于95%，并按月统计。", "乙方应确保接通率不低于95%。",
    "The Provider shall answer 80% of calls within 20 seconds.", "2024", "",
])
def test_running_text_is_not_a_heading(line):
    assert not is_heading(line)


def test_section_of_is_the_nearest_heading_above():
    doc = Document(
        "x", (Line("鉴于甲方需要，双方订立本合同。"), Line("第一条 服务范围"), Line("乙方提供呼入服务。"),
              Line("客服", is_heading=True), Line("内容"))
    )
    out = outline(doc)
    assert out.section_of(1) is None
    assert out.section_of(3) == "第一条 服务范围"
    assert out.section_of(5) == "客服"


def test_a_short_opening_line_is_the_document_title():
    doc = Document.from_text("x", "\n呼叫中心外包服务合同\n甲方委托乙方提供呼入服务。")
    assert outline(doc).section_of(3) == "呼叫中心外包服务合同"
    assert outline(Document.from_text("x", "甲方委托乙方提供呼入服务，期限一年。\n正文")).section_of(2) is None
