import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_PROBLEMS, KNOWLEDGE_PROBLEMS } from '../../../../shared/knowledge/problems.js';
import { isWordedRefusal, WORDED_REFUSALS } from './review-problems.js';

const modules = path.resolve(import.meta.dirname, '../..');
const translations = (area: string, language: string) =>
  JSON.parse(readFileSync(path.join(modules, 'knowledge', area, 'i18n', `${language}.json`), 'utf8'));

// The library's problems the pages word themselves must be problems the server answers, in every language.
describe('problems worded in the reader’s language', () => {
  it.each(['en', 'fr', 'ar'])('has a %s message for each refusal of a review change and each failed file', (language) => {
    const review = translations('review', language).review.problems;
    const imports = translations('imports', language).imports.problems;
    for (const slug of WORDED_REFUSALS) expect(review[slug], slug).toMatch(/\S/);
    for (const slug of FILE_PROBLEMS) expect(imports[slug], slug).toMatch(/\S/);
  });

  it('words only slugs of the catalogue, and nothing else', () => {
    for (const slug of [...WORDED_REFUSALS, ...FILE_PROBLEMS]) expect(Object.hasOwn(KNOWLEDGE_PROBLEMS, slug), slug).toBe(true);
    expect(isWordedRefusal('not-adjacent')).toBe(true);
    expect(isWordedRefusal('stale-revision')).toBe(false);
    expect(isWordedRefusal('validation')).toBe(false);
  });
});
