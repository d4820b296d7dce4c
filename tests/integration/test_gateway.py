"""The gateway on the real embedded broker with the real worker: signed Zalo events become decisions
(message_id = msg_id); bad signatures, stale events, replays and malformed bodies make no decision
and no duplicate; malformed bodies are dead-lettered with their raw bytes."""

from __future__ import annotations

import asyncio
import base64
import time
from collections import Counter

import aiohttp
import orjson

from tests.integration.gateway_support import gateway_server, sign, zalo_event
from tests.integration.harness import WorkerProcess, collect

TIP = "Tối qua khoảng 2h sáng có 2 thanh niên đi xe máy không biển số cạy khóa xe nhà số 12 hẻm 5, mọi người cảnh giác"
SPAM = "Bán đất nền giá rẻ sổ hồng riêng, vay ngân hàng lãi suất thấp, inbox ngay để được tư vấn"


def test_signed_events_become_decisions_once(broker, tmp_path):
    worker = WorkerProcess(broker.bootstrap, tmp_path).start()
    try:
        out, answers = asyncio.run(_scenario(broker.bootstrap))
        assert worker.process.poll() is None, worker.log_tail()
    finally:
        worker.stop()

    assert answers == {"text": 200, "image": 200, "tip": 200, "private-spam": 200, "join": 200, "replay": 200,
                       "bad-signature": 401, "stale": 401, "bad-json": 400, "unknown-event": 400,
                       "missing-msg-id": 400}, answers

    decisions = Counter(d["message_id"] for d in out["moderation.decisions"])
    assert decisions == Counter({"zm-text-1": 1, "zm-image-1": 1, "zm-tip-1": 1, "zm-spam-1": 1}), \
        (decisions, worker.log_tail())
    by_id = {d["message_id"]: d for d in out["moderation.decisions"]}
    assert by_id["zm-text-1"]["group_id"] == "phuong-ben-nghe"
    assert by_id["zm-image-1"]["group_id"] == "zalo-424242"  # not a configured OA group
    assert by_id["zm-tip-1"]["group_id"] == "zalo-private-tips"
    assert by_id["zm-tip-1"]["sender_role"] == "member" and by_id["zm-tip-1"]["mode"] == "shadow"

    # the image's URL went through to the input record
    inputs = [m for m in out["chat.messages"] if m["message_id"] == "zm-image-1"]
    assert inputs[0]["attachments"] == [{"kind": "image", "url": "https://f.zdn.vn/it/anh-xe.jpg"}]
    # the replay reached chat.messages a second time; the worker dropped it (one decision above)
    assert Counter(m["message_id"] for m in out["chat.messages"])["zm-text-1"] == 2
    assert not {"zm-bad-sig", "zm-stale", "zm-missing"} & {m["message_id"] for m in out["chat.messages"]}

    # private tips: escalated, never warned (the private-tips group is a shadow group)
    assert [e["message_id"] for e in out["moderation.escalations"] if e["group_id"] == "zalo-private-tips"] \
        == ["zm-tip-1"]
    assert [w for w in out["moderation.warnings"] if w["group_id"] == "zalo-private-tips"] == []
    assert any(a.startswith("would_warn:") for a in by_id["zm-spam-1"]["actions"]), by_id["zm-spam-1"]

    dead = {d["reason"]: d for d in out["moderation.dead-letter"]}
    assert set(dead) == {"bad_json", "unknown_event", "missing_field"}, dead
    assert base64.b64decode(dead["bad_json"]["original_base64"]) == b'{"event_name": "user_send_group_text", "mes'
    for d in dead.values():
        assert d["source"] == "gateway" and d["endpoint"] == "/zalo/webhook" and d["error"]


async def _scenario(bootstrap: str):
    answers: dict[str, int] = {}
    now = int(time.time() * 1000)
    text = zalo_event("user_send_group_text", "zm-text-1", text="Chiều nay 15h phường họp tổ dân phố", ts_ms=now)
    image = zalo_event("user_send_group_image", "zm-image-1", recipient="424242", text="",
                       attachments=[{"type": "image", "payload": {"url": "https://f.zdn.vn/it/anh-xe.jpg"}}])
    tip = zalo_event("user_send_text", "zm-tip-1", sender="zu-5555", recipient="oa-it", text=TIP)
    spam = zalo_event("user_send_text", "zm-spam-1", sender="zu-5556", recipient="oa-it", text=SPAM)
    join = zalo_event("user_join_group", "-", text="")
    stale = zalo_event("user_send_group_text", "zm-stale", text="cũ", ts_ms=now - 3600_000)
    unknown = zalo_event("shop_has_order", "zm-unknown")
    missing = zalo_event("user_send_group_text", "zm-missing", text="x")
    del missing["message"]["msg_id"]

    async with gateway_server(bootstrap) as server:
        assert await server.gateway.wait_connected(30)
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as http:
            async def post(name: str, raw: bytes, headers: dict) -> None:
                async with http.post(server.url + "/zalo/webhook", data=raw, headers=headers) as resp:
                    answers[name] = resp.status

            raw_text, h_text = sign(text)
            for name, body in (("text", text), ("image", image), ("tip", tip), ("private-spam", spam),
                               ("join", join), ("stale", stale), ("unknown-event", unknown),
                               ("missing-msg-id", missing)):
                await post(name, *sign(body))
            await post("replay", raw_text, h_text)  # Zalo delivering the same event again
            await post("bad-signature", *sign(zalo_event("user_send_group_text", "zm-bad-sig", text="giả"), "nope"))
            await post("bad-json", b'{"event_name": "user_send_group_text", "mes', {"Content-Type": "application/json"})

    out = await collect(bootstrap, ["moderation.decisions", "moderation.dead-letter", "moderation.escalations",
                                    "moderation.warnings", "chat.messages"],
                        until=lambda o: len(o["moderation.decisions"]) >= 4 and len(o["moderation.dead-letter"]) >= 3,
                        timeout=120, settle=3.0)
    return out, answers
