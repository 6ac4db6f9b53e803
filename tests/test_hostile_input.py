"""Hostile and broken input through the CLI: every input error is one line naming the file and the
cause, exit 2, and the other files are still checked; limits (size, time) turn pathological files
into such errors; a bug is `internal error` (exit 3) with a traceback only under --debug."""

import json
import os
import re
import time

import pytest
from docgen import make_docx, make_pdf

from clausekit.cli import app
from clausekit.errors import InputError
from clausekit.limits import TimeBudgetExceeded, can_time_limit, time_limit
from clausekit.readers import expand_paths, read_document

GOOD = "乙方应确保接通率不低于95%。\n"


def check(runner, *args):
    """Run `clausekit check -f json --jobs 1 ARGS` (in this process, so monkeypatches apply)."""
    return runner.invoke(app, ["check", "-f", "json", "--jobs", "1", *args])


def checked(result) -> list[str]:
    return [f["path"] for f in json.loads(result.stdout)["files"]]


def one_error(result, path, cause) -> None:
    """The run failed with exit 2 and exactly one stderr line: `clausekit: error: PATH: ...CAUSE...`."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"clausekit: error: {path}: "), lines[0]
    assert cause in lines[0], lines[0]
    assert "Traceback" not in result.output


def _broken(tmp_path, name):
    """Make the hostile file `name` and return (its path, the cause clausekit must name)."""
    p = tmp_path / name
    if name == "binary.txt":
        p.write_bytes(b"\x00\x01\x02PK\x00" * 10)
        return p, "binary file"
    if name == "empty.txt":
        p.write_bytes(b"")
        return p, "empty file"
    if name in ("empty.docx", "empty.pdf"):
        p.write_bytes(b"")
        return p, "empty file"
    if name == "latin1.md":
        p.write_bytes("接通率".encode("gbk"))
        return p, "cannot decode as utf-8"
    if name == "photo.png":
        p.write_bytes(b"\x89PNG\r\n\x1a\n")
        return p, "unsupported file type '.png'"
    if name == "truncated.docx":
        data = make_docx(tmp_path / "full.docx", [GOOD]).read_bytes()
        p.write_bytes(data[: len(data) // 2])
        (tmp_path / "full.docx").unlink()
        return p, "not a readable .docx file"
    if name == "truncated.pdf":
        data = make_pdf(tmp_path / "full.pdf", [[GOOD.strip()] * 3]).read_bytes()
        p.write_bytes(data[: len(data) // 3])
        (tmp_path / "full.pdf").unlink()
        return p, "not a readable PDF"
    if name == "pdf-as.docx":
        p.write_bytes(b"%PDF-1.7\n" + b"x" * 100)
        return p, "is a PDF, not a .docx"
    if name == "loop.txt":  # loop.txt -> loop2.txt -> loop.txt
        os.symlink("loop2.txt", p)
        os.symlink("loop.txt", tmp_path / "loop2.txt")
        return p, "symbolic link loop"
    if name == "dangling.txt":
        os.symlink("gone.txt", p)
        return p, "broken symbolic link"
    if name == "fifo.txt":  # reading a FIFO would block forever
        os.mkfifo(p)
        return p, "not a regular file"
    if name == "nope.txt":
        return p, "no such file or directory"
    raise AssertionError(name)


@pytest.mark.parametrize("name", ["binary.txt", "empty.txt", "empty.docx", "empty.pdf", "latin1.md", "photo.png",
                                  "truncated.docx", "truncated.pdf", "pdf-as.docx", "loop.txt", "dangling.txt",
                                  "fifo.txt", "nope.txt"])
def test_each_input_error_is_one_line_and_the_other_files_are_checked(runner, tiny_pack, tmp_path, name):
    bad, cause = _broken(tmp_path, name)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    encoding = ["--encoding", "utf-8"] if name == "latin1.md" else []
    result = check(runner, *encoding, name, "good.txt")
    one_error(result, name, cause)
    assert checked(result) == ["good.txt"]
    assert bad.name == name


def test_permission_denied_names_the_file(runner, tiny_pack, tmp_path, monkeypatch):
    # Tests run as root, who may read anything: simulate the OS refusing, at the one read each reader does.
    from pathlib import Path

    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    make_docx(tmp_path / "locked.docx", [GOOD])
    make_pdf(tmp_path / "locked.pdf", [[GOOD.strip()] * 3])
    (tmp_path / "locked.txt").write_text(GOOD, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name.startswith("locked"):
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = check(runner, "locked.txt", "locked.docx", "locked.pdf", "good.txt")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"clausekit: error: locked.{s}: permission denied" for s in
                                          ("txt", "docx", "pdf")]
    assert checked(result) == ["good.txt"]


def test_a_file_that_vanishes_mid_run_is_an_error_and_the_rest_are_checked(runner, tiny_pack, tmp_path,
                                                                          monkeypatch):
    import clausekit.readers as readers

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    real = readers.expand_paths

    def expand_then_delete(paths):
        yield from real(paths)
        os.unlink(tmp_path / "b.txt")  # after the walk found it, before it is read

    monkeypatch.setattr(readers, "expand_paths", expand_then_delete)
    result = check(runner, ".")
    one_error(result, os.path.join(".", "b.txt"), "no such file or directory")
    assert [os.path.normpath(p) for p in checked(result)] == ["a.txt", "c.txt"]


def test_a_directory_with_symlink_loops_and_links_out_is_walked_safely(runner, tiny_pack, tmp_path):
    d = tmp_path / "contracts"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    os.symlink("..", d / "sub" / "up")  # a directory loop: not entered
    os.symlink(d, d / "self")
    os.symlink("y.txt", d / "x.txt")  # a file loop: reported
    os.symlink("x.txt", d / "y.txt")
    secret = tmp_path / "secret.txt"
    secret.write_text("接通率不低于99%。\n", encoding="utf-8")
    os.symlink(secret, d / "leak.txt")  # points outside the directory named: never read
    start = time.monotonic()
    result = check(runner, "contracts")
    assert time.monotonic() - start < 10
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"clausekit: error: contracts/{n}: symbolic link loop" for n in ("x.txt",
                                                                                                          "y.txt")]
    assert checked(result) == ["contracts/sub/a.txt"]


def test_a_subdirectory_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    real_walk, real_listdir = os.walk, os.listdir
    denied = str(tmp_path / "sub")

    def walk(top, onerror=None, **kw):
        onerror(PermissionError(13, "Permission denied", denied))
        yield from real_walk(top, onerror=onerror, **kw)

    monkeypatch.setattr(os, "walk", walk)
    monkeypatch.setattr(os, "listdir", lambda p: (_ for _ in ()).throw(PermissionError(13, "Permission denied", p))
                        if str(p) == denied else real_listdir(p))
    found = list(expand_paths([str(tmp_path)]))
    assert found == [str(tmp_path / "a.txt"), denied]
    with pytest.raises(InputError, match=r"sub: cannot list directory \(permission denied\)"):
        read_document(denied)


def test_directory_or_missing_file_where_a_file_is_expected(runner, tiny_pack, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "outdir").mkdir()
    out = check(runner, "-o", "outdir", "good.txt")
    assert out.exit_code == 2 and out.stderr.strip() == "clausekit: error: outdir: is a directory"
    cfg = check(runner, "-c", "outdir", "good.txt")
    assert cfg.exit_code == 2 and cfg.stderr.strip() == "clausekit: error: outdir: is a directory, not a config file"
    with pytest.raises(InputError, match="outdir: is a directory"):
        read_document(str(tmp_path / "outdir"))


def test_a_file_above_the_size_limit_is_refused_before_reading(runner, tiny_pack, tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:  # sparse: 120 MB that take no disk space
        f.truncate(120 * 1024 * 1024)
    (tmp_path / "small.txt").write_text(GOOD * 40_000, encoding="utf-8")  # about 1.3 MB
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    start = time.monotonic()
    result = check(runner, "huge.txt", "good.txt")
    assert time.monotonic() - start < 10
    one_error(result, "huge.txt", "refused: 120 MB is above the size limit of 100 MB (--max-size)")
    assert checked(result) == ["good.txt"]
    limited = check(runner, "--max-size", "1", "small.txt", "good.txt")
    one_error(limited, "small.txt", "above the size limit of 1 MB")
    stdin = runner.invoke(app, ["check", "-f", "json", "--max-size", "1", "-"], input=(GOOD * 40_000).encode())
    one_error(stdin, "<stdin>", "refused: more than 1 MB")


SLOW_PACK = """\
area: slow
order: 9
title: {zh: 慢, en: Slow}
items:
  - id: slow.poly
    title: {zh: 慢, en: Slow}
    severity: recommended
    why: Polynomial, not exponential backtracking, so the ReDoS guard lets it through; --timeout stops it.
    patterns: {zh: [{re: '[a-z]*[a-z]*[a-z]*[a-z]*!'}], en: [{re: '[a-z]*[a-z]*[a-z]*[a-z]*!'}]}
    examples:
      present: {zh: [abc!], en: [abc!]}
      not: {zh: [abc], en: [abc]}
