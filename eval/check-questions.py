#!/usr/bin/env python3
"""Sanity-check a question set against the shipped corpus (no assistant involved).

For every answerable question: each evidence string must occur in the normalised corpus text, and
every fact (one of its |-separated alternatives) must occur within WINDOW characters of an evidence
occurrence, so that an extractive answer quoting that passage can contain it. Unanswerable questions
must have empty evidence and facts. Ids must be unique. Normalisation follows ../shared/eval/README.md.

Conversation items ({"id", "lang", "turns": [{"q", "evidence", "facts", "answerable"}]}, a turn may add its
own "lang") are checked turn by turn (turn n of c01 is reported as c01.n); a conversation has 2 to 4 turns. A .json file is read as an events list (eval/events-gold.json):
every evidence sentence must occur in the corpus, dates must be YYYY, YYYY-MM or YYYY-MM-DD (or null when
the corpus gives none), an end must not precede its start, and soga_role must be one of the listed values.

Usage: python3 eval/check-questions.py [eval/extra-questions.jsonl|eval/events-gold.json] [corpus_dir]
"""
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

WINDOW = 600
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
ROLES = {"organiser", "co-organiser", "speaker", "partner", "attendee", None}


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub("[\u2018\u2019\u02bc\u2032`\u00b4]", "'", text).lower()
    return re.sub(r"[\s\u00a0\u202f\u2007]+", " ", text).strip()


def main() -> int:
    qpath = Path(sys.argv[1] if len(sys.argv) > 1 else "eval/extra-questions.jsonl")
    cdir = Path(sys.argv[2] if len(sys.argv) > 2 else "corpus")
    docs = {p.name: norm(p.read_text(encoding="utf-8")) for p in sorted(cdir.rglob("*"))
            if p.is_file() and p.name != "README.md"}
    if qpath.suffix == ".json":
        return check_events(json.loads(qpath.read_text(encoding="utf-8")), docs)
    items = [json.loads(line) for line in qpath.read_text(encoding="utf-8").splitlines() if line.strip()]
    errors = []
    ids = Counter(q["id"] for q in items)
    errors += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    questions = []
    for item in items:
        if "turns" not in item:
            questions.append(item)
            continue
        if not 2 <= len(item["turns"]) <= 4:
            errors.append(f"{item['id']}: a conversation has 2 to 4 turns")
        # A turn may carry its own lang when the member switches language mid-conversation.
        questions += [dict(turn, id=f"{item['id']}.{n}", lang=turn.get("lang", item["lang"]))
                      for n, turn in enumerate(item["turns"], 1)]
    for q in questions:
        qid = q["id"]
        if not q["answerable"]:
            if q["evidence"] or q["facts"]:
                errors.append(f"{qid}: unanswerable but has evidence/facts")
            continue
        if not q["evidence"] or not q["facts"]:
            errors.append(f"{qid}: answerable but no evidence or facts")
        windows = []
        for ev in q["evidence"]:
            needle = norm(ev)
            if needle != ev:
                errors.append(f"{qid}: evidence not normalised: {ev!r}")
            hits = [(name, m.start()) for name, text in docs.items() for m in re.finditer(re.escape(needle), text)]
            if not hits:
                errors.append(f"{qid}: evidence not in corpus: {ev!r}")
            for name, pos in hits:
                text = docs[name]
                windows.append(text[max(0, pos - WINDOW):pos + len(needle) + WINDOW])
        for fact in q["facts"]:
            alts = [norm(a) for a in fact.split("|")]
            if windows and not any(a in w for a in alts for w in windows):
                errors.append(f"{qid}: fact {fact!r} not near its evidence")
    langs = Counter(q["lang"] for q in questions if q["answerable"])
    if len(questions) != len(items):
        print(f"{len(items)} conversations, " + ", ".join(
            f"{k} {v}" for k, v in sorted(Counter(i["lang"] for i in items).items())))
    print(f"{len(questions)} questions, {sum(langs.values())} answerable: "
          + ", ".join(f"{k} {v}" for k, v in sorted(langs.items())))
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


def check_events(events: list, docs: dict) -> int:
    errors = []
    corpus = "\n".join(docs.values())
    for n, ev in enumerate(events):
        name = ev.get("name") or f"event {n}"
        missing = {"name", "aliases", "start", "end", "places", "soga_role", "evidence", "article_date"} - ev.keys()
        if missing:
            errors.append(f"{name}: missing {sorted(missing)}")
            continue
        if norm(ev["evidence"]) != ev["evidence"]:
            errors.append(f"{name}: evidence not normalised")
        elif ev["evidence"] not in corpus:
            errors.append(f"{name}: evidence not in corpus: {ev['evidence']!r}")
        for field in ("start", "end", "article_date"):
            if ev[field] is not None and not DATE.fullmatch(ev[field]):
                errors.append(f"{name}: {field} {ev[field]!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if ev["end"] is not None and (ev["start"] is None or ev["end"] < ev["start"]):
            errors.append(f"{name}: end before start")
        if ev["soga_role"] not in ROLES:
            errors.append(f"{name}: soga_role {ev['soga_role']!r}")
        if ev["start"] is None and not ev.get("note"):
            errors.append(f"{name}: an undated event needs a note")
    dated = sum(1 for ev in events if ev["start"] is not None)
    print(f"{len(events)} events, {dated} dated")
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
