from extract.script import SIMPLIFIED, TRADITIONAL, detect_script, to_simplified


def test_traditional_report_text_is_detected():
    assert detect_script("包頭市2017年政府信息公開工作年度報告，依申請公開政府信息情況") == TRADITIONAL


def test_simplified_text_with_a_rare_name_stays_simplified():
    assert detect_script("乾安县人民政府2017年政府信息公开工作年度报告，依申请公开政府信息情况") == SIMPLIFIED


def test_conversion_folds_traditional_labels():
    assert to_simplified(["收到申請數", "行政復議數量"]) == ["收到申请数", "行政复议数量"]
