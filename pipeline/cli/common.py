"""What every ``binhyen`` subcommand does the same way."""

from __future__ import annotations

import sys

from pipeline.settings import Settings, SettingsError


def load_settings(command: str) -> Settings | None:
    """The settings, or None after printing ``binhyen COMMAND: <which variable is wrong>``."""
    try:
        return Settings.from_env()
    except SettingsError as exc:
        print(f"binhyen {command}: {exc}", file=sys.stderr)
        return None
