import { describe, expect, it } from 'vitest';
import { decideFollowUp, namesIn } from '../../../src/core/conversation/follow-up.js';
import type { ChatTurn } from '../../../src/core/types.js';

const after = (...questions: string[]): ChatTurn[] =>
  questions.flatMap((q) => [
    { role: 'user' as const, text: q },
    { role: 'assistant' as const, text: 'Une réponse, avec Paris et Bruxelles.' },
  ]);

describe('a turn that depends on the conversation is rewritten with the topic and the new ask', () => {
  it.each([
    ['en', 'When is NEC ESS 2025?', 'And where?', 'NEC ESS 2025 — where?'],
    ['fr', 'Quand a lieu le NEC ESS 2025 ?', 'Et combien de participants ?', 'NEC ESS 2025 — combien de participants ?'],
    ['de', 'Wann findet NEC ESS 2025 statt?', 'Und wo?', 'NEC ESS 2025 — wo?'],
    ['es', '¿Cuándo es el NEC ESS 2025?', '¿Y dónde?', 'NEC ESS 2025 — dónde?'],
    ['it', 'Quando si svolge il NEC ESS 2025?', 'E dove?', 'NEC ESS 2025 — dove?'],
    ['pt', 'Quando acontece o NEC ESS 2025?', 'E onde?', 'NEC ESS 2025 — onde?'],
    ['nl', 'Wanneer vindt NEC ESS 2025 plaats?', 'En waar?', 'NEC ESS 2025 — waar?'],
  ])('%s: a fragment after "and" ("%s" then "%s")', (lang, first, turn, query) => {
    const decision = decideFollowUp(turn, after(first), lang);
    expect(decision).toMatchObject({ kind: 'follow_up', query });
  });

  it.each([
    ['en', 'Who organises it?'],
    ['fr', 'Qui l’organise et combien de personnes y sont attendues ?'],
    ['de', 'Wer hat sie organisiert und wie viele kamen dorthin oder dort?'],
    ['es', '¿Quién organizó ese evento y cuántas personas asistieron?'],
    ['it', 'Chi ha organizzato questo evento e quante persone hanno partecipato?'],
    ['pt', 'Quem organizou esse evento e quantas pessoas participaram?'],
    ['nl', 'Wie heeft het georganiseerd en hoeveel mensen waren daar?'],
  ])('%s: a pronoun pointing back ("%s")', (lang, turn) => {
    const decision = decideFollowUp(turn, after('Quand a lieu le NEC ESS 2025 ?'), lang);
    expect(decision.kind).toBe('follow_up');
    expect(decision.query.startsWith('NEC ESS 2025 — ')).toBe(true);
  });

  it('"the same for 2023" repeats the earlier ask with the new year instead of the earlier one', () => {
    const decision = decideFollowUp('The same for 2023?', after('How many participants came to NEC ESS 2025?'), 'en');
    expect(decision).toMatchObject({ kind: 'follow_up', signal: 'same_for', query: 'How many participants came to NEC ESS 2023?' });
  });

  it('a chain of "and for…" turns keeps the ask of the first', () => {
    const history = after('Quels événements le SOGA a-t-il organisés en 2021 ?', 'Et la même chose pour 2023 ?');
    expect(decideFollowUp('Et pour 2025 ?', history, 'fr').query).toBe('Quels événements le SOGA a-t-il organisés en 2025 ?');
  });

  it('keeps a quoted title from the earlier turn rather than the whole earlier question', () => {
    const decision = decideFollowUp('Et qui l’anime ?', after('Quand a lieu l’atelier « Libérer les organisations ESS des GAFAM » ?'), 'fr');
    expect(decision.query).toBe('Libérer les organisations ESS des GAFAM — qui l’anime ?');
  });

  it('looks past earlier follow-ups for the turn that named the topic', () => {
    const decision = decideFollowUp('And how much does it cost?', after('Where is the Social Good Accelerator Summit 2024?', 'And when?'), 'en');
    expect(decision.query).toBe('Social Good Accelerator Summit 2024 — how much does it cost?');
  });

  it('leaves out the corpus’s own name, found in most passages, and names and words the corpus never uses', () => {
    const nameShare = (name: string) => (({ soga: 0.4, europese: 0, vond: 0, plaats: 0, actse: 0.05 }) as Record<string, number>)[name.toLowerCase()] ?? 0.1;
    expect(decideFollowUp('E chi ha parlato per il SOGA?', after('Dove si è svolto l’ActSE 2021?'), 'it', { nameShare }).query).toBe('ActSE 2021 — chi ha parlato per il SOGA?');
    expect(decideFollowUp('En hoeveel deelnemers waren er?', after('Waar vond de eerste Europese top plaats?'), 'nl', { nameShare }).query).toBe('eerste top — hoeveel deelnemers waren er?');
  });

  it('keeps the corpus’s own name when the earlier turn named nothing else', () => {
    const nameShare = (name: string) => (name === 'SOGA' ? 0.4 : 0.1);
    expect(decideFollowUp('Et en quelle année ?', after('Qui a fondé le SOGA ?'), 'fr', { nameShare }).query).toBe('SOGA fondé — en quelle année ?');
  });

  it('keeps the earlier ask when the turn only changes what is asked for ("and in which year?")', () => {
    expect(decideFollowUp('And in which year?', after('Who founded Les Ateliers Solidaires?'), 'en').query).toBe('Les Ateliers Solidaires founded — in which year?');
    expect(decideFollowUp('¿Y dónde?', after('¿Quién dirigió el taller Tierra Común?'), 'es').query).toBe('Tierra Común dirigió taller — dónde?');
    // "When did it take place?" asks only for a date too: the verbs of happening name no topic.
    expect(decideFollowUp('And when did it take place?', after('Who opened the repair workshop of Les Ateliers Solidaires?'), 'en').query).toBe(
      'Les Ateliers Solidaires repair workshop — when did it take place?',
    );
    expect(decideFollowUp('E quando si è svolto?', after('Chi ha presentato il laboratorio Orti Urbani?'), 'it').query).toBe('Orti Urbani presentato laboratorio — quando si è svolto?');
    // After "when / where", the earlier verb only said that something happens: the names suffice.
    expect(decideFollowUp('And when did it take place?', after('When is the Lille Repair Fair?'), 'en').query).toBe('Lille Repair Fair — when did it take place?');
    // A turn with an ask of its own keeps only the earlier names.
    expect(decideFollowUp('And how many volunteers?', after('Who founded Les Ateliers Solidaires?'), 'en').query).toBe('Les Ateliers Solidaires — how many volunteers?');
  });

  it('carries the words of an earlier turn the articles never use only to a bare ask', () => {
    // Every word of the Dutch first turn is unknown to the (French) articles: only the dictionaries find its topic.
    const nameShare = (name: string) => (name.toLowerCase() === 'soga' ? 0.4 : 0);
    const history = after('Hoe heet de voorzitter van de Vlaamse buurtcoöperatie?');
    expect(decideFollowUp('En hoeveel leden heeft ze?', history, 'nl', { nameShare }).query).toBe('heet voorzitter Vlaamse buurtcoöperatie — hoeveel leden heeft ze?');
    // A turn that says more of its own is searched without them, even after that bare ask…
    const later = after('Hoe heet de voorzitter van de Vlaamse buurtcoöperatie?', 'En hoeveel leden heeft ze?');
    expect(decideFollowUp('En welk nieuw project heeft SOGA met de gemeente gestart?', later, 'nl', { nameShare }).kind).toBe('standalone');
    // …unless it points back to the topic ("daar", "dort"): without the topic it has no referent.
    expect(decideFollowUp('Welk nieuw project heeft SOGA daar met de gemeente gestart?', later, 'nl', { nameShare }).query).toBe(
      'heet voorzitter Vlaamse buurtcoöperatie — Welk nieuw project heeft SOGA daar met de gemeente gestart?',
    );
    expect(decideFollowUp('Und welche Projekte hat SOGA dort vorgestellt?', after('Wie viele Gäste kamen zur Genossenschaftsmesse in Kassel?'), 'de', { nameShare }).query).toBe(
      'Gäste kamen Genossenschaftsmesse Kassel — welche Projekte hat SOGA dort vorgestellt?',
    );
  });

  it('takes no question word or verb of happening for the topic ("vond … plaats", "took place")', () => {
    const nameShare = (name: string) => (name.toLowerCase() === 'soga' ? 0.4 : 0);
    expect(decideFollowUp('En wie was de gastheer?', after('Waar vond de tweede Vlaamse zorgbeurs plaats?'), 'nl', { nameShare }).query).toBe('tweede Vlaamse zorgbeurs — wie was de gastheer?');
    expect(decideFollowUp('And who opened it?', after('When did the second cooperative fair take place?'), 'en').query).toBe('second cooperative fair — who opened it?');
  });

  it.each([
    ['pt', 'O que é a Feira das Cooperativas?', 'Quem a organizava antes de 2019?', 'Feira Cooperativas — Quem a organizava antes de 2019?'],
    ['pt', 'O que é a Feira das Cooperativas?', 'Quem organizou-a pela primeira vez?', 'Feira Cooperativas — Quem organizou-a pela primeira vez?'],
    ['es', '¿Qué es la Feria de Cooperativas?', '¿Quién la organizó por primera vez?', 'Feria Cooperativas — ¿Quién la organizó por primera vez?'],
    ['it', 'Che cos’è la Fiera delle Cooperative?', 'Chi l’ha organizzata per la prima volta?', 'Fiera Cooperative — Chi l’ha organizzata per la prima volta?'],
    ['fr', 'Qu’est-ce que la Foire des Coopératives ?', 'Qui l’a organisée pour la première fois ?', 'Foire Coopératives — Qui l’a organisée pour la première fois ?'],
  ])('%s: an object clitic after a question word points back ("%s" then "%s")', (lang, first, turn, query) => {
    expect(decideFollowUp(turn, after(first), lang)).toMatchObject({ kind: 'follow_up', signal: 'pronoun', query });
  });

  it('a question about one thing that does not say what it is about is a fragment', () => {
    expect(decideFollowUp('Wie viele Teilnehmer gab es?', after('Wann ging NEC ESS Europe 2023 zu Ende?'), 'de')).toMatchObject({
      kind: 'follow_up',
      signal: 'fragment',
      query: 'NEC ESS Europe 2023 — Wie viele Teilnehmer gab es?',
    });
  });

  it('falls back to the earlier turn’s topic words when it named nothing', () => {
    const decision = decideFollowUp('And how much does it cost?', after('How do I apply to the incubation programme?'), 'en');
    expect(decision).toMatchObject({ kind: 'follow_up', query: 'apply incubation programme — how much does it cost?' });
  });
});

