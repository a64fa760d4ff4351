import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats worth compressing; images (png) and fonts in woff/woff2 are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|xml|wasm|ttf|otf)$/;

async function* filesUnder(folder: string): AsyncGenerator<string> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside every compressible
 * file of the build, once, so the server sends them with `preCompressed` and never compresses per
 * request. Small files too: on a slow link every byte counts, and the browser would otherwise get the
 * one chunk sent plain. A copy that would not be smaller is not written: the server then sends the file.
 */
export async function precompressFolder(folder: string): Promise<{ file: string; raw: number; br?: number; gz?: number }[]> {
  const written: { file: string; raw: number; br?: number; gz?: number }[] = [];
  for await (const file of filesUnder(folder)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const { size } = await stat(file);
    const content = await readFile(file);
    const [br, gz] = await Promise.all([
      brotli(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: size,
        },
      }),
      gzipAsync(content, { level: 9 }),
    ]);
    const entry: (typeof written)[number] = { file: path.relative(folder, file), raw: size };
    if (br.length < size) {
      await writeFile(`${file}.br`, br);
      entry.br = br.length;
    }
    if (gz.length < size) {
      await writeFile(`${file}.gz`, gz);
      entry.gz = gz.length;
    }
    if (entry.br || entry.gz) written.push(entry);
  }
  return written;
}

/** Vite plugin: pre-compresses the output folder once the bundle is written (`vite build` only). */
export function precompress(): Plugin {
  let outDir = '';
  let log: (message: string) => void = () => {};
  return {
    name: 'liaison-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      log = (message) => config.logger.info(message);
    },
    async closeBundle() {
      const files = await precompressFolder(outDir);
      const total = (key: 'raw' | 'br' | 'gz') => files.reduce((sum, file) => sum + (file[key] ?? file.raw), 0);
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
      log(`pre-compressed ${files.length} files: ${kb(total('raw'))} → br ${kb(total('br'))}, gzip ${kb(total('gz'))}`);
    },
  };
}
