"""The clause library loader: strict, and every error says file:line."""

import pytest

from clausekit.errors import LibraryError
from clausekit.library import load_library

ITEM = """\
area: demo
title: {zh: 演示, en: Demo}
items:
  - id: demo.one
    title: {zh: 一, en: One}
    severity: required
    why: because
    patterns:
      zh: [接通率]
"""


def write(tmp_path, text, name="demo.yaml"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def error_of(tmp_path, text):
    with pytest.raises(LibraryError) as e:
        load_library(write(tmp_path, text))
    return str(e.value)


def test_a_valid_pack_loads(tmp_path):
    lib = load_library(write(tmp_path, ITEM))
    assert [it.id for it in lib.items] == ["demo.one"]
    assert lib.items[0].why == {"zh": "because", "en": "because"}


def test_unknown_key_names_file_line_and_suggestion(tmp_path):
    msg = error_of(tmp_path, ITEM.replace("    patterns:", "    patern:\n      zh: [x]\n    patterns:"))
    assert msg.endswith("demo.yaml:8: unknown key 'patern' (did you mean 'patterns'?)")


@pytest.mark.parametrize("change,expected", [
    (("severity: required", "severity: must"), ":6: severity must be one of required, recommended"),
    (("id: demo.one", "id: other.one"), ":4: id 'other.one' must look like 'demo.name'"),
    (("zh: [接通率]", "zh: [{re: '(unclosed'}]"), ":9: invalid regex '(unclosed'"),
    (("zh: [接通率]", "zh: [{re: 'a*'}]"), ":9: invalid regex 'a*': it matches empty text"),
    (("    why: because\n", ""), ":4: an item lacks 'why'"),
    (("why: because", "why: because\n    value: minutes"), ":8: unknown value kind 'minutes'"),
    (("title: {zh: 一, en: One}", "title: {zh: 一}"), ":5: title lacks 'en'"),
    (("why: because", "why: !!python/object:os.system ls"), ":7:"),
    (("    why: because", "    why: because\n    why: twice"), ":8: duplicate key 'why'"),
    (("items:", "items: ["), "demo.yaml:"),
])
def test_invalid_definitions_are_reported_at_their_line(tmp_path, change, expected):
    msg = error_of(tmp_path, ITEM.replace(*change))
    assert expected in msg
    assert "demo.yaml" in msg


def test_duplicate_ids_in_a_pack_are_an_error(tmp_path):
    write(tmp_path, ITEM)
    write(tmp_path, ITEM.replace("area: demo", "area: demo\norder: 3"), "demo2.yaml")
    with pytest.raises(LibraryError, match="duplicate item id 'demo.one'"):
        load_library(tmp_path)


def test_a_later_pack_overrides_an_item_by_id(tmp_path):
    base, pack = tmp_path / "base", tmp_path / "pack"
    base.mkdir()
    pack.mkdir()
    write(base, ITEM)
    write(pack, ITEM.replace("why: because", "why: overridden"))
    lib = load_library(base, pack)
    assert [it.id for it in lib.items] == ["demo.one"]
    assert lib.items[0].why["en"] == "overridden"


PUBLIC_IDS = [
    "scope.service_type", "scope.channels", "scope.service_hours", "scope.languages", "scope.customers",
    "scope.volume", "scope.change_process", "sla.answer_rate", "sla.asa", "sla.aht", "sla.abandon_rate",
    "sla.fcr", "sla.quality", "sla.complaints", "sla.reporting", "sla.remedies", "sla.review",
    "staffing.headcount", "staffing.qualifications", "staffing.recruitment", "staffing.training",
    "staffing.retention", "staffing.key_personnel", "security.confidential_info", "security.obligations",
    "security.duration", "security.safeguards", "security.breach", "security.compliance",
    "security.data_return", "fees.pricing_model", "fees.rates", "fees.other_fees", "fees.payment_cycle",
    "fees.payment_terms", "fees.invoice", "term.duration", "term.renewal", "term.termination_convenience",
    "term.termination_cause", "term.notice", "term.transition",
]


def test_builtin_library_keeps_every_public_item_id_in_order(library):
    assert [it.id for it in library.items][: len(PUBLIC_IDS)] == PUBLIC_IDS


def test_builtin_library_covers_every_item_of_the_spec(library):
    import pathlib
    import re

    spec = pathlib.Path(__file__).resolve().parents[2] / "shared" / "checklist.md"
    if not spec.exists():
        pytest.skip("checklist.md not beside the checkout")
    ids = re.findall(r"^\| ([a-z]+\.[a-z_]+) \|", spec.read_text(encoding="utf-8"), re.M)
    assert [it.id for it in library.items] == ids


@pytest.mark.parametrize("regex", [r"(a+)+$", r"(?:\s*x)*y", r"(a|ab)*c", r"(?:\w+,?\s*){2,}", r"(x{1,500}){1,500}"])
def test_patterns_that_can_backtrack_catastrophically_are_refused(tmp_path, regex):
    msg = error_of(tmp_path, ITEM.replace("zh: [接通率]", f"zh: [{{re: '{regex}'}}]"))
    assert ":9: invalid regex" in msg and "backtrack catastrophically" in msg



@pytest.mark.parametrize("regex", [r"(?:foo|bar)+x", r"(?:the |trained |its )*staff", r"[^.;]{0,60}(?:x|y)"])
def test_ordinary_repeats_are_accepted(tmp_path, regex):
    lib = load_library(write(tmp_path, ITEM.replace("zh: [接通率]", f"zh: [{{re: '{regex}'}}]")))
    assert lib.items[0].patterns[0].source == regex


def test_the_pattern_cache_gives_the_same_library_and_survives_corruption(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAUSEKIT_CACHE_DIR", str(tmp_path / "cache"))
    cold = load_library()
    files = list((tmp_path / "cache").glob("patterns-*.json"))
    assert len(files) == 1
    assert load_library() == cold  # warm: read from the cache
    files[0].write_text("{not json", encoding="utf-8")
    assert load_library() == cold
    monkeypatch.setenv("CLAUSEKIT_NO_CACHE", "1")
    assert load_library() == cold


def test_a_cached_entry_is_never_trusted_for_other_text(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAUSEKIT_CACHE_DIR", str(tmp_path / "cache"))
    load_library(write(tmp_path, ITEM.replace("zh: [接通率]", "zh: [{re: 'ok+'}]")))
    msg = error_of(tmp_path, ITEM.replace("zh: [接通率]", "zh: [{re: '(ok+)+'}]"))
    assert "backtrack catastrophically" in msg


def test_stored_regex_code_compiles_the_same_regex_and_damaged_code_is_recompiled(tmp_path):
    import re

    from clausekit.pattern_cache import CodeCache

    cold = CodeCache(tmp_path)
    expr = r"(?<![a-z])(?:billing|hourly)\s+rates?(?P<x>!)?"
    first = cold.compile(expr, 0)
    cold.save()
    warm = CodeCache(tmp_path)
    assert warm.entries and not warm.dirty
    second = warm.compile(expr, 0)
    assert second.pattern == expr and not warm.dirty  # came from the stored code
    for text in ("hourly rates!", "the billing rate", "hourly  wage"):
        want = re.search(expr, text)
        for rx in (first, second):
            got = rx.search(text)
            assert (got and got.span()) == (want and want.span())
    key = next(iter(warm.entries))
    warm.entries[key][1] = [1, 2, 3]  # damaged code: the engine refuses it, the regex is compiled afresh
    assert warm.compile(expr, 0).search("billing rates").group() == "billing rates"
