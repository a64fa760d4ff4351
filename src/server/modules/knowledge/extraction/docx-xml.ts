/**
 * A small XML tokenizer for the few parts of a Word package the DOCX reader needs (document, styles,
 * numbering, relationships). No XML parser is a dependency of the server, and these parts are
 * machine-written and regular, so a scanner that reports start tags (with their raw attributes),
 * end tags and text is enough. It is tolerant: what it cannot read is skipped, never guessed at.
 *
 * Element names are given with a canonical prefix whatever the file uses: `w:` for
 * WordprocessingML (transitional or strict) and `mc:` for markup compatibility, as declared on the
 * root element (where Word declares every namespace).
 */
export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text with its entities decoded (whitespace between tags included). */
  text(text: string): void;
}

const CANONICAL_PREFIX: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
};

// A start or end tag (attribute values may hold '>'), a comment, CDATA, a declaration or processing
// instruction, text, or a stray '<' (skipped) so that the scan never loses its place.
const TOKEN =
  /<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][^>]*>|([^<]+)|</g;
const NAMESPACE = /\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    if (entity[0] !== '#') return ENTITIES[entity.toLowerCase()] ?? whole;
    const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const attributePatterns = new Map<string, RegExp>();

/** The value of an attribute by its local name, whatever its prefix (`w:val`, `val`); null when absent. */
export function attribute(attributes: string, local: string): string | null {
  if (!attributes) return null;
  let pattern = attributePatterns.get(local);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${local}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(local, pattern);
  }
  const match = pattern.exec(attributes);
  return match ? decodeEntities(match[1] ?? match[2]) : null;
}

/** An on/off property (`<w:isLgl/>`, `<w:isLgl w:val="0"/>`). */
export function isOn(attributes: string): boolean {
  const value = attribute(attributes, 'val');
  return value === null || !/^(0|false|off)$/i.test(value);
}

/** Prefix renames declared on the root element, e.g. `{ ns0: 'w' }`, and the default namespace's. */
function prefixesOf(rootAttributes: string): { renames: Map<string, string>; defaultPrefix: string | null } {
  const renames = new Map<string, string>();
  let defaultPrefix: string | null = null;
  for (const match of rootAttributes.matchAll(NAMESPACE)) {
    const canonical = CANONICAL_PREFIX[match[2] ?? match[3]];
    if (!canonical) continue;
    if (match[1] === undefined) defaultPrefix = canonical;
    else if (match[1] !== canonical) renames.set(match[1], canonical);
  }
  return { renames, defaultPrefix };
}

/**
 * Scans `xml`, calling the handler for each tag and text. Elements named in `skip` are left out with
 * everything inside them (deleted text, field codes, property blocks the reader has no use for).
 */
export function scanXml(xml: string, handler: XmlHandler, skip: ReadonlySet<string> = new Set()): void {
  let renames: Map<string, string> | null = null;
  let defaultPrefix: string | null = null;
  let skipping = 0;
  const token = new RegExp(TOKEN); // its own lastIndex: scans may nest
  for (let match = token.exec(xml); match; match = token.exec(xml)) {
    let name = match[2];
    if (name !== undefined) {
      if (renames === null) ({ renames, defaultPrefix } = prefixesOf(match[3]));
      if (renames.size > 0 || defaultPrefix) {
        const colon = name.indexOf(':');
        if (colon < 0) name = defaultPrefix ? `${defaultPrefix}:${name}` : name;
        else {
          const renamed = renames.get(name.slice(0, colon));
          if (renamed) name = `${renamed}${name.slice(colon)}`;
        }
      }
      const closing = match[1] === '/';
      const selfClosing = match[4] === '/';
      if (skipping > 0) {
        if (closing) skipping--;
        else if (!selfClosing) skipping++;
        continue;
      }
      if (closing) handler.close(name);
      else if (skip.has(name)) {
        if (!selfClosing) skipping = 1;
      } else handler.open(name, match[3], selfClosing);
    } else if (skipping === 0) {
      if (match[6] !== undefined) handler.text(decodeEntities(match[6]));
      else if (match[5] !== undefined) handler.text(match[5]);
    }
  }
}

/** The text of an XML part: UTF-8 unless it starts with a UTF-16 byte-order mark. */
export function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}
