import { attribute, scanXml } from './docx-xml.js';

/**
 * Paragraph styles of a Word document (word/styles.xml): which are headings, and which carry list
 * numbering (a "List Number" style, or headings numbered "1. Introduction"). Both are inherited
 * through `basedOn`, so a custom "Recommendation title" based on Heading 2 is a level-2 heading.
 */
interface Style {
  name: string;
  basedOn: string | null;
  /** w:outlineLvl: 0–8 a heading level, 9 body text. */
  outline: number | null;
  numId: string | null;
  ilvl: number | null;
}

export interface Styles {
  /** 1–6 when paragraphs of the style are headings, else null. */
  headingLevel(styleId: string | null): number | null;
  /** The list a paragraph of the style belongs to, when the style numbers it. */
  numbering(styleId: string | null): { numId: string | null; ilvl: number | null };
  /** The paragraph style used when a paragraph names none. */
  readonly defaultStyle: string | null;
}

// Built-in heading styles: ids are localised ("Heading1", "Titre1", "berschrift1"), names are
// stored in English ("heading 1") by Word, in the local language by some other editors.
const HEADING_NAME = /^(?:heading|titre|berschrift|überschrift|ttulo|título|titolo|kop)\s*([1-9])$/i;
const TITLE_NAME = /^(?:title|titre)$/i;
const SKIP = new Set(['w:rPr', 'w:tblPr', 'w:tblStylePr', 'w:trPr', 'w:tcPr', 'w:pPrChange', 'w:rPrChange', 'w:latentStyles']);

const toLevel = (level: number) => Math.min(6, Math.max(1, level));

export function parseStyles(xml: string): Styles {
  const styles = new Map<string, Style>();
  let defaultStyle: string | null = null;
  let current: Style | null = null;
  let inParagraphProps = false;
  scanXml(
    xml,
    {
      open(name, attributes, selfClosing) {
        if (name === 'w:style') {
          const id = attribute(attributes, 'styleId');
          const type = attribute(attributes, 'type') ?? 'paragraph';
          current = null;
          if (!id || selfClosing || (type !== 'paragraph' && type !== 'numbering')) return;
          current = { name: '', basedOn: null, outline: null, numId: null, ilvl: null };
          styles.set(id, current);
          if (type === 'paragraph' && attribute(attributes, 'default') === '1') defaultStyle = id;
        } else if (!current) return;
        else if (name === 'w:name') current.name = attribute(attributes, 'val') ?? '';
        else if (name === 'w:basedOn') current.basedOn = attribute(attributes, 'val');
        else if (name === 'w:pPr') inParagraphProps = !selfClosing;
        else if (!inParagraphProps) return;
        else if (name === 'w:outlineLvl') current.outline = Number(attribute(attributes, 'val') ?? 9);
        else if (name === 'w:numId') current.numId = attribute(attributes, 'val');
        else if (name === 'w:ilvl') current.ilvl = Number(attribute(attributes, 'val') ?? 0);
      },
      close(name) {
        if (name === 'w:pPr') inParagraphProps = false;
        else if (name === 'w:style') current = null;
      },
      text() {},
    },
    SKIP,
  );

  /** The first answer along the basedOn chain (guarded against cycles). */
  function inherited<T>(styleId: string | null, own: (style: Style, id: string) => T | null): T | null {
    const seen = new Set<string>();
    for (let id = styleId; id && !seen.has(id); ) {
      seen.add(id);
      const style = styles.get(id);
      if (!style) return null;
      const value = own(style, id);
      if (value !== null) return value;
      id = style.basedOn;
    }
    return null;
  }

  const levels = new Map<string, number | null>();
  return {
    defaultStyle,
    headingLevel(styleId) {
      if (!styleId) return null;
      if (!levels.has(styleId)) {
        // 0 stands for "explicitly body text", which stops the search up the chain.
        const level = inherited(styleId, (style, id) => {
          if (style.outline !== null) return style.outline < 9 ? style.outline + 1 : 0;
          const named = HEADING_NAME.exec(style.name) ?? HEADING_NAME.exec(id);
          if (named) return Number(named[1]);
          return TITLE_NAME.test(style.name) || TITLE_NAME.test(id) ? 1 : null;
        });
        levels.set(styleId, level ? toLevel(level) : null);
      }
      return levels.get(styleId) ?? null;
    },
    numbering(styleId) {
      return {
        numId: inherited(styleId, (style) => style.numId),
        ilvl: inherited(styleId, (style) => style.ilvl),
      };
    },
  };
}

/** A paragraph's own outline level (w:outlineLvl in its properties) as a heading level, or 0 for body text. */
export const outlineToHeading = (outline: number) => (outline < 9 ? toLevel(outline + 1) : 0);
