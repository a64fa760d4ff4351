import { PassThrough } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { isVisibleTo, type Viewer } from '../../../../shared/visibility.js';
import type { Actor } from '../../../platform/auth/actor.js';
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
  /** Resolves the stream's credential again: null once signed out, disabled or expired. */
  refreshActor(): Promise<Actor | null>;
  onClose(stream: EventStream): void;
}

/** What a client receives for an event: ids only; it reads the record through its audited path. */
export function formatEvent(event: LiveEvent): string {
  const { seq, type, recordType, recordId, at } = event;
  return `id: ${seq}\nevent: ${type}\ndata: ${JSON.stringify({ seq, type, recordType, recordId, at })}\n\n`;
}

/**
 * One client's Server-Sent Events stream. On resume it sends the missed visible events first while
 * buffering what the bus delivers meanwhile, then the buffer without the events already sent:
 * no gap, no duplicate. A heartbeat keeps proxies from closing it and re-checks the session.
 */
export class EventStream {
  readonly output = new PassThrough();
  #viewer: Viewer;
  #userId: string;
  /** Live events that arrive while the backlog is read; null once live. */
  #pending: LiveEvent[] | null = [];
  #lastSent = 0;
  #closed = false;
  #heartbeat: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(
    private readonly deps: StreamDeps,
    actor: Actor,
  ) {
    this.#viewer = viewerOf(actor) as Viewer;
    this.#userId = actor.userId;
    this.output.on('close', () => this.close());
  }

  get userId(): string {
    return this.#userId;
  }

  /** `after`: the last event the client had (Last-Event-ID), or null to start from now. */
  async open(after: number | null): Promise<void> {
    const { bus, settings } = this.deps;
    this.#write(`retry: ${settings.retryMs}\n\n`);
    this.#unsubscribe = bus.subscribe((event) => this.#onLive(event));
    const position = bus.watermark;
    try {
      if (after !== null && !(await this.#sendBacklog(after, position))) {
        this.#write('event: reset\ndata: {}\n\n');
      }
      if (this.#closed) return;
      // The position lets a client that saw no event yet resume from here rather than from "now".
      this.#lastSent = Math.max(this.#lastSent, position);
      this.#write(`id: ${this.#lastSent}\nevent: ready\ndata: ${JSON.stringify({ seq: this.#lastSent })}\n\n`);
      const pending = this.#pending ?? [];
      this.#pending = null;
      for (const event of pending) this.#onLive(event);
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
    if (this.#pending) this.#pending.push(event);
    else if (isVisibleTo(event.access, this.#viewer)) this.#send(event);
  }

  #send(event: LiveEvent) {
    if (event.seq <= this.#lastSent) return;
    this.#lastSent = event.seq;
    this.#write(formatEvent(event));
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
    try {
      const actor = await this.deps.refreshActor();
      if (!actor) return this.close();
      // Memberships may have changed: later events are filtered for who the user is now.
      this.#viewer = viewerOf(actor) as Viewer;
      this.#write(': heartbeat\n\n');
    } catch (error) {
      this.deps.log.warn({ err: error }, 'checking an event stream session failed');
    }
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    this.#unsubscribe?.();
    this.output.end();
    this.deps.onClose(this);
  }
}
