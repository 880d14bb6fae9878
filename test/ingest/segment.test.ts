/**
 * Segmentation of Markdown, HTML and text files written for the test: article boundaries, titles,
 * structural blocks and caption noise.
 */
import { describe, expect, it } from 'vitest';
import { htmlToText, type LoadedFile } from '../../ingest/load.js';
import { segment } from '../../ingest/segment.js';
import { newDetector } from './helpers/env.js';

const detector = newDetector();
const options = { detectLanguage: (text: string) => detector.detect(text).lang };
const file = (kind: LoadedFile['kind'], text: string, source = `doc.${kind === 'markdown' ? 'md' : kind}`): LoadedFile => ({ source, kind, text });

describe('Markdown: each level-1 heading starts an article', () => {
  const md = [
    '# Assemblée générale 2024',
    '',
    "L'assemblée générale du Social Good Accelerator s'est tenue à Paris le 12 juin 2024.",
    '',
    '## Résolutions',
    '',
    '- Le rapport moral est adopté.',
    '- Le budget est voté à l’unanimité.',
    '',
    '# Rapport financier 2024',
    '',
    'Les comptes de l’association sont à l’équilibre grâce aux cotisations des membres.',
    '',
    '# Appel à bénévoles',
    '',
    'Nous cherchons des bénévoles pour animer les ateliers numériques du samedi.',
  ].join('\n');

  it('gives three articles titled by their headings', () => {
    const articles = segment(file('markdown', md), options);
    expect(articles.map((a) => a.title)).toEqual(['Assemblée générale 2024', 'Rapport financier 2024', 'Appel à bénévoles']);
    expect(articles.every((a) => a.source === 'doc.md')).toBe(true);
  });

  it('keeps level-2 headings and list items as structure inside the article', () => {
    const [first] = segment(file('markdown', md), options);
    expect(first.blocks).toEqual([
      { kind: 'paragraph', text: "L'assemblée générale du Social Good Accelerator s'est tenue à Paris le 12 juin 2024.", level: 0 },
      { kind: 'heading', text: 'Résolutions', level: 2 },
      { kind: 'item', text: 'Le rapport moral est adopté.', level: 0 },
      { kind: 'item', text: 'Le budget est voté à l’unanimité.', level: 0 },
    ]);
  });

  it('does not let one article swallow the next one', () => {
    const articles = segment(file('markdown', md), options);
    expect(articles[1].blocks.map((b) => b.text)).toEqual(['Les comptes de l’association sont à l’équilibre grâce aux cotisations des membres.']);
  });

  it('takes a Markdown file with one heading as one article', () => {
    const articles = segment(file('markdown', '# Seul article\n\nUn paragraphe unique, mais un vrai paragraphe.\n'), options);
    expect(articles).toHaveLength(1);
    expect(articles[0].title).toBe('Seul article');
  });
});

describe('HTML: headings are kept as Markdown headings, page chrome is dropped', () => {
  const html = `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Blog du SOGA</title>
<style>body { color: red }</style><script>var tracking = "secret-tracker";</script></head>
<body>
<nav><a href="/">Accueil</a> <a href="/blog">Blog</a></nav>
<h1>Caf&eacute; num&eacute;rique &amp; communs</h1>
<p>Le premier <strong>café numérique</strong> a réuni 40 associations à Lyon le 3 mars 2024.</p>
<h2>Programme de la journée</h2>
<ul><li>Atelier logiciels libres</li><li>Table ronde sur les données</li></ul>
<h1>Second article</h1>
<p>Une autre histoire, racontée dans un paragraphe assez long pour être un vrai corps d'article.</p>
<script>document.write("injected noise")</script>
</body></html>`;

  it('turns h1/h2 into # / ## lines and decodes entities', () => {
    const text = htmlToText(html);
    expect(text.split('\n')).toEqual([
      '# Café numérique & communs',
      '',
      'Le premier café numérique a réuni 40 associations à Lyon le 3 mars 2024.',
      '',
      '## Programme de la journée',
      '',
      '• Atelier logiciels libres',
      '• Table ronde sur les données',
      '',
      '# Second article',
      '',
      "Une autre histoire, racontée dans un paragraphe assez long pour être un vrai corps d'article.",
    ]);
  });

  it('drops scripts, styles, navigation and the doctype', () => {
    const text = htmlToText(html);
    for (const noise of ['secret-tracker', 'injected noise', 'color: red', 'Accueil', 'DOCTYPE']) expect(text).not.toContain(noise);
  });

  it('splits the page into one article per h1, with the h2 as a section heading', () => {
    const articles = segment(file('html', htmlToText(html)), options);
    expect(articles.map((a) => a.title)).toEqual(['Café numérique & communs', 'Second article']);
    expect(articles[0].blocks.filter((b) => b.kind === 'heading')).toEqual([{ kind: 'heading', text: 'Programme de la journée', level: 2 }]);
    expect(articles[0].blocks.filter((b) => b.kind === 'item').map((b) => b.text)).toEqual(['Atelier logiciels libres', 'Table ronde sur les données']);
  });

  it('titles a page without h1 by its <title>', () => {
    const text = htmlToText(
      '<!doctype html><html><head><title>Guide des adhérents</title></head><body><p>Bienvenue dans le guide, qui explique comment adhérer.</p><p>La cotisation annuelle est de 20 euros.</p></body></html>',
    );
    const articles = segment(file('html', text), options);
    expect(articles).toHaveLength(1);
    expect(articles[0].title).toBe('Guide des adhérents');
    expect(articles[0].blocks.map((b) => b.text)).toEqual(['Bienvenue dans le guide, qui explique comment adhérer.', 'La cotisation annuelle est de 20 euros.']);
  });
});

