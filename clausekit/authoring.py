"""Rule authoring: `clausekit validate`, `clausekit test` and `clausekit schema` for clause packs."""

from __future__ import annotations

from pathlib import Path

from clausekit.errors import ClausekitError, LibraryError

SCHEMA_FILE = Path(__file__).resolve().parent / "schema" / "clause.schema.json"


def _pack(pack_dir: Path | None) -> Path:
    from clausekit.library import default_library_dir

    d = Path(pack_dir) if pack_dir is not None else default_library_dir()
    if not d.is_dir():
        raise LibraryError(str(d), None, "clause pack directory not found")
    return d


def validate_pack(pack_dir: Path | None) -> tuple[list[str], str]:
    """Return (problems as 'file:line: reason', a summary line) for every clause file of a pack."""
    from clausekit.library import load_area_file

    d = _pack(pack_dir)
    files = sorted(d.glob("*.y*ml"))
    problems, seen, n_items = [], {}, 0
    for path in files:
        try:
            _, area = load_area_file(path)
        except LibraryError as e:
            problems.append(str(e))
            continue
        for it in area.items:
            n_items += 1
            if it.id in seen:
                problems.append(f"{it.source}: duplicate item id '{it.id}' (also at {seen[it.id]})")
            seen.setdefault(it.id, it.source)
    if not files:
        problems.append(f"{d}: no clause files (*.yaml)")
    summary = (f"{len(problems)} problem(s) in {d}" if problems
               else f"ok: {n_items} items in {len(files)} file(s) in {d}")
    return problems, summary


def run_examples(pack_dir: Path | None, verbose: bool = False) -> tuple[list[str], bool]:
    """Return (report lines, all passed) after running each item's examples through the checker."""
    from clausekit.library import load_library
    from clausekit.selftest import example_failures

    library = load_library(_pack(pack_dir))
    lines, failed = [], 0
    for item in library.items:
        failures = example_failures(library, item)
        if failures:
            failed += 1
            lines.append(f"FAIL {item.id}  ({item.source})")
            lines += [f"    {f}" for f in failures]
        elif verbose:
            lines.append(f"ok   {item.id}")
    passed = len(library.items) - failed
    lines.append(f"{passed} passed, {failed} failed")
    return lines, failed == 0


def clause_schema_text() -> str:
    """Return the JSON Schema of a clause file, as shipped in the package."""
    try:
        return SCHEMA_FILE.read_text(encoding="utf-8")
    except OSError as e:
        raise ClausekitError(f"{SCHEMA_FILE}: cannot read the schema ({e.strerror})") from None
