"""The command line: parses options and wires the stages together; no checking happens here."""

from __future__ import annotations

import os
import sys
import traceback
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from clausekit import __version__
from clausekit.errors import ClausekitError

app = typer.Typer(
    name="clausekit",
    help="Check call-center outsourcing contracts against the clause checklist.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
_debug = False


class Format(str, Enum):
    table = "table"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    markdown = "markdown"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


def _err(message: str) -> None:
    print(f"clausekit: {message}", file=sys.stderr)


@contextmanager
def _errors():
    """Turn user errors into one line + exit 2, and bugs into 'internal error' + exit 3."""
    try:
        yield
    except ClausekitError as e:
        _err(f"error: {e}")
        raise typer.Exit(EXIT_ERROR) from None
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except Exception as e:
        _report_bug(e, _debug)
        raise typer.Exit(EXIT_INTERNAL) from None


def _report_bug(e: Exception, debug: bool) -> None:
    """Say plainly that clausekit failed, not the input; the traceback only with --debug."""
    if debug:
        traceback.print_exc()
    _err(f"internal error: {type(e).__name__}: {e} (please report it at the clausekit issue tracker;"
         " rerun with --debug for the traceback)")


def _console(stderr: bool = False, file=None):
    """Return a rich Console for stdout/stderr (full width on a terminal), or plain for `file`."""
    from rich.console import Console

    stream = file or (sys.stderr if stderr else sys.stdout)
    width = None if file is None and stream.isatty() else int(os.environ.get("COLUMNS", 120))
    return Console(file=stream, width=width, highlight=False, soft_wrap=False, no_color=file is not None)


def _version(value: bool) -> None:
    if value:
        print(f"clausekit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
    version: Annotated[bool | None, typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
) -> None:
    global _debug
    _debug = debug


def _library(config=None):
    from clausekit.library import load_library

    if config is None or not config.packs:
        return load_library()
    from clausekit.library import default_library_dir

    return load_library(default_library_dir(), *config.packs)


def _setup(config_file: Path | None):
    """Return (config, library): the config validated against the library its packs make."""
    from clausekit.config import load_config

    config = load_config(config_file)
    library = _library(config)
    config.validate_ids(library)
    return config, library


def _today():
    import datetime as dt

    forced = os.environ.get("CLAUSEKIT_TODAY")  # reproducible runs (and tests) of waiver expiry
    if forced:
        try:
            return dt.date.fromisoformat(forced)
        except ValueError:
            raise ClausekitError(f"CLAUSEKIT_TODAY={forced!r} is not a date YYYY-MM-DD") from None
    return dt.date.today()


def _table_text(results) -> str:
    import io

    from clausekit.report.table import render

    buf = io.StringIO()
    render(_console(file=buf), results)
    return buf.getvalue()


def _progress(total: int):
    """Return (advance, stop) for a progress bar on stderr, or no-ops without a terminal / few files."""
    if total <= 5 or not sys.stderr.isatty():
        return None, lambda: None
    from rich.progress import Progress

    bar = Progress(console=_console(stderr=True), transient=True)
    task = bar.add_task("checking", total=total)
    bar.start()
    return (lambda: bar.advance(task)), bar.stop


ConfigOpt = Annotated[Path | None, typer.Option("--config", "-c", help="Config file (default: search upward "
                                                   "for clausekit.yaml, .clausekit.yaml, pyproject.toml).")]


@app.command()
def check(
    paths: Annotated[list[str] | None, typer.Argument(help="Contract files or directories ('-' reads stdin).")]
    = None,
    format: Annotated[Format | None, typer.Option("--format", "-f", help="Output format (default: table; "
                                                     "github when GITHUB_ACTIONS=true).")] = None,
    encoding: Annotated[str | None, typer.Option(help="Text encoding of .txt/.md input (default: detect).")] = None,
    config_file: ConfigOpt = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the format's output to FILE "
                                                   "(new, or replaced with --force); the terminal gets the "
                                                   "table.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the --output FILE if it exists.")] = False,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 on: error (required item missing or vague, "
                                            "placeholder, regression), warning (also recommended items), "
                                            "never.")] = FailOn.error,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Files checked in parallel "
                                                "(default: CPU count).")] = None,
    changed_since: Annotated[str | None, typer.Option("--changed-since", metavar="REV",
                                                         help="Only files changed since git revision REV.")] = None,
    baseline: Annotated[str | None, typer.Option("--baseline", metavar="REV", help="Also report items present "
                                                    "at git revision REV and not now (regressions).")] = None,
    timeout: Annotated[float | None, typer.Option("--timeout", metavar="SECONDS", min=0, help="Give up on a file "
                                                  "that takes longer: an error, the others are still checked "
                                                  "(default: 300; 0: no limit).")] = None,
    max_size: Annotated[float | None, typer.Option("--max-size", metavar="MB", min=0.001, help="Refuse files "
                                                   "larger than this before reading them (default: 100).")]
    = None,
) -> None:
    """Report which checklist items each contract has (present / vague / missing) and leftover placeholders.

    Exit 0: nothing fails under --fail-on; 1: findings; 2: bad input, config or usage.
    """
    from clausekit.policy import apply_config
    from clausekit.runner import Task, collect_files, run_checks

    with _errors():
        if not paths and not changed_since:
            raise ClausekitError("no files given (name files or directories, or use --changed-since REV)")
        config, library = _setup(config_file)
        if output is not None:
            from clausekit.writing import check_writable

            check_writable(output, force)
        if baseline:
            from clausekit.gitutil import verify_revision

            verify_revision(baseline)
        files = collect_files(paths or [], config.selects, changed_since)
        advance, stop = _progress(len(files))
        try:
            limits = {} if timeout is None else {"timeout": timeout or None}
            if max_size is not None:
                limits["max_bytes"] = int(max_size * 1024 * 1024)
            outcomes = run_checks([Task(f, encoding, baseline, **limits) for f in files], library, jobs, advance)
        finally:
            stop()
        today, results, failed = _today(), [], False
        for o in outcomes:
            if o.error:
                _err(f"error: {o.error}")
                failed = True
            else:
                results.append(apply_config(o.result, o.before, config, library, today, baseline))
        name = format.value if format else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "table")
        if output is not None:
            from clausekit.report import formatter
            from clausekit.writing import write_file

            if any(Path(f).absolute() == output.absolute() for f in files):
                raise ClausekitError(f"{output}: is one of the files being checked; choose another --output")
            write_file(output, _table_text(results) if name == "table" else formatter(name)(results), force=force)
            name = "table"
        if name == "table":
            from clausekit.report.table import render

            render(_console(), results)
        else:
            from clausekit.report import formatter

            sys.stdout.write(formatter(name)(results))
        if failed:
            raise typer.Exit(EXIT_ERROR)
        failing = any(r.failing for r in results)
        if fail_on is FailOn.warning:
            failing = failing or any(r.warning for r in results)
        raise typer.Exit(EXIT_FINDINGS if failing and fail_on is not FailOn.never else EXIT_OK)


