"""The git questions `--changed-since` and `--baseline` ask: which files changed, and a file's content at a revision."""

from __future__ import annotations

import os
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

from clausekit.errors import GitError


def _git(args: list[str], cwd: str | Path, check: bool = True) -> subprocess.CompletedProcess:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed (needed for --changed-since / --baseline)") from None
    if check and proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {' '.join(args[:2])}: {msg[-1] if msg else 'failed'}")
    return proc


def verify_revision(rev: str, cwd: str | Path = ".") -> None:
    """Raise GitError unless `rev` names a commit of the repository at `cwd`."""
    if rev.startswith("-"):
        raise GitError(f"not a revision: {rev!r}")
    if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd, check=False).returncode != 0:
        top = _git(["rev-parse", "--show-toplevel"], cwd, check=False)
        if top.returncode != 0:
            raise GitError(f"{Path(cwd).absolute()}: not inside a git repository")
        raise GitError(f"unknown revision '{rev}'")


def changed_files(rev: str, cwd: str | Path = ".") -> list[str]:
    """Return the files changed since `rev` (committed, staged, unstaged or untracked), still existing.

    Paths are relative to `cwd` when below it, sorted.
    """
    verify_revision(rev, cwd)
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).stdout.decode().strip())
    diff = _git(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=ACMRT", rev, "--"], top).stdout
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top).stdout
    names = {n for n in (diff + untracked).decode("utf-8", "surrogateescape").split("\0") if n}
    base = Path(cwd).absolute()
    out = []
    for name in names:
        p = top / name
        if not p.is_file():
            continue
        try:
            out.append(os.path.relpath(p, base) if p.is_relative_to(base) else str(p))
        except ValueError:
            out.append(str(p))
    return sorted(out)


def file_at(rev: str, path: str) -> bytes | None:
    """Return the bytes of `path` at revision `rev`, or None when the file did not exist there."""
    p = Path(path).absolute()
    proc = _git(["show", f"{rev}:./{p.name}"], p.parent, check=False)
    if proc.returncode == 0:
        return proc.stdout
    err = proc.stderr.decode("utf-8", "replace")
    if "does not exist" in err or "exists on disk, but not in" in err:
        return None
    verify_revision(rev, p.parent)  # raises the clearer error for a bad revision / no repository
    raise GitError(f"git show {rev}:{path}: {err.strip().splitlines()[-1] if err.strip() else 'failed'}")


@contextmanager
def checkout_file(rev: str, path: str):
    """Yield a temporary file holding `path` as it was at `rev` (same suffix, so readers pick the
    same format), or None when it did not exist there; the file is removed afterwards."""
    data = file_at(rev, path)
    if data is None:
        yield None
        return
    fd, tmp = tempfile.mkstemp(prefix="clausekit-baseline-", suffix=Path(path).suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        yield tmp
    finally:
        os.unlink(tmp)
