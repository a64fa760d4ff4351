import fs from 'node:fs';
import path from 'node:path';
import { extractFromText } from '../server/modules/knowledge/extraction/extract.js';
import { DocumentError, readDocument } from '../server/modules/knowledge/extraction/read-document.js';
import { ingestDocument } from '../server/modules/knowledge/ingestion.js';
import { appendAuditInTransaction } from '../server/platform/audit/audit-log.js';
import type { Db } from '../server/platform/db/database.js';

function readFileOrFail(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new DocumentError('unsupported-format', `${file}: no such readable file.`);
  }
}

/**
 * `liaison ingest FILE… --json`: reads and splits each file and prints, on stdout and nothing else,
 * the public JSON contract — one object per file, an array when several files are given.
 * Every file is read before anything is printed, so a bad file stops the run with no partial output.
 */
export async function ingestToJson(files: string[]): Promise<string> {
  const results = [];
  for (const file of files) {
    const data = readFileOrFail(file);
    const document = await readDocument(file, data);
    const { document: metadata, items } = extractFromText(document.text, document.pageOfLine);
    results.push({
      file,
      document: {
        title: metadata.title,
        process: metadata.process,
        city: metadata.city,
        country: metadata.country,
        dates: metadata.dates,
        coChairs: metadata.coChairs,
        language: metadata.language,
      },
      items: items.map((item) => ({
        type: item.type,
        text: item.text,
        line: item.line,
        page: item.page,
        countries: item.countries,
        organisations: item.organisations,
        themes: item.themes,
        references: item.references,
      })),
    });
  }
  return JSON.stringify(files.length === 1 ? results[0] : results, null, 2);
}

export interface StoreOptions {
  publish: boolean;
  handlingCode: string;
  organisationId: string;
}

/** `liaison ingest FILE…`: stores each document and its items; every file is read first. */
export async function ingestIntoLibrary(db: Db, files: string[], options: StoreOptions): Promise<string[]> {
  const contents = files.map((file) => ({ file, data: readFileOrFail(file) }));
  for (const { file, data } of contents) await readDocument(file, data);
  const lines: string[] = [];
  for (const { file, data } of contents) {
    const input = {
      fileName: path.basename(file),
      data,
      originatorOrganisationId: options.organisationId,
      handlingCode: options.handlingCode,
      publish: options.publish,
    };
    const result = await ingestDocument(db, input, {
      // Audited inside the storing transaction: a document is never stored unaudited.
      inTransaction: async (trx, stored) => {
        if (!stored.created) return;
        const details = { via: 'cli', version: stored.version, items: stored.items, published: options.publish };
        const entry = { action: 'knowledge.document.ingest', outcome: 'success' as const, details };
        await appendAuditInTransaction(trx, [{ ...entry, targetType: 'knowledge_document', targetId: stored.documentId }]);
      },
    });
    lines.push(
      result.created
        ? `${file}: stored as document ${result.documentId} (version ${result.version}, ${result.items} items, ${options.publish ? 'published' : 'draft'})`
        : `${file}: already in the library as document ${result.documentId}`,
    );
  }
  return lines;
}
