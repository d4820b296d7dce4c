"""Categories of group messages and the classifier interface the pipeline calls.

The labels follow ``shared/labeling-guide.md``. ``urgent`` is only ever true
for a ``tip``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Mapping, Protocol, Sequence


class Category(StrEnum):
    TIP = "tip"
    SPAM = "spam"
    LOST_ITEM = "lost_item"
    OFF_TOPIC = "off_topic"


CATEGORIES: tuple[Category, ...] = tuple(Category)


@dataclass(frozen=True, slots=True)
class Classification:
    """What the classifier says of one text."""

    category: Category
    urgent: bool
    scores: Mapping[str, float] = field(default_factory=dict)
    model_version: str = "unknown"
    # The winning category's probability (``scores[category]``), and whether it is
    # below the model's review threshold (stored in the artifact). A message that
    # needs review must not be acted on (warned, escalated as an ordinary tip) on
    # the model's word alone.
    confidence: float = 1.0
    needs_review: bool = False

    def to_record(self) -> dict:
        return {
            "category": self.category.value,
            "urgent": self.urgent,
            "scores": {k: round(float(v), 4) for k, v in self.scores.items()},
            "model_version": self.model_version,
            "confidence": round(float(self.confidence), 4),
            "needs_review": bool(self.needs_review),
        }


class Classifier(Protocol):
    """Anything that labels texts in batches (the model, or the keyword fallback)."""

    @property
    def version(self) -> str: ...

    def classify_batch(self, texts: Sequence[str]) -> list[Classification]: ...
