"""Property tests: whatever text or bytes come in, the reader gives a Document or a clean InputError,
and the checker returns a valid, deterministic result whose evidence lines exist in the file.

Kept short for CI (a few hundred examples in all); `scripts/fuzz.py` runs them longer by setting
CLAUSEKIT_FUZZ_EXAMPLES (a multiplier of the example counts below).
"""

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clausekit.check import check_document
from clausekit.errors import InputError
from clausekit.models import Document
from clausekit.normalize import normalize
from clausekit.readers import read_document

SCALE = int(os.environ.get("CLAUSEKIT_FUZZ_EXAMPLES", "1"))

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
            assert doc.lines[ev.line - 1].text.strip()  # evidence points at a line with text
    for p in first.placeholders:
        assert 1 <= p.line <= n


@settings(max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXTS)
def test_any_text_gives_a_valid_result(library, text):
    _valid(Document.from_text("fuzz.txt", text), library)


@settings(max_examples=50 * SCALE, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(ANY, max_size=30), max_size=30))
def test_any_lines_map_back_to_real_lines(library, lines):
    doc = Document("fuzz.txt", tuple(__import__("clausekit.models").models.Line(t) for t in lines))
    mt = normalize(doc)
    assert not re.search(r"\s\s", mt.text)  # the patterns' widths rely on this (prefilter.max_width)
    for pos in range(len(mt.text)):
        assert 1 <= mt.line_of(pos) <= max(1, len(lines))
    _valid(doc, library)


def test_huge_line_and_many_placeholders(library):
    text = ("接通率不低于95%，" * 12_000) + "\n" + "【 】" * 3000
    result = check_document(Document.from_text("big.txt", text), library)
    assert len(result.placeholders) == 3000
    answer = next(r for r in result.items if r.item.id == "sla.answer_rate")
    assert answer.status == "present" and len(answer.evidence) <= 3


@settings(max_examples=100 * SCALE, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=400), TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")),
                 TEXTS.map(lambda t: t.encode("gb18030", "replace")), st.binary(max_size=50).map(lambda b: b * 200)),
       st.sampled_from([".txt", ".md"]))
def test_any_bytes_read_to_a_valid_result_or_a_clean_error(library, tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("b") / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(str(path))
    except InputError as e:
        assert str(e).startswith(f"{path}: ") and "\n" not in str(e)
        return
    assert not any("\ud800" <= c <= "\udfff" for ln in doc.lines for c in ln.text)  # all writable as UTF-8
    _valid(doc, library)


@pytest.mark.parametrize("raw", [b"\xed\xa0\x80abc", b"ok\xff\xfe\xfdtext", "接通率".encode()[:-1]])
def test_lone_surrogates_from_bad_decoding_are_checked(library, raw):
    _valid(Document.from_text("bad.txt", raw.decode("utf-8", "surrogateescape") + "接通率不低于95%"), library)
