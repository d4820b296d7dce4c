"""binhyen: moderation of Vietnamese community-safety chat groups over Kafka."""

__version__ = "0.1.0"