@app.command("config")
def show_config(
    path: Annotated[str | None, typer.Argument(help="A contract file: show what applies to it.")] = None,
    config_file: ConfigOpt = None,
) -> None:
    """Print the effective configuration (for FILE: each item's severity and where it was set, and its waivers)."""
    from clausekit.config import effective_report

    with _errors():
        config, library = _setup(config_file)
        sys.stdout.write(effective_report(config, library, path, _today()))


@app.command()
def validate(
    pack_dir: Annotated[Path | None, typer.Argument(help="A clause pack directory (default: the built-in "
                                                       "library).")] = None,
) -> None:
    """Check a clause pack against the schema; every problem as file:line. Exit 1 when there is any."""
    from clausekit.authoring import validate_pack

    with _errors():
        problems, summary = validate_pack(pack_dir)
        for p in problems:
            print(p)
        print(summary, file=sys.stderr if problems else sys.stdout)
        raise typer.Exit(EXIT_FINDINGS if problems else EXIT_OK)


@app.command("test")
def test_pack(
    pack_dir: Annotated[Path | None, typer.Argument(help="A clause pack directory (default: the built-in "
                                                       "library).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List passing items too.")] = False,
) -> None:
    """Run every item's examples (present / vague / near-miss) through the checker. Exit 1 on a failure."""
    from clausekit.authoring import run_examples

    with _errors():
        lines, ok = run_examples(pack_dir, verbose)
        sys.stdout.write("".join(line + "\n" for line in lines))
        raise typer.Exit(EXIT_OK if ok else EXIT_FINDINGS)


