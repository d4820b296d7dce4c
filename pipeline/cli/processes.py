"""Starting and stopping the child processes the commands start (broker, worker, bench stages)."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path
from typing import Sequence


def spawn(cmd: Sequence[str], *, log_path: str | os.PathLike[str] | None, env: dict[str, str] | None = None,
          cwd: str | os.PathLike[str] | None = None) -> subprocess.Popen[bytes]:
    """A child in its own session (so it and anything it starts can be signalled together), its
    output appended to ``log_path`` (or discarded), no standard input."""
    out = open(Path(log_path), "ab") if log_path else subprocess.DEVNULL
    try:
        return subprocess.Popen(list(cmd), stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env, cwd=cwd, start_new_session=True)
    finally:
        if log_path:
            out.close()  # the child holds its own descriptor


def terminate(process: subprocess.Popen | None, grace: float, *, group: bool = False) -> None:
    """SIGTERM, then SIGKILL if it has not exited after ``grace`` seconds; reap it either way.

    ``group``: signal the child's whole process group (a child started with ``spawn`` leads its
    own), so that what it started stops too."""
    if process is None or process.poll() is not None:
        return

    def send(sig: int) -> bool:
        try:
            if group:
                os.killpg(process.pid, sig)
            else:
                process.send_signal(sig)
        except ProcessLookupError:
            return False
        return True

    if not send(signal.SIGTERM):
        process.wait()
        return
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        send(signal.SIGKILL)
        process.wait()
