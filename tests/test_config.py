"""Configuration: discovery, strict validation with file:line, layering, overrides, waivers."""

import datetime as dt
import json
import os

import pytest

from clausekit.cli import app
from clausekit.config import find_config, load_config, match_glob
from clausekit.errors import ConfigError
from clausekit.library import load_library
from clausekit.models import FileResult, ItemResult
from clausekit.policy import apply_settings

VAGUE_ZH = "接通率应达到行业标准。\n"


def items(runner, args, **kw):
    result = runner.invoke(app, ["check", "-f", "json", *args], **kw)
    data = json.loads(result.stdout)
    return result, {it["id"]: it for it in data["files"][0]["items"]}


@pytest.mark.parametrize(("pattern", "path", "hit"), [
    ("outbound/**", "outbound/a.txt", True),
    ("outbound/**", "outbound/x/y/a.docx", True),
    ("outbound/**", "inbound/a.txt", False),
    ("*.docx", "deep/dir/a.docx", True),
    ("contracts/*.txt", "contracts/sub/a.txt", False),
    ("**/legacy/*", "a/b/legacy/c.pdf", True),
    ("legacy", "legacy/c.pdf", True),
])
def test_globs(pattern, path, hit):
    assert match_glob(pattern, path) is hit


def test_discovery_searches_upward_and_prefers_the_nearest(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.clausekit]\ndisable = ['sla.review']\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "pyproject.toml"
    (tmp_path / "a" / ".clausekit.yaml").write_text("disable: [sla]\n")
    assert find_config(deep) == tmp_path / "a" / ".clausekit.yaml"
    (tmp_path / "a" / "clausekit.yaml").write_text("{}\n")
    with pytest.raises(ConfigError, match="keep one"):
        find_config(deep)


def test_pyproject_without_table_is_not_a_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config(tmp_path) is None


@pytest.mark.parametrize(("text", "where", "message"), [
    ("disable: [sla.review]\nseverty: {}\n", 2, "unknown key 'severty' (did you mean 'severity'?)"),
    ("severity:\n  sla.review: requird\n", 2, "severity of 'sla.review' must be one of"),
    ("waivers:\n  - item: sla.review\n    until: 2025-01-01\n", 2, "a waiver needs 'reason'"),
    ("waivers:\n  - {item: sla.review, reason: x, until: soon}\n", 2, "until must be a date"),
    ("overrides:\n  - disable: [sla]\n", 2, "overrides[0] lacks 'files'"),
    ("packs: [nowhere/]\n", 1, "clause pack directory not found"),
    ("disable: [sla.review\n", 2, "expected ',' or ']'"),
])
def test_structural_errors_name_file_and_line(tmp_path, text, where, message):
    cfg = tmp_path / "clausekit.yaml"
    cfg.write_text(text)
    with pytest.raises(ConfigError) as e:
        load_config(cfg)
    assert str(e.value).startswith(f"{cfg}:{where}: ")
    assert message in str(e.value)