describe('a definite event in a turn that names no topic is the conversation’s event', () => {
  it.each([
    ['en', 'When is the Lyon Repair Summit 2024?', 'How much does a ticket for the summit cost?', 'Lyon Repair Summit 2024 — How much does a ticket for the summit cost?'],
    ['fr', 'Où se tient le Forum Tierra Común 2024 ?', 'Combien de personnes le forum a-t-il accueillies ?', 'Forum Tierra Común 2024 — Combien de personnes le forum a-t-il accueillies ?'],
    ['de', 'Wann findet das Reparaturfest Gent 2024 statt?', 'Wie viele Menschen haben die Veranstaltung besucht?', 'Reparaturfest Gent 2024 — Wie viele Menschen haben die Veranstaltung besucht?'],
    ['es', '¿Dónde fue el Foro Tierra Común 2024?', '¿Cuántas personas asistieron al evento ayer por la tarde?', 'Foro Tierra Común 2024 — ¿Cuántas personas asistieron al evento ayer por la tarde?'],
    ['nl', 'Waar was de Repair Fair Gent 2024?', 'Hoeveel bezoekers trok het evenement uiteindelijk?', 'Repair Fair Gent 2024 — Hoeveel bezoekers trok het evenement uiteindelijk?'],
  ])('%s: "%s" then "%s"', (lang, first, turn, query) => {
    expect(decideFollowUp(turn, after(first), lang)).toMatchObject({ kind: 'follow_up', query, signal: 'pronoun' });
  });

  it.each([
    ['en', 'When is the Lyon Repair Summit 2024?', 'Where will the next event of the network take place?'],
    ['en', 'When is the Lyon Repair Summit 2024?', 'Who spoke at the conference on open data for associations?'],
    ['fr', 'Où se tient le Forum Tierra Común 2024 ?', 'Quand aura lieu l’événement suivant du réseau des ressourceries ?'],
    ['de', 'Wann findet das Reparaturfest Gent 2024 statt?', 'Wer hat die Konferenz über offene Daten für Vereine organisiert?'],
  ])('%s: not another one ("%s" then "%s")', (lang, first, turn) => {
    expect(decideFollowUp(turn, after(first), lang)).toEqual({ kind: 'standalone', query: turn });
  });
});

