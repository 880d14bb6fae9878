#!/usr/bin/env python3
"""Lists the direct-answer sentences of a `soga eval --json` run beside the question's facts, to read
them one by one (a direct sentence states a value: one that lacks every fact may be wrong).

    SOGA_TODAY=2026-12-06 npm run --silent soga -- eval eval/time-questions.jsonl --json > /tmp/t.json
    python3 eval/direct-answers.py eval/time-questions.jsonl /tmp/t.json
"""
import json
import sys
import unicodedata

PREFIXES = ('In short', 'En bref', 'Kurz', 'En resumen', 'In breve', 'Em resumo', 'Kort gezegd', 'Yes:', 'Ja:', 'Oui', 'Sí:',
            'Sì:', 'Sim:', 'Not yet', 'Pas encore', 'Noch nicht', 'Todavía no', 'Non ancora', 'Ainda não', 'Nog niet',
            'The articles differ', 'Les articles ne concordent', 'Die Artikel widersprechen', 'Los artículos no coinciden',
            'Gli articoli non concordano', 'Os artigos não coincidem', 'De artikels spreken')


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
