import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

describe('group commit of audit entries', () => {
  it('commits entries that arrive during a commit together, and answers each caller only once committed', async () => {
    const commits: string[][] = [];
    let finishFirst!: () => void;
    const group = new GroupCommit<string>(async (entries) => {
      commits.push(entries);
      if (commits.length === 1) await new Promise<void>((resolve) => (finishFirst = resolve));
    });
    const settled: string[] = [];
    const first = group.append(['a']).then(() => settled.push('a'));
    const later = ['b', 'c', 'd'].map((entry) => group.append([entry]).then(() => settled.push(entry)));
    await Promise.resolve();
    expect(settled).toEqual([]);
    finishFirst();
    await Promise.all([first, ...later]);
    expect(commits).toEqual([['a'], ['b', 'c', 'd']]);
    expect(settled).toEqual(['a', 'b', 'c', 'd']);
  });

  it("fails only the caller whose entries cannot be written; the others' are committed", async () => {
    const committed: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const group = new GroupCommit<string>(async (entries) => {
      if (entries.includes('first')) await gate;
      if (entries.includes('bad')) throw new Error('refused row');
      committed.push(...entries);
    });
    const first = group.append(['first']);
    const outcomes = ['good-1', 'bad', 'good-2'].map((entry) =>
      group.append([entry]).then(
        () => 'ok',
        (error: Error) => error.message,
      ),
    );
    release();
    await first;
    expect(await Promise.all(outcomes)).toEqual(['ok', 'refused row', 'ok']);
    expect(committed).toEqual(['first', 'good-1', 'good-2']);
  });
});
