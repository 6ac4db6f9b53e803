"""Fuzz clausekit for longer than CI does: the mutation fuzzer of tests/test_mutation_fuzz.py over
.docx, .pdf and clause .yaml files for a wall-clock budget, then the hypothesis property tests of
tests/test_fuzz.py with many more examples.

    python scripts/fuzz.py                      # 5 minutes of mutation, hypothesis x20
    python scripts/fuzz.py --minutes 60 --hypothesis 100 --seed 7

Every input that makes clausekit raise anything but a ClausekitError, or take longer than
--budget seconds, is saved under --findings (default fuzz-findings/) with the traceback.
Fix the bug, then add the file to REGRESSIONS in tests/test_mutation_fuzz.py.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=5.0, help="wall-clock budget of the mutation fuzzer")
    ap.add_argument("--hypothesis", type=int, default=20, help="multiplier of the property tests' example counts"
                                                              " (0: skip them)")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: the time)")
    ap.add_argument("--budget", type=float, default=20.0, help="seconds one mutant may take before it is a hang")
    ap.add_argument("--findings", type=Path, default=Path("fuzz-findings"))
    args = ap.parse_args()

    found = mutation_fuzz(args)
    if args.hypothesis:
        env = dict(os.environ, CLAUSEKIT_FUZZ_EXAMPLES=str(args.hypothesis))
        code = subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                str(ROOT / "tests" / "test_fuzz.py")], cwd=ROOT, env=env)
        found += code != 0
    return 1 if found else 0


def mutation_fuzz(args) -> int:
    import test_mutation_fuzz as mf
    from conftest import TINY_PACK
    from docgen import make_docx, make_pdf

    from clausekit.errors import ClausekitError
    from clausekit.library import load_library
    from clausekit.limits import time_limit
    from clausekit.runner import Task, check_one

    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    library = load_library()
    work = Path(tempfile.mkdtemp(prefix="clausekit-fuzz-"))
    docx = make_docx(work / "seed.docx", ["第五条 服务质量标准", "乙方应确保接通率不低于95%。",
                                          ("table", [["指标", "目标"], ["接通率", "95%"]]), "【 】"],
                     header="XX", footer="第 1 页")
    pdf = make_pdf(work / "seed.pdf", [["乙方应确保接通率不低于95%。", "终止通知应提前三十日发出。"], ["【 】"]],
                   header="合同", footer=True)
    seeds = {"docx": docx.read_bytes(), "pdf": pdf.read_bytes(), "yaml": TINY_PACK["sla.yaml"].encode()}
    kinds = ["docx", "docx-xml", "pdf", "yaml"]
    end = time.monotonic() + args.minutes * 60
    runs = found = 0
    print(f"mutation fuzzing for {args.minutes:g} min, seed {seed}", flush=True)
    while time.monotonic() < end:
        kind = kinds[runs % len(kinds)]
        base = seeds[kind.split("-")[0]]
        data = mf.mutate_docx_xml(base, rng) if kind == "docx-xml" else mf.mutate(base, rng)
        suffix = "." + kind.split("-")[0]
        path = work / f"mutant{suffix}"
        if kind == "yaml":
            path = work / "pack" / "sla.yaml"
            path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        problem = None
        start = time.monotonic()
        try:
            if kind == "yaml":
                with time_limit(args.budget):
                    load_library(path.parent)
            else:
                out = check_one(Task(str(path), timeout=args.budget), library)
                if out.error and "gave up after" in out.error:
                    problem = f"hang: {out.error}"
        except ClausekitError:
            pass
        except BaseException:  # noqa: BLE001 - a finding, whatever it is
            problem = traceback.format_exc()
        runs += 1
        if problem:
            found += 1
            args.findings.mkdir(parents=True, exist_ok=True)
            name = args.findings / f"{kind}-{seed}-{runs}{suffix}"
            name.write_bytes(data)
            name.with_suffix(name.suffix + ".txt").write_text(
                f"{time.monotonic() - start:.1f} s\n{problem}", encoding="utf-8")
            print(f"FINDING {name}: {problem.strip().splitlines()[-1]}", flush=True)
        if runs % 500 == 0:
            print(f"{runs} mutants, {found} findings", flush=True)
    print(f"done: {runs} mutants, {found} findings (seed {seed})", flush=True)
    return found


if __name__ == "__main__":
    sys.exit(main())
