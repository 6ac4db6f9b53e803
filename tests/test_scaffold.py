"""The scaffold and its round trip through the checker, in both languages."""

import pytest

from clausekit.check import check_text
from clausekit.scaffold import render, zh_number


def test_zh_number():
    assert [zh_number(n) for n in (1, 6, 10, 12, 20, 21)] == ["一", "六", "十", "十二", "二十", "二十一"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_skeleton_has_every_item_and_blanks_only(library, lang):
    result = check_text(render(library, lang), library)
    assert [r.item.id for r in result.items if r.status == "missing"] == []
    assert result.placeholders
    value_items = {it.id for it in library.items if it.value}
    assert {r.item.id for r in result.items if r.status == "vague"} <= value_items


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_filled_skeleton_is_complete(library, lang):
    result = check_text(render(library, lang, sample=True), library)
    assert [r.item.id for r in result.items if r.status != "present"] == []
    assert result.placeholders == ()
    assert not result.failing


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_skeleton_numbers_the_areas_as_articles(library, lang):
    text = render(library, lang)
    first = "## 第一条 " if lang == "zh" else "## Article 1. "
    assert first + library.areas[0].title[lang] in text
