/**
 * From aligned parts to a score. The name score is the share of the shorter name that the other
 * name covers (each part weighted: a rare name says more than Mohamed), less what the longer name
 * adds: a middle name costs a little, a last part a little more (Horn of Africa lists often drop
 * the grandfather's name), a FIRST part a lot (the son's name in front of his father's chain is
 * another person). Parts in another order cost a little; a father's name met on the person's own
 * side (Mohamed Ould Sidi / Sidi Ould Mohamed) costs a lot. Then birth year, nationality and sex
 * raise or lower it, scaled so they never decide alone.
 */
import type { FactorState, MatchKind } from '../../../../shared/watchlists/vocabulary.js';
import { align, type Edge } from './align.js';
import type { Part, PreparedName } from './prepare.js';
import { typingDistance } from './similarity.js';
import { isSurnameFamily } from './variants.js';

export interface PartReason {
  kind: MatchKind;
  query: string;
  listed: string;
  similarity: number;
}

export interface NameScore {
  score: number;
  /** Total weight of the parts that matched: how much the name says about a person. */
  strength: number;
  /** Named parts of the shorter name: a two-part name says less than a chain of three. */
  parts: number;
  /** Every part met but one, which is a letter or two from the other's (Sane/Sene, Sarr/Sall). */
  nearMiss: boolean;
  reasons: PartReason[];
}

const PENALTY = {
  middle: 0.04,
  last: 0.08,
  first: 0.25,
  order: 0.03,
  filiation: 0.3,
  sibling: 0.12,
  shift: 0.2,
  initials: 0.15,
  conflict: 0.05,
};

/** Names that open compound given names (Mohamed Lamine, Ahmad Zia, Mamadou Oury, Sidi Mohamed). */
const COMPOUND_HEADS = new Set(['mohamed', 'ahmed', 'mamadou', 'amadou', 'sidi']);

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * A part well below a typo's reach (Bouaziz/Bouazza) is more likely another name than the same one
 * misspelt: it earns less than its similarity.
 */
const credit = (similarity: number) =>
  similarity >= CREDIT_FULL ? similarity : Math.max(0, similarity - (CREDIT_FULL - similarity));
const CREDIT_FULL = 0.7;

function coverage(parts: Part[], matched: Map<number, number>) {
  let total = 0;
  let covered = 0;
  parts.forEach((part, index) => {
    const similarity = matched.get(index);
    if (part.optional && similarity === undefined) return;
    total += part.weight;
    covered += part.weight * credit(similarity ?? 0);
  });
  return total ? covered / total : 0;
}

/** A given name (a known name family, not a family name): two of them swapped is a chain swapped. */
const given = (part: Part) => Boolean(part.family) && !part.family!.startsWith('hon:') && !isSurnameFamily(part.family!);

/**
 * Ge'ez compounds in Latin letters, "servant of", "gift of", "power of" a holy name (Gebremeskel,
 * Woldemariam, Habtemichael, Teklehaimanot, Hailesellassie): given names of a chain, never family
 * names written first.
 */
const GEEZ_COMPOUND =
  /^(g(h)?[ae]bre|w[oe]ld[ae]|habte|tekle|haile|tesfa|berhane|kidane|zer[ae])..|(mariam|michael|mikael|medhin|meskel|selassie|sellassie|giorgis|yesus|haimanot|kristos)$/;

/** Ethiopian and Eritrean names are chains of given names, known to the table or not. */
const chained = (a: Part, b: Part) =>
  given(a) || a.origin === 'ethiopic' || b.origin === 'ethiopic' || GEEZ_COMPOUND.test(a.text);

/** A name part that meets nothing on the other side. */
const unmet = (parts: Part[], matched: Map<number, number>) => parts.some((p, i) => !p.optional && !p.initial && !matched.has(i));

const beforeLast = (e: Edge, lastQ: number, lastL: number) => !e.query.includes(lastQ) && !e.listed.includes(lastL);

/**
 * Pairs of matched parts in another order. Moving a family name (DIALLO Mamadou) is a way of writing;
 * swapping two given names of a chain (Mohamed Ahmed / Ahmed Mohamed) names the father as the son.
 */
