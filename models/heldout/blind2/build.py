"""Assemble raw/*.txt (hand-written lines "<cat><urgent><register> text") into messages.jsonl."""
import json, re, collections
CAT = {"t": "tip", "s": "spam", "l": "lost_item", "o": "off_topic"}
REG = {"F": "formal", "N": "casual_north", "C": "casual_central", "S": "casual_south", "T": "teencode"}
FILES = [("g_tip.txt", "group"), ("g_spam.txt", "group"), ("g_lost.txt", "group"), ("g_off.txt", "group"),
         ("c.txt", "comment"),
         ("r.txt", "review"), ("n1.txt", "news"), ("sms.txt", "sms")]
rows = []
for fn, sk in FILES:
    for ln in open(f"raw/{fn}", encoding="utf-8"):
        ln = ln.rstrip("\n")
        if not ln.strip():
            continue
        m = re.match(r"^([tslo])([01])([FNCST]) (.+)$", ln)
        assert m, (fn, ln)
        c, u, r, text = m.groups()
        assert not (u == "1" and c != "t"), ln
        rows.append({"text": text.strip(), "category": CAT[c], "urgent": u == "1", "register": REG[r], "source_kind": sk})
import random
random.Random(20261202).shuffle(rows)  # ids must not reveal category/source order
seen = set()
for r in rows:
    assert r["text"] not in seen, r["text"]
    seen.add(r["text"])
with open("messages.jsonl", "w", encoding="utf-8") as f:
    for i, r in enumerate(rows, 1):
        f.write(json.dumps({"id": f"b2-{i:04d}", **r}, ensure_ascii=False) + "\n")
print(len(rows))
