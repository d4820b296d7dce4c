"""Old import path: topic creation lives in :mod:`pipeline.kafka.admin`."""

from pipeline.kafka.admin import TopicSetupError, ensure_topics  # noqa: F401
