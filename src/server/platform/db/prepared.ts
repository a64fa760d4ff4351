import { createHash } from 'node:crypto';
import { type PGlite, parse, protocol } from '@electric-sql/pglite';
import { type RawBuilder, sql } from 'kysely';
import pg from 'pg';

/**
 * Prepared statements for the hottest reads (an inbox page, …). Planning such a statement — five
 * joins, the sharing rule inlined, correlated counts — costs PostgreSQL two to four times its
 * execution; a named statement is planned once per connection and then runs on its cached plan.
 * Only the statements wrapped in `prepared()` are named: each keeps a plan on every connection,
 * so this is for a handful of fixed, frequent queries, not for everything.
 */
const MARK = '/* prepared */ ';

export function prepared<T>(query: RawBuilder<T>): RawBuilder<T> {
  return sql<T>`${sql.raw(MARK)}${query}`;
}

const isPrepared = (text: string) => text.startsWith(MARK);
/** The same text always gets the same name, on every connection and in every process. */
const statementName = (text: string) => `liaison_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;

/** node-postgres prepares a named query once per connection by itself: give marked queries a name. */
export class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: forwards node-postgres' overloaded signature as is.
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && isPrepared(config) && typeof values !== 'function') {
      return super.query({ name: statementName(config), text: config, values }, callback);
    }
    return super.query(config, values, callback);
  }
}

/**
 * PGlite has no named statements in its query API, so speak the protocol: Parse and Describe once
 * per text, then Bind/Execute the named statement. Values are serialised and rows parsed exactly
 * as `PGlite.query` does. The caller holds the single session (see pglite-dialect.ts).
 */
const statementsOf = new WeakMap<PGlite, Map<string, { name: string; parameterTypes: number[] }>>();

export async function queryPrepared(client: PGlite, text: string, parameters: readonly unknown[]) {
  let statements = statementsOf.get(client);
  if (!statements) {
    statements = new Map();
    statementsOf.set(client, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    const name = statementName(text);
    const described = await client.execProtocol(
      concat(
        protocol.serialize.parse({ name, text }),
        protocol.serialize.describe({ type: 'S', name }),
        protocol.serialize.sync(),
      ),
      { syncToFs: false },
    );
    statement = { name, parameterTypes: parse.parseDescribeStatementResults(described.messages) };
    statements.set(text, statement);
  }
  const { parameterTypes } = statement;
  const values = parameters.map((value, i) => {
    if (value === null || value === undefined) return null;
    const serialise = client.serializers[parameterTypes[i]];
    return serialise ? serialise(value) : String(value);
  });
  const executed = await client.execProtocol(
    concat(
      protocol.serialize.bind({ statement: statement.name, values }),
      protocol.serialize.describe({ type: 'P' }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    ),
  );
  return parse.parseResults(executed.messages, client.parsers)[0];
}

export { isPrepared };

function concat(...parts: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((length, part) => length + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.byteLength;
  }
  return whole;
}
