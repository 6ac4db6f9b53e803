"""Every item of the built-in library carries examples, and the real checker agrees with them."""

import pytest

from clausekit.library import load_library
from clausekit.selftest import example_failures

LIBRARY = load_library()


@pytest.mark.parametrize("item", LIBRARY.items, ids=lambda it: it.id)
def test_item_examples(item):
    failures = example_failures(LIBRARY, item)
    assert not failures, "\n".join(map(str, failures))


def test_every_item_has_a_model_clause_in_both_languages():
    lacking = [it.id for it in LIBRARY.items if set(it.model) != {"zh", "en"}]
    assert not lacking
