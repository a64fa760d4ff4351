import { tagCountries } from '../vocabulary/index.js';
import { type Block, cleanText } from './blocks.js';
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
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er)?';
const JOIN = '\\s*(?:-|–|—|&|and|et|au|to)\\s*';
// "22-23 June 2023", "5 & 6 July 2022", "12 et 13 mars 2024", "24th October 2019", "du 3 au 5 mai 2021",
// the year optional ("du 3 au 5 mars": the year is then read elsewhere in the head).
const DATE_RANGE = new RegExp(`\\b${DAY}(?:${JOIN}${DAY})?\\s+(${MONTH_NAMES})(?:\\s+(\\d{4}))?\\b`, 'i');
// "30 June – 1 July 2025", "30 juin au 2 juillet 2025": a meeting across two months.
const ACROSS_MONTHS = new RegExp(`\\b${DAY}\\s+(${MONTH_NAMES})${JOIN}${DAY}\\s+(${MONTH_NAMES})\\s+(\\d{4})\\b`, 'i');
// "June 12–13, 2025"
const MONTH_FIRST = new RegExp(`\\b(${MONTH_NAMES})\\s+${DAY}(?:${JOIN}${DAY})?,?\\s+(\\d{4})\\b`, 'i');

const pad = (n: number) => String(n).padStart(2, '0');

function days(year: string, month: number, first: number, last: number): string[] {
  const out: string[] = [];
  for (let day = first; day <= last && out.length < 10; day++) out.push(`${year}-${pad(month)}-${pad(day)}`);
  return out;
}

