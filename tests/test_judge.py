"""Judging: a figure must stand in the item's own clause."""

from clausekit.check import check_text


def status(library, text, item_id):
    return next(r for r in check_text(text, library).items if r.item.id == item_id)


def test_figure_in_the_same_clause_makes_it_present(library):
    r = status(library, "第五条 服务质量标准\n乙方应确保接通率不低于95%。", "sla.answer_rate")
    assert r.status == "present"
    ev = r.evidence[0]
    assert (ev.line, ev.section, ev.value) == (2, "第五条 服务质量标准", "95%")
    assert ev.text == "乙方应确保接通率不低于95%。"


def test_a_figure_belonging_to_the_next_item_does_not_count(library):
    text = "接通率应达到行业标准，放弃率不高于5%。"
    assert status(library, text, "sla.answer_rate").status == "vague"
    assert status(library, text, "sla.abandon_rate").status == "present"


def test_a_later_clause_of_the_same_sentence_counts(library):
    assert status(library, "接通率，按月统计，应不低于95%。", "sla.answer_rate").status == "present"


def test_evidence_prefers_the_hit_with_a_figure(library):
    r = status(library, "（一）接通率\n乙方应确保接通率达到行业标准。\n接通率不低于95%。", "sla.answer_rate")
    assert r.status == "present"
    assert r.evidence[0].line == 3


def test_traditional_full_width_and_spaced_text_is_judged_like_plain(library):
    r = status(library, "乙方應確保接 通 率不低於９５％。", "sla.answer_rate")
    assert r.status == "present"
    assert r.evidence[0].text == "乙方應確保接 通 率不低於９５％。"


def test_absent_item_is_missing(library):
    assert status(library, "本合同一式两份。", "sla.answer_rate").status == "missing"


def test_a_table_header_takes_its_figure_from_the_column_below(library):
    table = "| 岗位 | 坐席人数 | 备注 |\n|---|---|---|\n| 话务员 | 30 | 两班 |\n| 组长 | 3 | |"
    assert status(library, table, "staffing.headcount").status == "present"
    blank = "| 岗位 | 坐席人数 | 备注 |\n|---|---|---|\n| 话务员 | 【 】 | 两班 |"
    assert status(library, blank, "staffing.headcount").status == "vague"


def test_tab_separated_rows_keep_their_figures_apart(library):
    rows = "Average Speed of Answer\tnot to exceed [*****] seconds\tMonthly\nAbandonment Rate\t5%\tMonthly"
    assert status(library, rows, "sla.asa").status == "vague"
    assert status(library, rows, "sla.abandon_rate").status == "present"
