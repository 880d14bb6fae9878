import { describe, expect, it } from 'vitest';
import { checkClaims, sentencesWithMarkers, type ClaimPassage } from '../../../src/core/answer/claims.js';
import { passageSentences } from '../../../src/core/answer/relations.js';

// Invented articles (no eval question is about them): a series of forums, people in their roles,
// supporters and an organiser listed after a colon.
const PASSAGES: ClaimPassage[] = [
  {
    n: 1,
    title: 'Lille accueille le troisième forum coopératif',
    date: '2024-10-07',
    text:
      'Le troisième Forum des coopératives numériques s’est tenu à Lille les 3 et 4 octobre 2024. Le premier forum avait eu lieu à Nantes en 2019. ' +
      'Marie Dubois, codirectrice de l’Atelier Numérique Solidaire, a animé la table ronde d’ouverture. ' +
      'L’Atelier Numérique Solidaire a été fondé en 2016 par Paul Martin.',
  },
  {
    n: 2,
    title: 'Les partenaires du forum',
    date: '2024-09-01',
    text: 'Le forum est soutenu par :\n\n  • la Fondation Horizon\n  • Banque Solidaire.\n\nIl est co-organisé par la Coopérative Lien.',
  },
  {
    n: 3,
    title: 'Deux jours à Vienne',
    date: '2023-06-12',
    text: 'La coopérative Nordlicht a été finaliste des Prix Impact 2023, organisés à Vienne par le réseau Euro Social.',
  },
  {
    n: 4,
    title: 'Un automne européen',
    date: '2023-11-02',
    text: 'La coopérative Nordlicht et ses membres ont parcouru l’Europe cet automne, de Vienne à Porto.',
  },
  {
    n: 5,
    title: 'Les Rencontres numériques 2024',
    date: '2024-02-20',
    text: 'Les Rencontres numériques, organisées par la Coopérative Lien et ses partenaires, ont lieu du 13 au 15 mars 2024 à Rennes. Le jeudi 14 mars, de 10h à 12h, la Coopérative Lien y anime un atelier « Sortir des plateformes fermées ».',
  },
];

function check(answer: string, lang: string) {
  return checkClaims({ sentences: sentencesWithMarkers(answer, lang), passages: PASSAGES, question: 'Tell me about the forum', lang });
}

const reasons = (answer: string, lang: string) => check(answer, lang).removed.map((r) => r.reason);