export function readDates(text: string): string[] {
  const clean = text.replace(/<\/?sup>/gi, '');
  const month = (name: string) => MONTHS[name.toLowerCase()];
  const across = ACROSS_MONTHS.exec(clean);
  if (across) {
    const [, d1, m1, d2, m2, year] = across;
    const end = new Date(Date.UTC(Number(year), month(m1), 0)).getUTCDate();
    return [...days(year, month(m1), Number(d1), end), ...days(year, month(m2), 1, Number(d2))];
  }
  // A date with its year first; one without ("du 3 au 5 mars") only when none has a year, and never
  // "may" in English, which is mostly the verb.
  const matches = [...clean.matchAll(new RegExp(DATE_RANGE.source, 'gi'))];
  const match = matches.find((m) => m[4]) ?? matches.find((m) => m[3] !== 'may' && m[3] !== 'May');
  const year = match?.[4] ?? /\b(19|20)\d{2}\b/.exec(clean)?.[0];
  if (match && year) return days(year, month(match[3]), Number(match[1]), Number(match[2] ?? match[1]));
  const monthFirst = MONTH_FIRST.exec(clean);
  if (monthFirst) return days(monthFirst[4], month(monthFirst[1]), Number(monthFirst[2]), Number(monthFirst[3] ?? monthFirst[2]));
  return [];
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
  /\b(high[- ]level thematic meeting|thematic meeting|technical meeting|regional meeting|seminar|séminaire|round ?table|table ronde|réunion technique|réunion régionale|senior officials'? meeting|ministerial conference|workshop|conference|expert meeting|steering committee|réunion thématique|réunion de haut niveau|atelier|conférence|réunion des hauts fonctionnaires|comité de pilotage)\b/i;
// "Madrid, Spain", "Location: Sofia, Bulgaria", "Dakar, 12 et 13 mars 2024"
const PLACE = /^(?:location|lieu|venue)?\s*:?\s*([\p{Lu}][\p{L}'’ -]{1,40}),\s*([\p{L}'’ -]{3,40}?)\s*$/u;
const CO_CHAIRS = /\b(co-?chair\w*|co-?presiden\w*|co-?présiden\w*|co-?présidé\w*)[^.;\n]{0,160}/i;

/** The first lines of the document, cleaned: title block, place, dates, co-chairs. */
function headLines(text: string): string[] {
  return (
    text
      .split('\n')
      // Heading marks, and the dashes or bullets a cover block's lines may be printed with.
      .map((line) => cleanText(line.replace(/^\s*(?:#{1,6}|[–—•▪●-])\s+/, '')))
      .filter(Boolean)
      .slice(0, 80)
  );
}

function readPlace(lines: string[], blocks: Block[]): { city: string | null; country: string | null } {
  for (const line of lines) {
    const text = line.replace(/^(location|lieu)\s*:\s*/i, '');
    const match = PLACE.exec(text);
    if (!match) continue;
    const countries = tagCountries(match[2]);
    // "Benin, Burkina Faso" in a list of delegations is not a place.
    // "Djibouti, Djibouti": a capital may bear its country's name.
    const cityIsCountryName = match[1].trim().toLowerCase() === match[2].trim().toLowerCase();
    if (countries.length === 1 && (tagCountries(match[1]).length === 0 || cityIsCountryName))
      return { city: match[1].trim(), country: countries[0] };
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

/** "Thematic Meeting", "Réunion thématique", "Thematic meeting on": a meeting kind with no subject. */
const GENERIC_TITLE = new RegExp(`^(${KIND.source.replace(/^\\b\(|\)\\b$/g, '')})(\\s+(on|sur|de|du|des))?\\s*:?$`, 'i');
const unquote = (text: string) => text.replace(/^["“«]\s*|\s*["”»]$/g, '');

/**
 * The meeting's real title: a generic first line ("Thematic Meeting") joined with the subject line
 * that follows it ("Humanised Border Management"); else the line naming the meeting's kind with its
 * subject, or a quoted subject, or the first line of the document.
 */
function readTitle(blocks: Block[]): string {
  const head = blocks
    .slice(0, 30)
    // A `#` title is never a place line, even when it reads "Meeting on X, Y and Z".
    .filter(
      (block) => !isFurniture(block.text) && !readDates(block.text).length && (block.level === 1 || !PLACE.test(block.text)),
    );
  const generic = head.findIndex((block) => GENERIC_TITLE.test(block.text));
  const subject = generic >= 0 ? head[generic + 1] : undefined;
  let pick: string | undefined;
  if (subject && subject.text.length < 200 && !CO_CHAIRS.test(subject.text) && !GENERIC_TITLE.test(subject.text)) {
    const kind = head[generic].text.replace(/\s*:$/, '');
    pick = /\s(on|sur|de|du|des)$/i.test(kind) ? `${kind} ${unquote(subject.text)}` : `${kind}: ${unquote(subject.text)}`;
  } else if (head.some((block) => block.level === 1)) {
    // A markdown document's `#` heading is its title.
    pick = head.find((block) => block.level === 1)?.text;
  } else {
    const quoted = head.find((block) => /^["“«].{10,}["”»]$/.test(block.text));
    const meetingAt = head.findIndex((block) => KIND.test(block.text) && block.text.length > 15);
    const meeting = head[meetingAt];
    // "## Guide on good practices …" over "### Conclusions of the Workshop …": one title in two lines.
    const over = meetingAt === 1 && head[0].level !== null && meeting.level !== null && head[0].level < meeting.level;
    if (meeting && quoted) pick = `${meeting.text}: ${unquote(quoted.text)}`;
    else if (over) pick = `${head[0].text}: ${meeting.text}`;
    else pick = (meeting ?? quoted ?? head[0])?.text;
  }
  return (pick ?? 'Untitled document').replace(/:$/, '').slice(0, 300);
}

/** The co-chairs named in the head: the first "co-chaired by …" / "coprésidée par …" naming countries. */
function readCoChairs(lines: string[]): string[] {
  for (const line of lines) {
    for (const match of line.matchAll(new RegExp(CO_CHAIRS.source, 'gi'))) {
      const countries = tagCountries(match[0]);
      if (countries.length) return countries;
    }
  }
  return [];
}

export function readMetadata(text: string, blocks: Block[]): DocumentMetadata {
  const head = blocks
    .slice(0, 60)
    .map((block) => block.text)
    .join('\n');
  const lines = headLines(text);
  const place = readPlace(lines, blocks);
  return {
    title: readTitle(blocks),
    process: readProcess(text),
    meetingKind: KIND.exec(head)?.[1].toLowerCase() ?? null,
    city: place.city,
    country: place.country,
    dates: readDates(head),
    coChairs: readCoChairs(lines),
    language: readLanguage(text),
  };
}
