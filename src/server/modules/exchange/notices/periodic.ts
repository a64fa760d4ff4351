interface Logger {
  error(object: object, message: string): void;
}

/**
 * Runs `task` every `everyMs` (0 = never), one run at a time, the next one `everyMs` after the
 * previous ended. `stop()` cancels the timer and waits for a run in progress, so closing the app
 * (tests, SIGTERM) never leaves a query behind.
 */
export class Periodic {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = true;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly task: () => Promise<unknown>,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.everyMs <= 0 || !this.#stopped) return;
    this.#stopped = false;
    this.#schedule();
  }

  /** Runs the task now (waiting for a run in progress first), e.g. right after new work arrived. */
  async runNow(): Promise<void> {
    while (this.#running) await this.#running;
    this.#running = this.task()
      .then(() => undefined)
      .catch((error) => this.log.error({ err: error, task: this.name }, 'periodic task failed; it will run again'))
      .finally(() => {
        this.#running = undefined;
      });
    await this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    while (this.#running) await this.#running;
  }

  #schedule() {
    this.#timer = setTimeout(async () => {
      if (this.#stopped) return;
      await this.runNow();
      if (!this.#stopped) this.#schedule();
    }, this.everyMs);
    this.#timer.unref();
  }
}
