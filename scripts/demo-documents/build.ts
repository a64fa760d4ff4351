/** Renders every source of a folder into a documents folder (the demo library, the knowledge fixtures). */
import fs from 'node:fs';
import path from 'node:path';
import { type DemoDocument, parseSource } from './parse.js';

export async function buildLibrary(sources: string, documents: string, render: (document: DemoDocument) => Promise<Buffer>) {
  const files = fs
    .readdirSync(sources)
    .filter((file) => file.endsWith('.md'))
    .sort();
  fs.mkdirSync(documents, { recursive: true });
  const written = new Set<string>();
  for (const source of files) {
    const document = parseSource(fs.readFileSync(path.join(sources, source), 'utf8'), source);
    const name = `${document.file}.${document.format}`;
    if (written.has(name)) throw new Error(`${source}: another source also renders ${name}`);
    fs.writeFileSync(path.join(documents, name), await render(document));
    written.add(name);
    process.stdout.write(`${name}\n`);
  }
  // A renamed or deleted source must not leave its old rendering behind.
  for (const stale of fs.readdirSync(documents).filter((file) => !written.has(file))) {
    fs.rmSync(path.join(documents, stale));
    process.stdout.write(`removed ${stale}\n`);
  }
}
