#!/usr/bin/env python3
"""Benchmark the CLI's start-up and check time, and list heavy modules a plain .txt check imports.

usage: python scripts/bench.py [--runs N] [FILE]   (default FILE: examples/draft-zh.txt)
Run it before and after a change that touches imports; it is not a test.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HEAVY = ("jinja2", "docx", "pypdf", "lxml", "charset_normalizer", "reportlab")


def timed(cmd: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=str(Path(__file__).resolve().parents[1] / "examples" / "draft-zh.txt"))
    ap.add_argument("--runs", type=int, default=10)
    a = ap.parse_args()
    exe = shutil.which("clausekit") or sys.exit("clausekit is not on PATH: pip install . first")
    print(f"clausekit --version          {timed([exe, '--version'], a.runs) * 1000:7.0f} ms (median of {a.runs})")
    check_ms = timed([exe, "check", "-f", "json", a.file], a.runs) * 1000
    print(f"clausekit check {Path(a.file).name:<12} {check_ms:7.0f} ms")
    probe = (f"import sys, clausekit.cli as c; sys.argv=['clausekit','check','-f','json',{a.file!r}]\n"
             "try:\n c.main()\nexcept SystemExit: pass\n"
             f"print([m for m in {HEAVY!r} if m in sys.modules], file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stderr.strip()
    print(f"heavy modules imported by a text check: {out.splitlines()[-1] if out else '?'}")


if __name__ == "__main__":
    main()
