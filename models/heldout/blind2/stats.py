import json, collections, unicodedata
rows = [json.loads(l) for l in open("messages.jsonl", encoding="utf-8")]
def has_diac(t):
    for ch in t:
        if ch in "đĐ": return True
        d = unicodedata.normalize("NFD", ch)
        if len(d) > 1 and d[0].isascii() and d[0].isalpha(): return True
    return False
def lb(n):
    return "<30" if n < 30 else "30-79" if n < 80 else "80-159" if n < 160 else "160+"
C = collections.Counter
print("total", len(rows), "ids unique", len({r['id'] for r in rows}) == len(rows), "texts unique", len({r['text'] for r in rows}) == len(rows))
print("category", C(r["category"] for r in rows))
print("source x cat", C((r["source_kind"], r["category"]) for r in rows))
print("urgent", C((r["source_kind"], r["urgent"]) for r in rows if r["category"] == "tip"))
print("register", C(r["register"] for r in rows))
print("register x source", sorted(C((r["source_kind"], r["register"]) for r in rows).items()))
nd = [r for r in rows if not has_diac(r["text"])]
print("no diacritics", len(nd), f"{len(nd)/len(rows):.1%}", C(r["source_kind"] for r in nd))
L = C(lb(len(r["text"])) for r in rows)
print("length", {k: f"{L[k]} ({L[k]/len(rows):.1%})" for k in ["<30", "30-79", "80-159", "160+"]})
for sk in ["group", "comment", "review", "news", "sms"]:
    rs = [r for r in rows if r["source_kind"] == sk]
    L = C(lb(len(r["text"])) for r in rs)
    print(" ", sk, {k: L[k] for k in ["<30", "30-79", "80-159", "160+"]}, "nodiac", sum(not has_diac(r["text"]) for r in rs))
