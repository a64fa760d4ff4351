import type { NameScript } from '../../../../shared/watchlists/vocabulary.js';

const SCRIPTS: [NameScript, RegExp][] = [
  ['arabic', /\p{Script=Arabic}/gu],
  ['cyrillic', /\p{Script=Cyrillic}/gu],
  ['ethiopic', /\p{Script=Ethiopic}/gu],
  ['latin', /\p{Script=Latin}/gu],
];

/**
 * The script most of a name's letters are written in, as the form offers it while the name is typed
 * (the person may still choose another); `latin` for a name without letters yet.
 */
export function detectScript(name: string): NameScript {
  let best: NameScript = 'latin';
  let most = 0;
  let letters = 0;
  for (const [script, pattern] of SCRIPTS) {
    const count = name.match(pattern)?.length ?? 0;
    letters += count;
    if (count > most) {
      best = script;
      most = count;
    }
  }
  const total = name.match(/\p{L}/gu)?.length ?? 0;
  // Letters of none of the four (Tifinagh, N'Ko, Chinese…) outnumbering them: another script.
  if (total > 0 && total - letters > most) return 'other';
  return best;
}

/** Scripts written right to left or with their own shaping: shown isolated in `<bdi>`. */
export const isolatedScript = (script: NameScript) => script !== 'latin';
