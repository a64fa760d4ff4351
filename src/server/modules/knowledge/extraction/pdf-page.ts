import type { getDocumentProxy } from 'unpdf';

/**
 * Reads the text runs of each PDF page with what layout needs: position, size and weight. Positions
 * are in the page's reading frame (text runs left to right, y grows upwards), whatever the page's
 * rotation.
 */
export type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

export interface TextRun {
  text: string;
  /** Left end of the baseline. */
  x: number;
  y: number;
  width: number;
  size: number;
  bold: boolean;
}

export interface PageText {
  number: number;
  /** The page box in the reading frame. */
  top: number;
  bottom: number;
  runs: TextRun[];
}

const BOLD_FONT = /bold|black|heavy|demi|semibold/i;
/** Font names come with the page's drawing operators, which cost time: read them on a few pages only. */
const MAX_FONT_PROBES = 8;

/**
 * pdf.js hands font names over with ArrayBuffer.prototype.transferToFixedLength (ES2024), which
 * Node 20 lacks; without it the font of a text run cannot be known, so bold headings go unseen.
 */
function provideTransferToFixedLength() {
  const proto = ArrayBuffer.prototype as { transferToFixedLength?: (length?: number) => ArrayBuffer };
  if (proto.transferToFixedLength) return;
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, length = this.byteLength) {
      const copy = new ArrayBuffer(length);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return copy;
    },
  });
}

async function readFonts(page: PdfPage, fonts: string[], bold: Map<string, boolean>) {
  try {
    await page.getOperatorList();
  } catch {
    // A page whose drawing cannot be read still has its text; its fonts count as regular.
  }
  for (const font of fonts) {
    let isBold = false;
    try {
      const loaded = page.commonObjs.get(font) as { name?: string; bold?: boolean } | undefined;
      isBold = Boolean(loaded?.bold) || BOLD_FONT.test(loaded?.name ?? '');
    } catch {
      // Not loaded (text drawn in an unusual way): regular.
    }
    bold.set(font, isBold);
  }
}

const ARABIC_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]+/g;

type Rotation = 0 | 90 | 180 | 270;
const quarter = (a: number, b: number): Rotation => (((Math.round(Math.atan2(b, a) / (Math.PI / 2)) + 4) % 4) * 90) as Rotation;

/** Turns a point of the page into the frame where text of direction `rotation` runs left to right. */
function toFrame(rotation: Rotation, x: number, y: number): [number, number] {
  if (rotation === 90) return [y, -x];
  if (rotation === 180) return [-x, -y];
  if (rotation === 270) return [-y, x];
  return [x, y];
}

export async function readPdfPages(pdf: PdfDocument): Promise<PageText[]> {
  provideTransferToFixedLength();
  const bold = new Map<string, boolean>();
  let probes = 0;
  const pages: PageText[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const unknown = Object.keys(content.styles).filter((font) => !bold.has(font));
    if (unknown.length && probes < MAX_FONT_PROBES) {
      probes++;
      await readFonts(page, unknown, bold);
    }
    const items = content.items.filter(
      (item): item is Extract<typeof item, { str: string }> => 'str' in item && item.str.trim() !== '',
    );
    // Most of the text runs one way; that way is the reading frame, and text at other angles
    // (a stamp, a margin note) is left out.
    const weight = new Map<Rotation, number>();
    for (const item of items) {
      const rotation = quarter(item.transform[0], item.transform[1]);
      weight.set(rotation, (weight.get(rotation) ?? 0) + item.str.length);
    }
    const rotation = [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
    // A page written right to left (Arabic) is read in a mirror, so that its lines and columns
    // start on the right.
    const rtl = items.reduce((sum, item) => sum + (item.dir === 'rtl' ? item.str.length : -item.str.length), 0) > 0;
    const runs: TextRun[] = [];
    for (const item of items) {
      const [a, b, c, d, e, f] = item.transform;
      if (quarter(a, b) !== rotation) continue;
      const [x, y] = toFrame(rotation, e, f);
      runs.push({
        // Arabic drawn glyph by glyph comes as presentation forms: back to plain letters.
        text: item.str.replace(ARABIC_FORMS, (forms) => forms.normalize('NFKC')),
        x: rtl ? -(x + item.width) : x,
        y,
        width: item.width,
        size: Math.hypot(c, d) || item.height,
        bold: bold.get(item.fontName) ?? false,
      });
    }
    const [x0, y0, x1, y1] = page.view;
    const corners = [toFrame(rotation, x0, y0), toFrame(rotation, x1, y1)];
    pages.push({
      number,
      top: Math.max(corners[0][1], corners[1][1]),
      bottom: Math.min(corners[0][1], corners[1][1]),
      runs,
    });
    page.cleanup();
  }
  return pages;
}
