import type { ActionPlan } from '../../../../shared/followup/vocabulary.js';
import { ACTION_PLANS } from '../../../../shared/followup/vocabulary.js';
import { REFERENCES } from '../../knowledge/vocabulary/references.js';
import { type Part, PLAN_NAMES, PLAN_PARTS, type Translated } from '../../knowledge/vocabulary/references-data.js';

/**
 * The action plans' structure as dashboards show it: each plan's parts (domains, objectives,
 * actions) in order, with the library's reference ids and their EN/FR/AR labels. Read from the
 * library's vocabulary, so a dashboard and a recommendation's tags always name the same parts.
 */
export interface PlanPartRef {
  reference: string;
  part: Part;
  number: number;
  label: Translated;
}

/** Order of parts within a plan: the broad ones first. */
const PART_ORDER: readonly Part[] = ['domain', 'objective', 'action'];

/** GCM objectives are `GCM:<n>`; the other plans name the part (`CAP:objective:3`). */
const referenceOf = (plan: ActionPlan, part: Part, n: number) => (plan === 'GCM' ? `GCM:${n}` : `${plan}:${part}:${n}`);

function partsOf(plan: ActionPlan): PlanPartRef[] {
  return PART_ORDER.flatMap((part) =>
    Array.from({ length: PLAN_PARTS[plan][part] ?? 0 }, (_, i) => {
      const reference = referenceOf(plan, part, i + 1);
      return { reference, part, number: i + 1, label: REFERENCES[reference] };
    }),
  );
}

export const PLANS: Readonly<Record<ActionPlan, { label: Translated; parts: readonly PlanPartRef[] }>> = Object.fromEntries(
  ACTION_PLANS.map((plan) => [plan, { label: PLAN_NAMES[plan], parts: partsOf(plan) }]),
) as Record<ActionPlan, { label: Translated; parts: PlanPartRef[] }>;

/** Every reference id a plan has, for `&& plan_references` in SQL. */
export const referencesOf = (plan: ActionPlan): string[] => PLANS[plan].parts.map((part) => part.reference);

/** Whether `reference` is a part of some action plan (filters refuse others). */
export const isPlanReference = (reference: string): boolean =>
  ACTION_PLANS.some((plan) => PLANS[plan].parts.some((part) => part.reference === reference));
