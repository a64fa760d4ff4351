/**
 * Turns the lines of an outcome document into blocks: headings, list items and paragraphs, with
 * wrapped lines joined. Text converted from PDF breaks lines inside sentences and sometimes inside a
 * list item across a page break (a blank line, then a line starting in lower case): both are joined.
 */
export type BlockKind = 'heading' | 'bullet' | 'paragraph';

export interface Block {
  kind: BlockKind;
  text: string;
  /** 1-based line of the source where the block starts. */
  line: number;
  /** The heading or paragraph ends with ':' — it introduces what follows. */
  leadIn: boolean;
  /** A list-marked title ("• Future challenges", "6. Way forward"): it ends the previous section. */
  sectionBreak: boolean;
  /** The list marker of a numbered paragraph or lettered sub-point ("4", "b"), null for others. */
  marker: string | null;
  /** The level of a markdown heading (`#` is 1), null for any other block. */
  level: number | null;
}

const BULLET = /^\s*(?:[-•▪●◦–]|\*(?!\*)|\d{1,3}[.)](?!\d)|\(?[ivx]{1,5}\)|\(?[a-h]\))\s+/i;
const MARKDOWN_HEADING = /^\s*#{1,6}\s+/;
// "4." / "4)" numbered paragraph, "(b)" / "b)" lettered sub-point: the marker an item is cited by.
const NUMBER_MARKER = /^\s*(?:(\d{1,3})[.)](?!\d)|\(?([a-z])\))\s+/i;
const TERMINAL = /[.;!?…]["»”)]?\s*$/;

/** Removes markdown emphasis and HTML tags kept by the converter, and collapses spaces. */
export function cleanText(text: string): string {
  return text
    .replace(/<\/?(?:sup|sub|b|i|em|strong|u)>/gi, '')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])\*(?=\S)|(?<=\S)\*(?=[\s).,;:]|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function looksLikeHeading(raw: string, text: string): boolean {
  if (MARKDOWN_HEADING.test(raw)) return true;
  if (text.length === 0 || text.length > 200) return false;
  if (/^\*\*[^*]+\*\*:?$/.test(raw.trim())) return true;
  // Short, no sentence ending, starts with a capital or a section number: a heading.
  return !TERMINAL.test(text) && /^(?:\d{1,2}[.)]\s+)?[\p{Lu}«"“]/u.test(text) && text.split(' ').length <= 25;
}

/** "• Future challenges", "6. Way forward", "- **Border cooperation**": list-marked section titles. */
function isMarkedTitle(raw: string, text: string): boolean {
  const count = text.split(' ').length;
  // "5. The participants recommended that partners:" is a numbered lead-in, not a title.
  const short = count <= 12 && !TERMINAL.test(text) && !(count >= 5 && /:\s*$/.test(text));
  if (/^\s*[•●▪]\s/.test(raw) || /^\s*\d{1,2}[.)]\s/.test(raw)) return short;
  return /^\s*[-•]\s+\*\*[^*]+\*\*\s*$/.test(raw) && !TERMINAL.test(text);
}

export function splitBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let current: { kind: BlockKind; parts: string[]; line: number; raw: string; level?: number; marker?: string | null } | null =
    null;
  let blankSince = false;

  const flush = () => {
    if (!current) return;
    const text = cleanText(current.parts.join(' '));
    if (text) {
      const markedTitle = current.kind === 'bullet' && current.parts.length === 1 && isMarkedTitle(current.raw, text);
      const plainTitle = current.kind === 'paragraph' && current.parts.length <= 3 && looksLikeHeading(current.raw, text);
      const kind = markedTitle || plainTitle || current.kind === 'heading' ? 'heading' : current.kind;
      const sectionBreak = markedTitle;
      blocks.push({
        kind,
        text,
        line: current.line,
        leadIn: /:\s*$/.test(text),
        sectionBreak: kind === 'heading' && sectionBreak,
        marker: kind === 'bullet' ? (current.marker ?? null) : null,
        level: current.level ?? null,
      });
    }
    current = null;
  };

  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const trimmed = raw.trim();
    if (!trimmed) {
      flush();
      blankSince = true;
      return;
    }
    const previous = blocks.at(-1);
    // A page break inside a list item: blank line(s), then the sentence goes on — in lower case, or
    // as the unmarked end of an unfinished list item ("… Nigeria and" / "Ghana ;").
    const goesOn =
      /^[\p{Ll}]/u.test(trimmed) ||
      (previous?.kind === 'bullet' && !BULLET.test(raw) && TERMINAL.test(trimmed) && trimmed.length < 200);
    if (!current && blankSince && previous && previous.kind !== 'heading' && goesOn && !TERMINAL.test(previous.text)) {
      blocks.pop();
      current = { ...previous, parts: [previous.text, trimmed], raw: previous.text, level: previous.level ?? undefined };
      blankSince = false;
      return;
    }
    blankSince = false;
    if (MARKDOWN_HEADING.test(raw)) {
      flush();
      const level = (/^\s*(#+)/.exec(raw)?.[1] ?? '#').length;
      current = { kind: 'heading', parts: [trimmed.replace(MARKDOWN_HEADING, '')], line: lineNumber, raw, level };
      flush();
      return;
    }
    if (BULLET.test(raw)) {
      flush();
      const numbered = NUMBER_MARKER.exec(raw);
      const marker = numbered ? (numbered[1] ?? numbered[2].toLowerCase()) : null;
      current = { kind: 'bullet', parts: [trimmed.replace(BULLET, '')], line: lineNumber, raw, marker };
      return;
    }
    if (current) current.parts.push(trimmed);
    else current = { kind: 'paragraph', parts: [trimmed], line: lineNumber, raw };
  });
  flush();
  return blocks;
}
