import type { PdfLanguage } from './schemas.js';

/** The words of the PDF digest, in its two languages. */
export interface PdfText {
  title: string;
  search: string;
  everything: string;
  exportedOn: (day: string, time: string) => string;
  count: (total: string) => string;
  capped: (exported: string, total: string, limit: string) => string;
  handling: (code: string) => string;
  themes: string;
  other: string;
  page: (page: number, pages: number) => string;
  fields: Record<string, string>;
  types: Record<string, string>;
  sorts: Record<string, string>;
}

export const PDF_TEXT: Record<PdfLanguage, PdfText> = {
  en: {
    title: 'Library digest',
    search: 'Search',
    everything: 'All items of the library',
    exportedOn: (day, time) => `Exported on ${day} at ${time} UTC`,
    count: (total) => `${total} items`,
    capped: (exported, total, limit) => `The first ${exported} of ${total} items (an export holds at most ${limit})`,
    handling: (code) => `Contains material marked ${code}: share this digest no further than that code allows.`,
    themes: 'Themes',
    other: 'Other',
    page: (page, pages) => `Page ${page} of ${pages}`,
    fields: {
      q: 'Words',
      type: 'Type',
      country: 'Country',
      theme: 'Theme',
      process: 'Process',
      year: 'Year',
      organisation: 'Organisation',
      reference: 'Action plan reference',
      sort: 'Sorted by',
    },
    types: {
      good_practice: 'Good practice',
      challenge: 'Challenge',
      recommendation: 'Recommendation',
      conclusion: 'Conclusion',
    },
    sorts: { relevance: 'relevance', date: 'date, most recent first' },
  },
  fr: {
    title: 'Synthèse de la bibliothèque',
    search: 'Recherche',
    everything: 'Tous les éléments de la bibliothèque',
    exportedOn: (day, time) => `Exporté le ${day} à ${time} UTC`,
    count: (total) => `${total} éléments`,
    capped: (exported, total, limit) => `Les ${exported} premiers éléments sur ${total} (un export en contient au plus ${limit})`,
    handling: (code) =>
      `Contient des éléments marqués ${code} : ne diffusez pas cette synthèse au-delà de ce que ce code permet.`,
    themes: 'Thèmes',
    other: 'Autres',
    page: (page, pages) => `Page ${page} sur ${pages}`,
    fields: {
      q: 'Mots',
      type: 'Type',
      country: 'Pays',
      theme: 'Thème',
      process: 'Processus',
      year: 'Année',
      organisation: 'Organisation',
      reference: "Référence au plan d'action",
      sort: 'Tri',
    },
    types: {
      good_practice: 'Bonne pratique',
      challenge: 'Défi',
      recommendation: 'Recommandation',
      conclusion: 'Conclusion',
    },
    sorts: { relevance: 'pertinence', date: 'date, la plus récente en premier' },
  },
};

// The characters the PDF's standard fonts can draw (Windows-1252) beyond Latin-1.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const drawable = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || WIN_ANSI_EXTRA.has(char);
};

/**
 * Text the standard PDF fonts can draw: other spaces become plain ones, accented letters outside
 * Windows-1252 lose their accent (ş → s), and a run of anything else (Arabic script…) becomes
 * "[…]" rather than wrong letters.
 */
export function winAnsi(text: string): string {
  let out = '';
  let dropped = false;
  for (const char of text.normalize('NFC').replace(/[\p{Zs}\t]/gu, ' ')) {
    const plain = drawable(char) ? char : char.normalize('NFD').replace(/\p{M}/gu, '');
    if (plain && [...plain].every(drawable)) {
      out += plain;
      dropped = false;
    } else if (!dropped) {
      out += '[…]';
      dropped = true;
    }
  }
  return out;
}
