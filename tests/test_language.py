from clausekit.language import detect_language


def test_detects_chinese_english_and_bilingual():
    zh = "乙方应确保呼入电话接通率不低于百分之九十五，甲方有权按月考核。"
    en = "The Provider shall ensure that the monthly answer rate is at least ninety five percent."
    assert detect_language(zh * 3) == "zh"
    assert detect_language(en * 3) == "en"
    assert detect_language((zh + "\n" + en + "\n") * 3) == "both"
    assert detect_language(zh * 10 + " RMB QQ") == "zh"
