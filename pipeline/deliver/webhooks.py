"""Outbound webhooks signed per Standard Webhooks.

Headers: ``webhook-id`` (the output record's id: the same on every retry and after a
restart, so receivers can deduplicate), ``webhook-timestamp`` (Unix seconds of the
attempt) and ``webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">``.
The key is the secret after its ``whsec_`` prefix, base64-decoded (a secret without the
prefix is used as its UTF-8 bytes). Several space-separated signatures may be given
(key rotation: ``BINHYEN_WEBHOOK_SECRET`` may hold several secrets separated by spaces).

Only 2xx counts. 410 Gone stops that endpoint (its deliveries park); 429, 502, 503 and
504 honour ``Retry-After``; other 5xx and network errors are retried; other 4xx park.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import time
from typing import Any, Callable

import aiohttp

from pipeline.deliver.backoff import Backoff, parse_retry_after, retrying
from pipeline.deliver.errors import DeliveryError, DeliveryFailed
from pipeline.deliver.zalo import NETWORK_ERRORS

log = logging.getLogger(__name__)

SECRET_PREFIX = "whsec_"


def secret_key(secret: str) -> bytes:
    """The HMAC key of a ``whsec_<base64>`` secret."""
    if secret.startswith(SECRET_PREFIX):
        return base64.b64decode(secret[len(SECRET_PREFIX):])
    return secret.encode()


def signature(key: bytes, msg_id: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode()


def signed_headers(secrets: list[bytes], msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    headers = {"webhook-id": msg_id, "webhook-timestamp": str(timestamp), "Content-Type": "application/json"}
    if secrets:
        headers["webhook-signature"] = " ".join(signature(k, msg_id, timestamp, body) for k in secrets)
    return headers


class WebhookSender:
    def __init__(self, session: aiohttp.ClientSession, secret: str, *, timeout: float = 10.0,
                 backoff: Backoff | None = None, clock: Callable[[], float] = time.time) -> None:
        self.session = session
        self.keys = [secret_key(s) for s in secret.split()] if secret else []
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.backoff = backoff or Backoff()
        self.clock = clock
        self.gone: set[str] = set()  # endpoints that answered 410

    async def send(self, url: str, msg_id: str, body: bytes,
                   on_attempt: Callable[[str], None] | None = None) -> tuple[Any, int]:
        if url in self.gone:
            raise DeliveryFailed("endpoint gone (410): stopped", 0, stop_endpoint=True)
        try:
            return await retrying(lambda: self.attempt(url, msg_id, body), self.backoff, on_attempt=on_attempt)
        except DeliveryFailed as exc:
            if exc.stop_endpoint and url not in self.gone:
                self.gone.add(url)
                log.error("webhook endpoint answered 410 Gone: no more deliveries to it until restart")
            raise

    async def attempt(self, url: str, msg_id: str, body: bytes) -> int:
        headers = signed_headers(self.keys, msg_id, int(self.clock()), body)
        try:
            async with self.session.post(url, data=body, headers=headers, timeout=self.timeout) as response:
                await response.read()
                status = response.status
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
        except NETWORK_ERRORS as exc:
            raise DeliveryError(f"network: {type(exc).__name__}", retryable=True) from None
        if 200 <= status < 300:
            return status
        if status == 410:
            raise DeliveryError("http 410: endpoint gone", retryable=False, stop_endpoint=True)
        if status in (429, 502, 503, 504):
            raise DeliveryError(f"http {status}", retryable=True, retry_after=retry_after)
        if status >= 500 or status == 408:
            raise DeliveryError(f"http {status}", retryable=True)
        raise DeliveryError(f"http {status}", retryable=False)
