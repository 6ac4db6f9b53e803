"""--changed-since and --baseline against a real temporary git repository."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from clausekit.cli import app

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")

FULL = "乙方应确保接通率不低于95%。\n双方定期评估指标。\n终止通知应提前三十日发出。\n"


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tiny_pack, tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.name", "Test")
    git(tmp_path, "config", "user.email", "test@example.invalid")
    git(tmp_path, "config", "commit.gpgsign", "false")
    (tmp_path / ".gitignore").write_text("_builtin/\n")
    (tmp_path / "contracts").mkdir()
    (tmp_path / "contracts" / "a.txt").write_text(FULL, encoding="utf-8")
    (tmp_path / "contracts" / "b.txt").write_text(FULL, encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


def check_json(runner, *args, env=None):
    result = runner.invoke(app, ["check", "-f", "json", *args], env=env)
    return result, json.loads(result.stdout) if result.stdout.startswith("{") else None


def test_deleting_a_clause_is_a_regression_even_when_waived(runner, repo):
    (repo / "clausekit.yaml").write_text("waivers:\n  - {item: term.notice, reason: in the master agreement}\n")
    (repo / "contracts" / "a.txt").write_text(FULL.replace("终止通知应提前三十日发出。\n", ""), encoding="utf-8")
    result, data = check_json(runner, "--baseline", "HEAD", "contracts")
    a, b = data["files"]
    assert a["regressions"] == [{"id": "term.notice", "title": "终止通知期", "severity": "required",
                                 "baseline": "HEAD", "status": "missing",
                                 "was": {"line": 3, "section": None, "text": "终止通知应提前三十日发出。",
                                         "value": None, "match": "终止通知"}}]
    assert next(i for i in a["items"] if i["id"] == "term.notice")["status"] == "waived"
    assert b["regressions"] == [] and result.exit_code == 1
    table = runner.invoke(app, ["check", "--baseline", "HEAD", "contracts/a.txt"], env={"COLUMNS": "300"})
    assert "term.notice present at HEAD (was at L3), missing now" in table.stdout


def test_no_regression_for_a_new_file_or_an_unchanged_one(runner, repo):
    (repo / "contracts" / "new.txt").write_text("双方定期评估指标。\n", encoding="utf-8")
    result, data = check_json(runner, "--baseline", "HEAD", "contracts")
    assert all(f["regressions"] == [] for f in data["files"])


def test_changed_since_checks_only_changed_files(runner, repo):
    (repo / "contracts" / "b.txt").write_text(FULL + "补充条款。\n", encoding="utf-8")
    (repo / "contracts" / "c.txt").write_text(FULL, encoding="utf-8")  # untracked: new in this change
    (repo / "notes.png").write_bytes(b"x")
    result, data = check_json(runner, "--changed-since", "HEAD")
    assert [f["path"] for f in data["files"]] == ["contracts/b.txt", "contracts/c.txt"]
    assert result.exit_code == 0
    _, none = check_json(runner, "--changed-since", "HEAD", "elsewhere")
    assert none["files"] == []


def test_baseline_of_a_docx_uses_a_temporary_file_of_the_same_suffix(repo, monkeypatch):
    from clausekit import gitutil

    (repo / "x.docx").write_bytes(b"PK-not-really")
    git(repo, "add", "x.docx")
    git(repo, "commit", "-q", "-m", "docx")
    with gitutil.checkout_file("HEAD", "x.docx") as tmp:
        assert tmp.endswith(".docx") and Path(tmp).read_bytes() == b"PK-not-really"
    assert not Path(tmp).exists()
    with gitutil.checkout_file("HEAD", "contracts/missing.txt") as tmp:
        assert tmp is None


def test_bad_revision_and_no_repository_are_exit_2(runner, repo, tmp_path_factory, monkeypatch):
    bad = runner.invoke(app, ["check", "--baseline", "nope", "contracts"])
    assert bad.exit_code == 2 and bad.stderr.strip() == "clausekit: error: unknown revision 'nope'"
    elsewhere = tmp_path_factory.mktemp("norepo")
    monkeypatch.chdir(elsewhere)
    (elsewhere / "a.txt").write_text(FULL, encoding="utf-8")
    out = runner.invoke(app, ["check", "--changed-since", "HEAD"])
    assert out.exit_code == 2 and "not inside a git repository" in out.stderr
