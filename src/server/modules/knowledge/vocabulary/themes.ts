/**
 * `tagThemes`: ids of the controlled vocabulary of themes whose keywords occur in a text, sorted.
 */

import { THEME_IDS, THEME_KEYWORDS, type ThemeId } from '../../../../shared/knowledge/vocabulary/themes-data.js';
import { foldedLower } from './normalize.js';

/** A keyword source as a pattern: a space matches spaces or hyphens; whole words only. */
export function keywordPattern(keywords: readonly string[]): RegExp {
  const alternatives = keywords.map((k) => k.replaceAll(' ', '[\\s-]+'));
  return new RegExp(`\\b(?:${alternatives.join('|')})(?![a-z0-9])`);
}

const PATTERNS: readonly (readonly [ThemeId, RegExp])[] = [...THEME_IDS]
  .sort()
  .map((id) => [id, keywordPattern(THEME_KEYWORDS[id])]);

export function tagThemes(text: string): ThemeId[] {
  const lower = foldedLower(text);
  const themes: ThemeId[] = [];
  for (const [id, pattern] of PATTERNS) if (pattern.test(lower)) themes.push(id);
  return themes;
}
