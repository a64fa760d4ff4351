/**
 * Line breaking for the outcome layout of a PDF: greedy, like a word processor, with a long word
 * hyphenated at the end of a line now and then. Real outcome documents are printed that way, so a
 * reader of their text layer meets "organi-" at the end of one line and "sations" at the start of
 * the next, and must join them back.
 */

export interface Line {
  text: string;
  /** The paragraph's last line is printed ragged; the others are justified. */
  last: boolean;
}

const VOWEL = /[aeiouyàâäéèêëîïôöùûü]/;
/** Consonant pairs that start a syllable together, never split between two lines. */
const ONSET = new Set([
  'ch',
  'sh',
  'th',
  'ph',
  'ck',
  'gh',
  'gn',
  'qu',
  'wh',
  'br',
  'cr',
  'dr',
  'fr',
  'gr',
  'pr',
  'tr',
  'bl',
  'cl',
  'fl',
  'gl',
  'pl',
]);
const HYPHENATABLE = /^([(«"“]*)([a-zàâäçéèêëîïôöùûüœ]{10,})([)»"”.,;:!?]*)$/;

/**
 * Where a word may be split: before a consonant that starts a syllable (vowel | consonant vowel,
 * or vowel consonant | consonant vowel), leaving at least three letters on each side. Only long
 * lower-case words are split; names and acronyms never are. A compound breaks after its own hyphen.
 */
export function splitPoints(word: string): Array<{ head: string; tail: string }> {
  const compound = [...word.matchAll(/-/g)]
    .map((match) => match.index + 1)
    .filter((at) => at > 2 && at < word.length - 2)
    .map((at) => ({ head: word.slice(0, at), tail: word.slice(at) }));
  if (compound.length > 0) return compound;
  const parts = HYPHENATABLE.exec(word);
  if (!parts) return [];
  const [, before, core, after] = parts;
  const vowel = (at: number) => VOWEL.test(core[at] ?? '');
  const points: Array<{ head: string; tail: string }> = [];
  for (let at = 3; at <= core.length - 3; at++) {
    const simple = vowel(at - 1) && !vowel(at) && vowel(at + 1);
    const double = vowel(at - 2) && !vowel(at - 1) && !vowel(at) && vowel(at + 1) && !ONSET.has(core.slice(at - 1, at + 1));
    if (simple || double) points.push({ head: `${before}${core.slice(0, at)}-`, tail: `${core.slice(at)}${after}` });
  }
  return points;
}

/**
 * Breaks `text` into lines no wider than `width` as `measure` counts them. A word that does not
 * fit is hyphenated when the line would otherwise be left loose (more than `looseness` of white).
 */
export function breakLines(text: string, width: number, measure: (text: string) => number, hyphenate = true): Line[] {
  const words = text.split(' ').filter(Boolean);
  const lines: Line[] = [];
  let current: string[] = [];
  const fits = (candidate: string[]) => measure(candidate.join(' ')) <= width;
  for (let at = 0; at < words.length; at++) {
    const word = words[at];
    if (fits([...current, word])) {
      current.push(word);
      continue;
    }
    const loose = current.length > 0 && width - measure(current.join(' ')) > 4 * measure(' ');
    const split =
      hyphenate && (loose || current.length === 0)
        ? splitPoints(word)
            .reverse()
            .find((point) => fits([...current, point.head]))
        : undefined;
    if (split) {
      lines.push({ text: [...current, split.head].join(' '), last: false });
      current = [];
      words[at--] = split.tail;
    } else if (current.length > 0) {
      lines.push({ text: current.join(' '), last: false });
      current = [word];
    } else {
      current = [word];
    }
  }
  if (current.length > 0) lines.push({ text: current.join(' '), last: true });
  return lines;
}