describe('a self-contained turn is searched as it stands', () => {
  it.each([
    ['fr', '¿Cuál es la mejor receta de paella?', 'Quand a lieu NEC ESS 2025 ?'],
    ['en', 'When is NEC ESS 2025?', 'What is the GAFAM workshop about?'],
    ['en', 'When is NEC ESS 2025?', 'And when is the Social Good Week in Lyon?'],
    ['de', 'Wann findet NEC ESS 2025 statt?', 'Welche Ziele verfolgt die Konferenz für soziale Innovation in Europa?'],
    ['fr', 'Quand a lieu NEC ESS 2025 ?', 'Y a-t-il des ateliers sur le numérique responsable cette année ?'],
    ['en', 'When is NEC ESS 2025?', 'Are there workshops about digital sovereignty for associations?'],
    ['es', 'Quand a lieu NEC ESS 2025 ?', '¿Qué ayudas existen para las cooperativas de economía social?'],
    // The same little words before a name or a noun are articles, not clitics.
    ['pt', 'Quando acontece o NEC ESS 2025?', 'Quem a Comissão Europeia nomeou para a economia social em Portugal?'],
    ['pt', 'Quando acontece o NEC ESS 2025?', 'O que o movimento cooperativo português defende na economia social?'],
    ['fr', 'Quand a lieu NEC ESS 2025 ?', 'Que les coopératives de plateformes proposent aux livreurs à vélo ?'],
  ])('%s: after "%s", "%s"', (lang, first, turn) => {
    expect(decideFollowUp(turn, after(first), lang)).toEqual({ kind: 'standalone', query: turn });
  });

  it('the first turn of a conversation, however short', () => {
    expect(decideFollowUp('And where?', [], 'en')).toEqual({ kind: 'standalone', query: 'And where?' });
  });

  it('a fragment when the conversation so far has nothing to offer (only assistant turns)', () => {
    expect(decideFollowUp('Where?', [{ role: 'assistant', text: 'Hello!' }], 'en').kind).toBe('standalone');
  });
});

