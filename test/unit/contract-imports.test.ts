import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every import and re-export statement of a file: whether it is type-only, and what it names. */
function statementsOf(file: string) {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gms)].map((match) => ({
    typeOnly: match[2] !== undefined,
    target: match[3],
  }));
}

// Contract files and the kit build TypeBox schemas: the browser needs their types, never their code.
const buildsSchemas = (target: string) =>
  target === '@sinclair/typebox' || /\/contract\.js$/.test(target) || /\/contract\/kit\.js$/.test(target);

describe('the wire contract in the web app', () => {
  it('is imported for its types only, so TypeBox stays out of the browser bundle', () => {
    const valueImports = sourceFiles(path.join(root, 'src/web')).flatMap((file) =>
      statementsOf(file)
        .filter((statement) => !statement.typeOnly && buildsSchemas(statement.target))
        .map((statement) => `${path.relative(root, file)} → ${statement.target}`),
    );
    expect(valueImports).toEqual([]);
  });

  it('finds the type imports it checks', () => {
    const typeImports = sourceFiles(path.join(root, 'src/web/modules/exchange')).flatMap((file) =>
      statementsOf(file).filter((statement) => statement.typeOnly && buildsSchemas(statement.target)),
    );
    expect(typeImports.length).toBeGreaterThan(5);
  });
});
