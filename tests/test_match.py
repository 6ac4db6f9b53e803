"""Matching: gates never hide a match, sentences split where contracts split them."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clausekit.match import Sentences
from clausekit.normalize import fold_text
from clausekit.patterns import compile_pattern
from clausekit.prefilter import max_width, may_match, regex_gate, sre_parse


def _example_texts(library):
    for it in library.items:
        ex = it.examples
        for _, text in ex.present + ex.vague + ex.not_:
            yield fold_text(text)


def test_no_gate_hides_a_match_on_any_example_text(library):
    texts = list(_example_texts(library))
    for it in library.items:
        for p in it.patterns + it.exclude:
            for text in texts:
                if p.regex.search(text):
                    assert may_match(p.gate, text, p.width), (it.id, p.source, text)


@pytest.mark.parametrize("regex", [
    r"(?<![a-z])(?:billing|hourly)\s+rates?(?![a-z])", r"(?:ab|cd)+ef", r"x(?:y|z{2,})?w", r"[ab]c\d+",
    r"(?:接通|应答)率[^。]{0,10}\d+%", r"(?:foo)?bar|baz", r"a(?=b)c?", r"(?i)Service Level",
])
@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet="abcdefghwxyz0123456789 %率接通应答。fooservicelvbz", max_size=40))
def test_a_gate_is_never_wrong(regex, text):
    import re

    compiled = re.compile(regex)
    if compiled.search(text):
        parsed = sre_parse.parse(regex)
        assert may_match(regex_gate(regex), text, max_width(parsed))


def test_literal_gates_need_every_word():
    expr, flags, gate, width = compile_pattern("answer rate")
    assert may_match(gate, "the answer rate is 95%", width)
    assert not may_match(gate, "the answer is yes", width)
    expr, flags, gate, width = compile_pattern({"re": r"answer(?:ed)?[^.]{0,10}rate"})
    assert width == 22
    assert may_match(gate, "answered call rate", width)
    assert not may_match(gate, "the answer" + " x" * 20 + " rate", width)  # both words, too far apart


def test_widths_count_white_space_runs_as_one_character():
    assert max_width(sre_parse.parse(r"abc[^.]{0,40}def")) == 46
    assert max_width(sre_parse.parse(r"answer\s*rate\s+of")) == 14
    assert max_width(sre_parse.parse(r"a+b")) is None


def test_sentences_split_at_cjk_and_english_ends_but_not_abbreviations():
    text = fold_text("接通率不低于95%。放弃率不高于3%；see sec. 5 and e.g. art. 3 too. next one")
    s = Sentences(text)
    starts = {text[a:b].strip() for a, b in (s.around(text.index(w)) for w in ("接通率", "放弃率", "see", "next"))}
    assert starts == {"接通率不低于95%。", "放弃率不高于3%;", "see sec. 5 and e.g. art. 3 too.", "next one"}
