/** The matches of a text search, read from the one text value repository `matchItems` receives (why there). */
export interface Matches {
  /** Item numbers. */
  seqs: Int32Array;
  /** Relevance of each (higher first), when asked for. */
  scores: Float64Array | null;
}

/**
 * Reads "seq,seq,…" or "seq:score,seq:score,…" (non-negative integers, scores in billionths) digit
 * by digit: splitting and converting tens of thousands of substrings took several milliseconds.
 */
export function parseMatches(text: string, ranked: boolean): Matches {
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) count++;
  const seqs = new Int32Array(count);
  const scores = ranked ? new Float64Array(count) : null;
  let index = 0;
  let value = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 44;
    if (code === 44) {
      if (scores) scores[index] = value / 1e9;
      else seqs[index] = value;
      index++;
      value = 0;
    } else if (code === 58) {
      seqs[index] = value;
      value = 0;
    } else {
      value = value * 10 + (code - 48);
    }
  }
  return { seqs, scores };
}