"""


@pytest.mark.skipif(not can_time_limit(), reason="no SIGALRM here: runs have no time budget")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_timeout_turns_a_pathological_file_into_an_error(runner, tiny_pack, tmp_path, jobs):
    (tiny_pack / "slow.yaml").write_text(SLOW_PACK, encoding="utf-8")
    (tmp_path / "slow.txt").write_text("a" * 20_000 + " !\n", encoding="utf-8")  # hours without a budget
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    start = time.monotonic()
    result = runner.invoke(app, ["check", "-f", "json", "--jobs", jobs, "--timeout", "1", "slow.txt", "good.txt"])
    assert time.monotonic() - start < 8
    one_error(result, "slow.txt", "gave up after 1 s (--timeout)")
    assert checked(result) == ["good.txt"]


@pytest.mark.skipif(not can_time_limit(), reason="no SIGALRM here")
def test_the_time_budget_interrupts_a_backtracking_regex_search():
    rx = re.compile(r"[a-z]*[a-z]*[a-z]*[a-z]*!")
    start = time.monotonic()
    with pytest.raises(TimeBudgetExceeded), time_limit(0.3):
        rx.search("a" * 5000)
    assert time.monotonic() - start < 1.5  # interrupted inside re's C loop, not after it
    with time_limit(5):  # the timer is disarmed afterwards
        time.sleep(0.01)
    with time_limit(None):
        pass


def test_a_bug_is_an_internal_error_with_the_traceback_only_under_debug(runner, tiny_pack, tmp_path, monkeypatch):
    import clausekit.check

    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(clausekit.check, "check_document", lambda *a: 1 / 0)
    plain = check(runner, "good.txt")
    assert plain.exit_code == 3
    assert plain.stderr.splitlines() == ["clausekit: internal error: ZeroDivisionError: division by zero (please report"
                                         " it at the clausekit issue tracker; rerun with --debug for the traceback)"]
    debug = runner.invoke(app, ["--debug", "check", "-j", "1", "good.txt"])
    assert debug.exit_code == 3 and "Traceback" in debug.stderr and "internal error" in debug.stderr


def test_undecodable_file_names_do_not_break_any_output(runner, tiny_pack, tmp_path):
    name = os.fsdecode(b"\xff\xfe.txt")  # surrogate escapes in the str: no UTF-8 output can hold them
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    for fmt in ("json", "sarif", "junit", "github", "markdown", "table"):
        out = f"out.{fmt}"
        result = runner.invoke(app, ["check", "-f", fmt, "-j", "1", "-o", out, "."])
        assert result.exit_code == 1, (fmt, result.output)
        assert "\ufffd" in (tmp_path / out).read_text(encoding="utf-8")


def _hashes(root) -> dict[str, str]:
    import hashlib

    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()}


def test_input_files_are_never_modified_and_outputs_are_written_whole(runner, tiny_pack, tmp_path):
    c = tmp_path / "contracts"
    c.mkdir()
    (c / "a.txt").write_text(GOOD, encoding="utf-8")
    make_docx(c / "b.docx", [GOOD, ("table", [["接通率", "95%"]])])
    make_pdf(c / "c.pdf", [[GOOD.strip()] * 3])
    (c / "d.docx").write_bytes(make_docx(tmp_path / "x.docx", [GOOD]).read_bytes()[:300])
    (tmp_path / "x.docx").unlink()
    (c / "e.txt").write_bytes(b"\x00binary")
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "slow.yaml").write_text(SLOW_PACK, encoding="utf-8")
    (tmp_path / "clausekit.yaml").write_text("packs: [pack]\nexclude: ['*.md']\n", encoding="utf-8")
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "contract.zh.md.j2").write_text("{{ ''.__class__ }}", encoding="utf-8")
    (tmp_path / "tpl_ok").mkdir()
    (tmp_path / "tpl_ok" / "contract.zh.md.j2").write_text("{% for a in areas %}{{ a.id }}\n{% endfor %}")
    (tmp_path / "report.json").write_text("keep me", encoding="utf-8")
    before = _hashes(tmp_path)
    runs = [
        (["check", "contracts"], 2),
        (["check", "-f", "sarif", "-o", "out.sarif", "contracts/a.txt", "contracts/b.docx", "contracts/c.pdf"], 1),
        (["check", "-f", "json", "-o", "report.json", "contracts"], 2),  # exists: refused
        (["check", "--timeout", "0.5", "-f", "junit", "contracts"], 2),
        (["check", "--max-size", "0.001", "contracts"], 2),
        (["check", "--baseline", "HEAD", "contracts/a.txt"], 2),  # not a git repository
        (["validate", "pack"], 0),
        (["test", "pack"], 0),
        (["scaffold", "--templates", "tpl"], 2),
        (["scaffold", "--templates", "tpl_ok", "-o", "new.md"], 0),
        (["scaffold", "--templates", "tpl_ok", "-o", "report.json"], 2),
        (["config", "contracts/a.txt"], 0),
    ]
    for args, code in runs:
        result = runner.invoke(app, args)
        assert result.exit_code == code, (args, result.output)
        assert "Traceback" not in result.output
    after = _hashes(tmp_path)
    assert set(after) - set(before) == {"out.sarif", "new.md"}  # nothing else written, no temp file left
    assert {k: v for k, v in after.items() if k in before} == before
    assert json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    from clausekit.errors import OutputError
    from clausekit.writing import write_file

    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError, match="out.json: cannot write"):
        write_file(target, "new" * 1000, force=True)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.parametrize("regex", [r"(a+)+$", r"([a-z]+)*$", r"(a|aa)+$", r"(a|a?)+$", r"(\w+\s?)*$",
                                   r"^(([a-z])+.)+[A-Z]([a-z])+$", r"(\d+)*x", r"(a*)*b"])
def test_classic_redos_patterns_in_a_pack_are_refused_before_they_run(runner, tiny_pack, tmp_path, regex):
    pack = SLOW_PACK.replace("[a-z]*[a-z]*[a-z]*[a-z]*!", regex.replace("\\", "\\\\").replace("'", "''"))
    (tiny_pack / "slow.yaml").write_text(pack.replace("{re: '", "{re: \"").replace("'}]", "\"}]"), encoding="utf-8")
    (tmp_path / "evil.txt").write_text("a" * 50_000 + "!\n", encoding="utf-8")
    start = time.monotonic()
    result = check(runner, "evil.txt")
    assert time.monotonic() - start < 5
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert "slow.yaml:9: invalid regex" in result.stderr and "backtrack catastrophically" in result.stderr
