"""The Zalo OA API client (``../shared/zalo-oa.md``).

Every call has a timeout. Zalo reports errors inside HTTP 200: the JSON ``error``
field (0 = success) is read on every answer. Classification of one attempt:

- ``error`` in the token codes (``-216``): the access token is refreshed (once, however
  many calls saw it) and the call retried;
- ``error`` in the retryable codes, HTTP 429 and 5xx, network errors and timeouts:
  retried with jittered exponential backoff (``Retry-After`` honoured);
- any other ``error`` or HTTP status: not retryable, the delivery is parked with
  ``zalo error <code>: <message>``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Callable, Iterable

import aiohttp
import orjson

from pipeline.deliver.backoff import Backoff, parse_retry_after, retrying
from pipeline.deliver.errors import DeliveryError, TokenRefreshError
from pipeline.deliver.records import ZALO_CS, ZALO_GROUP, ZALO_REMOVE
from pipeline.deliver.tokens import TokenManager

log = logging.getLogger(__name__)

PATHS = {
    ZALO_CS: "/v3.0/oa/message/cs",
    ZALO_GROUP: "/v3.0/oa/group/message",
    ZALO_REMOVE: "/v3.0/oa/group/removemembers",
}
LIST_MEMBERS = "/v3.0/oa/group/listmember"
ACCESS_TOKEN = "/v4/oa/access_token"
NETWORK_ERRORS = (aiohttp.ClientError, asyncio.TimeoutError, OSError)


def parse_codes(value: str | Iterable[int]) -> frozenset[int]:
    if isinstance(value, str):
        return frozenset(int(v) for v in value.replace(" ", "").split(",") if v)
    return frozenset(value)


def _reason(code: Any, body: dict[str, Any]) -> str:
    message = str(body.get("message") or body.get("error_name") or body.get("error_description") or "")
    return f"zalo error {code}: {message[:120]}".rstrip(": ")


def http_error(status: int, retry_after: str | None = None) -> DeliveryError | None:
    """The error an HTTP status means (None for 2xx)."""
    if 200 <= status < 300:
        return None
    wait = parse_retry_after(retry_after)
    if status == 429 or status >= 500:
        return DeliveryError(f"http {status}", retryable=True, retry_after=wait)
    return DeliveryError(f"http {status}", retryable=False)


class ZaloClient:
    def __init__(self, session: aiohttp.ClientSession, api_base: str, tokens: TokenManager, *,
                 timeout: float = 10.0, backoff: Backoff | None = None,
                 retryable_codes: str | Iterable[int] = (-32, -214),
                 token_codes: str | Iterable[int] = (-216,)) -> None:
        self.session = session
        self.api_base = api_base.rstrip("/")
        self.tokens = tokens
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.backoff = backoff or Backoff()
        self.retryable_codes = parse_codes(retryable_codes)
        self.token_codes = parse_codes(token_codes)

    async def send(self, kind: str, body: dict[str, Any],
                   on_attempt: Callable[[str], None] | None = None) -> tuple[dict[str, Any], int]:
        """POST ``body`` to the endpoint of ``kind`` with retries: (Zalo's answer, attempts).
        Raises :class:`DeliveryFailed` when given up."""
        path = PATHS[kind]
        return await retrying(lambda: self.attempt("POST", path, json_body=body), self.backoff,
                              on_attempt=on_attempt)

    async def send_cs(self, user_id: str, text: str) -> tuple[dict[str, Any], int]:
        return await self.send(ZALO_CS, {"recipient": {"user_id": user_id}, "message": {"text": text}})

    async def post_group(self, group_id: str, text: str) -> tuple[dict[str, Any], int]:
        return await self.send(ZALO_GROUP, {"recipient": {"group_id": group_id}, "message": {"text": text}})

    async def remove_members(self, group_id: str, user_ids: list[str]) -> tuple[dict[str, Any], int]:
        return await self.send(ZALO_REMOVE, {"group_id": group_id, "member_user_ids": list(user_ids)})

    async def list_members(self, group_id: str, offset: int = 0, count: int = 50) -> dict[str, Any]:
        params = {"group_id": group_id, "offset": str(offset), "count": str(count)}
        answer, _ = await retrying(lambda: self.attempt("GET", LIST_MEMBERS, params=params), self.backoff)
        return answer

    async def attempt(self, method: str, path: str, *, json_body: dict[str, Any] | None = None,
                      params: dict[str, str] | None = None) -> dict[str, Any]:
        """One HTTP call; raises :class:`DeliveryError` classified as above."""
        try:
            token = await self.tokens.access_token()
        except TokenRefreshError as exc:
            raise DeliveryError(f"no access token ({exc})", retryable=True, hold=True) from None
        headers = {"access_token": token}
        data = None
        if json_body is not None:
            headers["Content-Type"] = "application/json"
            data = orjson.dumps(json_body)
        answer = await fetch_json(self.session.request(method, self.api_base + path, data=data, params=params,
                                                       headers=headers, timeout=self.timeout), "answer")
        if not isinstance(answer, dict):
            raise DeliveryError("answer is not a JSON object", retryable=True)
        code = answer.get("error", 0)
        try:
            code = int(code)
        except (TypeError, ValueError):
            raise DeliveryError(f"zalo error {code!r}", retryable=False) from None
        if code == 0:
            return answer
        if code in self.token_codes:
            log.info("Zalo says the access token is invalid (%s); refreshing", code)
            try:
                await self.tokens.refresh(stale=token)
            except TokenRefreshError as exc:
                raise DeliveryError(f"{_reason(code, answer)}; refresh failed: {exc}", retryable=True,
                                    hold=True) from None
            raise DeliveryError(_reason(code, answer), retryable=True, token_invalid=True)
        if code in self.retryable_codes:
            raise DeliveryError(_reason(code, answer), retryable=True)
        raise DeliveryError(_reason(code, answer), retryable=False)


async def fetch_json(request: Any, what: str) -> Any:
    """The JSON body of one aiohttp request; HTTP, network and parse problems as :class:`DeliveryError`.

    The one place where both the API calls and the token refresh read Zalo's answers.
    """
    try:
        async with request as response:
            raw = await response.read()
            problem = http_error(response.status, response.headers.get("Retry-After"))
            if problem is not None:
                raise problem
    except NETWORK_ERRORS as exc:
        raise DeliveryError(f"network: {type(exc).__name__}", retryable=True) from None
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise DeliveryError(f"{what} is not JSON", retryable=True) from None


def oauth_refresher(session: aiohttp.ClientSession, oauth_base: str, app_id: str, app_secret: str, *,
                    timeout: float = 10.0):
    """The :data:`~pipeline.deliver.tokens.Refresher` of Zalo's OAuth v4 endpoint."""
    url = oauth_base.rstrip("/") + ACCESS_TOKEN
    client_timeout = aiohttp.ClientTimeout(total=timeout)

    async def refresh(refresh_token: str) -> tuple[str, str, float]:
        form = {"grant_type": "refresh_token", "refresh_token": refresh_token, "app_id": app_id}
        answer = await fetch_json(session.post(url, data=form, headers={"secret_key": app_secret},
                                               timeout=client_timeout), "token answer")
        if not isinstance(answer, dict) or answer.get("error") not in (None, 0, "0") \
                or not answer.get("access_token") or not answer.get("refresh_token"):
            code = answer.get("error") if isinstance(answer, dict) else None
            raise TokenRefreshError(_reason(code, answer if isinstance(answer, dict) else {}))
        try:
            expires_in = float(answer.get("expires_in", 90000))
        except (TypeError, ValueError):
            expires_in = 90000.0
        return str(answer["access_token"]), str(answer["refresh_token"]), expires_in

    return refresh
