import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const webRoot = path.resolve(here, '..');
const mantine = path.resolve(here, '../../../node_modules/@mantine/core');
const BASE = ['baseline', 'default-css-variables', 'global'];
/** Folders reached only for a plain inline icon (NavLink draws Accordion's chevron, an SVG with inline styles). */
const ICONS_ONLY = ['Accordion'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [full] : [];
  });
}

/** Names the app imports from @mantine/core. */
function importedNames(): Set<string> {
  const names = new Set<string>();
  for (const file of sources(webRoot)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'@mantine\/core'/g)) {
      for (const name of match[1].split(',')) {
        const clean = name
          .replace(/\btype\b/, '')
          .trim()
          .split(/\s+as\s+/)[0];
        if (clean) names.add(clean);
      }
    }
  }
  return names;
}

/** The component folders Mantine's own modules reach from those names (Select → Combobox, Input, Popover…). */
function componentFolders(names: Set<string>): Set<string> {
  const index = readFileSync(path.join(mantine, 'esm/index.mjs'), 'utf8');
  const todo: string[] = [];
  for (const match of index.matchAll(/import \{ (\w+)(?: as (\w+))? \} from "\.\/([^"]+)"/g)) {
    if (names.has(match[2] ?? match[1])) todo.push(path.join(mantine, 'esm', match[3]));
  }
  const seen = new Set<string>();
  const folders = new Set<string>();
  while (todo.length) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    // Shared parts live under utils/ (InlineInput lays out the label of Checkbox, Radio and Switch).
    const folder = /(?:components|utils)[\\/]([^\\/]+)/.exec(path.relative(mantine, file))?.[1];
    if (folder) folders.add(folder);
    for (const match of readFileSync(file, 'utf8').matchAll(/from "(\.\.?\/[^"]+)"/g)) {
      todo.push(path.resolve(path.dirname(file), match[1]));
    }
  }
  return folders;
}

describe("Mantine's styles", () => {
  const listed = [
    ...readFileSync(path.join(here, 'mantine-styles.ts'), 'utf8').matchAll(/'@mantine\/core\/styles\/([\w-]+)\.css'/g),
  ].map((match) => match[1]);
  const styled = new Set(readdirSync(path.join(mantine, 'styles')).map((file) => file.replace(/\.css$/, '')));
  const needed = [...componentFolders(importedNames())].filter((folder) => styled.has(folder) && !ICONS_ONLY.includes(folder));

  it('include the style file of every component the app uses', () => {
    expect(needed.length).toBeGreaterThan(20);
    expect(needed.filter((folder) => !listed.includes(folder)).sort()).toEqual([]);
  });

  it('include no style file of a component the app does not use (but the base files)', () => {
    expect(listed.filter((name) => !BASE.includes(name) && !needed.includes(name))).toEqual([]);
    expect(listed.slice(0, 3)).toEqual(BASE);
  });
});
