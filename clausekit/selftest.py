"""Run every item's own examples through the real checker (used by pytest and `clausekit test`)."""

from __future__ import annotations

from dataclasses import dataclass

from clausekit.check import check_text
from clausekit.models import Item, Library
from clausekit.scaffold import fill_blanks


@dataclass(frozen=True)
class ExampleFailure:
    item_id: str
    kind: str  # present | vague | not | model | coverage
    lang: str
    text: str
    got: str

    def __str__(self) -> str:
        return f"{self.item_id}: {self.kind} example ({self.lang}) judged {self.got}: {self.text!r}"


def _status(library: Library, item: Item, text: str) -> str:
    single = Library((library.areas[0].__class__(item.area, {"zh": "", "en": ""}, (item,)),))
    return check_text(text, single).items[0].status


def example_failures(library: Library, item: Item) -> list[ExampleFailure]:
    """Return what is wrong with one item's examples: a judgement that differs, or examples lacking."""
    out = []
    ex = item.examples
    for kind, cases, want in (("present", ex.present, "present"), ("vague", ex.vague, "vague"),
                              ("not", ex.not_, "missing")):
        for lang, text in cases:
            got = _status(library, item, text)
            if got != want:
                out.append(ExampleFailure(item.id, kind, lang, text, got))
    for lang in ("zh", "en"):
        if not any(lg == lang for lg, _ in ex.present):
            out.append(ExampleFailure(item.id, "coverage", lang, "", "no present example"))
        if not any(lg == lang for lg, _ in ex.not_):
            out.append(ExampleFailure(item.id, "coverage", lang, "", "no near-miss ('not') example"))
        if item.value and not any(lg == lang for lg, _ in ex.vague):
            out.append(ExampleFailure(item.id, "coverage", lang, "", "no vague example"))
    for lang, text in item.model.items():
        got = _status(library, item, fill_blanks(text, sample=True))
        if got != "present":
            out.append(ExampleFailure(item.id, "model", lang, fill_blanks(text, True), got))
        blank = _status(library, item, fill_blanks(text, sample=False))
        if blank == "missing" or (item.value and blank != "vague"):
            out.append(ExampleFailure(item.id, "model (blank)", lang, fill_blanks(text, False), blank))
    return out
