/**
 * Page furniture that survives conversion from PDF: dialogue names in the header, logos' captions,
 * funding lines, addresses, page numbers, lines in Arabic script from bilingual logos.
 */
const FURNITURE = [
  /^(the )?(rabat|budapest|khartoum|prague) process$/i,
  /^processus de (rabat|budapest|khartoum|prague)$/i,
  /^euro-african dialogue on$|^migration and development$|^dialogue euro-africain sur( la migration et le développement)?$|^la migration et le développement$/i,
  /\b(project|projet) (is )?(funded|financé|co-?funded)\b/i,
  /^(implemented|mis en (œuvre|oeuvre)) (by|par)\b/i,
  /^(page )?\d{1,3}( \/ \d{1,3})?$/i,
  /^page \d{1,3} (of|sur|de) \d{1,3}$/i,
  // Tables (participants, delegations) are never items.
  /^\|.*\|$/s,
  /^(royaume|kingdom|république|republic|ministère|ministry|ministerio|reino)\b.{0,60}$/i,
  /^(final )?(outcome )?document( final)?$/i,
  /^(hôtel|hotel|avenue|rue|calle|plaza|circuit|boulevard)\b/i,
  /^[\p{Script=Arabic}\s\p{P}]+$/u,
  /^in the framework of\b|^dans le cadre du\b/i,
];

// A short line ending in a postal code is an address ("Plaza Marqués de Salamanca 8, 28006").
const ADDRESS = /\b\d{4,5}\b[^.;]{0,20}$/;

export function isFurniture(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 3) return true;
  if (trimmed.length < 90 && ADDRESS.test(trimmed)) return true;
  return FURNITURE.some((pattern) => pattern.test(trimmed));
}

/**
 * Lines printed on every page — a running header ("Rabat Process – Thematic meeting on …") or footer
 * — are blanked (not cut, so that lines keep their numbers) before the text is split into blocks.
 * A line counts when it has a few words, comes back at least three times and never continues a
 * paragraph: a sentence a document repeats inside its paragraphs, wrapped the same way each time,
 * is text, not furniture.
 */
export function blankRunningLines(text: string): string {
  const lines = text.split('\n');
  const seen = new Map<string, number>();
  for (const line of lines) {
    const key = line.trim();
    if (key.length >= 10 && key.length <= 150 && key.split(/\s+/).length >= 4) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const running = new Set([...seen].filter(([, count]) => count >= 3).map(([line]) => line));
  if (running.size === 0) return text;
  // Inside a paragraph: the line before it is text that does not end a sentence.
  lines.forEach((line, index) => {
    const before = lines[index - 1]?.trim() ?? '';
    if (running.has(line.trim()) && before && !/[.;:!?…"»”)]$/.test(before)) running.delete(line.trim());
  });
  return lines.map((line) => (running.has(line.trim()) ? '' : line)).join('\n');
}
