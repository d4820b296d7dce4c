"""Assembling a worker from settings: group rules, the classifier (or its fallback), the app.

Loading the model can fail (a missing or tampered artifact). The worker then
moderates with the keyword fallback instead of stopping: a community group
is better served by rough labels than by none, and ``binhyen_model_fallback``
(alerted on) tells operators at once.
"""

from __future__ import annotations

import gc
import logging

from pipeline import metrics
from pipeline.domain.classification import Classifier
from pipeline.domain.engine import RuleEngine
from pipeline.domain.groups import load_groups
from pipeline.nlp.keywords import KeywordClassifier
from pipeline.settings import Settings
from pipeline.streams import classifier_process
from pipeline.streams.app import Runtime, build_app

log = logging.getLogger(__name__)


def load_classifier_or_fallback(settings: Settings) -> tuple[Classifier, bool]:
    """The trained model, or the keyword fallback (second item True) when it cannot be loaded."""
    try:
        from pipeline.nlp import load_classifier
        classifier = load_classifier(settings.model_path)
        return classifier, False
    except Exception as exc:  # ModelLoadError, or a missing optional piece
        metrics.MODEL_LOAD_FAILURES.inc()
        log.error("cannot load the model at %s (%s); moderating with the keyword fallback",
                  settings.model_path, exc)
        return KeywordClassifier(), True


def create_runtime(settings: Settings, classifier: Classifier | None = None) -> Runtime:
    groups = load_groups(settings.groups_file)
    engine = RuleEngine(groups, seen_ids_per_group=settings.seen_ids_per_group)
    fallback = own = False
    if classifier is None:
        classifier, fallback = load_classifier_or_fallback(settings)
        own = True
    metrics.set_model(classifier.version, fallback)
    log.info("classifier %s%s", classifier.version, " (fallback)" if fallback else "")
    # The model, the rules and the libraries live as long as the process: keep the garbage
    # collector's full passes from walking them again and again while messages flow (and, in
    # the classifier's child, from touching the model's pages shared with the worker).
    gc.freeze()
    if own and classifier_process.supports(classifier) and classifier_process.wanted(settings.classifier_process):
        # forked now, before Faust's threads and event loop exist
        classifier = classifier_process.ClassifierProcess(classifier)
    runtime = build_app(settings, classifier, engine)
    gc.freeze()
    return runtime
