import { tagCountries } from '../vocabulary/index.js';
import type { Block } from './blocks.js';
import { isFurniture } from './furniture.js';

export type DialogueProcess = 'rabat' | 'budapest' | 'khartoum' | 'prague' | 'other';

export interface DocumentMetadata {
  title: string;
  process: DialogueProcess;
  meetingKind: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2 of the host country. */
  country: string | null;
  /** ISO dates (YYYY-MM-DD) of the meeting days. */
  dates: string[];
  /** ISO alpha-2 codes of the co-chairing countries. */
  coChairs: string[];
  language: 'en' | 'fr' | 'other';
}

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  janvier: 1,
  février: 2,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).join('|');
// "22-23 June 2023", "5 & 6 July 2022", "12 et 13 mars 2024", "24th October 2019", "3 au 5 mai 2021"
const DATE_RANGE = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th|er)?(?:\\s*(?:-|–|&|and|et|au|to)\\s*(\\d{1,2})(?:st|nd|rd|th)?)?\\s+(${MONTH_NAMES})\\s+(\\d{4})\\b`,
  'i',
);

const pad = (n: number) => String(n).padStart(2, '0');

export function readDates(text: string): string[] {
  const match = DATE_RANGE.exec(text.replace(/<\/?sup>/gi, ''));
  if (!match) return [];
  const first = Number(match[1]);
  const last = match[2] ? Number(match[2]) : first;
  const month = MONTHS[match[3].toLowerCase()];
  const year = match[4];
  const days: string[] = [];
  for (let day = first; day <= last && days.length < 10; day++) days.push(`${year}-${pad(month)}-${pad(day)}`);
  return days;
}

function readProcess(text: string): DialogueProcess {
  const head = text.slice(0, 3000);
  if (/\b(rabat process|processus de rabat)\b/i.test(head)) return 'rabat';
  if (/\b(budapest process|processus de budapest)\b/i.test(head)) return 'budapest';
  if (/\b(khartoum process|processus de khartoum)\b/i.test(head)) return 'khartoum';
  if (/\b(prague process|processus de prague)\b/i.test(head)) return 'prague';
  return 'other';
}

/** English or French by their commonest short words; anything else is "other". */
export function readLanguage(text: string): DocumentMetadata['language'] {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const count = (list: Set<string>) => words.filter((word) => list.has(word)).length;
  const en = count(new Set(['the', 'and', 'of', 'to', 'in', 'for', 'with', 'on', 'is', 'are', 'that']));
  const fr = count(new Set(['le', 'la', 'les', 'et', 'des', 'du', 'pour', 'dans', 'une', 'est', 'sur', 'que']));
  if (en + fr < 10) return 'other';
  return en >= fr ? 'en' : 'fr';
}

const KIND =
  /\b(high[- ]level thematic meeting|thematic meeting|senior officials'? meeting|ministerial conference|workshop|conference|expert meeting|steering committee|réunion thématique|réunion de haut niveau|atelier|conférence|réunion des hauts fonctionnaires|comité de pilotage)\b/i;
// "Madrid, Spain", "Location: Sofia, Bulgaria", "Dakar, 12 et 13 mars 2024"
const PLACE = /^(?:location|lieu|venue)?\s*:?\s*([\p{Lu}][\p{L}'’ -]{1,40}),\s*([\p{L}'’ -]{3,40}?)\s*$/u;
const CO_CHAIRS = /\b(co-?chair\w*|co-?presiden\w*|co-?présiden\w*|co-?présidé\w*)\b[^.\n]{0,160}/i;

function readPlace(blocks: Block[]): { city: string | null; country: string | null } {
  for (const block of blocks.slice(0, 40)) {
    const text = block.text.replace(/^(location|lieu)\s*:\s*/i, '');
    const match = PLACE.exec(text);
    if (!match) continue;
    const countries = tagCountries(match[2]);
    if (countries.length === 1) return { city: match[1].trim(), country: countries[0] };
    const cityThenDate = /^([\p{Lu}][\p{L}'’ -]{1,40}),\s*\d/u.exec(text);
    if (cityThenDate && readDates(text).length) return { city: cityThenDate[1].trim(), country: null };
  }
  const hosted = blocks
    .slice(0, 40)
    .map((b) => /^(.{3,40}?) hosted\b/.exec(b.text)?.[1])
    .find(Boolean);
  const hostCountries = hosted ? tagCountries(hosted) : [];
  return { city: null, country: hostCountries.length === 1 ? hostCountries[0] : null };
}

function readTitle(blocks: Block[]): string {
  const head = blocks.slice(0, 30).filter((block) => !isFurniture(block.text));
  const quoted = head.find((block) => /^["“«].{10,}["”»]$/.test(block.text));
  const meeting = head.find((block) => KIND.test(block.text) && block.text.length > 15);
  const pick =
    meeting && quoted
      ? `${meeting.text}: ${quoted.text.replace(/^["“«]\s*|\s*["”»]$/g, '')}`
      : (meeting ?? quoted ?? head[0])?.text;
  return (pick ?? 'Untitled document').replace(/:$/, '').slice(0, 300);
}

export function readMetadata(text: string, blocks: Block[]): DocumentMetadata {
  const head = blocks
    .slice(0, 60)
    .map((block) => block.text)
    .join('\n');
  const coChairSentence = CO_CHAIRS.exec(head)?.[0] ?? '';
  const place = readPlace(blocks);
  return {
    title: readTitle(blocks),
    process: readProcess(text),
    meetingKind: KIND.exec(head)?.[1].toLowerCase() ?? null,
    city: place.city,
    country: place.country,
    dates: readDates(head),
    coChairs: coChairSentence ? tagCountries(coChairSentence) : [],
    language: readLanguage(text),
  };
}
