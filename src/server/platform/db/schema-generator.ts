import { sql } from 'kysely';
import type { Db } from './database.js';

/**
 * Writes the text of `schema.ts` from the catalog of a migrated database: one interface per table
 * and view of the `public` schema, with the types the drivers hand back (both backends parse the
 * same way: int8 as a number, see database.ts; timestamps and dates as `Date`; arrays as arrays;
 * json as parsed values). The text is already formatted as Biome formats it and sorted, so the same
 * migrations always give the same file.
 */
export async function generateSchemaTypes(db: Db): Promise<string> {
  const columns = await readColumns(db);
  const tables = new Map<string, CatalogColumn[]>();
  for (const column of columns) tables.set(column.table, [...(tables.get(column.table) ?? []), column]);
  const names = [...tables.keys()].sort(byCodePoint);
  const interfaces = names.map((table) => {
    const fields = tables
      .get(table)!
      .sort((a, b) => byCodePoint(a.column, b.column))
      .map((column) => `  ${propertyName(column.column)}: ${columnType(column)};`);
    return `export interface ${typeName(table)} {\n${fields.join('\n')}\n}\n`;
  });
  const database = names.map((table) => `  ${propertyName(table)}: ${typeName(table)};`);
  return [HEADER, ...interfaces, `export interface Database {\n${database.join('\n')}\n}\n`].join('\n');
}

const HEADER = `// Generated from the migrations by \`npm run db:types\` (scripts/generate-db-types.ts): do not edit.
// test/integration/db-types.int.test.ts fails when this file and the migrations disagree.
import type { ColumnType } from 'kysely';

/** A column the database fills when an insert leaves it out (a default, a serial, a trigger). */
export type Generated<T> =
  T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S, I | undefined, U> : ColumnType<T, T | undefined, T>;

/** A column only the database writes (\`generated always\`: identities, computed columns). */
export type GeneratedAlways<T> = ColumnType<T, never, never>;

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type JsonPrimitive = boolean | number | string | null;
export type JsonArray = JsonValue[];
export type JsonObject = { [key: string]: JsonValue | undefined };
export type JsonValue = JsonArray | JsonObject | JsonPrimitive;

/** Read back parsed; written as JSON text (node-postgres would write a JS array as a SQL array). */
export type Json = ColumnType<JsonValue, string, string>;
`;

interface CatalogColumn {
  table: string;
  column: string;
  /** The type's name, or its element's for an array. */
  type: string;
  isArray: boolean;
  enumValues: string[] | null;
  notNull: boolean;
  hasDefault: boolean;
  /** `a` generated always as identity, `d` by default, '' not an identity. */
  identity: string;
  /** `s` for a stored generated column. */
  generated: string;
  /** A row trigger before insert assigns it (`new.column := …`), as a default would. */
  setByTrigger: boolean;
}

async function readColumns(db: Db): Promise<CatalogColumn[]> {
  const result = await sql<CatalogColumn>`
    select c.relname as "table", a.attname as "column",
      coalesce(e.typname, t.typname) as "type", e.oid is not null as "isArray",
      (select array_agg(v.enumlabel::text order by v.enumsortorder) from pg_enum v
        where v.enumtypid = coalesce(e.oid, t.oid)) as "enumValues",
      a.attnotnull and c.relkind in ('r', 'p') as "notNull",
      a.atthasdef as "hasDefault", a.attidentity::text as "identity", a.attgenerated::text as "generated",
      exists (select 1 from pg_trigger g join pg_proc p on p.oid = g.tgfoid
        where g.tgrelid = c.oid and not g.tgisinternal and (g.tgtype & 7) = 7
          and p.prosrc ~* ('new\\.' || a.attname || '\\s*:=')) as "setByTrigger"
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    join pg_type t on t.oid = a.atttypid
    left join pg_type e on e.oid = t.typelem and t.typcategory = 'A'
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')`.execute(db);
  return result.rows;
}

/** What each PostgreSQL type reads back as in JavaScript, on both backends. */
const SCALARS: Record<string, string> = {
  bool: 'boolean',
  int2: 'number',
  int4: 'number',
  int8: 'number',
  float4: 'number',
  float8: 'number',
  oid: 'number',
  numeric: 'string',
  text: 'string',
  varchar: 'string',
  bpchar: 'string',
  name: 'string',
  citext: 'string',
  uuid: 'string',
  inet: 'string',
  xid8: 'string',
  tsvector: 'string',
  tsquery: 'string',
  interval: 'string',
  time: 'string',
  timetz: 'string',
  bytea: 'Uint8Array',
  json: 'JsonValue',
  jsonb: 'JsonValue',
  date: 'Date',
  timestamp: 'Date',
  timestamptz: 'Date',
};

function columnType(column: CatalogColumn): string {
  let type = baseType(column);
  if (!column.notNull) type = `${type} | null`;
  if (column.identity === 'a' || column.generated === 's') return `GeneratedAlways<${type}>`;
  if (column.hasDefault || column.identity === 'd' || column.setByTrigger) return `Generated<${type}>`;
  return type;
}

function baseType(column: CatalogColumn): string {
  const element = column.enumValues
    ? column.enumValues.map((value) => `'${value.replace(/['\\]/g, (c) => `\\${c}`)}'`).join(' | ')
    : SCALARS[column.type];
  if (!element) {
    throw new Error(`${column.table}.${column.column}: no TypeScript type for "${column.type}" (add it to SCALARS)`);
  }
  if (column.isArray) {
    if (element === 'Date') return 'ColumnType<Date[], (Date | string)[], (Date | string)[]>';
    if (element === 'JsonValue') return 'ColumnType<JsonValue[], string, string>';
    return element.includes(' ') ? `(${element})[]` : `${element}[]`;
  }
  if (element === 'Date') return 'Timestamp';
  if (element === 'JsonValue') return 'Json';
  return element;
}

/** `knowledge_items` → `KnowledgeItems`, as kysely-codegen names them. */
const typeName = (table: string) =>
  table
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');

const propertyName = (name: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : `'${name.replace(/'/g, "\\'")}'`);

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
