import { type Line, readLines } from './pdf-lines.js';
import { type PdfDocument, readPdfPages } from './pdf-page.js';

/**
 * Reads a PDF by its layout into the text the block splitter expects (blocks.ts): the text layer of a
 * PDF has no blank lines, so paragraphs are found from the vertical space between lines and from
 * their indentation, and written with a blank line between them; headings (a larger font, or a short
 * bold line) are written as `#`/`##` lines; a word hyphenated at a line end is made whole again, and
 * a paragraph cut by a page or column break is kept in one piece.
 */
export interface PdfLayout {
  text: string;
  /** Page of each line of `text` (index 0 is line 1). */
  pages: number[];
  /** Letters in the text layer, to tell a scan from a document. */
  letters: number;
}

// The markers blocks.ts reads as list items: a line starting with one starts a new block there.
const MARKER = /^(?:[-•▪●◦–*]|\d{1,3}[.)](?!\d)|\(?[ivx]{1,5}\)|\(?[a-h]\))\s/i;
const ENDS_SENTENCE = /[.!?:;…]["'»”’)]?$/;
const HYPHEN_END = /(\p{L}+)[-\u00AD\u2010]$/u;
/**
 * Prefixes that make compounds: "anti-" + "smuggling" keeps its hyphen. Not "inter-" or "pre-":
 * hyphenation cuts "inter-national" and "pre-vention" there too.
 */
const COMPOUND_PREFIX = /^(anti|self|non|cross|well|co|ex|vice|sous|demi|contre|quasi)$/i;

const half = (n: number) => Math.round(n * 2) / 2;

function mostCommon(values: number[]): number | null {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? null;
}

interface Body {
  size: number;
  /** Distance between the baselines of two lines of one paragraph. */
  spacing: number;
  /** Most of the text is bold: then bold says nothing. */
  bold: boolean;
}

function readBody(lines: Line[]): Body {
  const bySize = new Map<number, number>();
  let boldChars = 0;
  let chars = 0;
  for (const line of lines) {
    bySize.set(line.size, (bySize.get(line.size) ?? 0) + line.text.length);
    chars += line.text.length;
    if (line.bold) boldChars += line.text.length;
  }
  const size = [...bySize].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [previous, line] = [lines[i - 1], lines[i]];
    if (previous.page !== line.page || previous.column !== line.column) continue;
    if (Math.abs(previous.size - size) > 0.5 || Math.abs(line.size - size) > 0.5) continue;
    const gap = previous.y - line.y;
    if (gap > 0.8 * size && gap <= 2.5 * size) gaps.push(half(gap));
  }
  // Lines of a paragraph are closer than paragraphs: prefer the common gap among the close ones.
  const close = gaps.filter((gap) => gap <= 1.6 * size);
  return { size, spacing: mostCommon(close.length >= 3 ? close : gaps) ?? 1.25 * size, bold: boldChars > chars / 2 };
}

interface Paragraph {
  lines: Line[];
}

class Layout {
  constructor(private readonly body: Body) {}

  large = (line: Line) => line.size >= this.body.size * 1.15;

  /** Lines of one paragraph share a style: a change of size or weight starts another. */
  style(line: Line): string {
    if (this.large(line)) return `large ${line.size}`;
    if (line.size < this.body.size * 0.87) return 'small';
    return line.bold && !this.body.bold ? 'bold' : 'body';
  }

  isHeading(paragraph: Paragraph): boolean {
    const [first] = paragraph.lines;
    const text = paragraph.lines.map((line) => line.text).join(' ');
    const words = text.split(' ').length;
    if (this.large(first)) return paragraph.lines.length <= 4 && words <= 50;
    return this.style(first) === 'bold' && paragraph.lines.length <= 2 && words <= 15 && !/[.;,]$/.test(text);
  }

  /** Whether `line`, first of its page or column, goes on with the paragraph before the break. */
  private continues(paragraph: Paragraph, previous: Line, line: Line): boolean {
    if (this.style(previous) !== 'body' || ENDS_SENTENCE.test(previous.text) || MARKER.test(line.text)) return false;
    if (/^\p{Ll}/u.test(line.text)) return true;
    // Or it starts where the paragraph's lines start, not indented as a new paragraph would be.
    const [first, second] = paragraph.lines;
    const starts = second ? [second.x0 - second.left] : first.starts.map((x) => x - first.left);
    return starts.some((start) => Math.abs(line.x0 - line.left - start) <= this.body.size / 2);
  }

  paragraphs(lines: Line[]): Paragraph[] {
    const paragraphs: Paragraph[] = [];
    let open: Paragraph | null = null;
    for (const line of lines) {
      if (open && !this.breaksBefore(open, line)) {
        open.lines.push(line);
        continue;
      }
      open = this.resumed(paragraphs, line) ?? { lines: [line] };
      if (open.lines.at(-1) === line) paragraphs.push(open);
      else open.lines.push(line);
    }
    return paragraphs;
  }

  /** At a page or column break, a paragraph may go on after the footnotes printed under it. */
  private resumed(paragraphs: Paragraph[], line: Line): Paragraph | null {
    const last = paragraphs.at(-1)?.lines.at(-1);
    if (!last || (last.page === line.page && !(last.column === 1 && line.column === 2))) return null;
    let index = paragraphs.length - 1;
    while (index >= 0 && paragraphs[index].lines.every((l) => l.page === last.page && this.style(l) === 'small')) index--;
    const candidate = paragraphs[index];
    const end = candidate?.lines.at(-1);
    if (index === paragraphs.length - 1 || !end || end.page !== last.page || this.style(line) !== 'body') return null;
    return this.continues(candidate, end, line) ? candidate : null;
  }

