import type { TFunction } from 'i18next';
import {
  ENTRY_SEXES,
  type EntrySex,
  type IdentifierKind,
  type NameScript,
  WATCHLIST_LIMITS,
} from '../../../../shared/watchlists/vocabulary.js';
import type { EntryInput, WatchlistEntry } from './entries-api.js';
import { detectScript } from './script.js';

let nextKey = 0;
const key = () => `row-${++nextKey}`;

export interface NameRow {
  key: string;
  name: string;
  script: NameScript;
  /** Chosen by the person: typing no longer changes it. */
  scriptChosen: boolean;
}

export interface IdentifierRow {
  key: string;
  kind: IdentifierKind;
  number: string;
  country: string;
}

export interface EntryDraft {
  names: NameRow[];
  /** "1984" or "1984-03-02", or empty. */
  birthDate: string;
  nationalities: string[];
  sex: EntrySex | '';
  identifiers: IdentifierRow[];
  reason: string;
  reviewDate: string;
}

export const newNameRow = (name = '', script?: NameScript): NameRow => ({
  key: key(),
  name,
  script: script ?? detectScript(name),
  scriptChosen: !!script,
});

export const newIdentifierRow = (): IdentifierRow => ({ key: key(), kind: 'passport', number: '', country: '' });

export const emptyEntry = (): EntryDraft => ({
  names: [newNameRow()],
  birthDate: '',
  nationalities: [],
  sex: '',
  identifiers: [],
  reason: '',
  reviewDate: '',
});

export const entryDraftOf = (entry: WatchlistEntry): EntryDraft => ({
  names: entry.names.map((name) => newNameRow(name.name, name.script)),
  birthDate: entry.birthDate ?? '',
  nationalities: [...entry.nationalities],
  sex: entry.sex ?? '',
  identifiers: entry.identifiers.map((identifier) => ({
    key: key(),
    kind: identifier.kind,
    number: identifier.number,
    country: identifier.country ?? '',
  })),
  reason: entry.reason,
  reviewDate: entry.reviewDate,
});

/** A name typed: its script follows what is typed until the person picks one. */
export const typedName = (row: NameRow, name: string): NameRow =>
  row.scriptChosen ? { ...row, name } : { ...row, name, script: detectScript(name) };

const BIRTH_DATE = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/;

/** A year, or a full date that exists; neither in the future nor before 1900. */
export function validBirthDate(value: string, now = new Date()): boolean {
  const match = BIRTH_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < 1900 || year > now.getUTCFullYear()) return false;
  if (!match[2]) return true;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && date.getTime() <= now.getTime();
}

export interface EntryErrors {
  names: (string | null)[];
  namesMissing: string | null;
  birthDate: string | null;
  identifiers: (string | null)[];
  reason: string | null;
}

export function entryErrors(draft: EntryDraft, t: TFunction): EntryErrors {
  const filled = draft.names.filter((row) => row.name.trim());
  return {
    names: draft.names.map((row) =>
      row.name.trim() && !/\p{L}/u.test(row.name) ? t('watchlistEntries.form.errors.nameLetters') : null,
    ),
    namesMissing: filled.length ? null : t('watchlistEntries.form.errors.names'),
    birthDate: !draft.birthDate || validBirthDate(draft.birthDate) ? null : t('watchlistEntries.form.errors.birthDate'),
    identifiers: draft.identifiers.map((row) => (row.number.trim() ? null : t('watchlistEntries.form.errors.identifier'))),
    reason: draft.reason.trim() ? null : t('watchlistEntries.form.errors.reason'),
  };
}

export const hasErrors = (errors: EntryErrors) =>
  !!(errors.namesMissing || errors.birthDate || errors.reason || errors.names.some(Boolean) || errors.identifiers.some(Boolean));

/** The draft as the API takes it; empty name rows are left out. */
export function entryInputOf(draft: EntryDraft): EntryInput {
  return {
    names: draft.names
      .filter((row) => row.name.trim())
      .slice(0, WATCHLIST_LIMITS.names)
      .map((row) => ({ name: row.name.trim(), script: row.script })),
    ...(draft.birthDate ? { birthDate: draft.birthDate } : {}),
    nationalities: draft.nationalities,
    ...(ENTRY_SEXES.includes(draft.sex as EntrySex) ? { sex: draft.sex as EntrySex } : {}),
    identifiers: draft.identifiers.map((row) => ({
      kind: row.kind,
      number: row.number.trim(),
      ...(row.country ? { country: row.country } : {}),
    })),
    reason: draft.reason.trim(),
    ...(draft.reviewDate ? { reviewDate: draft.reviewDate } : {}),
  };
}
