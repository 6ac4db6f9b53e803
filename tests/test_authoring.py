"""Rule authoring: `clausekit validate`, `clausekit test`, `clausekit schema`."""

import json
from pathlib import Path

import pytest

from clausekit.cli import app
from clausekit.errors import LibraryError
from clausekit.library import load_area_file, load_yaml


def pack(tmp_path, text):
    d = tmp_path / "pack"
    d.mkdir(exist_ok=True)
    (d / "sla.yaml").write_text(text, encoding="utf-8")
    return d


def test_validate_reports_file_and_line(runner, tiny_pack, tmp_path):
    good = runner.invoke(app, ["validate", str(tiny_pack)])
    assert good.exit_code == 0 and good.stdout.startswith("ok: 3 items in 2 file(s)")
    bad = pack(tmp_path, (tiny_pack / "sla.yaml").read_text().replace("    severity: recommended",
                                                                      "    severty: recommended"))
    (bad / "term.yaml").write_text("area: term\ntitle: {zh: a, en: b}\nitems: []\n")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{bad / 'sla.yaml'}:17: unknown key 'severty' (did you mean 'severity'?)",
        f"{bad / 'term.yaml'}:3: items must be a non-empty list",
    ]
    assert runner.invoke(app, ["validate", str(tmp_path / "nope")]).exit_code == 2


def test_test_runs_examples_and_fails_like_a_test_runner(runner, tiny_pack, tmp_path):
    ok = runner.invoke(app, ["test", "-v", str(tiny_pack)])
    assert ok.exit_code == 0 and ok.stdout.splitlines()[-1] == "3 passed, 0 failed"
    assert "ok   sla.answer_rate" in ok.stdout
    broken = pack(tmp_path, (tiny_pack / "sla.yaml").read_text().replace(
        "not: {zh: [电话接通后报工号。]", "not: {zh: [接通率很重要。]"))
    result = runner.invoke(app, ["test", str(broken)])
    assert result.exit_code == 1
    assert "FAIL sla.answer_rate" in result.stdout and "接通率很重要" in result.stdout
    assert result.stdout.splitlines()[-1] == "1 passed, 1 failed"


def test_builtin_library_passes_clausekit_test(runner):
    result = runner.invoke(app, ["test"])
    assert result.exit_code == 0, result.stdout[-2000:]


def test_schema_is_printed_and_accepts_what_the_loader_accepts(runner, tiny_pack, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    out = runner.invoke(app, ["schema"])
    assert out.exit_code == 0
    schema = json.loads(out.stdout)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    files = list(tiny_pack.glob("*.yaml"))
    builtin = Path(__file__).resolve().parents[1] / "clauses"
    for path in sorted(builtin.glob("*.yaml")):
        try:
            load_area_file(path)  # a file the loader accepts (others may be mid-edit) ...
        except LibraryError:
            continue
        files.append(path)
    for path in files:  # ... the schema accepts too
        errors = [e.message for e in validator.iter_errors(load_yaml(path))]
        assert not errors, f"{path}: {errors[:3]}"
    bad = load_yaml(pack(tmp_path, (tiny_pack / "sla.yaml").read_text().replace("patterns:", "patern:", 1))
                    / "sla.yaml")
    assert not validator.is_valid(bad)


def test_schema_ships_inside_the_package():
    import clausekit

    assert (Path(clausekit.__file__).parent / "schema" / "clause.schema.json").is_file()
