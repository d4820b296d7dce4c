"""The spine, end to end: a real broker, a real worker process, the shipped model, a scripted
conversation, and the exact records on every output topic."""

import asyncio

from tests.integration import scripted
from tests.integration.harness import WorkerProcess, collect, produce

OUTPUTS = ["moderation.decisions", "moderation.warnings", "moderation.escalations",
           "moderation.lost-found", "moderation.dead-letter"]
TEXTS = {mid: text for mid, _, _, text in scripted.SCRIPT}


def enough(out):
    return (len(out["moderation.decisions"]) >= len(scripted.SCRIPT)
            and len(out["moderation.warnings"]) >= len(scripted.EXPECTED_WARNINGS)
            and len(out["moderation.lost-found"]) >= 2 and out["moderation.dead-letter"])


def test_scripted_conversation_gives_exact_records(broker, tmp_path):
    groups = tmp_path / "groups.toml"
    groups.write_text(scripted.GROUPS_TOML, encoding="utf-8")
    worker = WorkerProcess(broker.bootstrap, tmp_path, extra_env={"BINHYEN_GROUPS_FILE": str(groups)}).start()
    try:
        asyncio.run(produce(broker.bootstrap, scripted.values()))
        out = asyncio.run(collect(broker.bootstrap, OUTPUTS, until=enough, timeout=120, settle=3))
    finally:
        worker.stop()
    log = worker.log_tail()

    decisions = {d["message_id"]: d for d in out["moderation.decisions"]}
    assert len(out["moderation.decisions"]) == len(scripted.SCRIPT), log  # the duplicate made none
    assert {m: (d["category"], d["urgent"]) for m, d in decisions.items()} == scripted.EXPECTED_CATEGORIES
    model_versions = {d["model_version"] for d in decisions.values()}
    assert len(model_versions) == 1 and not model_versions.pop().startswith("keywords"), "fallback in use"
    for d in decisions.values():
        assert {r["rule"] for r in d["rules"]} == {"antt_only", "office_hours", "spam", "flood"}
        assert "text" not in d
        assert abs(sum(d["scores"].values()) - 1) < 0.01
    assert "sender_id" not in decisions["m1"] and "sender_id" not in decisions["m2"]  # informants
    assert decisions["m8"]["sender_role"] == "leader" and decisions["m8"]["actions"] == ["none"]

    warnings = sorted((w["message_id"], w["rule"], w["action"], w["strike_count"])
                      for w in out["moderation.warnings"])
    assert warnings == sorted(scripted.EXPECTED_WARNINGS)
    for w in out["moderation.warnings"]:
        assert w["warning_id"] == f"{scripted.GROUP}:{w['message_id']}:{w['rule']}"
        assert TEXTS[w["message_id"]] not in w["notice_vi"]
        assert w["sender_id"] in {"u3", "u4"}
    notice_m3 = next(w for w in out["moderation.warnings"] if w["message_id"] == "m3")["notice_vi"]
    assert "21:00" in notice_m3

    escalations = sorted((e["message_id"], e["priority"]) for e in out["moderation.escalations"])
    assert escalations == scripted.EXPECTED_ESCALATIONS
    for e in out["moderation.escalations"]:
        assert e["text"] == TEXTS[e["message_id"]] and e["sender_id"] in {"u1", "u2"}
        assert e["route_to"] == ["officer-1"] and e["reasons"]

    lost = sorted((r["message_id"], r["kind"], (r["match"] or {}).get("message_id"))
                  for r in out["moderation.lost-found"])
    assert lost == scripted.EXPECTED_LOST_FOUND

    (dead,) = out["moderation.dead-letter"]
    assert dead["reason"] == "bad_json" and dead["topic"] == "chat.messages"
