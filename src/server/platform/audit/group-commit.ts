/**
 * Group commit for audit entries written on their own (reads, refusals): entries that arrive while
 * a batch is being committed wait and go together in the next transaction. Every caller still
 * waits until its own entries are committed — a sensitive read is answered only once it is in the
 * log — but fifty concurrent list pages cost one chain lock and one commit instead of fifty, which
 * is what let the audit chain's lock bound the platform's read throughput.
 */
export class GroupCommit<Entry> {
  #waiting: { entries: Entry[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #running = false;

  constructor(private readonly commit: (entries: Entry[]) => Promise<void>) {}

  append(entries: Entry[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ entries, resolve, reject });
      if (!this.#running) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#running = true;
    try {
      while (this.#waiting.length > 0) {
        const group = this.#waiting.splice(0);
        try {
          await this.commit(group.flatMap((waiter) => waiter.entries));
          for (const waiter of group) waiter.resolve();
        } catch (groupError) {
          if (group.length === 1) {
            group[0].reject(groupError);
            continue;
          }
          // One caller's bad entry must not fail the others: commit each on its own.
          for (const waiter of group) {
            await this.commit(waiter.entries).then(waiter.resolve, waiter.reject);
          }
        }
      }
    } finally {
      this.#running = false;
    }
  }
}
