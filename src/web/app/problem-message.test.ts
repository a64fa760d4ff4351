import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_PROBLEMS } from '../../shared/account/problems.js';
import { ADMINISTRATION_PROBLEMS } from '../../shared/administration/problems.js';
import { AUTH_PROBLEMS } from '../../shared/auth/problems.js';
import { ALERT_PROBLEMS } from '../../shared/exchange/alerts/problems.js';
import { ATTACHMENT_PROBLEMS } from '../../shared/exchange/attachments/problems.js';
import { DIRECTORY_PROBLEMS } from '../../shared/exchange/directory/problems.js';
import { LIVE_PROBLEMS } from '../../shared/exchange/live/problems.js';
import { MESSAGE_PROBLEMS } from '../../shared/exchange/messages/problems.js';
import { FOLLOWUP_PROBLEMS } from '../../shared/followup/problems.js';
import { KNOWLEDGE_PROBLEMS } from '../../shared/knowledge/problems.js';
import { PLATFORM_PROBLEMS } from '../../shared/problems.js';
import { REFERRAL_PROBLEMS } from '../../shared/referral/problems.js';
import { WATCHLIST_PROBLEMS } from '../../shared/watchlists/problems.js';
import { ApiError } from '../api/client.js';
import { problemMessage } from './problem-message.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const LANGUAGES = ['en', 'fr', 'ar'] as const;
const CATALOGUES = [
  PLATFORM_PROBLEMS,
  AUTH_PROBLEMS,
  ACCOUNT_PROBLEMS,
  ADMINISTRATION_PROBLEMS,
  KNOWLEDGE_PROBLEMS,
  ALERT_PROBLEMS,
  ATTACHMENT_PROBLEMS,
  DIRECTORY_PROBLEMS,
  LIVE_PROBLEMS,
  MESSAGE_PROBLEMS,
  FOLLOWUP_PROBLEMS,
  REFERRAL_PROBLEMS,
  WATCHLIST_PROBLEMS,
];
const SLUGS = [...new Set(CATALOGUES.flatMap((catalogue) => Object.keys(catalogue)))];
/** Codes that stay in Latin letters in an Arabic sentence: TLP colours, file formats, standards. */
const CODES = /\b(RED|AMBER|GREEN|CLEAR|TLP|PDF|CSV|ISO)\b/g;

beforeAll(async () => {
  const read = (language: string) => JSON.parse(readFileSync(path.join(here, 'i18n', `${language}.json`), 'utf8'));
  await i18next.init({
    lng: 'en',
    resources: Object.fromEntries(LANGUAGES.map((language) => [language, { translation: read(language) }])),
    interpolation: { escapeValue: false },
  });
});

const englishDetail = 'Invalid request: body/title must NOT have more than 300 characters';

describe('problemMessage', () => {
  it('has a sentence for every problem of every catalogue, in every language', async () => {
    for (const language of LANGUAGES) {
      await i18next.changeLanguage(language);
      const missing = SLUGS.filter((slug) => !i18next.exists(`problems.${slug}`));
      expect(missing, language).toEqual([]);
    }
  });

  it('writes the Arabic sentences in Arabic, with no Latin letters but codes', async () => {
    await i18next.changeLanguage('ar');
    for (const slug of SLUGS) {
      const message = problemMessage(new ApiError(400, slug, 'English detail'));
      expect(message.replace(CODES, ''), slug).not.toMatch(/[A-Za-z]/);
    }
  });

  it('never shows the English detail of the server in French or Arabic, even for a slug it does not know', async () => {
    for (const language of ['fr', 'ar'] as const) {
      await i18next.changeLanguage(language);
      const known = problemMessage(new ApiError(403, 'csrf', 'Missing or invalid X-CSRF-Token header'));
      const unknown = problemMessage(new ApiError(422, 'something-new', 'A rule refused this'));
      const status = problemMessage(new ApiError(502, 'http-error', 'Bad gateway'));
      for (const message of [known, unknown, status]) expect(message).not.toMatch(/header|rule|gateway/i);
    }
    await i18next.changeLanguage('fr');
    expect(problemMessage(new ApiError(403, 'csrf', 'Missing'))).toBe(i18next.t('problems.csrf'));
    expect(problemMessage(new ApiError(422, 'something-new', 'A rule refused this'))).toBe('La demande a été refusée.');
  });

  it("gives an English reader the server's own detail, and the English sentence when there is none", async () => {
    await i18next.changeLanguage('en');
    expect(problemMessage(new ApiError(422, 'something-new', 'A rule refused this'))).toBe('A rule refused this');
    expect(problemMessage(new ApiError(401, 'invalid-credentials', ''))).toBe('The e-mail address or password is wrong.');
  });

  it('names the fields of a schema refusal, as codes isolated from the sentence', async () => {
    await i18next.changeLanguage('ar');
    const message = problemMessage(new ApiError(400, 'validation', englishDetail, ['/title', 'body/note']));
    expect(message).toContain('الحقول التي يجب مراجعتها');
    expect(message).toContain('\u2068title\u2069');
    expect(message).toContain('\u2068note\u2069');
    expect(message).not.toMatch(/characters|Invalid/);
  });

  it('says the network failed, or that something unexpected happened, in the language', async () => {
    await i18next.changeLanguage('fr');
    expect(problemMessage(new TypeError('Failed to fetch'))).toBe(i18next.t('errors.network'));
    expect(problemMessage(new Error('boom'))).toBe(i18next.t('errors.unexpected'));
  });
});