describe('the names a turn carries', () => {
  it('acronyms, runs of capitalised words, quoted titles and years, not the sentence’s first word', () => {
    expect(namesIn('Where does the Social Good Accelerator meet in 2024? Tell me about “Tech for Good”.', 'en')).toEqual({ names: ['Tech for Good', 'Social Good Accelerator'], years: ['2024'] });
  });

  it('in German, capitalised nouns are not names but acronyms are', () => {
    expect(namesIn('Wann findet die Konferenz NEC ESS in Brüssel statt?', 'de').names).toEqual(['NEC ESS']);
  });
});

describe('a topic in words the articles never use is named by the value the conversation’s answer stated', () => {
  const nameShare = (name: string) => (({ soga: 0.4, lyon: 0.05, 'atelier soudé': 0.02, atelier: 0.1, soudé: 0.02, octobre: 0.1 }) as Record<string, number>)[name.toLowerCase()] ?? 0;
  const history = (stated: string): ChatTurn[] => [
    { role: 'user', text: 'Waar vond de tweede reparatiebeurs plaats?' },
    { role: 'assistant', text: `${stated}\nDit staat er in de artikelen…`, stated },
  ];
  it('joins the names the answer gave ("Kort gezegd: Lyon [1].")', () => {
    expect(decideFollowUp('En hoeveel bezoekers waren er?', history('Kort gezegd: Lyon [1].'), 'nl', { nameShare }).query).toBe('tweede reparatiebeurs Lyon — hoeveel bezoekers waren er?');
    expect(decideFollowUp('Wer hat sie organisiert?', history('Kurz: Atelier Soudé [1].'), 'de', { nameShare }).query).toBe('tweede reparatiebeurs Atelier Soudé — Wer hat sie organisiert?');
  });
  it('leaves the topic as it is when the answer stated no name the articles use, or when the topic is in the articles’ words', () => {
    expect(decideFollowUp('En hoeveel bezoekers waren er?', history('Kort gezegd: 12 oktober 2022 (4 jaar geleden) [1].'), 'nl', { nameShare }).query).toBe(
      'tweede reparatiebeurs — hoeveel bezoekers waren er?',
    );
    const known = (name: string) => (name.toLowerCase() === 'reparatiebeurs' ? 0.05 : nameShare(name));
    expect(decideFollowUp('En hoeveel bezoekers waren er?', history('Kort gezegd: Lyon [1].'), 'nl', { nameShare: known }).query).toBe('reparatiebeurs — hoeveel bezoekers waren er?');
  });
});

