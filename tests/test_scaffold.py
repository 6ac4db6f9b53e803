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


def _templates(tmp_path, body: str, lang: str = "zh"):
    d = tmp_path / "tpl"
    d.mkdir(exist_ok=True)
    (d / f"contract.{lang}.md.j2").write_text(body, encoding="utf-8")
    return d


def test_custom_templates_render_the_library(runner, tmp_path):
    from clausekit.cli import app

    d = _templates(tmp_path, "{% for a in areas %}{{ loop.index | zh_number }} {{ a.title[lang] }}\n{% endfor %}")
    result = runner.invoke(app, ["scaffold", "--templates", str(d)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("一 ")


@pytest.mark.parametrize("body,cause", [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "access to attribute '__class__' of 'str' object is unsafe"),
    ("{{ cycler.__init__.__globals__.os.system('id') }}", "access to attribute '__init__'"),
    ("{{ lipsum.__globals__['os'] }}", "access to attribute '__globals__'"),
    ("{{ library.__class__ }}", "access to attribute '__class__' of 'Library'"),
    ("{% include '../../etc/passwd' %}", "no template '../../etc/passwd'"),
    ("{% include '/etc/passwd' %}", "no template '/etc/passwd'"),
    ("{% include 'link.j2' %}", "no template 'link.j2'"),  # a symlink out of the directory
    ("{{ 'x' * 100000000 }}", "may not repeat text that many times"),
    ("{{ 9 ** 99999999 }}", "exponent 99999999 is too large"),
    ("{% for a in areas %}", "Unexpected end of template"),
])
def test_a_hostile_template_is_one_line_exit_2(runner, tmp_path, body, cause):
    import os

    from clausekit.cli import app

    d = _templates(tmp_path, body)
    os.symlink("/etc/passwd", d / "link.j2")
    result = runner.invoke(app, ["scaffold", "--templates", str(d)])
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1 and cause in result.stderr, result.stderr
    assert result.stderr.startswith(f"clausekit: error: {d}") and "root:" not in result.output


def test_a_template_that_never_ends_runs_out_of_time(runner, tmp_path, monkeypatch):
    import clausekit.scaffold
    from clausekit.cli import app
    from clausekit.limits import can_time_limit

    if not can_time_limit():
        pytest.skip("no SIGALRM here")
    monkeypatch.setattr(clausekit.scaffold, "RENDER_SECONDS", 0.5)
    d = _templates(tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    result = runner.invoke(app, ["scaffold", "--templates", str(d)])
    assert result.exit_code == 2 and "gave up after 0.5 s of rendering" in result.stderr


def test_missing_templates_directory_or_language(runner, tmp_path):
    from clausekit.cli import app

    gone = runner.invoke(app, ["scaffold", "--templates", str(tmp_path / "nope")])
    assert gone.exit_code == 2 and "templates directory not found" in gone.stderr
    d = _templates(tmp_path, "x", lang="zh")
    en = runner.invoke(app, ["scaffold", "--templates", str(d), "--lang", "en"])
    assert en.exit_code == 2 and "no template 'contract.en.md.j2'" in en.stderr
