"""Render a skeleton contract from the clause library with the Jinja templates in `templates/`.

Each item's model clause marks its blanks as `【sample】`: the skeleton shows `【 】`,
and `sample=True` fills in the sample instead (a complete example contract).

Custom templates (`scaffold --templates DIR`) may come from a pull request, so every
template renders in Jinja's sandbox (no `__class__`, `__globals__`, ... from inside a
template), may include or extend only regular files inside DIR (no `..`, no symlink out,
no FIFO), cannot build huge strings with `*` / `**`, and has `RENDER_SECONDS` to finish.
"""

from __future__ import annotations

import re
from pathlib import Path

from clausekit.errors import ClausekitError
from clausekit.models import Library

BLANK = re.compile(r"【([^】]*)】")
RENDER_SECONDS = 30.0
MAX_PRODUCT = 1_000_000  # the largest string, list or number a template may make with * or **
_CN_DIGITS = "零一二三四五六七八九"


def default_template_dir() -> Path:
    """Return the built-in `templates/` folder: inside the installed package, else the source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data" / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise ClausekitError(f"{here / '_data' / 'templates'}: built-in templates not found")


def zh_number(n: int) -> str:
    """Return `n` (1–99) in Chinese numerals: 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return head + (_CN_DIGITS[ones] if ones else "") if n else "零"


def fill_blanks(text: str, sample: bool) -> str:
    """Return a model clause with its `【…】` blanks emptied, or filled with their samples."""
    return BLANK.sub(lambda m: m.group(1) if sample else "【 】", text)


def render(library: Library, lang: str, sample: bool = False, template_dir: Path | None = None) -> str:
    """Return the Markdown skeleton contract in `lang` ('zh' or 'en')."""
    from jinja2 import StrictUndefined, TemplateError, TemplateNotFound

    from clausekit.limits import TimeBudgetExceeded, time_limit

    folder = Path(template_dir) if template_dir is not None else default_template_dir()
    if not folder.is_dir():
        raise ClausekitError(f"{folder}: templates directory not found")
    name = f"contract.{lang}.md.j2"
    env = _sandbox()(
        loader=_confined_loader(folder),
        undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["zh_number"] = zh_number
    env.filters["blanks"] = lambda text: fill_blanks(text, sample)
    try:
        with time_limit(RENDER_SECONDS):
            template = env.get_template(name)
            return template.render(library=library, areas=library.areas, lang=lang, sample=sample)
    except TemplateNotFound as e:
        raise ClausekitError(f"{folder}: no template '{e.name}' (a regular file inside this directory)") from None
    except TemplateError as e:
        where = f":{e.lineno}" if getattr(e, "lineno", None) else ""
        raise ClausekitError(f"{folder / name}{where}: {' '.join(str(e).split())}") from None
    except TimeBudgetExceeded:
        raise ClausekitError(f"{folder / name}: gave up after {RENDER_SECONDS:g} s of rendering") from None
    except (RecursionError, MemoryError) as e:
        raise ClausekitError(f"{folder / name}: {type(e).__name__} while rendering") from None


def _sandbox():
    """Return Jinja's SandboxedEnvironment, refusing `*` and `**` results beyond MAX_PRODUCT."""
    from jinja2.sandbox import SandboxedEnvironment, SecurityError

    class Sandbox(SandboxedEnvironment):
        intercepted_binops = frozenset(["*", "**"])

        def call_binop(self, context, operator, left, right):
            if operator == "**" and isinstance(right, int) and abs(right) > 64:
                raise SecurityError(f"exponent {right} is too large for a template")
            if operator == "*":
                sizes = [len(x) if isinstance(x, str | list | tuple) else 1 for x in (left, right)]
                counts = [x for x in (left, right) if isinstance(x, int) and not isinstance(x, bool)]
                if counts and max(sizes) * max(abs(c) for c in counts) > MAX_PRODUCT:
                    raise SecurityError("a template may not repeat text that many times")
            return super().call_binop(context, operator, left, right)

    return Sandbox


def _confined_loader(folder: Path):
    """Return a loader of the regular files inside `folder` only (symlinks resolved)."""
    from jinja2 import FileSystemLoader, TemplateNotFound
    from jinja2.loaders import split_template_path

    root = folder.resolve()

    class ConfinedLoader(FileSystemLoader):
        def get_source(self, environment, template):
            target = root.joinpath(*split_template_path(template)).resolve()  # refuses '..' segments
            if not target.is_relative_to(root) or not target.is_file():
                raise TemplateNotFound(template)
            return super().get_source(environment, template)

    return ConfinedLoader(str(root))
