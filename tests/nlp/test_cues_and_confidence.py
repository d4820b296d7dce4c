"""Urgent needs an explicit emergency cue; confidence and needs_review come from the artifact's threshold."""

from __future__ import annotations

import copy

import pytest

from pipeline.domain.classification import Category, Classification
from pipeline.nlp.cues import compile_cues
from pipeline.nlp.model import ModelClassifier
from pipeline.nlp.normalize import normalize

URGENT = [
    "Đang có 2 nhóm cầm dao chém nhau trước quán nhậu đầu hẻm 21, công an tới gấp!",
    "cháy nhà ở tổ 5 rồi mn ơiii, lửa to lắm, gọi 114 giùm e vs",
    "co nguoi bi duoi nuoc o bo song gan cau, dang chim, cuu voi",
]


@pytest.mark.parametrize("text,cue", [
    ("cứuuuu với", "cứu"), ("CUUUU", "cuu"), ("cháy nhà rồi", "cháy"), ("chay nha roi", "chay"),
    ("con e 6 tuoi k thay ve", "không thay ve"),  # teencode expansion mixes accented and bare letters
    ("có thằng cầm DAO", "cầm dao"), ("em bé đi lạc ở chợ", "đi lạc"),
])
def test_cues_match_with_or_without_accents(text, cue):
    assert compile_cues().find(normalize(text)) == cue


@pytest.mark.parametrize("text", ["chạy bộ buổi sáng vui ghê", "gặp nhau ở quán cà phê nhé", "bữa nay trời đẹp",
                                  "con mèo nhà em dễ thương quá", "đi đâu đó"])
def test_wrongly_accented_words_are_not_cues(text):
    assert compile_cues().find(normalize(text)) is None


def _with_meta(model: ModelClassifier, **meta) -> ModelClassifier:
    bundle = copy.copy(model.bundle)
    bundle.metadata = {**model.bundle.metadata, **meta}
    return ModelClassifier(bundle)


def test_shipped_model_flags_the_emergencies(model):
    assert [r.urgent for r in model.classify_batch(URGENT)] == [True, True, True]


def test_no_cue_no_urgent_even_when_the_head_agrees(model):
    blind = _with_meta(model, urgent_cues=["zzznevermatches"])
    results = blind.classify_batch(URGENT)
    assert [r.category for r in results] == [Category.TIP] * 3
    assert not any(r.urgent for r in results)


def test_confidence_is_the_winning_probability_and_threshold_sets_needs_review(model):
    texts = URGENT + ["chúc cả nhà ngủ ngon", "vay tien nhanh lh 0909123456", "ok"]
    for r in model.classify_batch(texts):
        assert r.confidence == r.scores[r.category.value] == max(r.scores.values())
        assert r.needs_review == (r.confidence < model.review_threshold)
    assert all(r.needs_review for r in _with_meta(model, review_threshold=1.01).classify_batch(texts))
    assert not any(r.needs_review for r in _with_meta(model, review_threshold=0.0).classify_batch(texts))


def test_review_threshold_is_stored_and_chosen_on_held_out_data(model):
    meta = model.metadata
    assert 0.4 <= meta["review_threshold"] <= 0.95
    sel = meta["review_threshold_selection"]
    assert sel["threshold"] == meta["review_threshold"] and sel["grid"]
    assert meta["urgent_threshold"] == meta["urgent_threshold_selection"]["threshold"]
    assert meta["urgent_cues"] and meta["urgent_rule"] == "cue_and_head"


def test_to_record_carries_confidence_and_needs_review():
    rec = Classification(Category.TIP, False, {"tip": 0.61234, "off_topic": 0.38766}, "v", confidence=0.61234,
                         needs_review=True).to_record()
    assert rec["confidence"] == 0.6123 and rec["needs_review"] is True
    old = Classification(Category.OFF_TOPIC, False, {"off_topic": 1.0}, "v").to_record()
    assert old["confidence"] == 1.0 and old["needs_review"] is False


def test_off_topic_prior_never_overrules_an_emergency(model):
    heavy = _with_meta(model, class_weights={"tip": 1.0, "spam": 1.0, "lost_item": 1.0, "off_topic": 1e9})
    calm = ["Đêm qua nhà tôi bị trộm mất 2 con gà chọi, nhờ công an xã để ý giúp."]
    res = heavy.classify_batch(URGENT + calm)
    assert [(r.category, r.urgent) for r in res[:3]] == [(Category.TIP, True)] * 3
    assert res[3].category is Category.OFF_TOPIC  # the prior does act on the non-urgent tip
    for r in res:
        assert max(r.scores, key=r.scores.get) == r.category.value
