"""Replace lines: for each new hand-written line in NEWFILE, drop one old line of FILE with the
same category+urgent code from the given length buckets (in priority order), preferring lines with diacritics."""
import sys, random, unicodedata
fn, newfn, buckets = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
def has_diac(t):
    return any(ch in "đĐ" or (len(unicodedata.normalize("NFD",ch))>1 and unicodedata.normalize("NFD",ch)[0].isascii()) for ch in t)
def lb(n): return "<30" if n<30 else "30-79" if n<80 else "80-159" if n<160 else "160+"
old = [l.rstrip("\n") for l in open(fn, encoding="utf-8") if l.strip()]
new = [l.rstrip("\n") for l in open(newfn, encoding="utf-8") if l.strip()]
rng = random.Random(len(old) * 7 + len(new))
drop = set()
for nl in new:
    code = nl[:2]
    cands = None
    bl = [lb(len(nl.split(' ',1)[1]))] if buckets == ['same'] else buckets
    for b in bl:
        for want_diac in (True, False):
            c = [i for i, l in enumerate(old) if i not in drop and l[:2] == code and lb(len(l.split(" ",1)[1])) == b and has_diac(l) == want_diac]
            if c: cands = c; break
        if cands: break
    assert cands, nl
    drop.add(rng.choice(cands))
out = [l for i, l in enumerate(old) if i not in drop] + new
open(fn, "w", encoding="utf-8").write("\n".join(out) + "\n")
print(fn, "dropped", len(drop), "now", len(out))
