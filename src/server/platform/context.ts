import type { FastifyRequest } from 'fastify';
import type { Viewer } from '../../shared/visibility.js';
import type { Config } from '../config.js';
import type { AuditEntry } from './audit/audit-log.js';
import type { Actor } from './auth/actor.js';
import type { ActorCache } from './auth/actor-cache.js';
import type { CsrfTokens } from './auth/csrf.js';
import type { FieldCipher } from './crypto.js';
import type { Db } from './db/database.js';
import type { PersonalDataKeys } from './personal-data/keyring.js';

/** What the whole app shares: built once at start. */
export interface Platform {
  db: Db;
  config: Config;
  cipher: FieldCipher;
  /** Keys of personal fields (cases, watch-list entries) and the blind index. */
  personalData: PersonalDataKeys;
  csrf: CsrfTokens;
  actorCache: ActorCache;
}

/** An audit entry as a service writes it: who, from where and which request are filled in. */
export type AuditInput = Omit<AuditEntry, 'ip' | 'requestId'>;

/**
 * What a service call gets: the platform, who is asking, and how to write to the audit trail.
 * Built once per request (`request.context()` returns the same object on every call).
 */
export interface ServiceContext extends Platform {
  actor: Actor | null;
  /** The actor as the sharing rule sees it (organisation, units, groups); null for the public. */
  viewer: Viewer | null;
  ip: string;
  /**
   * Appends to the audit log with the actor (unless given), IP and request id filled in. A change is
   * audited inside its own transaction (`trx`), as its last statement, so both commit or neither
   * does; without `trx` the entry is written on its own (refusals, failures, reads).
   */
  audit(entry: AuditInput, trx?: Db): Promise<void>;
  /**
   * Runs a change and writes its audit entry in the same transaction, as its last statement: both
   * commit or neither does, so no change goes unaudited and no failed audit reports a lost change.
   * `entry` answers null when the change turned out to change nothing.
   */
  audited<T>(change: (trx: Db) => Promise<T>, entry: (result: T) => AuditInput | AuditInput[] | null): Promise<T>;
  /** The hook for every read of a record marked sensitive (personal data, TLP:AMBER and above). */
  auditSensitiveRead(targetType: string, targetId: string, details?: Record<string, unknown>): Promise<void>;
  /** The same for the sensitive records of a list page, written in one statement. */
  auditSensitiveReads(targetType: string, reads: { id: string; details?: Record<string, unknown> }[]): Promise<void>;
}

/** A service context that has passed a policy check requiring a signed-in actor (who is also a viewer). */
export type ActorContext = ServiceContext & { actor: Actor; viewer: Viewer };

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
  interface FastifyRequest {
    actor: Actor | null;
    context(): ServiceContext;
  }
}

export type { FastifyRequest };