describe('text exports: an article is announced by its repeated title', () => {
  const text = [
    'Les communs numériques au service des associations',
    '',
    'Les communs numériques au service des associations',
    '',
    'Les communs numériques sont des ressources partagées, ouvertes et gouvernées collectivement par leurs utilisateurs.',
    '',
    'Image alt text',
    'Des bénévoles autour d’un ordinateur lors de l’atelier de Lyon',
    'Source: Social Good Accelerator',
    'Photo team Lyon',
    'La salle de l’atelier pendant la restitution',
    'Crédit : Jeanne B.',
    '',
    'Ils permettent aux associations de mutualiser leurs outils et leurs données.',
    '',
    'La Social Tech Academy ouvre ses portes',
    '',
    'La Social Tech Academy ouvre ses portes',
    '',
    'La plateforme de formation aux métiers du numérique social ouvre en septembre 2023 avec quatre partenaires européens.',
  ].join('\n');

  it('finds both articles and their titles', () => {
    const articles = segment(file('text', text, 'export.txt'), options);
    expect(articles.map((a) => a.title)).toEqual(['Les communs numériques au service des associations', 'La Social Tech Academy ouvre ses portes']);
  });

  it('drops credit lines and alt texts but keeps captions, also for captions back to back', () => {
    const [first] = segment(file('text', text, 'export.txt'), options);
    expect(first.blocks.map((b) => b.text)).toEqual([
      'Les communs numériques sont des ressources partagées, ouvertes et gouvernées collectivement par leurs utilisateurs.',
      'Des bénévoles autour d’un ordinateur lors de l’atelier de Lyon',
      'La salle de l’atelier pendant la restitution',
      'Ils permettent aux associations de mutualiser leurs outils et leurs données.',
    ]);
  });

  it('titles a file without any title line by its file name', () => {
    const articles = segment(file('text', 'juste une phrase sans titre, écrite en minuscules.\n', 'notes/compte-rendu.txt'), options);
    expect(articles).toHaveLength(1);
    expect(articles[0].title).toBe('compte-rendu');
  });

  it('returns no article for a file with only blank lines', () => {
    expect(segment(file('text', '\n\n   \n'), options)).toEqual([]);
  });
});

describe('FAQ questions become question blocks', () => {
  it('marks a question followed by its answer, and one followed by a lead-in to a list', () => {
    const text = [
      '# FAQ',
      '',
      'Qui peut adhérer au Social Good Accelerator ?',
      '',
      'Toute structure de l’économie sociale et solidaire qui partage nos valeurs peut adhérer.',
      '',
      'Quels ateliers sont proposés cette année ?',
      '',
      'Parmi les ateliers :',
      '• les logiciels libres,',
      '• la protection des données.',
    ].join('\n');
    const [article] = segment(file('markdown', text), options);
    expect(article.blocks.filter((b) => b.kind === 'question').map((b) => b.text)).toEqual(['Qui peut adhérer au Social Good Accelerator ?', 'Quels ateliers sont proposés cette année ?']);
  });
});

describe('list items: the bullet is stripped whole', () => {
  it('drops a flag used as a bullet entirely, not only its first half', () => {
    const text = [
      '# Programme',
      '',
      'Les étapes du tour de France :',
      '🇫🇷 Paris – Lancement et plénières européennes',
      '🇪🇸 Saint-Sébastien – Innovation sociale locale',
      '🇧🇪 Bruxelles – Clôture européenne',
    ].join('\n');
    const [article] = segment(file('markdown', text), options);
    expect(article.blocks.filter((b) => b.kind === 'item').map((b) => b.text)).toEqual([
      'Paris – Lancement et plénières européennes',
      'Saint-Sébastien – Innovation sociale locale',
      'Bruxelles – Clôture européenne',
    ]);
  });
});
