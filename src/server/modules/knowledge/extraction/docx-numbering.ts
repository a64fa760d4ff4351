import { attribute, isOn, scanXml } from './docx-xml.js';

/**
 * Word's list numbering (word/numbering.xml). A numbered paragraph does not hold its "4." or "(b)":
 * it names a list (numId) and a level (ilvl), and Word computes the marker from the list's abstract
 * definition and counters kept while reading the document in order. This module keeps those counters
 * and materialises the markers, so that the text read out has the numbers a reader of the document sees.
 */
interface Level {
  start: number;
  /** w:numFmt: decimal, lowerLetter, upperRoman, bullet, none… */
  format: string;
  /** w:lvlText: "%1.", "(%2)", "%1.%2". */
  text: string;
  /** w:lvlRestart: restart after a use of a level above this 1-based one; 0 never; null the default. */
  restart: number | null;
  /** w:isLgl: every level shown in decimal ("1.1" under a level "I."). */
  legal: boolean;
  /** w:pStyle: the paragraph style bound to this level. */
  style: string | null;
}

interface AbstractNumbering {
  levels: Map<number, Level>;
  /** w:numStyleLink: the definitions are those of a numbering style's list. */
  styleLink: string | null;
}

interface Override {
  start: number | null;
  level: Level | null;
}

interface Numbering {
  abstractId: string;
  overrides: Map<number, Override>;
}

export interface NumberingDefinitions {
  abstracts: Map<string, AbstractNumbering>;
  nums: Map<string, Numbering>;
}

const LEVELS = 9;
const toInt = (value: string | null, fallback: number) => {
  const number = Number.parseInt(value ?? '', 10);
  return Number.isFinite(number) ? number : fallback;
};

export function parseNumbering(xml: string): NumberingDefinitions {
  const abstracts = new Map<string, AbstractNumbering>();
  const nums = new Map<string, Numbering>();
  let abstract: AbstractNumbering | null = null;
  let num: Numbering | null = null;
  let override: Override | null = null;
  let level: Level | null = null;
  let levelIndex = 0;
  scanXml(
    xml,
    {
      open(name, attributes, selfClosing) {
        const value = () => attribute(attributes, 'val');
        if (name === 'w:abstractNum') {
          abstract = { levels: new Map(), styleLink: null };
          abstracts.set(attribute(attributes, 'abstractNumId') ?? '', abstract);
        } else if (name === 'w:num' && !selfClosing) {
          num = { abstractId: '', overrides: new Map() };
          nums.set(attribute(attributes, 'numId') ?? '', num);
        } else if (name === 'w:abstractNumId' && num) num.abstractId = value() ?? '';
        else if (name === 'w:numStyleLink' && abstract) abstract.styleLink = value();
        else if (name === 'w:lvlOverride' && num) {
          override = { start: null, level: null };
          num.overrides.set(toInt(attribute(attributes, 'ilvl'), 0), override);
        } else if (name === 'w:startOverride' && override) override.start = toInt(value(), 0);
        else if (name === 'w:lvl') {
          levelIndex = toInt(attribute(attributes, 'ilvl'), 0);
          // Word always writes w:start; a level without one is taken to count from 1.
          level = { start: 1, format: 'decimal', text: '', restart: null, legal: false, style: null };
        } else if (!level) return;
        else if (name === 'w:start') level.start = toInt(value(), 1);
        // A "custom" format comes with a fallback standard one in mc:Fallback, read after it.
        else if (name === 'w:numFmt' && (value() !== 'custom' || level.format === 'decimal')) level.format = value() ?? 'decimal';
        else if (name === 'w:lvlText') level.text = value() ?? '';
        else if (name === 'w:lvlRestart') level.restart = value() === null ? null : toInt(value(), 0);
        else if (name === 'w:isLgl') level.legal = isOn(attributes);
        else if (name === 'w:pStyle') level.style = value();
      },
      close(name) {
        if (name === 'w:lvl' && level) {
          if (override) override.level = level;
          else abstract?.levels.set(levelIndex, level);
          level = null;
        } else if (name === 'w:lvlOverride') override = null;
        else if (name === 'w:abstractNum') abstract = null;
        else if (name === 'w:num') num = null;
      },
      text() {},
    },
    new Set(['w:rPr', 'w:pPr']),
  );
  return { abstracts, nums };
}

