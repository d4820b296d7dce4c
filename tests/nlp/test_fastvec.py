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


def test_compound_lexicon_option_trains_saves_and_loads(tmp_path):
    from pipeline.nlp import load_classifier
    from pipeline.nlp.artifact import save_bundle
    from pipeline.nlp.model import Hyper
    from pipeline.nlp.training import DEFAULT_DATA, read_labelled, train

    rows = read_labelled(DEFAULT_DATA)[:800]
    bundle = train(rows, "x", Hyper(compounds=True, max_word_features=10_000), holdout=False)
    assert bundle.compounds and all(" " in w and w == w.lower() for w in bundle.compounds)
    save_bundle(bundle, tmp_path / "c.skops")
    again = load_classifier(tmp_path / "c.skops")
    assert again.bundle.compounds == bundle.compounds
    texts = ["Báo công an phường: có đánh nhau ở hẻm 5!", "cong an xa oi, nha em bi trom"]
    assert [r.to_record() for r in again.classify_batch(texts)] == \
        [r.to_record() for r in ModelClassifierFor(bundle).classify_batch(texts)]


def ModelClassifierFor(bundle):
    from pipeline.nlp.model import ModelClassifier

    return ModelClassifier(bundle)


def test_token_path_equals_sklearn_on_joined_text():
    from sklearn.feature_extraction.text import TfidfVectorizer

    from pipeline.nlp.compounds import WORD_RE, CompoundJoiner
    from pipeline.nlp.model import TOKEN_PATTERN, views_for
    from pipeline.nlp.normalize import prepare

    texts = ["Báo công an phường: có đánh nhau ở hẻm 5!", "cong an xa oi, nha em bi trom", "chúc cả nhà ngủ ngon", ""]
    norms, plains = prepare(texts)
    joiner = CompoundJoiner(["cong an", "cong an phuong", "danh nhau", "ca nha"])
    vec = TfidfVectorizer(analyzer="word", token_pattern=TOKEN_PATTERN, ngram_range=(1, 2), lowercase=False,
                          sublinear_tf=True).fit(views_for(norms, plains, joiner)["plain_word"])
    expected = vec.transform(views_for(norms, plains, joiner)["plain_word"])
    got = FastTfidf(vec).transform_tokens([joiner.join_tokens(WORD_RE.findall(p)) for p in plains])
    assert abs(got - expected).max() < 1e-6 if (got - expected).nnz else True
    assert expected.nnz > 0
