"""People's corrections (``moderation.feedback``) as extra training rows, guarded.

A feedback record (written by the worker when a leader or officer corrects a
category; ``binhyen tail feedback`` dumps them as JSON lines)::

    {"feedback_id", "action_id", "group_id", "message_id", "model_category", "person_category",
     "actor_id", "actor_role", "model_version", "corrected_at", ["text"]}

Records without ``text`` get it from a dump of ``chat.messages`` (``--messages``),
joined on ``(group_id, message_id)``; a correction whose text cannot be found is
dropped (counted in the report).

The guards, so one person's corrections cannot silently rewrite a category:

1. **Agreement.** Corrections are grouped per message. Each actor counts once
   (their latest correction of that message). A message's correction is used
   when an ``officer`` made it (the latest officer's word wins over leaders),
   or when at least :data:`MIN_AGREEING_ACTORS` distinct actors agree on the
   same category and no other category has as many.
2. **Share cap.** Feedback rows can never be more than :data:`MAX_SHARE` of any
   category's training rows (``n_feedback <= MAX_SHARE * (n_base + n_feedback)``);
   beyond that, officers' corrections are kept first, then those with the most
   agreeing actors, then the oldest (deterministic order).
3. **Only the category.** People correct the category, not urgency: feedback
   rows train the category model and never the urgent head.

Each row keeps its provenance: ``source="feedback"``, the feedback ids, actors
and roles. The report lists what was used and why the rest was not.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Sequence

from pipeline.nlp.model import LABELS

MIN_AGREEING_ACTORS = 2
MAX_SHARE = 0.10
TRUSTED_ROLES = frozenset({"officer"})


class FeedbackError(ValueError):
    """A feedback or messages file cannot be read at all."""


def _json_lines(path: str | Path) -> Iterable[tuple[int, object]]:
    try:
        fh = open(path, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise FeedbackError(f"cannot read {path}: {exc.strerror}") from None
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except ValueError:
                yield n, None


def read_messages(path: str | Path) -> dict[tuple[str, str], str]:
    """``(group_id, message_id) -> text`` from a dump of chat.messages (JSON lines)."""
    out: dict[tuple[str, str], str] = {}
    for _, obj in _json_lines(path):
        if isinstance(obj, dict) and isinstance(obj.get("text"), str) and obj.get("group_id") is not None \
                and obj.get("message_id") is not None:
            out[(str(obj["group_id"]), str(obj["message_id"]))] = obj["text"]
    return out


def read_feedback(path: str | Path) -> tuple[list[dict], Counter]:
    """Valid feedback records, and a count of the rejected lines by reason."""
    records: list[dict] = []
    rejected: Counter = Counter()
    for _, obj in _json_lines(path):
        if not isinstance(obj, dict):
            rejected["not a JSON object"] += 1
            continue
        if obj.get("person_category") not in LABELS:
            rejected["person_category missing or unknown"] += 1
            continue
        if not obj.get("actor_id") or obj.get("group_id") is None or obj.get("message_id") is None:
            rejected["actor_id, group_id or message_id missing"] += 1
            continue
        records.append(obj)
    return records, rejected


def _decide(corrections: list[dict]) -> tuple[str | None, str, list[dict]]:
    """The category people settled on for one message, why, and the corrections that support it."""
    latest: dict[str, dict] = {}
    for c in sorted(corrections, key=lambda c: (str(c.get("corrected_at") or ""), str(c.get("feedback_id") or ""))):
        latest[str(c["actor_id"])] = c  # each actor counts once: their latest word
    by_actor = list(latest.values())
    officers = [c for c in by_actor if c.get("actor_role") in TRUSTED_ROLES]
    if officers:
        winner = officers[-1]["person_category"]
        return winner, "officer", [c for c in by_actor if c["person_category"] == winner]
    votes = Counter(c["person_category"] for c in by_actor)
    (top, n_top), *rest = votes.most_common()
    if n_top >= MIN_AGREEING_ACTORS and (not rest or rest[0][1] < n_top):
        return top, f"{n_top} actors agree", [c for c in by_actor if c["person_category"] == top]
    if n_top >= MIN_AGREEING_ACTORS:
        return None, "actors disagree", []
    return None, "only one actor, not an officer", []


def feedback_rows(records: Sequence[dict], base_rows: Sequence[dict],
                  messages: dict[tuple[str, str], str] | None = None) -> tuple[list[dict], dict]:
    """Training rows from feedback records (guarded), and a report of what was used."""
    messages = messages or {}
    per_message: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in records:
        per_message[(str(r["group_id"]), str(r["message_id"]))].append(r)
    skipped: Counter = Counter()
    candidates = []
    for key in sorted(per_message):
        group = per_message[key]
        text = next((c["text"] for c in group if isinstance(c.get("text"), str) and c["text"].strip()), None)
        if text is None:
            text = messages.get(key)
        if text is None or not text.strip():
            skipped["no text (not in the record, not in --messages)"] += 1
            continue
        category, why, support = _decide(group)
        if category is None:
            skipped[why] += 1
            continue
        candidates.append({
            "id": "fb:" + hashlib.sha256(f"{key[0]}\t{key[1]}".encode()).hexdigest()[:12],
            "text": text, "category": category, "urgent": None, "source": "feedback",
            "family": f"feedback:{key[0]}:{key[1]}", "group_id": key[0], "message_id": key[1],
            "feedback_ids": sorted(str(c.get("feedback_id")) for c in support),
            "actors": sorted({str(c["actor_id"]) for c in support}),
            "actor_roles": sorted({str(c.get("actor_role")) for c in support}),
            "model_categories": sorted({str(c.get("model_category")) for c in support}),
            "why": why, "_officer": why == "officer", "_n": len(support),
            "_first": min(str(c.get("corrected_at") or "") for c in support),
        })
    base_counts = Counter(r["category"] for r in base_rows)
    used: list[dict] = []
    capped: Counter = Counter()
    for cat in LABELS:
        cands = sorted((c for c in candidates if c["category"] == cat),
                       key=lambda c: (not c["_officer"], -c["_n"], c["_first"], c["id"]))
        # n_fb <= MAX_SHARE * (n_base + n_fb)  <=>  n_fb <= MAX_SHARE / (1 - MAX_SHARE) * n_base
        limit = int(MAX_SHARE / (1 - MAX_SHARE) * base_counts.get(cat, 0) + 1e-9)
        used.extend(cands[:limit])
        if len(cands) > limit:
            capped[cat] = len(cands) - limit
    for row in used:
        for k in ("_officer", "_n", "_first"):
            row.pop(k)
    report = {
        "records": len(records), "messages_corrected": len(per_message), "accepted": len(candidates),
        "used": len(used), "used_by_category": dict(Counter(r["category"] for r in used)),
        "used_by_reason": dict(Counter(r["why"].split(" ")[0] if r["why"] != "officer" else "officer"
                                       for r in used)),
        "skipped": dict(skipped), "over_the_cap": dict(capped),
        "rules": {"min_agreeing_actors": MIN_AGREEING_ACTORS, "trusted_roles": sorted(TRUSTED_ROLES),
                  "max_share_per_category": MAX_SHARE, "urgent_head": "feedback rows never train it"},
    }
    return used, report