describe('a name the previous answer gave is no new topic after "and"', () => {
  const history: ChatTurn[] = [
    { role: 'user', text: 'In welke steden hield de Coöperatieve Week 2024 halt?' },
    { role: 'assistant', text: 'Kort gezegd: Gent, Rijsel [1].\n…', stated: 'Kort gezegd: Gent, Rijsel [1].' },
  ];
  it('picks up the answer ("En wat gebeurde er in Gent?")', () => {
    expect(decideFollowUp('En wat gebeurde er precies in Gent?', history, 'nl')).toMatchObject({ kind: 'follow_up', query: 'Coöperatieve Week 2024 — wat gebeurde er precies in Gent?' });
    expect(decideFollowUp('And what happened in Gent on the first day?', history, 'en').kind).toBe('follow_up');
  });
  it('a name the answer did not give is a topic of its own', () => {
    expect(decideFollowUp('En wat gebeurde er precies in Antwerpen?', history, 'nl').kind).toBe('standalone');
  });
});

describe('a follow-up that names a period from today', () => {
  it('repeats the earlier ask with that period in place of its year ("Et l\'année dernière ?")', () => {
    expect(decideFollowUp("Et l'année dernière ?", after('Quels ateliers le SOGA a-t-il animés en 2022 ?'), 'fr').query).toBe('Quels ateliers le SOGA a-t-il animés en l annee derniere ?');
    expect(decideFollowUp('Und vor drei Jahren?', after('Welche Konferenzen besuchte der SOGA 2021?'), 'de').query).toBe('Welche Konferenzen besuchte der SOGA vor drei jahren?');
  });

  it('replaces the earlier turn’s period in a chain, rather than keeping both', () => {
    const query = decideFollowUp('And two years ago?', after('Quels ateliers le SOGA a-t-il animés en l annee derniere ?'), 'en').query;
    expect(query).toContain('two years ago');
    expect(query).not.toContain('annee derniere');
  });

  it('leaves a turn that asks something else of that period to the topic rules', () => {
    const decision = decideFollowUp("Et qui a parlé l'année dernière ?", after('Quels ateliers le SOGA a-t-il animés en 2022 ?'), 'fr');
    expect(decision.query).not.toContain('animés en l annee derniere');
  });
});
