"""Stopping the child processes the commands start (broker, worker)."""

from __future__ import annotations

import signal
import subprocess


def terminate(process: subprocess.Popen | None, grace: float) -> None:
    """SIGTERM, then SIGKILL if it has not exited after ``grace`` seconds; reap it either way."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
