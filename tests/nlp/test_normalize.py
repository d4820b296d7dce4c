from pipeline.nlp.normalize import has_diacritics, normalize, strip_accents, views


def test_teencode_is_expanded():
    assert normalize("mn ơi e ko bít lm j") == "mọi người ơi em không biết làm gì"
    assert normalize("dc r nha") == "được rồi nha"


def test_repeated_letters_are_squashed_but_real_words_kept():
    assert normalize("Cứuuuu vớiii") == "cứu với"
    assert normalize("nhaa") == "nha"
    assert normalize("cái xoong") == "cái xoong"
    assert normalize("100 người") == "100 người"


def test_placeholders_for_url_phone_money_emoji_handle():
    out = normalize("Vay 50tr lãi 0% tại https://vay.vn/x hoặc vaynhanh24h.xyz, gọi 0912.345.678, tele @abc 💰💰")
    assert "zzurl" in out and "zzphone" in out and "zzmoney" in out and "zzemoji" in out and "zzhandle" in out
    assert "0912" not in out and "https" not in out
    assert normalize("+84 912 345 678") == "zzphone"


def test_old_style_tone_marks_are_moved():
    assert normalize("Hoà thuỷ") == normalize("Hòa thủy") == "hòa thủy"
    assert normalize("hoàng") == "hoàng"


def test_accent_stripping_and_views():
    assert strip_accents("Đường Trần Hưng Đạo cháy") == "Duong Tran Hung Dao chay"
    norm, plain = views("Nhà em bị TRỘM")
    assert norm == "nhà em bị trộm" and plain == "nha em bi trom"
    assert views("nha em bi trom")[1] == plain


def test_diacritics_detection():
    assert has_diacritics("Nhà em vừa bị mất xe")
    assert not has_diacritics("nha em vua bi mat xe")
    assert not has_diacritics("👍👍")


def test_uu_of_cuu_survives_without_diacritics():
    assert normalize("cuu voi") == "cuu voi"
    assert normalize("CUUUU") == "cuu"
    assert normalize("thuuu") == "thu"
