"""SIGKILL the worker in the middle of a stream, start another: nothing lost, nothing repeated,
strike counts go on from the changelog-backed tables."""

import asyncio
import collections
from datetime import datetime, timedelta, timezone

import orjson
from pipeline.kafka import clients
from tests.integration.harness import WorkerProcess, collect, key_of, message, settings_for

TOTAL = 600
GROUPS = [f"crash-g{g}" for g in range(8)]
SENDERS = [f"s{s}" for s in range(5)]
BASE = datetime(2026, 11, 18, 6, 0, tzinfo=timezone(timedelta(hours=7)))
TEXTS = [
    "Chúc cả nhà buổi tối vui vẻ, mai đi đá bóng không mọi người",       # off_topic
    "Đêm qua nhà em ở xóm dưới bị kẻ gian cạy cửa lấy trộm mất xe máy",   # tip
    "Hôm nay trời mát quá, đi uống cà phê thôi",                          # off_topic
]


def script() -> list[bytes]:
    out = []
    for i in range(TOTAL):
        group, sender = GROUPS[i % len(GROUPS)], SENDERS[(i // len(GROUPS)) % len(SENDERS)]
        sent = (BASE + timedelta(seconds=97 * i)).isoformat()
        out.append(message(f"c{i}", group, sender, TEXTS[i % len(TEXTS)], sent))
    return out


async def produce_slowly(bootstrap: str, values: list[bytes], per_second: float) -> None:
    producer = clients.producer(settings_for(bootstrap))
    await producer.start()
    try:
        for value in values:
            await producer.send_and_wait("chat.messages", value=value, key=key_of(value))
            await asyncio.sleep(1 / per_second)
    finally:
        await producer.stop()


async def first_decision(bootstrap: str, timeout: float) -> None:
    await collect(bootstrap, ["moderation.decisions"], until=lambda o: o["moderation.decisions"],
                  timeout=timeout, settle=0)


def test_sigkill_mid_stream_loses_nothing_and_repeats_nothing(broker, tmp_path):
    values = script()
    first = WorkerProcess(broker.bootstrap, tmp_path, name="first").start()
    second = WorkerProcess(broker.bootstrap, tmp_path, app_id=first.app_id, name="second")
    try:
        async def run_first() -> int:
            producing = asyncio.create_task(produce_slowly(broker.bootstrap, values, per_second=40))
            await first_decision(broker.bootstrap, timeout=90)
            await asyncio.sleep(1.0)
            first.kill()
            seen = await collect(broker.bootstrap, ["moderation.decisions"], until=lambda o: True,
                                 timeout=5, settle=0.5)
            await producing
            return len(seen["moderation.decisions"])

        decided_before_kill = asyncio.run(run_first())
        assert 0 < decided_before_kill < TOTAL, "the kill did not land mid-stream"
        second.start()
        out = asyncio.run(collect(
            broker.bootstrap, ["moderation.decisions", "moderation.warnings", "moderation.escalations"],
            until=lambda o: len({d["message_id"] for d in o["moderation.decisions"]}) >= TOTAL,
            timeout=150, settle=3))
    finally:
        first.kill()
        second.stop()

    decisions = [d["message_id"] for d in out["moderation.decisions"]]
    assert set(decisions) == {f"c{i}" for i in range(TOTAL)}, second.log_tail()
    assert len(decisions) == TOTAL, "a decision was published twice"
    warning_ids = [w["warning_id"] for w in out["moderation.warnings"]]
    assert warning_ids and len(warning_ids) == len(set(warning_ids)), "a warning was published twice"
    escalation_ids = [e["escalation_id"] for e in out["moderation.escalations"]]
    assert escalation_ids and len(escalation_ids) == len(set(escalation_ids))

    # Strike counts continue across the crash: each member's warnings count 1, 2, 3, ... in order.
    per_member = collections.defaultdict(list)
    for w in sorted(out["moderation.warnings"], key=lambda w: (w["sent_at"], w["rule"])):
        per_member[(w["group_id"], w["sender_id"])].append(w["strike_count"])
    (tmp_path / "outputs.json").write_bytes(orjson.dumps(out))  # for diagnosis when this fails
    for member, counts in per_member.items():
        assert counts == list(range(1, len(counts) + 1)), (member, counts)
    assert max(len(c) for c in per_member.values()) > 3
