import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Every relative import of a file, resolved to a path inside the repository. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)];
  return specifiers.map((match) => path.relative(root, path.resolve(path.dirname(file), match[1] ?? match[2])));
}

const crossings = (from: string, forbidden: string) =>
  sourceFiles(path.join(root, from)).flatMap((file) =>
    importsOf(file)
      .filter((target) => target.startsWith(forbidden))
      .map((target) => `${path.relative(root, file)} → ${target}`),
  );

describe('boundaries between server, web and shared code', () => {
  it('the web app imports nothing from the server', () => {
    expect(crossings('src/web', 'src/server/')).toEqual([]);
  });

  it('shared code imports nothing from the server or the web app', () => {
    expect([...crossings('src/shared', 'src/server/'), ...crossings('src/shared', 'src/web/')]).toEqual([]);
  });
});

describe('problems', () => {
  it('are made from a catalogue, never by hand outside the platform error module', () => {
    const byHand = sourceFiles(path.join(root, 'src/server'))
      .filter((file) => !file.endsWith(path.join('platform', 'errors.ts')))
      .filter((file) => /new Problem\(/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    expect(byHand).toEqual([]);
  });
});
