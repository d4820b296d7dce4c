"""Vietnamese text normalisation and the message classifier.

The worker calls :func:`load_classifier` once at start-up and
``classify_batch(texts)`` on batches; :class:`ModelLoadError` says why a model
could not be loaded (then the worker falls back to
:class:`pipeline.nlp.keywords.KeywordClassifier`).

The names below are imported lazily, so ``import pipeline.nlp.keywords`` or
``pipeline.nlp.normalize`` does not pull in scikit-learn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["ModelClassifier", "ModelLoadError", "load_classifier"]

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.nlp.artifact import ModelLoadError, load_classifier
    from pipeline.nlp.model import ModelClassifier


def __getattr__(name: str) -> Any:
    if name in ("ModelLoadError", "load_classifier"):
        from pipeline.nlp import artifact

        return getattr(artifact, name)
    if name == "ModelClassifier":
        from pipeline.nlp.model import ModelClassifier

        return ModelClassifier
    raise AttributeError(f"module 'pipeline.nlp' has no attribute {name!r}")
