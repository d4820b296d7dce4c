"""SIGKILL workers ten times during a 5,000-message stream: nothing lost, nothing repeated, strike
counts go on from the stored group state.

Two workers of one consumer group run side by side; every few seconds, once the group has made
progress since the last kill, one of them is SIGKILLed mid-batch and a replacement started. The
consumer-group timings are short (session 3 s) so that each takeover is quick."""

import asyncio
import collections
from datetime import datetime, timedelta, timezone

import orjson

from pipeline.kafka import clients
from tests.integration.harness import WorkerProcess, collect, key_of, message, settings_for

TOTAL = 5000
KILLS = 10
GROUPS = [f"crash-g{g}" for g in range(8)]
SENDERS = [f"s{s}" for s in range(5)]
BASE = datetime(2026, 11, 18, 6, 0, tzinfo=timezone(timedelta(hours=7)))
TEXTS = [
    "Chúc cả nhà buổi tối vui vẻ, mai đi đá bóng không mọi người",       # off_topic
    "Đêm qua nhà em ở xóm dưới bị kẻ gian cạy cửa lấy trộm mất xe máy",   # tip
    "Hôm nay trời mát quá, đi uống cà phê thôi",                          # off_topic
]
QUICK_TAKEOVER = {"BINHYEN_SESSION_TIMEOUT": "3", "BINHYEN_HEARTBEAT_INTERVAL": "0.5",
                  "BINHYEN_REBALANCE_TIMEOUT": "4"}
DECISIONS = "moderation.decisions"


def script() -> list[bytes]:
    out = []
    for i in range(TOTAL):
        group, sender = GROUPS[i % len(GROUPS)], SENDERS[(i // len(GROUPS)) % len(SENDERS)]
        sent = (BASE + timedelta(seconds=97 * i)).isoformat()
        out.append(message(f"c{i}", group, sender, TEXTS[i % len(TEXTS)], sent))
    return out


async def produce_paced(bootstrap: str, values: list[bytes], per_second: float) -> None:
    producer = clients.producer(settings_for(bootstrap), linger_ms=0)
    await producer.start()
    try:
        loop = asyncio.get_running_loop()
        started = loop.time()
        for i, value in enumerate(values):
            await producer.send("chat.messages", value=value, key=key_of(value))
            delay = started + (i + 1) / per_second - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
        await producer.flush()
    finally:
        await producer.stop()


class DecisionCounter:
    """Counts decision records as they come (progress between kills)."""

    def __init__(self, bootstrap: str) -> None:
        self.consumer = clients.consumer(settings_for(bootstrap), DECISIONS)
        self.count = 0

    async def run(self) -> None:
        await self.consumer.start()
        try:
            while True:
                batch = await self.consumer.getmany(timeout_ms=200)
                self.count += sum(len(records) for records in batch.values())
        finally:
            await self.consumer.stop()

    async def progress(self, since: int, at_least: int, timeout: float) -> bool:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self.count < since + at_least:
            if loop.time() > deadline:
                return False
            await asyncio.sleep(0.05)
        return True


def test_ten_sigkills_mid_stream_lose_nothing_and_repeat_nothing(broker, tmp_path):
    values = script()
    first = WorkerProcess(broker.bootstrap, tmp_path, name="w0", extra_env=QUICK_TAKEOVER)
    app_id = first.app_id
    workers = [first.start(), WorkerProcess(broker.bootstrap, tmp_path, app_id=app_id, name="w1",
                                            extra_env=QUICK_TAKEOVER).start()]
    every = list(workers)
    try:
        async def stream_and_kill() -> list[int]:
            counter = DecisionCounter(broker.bootstrap)
            counting = asyncio.create_task(counter.run())
            producing = asyncio.create_task(produce_paced(broker.bootstrap, values, per_second=60))
            decided_at_kill = []
            try:
                assert await counter.progress(0, 1, timeout=90), every[0].log_tail()
                for k in range(KILLS):
                    # each kill after the group has moved on since the last one, while messages flow
                    await counter.progress(counter.count, 150, timeout=45)
                    victim = k % 2
                    workers[victim].kill()
                    decided_at_kill.append(counter.count)
                    workers[victim] = WorkerProcess(broker.bootstrap, tmp_path, app_id=app_id, name=f"w{k + 2}",
                                                    extra_env=QUICK_TAKEOVER).start()
                    every.append(workers[victim])
                await producing
            finally:
                counting.cancel()
                producing.cancel()
            return decided_at_kill

        decided_at_kill = asyncio.run(stream_and_kill())
        assert len(decided_at_kill) == KILLS and decided_at_kill[-1] < TOTAL, \
            f"the kills did not land mid-stream: {decided_at_kill}"
        out = asyncio.run(collect(
            broker.bootstrap, [DECISIONS, "moderation.warnings", "moderation.escalations"],
            until=lambda o: len({d["message_id"] for d in o[DECISIONS]}) >= TOTAL,
            timeout=120, settle=3))
    finally:
        for worker in every:
            worker.kill() if worker not in workers else worker.stop()

    (tmp_path / "outputs.json").write_bytes(orjson.dumps(out))  # for diagnosis when this fails
    print(f"decisions counted at the {KILLS} kills: {decided_at_kill}")
    decisions = [d["message_id"] for d in out[DECISIONS]]
    assert set(decisions) == {f"c{i}" for i in range(TOTAL)}, workers[0].log_tail()
    assert len(decisions) == TOTAL, f"{len(decisions) - TOTAL} decisions published twice"
    warning_ids = [w["warning_id"] for w in out["moderation.warnings"]]
    assert warning_ids and len(warning_ids) == len(set(warning_ids)), "a warning was published twice"
    escalation_ids = [e["escalation_id"] for e in out["moderation.escalations"]]
    assert escalation_ids and len(escalation_ids) == len(set(escalation_ids)), "an escalation was published twice"

    # Strike counts continue across the crashes: each member's warnings count 1, 2, 3 (remind, final
    # warning, remove); after that the member's removal case is open and further violations are
    # recorded in the decisions (one case update a day reaches the leaders), where every member's
    # strike count keeps going up: never a strike counted twice, none lost.
    per_member = collections.defaultdict(list)
    for w in sorted(out["moderation.warnings"], key=lambda w: (w["sent_at"], w["rule"])):
        per_member[(w["group_id"], w["sender_id"])].append(w["strike_count"])
    for member, counts in per_member.items():
        assert counts[:3] == list(range(1, min(3, len(counts)) + 1)), (member, counts)
        assert counts == sorted(set(counts)), (member, counts)
    recorded = collections.defaultdict(list)
    for d in sorted(out["moderation.decisions"], key=lambda d: d["sent_at"]):
        if "strike_count" in d and "sender_id" in d:
            recorded[(d["group_id"], d["sender_id"])].append(d["strike_count"])
    for member, counts in recorded.items():
        assert counts == sorted(set(counts)), (member, counts)  # never a strike counted twice
    assert max(len(c) for c in recorded.values()) > 3
