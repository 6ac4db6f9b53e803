"""Normalizing for matching without losing the way back to the original line."""

from clausekit.models import Document
from clausekit.normalize import fold_text, normalize, normalize_line


def test_full_width_traditional_and_case_are_folded():
    assert fold_text("接通率不低於９５％") == "接通率不低于95%"
    assert fold_text("服務質量ＡＳＡ") == "服务质量asa"
    assert fold_text("Average Speed of Answer") == "average speed of answer"


def test_spaces_inside_cjk_are_removed_but_english_words_stay_apart():
    assert fold_text("接 通 率　不低于 95 %") == "接通率不低于95 %"
    assert fold_text("answer   rate of  95%") == "answer rate of 95%"


def test_columns_map_back_to_the_original_line():
    text, cols = normalize_line("  接 通 率：９５％")
    assert text == "接通率:95%"
    assert [cols[i] for i in range(len(text))] == [2, 4, 6, 7, 8, 9, 10]


def test_cjk_line_wrap_is_rejoined_and_paragraph_ends_are_kept():
    doc = Document.from_text("x", "乙方应确保呼入电话接\n通率不低于95%。\n第六条 人员配置\n乙方应配备坐席")
    mt = normalize(doc)
    assert "接通率不低于95%。\n第六条人员配置\n乙方" in mt.text
    pos = mt.text.index("通率")
    assert mt.line_of(pos) == 2
    assert mt.line_of(mt.text.index("接通")) == 1


def test_english_soft_wrap_becomes_a_space():
    long = "The Provider shall ensure that the monthly answer rate for all inbound calls offered to the"
    doc = Document.from_text("x", f"{long}\nqueue is not less than 95%.\nShort line")
    mt = normalize(doc)
    assert "offered to the queue is" in mt.text


def test_original_span_returns_original_characters():
    doc = Document.from_text("x", "第五條\n接通率不低於９５％。")
    mt = normalize(doc)
    start = mt.text.index("接通率")
    assert mt.original_span(start, start + len("接通率不低于95%")) == "接通率不低於９５％"


def test_regional_words_map_to_mainland_words_of_the_same_length():
    from clausekit.normalize import REGIONAL_WORDS

    assert all(len(k) == len(v) and k != v for k, v in REGIONAL_WORDS.items())
    folded = fold_text("甲方得終止本契約，並應完成產品訓練及個人資料保護。")
    assert folded == "甲方得终止本合同,并应完成产品培训及个人信息保护。"
    text, cols = normalize_line("客訴案件")
    assert text == "投诉案件" and cols == [0, 1, 2, 3]


def test_tabs_between_words_separate_table_cells():
    assert fold_text("接通率\t≥95%\t按月") == "接通率|≥95%|按月"
    assert fold_text("\t第一条 服务") == "第一条服务"


def test_a_number_wrapped_before_its_digits_is_not_a_list_item():
    doc = Document.from_text("x", "Complaints shall be referred to the Plan within one\n(1) business day of receipt.")
    assert "within one (1) business day" in normalize(doc).text
    doc = Document.from_text("x", "The Provider shall:\n(1) answer calls;")
    assert "\n(1) answer" in normalize(doc).text
