"""Property tests: whatever text comes in, the checker returns a valid, deterministic result.

Kept short for CI (a few hundred examples in all); run longer with
`pytest tests/test_fuzz.py --hypothesis-profile=long` (see conftest.py).
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clausekit.check import check_document
from clausekit.models import Document
from clausekit.normalize import normalize

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
ANY = st.characters(blacklist_categories=("Cs",))
PIECES = st.sampled_from([
    "接通率", "不低于", "95%", "％", "百分之九十五", "【 】", "____", "XX", "第五条", "一、", "（二）", "3.1 ",
    "\n", "\r\n", "  ", "。", "；", "，", "answer rate", "Article 5", "within thirty (30) days",
    "人民币", "元", "秒", "TBD", "\x00",
    "\x0b", "\u200b", "\ufeff", "\ud800", "接 通 率", "服務質量", "甲方有权提前三十日书面通知解除本合同",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(ANY, max_size=20), st.text(CJK, max_size=20)), max_size=40).map("".join)


def _valid(doc: Document, library) -> None:
    first = check_document(doc, library)
    assert check_document(doc, library) == first  # deterministic
    assert [r.item.id for r in first.items] == [it.id for it in library.items]
    n = len(doc.lines)
    for r in first.items:
        assert r.status in ("present", "vague", "missing")
        assert (r.status == "missing") == (not r.evidence)
        for ev in r.evidence:
            assert 1 <= ev.line <= n
    for p in first.placeholders:
        assert 1 <= p.line <= n


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXTS)
def test_any_text_gives_a_valid_result(library, text):
    _valid(Document.from_text("fuzz.txt", text), library)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(ANY, max_size=30), max_size=30))
def test_any_lines_map_back_to_real_lines(library, lines):
    doc = Document("fuzz.txt", tuple(__import__("clausekit.models").models.Line(t) for t in lines))
    mt = normalize(doc)
    for pos in range(len(mt.text)):
        assert 1 <= mt.line_of(pos) <= max(1, len(lines))
    _valid(doc, library)


def test_huge_line_and_many_placeholders(library):
    text = ("接通率不低于95%，" * 12_000) + "\n" + "【 】" * 3000
    result = check_document(Document.from_text("big.txt", text), library)
    assert len(result.placeholders) == 3000
    answer = next(r for r in result.items if r.item.id == "sla.answer_rate")
    assert answer.status == "present" and len(answer.evidence) <= 3
