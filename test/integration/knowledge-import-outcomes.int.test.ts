import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { multipartForm, type UploadFile } from '../support/uploads.js';

const API = '/api/v1/knowledge/imports';

interface Import {
  id: string;
  status: string;
  fileCounts: { total: number; done: number; duplicate: number; failed: number; empty: number };
  files: { fileName: string; status: string; items: number | null; problem: { slug: string } | null }[];
}

let t: TestApp;
let curator: Client;

async function upload(files: UploadFile[]) {
  const body = await multipartForm(files, [
    ['handlingCode', 'TLP:GREEN'],
    ['distribution', 'all_partners'],
  ]);
  return curator.request({ method: 'POST', url: API, payload: body.payload, headers: { 'content-type': body.contentType } });
}

async function finished(id: string): Promise<Import> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const answer: Import = (await curator.get(`${API}/${id}`)).json();
    if (answer.status === 'done' || answer.status === 'failed') return answer;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${answer.status}`);
    await sleep(50);
  }
}

beforeAll(async () => {
  t = await startTestApp();
  curator = await t.signIn('focal.sec@liaison.demo');
});
afterAll(() => t.close());

describe('what an import tells of its files', () => {
  it('counts files stored without items apart, and keeps each failed file with its reason', async () => {
    const started = await upload([
      { name: 'outcome.md', data: '# Outcome of the meeting\n\nRecommendations\n\n- Share data.\n- Train officers.\n' },
      { name: 'lunch.md', data: 'Lunch was served at noon in the main hall.' },
      { name: 'scan.pdf', data: 'this is not a PDF file' },
    ]);
    expect(started.statusCode, started.body).toBe(202);
    const done = await finished(started.json().id);
    expect(done.status).toBe('done');
    expect(done.fileCounts).toEqual({ total: 3, done: 2, duplicate: 0, failed: 1, empty: 1 });
    const byName = Object.fromEntries(done.files.map((file) => [file.fileName, file]));
    expect(byName['lunch.md']).toMatchObject({ status: 'done', items: 0 });
    expect(byName['scan.pdf']).toMatchObject({ status: 'failed', problem: { slug: 'corrupt-document' } });
    const listed = (await curator.get(API)).json().items.find((item: Import) => item.id === done.id);
    expect(listed.fileCounts.empty).toBe(1);
  });

  it('names the refused file in the problem of a refused upload', async () => {
    const good = { name: 'ok.md', data: '# A\n\nRecommendations\n\n- B.\n' };
    const wrongType = expectProblem(await upload([good, { name: 'sheet.xlsx', data: 'x' }]), 415, 'unsupported-format');
    expect(wrongType.fileName).toBe('sheet.xlsx');
    const empty = expectProblem(await upload([good, { name: 'empty.txt', data: '' }]), 422, 'empty-document');
    expect(empty.fileName).toBe('empty.txt');
  });
});
