"""A small local stand-in for the Zalo OA API (tests, the demo, the bench): ``binhyen fake-zalo``."""

from pipeline.fakezalo.server import Faults, FakeZalo, FakeZaloThread

__all__ = ["Faults", "FakeZalo", "FakeZaloThread"]