describe('a sentence that puts the passage’s names in other roles is rejected', () => {
  it.each([
    ['en', 'The first cooperative forum was held in Lille [1].', /"Lille" goes with the 3rd forum in the cited \[1\], not the 1st \("first"\)/],
    ['de', 'Das erste Forum fand in Lille statt [1].', /"Lille" goes with the 3rd forum .* not the 1st \("erste"\)/],
    ['es', 'El segundo foro se celebró en Nantes [1].', /"Nantes" goes with the 1st forum .* not the 2nd/],
    ['fr', 'Le 3e forum a eu lieu à Nantes [1].', /"Nantes" goes with the 1st forum .* not the 3rd \("3e"\)/],
  ])('an ordinal the passage gives to another edition (%s: %s)', (lang, answer, reason) => {
    expect(reasons(answer, lang).join('; ')).toMatch(reason);
  });

  it.each([
    ['en', 'Marie Dubois founded the Atelier Numérique Solidaire [1].', /does not make "Marie Dubois" "founded" \(it says "codirectrice", "animé"\)/],
    ['it', 'Paul Martin dirige l’Atelier Numérique Solidaire [1].', /does not make "Paul Martin" "dirige" \(it says "fondé"\)/],
    ['fr', 'La Fondation Horizon co-organise le forum [2].', /does not make "Fondation Horizon" "co-organise" \(it says "soutenu"\)/],
    ['nl', 'Het forum wordt georganiseerd door Banque Solidaire [2].', /does not make "Banque Solidaire" "georganiseerd"/],
  ])('a role the passage gives to no one of that name (%s: %s)', (lang, answer, reason) => {
    expect(reasons(answer, lang).join('; ')).toMatch(reason);
  });

  it('an officer’s title the passage gives the person no word of (secretary general for a co-director)', () => {
    expect(reasons('Generalsekretärin des Ateliers ist Marie Dubois [1].', 'de').join('; ')).toMatch(/does not make "Marie Dubois" "Generalsekretärin" \(it says "codirectrice"/);
    expect(reasons('The treasurer is Paul Martin [1].', 'en').join('; ')).toMatch(/"Paul Martin"/);
  });

  it('an organiser of what the passage makes it a finalist of', () => {
    expect(reasons('Nordlicht a organisé les Prix Impact 2023 à Vienne [3].', 'fr').join('; ')).toMatch(/does not make "Nordlicht" "organisé" \(it says "finaliste"\)/);
  });

  it('a role the passage gives the holder in no words at all', () => {
    expect(reasons('Nordlicht a co-organisé un tour d’Europe [4].', 'fr').join('; ')).toMatch(/does not say that "Nordlicht" "co-organisé"/);
  });

  it('a supporter’s role given to the organiser beside “its partners”', () => {
    expect(reasons('The Coopérative Lien and its partners funded the Rencontres numériques [5].', 'en').join('; ')).toMatch(
      /does not make "Coopérative Lien" "funded" \(it says "organisées", "anime"\)/,
    );
  });

  it('the date of the larger event given to a quoted workshop', () => {
    expect(reasons('Un atelier « Sortir des plateformes fermées » a lieu du 13 au 15 mars 2024 [5].', 'fr').join('; ')).toMatch(
      /gives “Sortir des plateformes fermées” the date 14\/3, not 13–15\/3\/2024/,
    );
  });

  it('a year the passage gives the place another event of', () => {
    expect(reasons('The third forum was held in Lille in 2019 [1].', 'en').join('; ')).toMatch(/gives "Lille" the year 2024, not 2019/);
  });

  it('falls back when nothing else is left', () => {
    expect(check('The first cooperative forum was held in Lille [1].', 'en')).toMatchObject({ ok: false, reason: expect.stringMatching(/^no sentence of the answer is supported/) });
  });
});

describe('correct paraphrases keep their roles and pass', () => {
  it.each([
    ['en', 'The third forum took place in Lille on 3 and 4 October 2024 [1].'],
    ['de', 'Das dritte Forum fand am 3. und 4. Oktober 2024 in Lille statt [1].'],
    ['es', 'El primer foro tuvo lugar en Nantes en 2019 [1].'],
    ['en', 'Paul Martin founded the Atelier Numérique Solidaire in 2016 [1].'],
    ['en', 'Marie Dubois, co-director of the Atelier Numérique Solidaire, moderated the opening round table [1].'],
    ['pt', 'Marie Dubois, codiretora do Atelier Numérique Solidaire, moderou a mesa-redonda de abertura [1].'],
    ['it', 'Secondo l’articolo, il terzo forum si è svolto a Lille [1].'],
    ['fr', 'La Coopérative Lien co-organise le forum avec le soutien de la Fondation Horizon [2].'],
    ['en', 'The forum is co-organised by Coopérative Lien and supported by Fondation Horizon and Banque Solidaire [2].'],
    ['en', 'In 2024, the Atelier Numérique Solidaire’s co-director Marie Dubois moderated a round table in Lille [1].'],
    ['fr', 'Les Prix Impact 2023 ont été organisés à Vienne par le réseau Euro Social [3].'],
    ['de', 'Nordlicht war Finalist der Prix Impact 2023 in Wien [3].'],
    ['en', 'Nordlicht and its members travelled across Europe, from Vienna to Porto [4].'],
    ['en', 'The workshop “Sortir des plateformes fermées” takes place on 14 March 2024 [5].'],
    ['de', 'Die Rencontres numériques finden vom 13. bis 15. März 2024 in Rennes statt [5].'],
    ['en', 'The Coopérative Lien and its partners organise the Rencontres numériques [5].'],
    ['en', 'Nordlicht took part in the Prix Impact 2023 in Vienna and participated as a finalist [3].'],
  ])('%s: %s', (lang, answer) => {
    expect(check(answer, lang)).toMatchObject({ ok: true, removed: [] });
  });
});

describe('passageSentences', () => {
  it('joins a list to the line that introduces it with a colon, so the list items share its role word', () => {
    expect(passageSentences(PASSAGES[1].text)).toEqual(['Le forum est soutenu par : la Fondation Horizon Banque Solidaire.', 'Il est co-organisé par la Coopérative Lien.']);
  });
});