function inversions(edges: Edge[], q: Part[], l: Part[]) {
  const sorted = [...edges].sort((a, b) => a.query[0]! - b.query[0]!);
  const lastQ = q.length - 1;
  const lastL = l.length - 1;
  // Jasim Ahmed Khalaf / Ahmed Jasim Khalaf: with the family name in its place at the end, two
  // names swapped before it are a chain swapped, whether the table knows them or not.
  const familyInPlace = edges.some((e) => e.query.includes(lastQ) && e.listed.includes(lastL));
  let moved = 0;
  let swapped = 0;
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length; j++) {
      if (sorted[i]!.listed[0]! < sorted[j]!.listed[0]!) continue;
      const a = sorted[i]!;
      const b = sorted[j]!;
      const chain = chained(q[a.query[0]!]!, l[a.listed[0]!]!) && chained(q[b.query[0]!]!, l[b.listed[0]!]!);
      if (chain || (familyInPlace && beforeLast(a, lastQ, lastL) && beforeLast(b, lastQ, lastL))) swapped++;
      else moved++;
    }
  return { moved, swapped };
}

/**
 * A chain of three names or more turned by one place, a known given name (not a family name) carried
 * from one end to the other (Abdulmalik Hamoud Naji / Hamoud Naji Abdulmalik): family-name-first
 * order moves a family name, so this is the chain read from another person, not the name reordered.
 */
function rotatedChain(edges: Edge[], q: Part[], l: Part[]) {
  if (edges.length < 3 || edges.some((e) => e.query.length > 1 || e.listed.length > 1)) return 0;
  const sorted = [...edges].sort((a, b) => a.query[0]! - b.query[0]!);
  const ranks = sorted.map((e) => sorted.filter((f) => f.listed[0]! < e.listed[0]!).length);
  const n = ranks.length;
  const toEnd = ranks.every((r, i) => r === (i === 0 ? n - 1 : i - 1));
  const toFront = ranks.every((r, i) => r === (i === n - 1 ? 0 : i + 1));
  const moved = toEnd ? sorted[0]! : toFront ? sorted[n - 1]! : undefined;
  return moved && given(q[moved.query[0]!]!) && given(l[moved.listed[0]!]!) ? 1 : 0;
}

/**
 * Two people of one family: the same father's chain under another own (first) name is a brother or
 * sister; the chain shifted by one place (Dawit Tesfaye Gebremariam / Tesfaye Gebremariam Haile) is
 * a son or father.
 */
function kinship(q: Part[], l: Part[], edges: Edge[], matchedQ: Map<number, number>, matchedL: Map<number, number>) {
  if (!edges.length) return 0;
  const firstQ = q.findIndex((p) => !p.optional);
  const firstL = l.findIndex((p) => !p.optional);
  let penalty = 0;
  if (!matchedQ.has(firstQ) && !matchedL.has(firstL)) penalty += PENALTY.sibling;
  const offsets = new Set(edges.map((e) => e.listed[0]! - e.query[0]!));
  const lastQ = q.length - 1;
  const lastL = l.length - 1;
  const shifted =
    edges.length >= 2 &&
    offsets.size === 1 &&
    !offsets.has(0) &&
    ((!matchedQ.has(firstQ) && !matchedL.has(lastL)) || (!matchedL.has(firstL) && !matchedQ.has(lastQ)));
  if (shifted) penalty += PENALTY.shift;
  return penalty;
}

/**
 * Below the default threshold by more than an agreeing birth year alone adds: a bare given name is
 * a hit only when birth year AND nationality agree (the labelling rule's consistent subset).
 */
const REDUCED_CAP = 0.74;

/**
 * "Mohamed" against "Mohamed Ould Sidi Brahim", "فاطمة الزهراء" against "Fatima Zahra Tahiri": a
 * name reduced to one given name (a compound one, Fatima al-Zahra, counts as one) shares only what
 * thousands of people share, whatever the fuller name adds.
 */
function reducedToGivenNames(short: Part[], long: Part[], longMatched: Map<number, number>, lastMeetsLast: boolean) {
  // Saif ul Islam / Saifulislam: the fuller name adds nothing the short one leaves out.
  if (long.every((p, index) => p.optional || longMatched.has(index))) return false;
  const named = short.filter((p) => !p.optional);
  const last = short[short.length - 1];
  // Khaled Al-Ahmad / Khaled Walid Hassan Al-Ahmad: an article and a given name closing both names
  // is a family name, not the second half of a compound given name.
  const compound = (p: Part, i: number) =>
    i > 0 && p.article !== undefined && given(p) && given(named[i - 1]!) && !(p === last && lastMeetsLast);
  const own = named.filter((p, i) => !compound(p, i));
  return own.length === 1 && !own[0]!.initial;
}

/**
 * Everything met but the family names, which are a letter apart (Sane/Sene, Sarr/Sall): two real
 * family names, or one mistyped. Given names of known families are not family names.
 */
