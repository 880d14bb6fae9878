#!/usr/bin/env sh
# Installs FreeDict's bilingual dictionaries (Debian packages, dictd format, into /usr/share/dictd):
# with them, the words of a question that the articles never use ("Mitglieder") are looked up in the
# articles' languages ("membres"). SOGA_DICTIONARY_DIR points elsewhere for another folder.
#
# Pairs into French and English, the languages of the SOGA articles. FreeDict has no Spanish-French
# or Italian-French: French-Spanish and French-Italian are read backwards. German-English is left out:
# at 12 MB of index it is too large to hold in memory (src/infra/freedict-lexicon.ts).
# Of the languages added later, only the pairs that found passages for questions of their language
# (test/fixtures/dictionary-probes.jsonl, docs/performance.md) are installed: Swedish-French,
# Finnish-French and Danish-English (~11 MB read). Polish, Czech, Slovak, Croatian, Slovene, Greek and
# Bulgarian pairs exist (pol-fra, ces-eng, slk-eng, hrv-eng, slv-eng, ell-fra, fra-bul…) but found
# nothing more: without a stemmer for most of them an inflected question word does not meet its
# headword, the Czech and Slovak ones hold a few hundred words, Hungarian-English is 3.4 MB of index.
# On other systems: the same files are published by FreeDict (freedict.org), `*.index` + `*.dict.dz`.
#
# Also LibreOffice's English thesaurus (WordNet, MyThes files into /usr/share/mythes; SOGA_THESAURUS_DIR):
# a question word that neither the articles nor the dictionaries give is matched by its synonyms
# ("attendees" → "participant"). The other languages' thesauri are untyped lists whose synonyms the
# assistant does not read (src/infra/mythes-thesaurus.ts says why); the French and German ones' indexes
# tell a French word a chat model copied into an English or German answer ("sign a charte":
# src/core/answer/foreign-words.ts).
set -eu
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
PACKAGES="dict-freedict-deu-fra dict-freedict-nld-fra dict-freedict-por-fra dict-freedict-eng-fra \
  dict-freedict-fra-eng dict-freedict-spa-eng dict-freedict-ita-eng dict-freedict-nld-eng dict-freedict-por-eng \
  dict-freedict-fra-spa dict-freedict-fra-ita dict-freedict-swe-fra dict-freedict-fin-fra dict-freedict-dan-eng mythes-en-us mythes-fr mythes-de"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
  $SUDO apt-get update
  # dictd's server is not needed: the assistant reads the files itself.
  $SUDO apt-get install -y --no-install-recommends $missing
fi
ls /usr/share/dictd/freedict-*.index /usr/share/mythes/th_en_US_v2.idx
