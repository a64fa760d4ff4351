import { PassThrough } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { isVisibleTo, type Viewer } from '../../../../shared/visibility.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { OpaqueCursors } from '../../../platform/cursor.js';
import type { Db } from '../../../platform/db/database.js';
import { viewerOf } from '../../../platform/policy/visibility-filter.js';
import type { EventBus } from './event-bus.js';
import { type LiveEvent, lastSeq, visibleEventsAfter } from './repository.js';

export interface StreamSettings {
  heartbeatMs: number;
  /** How long a client waits before reconnecting (the `retry:` hint). */
  retryMs: number;
  /** Missed events sent on resume; beyond this the client is told to refetch (`reset`). */
  backlogCap: number;
  /** Unsent bytes a slow client may hold up before its stream is ended (it resumes later). */
  maxBufferedBytes: number;
}

export interface StreamDeps {
  db: Db;
  bus: EventBus;
  log: FastifyBaseLogger;
  settings: StreamSettings;
  cursors: OpaqueCursors;
  /** Resolves the stream's credential again: null once signed out, disabled or expired. */
  refreshActor(): Promise<Actor | null>;
  onClose(stream: EventStream): void;
}

/**
 * What a client receives for an event: ids only (it reads the record through its audited path), and
 * as `id:` the user's own cursor, never the sequence number that would count the events not shown.
 */
export function formatEvent(event: LiveEvent, cursor: string): string {
  const { type, recordType, recordId, at } = event;
  return `id: ${cursor}\nevent: ${type}\ndata: ${JSON.stringify({ type, recordType, recordId, at })}\n\n`;
}

/** Where a client resumes: after an event it had, from now, or from a cursor that is not its own. */
export type ResumePoint = { after: number } | 'now' | 'unknown';

/**
 * One client's Server-Sent Events stream. On resume it sends the missed visible events first while
 * buffering what the bus delivers meanwhile, then the buffer without the events already sent:
 * no gap, no duplicate. The sign-in is checked again when a notice says the user's access changed
 * (and at each heartbeat, which also keeps proxies from closing it); live events wait meanwhile, so
 * none is filtered with rights the user no longer has.
 */
export class EventStream {
  readonly output = new PassThrough();
  #viewer: Viewer;
  #userId: string;
  /** Live events that arrive while the backlog is read or the sign-in is checked. */
  #pending: LiveEvent[] = [];
  #opening = true;
  /** Checks of the sign-in under way; the newest one started wins. */
  #checking = 0;
  #checksStarted = 0;
  #checkApplied = 0;
  #lastSent = 0;
  #closed = false;
  #heartbeat: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;

  /** `viewer`: the request's own (its context built it from the actor). */
  constructor(
    private readonly deps: StreamDeps,
    actor: Actor,
    viewer: Viewer,
  ) {
    this.#viewer = viewer;
    this.#userId = actor.userId;
    this.output.on('close', () => this.close());
  }

  get userId(): string {
    return this.#userId;
  }

  /** Who the stream's events are filtered for now. */
  get viewer(): Viewer {
    return this.#viewer;
  }

  /** `resume`: after the last event the client had (its Last-Event-ID cursor), or from now. */
  async open(resume: ResumePoint): Promise<void> {
    const { bus, settings } = this.deps;
    this.#write(`retry: ${settings.retryMs}\n\n`);
    this.#unsubscribe = bus.subscribe((event) => this.#onLive(event));
    const position = bus.watermark;
    try {
      const backlogSent = typeof resume === 'object' ? await this.#sendBacklog(resume.after, position) : resume === 'now';
      if (!backlogSent) this.#write('event: reset\ndata: {}\n\n');
      if (this.#closed) return;
      // The position lets a client that saw no event yet resume from here rather than from "now".
      this.#lastSent = Math.max(this.#lastSent, position);
      this.#write(`id: ${this.#cursor(this.#lastSent)}\nevent: ready\ndata: {}\n\n`);
      this.#opening = false;
      this.#flush();
    } catch (error) {
      this.deps.log.error({ err: error }, 'starting an event stream failed');
      this.close();
      return;
    }
    this.#heartbeat = setInterval(() => void this.#beat(), settings.heartbeatMs);
  }

  /** False when the client must refetch: too many missed events, or an id from another history. */
  async #sendBacklog(after: number, position: number): Promise<boolean> {
    const { db, settings } = this.deps;
    if (after > position && after > (await lastSeq(db))) return false;
    const backlog = await visibleEventsAfter(db, this.#viewer, after, settings.backlogCap + 1);
    if (backlog.length > settings.backlogCap) return false;
    for (const event of backlog) this.#send(event);
    return true;
  }

  #onLive(event: LiveEvent) {
    if (this.#closed) return;
    if (this.#opening || this.#checking > 0) this.#pending.push(event);
    else if (isVisibleTo(event.access, this.#viewer)) this.#send(event);
  }

  /** Sends what waited, once the backlog is out and no check of the sign-in is under way. */
  #flush() {
    if (this.#opening || this.#checking > 0) return;
    const pending = this.#pending;
    this.#pending = [];
    for (const event of pending) this.#onLive(event);
  }

  #cursor(seq: number): string {
    return this.deps.cursors.seal(this.#userId, seq);
  }

  #send(event: LiveEvent) {
    if (event.seq <= this.#lastSent) return;
    this.#lastSent = event.seq;
    this.#write(formatEvent(event, this.#cursor(event.seq)));
  }

  #write(chunk: string) {
    if (this.#closed) return;
    const buffered = this.output.writableLength + this.output.readableLength;
    if (buffered > this.deps.settings.maxBufferedBytes) {
      this.deps.log.info({ userId: this.#userId }, 'event stream too far behind; ended so the client resumes');
      this.close();
      return;
    }
    this.output.write(chunk);
  }

  async #beat() {
    if (await this.recheck()) this.#write(': heartbeat\n\n');
  }

  /**
   * Resolves the sign-in again: ends the stream once it no longer holds (or cannot be checked), and
   * otherwise filters later events for who the user is now. Events arriving meanwhile wait for it.
   */
  async recheck(): Promise<boolean> {
    if (this.#closed) return false;
    const ticket = ++this.#checksStarted;
    this.#checking++;
    try {
      const actor = await this.deps.refreshActor();
      if (!actor) {
        this.close();
        return false;
      }
      // A check that started earlier but answered later must not bring back older rights.
      if (ticket > this.#checkApplied) {
        this.#checkApplied = ticket;
        this.#viewer = viewerOf(actor) as Viewer;
      }
      return true;
    } catch (error) {
      this.deps.log.warn({ err: error }, 'checking an event stream session failed; ended so the client reconnects');
      this.close();
      return false;
    } finally {
      this.#checking--;
      this.#flush();
    }
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    this.#pending = [];
    clearInterval(this.#heartbeat);
    this.#unsubscribe?.();
    this.output.end();
    this.deps.onClose(this);
  }
}
