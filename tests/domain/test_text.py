"""The shared accent fold."""

import unicodedata

from pipeline.domain.text import fold, strip_accents


def test_strip_accents_removes_every_vietnamese_diacritic_and_keeps_case():
    assert strip_accents("Đường Trần Hưng Đạo cháy") == "Duong Tran Hung Dao chay"
    assert strip_accents("ắằẳẵặ ỨỪỬỮỰ ơư") == "aaaaa UUUUU ou"


def test_fold_lowers_collapses_whitespace_and_accepts_decomposed_text():
    assert fold("  Đánh   RƠI\tví ") == "danh roi vi"
    assert fold(unicodedata.normalize("NFD", "Nhặt được ví")) == "nhat duoc vi"
