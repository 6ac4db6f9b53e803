import os
import tempfile

import pytest

# the suite never touches the user's pattern cache (see clausekit/pattern_cache.py)
os.environ.setdefault("CLAUSEKIT_CACHE_DIR", tempfile.mkdtemp(prefix="clausekit-test-cache-"))
from typer.testing import CliRunner

from clausekit.library import load_library


@pytest.fixture(scope="session")
def library():
    return load_library()


@pytest.fixture
def runner():
    return CliRunner()


TINY_PACK = {
    "sla.yaml": """\
area: sla
order: 2
title: {zh: 服务质量标准, en: Service levels}
items:
  - id: sla.answer_rate
    title: {zh: 接通率, en: Answer rate}
    severity: required
    value: percent
    why: {zh: 没有接通率就无法考核。, en: "Without a target nothing is measured: 100% | `code`"}
    patterns: {zh: [接通率], en: [answer rate]}
    examples:
      present: {zh: [接通率不低于95%。], en: [The answer rate shall be at least 95%.]}
      vague: {zh: [接通率应达到行业标准。], en: [The answer rate shall be reasonable.]}
      not: {zh: [电话接通后报工号。], en: [Calls shall be answered politely.]}
  - id: sla.review
    title: {zh: SLA 调整机制, en: SLA review}
    severity: recommended
    why: Targets drift.
    patterns: {zh: [定期评估], en: [sla review]}
    examples:
      present: {zh: [双方定期评估指标。], en: [An SLA review is held quarterly.]}
      not: {zh: [双方友好协商。], en: [The parties shall cooperate.]}
""",
    "term.yaml": """\
area: term
order: 6
title: {zh: 合同期限与终止, en: Term and termination}
items:
  - id: term.notice
    title: {zh: 终止通知期, en: Notice period}
    severity: required
    why: Without notice a party can walk away overnight.
    patterns: {zh: [终止通知], en: [notice of termination]}
    examples:
      present: {zh: [终止通知应提前三十日发出。], en: [Notice of termination shall be given.]}
      not: {zh: [本合同终止。], en: [This agreement ends.]}
""",
}


@pytest.fixture
def tiny_pack(tmp_path, monkeypatch):
    """A three-item built-in library (sla.answer_rate, sla.review, term.notice), independent of clauses/."""
    import clausekit.library as lib

    d = tmp_path / "_builtin"
    d.mkdir()
    for name, text in TINY_PACK.items():
        (d / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(lib, "default_library_dir", lambda: d)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return d
