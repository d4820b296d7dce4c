"""Assemble models/heldout/realistic.jsonl from the hand-written source lists.

There are no templates and no slot filling here: every line under src/ is one
message typed by hand. The source files are named after the category
(src/<category>_<n>.txt). Each non-empty line that does not start with '#' is

    register|text                 (urgent = false)
    !register|text                (tip only: urgent = true)

The script only parses those lines, numbers them, computes the `diacritics`
flag (does the text contain any Vietnamese letter outside ASCII, such as
á, ư, đ), validates the result and writes the JSONL file. Run:

    python models/heldout/build.py            # writes realistic.jsonl, prints counts
    python models/heldout/build.py --check    # validate only
"""

from __future__ import annotations

import collections
import json
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "realistic.jsonl"

CATEGORIES = ("tip", "spam", "lost_item", "off_topic")
REGISTERS = {
    "off_topic": {
        "chat", "story", "quarrel", "joke", "religious", "poem_lyrics", "complaint",
        "review", "admin_question", "news_forward", "leader_notice",
    },
    "tip": {"report", "emergency", "scam_warning"},
    "spam": {"ad", "job_scam", "chain", "remedy", "sale", "loan_betting", "phishing"},
    "lost_item": {"lost", "found", "thanks"},
}


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese diacritic or the letter đ."""
    for ch in text:
        if ch in "đĐ":
            return True
        if not ch.isalpha() or ch.isascii():
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        if decomposed[0].isascii() and len(decomposed) > 1:
            return True
    return False


def bucket(text: str) -> str:
    n = len(text)
    if n < 30:
        return "<30"
    if n < 80:
        return "30-79"
    if n < 160:
        return "80-159"
    return "160+"


def load() -> list[dict]:
    rows: list[dict] = []
    for path in sorted(SRC.glob("*.txt")):
        category = path.stem.rsplit("_", 1)[0]
        if category not in CATEGORIES:
            raise SystemExit(f"{path.name}: unknown category {category!r}")
        for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            head, sep, text = line.partition("|")
            if not sep:
                raise SystemExit(f"{path.name}:{lineno}: no '|' separator")
            urgent = head.startswith("!")
            register = head.lstrip("!").strip()
            text = text.strip()
            if register not in REGISTERS[category]:
                raise SystemExit(f"{path.name}:{lineno}: register {register!r} not allowed for {category}")
            if urgent and category != "tip":
                raise SystemExit(f"{path.name}:{lineno}: urgent on a non-tip")
            if not text:
                raise SystemExit(f"{path.name}:{lineno}: empty text")
            text = unicodedata.normalize("NFC", text)
            rows.append({
                "text": text, "category": category, "urgent": urgent,
                "register": register, "diacritics": has_diacritics(text),
                "_where": f"{path.name}:{lineno}",
            })
    return rows


def validate(rows: list[dict]) -> None:
    seen: dict[str, str] = {}
    problems = []
    for row in rows:
        key = row["text"]
        if key in seen:
            problems.append(f"duplicate text at {row['_where']} (first at {seen[key]})")
        seen.setdefault(key, row["_where"])
    if problems:
        raise SystemExit("\n".join(problems))


def report(rows: list[dict]) -> str:
    out = [f"total {len(rows)}"]
    for title, keyf in (
        ("category", lambda r: r["category"]),
        ("category/urgent", lambda r: f"{r['category']} urgent={r['urgent']}"),
        ("register", lambda r: f"{r['category']}/{r['register']}"),
        ("length", lambda r: f"{r['category']} {bucket(r['text'])}"),
        ("length (all)", lambda r: bucket(r["text"])),
        ("diacritics", lambda r: f"{r['category']} diacritics={r['diacritics']}"),
        ("diacritics (all)", lambda r: f"diacritics={r['diacritics']}"),
    ):
        counts = collections.Counter(keyf(r) for r in rows)
        out.append(f"-- {title}")
        out.extend(f"  {k}: {v}" for k, v in sorted(counts.items()))
    return "\n".join(out)


def main(argv: list[str]) -> int:
    rows = load()
    validate(rows)
    if "--check" not in argv:
        with OUT.open("w", encoding="utf-8") as fh:
            for i, row in enumerate(rows, 1):
                rec = {"id": f"h{i:04d}", **{k: v for k, v in row.items() if not k.startswith("_")}}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        # re-read what was written and check it
        ids = set()
        for line in OUT.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            assert rec["id"] not in ids
            ids.add(rec["id"])
            assert rec["category"] in CATEGORIES
            assert isinstance(rec["urgent"], bool) and (not rec["urgent"] or rec["category"] == "tip")
    print(report(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