function familyNameNearMiss(q: Part[], l: Part[], edges: Edge[], matchedQ: Map<number, number>, matchedL: Map<number, number>) {
  const lastQ = q.length - 1;
  const lastL = l.length - 1;
  if (q.length !== l.length || edges.length !== lastQ || matchedQ.has(lastQ) || matchedL.has(lastL)) return false;
  if (edges.some((e) => e.similarity < 0.9)) return false;
  const [a, b] = [q[lastQ]!, l[lastL]!];
  if (given(a) || given(b) || a.optional || b.optional) return false;
  return typingDistance(a.key, b.key) <= ONE_LETTER;
}

/**
 * A part a letter or a vowel from the other's with no name family or spelling rule behind it
 * (Zubaidi/Zubairi, Zarmina/Zarina) may be a typo or another name: the pair stays a candidate but
 * ranks below every known variant, lower still when that part is the family name or one of only
 * two parts, where it is most of what tells two people apart.
 */
const UNEXPLAINED_CAP = 0.88;
const UNEXPLAINED_KEY_CAP = 0.84;

function unexplainedCap(q: Part[], l: Part[], edges: Edge[], parts: number) {
  let cap = 1;
  for (const e of edges) {
    if (!e.unexplained || e.similarity >= 1) continue;
    const family = e.query.includes(q.length - 1) && e.listed.includes(l.length - 1);
    cap = Math.min(cap, family || parts <= 2 ? UNEXPLAINED_KEY_CAP : UNEXPLAINED_CAP);
  }
  return cap;
}

export function scoreNames(query: PreparedName, listed: PreparedName): NameScore {
  const q = query.parts;
  const l = listed.parts;
  if (!q.length || !l.length) return { score: 0, strength: 0, parts: 0, nearMiss: false, reasons: [] };
  const edges = align(query, listed);
  const matchedQ = new Map<number, number>();
  const matchedL = new Map<number, number>();
  for (const edge of edges) {
    for (const i of edge.query) matchedQ.set(i, edge.similarity);
    for (const j of edge.listed) matchedL.set(j, edge.similarity);
  }
  const coverQ = coverage(q, matchedQ);
  const coverL = coverage(l, matchedL);
  const countQ = q.filter((p) => !p.optional).length;
  const countL = l.filter((p) => !p.optional).length;
  const reasons: PartReason[] = edges.map((edge) => ({
    kind: edge.kind,
    query: edge.query.map((i) => q[i]!.written).join(' '),
    listed: edge.listed.map((j) => l[j]!.written).join(' '),
    similarity: round(edge.similarity),
  }));
  let score: number;
  if (countQ === countL) score = (coverQ + coverL) / 2;
  else {
    const [shortCover, longParts, longMatched] = countQ < countL ? [coverQ, l, matchedL] : [coverL, q, matchedQ];
    score = shortCover;
    const named = longParts.map((p, index) => ({ p, index })).filter(({ p }) => !p.optional);
    named.forEach(({ p, index }, position) => {
      if (longMatched.has(index)) return;
      const where = position === 0 ? 'first' : position === named.length - 1 ? 'last' : 'middle';
      // A common name in front of a whole chain of three is still a son's own name (Mustafa Ahmed
      // Jasim Khalaf / Ahmed Jasim Khalaf); before two parts it is often a compound's first half
      // (Mohamed Lamine, Ahmad Zia).
      const son = where === 'first' && (Math.min(countQ, countL) >= 3 || !COMPOUND_HEADS.has(p.family ?? ''));
      score -= PENALTY[where] * Math.max(son ? 1 : 0.5, p.weight);
      if (where === 'middle')
        reasons.push({ kind: 'missing_middle_name', query: '', listed: '', similarity: 1 - PENALTY.middle });
    });
    // The shorter name must itself be met: a long name does not make up for it.
    score = Math.min(score, (coverQ + coverL) / 2 + 0.25);
    const lastMeetsLast = edges.some((e) => e.query.includes(q.length - 1) && e.listed.includes(l.length - 1));
    if (reducedToGivenNames(countQ < countL ? q : l, longParts, longMatched, lastMeetsLast)) score = Math.min(score, REDUCED_CAP);
  }
  score -= kinship(q, l, edges, matchedQ, matchedL);
  // Gul Ahmad Rahimi / Gul Mohammad Rahimi: each name holds a part the other contradicts.
  if (unmet(q, matchedQ) && unmet(l, matchedL)) score -= PENALTY.conflict;
  // Rustam A. Nozimov / Rustam B. Nozimov: two initials that meet nothing name two people.
  if (q.some((p, i) => p.initial && !matchedQ.has(i)) && l.some((p, j) => p.initial && !matchedL.has(j)))
    score -= PENALTY.initials;
  const { moved, swapped } = inversions(edges, q, l);
  if (moved || swapped) {
    const rotated = swapped ? 0 : rotatedChain(edges, q, l);
    const cost = PENALTY.order * moved + PENALTY.filiation * (swapped + rotated);
    score -= cost;
    reasons.push({ kind: 'order', query: '', listed: '', similarity: round(Math.max(0, 1 - cost)) });
  }
  if (query.filiation && listed.filiation) {
    const crossed = edges.filter((e) => q[e.query[0]!]!.paternal !== l[e.listed[0]!]!.paternal).length;
    score -= PENALTY.filiation * crossed;
  }
  if (query.particles.length || listed.particles.length)
    reasons.push({
      kind: 'particle',
      query: query.particles.join(' '),
      listed: listed.particles.join(' '),
      similarity: 1,
    });
  score = Math.min(score, unexplainedCap(q, l, edges, Math.min(countQ, countL)));
  let strength = 0;
  for (const edge of edges) for (const i of edge.query) strength += q[i]!.weight * edge.similarity;
  const nearMiss = familyNameNearMiss(q, l, edges, matchedQ, matchedL);
  return { score: Math.max(0, Math.min(1, score)), strength, parts: Math.min(countQ, countL), nearMiss, reasons };
}

