import { type Static, Type } from '@sinclair/typebox';
import { HANDLING_CODES, type HandlingCode, isHandlingCode } from '../../../../shared/handling-codes.js';
import { KNOWLEDGE_PROBLEMS } from '../../../../shared/knowledge/problems.js';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import type { DistributionTarget } from '../../../../shared/visibility.js';
import { problem } from '../../../platform/errors.js';
import { Strict } from '../../../platform/http/schemas.js';
import type { ImportField } from './upload.js';

export const ImportListQuery = Strict({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
});
export type ImportListQuery = Static<typeof ImportListQuery>;

/** What the curator chose for every document of an import. */
export interface ImportChoices {
  handlingCode: HandlingCode;
  targets: DistributionTarget[];
  publish: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TARGET_KINDS = ['organisation', 'sharing_group', 'unit'] as const;

/** A form field the schema could not check (multipart): malformed, and nothing is imported. */
const bad = (slug: 'invalid-handling-code' | 'invalid-distribution', detail: string) =>
  problem(KNOWLEDGE_PROBLEMS, slug, `${detail} Nothing was imported.`);
const badField = (detail: string) => problem(PLATFORM_PROBLEMS, 'validation', `${detail} Nothing was imported.`);

function single(fields: Map<ImportField, string[]>, name: ImportField): string | undefined {
  const values = fields.get(name) ?? [];
  if (values.length > 1) throw badField(`Send the field ${name} once.`);
  return values[0]?.trim();
}

/** `all_partners`, `organisation:<id>`, `sharing_group:<id>` or `unit:<id>`. */
function parseTarget(value: string): DistributionTarget {
  const text = value.trim();
  if (text === 'all_partners') return { kind: 'all_partners' };
  const [kind, id, ...rest] = text.split(':');
  if (rest.length === 0 && (TARGET_KINDS as readonly string[]).includes(kind) && UUID.test(id ?? '')) {
    return { kind: kind as (typeof TARGET_KINDS)[number], id: id.toLowerCase() };
  }
  throw bad(
    'invalid-distribution',
    'Each distribution value is all_partners, organisation:<id>, sharing_group:<id> or unit:<id>.',
  );
}

function parsePublish(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1' || value === 'on') return true;
  throw badField('publish is true or false.');
}

/** The form fields of an import, checked: a handling code, at least one recipient, publish or not. */
export function parseImportChoices(fields: Map<ImportField, string[]>): ImportChoices {
  const handlingCode = single(fields, 'handlingCode');
  if (!handlingCode || !isHandlingCode(handlingCode)) {
    throw bad('invalid-handling-code', `handlingCode is one of ${HANDLING_CODES.join(', ')}.`);
  }
  const targets = (fields.get('distribution') ?? []).map(parseTarget);
  if (targets.length === 0) {
    throw bad(
      'invalid-distribution',
      'Choose who receives the documents: all partners, or organisations, sharing groups or units.',
    );
  }
  return { handlingCode, targets, publish: parsePublish(single(fields, 'publish')) };
}
