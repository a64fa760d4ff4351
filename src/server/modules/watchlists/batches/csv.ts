/**
 * An RFC 4180 CSV reader that takes its text in chunks of any size (a chunk may end inside a field,
 * a quoted newline or between CR and LF) and gives back whole records as they complete. It knows
 * what spreadsheets write: a byte-order mark, `,` or `;` separators (found from the header line),
 * fields in double quotes holding separators, doubled quotes and line breaks, and CRLF, LF or lone CR
 * line endings. Each record carries the line of the file it starts on (the header is line 1), so
 * a problem can be reported where a person looking at the file will find it. Pure: no I/O.
 */

export type CsvSeparator = ',' | ';';

export interface CsvRecord {
  /** The line of the file where the record starts, from 1. */
  line: number;
  fields: string[];
}

/** The text is not CSV this reader can read (a quote left open, text after a closing quote). */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const BOM = '\uFEFF';

/**
 * The separator of a header line: the one of `;` and `,` that appears more often outside quotes
 * (a one-column file has neither: `,`). European spreadsheets write `;` because `,` is their
 * decimal mark, so this is decided once, from the header, never per line.
 */
export function detectSeparator(headerLine: string): CsvSeparator {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const char of headerLine) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && char === ',') commas++;
    else if (!inQuotes && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted';

export class CsvReader {
  #separator: CsvSeparator | undefined;
  /** Text held back until the header line is complete (the separator is not known before). */
  #head = '';
  #headInQuotes = false;
  #started = false;
  #state: State = 'fieldStart';
  #field = '';
  #fields: string[] = [];
  /** Whether the record holds anything at all (a quoted empty field counts). */
  #touched = false;
  #line = 1;
  #recordLine = 1;
  /** A CR ended the previous chunk: a LF starting the next one belongs to it. */
  #pendingCr = false;
  #ended = false;

  constructor(separator?: CsvSeparator) {
    this.#separator = separator;
  }

  /** The separator in use (known once the header line has been read). */
  get separator(): CsvSeparator | undefined {
    return this.#separator;
  }

  /** Reads a chunk; returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    if (this.#ended) throw new Error('the reader has ended');
    let text = chunk;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.startsWith(BOM)) text = text.slice(1);
    }
    if (this.#separator) return this.#consume(text);
    return this.#collectHead(text);
  }

  /** Ends the input; returns the last record, if the text did not end with a line break. */
  end(): CsvRecord[] {
    if (this.#ended) return [];
    const out: CsvRecord[] = [];
    if (!this.#separator) {
      this.#separator = detectSeparator(this.#head);
      out.push(...this.#consume(this.#head));
      this.#head = '';
    }
    this.#ended = true;
    if (this.#state === 'quoted') {
      throw new CsvError(`The quoted field that starts on line ${this.#recordLine} is never closed.`, this.#recordLine);
    }
    this.#pendingCr = false;
    this.#endRecord(out);
    return out;
  }

  /** Holds text back until the first line break outside quotes, then decides the separator. */
  #collectHead(text: string): CsvRecord[] {
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (char === '"') this.#headInQuotes = !this.#headInQuotes;
      else if (!this.#headInQuotes && (char === '\n' || char === '\r')) {
        const head = this.#head + text.slice(0, i);
        this.#separator = detectSeparator(head);
        this.#head = '';
        return this.#consume(head + text.slice(i));
      }
    }
    this.#head += text;
    return [];
  }

  #consume(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const separator = this.#separator as CsvSeparator;
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (this.#pendingCr) {
        this.#pendingCr = false;
        // CR LF is one line break: its LF was already counted with the CR.
        if (char === '\n') continue;
      }
      switch (this.#state) {
        case 'fieldStart':
          if (char === '"') {
            this.#state = 'quoted';
            this.#touched = true;
          } else if (char === separator) {
            this.#endField();
          } else if (char === '\n' || char === '\r') {
            this.#lineBreak(char);
            this.#endRecord(out);
          } else {
            this.#field += char;
            this.#touched = true;
            this.#state = 'unquoted';
          }
          break;
        case 'unquoted':
          if (char === separator) this.#endField();
          else if (char === '\n' || char === '\r') {
            this.#lineBreak(char);
            this.#endRecord(out);
          } else this.#field += char; // a stray quote inside an unquoted field is kept as written
          break;
        case 'quoted':
          if (char === '"') this.#state = 'quoteInQuoted';
          else if (char === '\n' || char === '\r') {
            // A line break inside quotes is part of the field, written as LF whatever the file used.
            this.#lineBreak(char);
            this.#field += '\n';
          } else this.#field += char;
          break;
        case 'quoteInQuoted':
          if (char === '"') {
            this.#field += '"';
            this.#state = 'quoted';
          } else if (char === separator) this.#endField();
          else if (char === '\n' || char === '\r') {
            this.#lineBreak(char);
            this.#endRecord(out);
          } else {
            throw new CsvError(
              `Line ${this.#line}: text follows a closing quote; a quote inside a quoted field is written twice ("").`,
              this.#line,
            );
          }
          break;
      }
    }
    return out;
  }

  #lineBreak(char: string) {
    this.#line++;
    if (char === '\r') this.#pendingCr = true;
  }

  #endField() {
    this.#fields.push(this.#field);
    this.#field = '';
    this.#state = 'fieldStart';
    this.#touched = true;
  }

  /** Closes the record; a line with nothing on it is no record. */
  #endRecord(out: CsvRecord[]) {
    if (this.#touched || this.#field !== '') {
      this.#fields.push(this.#field);
      out.push({ line: this.#recordLine, fields: this.#fields });
    }
    this.#fields = [];
    this.#field = '';
    this.#touched = false;
    this.#state = 'fieldStart';
    this.#recordLine = this.#line;
  }
}

/** Reads a whole text (a convenience over `CsvReader`). */
export function readCsv(text: string, separator?: CsvSeparator): { separator: CsvSeparator; records: CsvRecord[] } {
  const reader = new CsvReader(separator);
  const records = [...reader.push(text), ...reader.end()];
  return { separator: reader.separator ?? ',', records };
}
