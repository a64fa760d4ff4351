import type { FastifyBaseLogger } from 'fastify';
import { LIVE_PROBLEMS } from '../../../../shared/exchange/live/problems.js';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { actorFromApiToken, actorFromSession } from '../../../platform/auth/credentials.js';
import type { Platform } from '../../../platform/context.js';
import { OpaqueCursors } from '../../../platform/cursor.js';
import type { Listen } from '../../../platform/db/database.js';
import { problem } from '../../../platform/errors.js';
import { ACCESS_CHANNEL, type HeardAccessChange, parseAccessChange } from '../../../platform/events/access.js';
import { decide } from '../../../platform/policy/policy.js';
import { EventBus } from './event-bus.js';
import { EventStream, type StreamSettings } from './stream.js';

export interface LiveSettings extends StreamSettings {
  /** The fallback poll of the event table (the only way to hear events without LISTEN). */
  pollMs: number;
  maxStreamsPerUser: number;
}

export const DEFAULT_LIVE_SETTINGS: LiveSettings = {
  pollMs: 2000,
  heartbeatMs: 15_000,
  retryMs: 3000,
  backlogCap: 1000,
  maxBufferedBytes: 1024 * 1024,
  maxStreamsPerUser: 10,
};

/** How a stream's user signed in, kept to check at each heartbeat that the sign-in still holds. */
export interface Credential {
  kind: 'session' | 'token';
  secret: string;
}

/** Does a notice concern the stream: its user, their organisation, or one of their units? */
function concerns(change: HeardAccessChange, stream: EventStream): boolean {
  if (change === 'all') return true;
  const { organisationId, unitIds } = stream.viewer;
  return (
    change.users.includes(stream.userId) ||
    change.organisations.includes(organisationId) ||
    change.units.some((unit) => unitIds.includes(unit))
  );
}

/**
 * The app's event bus and its open streams; started when the app is ready, stopped on close. It
 * also hears the access notices of every process (platform/events/access.ts) and checks the
 * streams they concern at once: a signed-out session's streams end, a moved user's are filtered anew.
 */
export class LiveHub {
  /** Mutable so tests can shorten the heartbeat and the poll. */
  readonly settings: LiveSettings = { ...DEFAULT_LIVE_SETTINGS };
  readonly bus: EventBus;
  readonly cursors: OpaqueCursors;
  readonly #streams = new Set<EventStream>();
  #closing = false;
  #unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly platform: Platform,
    private readonly log: FastifyBaseLogger,
    private readonly listen?: Listen,
  ) {
    this.bus = new EventBus(platform.db, log, () => this.settings.pollMs, listen);
    this.cursors = new OpaqueCursors(platform.cipher, 'events');
  }

  get openStreams(): number {
    return this.#streams.size;
  }

  async start(): Promise<void> {
    if (this.listen) {
      try {
        this.#unlisten = await this.listen(ACCESS_CHANNEL, (payload) => this.accessChanged(parseAccessChange(payload)));
      } catch (error) {
        this.log.warn({ err: error }, 'cannot LISTEN for access changes; streams follow them at each heartbeat');
      }
    }
    await this.bus.start();
  }

  async stop(): Promise<void> {
    this.#closing = true;
    await this.#unlisten?.().catch(() => undefined);
    for (const stream of [...this.#streams]) stream.close();
    await this.bus.stop();
  }

  /**
   * Checks at once the sign-in of every open stream the change concerns. The process's cache of
   * signed-in users is emptied too, so its next request sees a change made by another process.
   */
  accessChanged(change: HeardAccessChange): void {
    this.platform.actorCache.clear();
    for (const stream of this.#streams) if (concerns(change, stream)) void stream.recheck();
  }

  /** A new stream for the actor (seeing as `viewer`), or a 429 when the user already holds too many. */
  open(actor: Actor, viewer: Viewer, credential: Credential): EventStream {
    if (this.#closing) throw problem(PLATFORM_PROBLEMS, 'closing', 'The server is stopping; reconnect shortly.');
    const held = [...this.#streams].filter((stream) => stream.userId === actor.userId).length;
    if (held >= this.settings.maxStreamsPerUser) {
      throw problem(
        LIVE_PROBLEMS,
        'too-many-streams',
        `At most ${this.settings.maxStreamsPerUser} event streams per user; close one first.`,
      );
    }
    const { db, config } = this.platform;
    const stream = new EventStream(
      {
        db,
        bus: this.bus,
        log: this.log,
        settings: this.settings,
        cursors: this.cursors,
        refreshActor: async () => {
          const fresh =
            credential.kind === 'token'
              ? await actorFromApiToken(db, credential.secret, config.demo)
              : await actorFromSession(db, credential.secret, config.demo);
          return fresh && fresh.userId === actor.userId && decide(fresh, 'events.read').allow ? fresh : null;
        },
        onClose: (closed) => this.#streams.delete(closed),
      },
      actor,
      viewer,
    );
    this.#streams.add(stream);
    return stream;
  }
}
