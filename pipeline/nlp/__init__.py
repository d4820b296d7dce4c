"""Vietnamese text normalisation and the message classifier.

The worker calls :func:`load_classifier` once at start-up and
``classify_batch(texts)`` on batches; :class:`ModelLoadError` says why a model
could not be loaded (then the worker falls back to
:class:`pipeline.nlp.keywords.KeywordClassifier`).
"""

from pipeline.nlp.artifact import ModelLoadError, load_classifier
from pipeline.nlp.model import ModelClassifier

__all__ = ["ModelClassifier", "ModelLoadError", "load_classifier"]
