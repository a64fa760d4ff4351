/** Reads a demo document's Markdown source into its parts (see build-demo-documents.ts for the layout). */

export type Format = 'pdf' | 'docx' | 'md';

export interface Paragraph {
  /** "4" for "4. …"; null for an unnumbered paragraph. */
  number: string | null;
  text: string;
}

export interface Section {
  heading: string;
  paragraphs: Paragraph[];
}

export interface DemoDocument {
  file: string;
  format: Format;
  language: 'en' | 'fr';
  /** The dialogue ("Rabat Process"), printed above the title. */
  dialogue: string;
  title: string;
  /** Place, dates and co-chairs, one line each. */
  cover: string[];
  /** The cover's closing note, that the document is fictional: the cover paragraph that is a sentence. */
  note: string | null;
  sections: Section[];
  /** The source without its header: the Markdown rendering. */
  markdown: string;
}

const HEADER = /^<!--\n([\s\S]*?)\n-->\n+/;
const NUMBERED = /^(\d{1,3})\.\s+([\s\S]+)$/;

function fail(source: string, message: string): never {
  throw new Error(`${source}: ${message}`);
}

/** Markdown emphasis is for the .md rendering; the PDF and Word renderings print plain text. */
const plain = (text: string) =>
  text
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])[*_](\S(?:[^*_]*\S)?)[*_](?=[\s.,;:)]|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();

export function parseSource(source: string, name: string): DemoDocument {
  const header = HEADER.exec(source) ?? fail(name, 'no <!-- … --> header');
  const fields = Object.fromEntries(
    header[1].split('\n').map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    }),
  );
  const format = fields.format as Format;
  if (!['pdf', 'docx', 'md'].includes(format)) fail(name, `unknown format ${fields.format}`);
  if (!['en', 'fr'].includes(fields.language)) fail(name, `unknown language ${fields.language}`);
  if (!/^[a-z0-9-]+$/.test(fields.file ?? '')) fail(name, 'file must be a lower-case slug');

  const markdown = source.slice(header[0].length);
  const blocks = markdown
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  const titleAt = blocks.findIndex((block) => block.startsWith('# '));
  if (titleAt !== 1) fail(name, 'expected the dialogue, then "# title"');
  const document: DemoDocument = {
    file: fields.file,
    format,
    language: fields.language as 'en' | 'fr',
    dialogue: plain(blocks[0]),
    title: plain(blocks[1].slice(2)),
    cover: [],
    note: null,
    sections: [],
    markdown,
  };
  for (const block of blocks.slice(2)) {
    if (block.startsWith('## ')) {
      document.sections.push({ heading: plain(block.slice(3)), paragraphs: [] });
      continue;
    }
    const section = document.sections.at(-1);
    if (!section) {
      if (/[.!]$/.test(block)) document.note = plain(block);
      else document.cover.push(plain(block));
      continue;
    }
    const numbered = NUMBERED.exec(block);
    section.paragraphs.push(numbered ? { number: numbered[1], text: plain(numbered[2]) } : { number: null, text: plain(block) });
  }
  if (document.sections.length === 0) fail(name, 'no "## section"');
  return document;
}
