"""The moderation agent under Faust's test_context: real app, real agent, in-memory channel.

Output topics and changelogs are replaced by recorders, so nothing talks to Kafka.
"""

import asyncio

import orjson
import pytest

from pipeline.settings import Settings
from pipeline.streams import topics
from pipeline.streams.app import build_app


class RecordingTopic:
    def __init__(self, name="t"):
        self.name = name
        self.sent = []

    def get_topic_name(self):
        return self.name

    async def send(self, key, value, **kwargs):
        self.sent.append((key, orjson.loads(value) if isinstance(value, bytes) else value, kwargs))
        future = asyncio.get_running_loop().create_future()
        future.set_result(None)
        return future


@pytest.fixture
def runtime(tmp_path, classifier, engine):
    settings = Settings(kafka="127.0.0.1:1", app_id=f"t-{tmp_path.name}", data_dir=str(tmp_path / "data"),
                        batch_timeout=0.01)
    rt = build_app(settings, classifier, engine)
    sent = {name: RecordingTopic(name) for name in (*topics.OUTPUTS, "changelog")}
    changelog = rt.state.changelog

    async def publish(records, units=None):
        for topic, key, value, partition in records:
            await sent["changelog" if topic == changelog else topic].send(
                key, orjson.loads(value) if value is not None else None, partition=partition)

    rt.publish = publish
    rt.sent = sent
    return rt


async def wait_for(predicate, timeout=5.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not reached")
        await asyncio.sleep(0.01)


def value(mid, text, sent_at="2026-11-18T22:15:00+07:00", sender="u1"):
    return orjson.dumps({"message_id": mid, "group_id": "xa-test", "sender_id": sender, "text": text,
                         "sent_at": sent_at})


async def test_agent_publishes_outputs_keyed_by_group_and_stores_state(runtime):
    agent = runtime.app.agents["moderate"]
    async with agent.test_context() as test_agent:
        await test_agent.put(value("m1", "Có kẻ gian đang cạy cửa nhà số 5, cứu với"), key=b"xa-test", partition=2)
        await test_agent.put(value("m2", "Chúc cả nhà ngủ ngon"), key=b"xa-test", partition=2)
        await test_agent.put(b"not json", key=b"xa-test", partition=2)
        sent = runtime.sent
        await wait_for(lambda: len(sent[topics.DECISIONS].sent) == 2 and sent[topics.DEAD_LETTER].sent)

    decisions = sent[topics.DECISIONS].sent
    assert {k for k, _, _ in decisions} == {b"xa-test"}
    assert [d["message_id"] for _, d, _ in decisions] == ["m1", "m2"]
    (_, escalation, _), = sent[topics.ESCALATIONS].sent
    assert escalation["priority"] == "urgent" and escalation["message_id"] == "m1"
    (_, warning, _), = sent[topics.WARNINGS].sent  # m2: off-topic at 22:15, one warning for both rules
    assert warning["rules"] == ["antt_only", "office_hours"] and warning["strike_count"] == 1
    assert sent[topics.DEAD_LETTER].sent[0][1]["reason"] == "bad_json"
    # the group's state went to the changelog partition of its input partition: its head record,
    # then the parts that changed (here the member u1)
    changelog = sent["changelog"].sent
    assert changelog and {kw["partition"] for _, _, kw in changelog} == {2}
    keys = [orjson.loads(k) for k, _, _ in changelog]
    assert keys[0] == "xa-test" and ["xa-test", "m.u1"] in keys
    assert all(k == "xa-test" or k[0] == "xa-test" for k in keys)
    stored = orjson.loads(runtime.state.stored("xa-test"))
    heads = [v for k, v, _ in changelog if k == b'"xa-test"']
    assert stored == heads[-1] and stored["members"] == ["u1"]
    assert runtime.state.stored_parts("xa-test").keys() == {"m.u1"}
