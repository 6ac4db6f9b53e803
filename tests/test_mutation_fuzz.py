"""Mutation fuzzing: valid .docx, .pdf and clause .yaml files with bytes flipped, cut, inserted or
repeated must each give a result or a clean ClausekitError: never another exception, never a hang.

Seeds are fixed, so a CI run is deterministic and short; `scripts/fuzz.py` runs the same mutators
for as long as asked, and what it finds becomes a case in REGRESSIONS below.
"""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from conftest import TINY_PACK
from docgen import make_docx, make_pdf

from clausekit.errors import ClausekitError
from clausekit.library import load_library
from clausekit.limits import time_limit
from clausekit.runner import Task, check_one

BUDGET = 10  # seconds per mutant: a tiny file that takes longer is a hang

INTERESTING = [b"\x00", b"\xff", b"<", b">", b"&", b'"', b"%", b"/", b"9" * 12, b"-1", b"<!DOCTYPE x>", b"obj",
               b"endobj", b"stream", b"\xe6\x8e\xa5", b"\xed\xa0\x80", b"\n", b"R", b"[", b"(", b"\\"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Return `data` with one to three random byte-level edits."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        if not buf:
            buf += rng.choice(INTERESTING)
            continue
        op = rng.randrange(6)
        i = rng.randrange(len(buf))
        if op == 0:  # flip bits
            buf[i] ^= 1 << rng.randrange(8)
        elif op == 1:  # truncate
            del buf[i:]
        elif op == 2:  # insert random or interesting bytes
            chunk = rng.choice(INTERESTING) if rng.random() < 0.5 else rng.randbytes(rng.randint(1, 16))
            buf[i:i] = chunk
        elif op == 3:  # delete a chunk
            del buf[i:i + rng.randint(1, 64)]
        elif op == 4:  # repeat a chunk
            buf[i:i] = buf[i:i + rng.randint(1, 256)] * rng.randint(2, 8)
        else:  # overwrite with an interesting value
            chunk = rng.choice(INTERESTING)
            buf[i:i + len(chunk)] = chunk
    return bytes(buf)


def mutate_docx_xml(data: bytes, rng: random.Random) -> bytes:
    """Return the .docx with one XML part mutated and the package re-zipped (so the zip itself is valid)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    xml = [n for n in src.namelist() if n.endswith((".xml", ".rels"))]
    target = rng.choice(["word/document.xml"] * 3 + xml)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in src.namelist():
            body = src.read(name)
            z.writestr(name, mutate(body, rng) if name == target else body)
    return out.getvalue()


def _without_dates(data: bytes) -> bytes:
    """Return the zip with every member dated 1980-01-01: the same bytes on every run."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), src.read(info),
                       compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    """The valid files the mutants start from, built once, byte for byte the same on every run."""
    from reportlab import rl_config

    d = tmp_path_factory.mktemp("seeds")
    invariant, rl_config.invariant = rl_config.invariant, 1  # no timestamp or random ID in the PDF
    docx = make_docx(d / "c.docx", [("heading", "第五条 服务质量标准", 1), "乙方应确保接通率不低于95%。",
                                    ("table", [["指标", "目标"], ["接通率", "95%"], ["平均应答时长", "20秒"]]),
                                    ("inserted", "终止通知应提前三十日发出。"), ("deleted", "甲方可随时解约。"),
                                    "The answer rate shall be at least 95%. 【 】"],
                     header="保密 XX", footer="第 1 页")
    pdf = make_pdf(d / "c.pdf", [["第五条 服务质量标准", "乙方应确保接通率不低于95%。", "平均应答时长不超过20秒。"],
                                 ["终止通知应提前三十日发出。", "合同金额：人民币【 】元。"]],
                   header="呼叫中心外包服务合同", footer=True)
    rl_config.invariant = invariant
    return {"docx": _without_dates(docx.read_bytes()), "pdf": pdf.read_bytes(),
            "yaml": TINY_PACK["sla.yaml"].encode("utf-8")}


def outcome_of(path, library):
    """Check one mutant file as `clausekit check` does; fail on a crash or a hang."""
    out = check_one(Task(str(path), timeout=BUDGET), library)
    assert out.error is None or "gave up after" not in out.error, out.error
    assert (out.result is None) != (out.error is None)
    if out.error:
        assert "\n" not in out.error
    return out


@pytest.mark.parametrize("kind,count", [("docx", 80), ("docx-xml", 120), ("pdf", 120)])
def test_mutated_documents_give_a_result_or_a_clean_error(library, tmp_path, seeds, kind, count):
    rng = random.Random(f"clausekit-{kind}")
    suffix = "." + kind.split("-")[0]
    errors = 0
    for n in range(count):
        data = seeds[suffix[1:]]
        mutant = mutate_docx_xml(data, rng) if kind == "docx-xml" else mutate(data, rng)
        path = tmp_path / f"m{n}{suffix}"
        path.write_bytes(mutant)
        errors += outcome_of(path, library).error is not None
    assert 0 < errors <= count  # the mutators do break files, and not every one of them


def test_mutated_clause_files_load_or_fail_with_a_library_error(tmp_path, seeds):
    rng = random.Random("clausekit-yaml")
    for n in range(200):
        pack = tmp_path / f"p{n}"
        pack.mkdir()
        (pack / "sla.yaml").write_bytes(mutate(seeds["yaml"], rng))
        try:
            with time_limit(BUDGET):
                load_library(pack)
        except ClausekitError as e:
            assert "\n" not in str(e).strip(), str(e)


# Inputs the long fuzzer (scripts/fuzz.py) once crashed on, kept so they stay fixed: (suffix, bytes).
REGRESSIONS: list[tuple[str, bytes]] = []


@pytest.mark.parametrize("suffix,data", REGRESSIONS or [pytest.param(None, None, marks=pytest.mark.skip("none yet"))])
def test_fuzzer_findings_stay_fixed(library, tmp_path, suffix, data):
    path = tmp_path / f"finding{suffix}"
    path.write_bytes(data)
    if suffix == ".yaml":
        with pytest.raises(ClausekitError):
            load_library(tmp_path)
    else:
        outcome_of(path, library)


def test_pdf_with_an_unknown_stream_filter_is_a_clean_error(library, tmp_path, seeds):
    # The first finding: pypdf raises NotImplementedError for a filter it does not know.
    assert b"/FlateDecode" in seeds["pdf"]
    path = tmp_path / "filter.pdf"
    path.write_bytes(seeds["pdf"].replace(b"/FlateDecode", b"/AS&II85Decode"))
    out = outcome_of(path, library)
    assert out.error and out.error.startswith(f"{path}: ")
