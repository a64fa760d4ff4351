/**
 * Pairs extracted items with hand-labelled ones by word overlap, one to one, best pairs first. The
 * quality test scores the pairs; the classifier's training (training.ts) uses them to tell which
 * blocks of a labelled document are items and which are not.
 */
const wordSet = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (shared / Math.max(1, Math.min(a.size, b.size))) * (Math.min(a.size, b.size) / Math.max(a.size, b.size)) ** 0.5;
}

/** Index pairs [predicted, gold] of texts that say the same thing. */
export function pairTexts(predicted: string[], gold: string[]): [number, number][] {
  const candidates: [number, number, number][] = [];
  const goldWords = gold.map(wordSet);
  predicted.forEach((text, i) => {
    const pw = wordSet(text);
    goldWords.forEach((gw, j) => {
      const score = overlap(pw, gw);
      if (score >= 0.6) candidates.push([score, i, j]);
    });
  });
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, i, j] of candidates) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}
