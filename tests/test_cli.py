"""The command line, through typer's CliRunner: exit codes, output, and one-line errors."""

import json

from clausekit.cli import app

GOOD_ZH = "第五条 服务质量标准\n乙方应确保接通率不低于95%。\n"


def write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return str(p)


def test_json_lists_every_item_in_library_order(runner, tmp_path, library):
    path = write(tmp_path, "a.txt", GOOD_ZH)
    result = runner.invoke(app, ["check", "--format", "json", path])
    data = json.loads(result.stdout)
    assert data["version"] == 1
    f = data["files"][0]
    assert f["path"] == path and f["language"] == "zh"
    assert [it["id"] for it in f["items"]] == [it.id for it in library.items]
    answer = next(it for it in f["items"] if it["id"] == "sla.answer_rate")
    assert answer["status"] == "present"
    assert answer["evidence"][0] == {"line": 2, "section": "第五条 服务质量标准", "text": "乙方应确保接通率不低于95%。",
                                     "value": "95%", "match": "接通率"}
    assert set(f["summary"]) >= {"present", "vague", "missing", "placeholders"}  # v1: keys are only added
    assert result.stderr == ""


def test_exit_1_when_required_items_are_missing(runner, tmp_path):
    result = runner.invoke(app, ["check", write(tmp_path, "a.txt", GOOD_ZH)])
    assert result.exit_code == 1
    assert "sla.answer_rate" in result.stdout
    assert "missing (" in result.stdout


def test_exit_0_when_nothing_required_is_missing(runner, tmp_path):
    sample = runner.invoke(app, ["scaffold", "--lang", "zh", "--sample"]).stdout
    result = runner.invoke(app, ["check", write(tmp_path, "full.md", sample)])
    assert result.exit_code == 0, result.stdout


def test_placeholders_fail_the_check(runner, tmp_path):
    sample = runner.invoke(app, ["scaffold", "--lang", "en", "--sample"]).stdout
    result = runner.invoke(app, ["check", "-f", "json", write(tmp_path, "p.md", sample + "\nEffective Date: [●]\n")])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["files"][0]["placeholders"][0]["text"] == "[●]"


def test_table_output_is_plain_without_a_terminal(runner, tmp_path):
    result = runner.invoke(app, ["check", write(tmp_path, "a.txt", GOOD_ZH)], env={"NO_COLOR": "1"})
    assert "\x1b[" not in result.stdout
    assert "present ·" in result.stdout and "missing" in result.stdout
    answer = next(line for line in result.stdout.splitlines() if "sla.answer_rate" in line)
    assert answer.split() == ["✓", "sla.answer_rate", "接通率", "L2", "乙方应确保接通率不低于95%。"]


def test_bad_input_is_one_line_and_exit_2_and_other_files_still_checked(runner, tmp_path):
    good = write(tmp_path, "good.txt", GOOD_ZH)
    result = runner.invoke(app, ["check", "-f", "json", str(tmp_path / "nope.txt"), good])
    assert result.exit_code == 2
    missing = tmp_path / "nope.txt"
    assert result.stderr.strip().splitlines() == [f"clausekit: error: {missing}: no such file or directory"]
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [good]


def test_encoding_option_and_detection(runner, tmp_path):
    path = write(tmp_path, "gbk.txt", GOOD_ZH, "gbk")
    auto = json.loads(runner.invoke(app, ["check", "-f", "json", path]).stdout)
    forced = json.loads(runner.invoke(app, ["check", "-f", "json", "--encoding", "gbk", path]).stdout)
    assert auto == forced
    bad = runner.invoke(app, ["check", "--encoding", "utf-8", path])
    assert bad.exit_code == 2 and "cannot decode as utf-8" in bad.stderr


def test_stdin(runner):
    result = runner.invoke(app, ["check", "-f", "json", "-"], input=GOOD_ZH.encode("utf-8"))
    assert json.loads(result.stdout)["files"][0]["path"] == "<stdin>"


def test_directory_is_every_supported_file(runner, tmp_path):
    write(tmp_path, "b.txt", GOOD_ZH)
    write(tmp_path, "a.md", "The Provider shall maintain an answer rate of at least 95%.")
    write(tmp_path, "ignore.png", "x")
    data = json.loads(runner.invoke(app, ["check", "-f", "json", str(tmp_path)]).stdout)
    assert [f["path"].rsplit("/", 1)[1] for f in data["files"]] == ["a.md", "b.txt"]
    assert data["files"][0]["language"] == "en"


def test_list_shows_the_checklist(runner):
    result = runner.invoke(app, ["list", "--area", "sla", "--lang", "zh"])
    assert result.exit_code == 0
    assert "sla.answer_rate" in result.stdout and "接通率" in result.stdout and "percent" in result.stdout
    assert "scope." not in result.stdout
    bad = runner.invoke(app, ["list", "--area", "nope"])
    assert bad.exit_code == 2 and "unknown area 'nope'" in bad.stderr


def test_scaffold_never_overwrites_without_force(runner, tmp_path):
    out = tmp_path / "c.md"
    out.write_text("precious", encoding="utf-8")
    result = runner.invoke(app, ["scaffold", "-o", str(out)])
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert out.read_text(encoding="utf-8") == "precious"
    assert runner.invoke(app, ["scaffold", "-o", str(out), "--force"]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# 呼叫中心外包服务合同")


def test_an_invalid_clause_file_is_exit_2(runner, tmp_path, monkeypatch):
    import clausekit.library as lib

    (tmp_path / "bad.yaml").write_text("area: x\ntitle: {zh: a, en: b}\nitems:\n  - id: x.a\n    patern: 1\n")
    monkeypatch.setattr(lib, "default_library_dir", lambda: tmp_path)
    result = runner.invoke(app, ["check", "-"], input=b"x")
    assert result.exit_code == 2
    bad = tmp_path / "bad.yaml"
    assert result.stderr.strip() == f"clausekit: error: {bad}:5: unknown key 'patern' (did you mean 'patterns'?)"
