"""The bundled example drafts: their deliberate gaps are found, however the text is laid out.

The same contract hard-wrapped (as a PDF or an e-mail would), in traditional characters,
or with full-width digits must be judged exactly like the original.
"""

import textwrap
import unicodedata
from pathlib import Path

import pytest

from clausekit.check import check_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXPECTED = {
    "draft-zh.txt": {"sla.fcr": "missing", "term.termination_convenience": "missing",
                     "security.data_return": "missing", "sla.aht": "vague", "sla.complaints": "vague"},
    "draft-en.md": {"sla.fcr": "missing", "sla.review": "missing", "sla.aht": "vague",
                    "security.duration": "vague"},
}
PLACEHOLDERS = {"draft-zh.txt": [(3, "【 】"), (15, "____")], "draft-en.md": [(7, "[●]"), (305, "TBD")]}


def statuses(text, library):
    return {r.item.id: r.status for r in check_text(text, library).items}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_deliberate_gaps_and_nothing_else(library, name):
    result = check_text((EXAMPLES / name).read_text(encoding="utf-8"), library)
    assert {r.item.id: r.status for r in result.items if r.status != "present"} == EXPECTED[name]
    assert [(p.line, p.text) for p in result.placeholders] == PLACEHOLDERS[name]


def _hard_wrap(text: str, width: int) -> str:
    out = []
    for line in text.splitlines():
        if line.startswith("|") or not line.strip():
            out.append(line)
        elif any(unicodedata.east_asian_width(c) == "W" for c in line):
            out += [line[i:i + width // 2] for i in range(0, len(line), width // 2)]
        else:
            out += textwrap.wrap(line, width)
    return "\n".join(out)


def _spaced(text: str) -> str:  # what some PDF extractors do to CJK text
    return "".join(c + " " if "\u4e00" <= c <= "\u9fff" else c for c in text)


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("variant", ["wrapped", "traditional", "full-width", "spaced"])
def test_layout_and_script_do_not_change_the_judgement(library, name, variant):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    if variant == "wrapped":
        changed = _hard_wrap(text, 60)
    elif variant == "traditional":
        import opencc

        changed = opencc.OpenCC("s2t").convert(text)
    elif variant == "full-width":
        changed = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)
    else:
        changed = _spaced(text)
    assert statuses(changed, library) == statuses(text, library)
