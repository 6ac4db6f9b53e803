"""Many files: parallel runs give the same results as serial, in a stable order; a bad file
does not stop the others."""

import json
import os

from clausekit.cli import app
from clausekit.library import load_library
from clausekit.runner import Task, run_checks

TEXTS = ["乙方应确保接通率不低于95%。\n", "接通率应达到行业标准。\n", "双方定期评估指标。\n",
         "The answer rate shall be at least 95%. Notice of termination shall be given.\n"]


def make_files(tmp_path, n=12):
    paths = []
    for i in range(n):
        p = tmp_path / f"c{i:02d}.txt"
        p.write_text(TEXTS[i % len(TEXTS)] * (i + 1), encoding="utf-8")
        paths.append(str(p))
    return paths


def test_parallel_equals_serial_in_order(tiny_pack, tmp_path):
    library = load_library()
    tasks = [Task(p) for p in make_files(tmp_path)]
    serial = run_checks(tasks, library, jobs=1)
    parallel = run_checks(tasks, library, jobs=3)
    assert [o.path for o in parallel] == [t.path for t in tasks]
    assert [o.result for o in parallel] == [o.result for o in serial]
    assert parallel[0].result.items[0].item is library.items[0]  # rebound to the caller's Items


def test_a_bad_file_is_an_error_outcome_and_the_rest_are_checked(tiny_pack, tmp_path):
    files = make_files(tmp_path, 3)
    tasks = [Task(files[0]), Task(str(tmp_path / "gone.txt")), Task(files[1])]
    seen = []
    out = run_checks(tasks, load_library(), jobs=2, advance=lambda: seen.append(1))
    assert out[1].error.endswith("gone.txt: no such file or directory") and out[1].result is None
    assert out[0].result and out[2].result and len(seen) == 3


def test_cli_jobs_give_identical_output(runner, tiny_pack, tmp_path):
    make_files(tmp_path)
    one = runner.invoke(app, ["check", "-f", "json", "--jobs", "1", "."])
    many = runner.invoke(app, ["check", "-f", "json", "--jobs", "4", "."])
    assert one.exit_code == many.exit_code == 1
    assert one.stdout == many.stdout
    paths = [os.path.normpath(f["path"]) for f in json.loads(many.stdout)["files"]]
    assert paths == [f"c{i:02d}.txt" for i in range(12)]
