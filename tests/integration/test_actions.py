"""moderation.actions end to end, on the real broker with real worker processes: a pardon and a
correction are applied exactly once, even when the worker is SIGKILLed after publishing their
effects and before storing the group state; delivered again, they change nothing."""

import asyncio

import orjson

from tests.integration.harness import WorkerProcess, collect, message, one_group_toml, produce

GROUP = "xa-hanh-dong"
GROUPS_TOML = one_group_toml(GROUP, "Xã Hành Động", district="Huyện Thử", commune="Xã Hành Động")
OFF_TOPIC = "Hôm nay trời mát quá, rủ nhau đi uống cà phê thôi mọi người ơi"
OFF_TOPIC_2 = "Chúc cả nhà cuối tuần vui vẻ, mai mọi người có đi đá bóng giao hữu không"
DAY = "2026-11-{day}T09:{minute:02d}:00+07:00"  # office hours, Mon 16 .. Fri 20 November 2026

#: u1 reaches remove (three off-topic posts on three days); u2 posts one off-topic message.
BEFORE = [
    message("m1", GROUP, "u1", OFF_TOPIC, DAY.format(day=16, minute=0)),
    message("m2", GROUP, "u1", OFF_TOPIC_2, DAY.format(day=17, minute=0)),
    message("m3", GROUP, "u1", OFF_TOPIC, DAY.format(day=18, minute=0)),
    message("m4", GROUP, "u2", OFF_TOPIC_2, DAY.format(day=18, minute=5)),
]
AFTER = [
    message("m5", GROUP, "u1", OFF_TOPIC, DAY.format(day=19, minute=0)),
    message("m6", GROUP, "u2", OFF_TOPIC_2, DAY.format(day=19, minute=5)),
]


def action(action_id: str, kind: str, **fields) -> bytes:
    return orjson.dumps({"action_id": action_id, "group_id": GROUP, "action": kind, "actor_id": "officer-1",
                         "actor_role": "officer", "requested_at": "2026-11-18T15:00:00+07:00", **fields})


PARDON = action("a-pardon", "pardon", member_id="u1")
CORRECT = action("a-correct", "correct", message_id="m4", category="lost_item")
BAD = action("a-bad", "pardon")  # no member_id

TOPICS = ["moderation.decisions", "moderation.warnings", "moderation.feedback", "moderation.dead-letter"]


def kinds(out, kind):
    return [w for w in out["moderation.warnings"] if w.get("kind", "warning") == kind]


def test_pardon_and_correction_exactly_once_across_a_sigkill_before_the_state_write(broker, tmp_path):
    groups = tmp_path / "groups.toml"
    groups.write_text(GROUPS_TOML, encoding="utf-8")
    env = {"BINHYEN_GROUPS_FILE": str(groups)}
    # The first worker SIGKILLs itself after publishing the outputs of a batch holding an action,
    # before that batch's state write: the worst moment for exactly-once.
    first = WorkerProcess(broker.bootstrap, tmp_path, name="first",
                          extra_env={**env, "BINHYEN_FAULT_SIGKILL_BEFORE_STATE": "moderation.actions"})
    second = WorkerProcess(broker.bootstrap, tmp_path, app_id=first.app_id, name="second", extra_env=env)
    try:
        first.start()
        asyncio.run(produce(broker.bootstrap, BEFORE))
        out = asyncio.run(collect(broker.bootstrap, TOPICS, until=lambda o: len(o["moderation.decisions"]) >= 4,
                                  timeout=120, settle=1))
        assert [(w["message_id"], w["strike_count"]) for w in kinds(out, "warning")] == [
            ("m1", 1), ("m2", 2), ("m3", 3), ("m4", 1)], first.log_tail()

        asyncio.run(produce(broker.bootstrap, [PARDON, CORRECT, BAD], topic="moderation.actions"))
        out = asyncio.run(collect(broker.bootstrap, TOPICS, until=lambda o: kinds(o, "pardoned"), timeout=60,
                                  settle=0))
        assert first.process.wait(timeout=60) == -9, first.log_tail()  # it died before storing the state

        second.start()
        # delivered again (a producer retry, a person clicking twice): nothing more may happen
        asyncio.run(produce(broker.bootstrap, [PARDON, CORRECT], topic="moderation.actions"))
        asyncio.run(produce(broker.bootstrap, AFTER))
        out = asyncio.run(collect(broker.bootstrap, TOPICS, until=lambda o: len(o["moderation.decisions"]) >= 6
                                  and o["moderation.feedback"] and kinds(o, "withdrawn")
                                  and o["moderation.dead-letter"], timeout=150, settle=4))
    finally:
        first.kill()
        second.stop()
    log = second.log_tail()

    (pardoned,) = kinds(out, "pardoned")
    assert (pardoned["warning_id"], pardoned["sender_id"], pardoned["strike_count"], pardoned["cleared"]) == (
        f"{GROUP}:a-pardon:pardon", "u1", 0, 3), log
    (withdrawn,) = kinds(out, "withdrawn")
    assert (withdrawn["warning_id"], withdrawn["sender_id"], withdrawn["strike_count"]) == (
        f"{GROUP}:m4:withdrawn", "u2", 0)
    (feedback,) = out["moderation.feedback"]
    assert (feedback["feedback_id"], feedback["message_id"], feedback["model_category"],
            feedback["person_category"]) == ("a-correct", "m4", "off_topic", "lost_item")
    (dead,) = out["moderation.dead-letter"]
    assert (dead["reason"], dead["topic"]) == ("missing_field", "moderation.actions")

    # the state holds both actions exactly once: u1's strikes start again, u2's withdrawn strike is gone
    after = {w["message_id"]: (w["action"], w["strike_count"]) for w in kinds(out, "warning")
             if w["message_id"] in ("m5", "m6")}
    assert after == {"m5": ("remind", 1), "m6": ("remind", 1)}, log
    decisions = [d["message_id"] for d in out["moderation.decisions"]]
    assert sorted(decisions) == ["m1", "m2", "m3", "m4", "m5", "m6"]
    warning_ids = [w["warning_id"] for w in out["moderation.warnings"]]
    assert len(warning_ids) == len(set(warning_ids))


def test_binhyen_act_produces_the_record_it_prints(broker, tmp_path):
    import os
    import subprocess
    import sys

    from tests.integration.harness import REPO

    env = {**os.environ, "BINHYEN_KAFKA": broker.bootstrap}
    done = subprocess.run([sys.executable, "-m", "pipeline", "act", "pardon", GROUP, "u1", "--rule", "spam",
                           "--actor", "leader-1", "--role", "leader"], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    action_id = done.stdout.strip()
    out = asyncio.run(collect(broker.bootstrap, ["moderation.actions"],
                              until=lambda o: o["moderation.actions"], timeout=60, settle=1))
    (record,) = out["moderation.actions"]
    assert {k: record[k] for k in ("action_id", "group_id", "action", "member_id", "rule", "actor_id",
                                   "actor_role")} == {
        "action_id": action_id, "group_id": GROUP, "action": "pardon", "member_id": "u1", "rule": "spam",
        "actor_id": "leader-1", "actor_role": "leader"}
    bad = subprocess.run([sys.executable, "-m", "pipeline", "act", "correct", GROUP, "m1", "weather"], cwd=REPO,
                         env=env, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "category" in bad.stderr
