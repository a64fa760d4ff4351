import { describe, expect, it } from 'vitest';
import { Periodic } from './periodic.js';

const log = { error: () => {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Periodic', () => {
  it('runs the task repeatedly, one run at a time, and stop() waits for the run in progress', async () => {
    let running = 0;
    let overlapped = false;
    let runs = 0;
    let finished = 0;
    const task = new Periodic(
      'test',
      5,
      async () => {
        running++;
        overlapped ||= running > 1;
        runs++;
        await sleep(20);
        running--;
        finished++;
      },
      log,
    );
    task.start();
    void task.runNow();
    await sleep(80);
    await task.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(overlapped).toBe(false);
    expect(finished).toBe(runs);
    await sleep(30);
    expect(runs).toBe(finished);
  });

  it('never runs with an interval of 0, and survives a failing task', async () => {
    let runs = 0;
    const off = new Periodic('off', 0, async () => runs++, log);
    off.start();
    await sleep(20);
    expect(runs).toBe(0);
    const errors: unknown[] = [];
    const failing = new Periodic(
      'failing',
      5,
      async () => {
        runs++;
        throw new Error('database away');
      },
      { error: (object) => errors.push(object) },
    );
    failing.start();
    await sleep(40);
    await failing.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(errors.length).toBe(runs);
  });
});
