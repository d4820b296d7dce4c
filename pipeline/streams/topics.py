"""Old import path of the topic names: they live in :mod:`pipeline.kafka.topics`."""

from pipeline.kafka.topics import *  # noqa: F401,F403
from pipeline.kafka.topics import ALL, MAX_RECORD_BYTES, OUTPUTS, SHORT_NAMES, resolve  # noqa: F401
