"""Leftover template blanks, with their lines."""

import pytest

from clausekit.models import Document
from clausekit.placeholders import find_placeholders


@pytest.mark.parametrize("text,want", [
    ("合同编号：【】", "【】"), ("合同编号：【 】", "【 】"), ("Date: [ ]", "[ ]"), ("联系人：____", "____"),
    ("配备XX名坐席", "XX"), ("单价××元", "××"), ("Effective Date: [●]", "[●]"), ("Name: {{ client }}", "{{ client }}"),
    ("Attention: TBD", "TBD"), ("上线时间待定", "待定"), ("联系人：＿＿＿", "___"), ("时间:_ _ _月", "_ _ _"),
    ("Price: [insert amount]", "[insert amount]"), ("xxx元/人/天", "xxx"),
])
def test_placeholders_are_found(text, want):
    assert [p.text for p in find_placeholders(Document.from_text("x", text))] == [want]


@pytest.mark.parametrize("text", [
    "XXL size uniforms", "Exhibit X", "第五条【重要提示】", "See [1] above", "TBDs", "a_b_c", "Taxes",
])
def test_ordinary_text_is_not_a_placeholder(text):
    assert find_placeholders(Document.from_text("x", text)) == []


def test_placeholders_carry_their_line():
    doc = Document.from_text("x", "甲方：\n合同编号：【 】\n正文\n乙方：____")
    assert [(p.line, p.text) for p in find_placeholders(doc)] == [(2, "【 】"), (4, "____")]
