from __future__ import annotations

import json
import shutil
import time
import zipfile

import pytest

from pipeline.nlp import ModelLoadError, load_classifier
from pipeline.nlp.artifact import save_bundle, sha256_file, sidecar_path


@pytest.fixture()
def copied(tmp_path, shipped_model_path):
    dst = tmp_path / "m.skops"
    shutil.copy(shipped_model_path, dst)
    shutil.copy(sidecar_path(shipped_model_path), sidecar_path(dst))
    return dst


def test_copy_loads_and_is_fast(copied):
    t0 = time.perf_counter()
    clf = load_classifier(copied)
    assert time.perf_counter() - t0 < 2.0
    assert clf.classify_batch(["nha em bi trom xe"])[0].category.value == "tip"


def test_missing_file(tmp_path):
    with pytest.raises(ModelLoadError, match="not found"):
        load_classifier(tmp_path / "nope.skops")


def test_missing_sidecar_is_refused(copied):
    sidecar_path(copied).unlink()
    with pytest.raises(ModelLoadError, match="metadata not found"):
        load_classifier(copied)


def test_flipped_byte_is_refused(copied):
    data = bytearray(copied.read_bytes())
    data[len(data) // 2] ^= 0x01
    copied.write_bytes(bytes(data))
    with pytest.raises(ModelLoadError, match="integrity"):
        load_classifier(copied)


def test_foreign_file_with_matching_sidecar_is_refused(copied):
    # A zip that is not a skops file, with a sidecar forged to match its hash.
    with zipfile.ZipFile(copied, "w") as zf:
        zf.writestr("schema.json", "{not json")
    side = json.loads(sidecar_path(copied).read_text())
    side["sha256"] = sha256_file(copied)
    sidecar_path(copied).write_text(json.dumps(side))
    with pytest.raises(ModelLoadError, match="cannot be read"):
        load_classifier(copied)


def test_foreign_types_are_refused(tmp_path):
    # A valid skops file holding a type outside the allow-list, with a matching sidecar.
    import skops.io as sio
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer

    path = tmp_path / "evil.skops"
    sio.dump({"format": "binhyen-classifier", "x": Pipeline([("f", FunctionTransformer(print))])}, path)
    sidecar_path(path).write_text(json.dumps({"format": "binhyen-classifier", "sha256": sha256_file(path)}))
    with pytest.raises(ModelLoadError, match="allow-list"):
        load_classifier(path)


def test_pickle_renamed_is_refused(tmp_path):
    import pickle

    path = tmp_path / "p.skops"
    path.write_bytes(pickle.dumps({"format": "binhyen-classifier"}))
    sidecar_path(path).write_text(json.dumps({"format": "binhyen-classifier", "sha256": sha256_file(path)}))
    with pytest.raises(ModelLoadError):
        load_classifier(path)


def test_save_and_reload_roundtrip(model, tmp_path):
    side = save_bundle(model.bundle, tmp_path / "again.skops")
    again = load_classifier(tmp_path / "again.skops")
    assert side["fingerprint"] == model.metadata["fingerprint"] == again.metadata["fingerprint"]
    texts = ["chay nha o to 3 cuu voi", "ban dat nen gia re lh 0909123456", "nhat duoc vi o cho"]
    assert [r.to_record() for r in again.classify_batch(texts)] == [r.to_record() for r in model.classify_batch(texts)]


def test_metadata_is_complete(model, shipped_model_path):
    side = json.loads(sidecar_path(shipped_model_path).read_text())
    for key in ("version", "sha256", "training_data_sha256", "libraries", "holdout_evaluation", "fingerprint"):
        assert side.get(key), key
    assert side["sha256"] == sha256_file(shipped_model_path)
    assert side["libraries"]["scikit-learn"]
