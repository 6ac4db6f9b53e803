"""Render a skeleton contract from the clause library with the Jinja templates in `templates/`.

Each item's model clause marks its blanks as `【sample】`: the skeleton shows `【 】`,
and `sample=True` fills in the sample instead (a complete example contract).
"""

from __future__ import annotations

import re
from pathlib import Path

from clausekit.errors import ClausekitError
from clausekit.models import Library

BLANK = re.compile(r"【([^】]*)】")
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
    from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(template_dir or default_template_dir())),
        undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["zh_number"] = zh_number
    env.filters["blanks"] = lambda text: fill_blanks(text, sample)
    try:
        template = env.get_template(f"contract.{lang}.md.j2")
        return template.render(library=library, areas=library.areas, lang=lang, sample=sample)
    except TemplateError as e:
        raise ClausekitError(f"template contract.{lang}.md.j2: {e}") from None
