"""Check many files: in parallel worker processes (`--jobs`), results in the order given.

A file that cannot be read becomes an Outcome with `error`, so the others are still checked.
`check_one` is the unit of work and where the limits apply: a file above `max_bytes` is
refused before it is read, and a file that takes longer than `timeout` seconds (a
pathological document, or a clause pattern that backtracks on it) is abandoned with an
error.  The timer runs in the process doing the work (see `clausekit.limits`).

Processes, not threads: matching is pure-Python regex work that holds the GIL, so
threads cannot run it side by side.  Measured on the 2-core development machine while
other jobs kept it loaded (load average ~5), 12 files took 7.4 s serially, 7.9 s on 2
processes and 7.7 s on 2 threads: no gain there either way; re-measure on an idle machine
before tuning PARALLEL_MIN_FILES or the default of one job per CPU.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from clausekit.errors import InputError
from clausekit.limits import TimeBudgetExceeded, time_limit
from clausekit.models import FileResult, ItemResult, Library
from clausekit.readers import MAX_FILE_BYTES

PARALLEL_MIN_FILES = 2  # below this a pool costs more than it saves
DEFAULT_TIMEOUT = 300.0  # seconds per file: generous (a 300-page PDF takes seconds), yet CI is not stuck for hours


@dataclass(frozen=True)
class Task:
    """One file to check; `baseline` also checks its content at that git revision."""

    path: str
    encoding: str | None = None
    baseline: str | None = None
    timeout: float | None = DEFAULT_TIMEOUT  # seconds for this file (and its baseline); None: no limit
    max_bytes: int = MAX_FILE_BYTES


@dataclass(frozen=True)
class Outcome:
    path: str
    result: FileResult | None = None
    before: FileResult | None = None  # the file at the baseline revision (None: not asked, or absent)
    error: str | None = None


def check_one(task: Task, library: Library) -> Outcome:
    """Return the Outcome of one file: its result (and baseline result), or the input error."""
    from clausekit.check import check_path

    try:
        with time_limit(task.timeout):
            result = check_path(task.path, library, task.encoding, task.max_bytes)
            before = None
            if task.baseline and task.path != "-":
                from clausekit.gitutil import checkout_file

                with checkout_file(task.baseline, task.path) as old:
                    if old is not None:
                        before = check_path(old, library, task.encoding, task.max_bytes)
        return Outcome(task.path, result, before)
    except InputError as e:
        return Outcome(task.path, error=str(e))
    except TimeBudgetExceeded:
        name = "<stdin>" if task.path == "-" else task.path
        return Outcome(task.path, error=f"{name}: gave up after {task.timeout:g} s (--timeout); a pathological"
                                        " file, or a clause pattern that backtracks on it")


def default_jobs() -> int:
    return os.cpu_count() or 1


def run_checks(tasks: Sequence[Task], library: Library, jobs: int | None = None,
               advance: Callable[[], None] | None = None) -> list[Outcome]:
    """Return one Outcome per task, in task order, checking on up to `jobs` processes.

    `advance` is called once per finished file (for a progress bar).  Stdin ('-') is
    always read here, in this process.  GitError and other ClausekitErrors propagate.
    """
    jobs = jobs or default_jobs()
    outcomes: list[Outcome | None] = [None] * len(tasks)
    pooled = [i for i, t in enumerate(tasks) if t.path != "-"]
    if jobs > 1 and len(pooled) >= PARALLEL_MIN_FILES:
        _run_pool(tasks, pooled, library, min(jobs, len(pooled)), outcomes, advance)
    for i, task in enumerate(tasks):
        if outcomes[i] is None:
            outcomes[i] = check_one(task, library)
            if advance:
                advance()
    return outcomes  # type: ignore[return-value]


# ---- worker processes ------------------------------------------------------------------------------
# A worker gets the library once (pool initializer) and sends back results with item IDs instead of
# Item objects: compiled patterns are costly to pickle, and the parent rebinds IDs to its own Items.

_worker_library: Library | None = None


def _init_worker(library: Library) -> None:
    global _worker_library
    _worker_library = library


def _light(result: FileResult | None):
    if result is None:
        return None
    items = tuple((r.item.id, r.status, r.evidence) for r in result.items)
    return result.path, result.language, items, result.placeholders


def _rebind(light, by_id: dict) -> FileResult | None:
    if light is None:
        return None
    path, language, items, placeholders = light
    return FileResult(path, language, tuple(ItemResult(by_id[i], s, ev) for i, s, ev in items), placeholders)


def _work(task: Task):
    out = check_one(task, _worker_library)  # type: ignore[arg-type]
    return out.path, _light(out.result), _light(out.before), out.error


def _run_pool(tasks, indexes, library, jobs, outcomes, advance) -> None:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    by_id = {it.id: it for it in library.items}
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(library,)) as pool:
        futures = {pool.submit(_work, tasks[i]): i for i in indexes}
        for fut in as_completed(futures):
            path, result, before, error = fut.result()  # the per-file timeout runs inside the worker
            outcomes[futures[fut]] = Outcome(path, _rebind(result, by_id), _rebind(before, by_id), error)
            if advance:
                advance()


def collect_files(paths: Sequence[str], selects: Callable[[str], bool], changed_since: str | None = None) -> list[str]:
    """Return the files to check: `paths` expanded (directories walked), narrowed to those changed
    since a git revision when asked, then to those the config's include/exclude select."""
    from clausekit.readers import CONTRACT_LIKE, expand_paths, supported_suffixes

    if changed_since:
        from pathlib import Path

        from clausekit.gitutil import changed_files

        suffixes = supported_suffixes() | CONTRACT_LIKE
        roots = [Path(p).absolute() for p in paths if p != "-"] or [Path.cwd()]
        changed = [c for c in changed_files(changed_since) if Path(c).suffix.lower() in suffixes]
        files = [c for c in changed
                 if any(Path(c).absolute() == r or Path(c).absolute().is_relative_to(r) for r in roots)]
    else:
        files = list(expand_paths(paths))
    return [f for f in files if selects(f)]
