"""The command line: parses options and wires the stages together; no checking happens here."""

from __future__ import annotations

import os
import sys
import traceback
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from clausekit import __version__
from clausekit.errors import ClausekitError, InputError, OutputError

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
    except Exception as e:  # a bug: say so plainly, traceback only with --debug
        if _debug:
            traceback.print_exc()
        _err(f"internal error: {type(e).__name__}: {e} (please report it at the clausekit issue tracker;"
             " rerun with --debug for the traceback)")
        raise typer.Exit(EXIT_INTERNAL) from None


def _console(stderr: bool = False):
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else int(os.environ.get("COLUMNS", 120))
    return Console(file=stream, width=width, highlight=False, soft_wrap=False)


def _version(value: bool) -> None:
    if value:
        print(f"clausekit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
) -> None:
    global _debug
    _debug = debug


def _library():
    from clausekit.library import load_library

    return load_library()


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Contract files or directories ('-' reads stdin).")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    encoding: Annotated[Optional[str], typer.Option(help="Text encoding of .txt/.md input (default: detect).")] = None,
) -> None:
    """Report which checklist items each contract has (present / vague / missing) and leftover placeholders.

    Exit 0: nothing required is missing or vague and no placeholder is left; 1: findings; 2: bad input.
    """
    from clausekit.check import check_path
    from clausekit.readers import expand_paths

    with _errors():
        library = _library()
        results, failed = [], False
        for path in expand_paths(paths):
            try:
                results.append(check_path(path, library, encoding))
            except InputError as e:
                _err(f"error: {e}")
                failed = True
        if format is Format.table:
            from clausekit.report.table import render

            render(_console(), results)
        else:
            from clausekit.report import formatter

            sys.stdout.write(formatter(format.value)(results))
        if failed:
            raise typer.Exit(EXIT_ERROR)
        raise typer.Exit(EXIT_FINDINGS if any(r.failing for r in results) else EXIT_OK)


@app.command("list")
def list_items(
    area: Annotated[Optional[str], typer.Option(help="Only this area (scope, sla, staffing, ...).")] = None,
    lang: Annotated[Lang, typer.Option(help="Language of the titles.")] = Lang.en,
) -> None:
    """Print the checklist: id, title, severity and the figure each item needs."""
    from rich.table import Table

    with _errors():
        library = _library()
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
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE instead of stdout.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
    sample: Annotated[bool, typer.Option("--sample", help="Fill the blanks with sample figures.")] = False,
) -> None:
    """Render a skeleton contract (Markdown) with a model clause for every checklist item."""
    from clausekit.scaffold import render
    from clausekit.writing import write_file

    with _errors():
        text = render(_library(), lang.value, sample=sample)
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
            if "--debug" in sys.argv:
                traceback.print_exc()
            _err(f"internal error: {type(e).__name__}: {e} (please report it at the clausekit issue tracker;"
                 " rerun with --debug for the traceback)")
            sys.exit(EXIT_INTERNAL)
        hint = f"; see 'clausekit {sys.argv[1]} --help'" if len(sys.argv) > 1 and sys.argv[1].isalpha() else ""
        _err(f"error: {e.format_message()}{hint}")
        code = getattr(e, "exit_code", EXIT_ERROR) or EXIT_ERROR
    sys.exit(code if isinstance(code, int) else 0)
