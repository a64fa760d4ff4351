import { describe, expect, it } from 'vitest';
import { type CitationSource, formatCitation, meetingDates } from './citation.js';

const MADRID: CitationSource = {
  process: 'rabat',
  title: 'Cooperation between countries of origin, transit and destination in the field of border management',
  meetingKind: 'high-level thematic meeting',
  city: 'Madrid',
  country: 'ES',
  dates: ['2022-07-05', '2022-07-06'],
  type: 'recommendation',
  ordinal: 12,
  page: 3,
};

// Intl writes thin spaces around the dash of a range in some locales.
const plain = (text: string) => text.replace(/\s/g, ' ').replace(/ – /g, '–');

describe('formatCitation', () => {
  it('names the process, the meeting, the place, the days, the item and its page', () => {
    expect(plain(formatCitation(MADRID, 'en'))).toBe(
      'Rabat Process, High-level thematic meeting, Cooperation between countries of origin, transit and destination in the field of border management, Madrid, Spain, 5–6 July 2022, recommendation 12, p. 3',
    );
    expect(plain(formatCitation(MADRID, 'fr'))).toBe(
      'Processus de Rabat, High-level thematic meeting, Cooperation between countries of origin, transit and destination in the field of border management, Madrid, Espagne, 5–6 juillet 2022, recommandation 12, p. 3',
    );
    expect(plain(formatCitation(MADRID, 'ar'))).toBe(
      'مسار الرباط، High-level thematic meeting، Cooperation between countries of origin, transit and destination in the field of border management، Madrid، إسبانيا، 5–6 يوليو 2022، توصية 12، ص. 3',
    );
  });

  it('leaves out what is unknown, and a meeting kind the title already says', () => {
    const sparse = { ...MADRID, process: 'other', title: 'Thematic meeting on smuggling', meetingKind: 'thematic meeting' };
    expect(
      formatCitation({ ...sparse, city: null, country: null, dates: [], page: null, type: 'good_practice', ordinal: 1 }, 'en'),
    ).toBe('Thematic meeting on smuggling, good practice 1');
  });
});

describe('meetingDates', () => {
  it('writes one day, a range within a month and a range across months', () => {
    expect(meetingDates(['2019-10-24'], 'en')).toBe('24 October 2019');
    expect(plain(meetingDates(['2022-06-30', '2022-07-01'], 'fr') ?? '')).toBe('30 juin–1 juillet 2022');
    expect(meetingDates([], 'en')).toBeNull();
  });
});
