"""The Zalo OA token pair: where it is kept, and refreshing it.

Zalo's refresh token works **once**: every refresh returns a new access token and a
new refresh token, and the old refresh token is spent. So the new pair is written to
the store (atomically: a temporary file, fsync, rename, fsync of the directory)
before anything uses it, and only one refresh runs at a time (an ``asyncio.Lock``;
a caller that waited for another's refresh takes that result instead of refreshing
again). A token is refreshed ``margin`` seconds before it expires (at most half its
lifetime early), and at once when Zalo answers ``-216``.

``BINHYEN_ZALO_REFRESH_TOKEN`` only seeds the store: once a pair descends from it,
the store's refresh token is the live one. The pair remembers a hash of the seed it
came from, so configuring a *new* refresh token (after re-authorising the app) takes
effect, while restarting with the old, spent one does not clobber the live pair.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Awaitable, Callable, Protocol

import orjson

from pipeline import metrics
from pipeline.deliver.errors import DeliveryError, TokenRefreshError

log = logging.getLogger(__name__)

TOKEN_FILE = "zalo-token.json"


@dataclass(frozen=True, slots=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_at: float  # POSIX seconds
    refresh_at: float  # POSIX seconds: refresh from then on
    seed: str = ""  # sha256 of the configured refresh token this pair descends from


class TokenStore(Protocol):
    """Where the token pair lives between runs. ``save`` must be atomic."""

    def load(self) -> TokenPair | None: ...

    def save(self, pair: TokenPair) -> None: ...


class MemoryTokenStore:
    def __init__(self, pair: TokenPair | None = None) -> None:
        self.pair = pair
        self.saves = 0

    def load(self) -> TokenPair | None:
        return self.pair

    def save(self, pair: TokenPair) -> None:
        self.pair = pair
        self.saves += 1


class FileTokenStore:
    """A JSON file (mode 0600), replaced atomically on every save."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    @classmethod
    def in_data_dir(cls, data_dir: str | os.PathLike[str]) -> "FileTokenStore":
        return cls(Path(data_dir) / TOKEN_FILE)

    def load(self) -> TokenPair | None:
        try:
            raw = orjson.loads(self.path.read_bytes())
            return TokenPair(**{k: raw[k] for k in TokenPair.__slots__ if k in raw})
        except FileNotFoundError:
            return None
        except (orjson.JSONDecodeError, TypeError, KeyError) as exc:
            log.error("token store %s unreadable (%s); starting from the configured refresh token",
                      self.path, type(exc).__name__)
            return None

    def save(self, pair: TokenPair) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
        data = orjson.dumps(asdict(pair))
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        dir_fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


#: refresh_token -> (access_token, refresh_token, expires_in seconds); raises TokenRefreshError
#: (spent or refused token) or a retryable DeliveryError (network, 5xx).
Refresher = Callable[[str], Awaitable[tuple[str, str, float]]]


def seed_hash(refresh_token: str) -> str:
    return hashlib.sha256(refresh_token.encode()).hexdigest() if refresh_token else ""


class TokenManager:
    def __init__(self, store: TokenStore, refresher: Refresher, seed_refresh_token: str = "", *,
                 margin: float = 3600.0, attempts: int = 3, retry_delay: float = 1.0,
                 clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.refresher = refresher
        self.margin = margin
        self.attempts = attempts
        self.retry_delay = retry_delay
        self.clock = clock
        self.refreshes = 0
        self._lock = asyncio.Lock()
        seed = seed_hash(seed_refresh_token)
        stored = store.load()
        if stored is not None and (not seed or stored.seed == seed):
            self._pair: TokenPair | None = stored
        elif seed_refresh_token:
            if stored is not None:
                log.info("a new BINHYEN_ZALO_REFRESH_TOKEN is configured: it replaces the stored pair")
            self._pair = TokenPair("", seed_refresh_token, 0.0, 0.0, seed)
        else:
            self._pair = None
        self._publish_expiry()

    @property
    def pair(self) -> TokenPair | None:
        return self._pair

    def seconds_left(self) -> float | None:
        pair = self._pair
        return None if pair is None or not pair.access_token else pair.expires_at - self.clock()

    def _publish_expiry(self) -> None:
        left = self.seconds_left()
        if left is not None:
            metrics.ZALO_TOKEN_EXPIRY.labels(token="access").set(left)

    def _fresh(self, pair: TokenPair | None) -> bool:
        return pair is not None and bool(pair.access_token) and self.clock() < pair.refresh_at

    async def access_token(self) -> str:
        """A valid access token, refreshing first when it is due."""
        pair = self._pair
        if self._fresh(pair):
            return pair.access_token  # type: ignore[union-attr]
        return await self.refresh(stale=pair.access_token if pair else None)

    async def refresh(self, stale: str | None = None) -> str:
        """Refresh unless another caller already replaced ``stale``; the access token either way."""
        async with self._lock:
            current = self._pair
            if current is not None and current.access_token and current.access_token != stale \
                    and self._fresh(current):
                return current.access_token
            if current is None or not current.refresh_token:
                metrics.ZALO_TOKEN_REFRESHES.labels(result="error").inc()
                raise TokenRefreshError("no refresh token: set BINHYEN_ZALO_REFRESH_TOKEN")
            result = await self._call(current.refresh_token)
            access, refresh, expires_in = result
            now = self.clock()
            expires_in = max(1.0, float(expires_in))
            new = TokenPair(access, refresh, now + expires_in,
                            now + max(expires_in - self.margin, expires_in / 2), current.seed)
            try:
                self.store.save(new)  # the old refresh token is spent: keep the new one before using it
            except OSError as exc:
                metrics.ZALO_TOKEN_REFRESHES.labels(result="error").inc()
                log.critical("could not store the new Zalo token pair (%s); it lives in memory only: "
                             "a restart will need a new refresh token", exc)
            else:
                metrics.ZALO_TOKEN_REFRESHES.labels(result="ok").inc()
            self._pair = new
            self.refreshes += 1
            self._publish_expiry()
            log.info("Zalo access token refreshed; expires in %.0f s", expires_in)
            return new.access_token

    async def _call(self, refresh_token: str) -> tuple[str, str, float]:
        last = ""
        for attempt in range(1, self.attempts + 1):
            try:
                return await self.refresher(refresh_token)
            except TokenRefreshError as exc:
                metrics.ZALO_TOKEN_REFRESHES.labels(result="error").inc()
                log.error("Zalo token refresh refused: %s", exc)
                raise
            except DeliveryError as exc:
                last = exc.reason
                if not exc.retryable:
                    break
                if attempt < self.attempts:
                    await asyncio.sleep(self.retry_delay * attempt)
        metrics.ZALO_TOKEN_REFRESHES.labels(result="error").inc()
        log.error("Zalo token refresh failed: %s", last)
        raise TokenRefreshError(f"token refresh failed: {last}")
