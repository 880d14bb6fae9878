#!/usr/bin/env python3
"""Sanity-check a question set against the shipped corpus (no assistant involved).

For every answerable question: each evidence string must occur in the normalised corpus text, and
every fact (one of its |-separated alternatives) must occur within WINDOW characters of an evidence
occurrence, so that an extractive answer quoting that passage can contain it. Unanswerable questions
must have empty evidence and facts. Ids must be unique. Normalisation follows ../shared/eval/README.md.

Usage: python3 eval/check-questions.py [eval/extra-questions.jsonl] [corpus_dir]
"""
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

WINDOW = 600


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
    questions = [json.loads(line) for line in qpath.read_text(encoding="utf-8").splitlines() if line.strip()]
    errors = []
    ids = Counter(q["id"] for q in questions)
    errors += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
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
    print(f"{len(questions)} questions, {sum(langs.values())} answerable: "
          + ", ".join(f"{k} {v}" for k, v in sorted(langs.items())))
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
