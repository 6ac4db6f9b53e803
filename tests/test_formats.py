"""Each machine format, parsed back: json, sarif (validated against the SARIF 2.1.0 schema),
junit, github, markdown; severity in every one; escaping of hostile contract text; exit codes."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from clausekit.cli import app
from clausekit.library import load_library
from clausekit.models import Evidence, FileResult, ItemResult, Placeholder, Waiver
from clausekit.report import formatter
from clausekit.report.github import escape_property
from clausekit.report.markdown import md_escape

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0.schema.json"
HOSTILE = "接通率应达到行业标准%0A\n::error::pwned | `x` <b>@team</b> [l](http://e)\x00\x07\x1b。"


@pytest.fixture
def results(tiny_pack):
    """One file: answer rate vague (hostile evidence), review waived, notice missing, a placeholder."""
    lib = load_library()
    rate, review, notice = lib.items
    ev = Evidence(7, "第五条", HOSTILE)
    return [FileResult("contracts/a,b:c%.txt", "zh", (
        ItemResult(rate, "vague", (ev,)),
        ItemResult(review, "waived", waiver=Waiver("legacy deal", "2030-01-01", "clausekit.yaml:3", False, "missing")),
        ItemResult(notice, "missing"),
    ), (Placeholder(9, "[●]"),))]


def test_sarif_is_valid_and_located(results):
    jsonschema = pytest.importorskip("jsonschema")
    log = json.loads(formatter("sarif")(results))
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert {"sla.answer_rate", "sla.review", "term.notice", "placeholder", "regression"} <= set(rules)
    assert rules["term.notice"]["help"]["text"].startswith("Without notice")
    assert rules["sla.review"]["defaultConfiguration"]["level"] == "warning"
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert set(by_rule) == {"sla.answer_rate", "sla.review", "term.notice", "placeholder"}
    line = lambda r: r["locations"][0]["physicalLocation"]["region"]["startLine"]  # noqa: E731
    assert line(by_rule["sla.answer_rate"]) == 7 and by_rule["sla.answer_rate"]["level"] == "error"
    assert line(by_rule["term.notice"]) == 1  # missing: the top of the file
    assert line(by_rule["placeholder"]) == 9
    assert by_rule["sla.review"]["suppressions"][0]["justification"] == "legacy deal"
    assert all(r["properties"]["severity"] in ("required", "recommended") for r in run["results"])
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "contracts/a,b:c%.txt"


def test_junit_is_valid_xml_despite_control_characters(results):
    root = ET.fromstring(formatter("junit")(results).encode("utf-8"))
    suite = root.find("testsuite")
    assert suite.get("name") == "contracts/a,b:c%.txt"
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert set(cases) == {"sla.answer_rate (required)", "sla.review (recommended)", "term.notice (required)",
                          "placeholders"}
    assert cases["sla.answer_rate (required)"].find("failure").get("type") == "vague"
    assert cases["term.notice (required)"].find("failure").get("message").startswith("error: ")
    assert "legacy deal" in cases["sla.review (recommended)"].find("skipped").get("message")
    assert cases["placeholders"].find("failure") is not None
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("4", "3", "1")
    assert "\x00" not in ET.tostring(root, encoding="unicode")


def test_github_commands_cannot_be_injected(results):
    out = formatter("github")(results)
    lines = out.splitlines()
    assert all(line.startswith("::") for line in lines)  # every line is one of our commands
    assert lines[0].startswith("::group::") and lines[-1] == "::endgroup::"
    errors = [ln for ln in lines if ln.startswith("::error ")]
    vague = next(ln for ln in errors if "sla.answer_rate" in ln)
    assert vague.startswith("::error file=contracts/a%2Cb%3Ac%25.txt,line=7,title=sla.answer_rate (required)::")
    assert "%250A" in vague and "%0A::error::pwned" in vague  # '%' and the newline escaped: no new command
    assert any(ln.startswith("::notice ") and "legacy deal" in ln for ln in lines)
    assert any(ln.startswith("::error ") and "term.notice" in ln and ",line=" not in ln for ln in lines)
    assert escape_property("a:b,c%\r\n") == "a%3Ab%2Cc%25%0D%0A"


def test_markdown_escapes_contract_text(results):
    out = formatter("markdown")(results)
    rows = [ln for ln in out.splitlines() if ln.startswith("| ")]
    assert rows[0] == "| | item | severity | status | line | detail |"
    assert all(len(re.findall(r"(?<!\\)\|", row)) == 7 for row in rows)  # no cell broken by a '|'
    assert "<b>" not in out and "@team" not in out and "`x`" not in out
    assert md_escape("a|b`c\nd") == "a\\|b\\`c d"
    assert "required" in out and "recommended" in out and "waived" in out


def test_json_carries_the_new_keys_and_stays_v1(results):
    data = json.loads(formatter("json")(results))
    assert data["version"] == 1
    f = data["files"][0]
    assert f["summary"] == {"present": 0, "vague": 1, "missing": 1, "placeholders": 1, "waived": 1,
                            "regressions": 0}
    assert [it["level"] for it in f["items"]] == ["error", None, "error"]
    assert f["regressions"] == []


# ---- through the CLI ------------------------------------------------------------------------------

GOOD = "乙方应确保接通率不低于95%。\n双方定期评估指标。\n终止通知应提前三十日发出。\n"
WARN = "乙方应确保接通率不低于95%。\n终止通知应提前三十日发出。\n"  # recommended sla.review missing
BAD = "接通率应达到行业标准。\n"


@pytest.mark.parametrize(("text", "fail_on", "code"), [
    (GOOD, "error", 0), (GOOD, "warning", 0), (GOOD, "never", 0),
    (WARN, "error", 0), (WARN, "warning", 1), (WARN, "never", 0),
    (BAD, "error", 1), (BAD, "warning", 1), (BAD, "never", 0),
    (GOOD + "生效日期：【】\n", "error", 1),
])
def test_fail_on_decides_the_exit_code(runner, tiny_pack, tmp_path, text, fail_on, code):
    (tmp_path / "c.txt").write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["check", "--fail-on", fail_on, "c.txt"]).exit_code == code


@pytest.mark.parametrize("name", ["json", "sarif", "junit", "github", "markdown"])
def test_stdout_holds_only_the_format(runner, tiny_pack, tmp_path, name):
    (tmp_path / "c.txt").write_text(BAD, encoding="utf-8")
    out = runner.invoke(app, ["check", "-f", name, "c.txt"]).stdout
    if name in ("json", "sarif"):
        json.loads(out)
    elif name == "junit":
        ET.fromstring(out.encode("utf-8"))
    elif name == "github":
        assert all(ln.startswith("::") for ln in out.splitlines())
    else:
        assert out.startswith("## clausekit")


def test_github_is_chosen_in_github_actions(runner, tiny_pack, tmp_path):
    (tmp_path / "c.txt").write_text(BAD, encoding="utf-8")
    out = runner.invoke(app, ["check", "c.txt"], env={"GITHUB_ACTIONS": "true"}).stdout
    assert out.startswith("::group::")
    assert runner.invoke(app, ["check", "-f", "json", "c.txt"], env={"GITHUB_ACTIONS": "true"}).stdout.startswith("{")


def test_output_file_gets_the_format_and_the_terminal_the_table(runner, tiny_pack, tmp_path):
    (tmp_path / "c.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "r.sarif").write_text("old")
    refused = runner.invoke(app, ["check", "-f", "sarif", "-o", "r.sarif", "c.txt"])
    assert refused.exit_code == 2 and "r.sarif: already exists (use --force to overwrite)" in refused.stderr
    assert (tmp_path / "r.sarif").read_text() == "old"
    result = runner.invoke(app, ["check", "-f", "sarif", "-o", "r.sarif", "--force", "c.txt"], env={"NO_COLOR": "1"})
    assert result.exit_code == 1
    assert json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert "present ·" in result.stdout
    clobber = runner.invoke(app, ["check", "-f", "json", "-o", "c.txt", "--force", "c.txt"])
    assert clobber.exit_code == 2 and (tmp_path / "c.txt").read_text(encoding="utf-8") == BAD