  breaksBefore(paragraph: Paragraph, line: Line): boolean {
    const previous = paragraph.lines.at(-1) as Line;
    if (this.style(line) !== this.style(previous)) return true;
    // The text flows on at the next page, or from the foot of the left column to the head of the right.
    const flowBreak = line.page !== previous.page || (previous.column === 1 && line.column === 2);
    if (flowBreak) return !this.continues(paragraph, previous, line);
    const em = this.body.size;
    const gap = previous.y - line.y;
    const expected = (this.body.spacing * Math.max(previous.size, line.size)) / this.body.size;
    if (gap <= 0 || gap > expected * 1.15 + 0.5) return true;
    const [first, second] = paragraph.lines;
    if (MARKER.test(line.text) && line.x0 - line.left <= first.x0 - first.left + em / 2) return true;
    const centre = (l: Line) => (l.x0 + l.x1) / 2;
    const centred =
      Math.abs(centre(previous) - centre(line)) < 3 && (line.x0 > line.left + em || previous.x0 > previous.left + em);
    if (centred) return false;
    // Indentation is measured from the column's edge: a paragraph may have begun in another column.
    const indent = (l: Line, x = l.x0) => x - l.left;
    if (second) {
      if (Math.abs(indent(line) - indent(second)) > em / 2) return true;
    } else if (
      indent(line) > indent(first) + em / 2 &&
      !first.starts.some((start) => Math.abs(indent(first, start) - indent(line)) <= 2) &&
      // "10. Text" may come as one run: under a list marker, an indented line is its hanging indent.
      !(MARKER.test(first.text) && indent(line) - indent(first) <= 4 * em)
    ) {
      // Indented under a line that has nothing starting there: a new paragraph's first line.
      return true;
    }
    // A line ending a sentence well short of the right edge ends its paragraph.
    const short = previous.x1 < previous.right - Math.max(3 * em, 0.15 * (previous.right - previous.left));
    return short && ENDS_SENTENCE.test(previous.text);
  }
}

interface OutputLine {
  text: string;
  page: number;
}

/** Makes words hyphenated at a line end whole: "identi-" + "fication" → "identification". */
function joinHyphenated(lines: OutputLine[], compounds: Set<string>): OutputLine[] {
  const out: OutputLine[] = [];
  for (const line of lines) {
    const previous = out.at(-1);
    const hyphen = previous ? HYPHEN_END.exec(previous.text) : null;
    if (!previous || !hyphen || !/^\p{Ll}/u.test(line.text)) {
      out.push({ ...line });
      continue;
    }
    const fragment = line.text.split(' ')[0];
    const word = /^\p{L}+/u.exec(fragment)?.[0] ?? '';
    const keep =
      previous.text.endsWith('-') && (COMPOUND_PREFIX.test(hyphen[1]) || compounds.has(`${hyphen[1]}-${word}`.toLowerCase()));
    previous.text = `${previous.text.slice(0, -1)}${keep ? '-' : ''}${fragment}`;
    const rest = line.text.slice(fragment.length).trim();
    if (rest) out.push({ text: rest, page: line.page });
  }
  return out;
}

export function layoutText(lines: Line[]): Omit<PdfLayout, 'letters'> {
  const body = readBody(lines);
  const layout = new Layout(body);
  const paragraphs = layout.paragraphs(lines);
  // Hyphenated words written whole elsewhere in the document are compounds, not cut words.
  const compounds = new Set(lines.flatMap((line) => line.text.toLowerCase().match(/\p{L}+-\p{L}+/gu) ?? []));
  const headings = paragraphs.filter((paragraph) => layout.isHeading(paragraph));
  const largest = Math.max(0, ...headings.filter((h) => layout.large(h.lines[0])).map((h) => h.lines[0].size));
  const out: OutputLine[] = [];
  for (const paragraph of paragraphs) {
    const page = paragraph.lines[0].page;
    if (out.length) out.push({ text: '', page });
    const own = joinHyphenated(
      paragraph.lines.map((line) => ({ text: line.text, page: line.page })),
      compounds,
    );
    if (!headings.includes(paragraph)) {
      out.push(...own);
      continue;
    }
    const text = own.map((line) => line.text).join(' ');
    // A short heading with its own list marker ("• Introduction", "2. Way forward") stays as it is:
    // the splitter reads it as a section title that ends the section before.
    const marked = MARKER.test(text) && text.split(' ').length <= 12 && !ENDS_SENTENCE.test(text);
    const level = paragraph.lines[0].size === largest ? '# ' : '## ';
    out.push({ text: marked ? text : `${level}${text}`, page });
  }
  return { text: out.map((line) => line.text).join('\n'), pages: out.map((line) => line.page) };
}

export async function readPdfLayout(pdf: PdfDocument): Promise<PdfLayout> {
  const pages = await readPdfPages(pdf);
  const letters = pages.reduce(
    (sum, page) => sum + page.runs.reduce((n, run) => n + run.text.replace(/[^\p{L}]/gu, '').length, 0),
    0,
  );
  return { ...layoutText(readLines(pages)), letters };
}
