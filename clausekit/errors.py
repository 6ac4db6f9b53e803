"""The one family of errors a user can cause; the CLI prints them as one line and exits 2."""

from __future__ import annotations


class ClausekitError(Exception):
    """An error caused by input or usage, reported as one line."""


class InputError(ClausekitError):
    """A contract file that cannot be read (missing, unreadable, wrong type, undecodable)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class LocatedError(ClausekitError):
    """An error in a file clausekit reads for itself; the message carries file:line."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class LibraryError(LocatedError):
    """An invalid clause definition file (clauses/*.yaml or a pack)."""


class OutputError(ClausekitError):
    """A file clausekit was asked to write cannot be written (exists without --force, unwritable)."""


class ConfigError(LocatedError):
    """An invalid configuration file (clausekit.yaml, .clausekit.yaml, [tool.clausekit])."""


class GitError(ClausekitError):
    """A git command needed by --changed-since / --baseline failed (not a repository, unknown revision)."""
