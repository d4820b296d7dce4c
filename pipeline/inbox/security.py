"""CSRF tokens and login rate limiting."""

from __future__ import annotations

import secrets
import threading
import time
from collections import defaultdict, deque

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def csrf_token(session: dict) -> str:
    """The session's CSRF token (made on first use)."""
    token = session.get("csrf")
    if not isinstance(token, str) or len(token) < 32:
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def csrf_ok(session: dict, submitted: object) -> bool:
    expected = session.get("csrf")
    return (isinstance(expected, str) and isinstance(submitted, str) and bool(submitted)
            and secrets.compare_digest(expected.encode(), submitted.encode()))


class LoginLimiter:
    """``max_failures`` wrong passwords for one account from one address within ``window`` seconds
    lock that account+address for ``lock_seconds``. A success clears the failures."""

    def __init__(self, max_failures: int = 5, lock_seconds: float = 900.0, window: float = 900.0,
                 clock=time.monotonic) -> None:
        self.max_failures = max_failures
        self.lock_seconds = lock_seconds
        self.window = window
        self.clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._locked_until: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()

    def locked(self, account: str, address: str) -> float:
        """Seconds left of a lock (0: not locked)."""
        key = (account.lower(), address)
        with self._lock:
            until = self._locked_until.get(key, 0.0)
            left = until - self.clock()
            if left <= 0 and until:
                del self._locked_until[key]
            return max(0.0, left)

    def failed(self, account: str, address: str) -> None:
        key = (account.lower(), address)
        now = self.clock()
        with self._lock:
            q = self._failures[key]
            q.append(now)
            while q and q[0] < now - self.window:
                q.popleft()
            if len(q) >= self.max_failures:
                self._locked_until[key] = now + self.lock_seconds
                q.clear()
            if len(self._failures) > 100_000:  # bounded memory under a spray of names
                self._failures.clear()

    def succeeded(self, account: str, address: str) -> None:
        with self._lock:
            self._failures.pop((account.lower(), address), None)