function letters(value: number): string {
  if (value < 1) return String(value);
  // Word goes on after "z" with "aa", "bb", "cc".
  return String.fromCharCode(97 + ((value - 1) % 26)).repeat(Math.floor((value - 1) / 26) + 1);
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
function roman(value: number): string {
  if (value < 1 || value > 3999) return String(value);
  let rest = value;
  let out = '';
  for (const [amount, numeral] of ROMAN) {
    for (; rest >= amount; rest -= amount) out += numeral;
  }
  return out;
}

export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'decimalZero':
      return value >= 0 && value < 10 ? `0${value}` : String(value);
    case 'lowerLetter':
      return letters(value);
    case 'upperLetter':
      return letters(value).toUpperCase();
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'upperRoman':
      return roman(value);
    case 'none':
      return '';
    default:
      return String(value);
  }
}

interface ResolvedList {
  /** Lists that share an abstract definition share its counters, as in Word. */
  key: string;
  numbering: Numbering;
  level(index: number): Level | null;
  start(index: number): number;
}

/** The counters of every list of one document, advanced paragraph by paragraph in reading order. */
export class ListCounters {
  private readonly counters = new Map<string, (number | null)[]>();
  private readonly resolved = new Map<string, ResolvedList | null>();
  private readonly used = new Set<string>();

  constructor(
    private readonly definitions: NumberingDefinitions,
    /** The numId a numbering style's paragraph properties give (for w:numStyleLink). */
    private readonly numIdOfStyle: (styleId: string) => string | null,
  ) {}

  private resolve(numId: string): ResolvedList | null {
    if (this.resolved.has(numId)) return this.resolved.get(numId) ?? null;
    const { abstracts, nums } = this.definitions;
    const numbering = nums.get(numId);
    let key = numbering?.abstractId ?? '';
    let abstract = abstracts.get(key);
    const linkedNumId = abstract?.styleLink ? this.numIdOfStyle(abstract.styleLink) : null;
    const linked = linkedNumId ? nums.get(linkedNumId) : undefined;
    if (linked && abstracts.has(linked.abstractId)) {
      key = linked.abstractId;
      abstract = abstracts.get(key);
    }
    let list: ResolvedList | null = null;
    if (numbering && abstract) {
      const definition = abstract;
      const level = (index: number) => numbering.overrides.get(index)?.level ?? definition.levels.get(index) ?? null;
      list = { key, numbering, level, start: (index) => numbering.overrides.get(index)?.start ?? level(index)?.start ?? 1 };
    }
    this.resolved.set(numId, list);
    return list;
  }

  /**
   * The marker of the next paragraph of list `numId` ("4.", "(b)", "-" for a bullet), or null when
   * the paragraph is not numbered after all. `ilvl` null: the level bound to the paragraph's style, else 0.
   */
  next(numId: string, ilvl: number | null, styleId: string | null): string | null {
    if (numId === '0') return null; // "no numbering", which removes a style's
    const list = this.resolve(numId);
    if (!list) return null;
    let index = ilvl;
    if (index === null) {
      index = 0;
      for (let i = 0; i < LEVELS; i++) if (styleId && list.level(i)?.style === styleId) index = i;
    }
    index = Math.min(LEVELS - 1, Math.max(0, index));
    const level = list.level(index);
    if (!level) return null;

    let counters = this.counters.get(list.key);
    if (!counters) {
      counters = new Array<number | null>(LEVELS).fill(null);
      this.counters.set(list.key, counters);
    }
    // A list that restarts numbering (w:startOverride) does so where it is first used.
    if (!this.used.has(numId)) {
      this.used.add(numId);
      for (const [i, override] of list.numbering.overrides) if (override.start !== null && i < LEVELS) counters[i] = null;
    }
    const current = counters[index];
    counters[index] = current === null ? list.start(index) : current + 1;
    for (let deeper = index + 1; deeper < LEVELS; deeper++) {
      if (index < (list.level(deeper)?.restart ?? deeper)) counters[deeper] = null;
    }

    if (level.format === 'bullet') return '-';
    const marker = level.text.replace(/%([1-9])/g, (_, digit: string) => {
      const i = Number(digit) - 1;
      const format = level.legal ? 'decimal' : (list.level(i)?.format ?? 'decimal');
      return formatNumber(counters[i] ?? list.start(i), format);
    });
    return marker.trim() || null;
  }
}