@app.command()
def schema() -> None:
    """Print the JSON Schema of clause YAML files (for editor completion and validation)."""
    from clausekit.authoring import clause_schema_text

    with _errors():
        sys.stdout.write(clause_schema_text())


@app.command("list")
def list_items(
    area: Annotated[str | None, typer.Option(help="Only this area (scope, sla, staffing, ...).")] = None,
    lang: Annotated[Lang, typer.Option(help="Language of the titles.")] = Lang.en,
    config_file: ConfigOpt = None,
) -> None:
    """Print the checklist: id, title, severity and the figure each item needs (with the config's packs)."""
    from rich.table import Table

    with _errors():
        library = _setup(config_file)[1]
        areas = [a for a in library.areas if area in (None, a.id)]
        if not areas:
            raise ClausekitError(f"unknown area '{area}' (one of {', '.join(a.id for a in library.areas)})")
        table = Table(box=None, header_style="bold")
        for column in ("id", "title", "severity", "value"):
            table.add_column(column)
        for a in areas:
            for it in a.items:
                table.add_row(it.id, it.title[lang.value], it.severity, " or ".join(it.value) or "-")
        _console().print(table)


@app.command()
def scaffold(
    lang: Annotated[Lang, typer.Option(help="Language of the skeleton.")] = Lang.zh,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
    sample: Annotated[bool, typer.Option("--sample", help="Fill the blanks with sample figures.")] = False,
    templates: Annotated[Path | None, typer.Option("--templates", metavar="DIR", help="Render DIR/contract.LANG.md.j2"
                                                    " instead of the built-in template (in Jinja's sandbox).")]
    = None,
) -> None:
    """Render a skeleton contract (Markdown) with a model clause for every checklist item."""
    from clausekit.scaffold import render
    from clausekit.writing import write_file

    with _errors():
        text = render(_library(), lang.value, sample=sample, template_dir=templates)
        if output is None:
            sys.stdout.write(text)
        else:
            write_file(output, text, force=force)
            _err(f"wrote {output}")


def main() -> None:
    """Entry point: run the app, printing usage errors as one line (exit 2)."""
    try:
        code = app(args=sys.argv[1:], prog_name="clausekit", standalone_mode=False)
    except (typer.Abort, KeyboardInterrupt):
        _err("interrupted")
        code = 130
    except ClausekitError as e:
        _err(f"error: {e}")
        code = EXIT_ERROR
    except Exception as e:
        if not hasattr(e, "format_message"):  # not a usage error: a bug
            _report_bug(e, "--debug" in sys.argv)
            sys.exit(EXIT_INTERNAL)
        hint = f"; see 'clausekit {sys.argv[1]} --help'" if len(sys.argv) > 1 and sys.argv[1].isalpha() else ""
        _err(f"error: {e.format_message()}{hint}")
        code = getattr(e, "exit_code", EXIT_ERROR) or EXIT_ERROR
    sys.exit(code if isinstance(code, int) else 0)
