import type { FastifyBaseLogger } from 'fastify';
import type { Db, Listen } from '../../../platform/db/database.js';
import { EVENTS_CHANNEL } from '../../../platform/events/record.js';
import { eventsAfter, type LiveEvent, lastSeq } from './repository.js';

export type Subscriber = (event: LiveEvent) => void;

const BATCH = 500;

/**
 * One per app: wakes on each NOTIFY of a committed event (and polls as a fallback, or alone when the
 * database cannot LISTEN), reads the events after its watermark in order with one query, and hands
 * each to every subscriber. Writers commit events in sequence order (record.ts takes a lock), so
 * reading "after the watermark" never skips an event that commits late.
 */
export class EventBus {
  #watermark = 0;
  #subscribers = new Set<Subscriber>();
  #timer: NodeJS.Timeout | undefined;
  #unlisten: (() => Promise<void>) | undefined;
  #reading: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  #lastWake = 0;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly pollMs: () => number,
    private readonly listen?: Listen,
  ) {}

  /** The last sequence number handed to subscribers: later events all reach them. */
  get watermark(): number {
    return this.#watermark;
  }

  async start(): Promise<void> {
    this.#watermark = await lastSeq(this.db);
    if (this.listen) {
      try {
        this.#unlisten = await this.listen(EVENTS_CHANNEL, () => void this.wake());
      } catch (error) {
        this.log.warn({ err: error }, 'cannot LISTEN for events; polling only');
      }
    }
    this.#schedule();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#subscribers.clear();
    await this.#unlisten?.().catch(() => undefined);
    await this.#reading;
  }

  subscribe(subscriber: Subscriber): () => void {
    this.#subscribers.add(subscriber);
    return () => this.#subscribers.delete(subscriber);
  }

  /** Reads what is new; a wake-up during a read makes it read once more rather than run twice. */
  wake(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    this.#lastWake = Date.now();
    if (this.#reading) {
      this.#again = true;
      return this.#reading;
    }
    this.#reading = this.#drain().finally(() => {
      this.#reading = null;
    });
    return this.#reading;
  }

  /** Polls when nothing woke the bus for `pollMs`; ticks at least twice a second so a changed interval applies soon. */
  #schedule() {
    if (this.#stopped) return;
    this.#timer = setTimeout(
      () => {
        const due = Date.now() - this.#lastWake >= this.pollMs();
        void (due ? this.wake() : Promise.resolve()).finally(() => this.#schedule());
      },
      Math.min(this.pollMs(), 500),
    );
    this.#timer.unref();
  }

  async #drain(): Promise<void> {
    try {
      do {
        this.#again = false;
        let batch: LiveEvent[];
        do {
          batch = await eventsAfter(this.db, this.#watermark, BATCH);
          for (const event of batch) {
            if (this.#stopped) return;
            this.#watermark = event.seq;
            for (const subscriber of this.#subscribers) subscriber(event);
          }
        } while (batch.length === BATCH);
      } while (this.#again && !this.#stopped);
    } catch (error) {
      // The next notification or poll tries again from the same watermark.
      if (!this.#stopped) this.log.error({ err: error }, 'reading events failed');
    }
  }
}
