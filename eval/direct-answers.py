#!/usr/bin/env python3
"""Lists the direct-answer sentences of a `soga eval --json` run beside the question's facts, to read
them one by one (a direct sentence states a value: one that lacks every fact may be wrong).

    SOGA_TODAY=2026-12-06 npm run --silent soga -- eval eval/time-questions.jsonl --json > /tmp/t.json
    python3 eval/direct-answers.py eval/time-questions.jsonl /tmp/t.json
"""
import json
import sys
import unicodedata
from pathlib import Path

# The opening words of every direct sentence, in every language the bot speaks: each catalogue's
# direct-answer templates up to their first value ("In short: {value}" -> "In short").
KEYS = ('directValue', 'directDate', 'directAnnounced', 'directPastYes', 'directPastNo', 'directConflict')
CATALOGUES = Path(__file__).resolve().parent.parent / 'prompts' / 'locales'
PREFIXES = tuple(sorted({t.split('{')[0].rstrip(' :') for f in CATALOGUES.glob('*.json') for k, t in json.loads(f.read_text(encoding='utf-8')).items()
                         if k in KEYS and t.split('{')[0].strip()}, key=len, reverse=True))


def fold(text):
    return ''.join(c for c in unicodedata.normalize('NFD', text.lower()) if unicodedata.category(c) != 'Mn')


questions = {json.loads(line)['id']: json.loads(line) for line in open(sys.argv[1]) if line.strip()}
results = json.load(open(sys.argv[2]))['results']
stated = holding = 0
for r in results:
    first = r['answer'].split('\n')[0]
    if not first.startswith(PREFIXES):
        continue
    q = questions[r['id']]
    stated += 1
    ok = any(any(alt.strip() and fold(alt) in fold(first) for alt in fact.split('|')) for fact in q['facts'])
    holding += ok
    print(f"{r['id']} {'has a fact' if ok else 'NO FACT   '} {q['q'][:70]!r} => {first[:140]}  facts={q['facts']}")
print(f'{stated} direct sentences, {holding} of them hold one of the facts')
