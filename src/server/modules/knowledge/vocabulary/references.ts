/**
 * `tagReferences`: action-plan references of a text. Explicit ones come from mentions such as
 * "Objective 9 of the GCM", "Marrakesh Action Plan – Actions 16 and 17", "Domain 4, objective 7 of
 * the Cadiz Action Plan", "objectif 10 du Pacte mondial"; suggested ones from the item's themes
 * (THEME_REFERENCES), never repeating an explicit one.
 *
 * A numbered part ("objective 11", "Area 4") belongs to the plan that, within the same sentence,
 * 1. directly precedes it ("GCM Objective 10", "Marrakesh Action Plan - Action 17");
 * 2. directly follows it or its list ("Domain 4, objective 7 of the Cadiz Action Plan");
 * 3. owns the previous part of the same list ("Action 15, 16 and Action 17");
 * 4. is nearest before it, else after it ("the Global Compact …, and specifically its objective 11").
 * Parts a plan does not have (a GCM "domain", a Cadiz "action") and numbers out of range are dropped.
 */
import { foldedLower } from './normalize.js';
import {
  DOMAIN_NAMES,
  GCM_OBJECTIVES,
  type Part,
  PLAN_NAMES,
  PLAN_PARTS,
  type Plan,
  THEME_REFERENCES,
  type Translated,
} from './references-data.js';

export type ReferenceKind = 'explicit' | 'suggested';
export interface Reference {
  id: string;
  kind: ReferenceKind;
}

const S = '[\\s-]+';
const PLAN_MENTION = new RegExp(
  [
    `(?<GCM>\\bgcm\\b|\\bpmm\\b|\\bglobal${S}compact\\b(?!${S}(?:on|for)${S}refugees)(?:${S}(?:on|for)${S}(?:safe,?${S}orderly,?${S}and${S}regular${S})?migration\\b)?` +
      `|\\bpacte${S}mondial\\b(?!${S}sur${S}les${S}refugies)(?:${S}(?:sur|pour)${S}(?:les${S}|des${S})?migrations?(?:${S}sures,?${S}ordonnees${S}et${S}regulieres)?\\b)?` +
      `|\\bpacte${S}de${S}marrakech\\b)`,
    `(?<MAP>\\bmarrake(?:sh|ch)${S}(?:(?:political${S})?declaration${S}and${S})?(?:action${S}plan|plan${S}of${S}action|programme|program)\\b` +
      `|\\b(?:plan${S}d'action|programme)${S}de${S}marrakech\\b)`,
    `(?<CAP>\\bcadi[zx]${S}(?:(?:political${S})?declaration${S}and${S})?(?:action${S}plan|plan${S}of${S}action|programme|program)\\b` +
      `|\\b(?:plan${S}d'action|programme)${S}de${S}cadix\\b)`,
    `(?<JVAP>\\bjvap\\b|\\bpacv\\b|\\b(?:joint${S})?valletta${S}action${S}plan\\b|\\bplan${S}d'action${S}(?:conjoint${S})?de${S}la${S}valette\\b)`,
  ].join('|'),
  'g',
);

const CONNECTOR = '\\s*(?:,\\s*(?:and\\s+|et\\s+)?|and\\s+|et\\s+|&\\s*|or\\s+|ou\\s+|to\\s+|a\\s+|-\\s*)';
const NUMBER = '\\d{1,2}(?!\\d)';
const PART_MENTION = new RegExp(
  `\\b(objectives?|objectifs?|domains?|domaines?|areas?|actions?)\\s+(?:n[o°]\\.?\\s*|numbers?\\s+|numeros?\\s+)?(${NUMBER}(?:${CONNECTOR}${NUMBER})*)`,
  'g',
);

