#!/usr/bin/env node
// The `liaison` command. In a development checkout (tsx installed) it runs the TypeScript source,
// so it is never stale; an installation without dev dependencies runs the compiled dist/.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let hasTsx = false;
try {
  require.resolve('tsx/esm/api');
  hasTsx = true;
} catch {}

if (hasTsx && existsSync(join(root, 'src/cli/main.ts'))) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src/cli/main.ts')).href);
} else {
  await import(pathToFileURL(join(root, 'dist/cli/main.js')).href);
}
