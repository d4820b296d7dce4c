"""Saving and safely loading the model artifact.

The artifact is a skops file (a zip of JSON + numpy arrays; loading it never
unpickles code) next to a sidecar metadata JSON::

    models/binhyen-classifier.skops
    models/binhyen-classifier.json   {"sha256": <of the .skops file>, "version": ..., ...}

:func:`load_classifier` refuses, with :class:`ModelLoadError`:

* a missing artifact or sidecar;
* a file whose SHA-256 does not match the sidecar (tampered or swapped);
* a file that skops cannot read, or that holds any type outside a short
  allow-list of scikit-learn / numpy types (a foreign model);
* a file whose contents are not a binhyen bundle of the expected format.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import zipfile
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from pipeline.nlp.model import Bundle, ModelClassifier

FORMAT = "binhyen-classifier"
FORMAT_VERSION = 1

# Types the artifact may contain beyond those skops trusts by default: the two
# private holder classes of a fitted CalibratedClassifierCV (plain data: a
# fitted estimator, per-class sigmoid parameters a_ and b_). Anything else marks
# a foreign file.
ALLOWED_TYPES: frozenset[str] = frozenset({
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
})


# The TfidfVectorizer parameters an artifact may set (no callables: analyzer and
# token_pattern are strings, preprocessor/tokenizer stay None).
_VEC_PARAMS = frozenset({"analyzer", "binary", "decode_error", "dtype", "encoding", "input", "lowercase",
                         "max_df", "max_features", "min_df", "ngram_range", "norm", "smooth_idf", "strip_accents",
                         "sublinear_tf", "token_pattern", "use_idf"})


class ModelLoadError(RuntimeError):
    """The model artifact is missing, tampered with, foreign, or unreadable."""


def sidecar_path(path: str | os.PathLike) -> Path:
    return Path(path).with_suffix(".json")


def sha256_file(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _pack_vectorizer(vec: TfidfVectorizer) -> dict:
    """A fitted TfidfVectorizer as plain data: its parameters, terms and idf.

    Saving the vectorizer object itself makes skops write its vocabulary dict
    node by node (a minute to save, ~9 s to load); two arrays take milliseconds.
    """
    params = {k: v for k, v in vec.get_params().items() if k in _VEC_PARAMS}
    params["dtype"] = np.dtype(params["dtype"]).name
    terms = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
    return {"params_json": json.dumps(params, sort_keys=True), "terms": np.array(terms, dtype=str),
            "idf": np.asarray(vec.idf_, dtype=np.float64)}


def _unpack_vectorizer(d: dict) -> TfidfVectorizer:
    params = json.loads(d["params_json"])
    if not set(params) <= _VEC_PARAMS:
        raise ModelLoadError(f"unexpected vectorizer parameters: {sorted(set(params) - _VEC_PARAMS)}")
    params["dtype"] = np.dtype(params["dtype"]).type
    params["ngram_range"] = tuple(params["ngram_range"])
    terms = d["terms"].tolist()
    vec = TfidfVectorizer(**params, vocabulary={t: i for i, t in enumerate(terms)})
    vec.idf_ = np.asarray(d["idf"], dtype=np.float64)
    return vec


_ID_RE = re.compile(r'("__id__": )(\d+)|"(\d+)\.npy"')
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _canonicalize_zip(path: str) -> None:
    """Make the skops zip byte-for-byte reproducible.

    skops names nodes and array files after ``id()`` of the objects and stamps
    zip entries with the current time; we renumber ids in order of first
    appearance and write entries sorted, with a fixed timestamp.
    """
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    schema = members.pop("schema.json").decode("utf-8")
    mapping: dict[str, str] = {}

    def renumber(m: re.Match[str]) -> str:
        old = m.group(2) or m.group(3)
        new = mapping.setdefault(old, str(len(mapping) + 1))
        return m.group(1) + new if m.group(2) else f'"{new}.npy"'

    schema = _ID_RE.sub(renumber, schema)
    files = {"schema.json": schema.encode("utf-8")}
    for name, data in members.items():
        stem, dot, ext = name.partition(".")
        if stem not in mapping:
            raise ValueError(f"unexpected member {name} in the skops file")
        files[mapping[stem] + dot + ext] = data
    with zipfile.ZipFile(path, "w") as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[name], compresslevel=6)


def save_bundle(bundle: Bundle, path: str | os.PathLike) -> dict:
    """Write the artifact and its sidecar atomically; returns the sidecar content."""
    import skops.io as sio

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "vectorizers": {name: _pack_vectorizer(vec) for name, vec in bundle.vectorizers.items()},
        "category_model": bundle.category_model,
        "urgent_model": bundle.urgent_model,
        "compounds": np.array(list(bundle.compounds), dtype=str),
        "metadata_json": json.dumps(bundle.metadata, ensure_ascii=False, sort_keys=True),
    }
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        sio.dump(payload, tmp, compression=zipfile.ZIP_DEFLATED, compresslevel=6)
        _canonicalize_zip(tmp)
        digest = sha256_file(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    side = {"format": FORMAT, "format_version": FORMAT_VERSION, "file": path.name, "sha256": digest,
            "size_bytes": path.stat().st_size, **bundle.metadata}
    sidecar_path(path).write_text(json.dumps(side, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return side


def load_bundle(path: str | os.PathLike) -> Bundle:
    path = Path(path)
    if not path.is_file():
        raise ModelLoadError(f"model artifact not found: {path} (run `binhyen train` to build it)")
    side_p = sidecar_path(path)
    if not side_p.is_file():
        raise ModelLoadError(f"model metadata not found: {side_p}; refusing to load an unverified artifact")
    try:
        side = json.loads(side_p.read_text(encoding="utf-8"))
        expected = side["sha256"]
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelLoadError(f"model metadata {side_p} is unreadable: {exc}") from None
    if side.get("format") != FORMAT:
        raise ModelLoadError(f"{side_p} does not describe a {FORMAT} artifact")
    actual = sha256_file(path)
    if actual != expected:
        raise ModelLoadError(f"model artifact {path} fails its integrity check: SHA-256 {actual[:16]}... "
                             f"does not match {expected[:16]}... recorded in {side_p.name} (tampered or replaced)")
    try:
        import skops.io as sio

        untrusted = set(sio.get_untrusted_types(file=path))
        foreign = sorted(untrusted - ALLOWED_TYPES)
        if foreign:
            raise ModelLoadError(f"model artifact {path} holds types outside the allow-list: {', '.join(foreign)}")
        payload = sio.load(path, trusted=sorted(untrusted))
    except ModelLoadError:
        raise
    except Exception as exc:  # a corrupt zip, bad JSON inside, an unknown skops schema...
        raise ModelLoadError(f"model artifact {path} cannot be read: {type(exc).__name__}: {exc}") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ModelLoadError(f"{path} is not a {FORMAT} artifact")
    if payload.get("format_version") != FORMAT_VERSION:
        raise ModelLoadError(f"{path} has format version {payload.get('format_version')}, expected {FORMAT_VERSION}")
    try:
        meta = json.loads(payload["metadata_json"])
        vecs = {name: _unpack_vectorizer(d) for name, d in payload["vectorizers"].items()}
        compounds = payload.get("compounds")
        compounds = tuple(str(w) for w in compounds.tolist()) if compounds is not None else ()
        bundle = Bundle(vecs, payload["category_model"], payload["urgent_model"], meta, compounds)
        if bundle.fingerprint() != meta.get("fingerprint"):
            raise ModelLoadError(f"{path}: model weights do not match the fingerprint in its own metadata")
        return bundle
    except ModelLoadError:
        raise
    except Exception as exc:
        raise ModelLoadError(f"{path} is not a valid {FORMAT} artifact: {type(exc).__name__}: {exc}") from None


def load_classifier(path: str | os.PathLike | None = None) -> ModelClassifier:
    """Load the shipped model (default: ``Settings.from_env().model_path``).

    Raises :class:`ModelLoadError` with a readable reason when the file is
    missing, tampered with, foreign, or unreadable.
    """
    if path is None:
        from pipeline.settings import Settings

        path = Settings.from_env().model_path
    return ModelClassifier(load_bundle(path))