def test_unknown_item_id_is_exit_2_with_line(runner, tiny_pack, tmp_path):
    (tmp_path / "clausekit.yaml").write_text("disable:\n  - sla.review\n  - sla.answer_rat\n")
    (tmp_path / "a.txt").write_text(VAGUE_ZH)
    result = runner.invoke(app, ["check", "a.txt"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"clausekit: error: {tmp_path / 'clausekit.yaml'}:3: unknown item or area "
                                     "'sla.answer_rat' (did you mean 'sla.answer_rate'?)")


def test_unknown_id_in_pyproject_names_its_line(runner, tiny_pack, tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n\n[tool.clausekit]\nbogus = 1\n")
    result = runner.invoke(app, ["check", "-"], input=b"x")
    assert result.exit_code == 2 and "pyproject.toml:5: unknown key 'bogus'" in result.stderr


def test_disable_severity_and_packs_layer(runner, tiny_pack, tmp_path):
    pack = tmp_path / "ours"
    pack.mkdir()
    (pack / "sla.yaml").write_text((tiny_pack / "sla.yaml").read_text().replace(
        "severity: recommended", "severity: required"))
    (tmp_path / "clausekit.yaml").write_text("packs: [ours]\ndisable: [term]\n"
                                             "severity: {sla.answer_rate: recommended}\n")
    (tmp_path / "a.txt").write_text(VAGUE_ZH)
    result, got = items(runner, ["a.txt"])
    assert set(got) == {"sla.answer_rate", "sla.review"}  # term area disabled
    assert got["sla.review"]["severity"] == "required"  # from the pack, overriding the built-in item
    assert got["sla.answer_rate"]["severity"] == "recommended" and got["sla.answer_rate"]["level"] == "warning"
    assert result.exit_code == 1  # sla.review, now required, is missing


def test_explicit_config_option_and_off(runner, tiny_pack, tmp_path):
    cfg = tmp_path / "elsewhere.yaml"
    cfg.write_text("severity:\n  sla.review: off\n  term.notice: off\n")
    (tmp_path / "a.txt").write_text("乙方应确保接通率不低于95%。\n")
    result, got = items(runner, ["--config", str(cfg), "a.txt"])
    assert set(got) == {"sla.answer_rate"} and result.exit_code == 0


def test_overrides_by_directory(runner, tiny_pack, tmp_path):
    (tmp_path / "clausekit.yaml").write_text(
        "severity: {sla.review: off}\n"
        "overrides:\n"
        "  - files: 'outbound/**'\n    severity: {sla.review: required}\n"
        "  - files: ['inbound/**']\n    disable: [term.notice]\n")
    for d in ("outbound", "inbound"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "c.txt").write_text(VAGUE_ZH)
    _, out = items(runner, ["outbound/c.txt"])
    _, inb = items(runner, ["inbound/c.txt"])
    assert out["sla.review"]["severity"] == "required" and "term.notice" in out
    assert "sla.review" not in inb and "term.notice" not in inb
    shown = runner.invoke(app, ["config", "outbound/c.txt"]).stdout
    assert "clausekit.yaml:4 (overrides[0])" in shown and "sla.review" in shown


def test_include_and_exclude(runner, tiny_pack, tmp_path):
    (tmp_path / "clausekit.yaml").write_text("include: ['contracts/**']\nexclude: ['**/archive/*']\n")
    for name in ("contracts/a.txt", "contracts/archive/old.txt", "notes/readme.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(VAGUE_ZH)
    data = json.loads(runner.invoke(app, ["check", "-f", "json", "."]).stdout)
    assert [os.path.normpath(f["path"]) for f in data["files"]] == ["contracts/a.txt"]


WAIVERS = ("waivers:\n"
           "  - {item: sla.answer_rate, files: 'legacy/*', reason: signed before the SLA policy, until: 2030-06-30}\n"
           "  - {item: term.notice, reason: 'notice in master agreement', until: 2024-01-31}\n")


def test_waivers_and_their_expiry(runner, tiny_pack, tmp_path):
    (tmp_path / "clausekit.yaml").write_text(WAIVERS)
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "c.txt").write_text(VAGUE_ZH)
    (tmp_path / "new.txt").write_text(VAGUE_ZH)
    env = {"CLAUSEKIT_TODAY": "2025-01-01"}
    result, got = items(runner, ["legacy/c.txt"], env=env)
    rate = got["sla.answer_rate"]
    assert rate["status"] == "waived" and rate["level"] is None
    assert rate["waiver"] == {"reason": "signed before the SLA policy", "until": "2030-06-30",
                              "source": f"{tmp_path / 'clausekit.yaml'}:2", "expired": False, "hides": "vague"}
    notice = got["term.notice"]  # its waiver ran out: judged as usual, and says so
    assert notice["status"] == "missing" and notice["waiver"]["expired"] is True
    assert result.exit_code == 1
    _, other = items(runner, ["new.txt"], env=env)
    assert other["sla.answer_rate"]["status"] == "vague"  # the waiver is only for legacy/*
    table = runner.invoke(app, ["check", "legacy/c.txt"], env={**env, "NO_COLOR": "1", "COLUMNS": "400"}).stdout
    assert "waived until 2030-06-30" in table and "waiver expired on 2024-01-31" in table
    assert "1 waived" in table
    shown = runner.invoke(app, ["config", "legacy/c.txt"], env=env).stdout
    assert "(active): signed before the SLA policy" in shown and "(EXPIRED): notice in master agreement" in shown


def test_waiver_expiry_against_an_injected_date(tiny_pack, tmp_path):
    (tmp_path / "clausekit.yaml").write_text(WAIVERS)
    config = load_config(tmp_path / "clausekit.yaml")
    library = load_library()
    config.validate_ids(library)
    base = FileResult("legacy/c.txt", "zh", tuple(ItemResult(it, "missing") for it in library.items), ())
    settings = config.for_file("legacy/c.txt", library)
    on_the_day = apply_settings(base, settings, dt.date(2030, 6, 30))
    after = apply_settings(base, settings, dt.date(2030, 7, 1))
    assert on_the_day.count("waived") == 1 and on_the_day.items[0].waiver.hides == "missing"
    assert after.count("waived") == 0 and after.items[0].waiver.expired


def test_config_without_a_file_shows_defaults(runner, tiny_pack):
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 0 and "none found (built-in defaults)" in result.stdout