/** Between a plan and its part: a dash, colon, comma or the plan's years ("Action Plan 2018-2020, Area 4"). */
const PLAN_THEN_PART = /^(?:'s)?\s*(?:\d{4}(?:\s*-\s*\d{4})?)?[\s\-:,(]*$/;
/** Between a part and its plan: "of the", "du", "de la", "de l'", "under the". */
const PART_THEN_PLAN = /^[\s,]*(?:(?:of|in|under|from|within|du|des|de|dans|au titre de)\s*)?(?:(?:the|la|le|l'|du)\s*)?$/;
/** Between two parts of one list: "Domain 4, objective 7", "Action 15 and Action 16". */
const LIST_GAP = /^\s*(?:,\s*)?(?:(?:and|et|&)\s*)?$/;
const SENTENCE_END = /[.!?;](?=\s|$)|\n/;

interface Mention {
  start: number;
  end: number;
}
interface PlanMention extends Mention {
  plan: Plan;
}
interface PartMention extends Mention {
  part: Part;
  numbers: number[];
}

function partOf(keyword: string): Part {
  if (keyword.startsWith('obj')) return 'objective';
  if (keyword.startsWith('act')) return 'action';
  return 'domain';
}

/** "9, 10 and 11" → [9, 10, 11]; "15-17" / "15 to 17" / "15 à 17" → [15, 16, 17]. */
export function parseNumbers(list: string): number[] {
  const numbers: number[] = [];
  const pieces = list.split(/(\d+)/);
  for (let i = 1; i < pieces.length; i += 2) {
    const n = Number(pieces[i]);
    const previous = numbers[numbers.length - 1];
    const isRange = i > 1 && /^\s*(?:-|to|a)\s*$/.test(pieces[i - 1]);
    if (isRange && previous !== undefined && n > previous && n - previous <= 25) {
      for (let k = previous + 1; k <= n; k++) numbers.push(k);
    } else numbers.push(n);
  }
  return numbers;
}

function findMentions(text: string): { plans: PlanMention[]; parts: PartMention[] } {
  const plans: PlanMention[] = [];
  for (const m of text.matchAll(PLAN_MENTION)) {
    const plan = (Object.keys(m.groups ?? {}) as Plan[]).find((k) => m.groups?.[k] !== undefined);
    if (plan) plans.push({ plan, start: m.index, end: m.index + m[0].length });
  }
  const parts: PartMention[] = [];
  if (plans.length === 0) return { plans, parts };
  for (const m of text.matchAll(PART_MENTION)) {
    parts.push({ part: partOf(m[1]), numbers: parseNumbers(m[2]), start: m.index, end: m.index + m[0].length });
  }
  return { plans, parts };
}

function ownerOf(
  text: string,
  plans: PlanMention[],
  parts: PartMention[],
  j: number,
  owners: (Plan | undefined)[],
): Plan | undefined {
  const part = parts[j];
  const gap = (from: number, to: number) => text.slice(from, to);
  const before = plans.filter((p) => p.end <= part.start);
  const directlyBefore = before.at(-1);
  if (directlyBefore && PLAN_THEN_PART.test(gap(directlyBefore.end, part.start))) return directlyBefore.plan;
  let last = j;
  while (last + 1 < parts.length && LIST_GAP.test(gap(parts[last].end, parts[last + 1].start))) last++;
  const after = plans.find((p) => p.start >= parts[last].end);
  if (after && PART_THEN_PLAN.test(gap(parts[last].end, after.start))) return after.plan;
  if (j > 0 && owners[j - 1] && LIST_GAP.test(gap(parts[j - 1].end, part.start))) return owners[j - 1];
  if (directlyBefore && !SENTENCE_END.test(gap(directlyBefore.end, part.start))) return directlyBefore.plan;
  const next = plans.find((p) => p.start >= part.end);
  if (next && !SENTENCE_END.test(gap(part.end, next.start))) return next.plan;
  return undefined;
}

function referenceId(plan: Plan, part: Part, n: number): string | undefined {
  const max = PLAN_PARTS[plan][part];
  if (max === undefined || n < 1 || n > max) return undefined;
  return plan === 'GCM' ? `GCM:${n}` : `${plan}:${part}:${n}`;
}

const collator = new Intl.Collator('en', { numeric: true });

export function explicitReferences(text: string): string[] {
  const lower = foldedLower(text);
  const { plans, parts } = findMentions(lower);
  const ids = new Set<string>();
  const owners: (Plan | undefined)[] = [];
  for (let j = 0; j < parts.length; j++) {
    const plan = ownerOf(lower, plans, parts, j, owners);
    owners.push(plan);
    if (!plan) continue;
    for (const n of parts[j].numbers) {
      const id = referenceId(plan, parts[j].part, n);
      if (id) ids.add(id);
    }
  }
  return [...ids].sort(collator.compare);
}

export function tagReferences(text: string, themes: string[]): Reference[] {
  const explicit = explicitReferences(text);
  const seen = new Set(explicit);
  const suggested = new Set<string>();
  for (const theme of themes) {
    for (const id of THEME_REFERENCES[theme as keyof typeof THEME_REFERENCES] ?? []) if (!seen.has(id)) suggested.add(id);
  }
  return [
    ...explicit.map((id): Reference => ({ id, kind: 'explicit' })),
    ...[...suggested].sort(collator.compare).map((id): Reference => ({ id, kind: 'suggested' })),
  ];
}

function buildLabels(): Record<string, Translated> {
  const labels: Record<string, Translated> = {};
  GCM_OBJECTIVES.forEach((objective, i) => {
    labels[`GCM:${i + 1}`] = {
      en: `GCM Objective ${i + 1}: ${objective.en}`,
      fr: `Objectif ${i + 1} du Pacte mondial : ${objective.fr}`,
      ar: `الهدف ${i + 1} من ${PLAN_NAMES.GCM.ar}: ${objective.ar}`,
    };
  });
  for (const plan of ['MAP', 'CAP', 'JVAP'] as const) {
    const name = PLAN_NAMES[plan];
    DOMAIN_NAMES.forEach((domain, i) => {
      labels[`${plan}:domain:${i + 1}`] = {
        en: `${name.en}, Domain ${i + 1}: ${domain.en}`,
        fr: `${name.fr}, domaine ${i + 1} : ${domain.fr}`,
        ar: `${name.ar}، المجال ${i + 1}: ${domain.ar}`,
      };
    });
  }
  for (let n = 1; n <= (PLAN_PARTS.MAP.action ?? 0); n++) {
    labels[`MAP:action:${n}`] = {
      en: `${PLAN_NAMES.MAP.en}, Action ${n}`,
      fr: `${PLAN_NAMES.MAP.fr}, action ${n}`,
      ar: `${PLAN_NAMES.MAP.ar}، الإجراء ${n}`,
    };
  }
  for (let n = 1; n <= (PLAN_PARTS.CAP.objective ?? 0); n++) {
    labels[`CAP:objective:${n}`] = {
      en: `${PLAN_NAMES.CAP.en}, Objective ${n}`,
      fr: `${PLAN_NAMES.CAP.fr}, objectif ${n}`,
      ar: `${PLAN_NAMES.CAP.ar}، الهدف ${n}`,
    };
  }
  return labels;
}

/** Every id `tagReferences` can produce, with its label in English, French and Arabic. */
export const REFERENCES: Readonly<Record<string, Translated>> = Object.freeze(buildLabels());
