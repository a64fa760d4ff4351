import { describe, expect, it } from 'vitest';
import { extractFromText } from './extract.js';
import { typeFromHeading } from './item-types.js';

const ENGLISH = `Rabat Process

# Thematic meeting on migrant smuggling along the Central Mediterranean route

Accra, Ghana

12–13 June 2025

Co-chaired by Ghana and Italy

## Key challenges

4. Smugglers increasingly advertise their services on social media, which makes their networks harder to trace for investigators.

5. The participants recommended that partners:
(a) set up joint investigation teams with the countries of transit;
(b) share passenger information in advance with the border police.

The meeting's posts on LinkedIn and X reached 40,000 impressions and 1,200 reactions over the two days.

## Way forward

6. The Steering Committee should review the implementation of these recommendations at its next meeting.

## Closing remarks by the Chair

The Chair thanked the Government of Ghana for its hospitality and the excellent organisation of the meeting.

7. The participants agreed that cooperation between countries of origin, transit and destination remains essential.
`;

const FRENCH = `Processus de Rabat

Réunion thématique

« Protection des migrants en situation de vulnérabilité »

Dakar, Sénégal

du 3 au 5 mars 2025

Réunion coprésidée par le Sénégal et l'Espagne

## Bonnes pratiques

1. Le Sénégal a créé des cellules d'accueil aux frontières qui orientent les migrants vulnérables vers les services sociaux.

## Difficultés rencontrées

2. Le manque de données ventilées par âge et par sexe empêche d'adapter l'assistance aux besoins des migrants.

## Recommandations aux partenaires

3. Les participants ont recommandé aux partenaires de :
a) renforcer la formation des agents de première ligne ;
b) harmoniser les procédures d'identification des victimes.

## Conclusions de la présidence

4. Les co-présidents ont salué l'engagement des délégations en faveur d'une approche fondée sur les droits.
`;

describe('extraction of outcome documents', () => {
  it('keeps numbered paragraphs whole and makes each lettered sub-point an item typed and numbered by its lead-in', () => {
    const { items } = extractFromText(ENGLISH);
    expect(items.map((item) => [item.number, item.type])).toEqual([
      ['4', 'challenge'],
      ['5(a)', 'recommendation'],
      ['5(b)', 'recommendation'],
      ['6', 'recommendation'],
      ['7', 'conclusion'],
    ]);
    expect(items[1].text).toBe('set up joint investigation teams with the countries of transit;');
    // The lead-in, the media figures and the thanks are not items.
    expect(items.some((item) => /recommended that partners:|impressions|thanked/.test(item.text))).toBe(false);
  });

  it('reads the title, place, dates and co-chairs of an English document', () => {
    const { document } = extractFromText(ENGLISH);
    expect(document).toMatchObject({
      title: 'Thematic meeting on migrant smuggling along the Central Mediterranean route',
      process: 'rabat',
      city: 'Accra',
      country: 'GH',
      dates: ['2025-06-12', '2025-06-13'],
      coChairs: ['GH', 'IT'],
      language: 'en',
    });
  });

  it('types French sections and numbers French lettered sub-points', () => {
    const { items } = extractFromText(FRENCH);
    expect(items.map((item) => [item.number, item.type])).toEqual([
      ['1', 'good_practice'],
      ['2', 'challenge'],
      ['3(a)', 'recommendation'],
      ['3(b)', 'recommendation'],
      ['4', 'conclusion'],
    ]);
  });

  it('reads a generic title joined with its subject, and French dates and co-chairs', () => {
    const { document } = extractFromText(FRENCH);
    expect(document).toMatchObject({
      title: 'Réunion thématique: Protection des migrants en situation de vulnérabilité',
      city: 'Dakar',
      country: 'SN',
      dates: ['2025-03-03', '2025-03-04', '2025-03-05'],
      coChairs: ['ES', 'SN'],
      language: 'fr',
    });
  });

  it('leaves out running headers, page footers and tables', () => {
    const header = 'Rabat Process – Thematic meeting on migrant smuggling';
    const page = (n: number, body: string) => `${header}\n\n${body}\n\nPage ${n} of 3`;
    const text = [
      page(1, '## Good practices\n\n1. Ghana set up a joint border patrol with Togo that meets every month.'),
      page(2, '| Delegation | Representative |\n| --- | --- |\n| Ghana | Ministry of the Interior |'),
      page(3, '2. Italy funds a shelter network for unaccompanied minors in Sicily.'),
    ].join('\n\n');
    const { items } = extractFromText(text);
    expect(items.map((item) => [item.number, item.type, item.text])).toEqual([
      ['1', 'good_practice', 'Ghana set up a joint border patrol with Togo that meets every month.'],
      ['2', 'good_practice', 'Italy funds a shelter network for unaccompanied minors in Sicily.'],
    ]);
  });

  it('types the usual section headings in English and French', () => {
    const cases: [string, string][] = [
      ['Key challenges', 'challenge'],
      ['Challenges identified', 'challenge'],
      ['Promising practices', 'good_practice'],
      ['Good practices', 'good_practice'],
      ['Lessons learned', 'good_practice'],
      ['Way forward', 'recommendation'],
      ['Next steps', 'recommendation'],
      ['Recommendations to the Steering Committee', 'recommendation'],
      ['Key messages', 'conclusion'],
      ['Closing remarks by the Chair', 'conclusion'],
      ['Conclusions', 'conclusion'],
      ['Défis identifiés', 'challenge'],
      ['Difficultés rencontrées', 'challenge'],
      ['Bonnes pratiques', 'good_practice'],
      ['Pratiques prometteuses', 'good_practice'],
      ['Enseignements tirés', 'good_practice'],
      ['Recommandations au Comité de pilotage', 'recommendation'],
      ["Pistes d'action", 'recommendation'],
      ['Prochaines étapes', 'recommendation'],
      ['Perspectives', 'recommendation'],
      ['Messages clés', 'conclusion'],
      ['Conclusions de la présidence', 'conclusion'],
    ];
    for (const [heading, type] of cases) expect(typeFromHeading(heading), heading).toBe(type);
  });
});
