import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from pipeline.nlp.fastvec import FastTfidf

DOCS = ["nha em bi trom xe", "cuu voi   co  dao", "vay tien nhanh zzurl", "a", "", "nhat duoc vi o cho ben thanh",
        "trom trom trom", "e"]


def _check(vec):
    vec.fit(DOCS)
    new = DOCS + ["khong co trong tu dien", "nha   em   trom vi", "x y z a b"]
    expected = vec.transform(new).toarray()
    got = FastTfidf(vec).transform(new).toarray()
    np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-7)


def test_char_wb_equals_sklearn():
    _check(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=False, sublinear_tf=True, dtype=np.float32))
    _check(TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), lowercase=False))


def test_word_ngrams_equal_sklearn():
    for rng in [(1, 1), (1, 2), (1, 3), (2, 4)]:
        _check(TfidfVectorizer(analyzer="word", token_pattern=r"(?u)\b\w+\b", ngram_range=rng, lowercase=False,
                               sublinear_tf=True))


def test_shipped_model_fast_path_equals_sklearn(model):
    from pipeline.nlp.normalize import prepare

    texts = ["Nhà em bị trộm mất xe Wave tối qua", "vay tien nhanh 5 phut bam link vaynhanh.vn", "ok anh 👍"]
    norms, plains = prepare(texts)
    for name, vec in model.bundle.vectorizers.items():
        docs = norms if name == "word" else plains
        diff = abs(FastTfidf(vec).transform(docs) - vec.transform(docs))
        assert diff.max() < 1e-6 if diff.nnz else True


def test_compound_joiner_greedy_longest_match():
    from pipeline.nlp.compounds import CompoundJoiner

    j = CompoundJoiner(["cong an", "cong an phuong", "danh nhau"])
    assert j.join("bao cong an phuong, co danh nhau!") == "bao cong_an_phuong co danh_nhau"
    assert j.join("cong an xa") == "cong_an xa"
    assert j.compounds_only("cong an xa danh nhau") == "cong_an danh_nhau"
    assert j.join("") == ""


def test_shipped_model_carries_its_compound_lexicon(model):
    assert model.metadata["hyper"]["compounds"] is True
    assert len(model.bundle.compounds) == model.metadata["n_compounds"] > 100
    assert all(w == w.lower() and " " in w for w in model.bundle.compounds[:50])


def test_shipped_model_token_path_equals_sklearn_on_joined_text(model):
    from pipeline.nlp.compounds import WORD_RE
    from pipeline.nlp.model import views_for
    from pipeline.nlp.normalize import prepare

    texts = ["Báo công an phường: có đánh nhau ở hẻm 5!", "cong an xa oi, nha em bi trom", "chúc cả nhà ngủ ngon", ""]
    norms, plains = prepare(texts)
    joiner = model._joiner
    vec = model.bundle.vectorizers["plain_word"]
    expected = vec.transform(views_for(norms, plains, joiner)["plain_word"])
    got = FastTfidf(vec).transform_tokens([joiner.join_tokens(WORD_RE.findall(p)) for p in plains])
    assert abs(got - expected).max() < 1e-6 if (got - expected).nnz else True
    assert expected.nnz > 0
