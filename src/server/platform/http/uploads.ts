import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

/**
 * Streams an uploaded file to a private file while hashing it, so a file is never held in memory;
 * `truncated` tells that @fastify/multipart stopped at its size limit.
 */
export async function saveHashed(stream: NodeJS.ReadableStream & { truncated?: boolean }, target: string) {
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(
    stream,
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        size += chunk.length;
        yield chunk;
      }
    },
    createWriteStream(target, { mode: 0o600 }),
  );
  return { size, sha256: hash.digest('hex'), truncated: stream.truncated === true };
}