export interface Factors {
  birthYear: FactorState;
  nationality: FactorState;
  sex: FactorState;
}

export interface FactorInput {
  birthYear?: number | null;
  countries?: readonly string[];
  sex?: string | null;
}

/**
 * How the other fields move a name score. A birth year within one year raises it; five or more
 * years apart lowers it, more as the gap grows, and less when the name is a strong one (several
 * rare parts): an exact long name twenty years off stays a candidate, "Mohamed Diallo" does not.
 */
/** One letter for another, however far (a far consonant costs 1.5 in `similarity.ts`). */
const ONE_LETTER = 1.5;

const BOTH_CONTRADICT = 0.1;

/** Just above the default threshold: a candidate for review, ranked below any variant. */
const NEAR_MISS_CONFIRMED = 0.82;

export function applyFactors(
  nameScore: number,
  strength: number,
  query: FactorInput,
  listed: FactorInput,
  { parts, nearMiss }: { parts: number; nearMiss: boolean } = { parts: 3, nearMiss: false },
): { score: number; factors: Factors } {
  // A name of one or two parts is shared by many: other fields that disagree speak louder.
  const common = parts <= 2;
  let score = nameScore;
  const factors: Factors = { birthYear: 'unknown', nationality: 'unknown', sex: 'unknown' };
  const scale = 1.5 / Math.max(1.5, strength);
  if (query.birthYear != null && listed.birthYear != null) {
    const gap = Math.abs(query.birthYear - listed.birthYear);
    factors.birthYear = gap <= 1 ? 'agrees' : 'differs';
    // Agreement raises toward 1 without reaching it: a variant with agreeing fields still ranks
    // below the same name with agreeing fields.
    if (gap <= 1) score += Math.min(0.05, (1 - score) * 0.25);
    else if (gap > 10 && common) score -= 0.25;
    else if (gap >= 5) score -= Math.min(0.3, 0.08 + 0.01 * (gap - 5)) * scale;
  }
  const qc = query.countries ?? [];
  const lc = listed.countries ?? [];
  if (qc.length && lc.length) {
    const agrees = qc.some((c) => lc.includes(c));
    factors.nationality = agrees ? 'agrees' : 'differs';
    score += agrees ? Math.min(0.02, (1 - score) * 0.1) : common ? -0.1 : -0.03;
  }
  // Birth years over ten years apart AND another nationality: two fields that each only lower a
  // score, together, name another person (the labelling rule's far-apart pairs).
  if (
    factors.nationality === 'differs' &&
    query.birthYear != null &&
    listed.birthYear != null &&
    Math.abs(query.birthYear - listed.birthYear) > 10
  )
    score -= BOTH_CONTRADICT;
  // Ndeye Khady Sarr / Ndeye Khady Sall born the same year in the same country: with three parts
  // or more, one family name a letter away is more likely a slip than another person.
  if (nearMiss && parts >= 3 && factors.birthYear === 'agrees' && factors.nationality === 'agrees')
    score = Math.max(score, NEAR_MISS_CONFIRMED);
  if (query.sex && listed.sex && query.sex !== 'other' && listed.sex !== 'other') {
    const agrees = query.sex === listed.sex;
    factors.sex = agrees ? 'agrees' : 'differs';
    score += agrees ? 0 : -0.1;
  }
  return { score: Math.max(0, Math.min(1, score)), factors };
}
